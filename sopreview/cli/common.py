"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_command(sub: argparse._SubParsersAction, name: str, help_text: str,  # type: ignore[type-arg]
                handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """Add a subcommand whose handler returns the exit code."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(func=handler)
    return parser
