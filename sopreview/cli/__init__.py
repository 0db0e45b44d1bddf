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

COMMAND_MODULES: tuple[str, ...] = (
    "sopreview.cli.validate_cmd",
    "sopreview.cli.new_cmd",
    "sopreview.cli.meta_cmd",
    "sopreview.cli.sessions_cmd",
    "sopreview.cli.record_cmds",
    "sopreview.cli.log_cmds",
    "sopreview.cli.export_cmds",
    "sopreview.cli.dokumen_cmd",
    "sopreview.cli.hadir_cmd",
    "sopreview.cli.app_cmds",
    "sopreview.cli.projector_cmds",
    "sopreview.cli.register_cmds",
    "sopreview.cli.monitoring_cmd",
)

TERMINAL_APPS = frozenset({"open", "demo", "projector", "serve"})
"""Commands that hand the terminal to Textual; every other command's output is made visible."""


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="sopreview",
        description="Rapat evaluasi SOP (PermenPANRB 35/2012): agenda, keputusan, evaluasi, notulen.",
    )
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
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
