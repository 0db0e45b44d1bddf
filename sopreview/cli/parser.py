"""An argparse parser that speaks Indonesian, like the rest of the app.

argparse's own words (usage, errors, section titles, -h) are English; the secretariat's are not.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

_MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.*)$", r"argumen wajib belum diberikan: \1"),
    (r"^argument (.*?): invalid choice: (.*?) \(choose from (.*)\)$", r"argumen \1: pilihan \2 tidak dikenal (pilih salah satu: \3)"),
    (r"^invalid choice: (.*?) \(choose from (.*)\)$", r"pilihan \1 tidak dikenal (pilih salah satu: \2)"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^argument (.*?): expected one argument$", r"argumen \1 membutuhkan satu nilai"),
    (r"^argument (.*?): invalid int value: (.*)$", r"argumen \1: \2 bukan bilangan bulat"),
    (r"^argument (.*?): (.*)$", r"argumen \1: \2"),
)


def translate(message: str) -> str:
    """argparse's error sentence in Indonesian (unknown sentences pass through unchanged)."""
    for pattern, replacement in _MESSAGES:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # argparse passes prefix="" to build a subcommand's prog: keep that as it is.
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """ArgumentParser with Indonesian usage, section titles, -h text and error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: galat: {translate(message)}\n")
