"""Commands for the meeting room: ``projector SESSION`` and ``serve SESSION``.

Both show the follow view (read-only, it tracks the operator's instance). ``serve`` puts it
in a browser through textual-serve for a room PC that has nothing else, fully offline: the
page loads only its own script, stylesheet and the Roboto Mono font textual-serve bundles.
"""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from sopreview.cli.common import add_command, add_option

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = add_command(sub, "projector", "layar proyektor yang mengikuti sesi operator (hanya baca)", run_projector)
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    add_option(p, "--locked", action="store_true",
                   help="tidak ada tombol yang menutup atau mengubah tampilan (dipakai serve)")
    p = add_command(sub, "serve", "sajikan layar proyektor ke peramban (tanpa internet)", run_serve)
    p.add_argument("session", metavar="SESSION", help="nama sesi (-> sessions/NAMA.json) atau path .json")
    p.add_argument("--host", default=DEFAULT_HOST, help=f"alamat yang didengarkan (bawaan {DEFAULT_HOST})")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (bawaan {DEFAULT_PORT})")
    p.add_argument("--max-connections", type=int, default=4, metavar="N",
                   help="peramban sekaligus (bawaan 4; tiap peramban menjalankan satu proses)")


def _resolve(arg: str) -> Path | None:
    """The session file, checked to open read-only; prints why not and returns None."""
    from sopreview.cli.plumbing import named_session
    from sopreview.store.session import Session, SessionError

    path = named_session(arg)
    if path is None:
        return None
    try:
        Session.open(path, readonly=True).close()
    except SessionError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return None
    except OSError as exc:
        print(f"galat: {path}: {exc.strerror or exc}", file=sys.stderr)
        return None
    return path


def run_projector(args: argparse.Namespace) -> int:
    path = _resolve(args.session)
    if path is None:
        return 1
    from sopreview.ui.follow import FollowApp

    app = FollowApp(path, locked=args.locked)
    app.run()
    return int(app.return_code or 0)


def run_serve(args: argparse.Namespace) -> int:
    path = _resolve(args.session)
    if path is None:
        return 1
    if not 0 < args.port < 65536:
        print(f"galat: port {args.port} tidak sah (1-65535)", file=sys.stderr)
        return 2
    from sopreview.ui.serve import OfflineServer, TemplateError

    command = f"{shlex.quote(sys.executable)} -m sopreview projector --locked {shlex.quote(str(path.resolve()))}"
    try:
        server = OfflineServer(command, host=args.host, port=args.port, title=f"sopreview — {path.stem}",
                               max_connections=max(1, args.max_connections))
    except TemplateError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 1
    print(f"Layar proyektor tersaji di http://{args.host}:{args.port}/  (Ctrl+C untuk berhenti)", file=sys.stderr)
    try:
        server.serve()
    except OSError as exc:
        print(f"galat: tidak dapat mendengarkan {args.host}:{args.port}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 0
