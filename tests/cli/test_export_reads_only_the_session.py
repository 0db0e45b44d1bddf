"""Issue 17: `export` reads the session alone; `--check-sops` compares sops/ with the snapshot,
by a stat walk first (nothing parsed when nothing under sops/ was touched since `new`)."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain import loader

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def rapat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sops/ as copied an hour before the meeting, then a session made from it."""
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    hour_ago = time.time() - 3600
    for path in (tmp_path / "sops").rglob("*"):
        os.utime(path, (hour_ago, hour_ago))
    os.utime(tmp_path / "sops", (hour_ago, hour_ago))
    monkeypatch.chdir(tmp_path)
    assert main(["new", "r1", "--date", "2022-06-16"]) == 0
    return tmp_path / "sessions" / "r1.json"


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every load of sops/ (the slow part the default export no longer does)."""
    seen: list[Path] = []
    real = loader.load_sops

    def counting(sops_dir: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        seen.append(Path(sops_dir))
        return real(sops_dir, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(loader, "load_sops", counting)
    return seen


def test_export_does_not_read_sops(rapat: Path, loads: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    (Path("sops") / "hukum-sdm" / "jdih.yaml").write_text("rusak: [", encoding="utf-8")  # even a broken one
    capsys.readouterr()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md"]) == 0
    assert loads == []
    assert "sops" not in capsys.readouterr().err
    assert "jdih" in Path("notulen.md").read_text(encoding="utf-8").lower()


def test_check_sops_untouched_needs_no_parsing(rapat: Path, loads: list[Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md", "--check-sops"]) == 0
    assert loads == []
    assert "tidak berubah sejak sesi dibuat" in capsys.readouterr().err


def test_check_sops_sees_an_edited_file(rapat: Path, loads: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    path = Path("sops") / "hukum-sdm" / "jdih.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ringkasan:", "ringkasan: Diubah.", 1) + "\n",
                    encoding="utf-8")
    capsys.readouterr()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md", "--check-sops"]) == 0
    err = capsys.readouterr().err
    assert loads and "1 SOP" in err and "berubah sejak sesi dibuat" in err


def test_check_sops_sees_a_removed_file(rapat: Path, loads: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    (Path("sops") / "hukum-sdm" / "jdih.yaml").unlink()  # its folder's time moves
    capsys.readouterr()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md", "--check-sops"]) == 0
    assert "berubah sejak sesi dibuat" in capsys.readouterr().err


def test_check_sops_touched_but_same_says_so(rapat: Path, loads: list[Path], capsys: pytest.CaptureFixture[str]) -> None:
    os.utime(Path("sops") / "hukum-sdm" / "jdih.yaml")  # saved again, same bytes
    capsys.readouterr()
    assert main(["export", "r1", "-f", "md", "-o", "notulen.md", "--check-sops"]) == 0
    assert loads and "sama dengan salinan di berkas sesi" in capsys.readouterr().err
