"""The command line speaks Indonesian even where argparse does the talking."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path

import pytest

from sopreview import cli
from sopreview.cli import COMMAND_MODULES, build_parser, main
from sopreview.cli.parser import translate


def test_every_command_module_registers() -> None:
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {"validate", "new", "meta", "sessions", "record", "log", "undo", "show", "export", "dokumen", "daftar-hadir", "open", "demo", "projector",
            "serve", "tetapkan", "daftar", "riwayat", "status", "amandemen", "monitoring"} <= commands


def test_every_command_module_is_listed_and_adds_a_command() -> None:
    """A ``*_cmd``/``*_cmds`` module left out of COMMAND_MODULES would be dead code; one listed
    that adds nothing would be a stub."""
    folder = Path(cli.__file__).parent
    found = {f"sopreview.cli.{f.stem}" for f in folder.glob("*.py") if f.stem.endswith(("_cmd", "_cmds"))}
    assert found == set(COMMAND_MODULES)
    for name, commands in COMMAND_MODULES.items():
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(sub)
        assert sub.choices, f"{name} registers no command"
        assert tuple(sub.choices) == commands, f"COMMAND_MODULES[{name!r}] must list what it registers"


def test_a_named_command_builds_only_its_own_module() -> None:
    """`sopreview export …` registers export alone; an unknown word or none gets every command."""
    only = build_parser(["export", "x"])._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(only) == {"export"}
    for argv in ([], ["bogus"], ["--help"]):
        every = build_parser(argv)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
        assert set(every) == {c for commands in COMMAND_MODULES.values() for c in commands}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["record", "decision", "x"], "argumen wajib belum diberikan: USULAN, KEPUTUSAN"),
        (["bogus"], "pilihan 'bogus' tidak dikenal (pilih salah satu: 'validate'"),
        (["validate", "--nope"], "argumen tidak dikenal: --nope"),
    ],
)
def test_usage_errors_are_in_indonesian(argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert expected in err and "galat:" in err
    assert "usage:" not in err and "error:" not in err


def test_help_has_indonesian_titles(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("pemakaian: sopreview export")
    assert "opsi:" in out and "tampilkan bantuan ini lalu keluar" in out
    assert "options:" not in out and "show this help" not in out


def test_unknown_sentences_pass_through() -> None:
    assert translate("sesuatu yang lain") == "sesuatu yang lain"
