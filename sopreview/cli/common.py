"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable


def add_command(sub: argparse._SubParsersAction, name: str, help_text: str,  # type: ignore[type-arg]
                handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """Add a subcommand whose handler returns the exit code."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(func=handler)
    return parser


def quiet_broken_pipe() -> None:
    """After the reader of our output left (``| head``): point stdout at /dev/null so the
    final flush at exit does not raise again and print "Broken pipe"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced (tests) or already closed
        pass
