"""Write the notulen of a session to one file, safely.

The one entry point the CLI and the TUI dialog share: it writes exactly the file the user
named (never elsewhere, never over a folder or through a symbolic link), and atomically,
so a crash mid-write leaves the old file or none, never half a document.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sopreview.durable.files import atomic_write
from sopreview.minutes.build import build_minutes
from sopreview.minutes.formats import ExportFormat, find_format, format_for_suffix, format_keys
from sopreview.minutes.model import SessionReader

class ExportError(Exception):
    """A user-facing reason the file was not written (names the path and what to do)."""


def export_format(fmt: str) -> ExportFormat:
    """The registry entry of ``fmt``, or ExportError naming the formats there are."""
    found = find_format(fmt)
    if found is None:
        raise ExportError(f"Format '{fmt}' tidak dikenal. Pilih salah satu: {', '.join(format_keys())}.")
    return found


def render_minutes(session: SessionReader, fmt: str) -> bytes:
    """The document bytes, without touching the disk."""
    entry = export_format(fmt)
    render = entry.renderer()
    return render(build_minutes(session, perubahan=entry.needs_changes))


def default_path(session_path: Path, fmt: str) -> Path:
    """``sessions/rapat-2022.json`` → ``sessions/rapat-2022-notulen.docx``."""
    return session_path.with_name(f"{session_path.stem}-notulen.{fmt}")


def check_target(out_path: Path, within: Path | None = None) -> Path:
    """The absolute path to write, or ExportError saying why that place is refused."""
    raw = Path(out_path).expanduser()
    if raw.name in ("", ".", ".."):
        raise ExportError(f"'{out_path}' bukan nama berkas. Tulis nama berkas, misalnya notulen.docx.")
    folder = raw.parent.resolve()
    target = folder / raw.name
    if within is not None:
        allowed = Path(within).expanduser().resolve()
        if folder != allowed and allowed not in folder.parents:
            raise ExportError(
                f"'{out_path}' berada di luar folder yang dipilih ({allowed}). "
                "Simpan notulen di dalam folder itu."
            )
    if not folder.is_dir():
        raise ExportError(
            f"Folder '{folder}' tidak ada (atau bukan folder). Buat foldernya dulu atau pilih folder lain."
        )
    if target.is_symlink():
        raise ExportError(
            f"'{target}' adalah tautan simbolik; notulen tidak ditulis melalui tautan. Pilih nama berkas lain."
        )
    if target.is_dir():
        raise ExportError(
            f"'{target}' adalah folder. Tulis nama berkas di dalamnya, misalnya {target / 'notulen.docx'}."
        )
    if target.exists() and not target.is_file():
        raise ExportError(f"'{target}' bukan berkas biasa. Pilih nama berkas lain.")
    return target


def suffix_problem(fmt: str, out_path: Path) -> str | None:
    """Why ``out_path`` does not suit ``fmt``: a name ending in another format's suffix
    (``-f docx -o out.md``) would give a file its reader cannot open. Other suffixes are free."""
    named, chosen = format_for_suffix(Path(out_path).suffix), find_format(fmt)
    if named is not None and chosen is not None and named != chosen:
        return (f"'{out_path}' berakhiran {named.suffix} tetapi formatnya {chosen.label}. "
                f"Ganti akhirannya menjadi {chosen.suffix}, atau pilih format {named.label} ({named.key}).")
    return None


def export_minutes(session: SessionReader, fmt: str, out_path: Path, *, within: Path | None = None,
                   guard: Callable[[Path, str], str | None] | None = None) -> Path:
    """Write the notulen of ``session`` as ``fmt`` to ``out_path``; return the path written.

    ``within``: the folder the user picked (TUI dialog); a name that escapes it is refused.
    ``guard(path, suffix)``: why that path must not be written, or None; callers pass the
    store's ``output_guard`` (never over the session's files or into ``sops/``).
    Raises ExportError (clear Indonesian message) when the place is refused or cannot be written.
    """
    problem = suffix_problem(fmt, out_path) or (guard(out_path, f".{fmt}") if guard is not None else None)
    if problem:
        raise ExportError(problem)
    target = check_target(out_path, within)
    data = render_minutes(session, fmt)
    try:
        atomic_write(target, data)
    except OSError as exc:
        raise ExportError(f"Tidak dapat menulis '{target}': {exc.strerror or exc}.") from exc
    return target
