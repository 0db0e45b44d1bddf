"""export_minutes writes exactly where the user said, atomically; the CLI never shows a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.minutes.export import ExportError, export_minutes
from sopreview.store.session import Session
from tests.minutes.scenario import ROOT, SAMPLE_SOPS, create_sample_session


def test_writes_the_named_file(sample_session: Session, rendered: dict[str, bytes], tmp_path: Path) -> None:
    written = export_minutes(sample_session, "html", tmp_path / "notulen.html")
    assert written == tmp_path / "notulen.html"
    assert written.read_bytes() == rendered["html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notulen.html"]  # no temp file left


def test_replaces_an_existing_file_keeping_its_mode(sample_session: Session, tmp_path: Path) -> None:
    target = tmp_path / "notulen.md"
    target.write_text("lama")
    os.chmod(target, 0o640)
    export_minutes(sample_session, "md", target)
    assert target.read_text(encoding="utf-8").startswith("**KPU KOTA MOJOKERTO**")
    assert target.stat().st_mode & 0o777 == 0o640


def test_refuses_a_directory(sample_session: Session, tmp_path: Path) -> None:
    (tmp_path / "notulen.docx").mkdir()
    with pytest.raises(ExportError, match="adalah folder"):
        export_minutes(sample_session, "docx", tmp_path / "notulen.docx")
    assert (tmp_path / "notulen.docx").is_dir()


def test_refuses_a_symlink(sample_session: Session, tmp_path: Path) -> None:
    outside = tmp_path / "di-luar.txt"
    outside.write_text("jangan diubah")
    (tmp_path / "folder").mkdir()
    (tmp_path / "folder" / "notulen.md").symlink_to(outside)
    with pytest.raises(ExportError, match="tautan simbolik"):
        export_minutes(sample_session, "md", tmp_path / "folder" / "notulen.md")
    assert outside.read_text() == "jangan diubah"


def test_refuses_a_missing_folder(sample_session: Session, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="tidak ada"):
        export_minutes(sample_session, "md", tmp_path / "belum-ada" / "notulen.md")
    assert not (tmp_path / "belum-ada").exists()


def test_refuses_to_leave_the_chosen_folder(sample_session: Session, tmp_path: Path) -> None:
    chosen = tmp_path / "dipilih"
    (chosen / "sub").mkdir(parents=True)
    with pytest.raises(ExportError, match="di luar folder"):
        export_minutes(sample_session, "md", chosen / ".." / "bocor.md", within=chosen)
    with pytest.raises(ExportError, match="di luar folder"):
        export_minutes(sample_session, "md", Path("/tmp/bocor.md"), within=chosen)
    assert not (tmp_path / "bocor.md").exists()
    assert export_minutes(sample_session, "md", chosen / "sub" / "ok.md", within=chosen).is_file()


def test_refuses_an_unknown_format(sample_session: Session, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="tidak dikenal"):
        export_minutes(sample_session, "odt", tmp_path / "notulen.odt")
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(sample_session: Session, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notulen.csv"
    target.write_text("versi lama")

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(ExportError, match="No space left"):
        export_minutes(sample_session, "csv", target)
    assert target.read_text() == "versi lama"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notulen.csv"]


# --- CLI ------------------------------------------------------------------------------------

def copy_session(src: Path, folder: Path) -> Path:
    """A session is its state file plus the snapshot and journal beside it (copied together)."""
    from sopreview.store.files import SessionFiles

    folder.mkdir(parents=True, exist_ok=True)
    dst = folder / src.name
    for part in ("path", "snapshot", "journal"):
        here = getattr(SessionFiles(src), part)
        if here.exists():
            getattr(SessionFiles(dst), part).write_bytes(here.read_bytes())
    return dst


def test_cli_default_path_is_next_to_the_session(sample_session_path: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_session(sample_session_path, tmp_path / "sessions")
    assert main(["export", str(path), "--format", "md"]) == 0
    out = tmp_path / "sessions" / "rapat-sop-2022-notulen.md"
    assert out.is_file()
    assert str(out) in capsys.readouterr().out


def test_cli_output_file_and_folder(sample_session_path: Path, rendered: dict[str, bytes], tmp_path: Path) -> None:
    path = copy_session(sample_session_path, tmp_path / "sessions")
    assert main(["export", str(path), "-o", str(tmp_path / "hasil.csv")]) == 0  # format from the suffix
    assert (tmp_path / "hasil.csv").read_bytes() == rendered["csv"]
    (tmp_path / "arsip").mkdir()
    assert main(["export", str(path), "--format", "docx", "-o", str(tmp_path / "arsip")]) == 0
    assert (tmp_path / "arsip" / "rapat-sop-2022-notulen.docx").read_bytes() == rendered["docx"]


def test_cli_exports_while_the_operator_holds_the_session(sample_session_path: Path, tmp_path: Path) -> None:
    path = copy_session(sample_session_path, tmp_path / "sessions")
    with Session.open(path):  # the TUI has it open for writing
        assert main(["export", str(path), "--format", "html"]) == 0
    assert (path.parent / "rapat-sop-2022-notulen.html").is_file()


def test_cli_warns_when_the_meeting_is_not_closed(sample_session_path: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Minutes before the read-back are a draft: a warning naming b and T on stderr, exit code 0."""
    path = copy_session(sample_session_path, tmp_path / "sessions")
    assert main(["export", str(path), "--format", "md"]) == 0
    captured = capsys.readouterr()
    warning = [line for line in captured.err.splitlines() if line.startswith("Peringatan: rapat belum ditutup")]
    assert len(warning) == 1
    assert "tekan b" in warning[0] and "T untuk menutup rapat" in warning[0] and "draf" in warning[0]
    assert "Peringatan" not in captured.out
    assert (path.parent / "rapat-sop-2022-notulen.md").is_file()

    with Session.open(path) as session:  # the room confirmed the read-back; T closed the meeting
        session.close_meeting()
    assert main(["export", str(path), "--format", "md"]) == 0
    assert "belum ditutup" not in capsys.readouterr().err


def test_cli_missing_session(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "tidak-ada.json")]) == 2
    err = capsys.readouterr().err
    assert "tidak ditemukan" in err and "Traceback" not in err


def test_cli_refused_destination(sample_session_path: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = copy_session(sample_session_path, tmp_path / "sessions")
    assert main(["export", str(path), "-o", str(tmp_path / "tidak" / "ada.md")]) == 1
    assert "Notulen tidak ditulis" in capsys.readouterr().err


def test_cli_broken_session_file_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.json"
    broken.write_text("{ ini bukan json")
    proc = subprocess.run([sys.executable, "-m", "sopreview", "export", str(broken), "--format", "md"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "rusak.json" in proc.stderr
    assert not (tmp_path / "rusak-notulen.md").exists()


def test_cli_notes_when_sops_changed_after_the_meeting(tmp_path: Path, rendered: dict[str, bytes],
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    sops = tmp_path / "sops"
    shutil.copytree(SAMPLE_SOPS, sops)
    path = tmp_path / "sessions" / "rapat.json"
    create_sample_session(path, sops_dir=sops).close()
    (sops / "keuangan-umum-logistik" / "skpp.yaml").unlink()
    assert main(["export", str(path), "--format", "md"]) == 0
    assert "SOP di" not in capsys.readouterr().err  # export reads the session alone unless asked (issue 17)
    assert main(["export", str(path), "--format", "md", "--force", "--check-sops"]) == 0
    assert "1 SOP di" in capsys.readouterr().err
    assert (path.parent / "rapat-notulen.md").read_bytes() == rendered["md"]
