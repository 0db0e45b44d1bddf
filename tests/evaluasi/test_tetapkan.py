"""Evaluation outcomes through ``tetapkan`` to the register (issue 14): each outcome sets the SOP's
status with the meeting as the reason, perlu revisi adds a follow-up action, a second run changes
nothing, and a later meeting may evaluate the same SOP again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.lifecycle.folder import read_folder
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
JDIH = "hukum-sdm/berlaku/jdih"
CUTI = "hukum-sdm/berlaku/cuti-pegawai"
KEPUTUSAN = "hukum-sdm/berlaku/penyusunan-keputusan"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _row(folder: Path, sop_id: str):  # type: ignore[no-untyped-def]
    row = read_folder(folder / "sops").register().row(sop_id)
    assert row is not None
    return row


def test_each_outcome_reaches_the_register_with_the_meeting_as_reason(folder: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "juni", "--evaluasi", "hukum-sdm", "--title", "Rapat Evaluasi Juni"]) == 0
    with Session.open(folder / "sessions" / "juni.json") as s:
        s.record_decision(JDIH, "masih_sesuai")
        s.record_decision(CUTI, "perlu_revisi", "langkah 3 tidak dijalankan")
        s.record_decision(KEPUTUSAN, "tidak_diberlakukan_lagi", "tugas dialihkan ke KPU RI")
    assert main(["tetapkan", "juni", "--date", "2022-06-20"]) == 0
    assert _row(folder, "hukum-sdm/cuti-pegawai").status == "berlaku"  # the plan alone writes nothing
    assert main(["tetapkan", "juni", "--date", "2022-06-20", "--apply"]) == 0
    out = capsys.readouterr().out
    assert "Tindak lanjut dicatat" in out
    jdih, cuti, kep = (_row(folder, f"hukum-sdm/{s}") for s in ("jdih", "cuti-pegawai", "penyusunan-keputusan"))
    assert (jdih.status, cuti.status, kep.status) == ("berlaku", "perlu_revisi", "dicabut")
    assert cuti.rapat == "juni" and cuti.tanggal_status == "2022-06-20"
    assert "Rapat Evaluasi Juni" in cuti.alasan and "langkah 3 tidak dijalankan" in cuti.alasan
    assert "tugas dialihkan ke KPU RI" in kep.alasan
    assert jdih.rapat == "juni"  # evaluated and kept: the register says by which meeting
    with Session.open(folder / "sessions" / "juni.json", readonly=True) as s:
        actions = s.actions(CUTI)
        assert len(actions) == 1 and "perbaikan" in actions[0].apa and actions[0].siapa
        assert not s.actions(JDIH) and not s.actions(KEPUTUSAN)
    # a second run finds everything applied: no new events, no second action
    events_before = (folder / "sops" / "daftar" / "peristiwa.yaml").read_bytes()
    assert main(["tetapkan", "juni", "--date", "2022-06-20", "--apply"]) == 0
    assert (folder / "sops" / "daftar" / "peristiwa.yaml").read_bytes() == events_before
    with Session.open(folder / "sessions" / "juni.json", readonly=True) as s:
        assert len(s.actions(CUTI)) == 1


def test_a_later_meeting_evaluates_the_same_sop_again(folder: Path) -> None:
    assert main(["new", "juni", "--evaluasi", "hukum-sdm/cuti-pegawai"]) == 0
    with Session.open(folder / "sessions" / "juni.json") as s:
        s.record_decision(CUTI, "perlu_revisi", "langkah 3")
    assert main(["tetapkan", "juni", "--date", "2022-06-20", "--apply"]) == 0
    assert main(["new", "desember", "--evaluasi", "hukum-sdm/cuti-pegawai"]) == 0
    with Session.open(folder / "sessions" / "desember.json") as s:
        s.record_decision(CUTI, "masih_sesuai")
    assert main(["tetapkan", "desember", "--date", "2022-12-20", "--apply"]) == 0
    row = _row(folder, "hukum-sdm/cuti-pegawai")
    assert (row.status, row.rapat, row.tanggal_status) == ("berlaku", "desember", "2022-12-20")


def test_an_sop_revised_since_the_meeting_is_refused_naming_the_file(folder: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "juni", "--evaluasi", "hukum-sdm/jdih"]) == 0
    with Session.open(folder / "sessions" / "juni.json") as s:
        s.record_decision(JDIH, "perlu_revisi", "langkah 2")
    path = folder / "sops" / "hukum-sdm" / "berlaku" / "jdih.yaml"
    text = path.read_text(encoding="utf-8")
    assert "revisi_ke: 0" in text or "revisi_ke:" not in text
    path.write_text(text.replace("revisi_ke: 0", "revisi_ke: 1") if "revisi_ke: 0" in text
                    else text + "revisi_ke: 1\n", encoding="utf-8")
    assert main(["tetapkan", "juni", "--date", "2022-06-20", "--apply"]) == 1
    err = capsys.readouterr().err
    assert "jdih.yaml" in err and "revisi ke-1" in err and "Traceback" not in err
    assert _row(folder, "hukum-sdm/jdih").status == "berlaku"
