"""The session commands: exit codes, messages, and that a change is on disk when they exit 0."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
JDIH = "hukum-sdm/jdih"


@pytest.fixture
def rapat(workdir: Path) -> Path:
    assert main(["new", "rapat", "--title", "Rapat Uji", "--date", "2022-06-16", "--place", "Aula"]) == 0
    return workdir / "sessions" / "rapat.json"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sopreview", *args], cwd=cwd, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=60)


def test_new_and_record_in_real_processes(workdir: Path) -> None:
    proc = run("new", "juni", "--date", "2022-06-16", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    assert "Sesi dibuat: sessions/juni.json (14 usulan)" in proc.stdout
    proc = run("record", "decision", "juni", JDIH, "disetujui_dengan_perbaikan", "--note", "lengkapi", cwd=workdir)
    assert proc.returncode == 0, proc.stderr
    data = json.loads((workdir / "sessions" / "juni.json").read_text())  # on disk once the process exited
    item = next(d for d in data["item"].values() if d["pid"] == JDIH)
    assert item["keputusan"]["keputusan"] == "disetujui_dengan_perbaikan"
    proc = run("record", "decision", "juni", JDIH, "ditunda", cwd=workdir)
    assert proc.returncode == 2 and "wajib disertai catatan" in proc.stderr and "Traceback" not in proc.stderr


def test_new_refuses_existing_and_bad_date(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = rapat.read_bytes()
    assert main(["new", "rapat"]) == 2
    assert "sudah ada" in capsys.readouterr().err
    assert rapat.read_bytes() == before
    assert main(["new", "lain", "--date", "16/06/2022"]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["new", "../luar"]) == 2
    assert main(["new", "x.json", "--sops", "tidak-ada"]) == 1
    assert not Path("x.json").exists()


def test_new_with_invalid_sops_warns_and_uses_valid_ones(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = workdir / "sops" / "hukum-sdm" / "jdih.yaml"
    bad.write_text("nama: [tidak ditutup\n")
    assert main(["new", "sebagian.json"]) == 0
    captured = capsys.readouterr()
    assert "jdih.yaml" in captured.err and "galat" in captured.err and "peringatan: " not in captured.err
    assert "1 galat, 0 peringatan di 1 berkas" in captured.out
    with Session.open(workdir / "sebagian.json", readonly=True) as s:
        assert JDIH not in [p.id for p in s.proposals()] and len(s.proposals()) == 13


def test_record_commands(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["record", "decision", "rapat", JDIH, "Disetujui dengan perbaikan", "--note", "perbaiki"]) == 0
    assert main(["record", "evaluation", "rapat", JDIH, "--answers", "k1=ya, k2=tidak,k3=-",
                 "--catatan", "cukup", "--tindakan", "ringkas"]) == 0
    assert main(["record", "attendance", "rapat", "Noor Ifah", "tugas luar", "--keterangan", "dinas"]) == 0
    assert main(["record", "note", "rapat", JDIH, "Paragraf satu."]) == 0
    assert main(["record", "note", "rapat", JDIH, "Paragraf dua."]) == 0
    assert main(["record", "action", "rapat", JDIH, "--what", "Revisi", "--who", "Noor Ifah",
                 "--when", "2022-07-01"]) == 0
    assert main(["record", "guest", "rapat", "Dr. Narasumber", "--jabatan", "Dosen"]) == 0
    out = capsys.readouterr().out
    assert "Tersimpan: tindak lanjut #1" in out
    with Session.open(rapat, readonly=True) as s:
        d, ev = s.decision(JDIH), s.evaluation(JDIH)
        assert d is not None and d.keputusan == "disetujui_dengan_perbaikan"
        assert ev is not None and ev.jawaban["k1"] is True and ev.jawaban["k2"] is False and ev.jawaban["k3"] is None
        assert s.attendance()["Noor Ifah"].status == "tugas_luar"
        assert s.notes(JDIH) == "Paragraf satu.\n\nParagraf dua."
        assert s.actions(JDIH)[0].siapa == "Noor Ifah"
        assert s.people()[-1].nama == "Dr. Narasumber"


@pytest.mark.parametrize("argv, needle", [
    (["record", "decision", "rapat", "tidak/ada", "disetujui"], JDIH),
    (["record", "decision", "rapat", JDIH, "oke"], "disetujui_dengan_perbaikan, ditunda"),
    (["record", "evaluation", "rapat", JDIH, "--answers", "k9=ya"], "k1, k2"),
    (["record", "evaluation", "rapat", JDIH, "--answers", "k1=mungkin"], "ya, tidak"),
    (["record", "evaluation", "rapat", JDIH, "--answers", "k1"], "k1=ya"),
    (["record", "attendance", "rapat", "Noor Ifah", "bolos"], "tanpa_keterangan"),
    (["record", "attendance", "rapat", "Orang Asing", "hadir"], "Noor Ifah"),
])
def test_invalid_values_exit_2_listing_choices(rapat: Path, capsys: pytest.CaptureFixture[str],
                                               argv: list[str], needle: str) -> None:
    before = rapat.read_bytes()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert rapat.read_bytes() == before


def test_locked_session_exits_3_naming_holder(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Session.open(rapat):
        assert main(["record", "decision", "rapat", JDIH, "disetujui"]) == 3
        err = capsys.readouterr().err
        assert "sedang dibuka untuk menulis" in err and "sejak" in err and "proses" in err
        assert main(["undo", "rapat"]) == 3
        assert main(["show", "rapat"]) == 0  # reading works while it is held
        assert "sedang dibuka untuk menulis oleh" in capsys.readouterr().out
        assert main(["log", "rapat"]) == 0


def test_log_undo_show_sessions(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["record", "decision", "rapat", JDIH, "ditolak", "--note", "tidak perlu"])
    main(["record", "decision", "rapat", JDIH, "disetujui"])
    capsys.readouterr()
    assert main(["undo", "rapat"]) == 0
    assert "Dibatalkan: #3" in capsys.readouterr().out
    assert main(["log", "rapat"]) == 0
    log = capsys.readouterr().out
    assert "#1" in log and "Membatalkan #3" in log and "lama:" in log
    assert main(["show", "rapat"]) == 0
    show = capsys.readouterr().out
    assert "Rapat Uji" in show and "Ditolak — tidak perlu" in show and "Diputuskan: 1/14" in show
    assert main(["sessions"]) == 0
    assert "rapat.json  2022-06-16  Rapat Uji  (1/14 diputuskan)" in capsys.readouterr().out
    assert main(["undo", "rapat"]) == 0 and main(["undo", "rapat"]) == 1
    assert "Tidak ada perubahan" in capsys.readouterr().err


def test_sessions_lists_broken_files(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (rapat.parent / "rusak.json").write_text("{")
    assert main(["sessions", str(rapat.parent)]) == 0
    out = capsys.readouterr().out
    assert "rusak.json  RUSAK:" in out and "rapat.json" in out
    assert main(["sessions", "tidak-ada"]) == 2


def test_bad_file_exits_1_without_traceback(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rapat.write_text('{"sesi": ')
    assert main(["record", "decision", "rapat", JDIH, "disetujui"]) == 1
    err = capsys.readouterr().err
    assert "bukan JSON yang sah" in err and ".bak" in err and "Traceback" not in err


def test_new_from_previous(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["record", "decision", "rapat", JDIH, "ditunda", "--note", "bahas lagi"])
    main(["record", "decision", "rapat", "hukum-sdm/penyusunan-keputusan", "disetujui"])
    capsys.readouterr()
    assert main(["new", "juli", "--from", "rapat", "--date", "2022-07-14"]) == 0
    out = capsys.readouterr().out
    assert "1 usulan ditunda dibawa" in out and "1 dilewati" in out
    with Session.open(rapat.parent / "juli.json", readonly=True) as s:
        assert s.proposals()[0].id == JDIH and s.history(JDIH)[0].keputusan == "ditunda"
        assert len(s.proposals()) == 13
    assert main(["new", "agustus", "--from", "tidak-ada"]) == 2


def test_new_refusals_name_the_folder_and_create_nothing(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # `new` starts a meeting through the same service as the form and the demo, but keeps its own
    # one-line wording after the listed problems; nothing is created either way.
    empty = workdir / "kosong"
    empty.mkdir()
    shutil.copy(workdir / "sops" / "organisasi.yaml", empty / "organisasi.yaml")
    assert main(["new", "a.json", "--sops", "kosong"]) == 1
    assert "galat: kosong: tidak ada usulan SOP yang sah; sesi tidak dibuat" in capsys.readouterr().err
    (workdir / "sops" / "organisasi.yaml").unlink()
    assert main(["new", "b.json", "--sops", "sops"]) == 1
    assert "galat: sops: organisasi.yaml tidak terbaca; sesi tidak dibuat" in capsys.readouterr().err
    assert not (workdir / "a.json").exists() and not (workdir / "b.json").exists()


def test_stale_lock_warning_shows_a_clock_time(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 9 (smaller defects): "Kunci lama dari … sejak 2022-06-16T09:00:00+07:00" is a raw
    ISO stamp; the command says when in clock words, as the app does."""
    import re

    from tests.locks import plant_stale_lock

    plant_stale_lock(rapat)
    capsys.readouterr()
    assert main(["record", "decision", "rapat", JDIH, "disetujui"]) == 0
    err = capsys.readouterr().err
    assert "diambil alih" in err, err
    assert "2022-06-16T" not in err and "+07:00" not in err, err
    assert re.search(r"\(proses \d+\) sejak (\d+ \w{3} (\d{4} )?)?\d{2}:\d{2}\b", err), err


def test_new_says_a_stale_lock_in_clock_words(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``new`` over a lock left by a crashed process warned with the raw ISO stamp; every other
    command already said when in clock words."""
    import re

    from tests.locks import SINCE, plant_stale_lock

    (workdir / "sessions").mkdir(exist_ok=True)
    holder = plant_stale_lock(workdir / "sessions" / "baru.json")
    assert main(["new", "baru"]) == 0
    err = capsys.readouterr().err
    assert "diambil alih" in err and f"(proses {holder.pid})" in err, err
    assert SINCE not in err and "2022-06-16T" not in err, err
    assert re.search(r"\(proses \d+\) sejak (\d+ \w{3} (\d{4} )?)?\d{2}:\d{2}\b", err), err
