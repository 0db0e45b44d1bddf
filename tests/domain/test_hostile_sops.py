"""Hostile and careless sops/ folders: each gets an error naming file, line and field; none vanishes.

Every case here failed before issue 10: it validated with exit 0, crashed, or lost a proposal quietly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.loader import load_sops
from tests.domain.conftest import PROPOSAL

FILE = "sops/umum/surat-masuk.yaml"


@pytest.fixture
def sops(sops: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The folder as the user names it: ``sops`` in the current directory."""
    monkeypatch.chdir(sops.parent)
    return Path("sops")


def _errors(sops: Path) -> list[str]:
    return [f"{p.location} [{p.field}] {p.message}" for p in load_sops(sops).errors]


def _validate(sops: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["validate", str(sops)])
    out = capsys.readouterr()
    return code, out.out + out.err


def test_escape_sequences_are_refused_with_file_line_field(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sops / "umum" / "surat-masuk.yaml").write_text(
        PROPOSAL.replace("nama: SOP Surat Masuk", 'nama: "SOP \\e]0;PWNED\\a \\e[2J x"')
        .replace("kegiatan: Menerima surat", 'kegiatan: "Terima \\x9b31m"'), encoding="utf-8")
    errors = _errors(sops)
    assert any(e.startswith(f"{FILE}:1 [nama]") and "karakter kendali \\x1b" in e for e in errors), errors
    assert any(e.startswith(f"{FILE}:9 [langkah[1].kegiatan]") and "\\x9b" in e for e in errors), errors
    code, out = _validate(sops, capsys)
    assert code == 1
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out  # shown, never sent raw
    assert "0 usulan SOP valid" in out


def test_escape_in_a_key_and_in_organisasi(sops: Path) -> None:
    (sops / "umum" / "surat-masuk.yaml").write_text(PROPOSAL + '"x\\e[2J": 1\n', encoding="utf-8")
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text().replace("nama: KPU Kota Contoh", 'nama: "KPU \\e]52;c;aGk=\\a"'))
    errors = _errors(sops)
    assert any(e.startswith(f"{FILE}:19") and "karakter kendali" in e for e in errors), errors
    assert any(e.startswith("sops/organisasi.yaml:1 [nama]") for e in errors), errors
    assert not any("\x1b" in e for e in errors)


@pytest.mark.parametrize("text, what", [
    ("[" * 100_000, "bersarang terlalu dalam"),
    ("- " * 100_000 + "x\n", "bersarang terlalu dalam"),
    ("{a: " * 50_000, "bersarang terlalu dalam"),
    ("a: &a [x, x]\nb: [" + ", ".join(["*a"] * 30) + "]\n", "alias"),
    ("nama: " + "x" * 3_000_000 + "\n", "terlalu besar"),
], ids=["brackets", "dashes", "flow-maps", "aliases", "size"])
def test_nesting_alias_and_size_limits(sops: Path, text: str, what: str) -> None:
    """100k ``[`` made libyaml segfault (rc 139): now a message, and the run goes on."""
    (sops / "umum" / "surat-masuk.yaml").write_text(text, encoding="utf-8")
    errors = _errors(sops)
    assert any(e.startswith(FILE) and what in e for e in errors), errors


def test_deep_nesting_in_a_real_process_is_a_message_not_a_segfault(sops: Path) -> None:
    import subprocess
    import sys

    (sops / "umum" / "surat-masuk.yaml").write_text("[" * 100_000, encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "sopreview", "validate", str(sops)], capture_output=True,
                          text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"}, timeout=60,
                          cwd=sops.parent)
    assert proc.returncode == 1, proc.stderr
    assert "bersarang terlalu dalam" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("line, field, what", [
    ("tanggal_pembuatan: 2022-13-45", "tanggal_pembuatan", "bukan tanggal YYYY-MM-DD: '2022-13-45'"),
    ("durasi_menit: 123456789012345678901234567890", "durasi_menit", "paling banyak 600"),
    ("revisi_ke: 99999999999999999999", "revisi_ke", "paling banyak 999"),
])
def test_realistic_hand_edits_get_a_line_not_a_traceback(sops: Path, line: str, field: str, what: str) -> None:
    text = PROPOSAL.replace("durasi_menit: 10\n", "") + line + "\n"
    (sops / "umum" / "surat-masuk.yaml").write_text(text, encoding="utf-8")
    errors = _errors(sops)
    assert any(e.startswith(f"{FILE}:18 [{field}]") and what in e for e in errors), errors


def test_a_folder_without_proposals_fails(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sops / "umum" / "surat-masuk.yaml").unlink()
    code, out = _validate(sops, capsys)
    assert code == 1 and "tidak ada satu pun usulan SOP" in out


def test_empty_subbag_list_fails(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (sops / "organisasi.yaml").write_text("nama: KPU\nsubbag: []\n", encoding="utf-8")
    code, out = _validate(sops, capsys)
    assert code == 1 and "sops/organisasi.yaml:2 [subbag]" in out and "'subbag' kosong" in out


def test_unreadable_subbag_folder_fails(sops: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    """(Simulated: the tests may run as root, who reads everything.)"""
    real = os.scandir
    blocked = str(sops / "umum")

    def scandir(path: object = ".") -> object:
        if os.fspath(path) == blocked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", blocked)
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, out = _validate(sops, capsys)
    assert code == 1 and "sops/umum" in out and "folder tidak dapat dibaca (Permission denied)" in out


def test_upper_case_suffix_is_read(sops: Path) -> None:
    (sops / "umum" / "BAIK.YAML").write_text(PROPOSAL.replace("SOP Surat Masuk", "SOP Baik"), encoding="utf-8")
    result = load_sops(sops)
    assert "umum/BAIK" in [p.id for p in result.proposals] and not result.errors


def test_a_skipped_file_fails(sops: Path) -> None:
    (sops / "umum" / "surat-keluar.yaml.txt").write_text(PROPOSAL, encoding="utf-8")
    (sops / "umum" / ".surat-masuk.yaml.swp").write_text("x", encoding="utf-8")  # an editor's: ignored
    errors = _errors(sops)
    assert errors == ["sops/umum/surat-keluar.yaml.txt [] bukan berkas .yaml; dilewati"]


def test_sebelumnya_pointing_at_itself_fails(sops: Path) -> None:
    text = PROPOSAL.replace("jenis: baru", "jenis: perbaikan") + "sebelumnya: surat-masuk.yaml\n"
    (sops / "umum" / "surat-masuk.yaml").write_text(text, encoding="utf-8")
    errors = _errors(sops)
    assert any(e.startswith(f"{FILE}:19 [sebelumnya]") and "lingkaran" in e for e in errors), errors


def test_two_files_pointing_at_each_other_fail(sops: Path) -> None:
    base = PROPOSAL.replace("jenis: baru", "jenis: perbaikan")
    (sops / "umum" / "surat-masuk.yaml").write_text(base + "sebelumnya: lain.yaml\n", encoding="utf-8")
    (sops / "umum" / "lain.yaml").write_text(base.replace("SOP Surat Masuk", "SOP Lain")
                                             + "sebelumnya: surat-masuk.yaml\n", encoding="utf-8")
    errors = [e for e in _errors(sops) if "lingkaran" in e]
    assert len(errors) == 2, errors
    assert "sops/umum/lain.yaml → sops/umum/surat-masuk.yaml → sops/umum/lain.yaml" in errors[0]


def test_symlink_leaving_sops_is_refused_without_reading_it(sops: Path, tmp_path: Path) -> None:
    secret = tmp_path.parent / f"{tmp_path.name}-rahasia.txt"
    secret.write_text("nama: KATA-SANDI-RAHASIA\n[", encoding="utf-8")
    (sops / "umum" / "bocor.yaml").symlink_to(secret)
    result = load_sops(sops)
    errors = [str(p) for p in result.errors]
    assert any("sops/umum/bocor.yaml" in e and "tautan ke luar folder" in e for e in errors), errors
    assert not any("RAHASIA" in e for e in errors)
    assert [p.id for p in result.proposals] == ["umum/surat-masuk"]


def test_symlink_inside_sops_is_fine(sops: Path) -> None:
    (sops / "umum" / "berlaku").mkdir()
    (sops / "umum" / "berlaku" / "lama.yaml").symlink_to(Path("..") / "surat-masuk.yaml")
    assert not load_sops(sops).errors


@pytest.mark.parametrize(("text", "may_hold"), [
    ("nama: SOP Surat Masuk\n", False),
    ('nama: "SOP \\e[2J"\n', True),  # an escape: only a backslash can write one
    ("nama: SOP\r\n", True),  # a raw control character (CR here) anywhere in the text
])
def test_the_control_walk_is_skipped_only_for_text_that_cannot_hold_one(text: str, may_hold: bool) -> None:
    """Issue 17: checking every string of every file was a quarter of reading it; a file without
    a backslash or a raw control character cannot produce one, so it is not walked."""
    from sopreview.domain.checker import Checker
    from sopreview.domain.problems import Problem
    from sopreview.domain.yamlread import parse_yaml_bytes

    doc = parse_yaml_bytes(text.encode())
    assert doc.may_hold_controls is may_hold
    problems: list[Problem] = []
    Checker(doc, "x.yaml", problems).no_controls(doc.data)
    assert bool(problems) == ("\\e" in text)
