"""`sopreview export SESI --format md|html|docx|pdf|csv [-o PATH] [--sop-appendix]`: the notulen from the session file alone.

The session is opened read-only, so exporting works while the operator's TUI still holds
the session open (the secretariat can print the minutes before the meeting app is closed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sopreview.cli.common import add_option, add_command
from sopreview.minutes.formats import DEFAULT_FORMAT, format_for_suffix, format_keys

if TYPE_CHECKING:
    from sopreview.store.session import Session



def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(
        sub,
        "export",
        "Tulis notulen rapat (Markdown, HTML, Word, atau CSV keputusan) dari berkas sesi.",
        run_export,
    )
    parser.add_argument("session", metavar="SESI",
                        help="nama sesi (-> sessions/NAMA.json) atau berkas .json, mis. sessions/rapat-sop-2022.json")
    parser.add_argument(
        "--format",
        "-f",
        dest="format",
        choices=format_keys(),
        default=None,
        help=f"{', '.join(format_keys()[:-1])} atau {format_keys()[-1]} (bawaan: dari akhiran -o, selain itu {DEFAULT_FORMAT})",
    )
    parser.add_argument("--force", action="store_true",
                        help="boleh menimpa berkas lain yang sudah ada (berkas sesi dan sops/ tetap tidak pernah)")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        help="berkas tujuan, atau folder tujuan (bawaan: <nama-sesi>-notulen.<format> di samping berkas sesi)",
    )
    add_option(parser, "--sop-appendix", action="store_true", dest="lampiran_sop",
                        help="lampirkan dokumen SOP yang disetujui (pdf, html, docx)")
    parser.add_argument("--check-sops", action="store_true", dest="periksa_sops",
                        help="juga periksa apakah SOP di folder sops/ berubah sejak sesi dibuat "
                             "(notulen tetap memakai isi yang dibahas)")


def choose_format(explicit: str | None, output: Path | None) -> str:
    """--format wins; otherwise the suffix of -o when it names a format; otherwise DOCX."""
    if explicit:
        return explicit
    named = format_for_suffix(output.suffix) if output is not None else None
    return named.key if named is not None else DEFAULT_FORMAT


def output_path(session_path: Path, fmt: str, output: Path | None) -> Path:
    """Where to write: -o as given; a folder given as -o gets the default file name inside it."""
    from sopreview.minutes.export import default_path

    if output is None:
        return default_path(session_path, fmt)
    if output.is_dir() and not output.is_symlink():
        return output / default_path(session_path, fmt).name
    return output


def run_export(args: argparse.Namespace) -> int:
    from sopreview.cli.plumbing import existing_session
    from sopreview.minutes.export import ExportError, export_minutes, suffix_problem
    from sopreview.store.outputs import output_guard
    from sopreview.store.session import Session, SessionError

    session_path = existing_session(args.session, lambda p: f"Berkas sesi '{p}' tidak ditemukan. Periksa nama "
                                    "berkasnya (sesi biasanya ada di folder sessions/).")
    if session_path is None:
        return 2
    fmt = choose_format(args.format, args.output)
    target = output_path(session_path, fmt, args.output)
    mismatch = suffix_problem(fmt, target)
    if mismatch:
        print(f"Notulen tidak ditulis: {mismatch}", file=sys.stderr)
        return 2
    try:
        session = Session.open(session_path, readonly=True)
    except SessionError as exc:
        print(f"Tidak dapat membuka sesi: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Tidak dapat membaca '{session_path}': {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        note = snapshot_note(session) if args.periksa_sops else None  # the minutes need only the session
        draft = draft_note(session)
        guard = output_guard(session, force=args.force)
        if args.lampiran_sop:
            from sopreview.documents.export import DocumentError
            from sopreview.documents.lampiran import export_with_appendix

            try:
                written = export_with_appendix(session_path, fmt, target, guard=guard)
            except DocumentError as exc:
                raise ExportError(str(exc)) from None
        else:
            written = export_minutes(session, fmt, target, guard=guard)
    except (ExportError, SessionError) as exc:
        print(f"Notulen tidak ditulis: {exc}", file=sys.stderr)
        return 1
    finally:
        session.close()
    if note:
        print(note, file=sys.stderr)
    if draft:
        print(draft, file=sys.stderr)
    print(f"Notulen ({fmt}) ditulis ke {written}")
    return 0


def draft_note(session: Session) -> str | None:
    """A warning when the meeting is not closed: the minutes come after the room's read-back."""
    if session.closed_at() is not None:
        return None
    return ("Peringatan: rapat belum ditutup (keputusan belum dibacakan dan dikonfirmasi); notulen ini "
            "draf. Di layar proyektor (p) tekan b untuk membacakan keputusan, lalu T untuk menutup rapat.")


def snapshot_note(session: Session) -> str | None:
    """With --check-sops: whether sops/ changed after the session was created (the minutes keep the snapshot).

    Not done by default since issue 17: re-loading and re-validating all of sops/ was 91% of a
    1,000-proposal export, for a note. A stat walk first; sops/ is parsed only when it was touched."""
    from sopreview.store.session import SessionError

    sops_dir = session.sops_dir
    if sops_dir is None or not sops_dir.is_dir():
        return f"Folder sops/ sesi ini ({sops_dir or 'tidak tercatat'}) tidak ada; tidak diperiksa."
    try:
        if not session.sops_touched_since_created(sops_dir):  # a stat walk: nothing parsed
            return f"Folder {sops_dir} tidak berubah sejak sesi dibuat."
        changed = session.changed_since_snapshot(sops_dir)
    except (SessionError, OSError, ValueError):
        return None
    if not changed:
        return f"SOP di {sops_dir} sama dengan salinan di berkas sesi."
    return (f"Catatan: {len(changed)} SOP di {sops_dir} berubah sejak sesi dibuat; notulen memakai "
            "isi SOP sebagaimana dibahas dalam rapat (salinan di berkas sesi).")
