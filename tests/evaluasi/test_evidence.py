"""The room sees evidence (issue 14): an evaluation item, and a revision of an SOP in force, show
that SOP's results over time and the last monitoring's steps that did not run well; a revision
says which version its criteria form judged and how this meeting evaluated that version."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.store.session import Session
from sopreview.ui.widgets.proposal_detail import summary_renderable
from tests.ui.conftest import plain

ROOT = Path(__file__).resolve().parents[2]
JDIH_ITEM, JDIH_REVISION = "hukum-sdm/berlaku/jdih", "hukum-sdm/jdih"


@pytest.fixture
def session_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "r", "--evaluasi", "hukum-sdm/jdih"]) == 0
    return tmp_path / "sessions" / "r.json"


def _summary(path: Path, pid: str) -> str:
    with Session.open(path, readonly=True) as s:
        return " ".join(plain(summary_renderable(s, s.proposal(pid)), width=200).split())


def test_an_evaluation_item_shows_the_last_monitoring(session_path: Path) -> None:
    text = _summary(session_path, JDIH_ITEM)
    assert "Evaluasi dan monitoring SOP berlaku (hukum-sdm/jdih)" in text
    assert "5/7 · 6/7" in text  # the sample's two monitorings, oldest first
    assert "Monitoring terakhir 8 Juni 2022 (Dwi Astuti, S.H.): 1 dari 7 langkah tidak berjalan baik" in text
    assert "5. Mengunggah dokumen hukum" in text and "→ ajukan perbaikan akses ke KPU Provinsi" in text
    assert "Monitoring berikutnya: 8 Desember 2022" in text and "Alasan usulan" not in text


def test_a_new_monitoring_shows_without_reopening(session_path: Path) -> None:
    assert "6/7 ·" not in _summary(session_path, JDIH_ITEM)
    assert main(["monitoring", "record", "hukum-sdm/jdih", "--date", "2022-06-15", "--assessor", "Sri"]) == 0
    text = _summary(session_path, JDIH_ITEM)
    assert "5/7 · 6/7 · 7/7" in text and "Monitoring terakhir 15 Juni 2022 (Sri): 0 dari 7" in text


def test_a_revision_shows_the_evaluation_of_the_version_it_replaces(session_path: Path) -> None:
    with Session.open(session_path) as s:
        s.record_evaluation(JDIH_ITEM, {c.id: c.id != "k2" for c in s.criteria})
        s.record_decision(JDIH_ITEM, "perlu_revisi", "unggah tertunda")
        s.record_evaluation(JDIH_REVISION, {c.id: True for c in s.criteria})
        replaced = s.proposal(JDIH_REVISION).sebelumnya
        assert replaced is not None
    text = _summary(session_path, JDIH_REVISION)
    assert "Evaluasi dan monitoring SOP berlaku (hukum-sdm/jdih)" in text
    with Session.open(session_path, readonly=True) as s:
        total = len(s.criteria)
    assert f"Dievaluasi di rapat ini: Perlu revisi, {total - 1} dari {total} kriteria terpenuhi" in text
    assert f"(versi berlaku, revisi ke-{replaced.revisi_ke}) {total} dari {total} kriteria terpenuhi" in text


def test_a_baru_proposal_has_no_sop_in_force_to_show(session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as s:
        baru = next(p.id for p in s.proposals() if p.jenis == "baru")
    assert "Evaluasi dan monitoring SOP berlaku" not in _summary(session_path, baru)


def test_evaluation_items_are_not_reported_as_changed_proposals(session_path: Path) -> None:
    """The app's and export's folder check compares proposal files; an SOP in force is none of them."""
    with Session.open(session_path, readonly=True) as s:
        assert s.changed_since_snapshot(session_path.parent.parent / "sops") == []
