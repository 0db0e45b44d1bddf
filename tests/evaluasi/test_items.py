"""Evaluation items on the agenda (issue 14): adding them, outcomes and their note rule, the
refusal to evaluate a ``baru`` proposal, and carry-over of an item the meeting did not reach."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.records import validate_decision
from sopreview.domain.vocab import EVALUATION_JENIS
from sopreview.store.errors import InvalidValue
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
JDIH_IN_FORCE = "hukum-sdm/berlaku/jdih"
HUKUM_IN_FORCE = {"hukum-sdm/berlaku/cuti-pegawai", JDIH_IN_FORCE, "hukum-sdm/berlaku/penyusunan-keputusan"}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _evaluation_ids(path: Path) -> list[str]:
    with Session.open(path, readonly=True) as s:
        return [p.id for p in s.proposals() if p.jenis == EVALUATION_JENIS]


def test_new_adds_a_sub_bagian_and_chosen_ids_once_each(folder: Path) -> None:
    assert main(["new", "r", "--evaluasi", "hukum-sdm", "--evaluasi", "hukum-sdm/jdih,teknis-parmas-hubmas/ppid"]) == 0
    ids = _evaluation_ids(folder / "sessions" / "r.json")
    assert set(ids) == HUKUM_IN_FORCE | {"teknis-parmas-hubmas/berlaku/ppid"} and len(ids) == 4
    with Session.open(folder / "sessions" / "r.json", readonly=True) as s:
        item = s.proposal(JDIH_IN_FORCE)
    assert item.dokumen.langkah and item.sumber == "hukum-sdm/berlaku/jdih.yaml"


def test_new_with_semua_takes_every_sop_in_force(folder: Path) -> None:
    assert main(["new", "r", "--evaluasi", "semua"]) == 0
    assert len(_evaluation_ids(folder / "sessions" / "r.json")) == len(list((folder / "sops").glob("*/berlaku/*.yaml")))


def test_new_with_jatuh_tempo_takes_the_sops_whose_monitoring_is_due(folder: Path) -> None:
    (folder / "sops" / "daftar" / "monitoring.jsonl").unlink(missing_ok=True)
    assert main(["monitoring", "record", "hukum-sdm/jdih", "--date", "2022-11-01", "--assessor", "Sri"]) == 0
    assert main(["new", "r", "--evaluasi", "jatuh-tempo", "--date", "2022-12-01"]) == 0
    ids = set(_evaluation_ids(folder / "sessions" / "r.json"))
    in_force = {f"{p.parent.parent.name}/berlaku/{p.stem}" for p in (folder / "sops").glob("*/berlaku/*.yaml")}
    assert JDIH_IN_FORCE not in ids and ids == in_force - {JDIH_IN_FORCE}  # the others were never monitored


def test_an_unknown_word_is_refused_naming_what_exists(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "r", "--evaluasi", "hukum-sdm/tidak-ada"]) == 2
    err = capsys.readouterr().err
    assert "hukum-sdm/tidak-ada" in err and "hukum-sdm/jdih" in err and "Traceback" not in err
    assert not (folder / "sessions" / "r.json").exists()


@pytest.mark.parametrize("outcome,note,ok", [
    ("masih_sesuai", "", True),
    ("perlu_revisi", "", False),
    ("perlu_revisi", "langkah 3 tidak dijalankan", True),
    ("tidak_diberlakukan_lagi", "", False),
    ("tidak_diberlakukan_lagi", "tugas dialihkan ke KPU RI", True),
    ("disetujui", "", False),
])
def test_each_outcome_and_its_note_rule(folder: Path, outcome: str, note: str, ok: bool) -> None:
    assert main(["new", "r", "--evaluasi", "hukum-sdm/jdih"]) == 0
    with Session.open(folder / "sessions" / "r.json") as s:
        if ok:
            s.record_decision(JDIH_IN_FORCE, outcome, note)
            decision = s.decision(JDIH_IN_FORCE)
            assert decision is not None and decision.keputusan == outcome
        else:
            with pytest.raises(InvalidValue):
                s.record_decision(JDIH_IN_FORCE, outcome, note)
            assert s.decision(JDIH_IN_FORCE) is None
    # and the stored outcome passes the session check when read back
    with Session.open(folder / "sessions" / "r.json", readonly=True) as s:
        assert (s.decision(JDIH_IN_FORCE) is not None) == ok


def test_a_proposal_cannot_take_an_outcome() -> None:
    assert validate_decision("masih_sesuai", "", "perbaikan") is not None
    assert validate_decision("disetujui", "", "perbaikan") is None


def test_evaluating_a_baru_proposal_is_refused_clearly(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["new", "r"]) == 0
    path = folder / "sessions" / "r.json"
    with Session.open(path, readonly=True) as s:
        baru = next(p.id for p in s.proposals() if p.jenis == "baru")
        revisi = next(p.id for p in s.proposals() if p.jenis == "perbaikan")
    assert main(["record", "evaluation", "r", baru, "--answers", "k1=ya"]) == 2
    err = capsys.readouterr().err
    assert "baru" in err and "belum pernah diterapkan" in err and "Traceback" not in err
    assert main(["record", "evaluation", "r", revisi, "--answers", "k1=ya"]) == 0
    with Session.open(path, readonly=True) as s:
        assert s.evaluation(baru) is None and s.evaluation(revisi) is not None


def test_an_unreached_evaluation_item_carries_over_a_decided_one_does_not(folder: Path) -> None:
    assert main(["new", "juni", "--evaluasi", "hukum-sdm"]) == 0
    with Session.open(folder / "sessions" / "juni.json") as s:
        s.record_decision(JDIH_IN_FORCE, "masih_sesuai")
        s.set_notes("hukum-sdm/berlaku/cuti-pegawai", "belum sempat dibahas")
    assert main(["new", "juli", "--from", "juni"]) == 0
    with Session.open(folder / "sessions" / "juli.json", readonly=True) as s:
        carried = [p.id for p in s.proposals() if p.jenis == EVALUATION_JENIS]
        assert set(carried) == HUKUM_IN_FORCE - {JDIH_IN_FORCE}
        assert s.history("hukum-sdm/berlaku/cuti-pegawai")[-1].catatan_diskusi == "belum sempat dibahas"
