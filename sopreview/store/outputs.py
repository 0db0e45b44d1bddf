"""Where an export may write: never over a session, its journal, backup or lock, never into the
``sops/`` folder in use, and over an existing file of another kind only when asked (``--force``).

``export r1 -f md -o sessions/r1.json`` used to replace the meeting itself with Markdown (and the
app's next save rotated the Markdown into ``.bak``). Paths are compared after resolving symlinks
and ``..``, so no spelling of a protected file gets through.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sopreview.store.files import (
    BAK_SUFFIX, JOURNAL_SUFFIX, LEGACY_SUFFIX, LOCK_SUFFIX, SESSION_SUFFIX, SNAPSHOT_SUFFIX, SessionFiles,
)

SESSION_ARTIFACTS = (JOURNAL_SUFFIX, SNAPSHOT_SUFFIX, SESSION_SUFFIX + BAK_SUFFIX, SESSION_SUFFIX + LOCK_SUFFIX,
                     SESSION_SUFFIX + LEGACY_SUFFIX)
"""Names that belong to some session (this one or another in the same folder)."""


def _real(path: Path) -> Path:
    path = Path(path).expanduser()
    return path.resolve() if path.exists() or path.is_symlink() else path.parent.resolve() / path.name


def _looks_like_session(path: Path) -> bool:
    """A ``.json`` file whose first bytes hold sopreview's ``sesi`` table."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(256)
    except OSError:
        return False
    return b'"sesi"' in head


def output_problem(target: Path, *, suffix: str, session_path: Path | None = None,
                   sops_dir: Path | None = None, force: bool = False) -> str | None:
    """Why ``target`` must not be written (a message naming it and the way out), or None.

    ``suffix``: what the export writes (``.md``); an existing file with another suffix is
    replaced only with ``force``. Inputs (session files, ``sops/``) are refused even then."""
    real = _real(target)
    if session_path is not None:
        files = SessionFiles(_real(session_path))
        own = {files.path: "berkas sesi ini", _real(files.journal): "log audit sesi ini",
               _real(files.bak): "cadangan sesi ini", _real(files.lock): "kunci sesi ini",
               _real(files.snapshot): "snapshot usulan sesi ini", _real(files.legacy): "salinan lama sesi ini"}
        if real in own:
            return (f"'{target}' adalah {own[real]} ({real.name}); notulen tidak pernah ditulis di atas "
                    "berkas masukan. Pilih nama lain, mis. tanpa -o (bawaan: <sesi>-notulen.<format>).")
    if real.name.endswith(SESSION_ARTIFACTS) or (real.suffix == SESSION_SUFFIX and _looks_like_session(real)):
        return (f"'{target}' adalah berkas milik sebuah sesi ({real.name}); notulen tidak ditulis di atasnya. "
                "Pilih nama lain.")
    if sops_dir is not None:
        sops = _real(sops_dir)
        if real == sops or sops in real.parents:
            return (f"'{target}' berada di dalam folder usulan SOP ({sops}); notulen tidak ditulis di sana. "
                    "Simpan di folder lain, mis. di samping berkas sesi.")
    if Path(target).expanduser().is_symlink():
        return None  # an input behind it is refused above; any other link is refused by the writer
    if real.exists() and real.suffix.lower() != suffix.lower() and not force:
        return (f"'{target}' sudah ada dan bukan berkas {suffix}; tidak ditimpa. Pilih nama lain, atau "
                "tambahkan --force bila berkas itu memang boleh diganti.")
    return None


def output_guard(session: Any, *, force: bool = False) -> Callable[[Path, str], str | None]:
    """``export_minutes``'s guard for this session (its files, its ``sops/`` folder)."""
    session_path, sops_dir = getattr(session, "path", None), getattr(session, "sops_dir", None)
    return lambda target, suffix: output_problem(target, suffix=suffix, session_path=session_path,
                                                 sops_dir=sops_dir, force=force)
