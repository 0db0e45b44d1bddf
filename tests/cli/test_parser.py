"""The command line speaks Indonesian even where argparse does the talking."""

from __future__ import annotations

import pytest

from sopreview.cli import COMMAND_MODULES, build_parser, main
from sopreview.cli.parser import translate


def test_every_command_module_registers() -> None:
    commands = set(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    assert {"validate", "new", "meta", "record", "export", "dokumen", "daftar-hadir", "open", "demo", "projector",
            "serve", "tetapkan", "daftar", "riwayat", "status", "monitoring"} <= commands
    assert len(COMMAND_MODULES) == 9


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
