"""CLI flags are English (the majority spelling); the old Indonesian spellings still work, unlisted."""

from __future__ import annotations

import argparse

import pytest

from sopreview.cli import build_parser
from sopreview.cli.common import OLD_SPELLINGS

COMMANDS: dict[str, list[str]] = {
    "--catatan": ["record", "evaluation", "rapat", "a/b", "--answers", "k1=ya"],
    "--tindakan": ["record", "evaluation", "rapat", "a/b", "--answers", "k1=ya"],
    "--keterangan": ["record", "attendance", "rapat", "Nama", "hadir"],
    "--jabatan": ["record", "guest", "rapat", "Nama"],
    "--acara": ["meta", "rapat"],
}


def _help(argv: list[str]) -> str:
    parser = build_parser()
    sub = parser
    for word in argv:
        actions = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
        if not actions or word not in actions[0].choices:
            break
        sub = actions[0].choices[word]
    return sub.format_help()


def test_every_old_spelling_has_a_case() -> None:
    assert set(COMMANDS) == set(OLD_SPELLINGS)


@pytest.mark.parametrize("old", sorted(OLD_SPELLINGS))
def test_old_spelling_sets_what_the_new_one_sets(old: str) -> None:
    new, argv = OLD_SPELLINGS[old], COMMANDS[old]
    parser = build_parser()
    with_old = vars(parser.parse_args([*argv, old, "nilai"]))
    with_new = vars(parser.parse_args([*argv, new, "nilai"]))
    assert with_old == with_new
    assert "nilai" in str(with_new)  # the value reached a field, not only the defaults
    help_text = _help(argv)
    assert new in help_text and old not in help_text
