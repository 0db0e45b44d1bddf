"""``log``, ``undo``, ``show``: read a session's audit log, take back its last change, print a summary."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from sopreview.cli.common import add_command
from sopreview.cli.plumbing import EXIT_FILE, guarded, open_session


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "log", "tampilkan log audit sesi", guarded(run_log))
    p.add_argument("session", metavar="SESSION")
    p = add_command(sub, "undo", "batalkan perubahan terakhir (pembatalan juga dicatat)", guarded(run_undo))
    p.add_argument("session", metavar="SESSION")
    p = add_command(sub, "show", "ringkasan sesi dalam teks biasa", guarded(run_show))
    p.add_argument("session", metavar="SESSION")


def _short(value: Any, limit: int = 90) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def run_log(args: argparse.Namespace) -> int:
    with open_session(args.session, readonly=True) as session:
        for e in session.audit_log():
            print(f"#{e.seq:<4} {e.waktu}  {e.aksi:<13} {e.ringkasan}")
            if e.aksi not in ("buat", "pulihkan"):
                print(f"       lama: {_short(e.lama)}\n       baru: {_short(e.baru)}")
    return 0


def run_undo(args: argparse.Namespace) -> int:
    with open_session(args.session) as session:
        reverted = session.undo()
    if reverted is None:
        print("Tidak ada perubahan yang dapat dibatalkan.", file=sys.stderr)
        return EXIT_FILE
    print(f"Dibatalkan: #{reverted.seq} {reverted.ringkasan}")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from sopreview.minutes.summary import attendance_line, summary_lines

    with open_session(args.session, readonly=True) as session:
        print("\n".join(summary_lines(session)))
        if session.lock_holder:
            print(f"\n(sedang dibuka untuk menulis oleh {session.lock_holder})")
        tally = attendance_line(session)
        if tally:
            print(tally)
    return 0
