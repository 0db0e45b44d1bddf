"""`sopreview` (session picker), `sopreview open SESSION` and `sopreview demo`: the meeting app.

Textual is imported inside the handlers so that the other commands start fast.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path

from sopreview.cli.common import add_command
from sopreview.store.files import SESSIONS_DIR

SOPS_DIR = "sops"


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = add_command(sub, "open", "buka sesi rapat SESSION (berkas .json) di aplikasi rapat", run_open)
    parser.add_argument("session", metavar="SESSION",
                        help="nama sesi (-> sessions/NAMA.json) atau berkas .json, mis. sessions/rapat-2022-06-16.json")
    parser.add_argument("--readonly", action="store_true", help="buka hanya-baca (tidak ada yang diubah)")
    parser.add_argument("--sops", metavar="SOPS_DIR", default=None,
                        help="folder sops/ untuk memeriksa masalah dan perubahan (bawaan: folder asal sesi)")
    add_command(sub, "demo", "buka rapat contoh (16 Juni 2022) pada salinan sementara; repo tidak berubah", run_demo)


def _sops_for(args: argparse.Namespace) -> Path | None:
    """--sops, else None: the app then checks the folder the session was created from."""
    return Path(args.sops) if getattr(args, "sops", None) else None


def _run_app(session_path: Path | None, sops_dir: Path | None, *, readonly: bool = False,
             sessions_dir: Path | None = None) -> int:
    # Start-up allocates much and frees little: the cyclic collector running during it was 40-60 ms
    # of the first paint of a 1,000-item agenda (issue 17). The app turns it back on once the
    # agenda is painted (SopReviewApp.resume_gc), or a few seconds after start at the latest.
    gc.disable()
    try:
        from sopreview.ui.app import SopReviewApp

        app = SopReviewApp(session_path, sops_dir, readonly=readonly, sessions_dir=sessions_dir)
        app.run()
        return int(app.return_code or 0)
    finally:
        gc.enable()


def run_open(args: argparse.Namespace) -> int:
    from sopreview.cli.plumbing import named_session

    if Path(args.session).is_dir():
        print(f"{args.session}: ini folder; sebutkan berkas sesinya (mis. {args.session}/rapat.json), "
              "atau jalankan `sopreview` tanpa perintah untuk memilih.", file=sys.stderr)
        return 2
    path = named_session(args.session)
    if path is None:
        return 2
    if path.is_dir():
        print(f"{path}: ini folder; sebutkan berkas sesinya (mis. {path}/rapat.json), "
              "atau jalankan `sopreview` tanpa perintah untuk memilih.", file=sys.stderr)
        return 2
    if not path.exists():
        print(f"{path}: berkas sesi tidak ditemukan. Jalankan `sopreview` untuk memilih atau membuat sesi.",
              file=sys.stderr)
        return 2
    return _run_app(path, _sops_for(args), readonly=args.readonly)


def run_demo(args: argparse.Namespace) -> int:
    from sopreview.demo import CannotStart, create_demo

    try:
        session, _result = create_demo()
    except (CannotStart, OSError) as error:
        print(f"demo tidak dapat dibuat: {error}", file=sys.stderr)
        return 1
    path, sops_dir = session.path, session.path.parent.parent / SOPS_DIR
    session.close()
    code = _run_app(path, sops_dir)
    print(f"Sesi demo tersimpan di {path} (salinan sementara; repo tidak berubah).")
    return code


def run_picker(args: argparse.Namespace) -> int:
    """No subcommand: pick or start a session in ./sessions from ./sops."""
    sessions, sops = SESSIONS_DIR, Path(SOPS_DIR)
    if not sessions.is_dir() and not sops.is_dir():
        print("Folder ini tidak berisi sops/ atau sessions/. Jalankan sopreview dari folder rapat, "
              "buka sesi dengan `sopreview open BERKAS`, atau coba `sopreview demo`.", file=sys.stderr)
        return 2
    return _run_app(None, sops if sops.is_dir() else None, sessions_dir=sessions)
