"""tetapkan adopts the version the meeting agreed on: the proposal plus its amendments (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.domain.amendment import Amendment
from sopreview.domain.register import DIREVISI
from sopreview.lifecycle.apply import BARU, MENUNGGU, REVISI, build_plan, session_view
from sopreview.lifecycle.folder import read_folder
from sopreview.store.session import Session
from tests.lifecycle.scenario import TANGGAL, scripted_meeting

RAPAT = "rapat-2022-06-16"
JDIH, KEPUTUSAN, SURAT = "hukum-sdm/jdih", "hukum-sdm/penyusunan-keputusan", "keuangan-umum-logistik/surat-masuk"


@pytest.fixture
def meeting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    sops, path = scripted_meeting(tmp_path, RAPAT)
    with Session.open(path) as session:
        session.record_amendment(JDIH, Amendment("ubah", 3, nilai={"waktu": "2 jam"}))
        session.record_amendment(JDIH, Amendment("sisip", 2, nilai={"kegiatan": "Memberi paraf",
                                                                     "pelaksana": "Staf Hukum"}))
        session.record_amendment(SURAT, Amendment("sisip", 3, nilai={"kegiatan": "Disposisi pimpinan",
                                                                      "pelaksana": "Sekretaris"}))
        first = session.proposal(KEPUTUSAN).dokumen.langkah[1]
        session.record_amendment(KEPUTUSAN, Amendment("ubah", 2, nilai={"keterangan": "Paling lama 1 hari kerja"}))
        assert first.keterangan != "Paling lama 1 hari kerja"
    return sops, path


def test_the_plan_adopts_amended_versions_and_perbaikan_by_amendment_needs_no_wait(
        meeting: tuple[Path, Path]) -> None:
    sops, path = meeting
    with Session.open(path, readonly=True) as session:
        view = session_view(session)
        plan = build_plan(view, sops, TANGGAL)
    assert not plan.refusals
    got = {i.pid: i.tindakan for i in plan.items}
    assert got[JDIH] == REVISI and got[SURAT] == BARU
    assert got[KEPUTUSAN] == REVISI != MENUNGGU  # its amendments are its perbaikan
    # the register's summary says what the adopted (amended) version changes: one step more than submitted
    assert view.change_summaries[JDIH].startswith("2 langkah ditambah")


def test_apply_writes_the_amended_version_as_the_sop_in_force(meeting: tuple[Path, Path]) -> None:
    sops, path = meeting
    assert main(["tetapkan", str(path), "--date", TANGGAL, "--apply"]) == 0
    folder = read_folder(sops)
    in_force = {f.sop_id: f.dokumen for f in folder.in_force}
    assert in_force[JDIH].step(4).waktu == "2 jam" and in_force[JDIH].revisi_ke == 1
    assert in_force[JDIH].step(2).kegiatan == "Memberi paraf"
    assert in_force[KEPUTUSAN].step(2).keterangan == "Paling lama 1 hari kerja"
    surat = in_force[SURAT]
    assert [s.kegiatan for s in surat.langkah][2] == "Disposisi pimpinan"
    assert surat.nomor  # numbered as a new SOP
    event = next(e for e in folder.events if e.usulan == JDIH)
    assert event.peristiwa == DIREVISI and event.perubahan.startswith("2 langkah ditambah")
