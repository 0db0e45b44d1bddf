"""The CLI edits the meeting header, refuses impossible values and names, and behaves in a pipe."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sopreview.cli import app_cmds, main
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
JDIH = "hukum-sdm/jdih"


@pytest.fixture
def rapat(workdir: Path) -> Path:
    assert main(["new", "rapat", "--date", "2022-06-16", "--start", "9.00", "--minute-taker", "Notulis Uji"]) == 0
    return workdir / "sessions" / "rapat.json"


def test_new_sets_every_field_and_defaults_the_officials(rapat: Path) -> None:
    with Session.open(rapat, readonly=True) as s:
        meta, people = s.meta, s.organisasi.orang
    ketua = [o.nama for o in people if o.jabatan.startswith("Ketua")]
    assert (meta.tanggal, meta.waktu_mulai, meta.notulis) == ("2022-06-16", "09:00", "Notulis Uji")
    assert len(ketua) == 1 and meta.ketua == ketua[0] and meta.sekretaris


@pytest.mark.parametrize("option,value,words", [
    ("--date", "2022-13-45", "Tanggal '2022-13-45'"), ("--date", "2022-02-30", "kalender"),
    ("--start", "25:99", "Waktu mulai '25:99'"), ("--end", "9", "Waktu selesai"),
])
def test_new_and_meta_refuse_impossible_values(rapat: Path, capsys: pytest.CaptureFixture[str],
                                               option: str, value: str, words: str) -> None:
    capsys.readouterr()
    assert main(["new", "lain", option, value]) == 2
    assert main(["meta", "rapat", option, value]) == 2
    err = capsys.readouterr().err
    assert err.count(words) == 2 and "waktu_" not in err and "Traceback" not in err
    assert not (rapat.parent / "lain.json").exists()


def test_meta_prints_and_changes_the_header(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["meta", "rapat", "--end", "12.30", "--invitation", "123/PP.01/2022", "--secretary", "Sek",
                 "--chair", "Ketua Uji", "--title", "Rapat SOP", "--place", "Aula", "--opening", "Dibuka",
                 "--conclusion", "Selesai"]) == 0
    with Session.open(rapat, readonly=True) as s:
        m = s.meta
        assert s.audit_log()[-1].aksi == "meta"
    assert (m.waktu_selesai, m.surat_undangan, m.sekretaris, m.ketua, m.judul, m.tempat, m.pembukaan,
            m.kesimpulan) == ("12:30", "123/PP.01/2022", "Sek", "Ketua Uji", "Rapat SOP", "Aula", "Dibuka", "Selesai")
    capsys.readouterr()
    assert main(["meta", "rapat"]) == 0
    out = capsys.readouterr().out
    assert "Nomor surat undangan  123/PP.01/2022" in out and "Waktu selesai" in out and "surat_undangan" not in out
    assert main(["undo", "rapat"]) == 0
    with Session.open(rapat, readonly=True) as s:
        assert s.meta.waktu_selesai == ""


def test_show_time_range(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["show", "rapat"]) == 0
    assert "Waktu: 09.00 – selesai" in capsys.readouterr().out
    main(["meta", "rapat", "--start", ""])
    capsys.readouterr()
    main(["show", "rapat"])
    assert "Waktu: -" in capsys.readouterr().out


def test_record_refuses_bad_deadline_and_empty_note(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["record", "action", "rapat", JDIH, "--what", "Perbaiki", "--who", "Staf"]
    assert main([*base, "--when", "2022-13-01"]) == 2
    assert "bukan tanggal yang valid" in capsys.readouterr().err
    assert main([*base, "--when", "Juli 2022"]) == 0
    assert main(["record", "note", "rapat", JDIH, "  "]) == 2
    assert "catatan kosong" in capsys.readouterr().err
    with Session.open(rapat, readonly=True) as s:
        assert [a.kapan for a in s.actions()] == ["Juli 2022"] and s.notes(JDIH) == ""


def test_attendance_name_ignores_case(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Session.open(rapat, readonly=True) as s:
        nama = s.organisasi.orang[0].nama
    assert main(["record", "attendance", "rapat", nama.upper(), "hadir"]) == 0
    assert main(["record", "attendance", "rapat", "Orang Tak Dikenal", "hadir"]) == 2
    with Session.open(rapat, readonly=True) as s:
        assert list(s.attendance()) == [nama]


def test_export_and_open_take_a_session_name(rapat: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["export", "rapat", "-f", "md"]) == 0
    assert (rapat.parent / "rapat-notulen.md").is_file()
    assert main(["export", "rapat", "-f", "docx", "-o", "hasil.md"]) == 2
    assert "berakhiran .md tetapi formatnya Word" in capsys.readouterr().err
    assert not Path("hasil.md").exists()
    assert main(["export", "rapat", "-o", "hasil.md"]) == 0 and "# NOTULEN RAPAT" in Path("hasil.md").read_text()
    assert main(["export", "../x"]) == 2
    opened: list[Path] = []
    monkeypatch.setattr(app_cmds, "_run_app", lambda path, *a, **k: opened.append(path) or 0)
    assert main(["open", "rapat"]) == 0 and opened == [Path("sessions/rapat.json")]
    assert main(["open", "tidak-ada"]) == 2


def test_validate_prints_one_label_and_the_shared_summary(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    (tmp_path / "sops" / "hukum-sdm" / "jdih.yaml").write_text("nama: [tidak ditutup\n")
    assert main(["validate", str(tmp_path / "sops")]) == 1
    out = capsys.readouterr()
    line = next(x for x in out.err.splitlines() if "jdih.yaml" in x)
    assert line.count("galat") == 1 and "peringatan" not in line
    assert "1 galat, 0 peringatan di 1 berkas." in out.out


def test_log_into_a_closed_pipe_is_quiet(rapat: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "sopreview", "log", "rapat"], cwd=rapat.parent.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # like `| head` that already left
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert "Broken pipe" not in err and "Traceback" not in err and "galat" not in err


def test_end_before_start_and_the_acara_list(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["meta", "rapat", "--end", "08:00"]) == 2  # the meeting starts at 09:00
    assert main(["new", "lain", "--start", "10:00", "--end", "09:00"]) == 2
    err = capsys.readouterr().err
    assert err.count("harus setelah") == 2 and not (rapat.parent / "lain.json").exists()
    assert main(["meta", "rapat", "--acara", "Pembukaan", "--acara", "Pembahasan SOP"]) == 0
    with Session.open(rapat, readonly=True) as s:
        assert s.meta.acara == ("Pembukaan", "Pembahasan SOP")
    capsys.readouterr()
    assert main(["meta", "rapat"]) == 0
    assert "1. Pembukaan; 2. Pembahasan SOP" in capsys.readouterr().out


def test_show_lists_each_item_with_what_was_recorded(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``show`` (rendered by ``minutes/summary.py``): decision, follow-up, then the attendance tally."""
    with Session.open(rapat, readonly=True) as s:
        first, second = (o.nama for o in s.organisasi.orang[:2])
    assert main(["record", "decision", "rapat", JDIH, "disetujui"]) == 0
    assert main(["record", "action", "rapat", JDIH, "--what", "Unggah", "--who", "Staf", "--when", "Juli 2022"]) == 0
    capsys.readouterr()
    assert main(["show", "rapat"]) == 0
    out = capsys.readouterr().out
    assert "Kehadiran" not in out  # no tally before anyone is recorded
    assert main(["record", "attendance", "rapat", first, "hadir"]) == 0
    assert main(["record", "attendance", "rapat", second, "izin"]) == 0
    capsys.readouterr()
    assert main(["show", "rapat"]) == 0
    lines = capsys.readouterr().out.splitlines()
    item = next(i for i, line in enumerate(lines) if f"[{JDIH}]: Disetujui" in line)
    assert lines[item + 1] == "       tindak lanjut #1: Unggah — Staf, Juli 2022"
    assert lines[-1] == "Kehadiran: Hadir 1, Izin 1"
