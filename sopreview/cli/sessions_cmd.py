"""``sessions``: list the sessions in a folder, with their state (held, stale lock, damaged)."""

from __future__ import annotations

import argparse
from pathlib import Path

from sopreview.cli.common import add_command
from sopreview.cli.plumbing import UsageError, guarded
from sopreview.store.files import SESSIONS_DIR


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "sessions", "daftar sesi di sebuah folder", guarded(run_sessions))
    p.add_argument("folder", metavar="DIR", nargs="?", default=SESSIONS_DIR, type=Path, help="bawaan: sessions")


def run_sessions(args: argparse.Namespace) -> int:
    from sopreview.store.catalog import list_sessions

    folder = Path(args.folder)
    if not folder.is_dir() and folder != SESSIONS_DIR:
        raise UsageError(f"{folder}: folder tidak ditemukan")
    found = list_sessions(folder)
    if not found:
        print(f"Belum ada sesi di {folder}.")
        return 0
    for s in found:
        if s.masalah:
            print(f"{s.path.name}  RUSAK: {s.masalah}")
            continue
        held = f"  [dibuka oleh {s.dipegang}]" if s.dipegang else ""
        if s.kunci_basi:
            held = f"  [kunci lama dari {s.kunci_basi}: tidak dipegang lagi, diambil alih saat dibuka]"
        print(f"{s.path.name}  {s.tanggal}  {s.judul}  ({s.decided}/{s.total} diputuskan){held}")
    return 0
