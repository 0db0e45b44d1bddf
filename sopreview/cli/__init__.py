"""The `sopreview` command: a thin argparse front over the domain, store, minutes and UI layers.

Each command group lives in its own module with a ``register(sub)`` function; heavy imports
(textual, tinydb, docx) happen inside the handlers so that `sopreview validate` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys
from collections.abc import Sequence

from sopreview.cli.parser import Parser

COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "sopreview.cli.validate_cmd": ("validate",),
    "sopreview.cli.new_cmd": ("new",),
    "sopreview.cli.meta_cmd": ("meta",),
    "sopreview.cli.sessions_cmd": ("sessions",),
    "sopreview.cli.record_cmds": ("record",),
    "sopreview.cli.log_cmds": ("log", "undo", "show"),
    "sopreview.cli.export_cmds": ("export",),
    "sopreview.cli.dokumen_cmd": ("dokumen",),
    "sopreview.cli.hadir_cmd": ("daftar-hadir",),
    "sopreview.cli.app_cmds": ("open", "demo"),
    "sopreview.cli.projector_cmds": ("projector", "serve"),
    "sopreview.cli.register_cmds": ("tetapkan", "daftar", "riwayat", "status"),
    "sopreview.cli.amend_cmds": ("amandemen",),
    "sopreview.cli.monitoring_cmd": ("monitoring",),
}
"""Each command module and the commands it registers (tests/cli/test_parser.py holds them equal):
a command line naming one command imports only its module, not all fourteen (issue 17: a third
of `export`'s time on a small session was importing the others)."""

TERMINAL_APPS = frozenset({"open", "demo", "projector", "serve"})
"""Commands that hand the terminal to Textual; every other command's output is made visible."""


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser, or, when ``argv`` starts with a command's name, only that command's."""
    parser = Parser(
        prog="sopreview",
        description="Rapat evaluasi SOP (PermenPANRB 35/2012): agenda, keputusan, evaluasi, notulen.",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    first = argv[0] if argv else None
    chosen = [name for name, commands in COMMAND_MODULES.items() if first in commands]
    for name in chosen or COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(argv) if argv is not None else sys.argv[1:]
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    handler = getattr(args, "func", None)
    try:
        if handler is None:
            from sopreview.cli.app_cmds import run_picker

            return run_picker(args)
        from sopreview.cli.common import visible_output

        with visible_output() if args.command not in TERMINAL_APPS else contextlib.nullcontext():
            code = int(handler(args) or 0)
            sys.stdout.flush()  # a reader that left (`| head`) shows here, not as a warning at exit
        return code
    except KeyboardInterrupt:
        print("dibatalkan", file=sys.stderr)
        return 130
    except BrokenPipeError:
        from sopreview.cli.common import quiet_broken_pipe

        quiet_broken_pipe()
        return 0
