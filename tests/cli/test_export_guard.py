"""`export -o` never writes over an input: the session, its journal, backup or lock, another
session, or anything under sops/; another existing file only with --force (issue 10 item 1)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.store.session import Session


@pytest.fixture
def rapat(workdir: Path) -> Path:
    assert main(["new", "r1", "--date", "2022-06-16"]) == 0
    assert main(["new", "r2", "--date", "2022-06-17"]) == 0
    assert main(["record", "note", "r1", "hukum-sdm/jdih", "catatan"]) == 0  # makes the .bak
    return workdir / "sessions" / "r1.json"


PROTECTED = {
    "the session": ("md", "sessions/r1.json", "berkas sesi ini"),
    "its journal": ("md", "sessions/r1.audit.jsonl", "log audit sesi ini"),
    "its backup": ("md", "sessions/r1.json.bak", "cadangan sesi ini"),
    "its lock": ("html", "sessions/r1.json.lock", "kunci sesi ini"),
    "spelled with ..": ("md", "sops/../sessions/./r1.json", "berkas sesi ini"),
    "another session": ("csv", "sessions/r2.json", "milik sebuah sesi"),
    "another journal": ("md", "sessions/r2.audit.jsonl", "milik sebuah sesi"),
    "organisasi.yaml": ("md", "sops/organisasi.yaml", "folder usulan SOP"),
    "a new file in sops/": ("md", "sops/hukum-sdm/notulen.md", "folder usulan SOP"),
}


@pytest.mark.parametrize("case", sorted(PROTECTED))
def test_inputs_are_never_overwritten_even_with_force(rapat: Path, case: str,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    fmt, target, why = PROTECTED[case]
    before = {p: p.read_bytes() for p in [*rapat.parent.iterdir(), *Path("sops").rglob("*.yaml")] if p.is_file()}
    with Session.open(rapat):  # the app holds the session meanwhile
        for force in ([], ["--force"]):
            capsys.readouterr()
            assert main(["export", "r1", "-f", fmt, "-o", target, *force]) == 1
            err = capsys.readouterr().err
            assert "Notulen tidak ditulis" in err and why in err, err
    after = {p: p.read_bytes() for p in before}
    assert after == before
    assert not Path("sops/hukum-sdm/notulen.md").exists()


def test_symlink_to_the_session_is_refused(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(rapat.resolve(), "notulen.md")
    before = rapat.read_bytes()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md", "--force"]) == 1
    assert "berkas sesi ini" in capsys.readouterr().err
    assert rapat.read_bytes() == before


def test_existing_file_of_another_kind_needs_force(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("catatan-saya.txt").write_text("penting")
    assert main(["export", "r1", "-f", "md", "-o", "catatan-saya.txt"]) == 1
    assert "--force" in capsys.readouterr().err
    assert Path("catatan-saya.txt").read_text() == "penting"
    assert main(["export", "r1", "-f", "md", "-o", "catatan-saya.txt", "--force"]) == 0
    assert "# NOTULEN RAPAT" in Path("catatan-saya.txt").read_text()


def test_an_earlier_export_of_the_same_kind_is_replaced(rapat: Path) -> None:
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md"]) == 0
    Path("notulen.md").write_text("lama")
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md"]) == 0
    assert Path("notulen.md").read_text() != "lama"
