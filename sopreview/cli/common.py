"""Small helpers shared by the command modules."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any


def add_command(sub: argparse._SubParsersAction, name: str, help_text: str,  # type: ignore[type-arg]
                handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
    """Add a subcommand whose handler returns the exit code."""
    parser: argparse.ArgumentParser = sub.add_parser(name, help=help_text, description=help_text)
    parser.set_defaults(func=handler)
    return parser


OLD_SPELLINGS: dict[str, str] = {
    "--catatan": "--note",
    "--tindakan": "--action",
    "--keterangan": "--remark",
    "--jabatan": "--position",
    "--acara": "--agenda",
    "--gabung": "--bundle",
    "--kertas": "--paper",
    "--tandai-perubahan": "--mark-changes",
    "--tamu": "--guests",
    "--lampiran-sop": "--sop-appendix",
    "--tanggal": "--date",
    "--terapkan": "--apply",
    "--perbaikan-selesai": "--perbaikan-done",
    "--alasan": "--reason",
    "--rapat": "--meeting",
    "--jatuh-tempo": "--due",
    "--penilai": "--assessor",
    "--tidak-berjalan": "--not-running",
    "--per": "--as-of",
    "--terkunci": "--locked",
}
"""Indonesian option spellings (older ones, and those the issues named) -> the English one. They
keep working (scripts written against them do not break) but are hidden from ``--help``."""


def add_option(parser: argparse.ArgumentParser, flag: str, **kwargs: object) -> argparse.Action:
    """Add ``flag`` and, hidden, every old spelling that meant it (same dest, same behaviour).

    A required option keeps its old spellings on the same action (listed in ``--help``):
    argparse counts a required option as given only through its own action."""
    if kwargs.get("required"):
        olds = [old for old, new in OLD_SPELLINGS.items() if new == flag]
        return parser.add_argument(flag, *olds, **kwargs)  # type: ignore[arg-type]
    action = parser.add_argument(flag, **kwargs)  # type: ignore[arg-type]
    alias_kwargs = {k: v for k, v in kwargs.items() if k not in ("help", "required", "dest")}
    for old, new in OLD_SPELLINGS.items():
        if new == flag:
            parser.add_argument(old, dest=action.dest, help=argparse.SUPPRESS, **alias_kwargs)  # type: ignore[arg-type]
    return action


def quiet_broken_pipe() -> None:
    """After the reader of our output left (``| head``): point stdout at /dev/null so the
    final flush at exit does not raise again and print "Broken pipe"."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # stdout replaced (tests) or already closed
        pass


class VisibleStream:
    """A text stream that shows control characters (``\\x1b``) instead of sending them.

    Messages quote names and notes from files a person can edit; printed raw, an ESC could
    retitle the terminal, clear it or write the clipboard (OSC 52). Every line the commands
    print passes through here, whatever its source."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from sopreview.domain.textsafe import visible

        return int(self._stream.write(visible(text)) or 0)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def visible_output() -> Iterator[None]:
    """stdout and stderr wrapped in VisibleStream for the duration (commands that are not the TUI)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = VisibleStream(saved[0]), VisibleStream(saved[1])  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
