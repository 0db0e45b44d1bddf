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
    "--gabung": ["dokumen", "sops"],
    "--kertas": ["dokumen", "sops"],
    "--tandai-perubahan": ["dokumen", "sops"],
    "--tamu": ["daftar-hadir", "rapat"],
    "--lampiran-sop": ["export", "rapat"],
    "--tanggal": ["tetapkan", "rapat"],
    "--terapkan": ["tetapkan", "rapat", "--date", "2022-06-20"],
    "--perbaikan-selesai": ["tetapkan", "rapat", "--date", "2022-06-20"],
    "--alasan": ["status", "a/b", "dicabut", "--date", "2022-06-20"],
    "--rapat": ["status", "a/b", "dicabut", "--date", "2022-06-20", "--reason", "r"],
    "--jatuh-tempo": ["daftar", "sops"],
    "--per": ["daftar", "sops"],
    "--penilai": ["monitoring", "record", "a/b", "--date", "2022-06-20"],
    "--tidak-berjalan": ["monitoring", "record", "a/b", "--date", "2022-06-20", "--assessor", "S"],
    "--terkunci": ["projector", "rapat"],
}
VALUES: dict[str, list[str]] = {"--kertas": ["F4"], "--tamu": ["7"], "--tanggal": ["2022-06-20"],
                                 "--per": ["2023-01-31"], "--tidak-berjalan": ["3"]}
"""The value each alias is tried with (``nilai`` by default; none for a switch)."""
REQUIRED = frozenset({"--tanggal", "--alasan", "--penilai"})
"""Aliases of required options: argparse only counts the option's own action, so they share it."""
SWITCHES = frozenset({"--gabung", "--tandai-perubahan", "--lampiran-sop", "--terapkan", "--jatuh-tempo", "--terkunci"})


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
    value = [] if old in SWITCHES else VALUES.get(old, ["nilai"])
    with_old = vars(parser.parse_args([*argv, old, *value]))
    with_new = vars(parser.parse_args([*argv, new, *value]))
    assert with_old == with_new
    assert with_new != vars(parser.parse_args(argv)) if old not in REQUIRED else True
    if value:
        assert value[0] in str(with_new)  # the value reached a field, not only the defaults
    help_text = _help(argv)
    assert new in help_text
    assert (old in help_text) == (old in REQUIRED)  # a required option lists its alias on the same action
