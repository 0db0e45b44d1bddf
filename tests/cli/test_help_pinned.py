"""``--help`` of the session commands is pinned: moving their code between modules changes no word.

The pinned text is ``tests/cli/help_pinned.txt``. When a command's help changes on purpose
(a new option, a reworded line), regenerate it with
``UPDATE_HELP_PIN=1 python -m pytest tests/cli/test_help_pinned.py`` and review the diff.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from sopreview.cli import build_parser

PINNED = Path(__file__).with_name("help_pinned.txt")
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("new",), ("meta",), ("sessions",), ("record",),
    ("record", "decision"), ("record", "evaluation"), ("record", "attendance"),
    ("record", "note"), ("record", "action"), ("record", "guest"),
    ("log",), ("undo",), ("show",),
)
"""Every command that lived in ``cli/session_cmds.py`` before it was split."""


def _subparser(parser: argparse.ArgumentParser, word: str) -> argparse.ArgumentParser:
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    assert actions and word in actions[0].choices, f"no subcommand {word!r} under {parser.prog!r}"
    return actions[0].choices[word]


def _listing(parser: argparse.ArgumentParser) -> str:
    """The top-level lines of the pinned commands, in the order ``sopreview --help`` lists them
    (other commands are left out: adding a command elsewhere must not break this pin)."""
    ours = {c[0] for c in COMMANDS}
    lines = parser.format_help().splitlines()
    return "\n".join(line for line in lines if line[4:].split(" ", 1)[0] in ours and line.startswith("    ")
                     and not line.startswith("     "))


def current_help() -> str:
    parser = build_parser()
    parts = ["=== sopreview --help (pinned commands only)", _listing(parser)]
    for argv in COMMANDS:
        sub = parser
        for word in argv:
            sub = _subparser(sub, word)
        parts += [f"=== sopreview {' '.join(argv)} --help", sub.format_help().rstrip("\n")]
    return "\n".join(parts) + "\n"


def test_help_of_every_session_command_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps at the terminal's width
    text = current_help()
    if os.environ.get("UPDATE_HELP_PIN"):
        PINNED.write_text(text, encoding="utf-8")
    pinned = PINNED.read_text(encoding="utf-8")
    assert text == pinned, ("--help changed; if on purpose, regenerate with "
                            "UPDATE_HELP_PIN=1 python -m pytest tests/cli/test_help_pinned.py")


def test_the_pin_covers_every_command_the_listing_has(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    listed = _listing(build_parser()).splitlines()
    assert [line.split()[0] for line in listed] == [c[0] for c in COMMANDS if len(c) == 1]
