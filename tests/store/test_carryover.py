"""``new --from``: deferred proposals come first in the next meeting, with their history."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from sopreview.domain.header import MeetingMeta
from sopreview.store.session import Session
from tests.store.builders import ORGANISASI, P1, P2, P3, P4, PROPOSALS, make_proposal


def _first_meeting(path: Path) -> None:
    meta = MeetingMeta(judul="Rapat Juni", tanggal="2022-06-16")
    with Session.create(path, ORGANISASI, PROPOSALS, meta=meta) as s:
        s.record_decision(P3, "ditunda", "lengkapi dasar hukum")
        s.record_evaluation(P3, {"k1": True, "k2": False}, "kurang jelas", "perbaiki langkah 2")
        s.set_notes(P3, "Peserta minta contoh surat.")
        s.add_action(P3, "Tambah dasar hukum", "Dikrilia A. Risky EA", "2022-06-30")
        s.record_decision(P1, "disetujui")
        s.record_decision(P2, "ditolak", "tidak diperlukan")
        # P4 is left undecided


def test_deferred_items_come_first_with_history(tmp_path: Path) -> None:
    first, second = tmp_path / "juni.json", tmp_path / "juli.json"
    _first_meeting(first)
    with Session.create(second, ORGANISASI, PROPOSALS, carry_over_from=first,
                        meta=MeetingMeta(judul="Rapat Juli", tanggal="2022-07-14")) as s:
        assert [p.id for p in s.proposals()] == [P3, P4]  # P1, P2 decided and unchanged: left out
        assert s.carried_over == [P3] and sorted(s.skipped) == [P1, P2]
        assert s.decision(P3) is None  # a new meeting decides afresh
        (record,) = s.history(P3)
        assert record.keputusan == "ditunda" and record.catatan == "lengkapi dasar hukum"
        assert (record.sesi, record.tanggal, record.berkas) == ("Rapat Juni", "2022-06-16", "juni.json")
        assert record.evaluasi is not None and record.evaluasi["jawaban"]["k2"] is False
        assert record.catatan_diskusi == "Peserta minta contoh surat."
        assert record.tindak_lanjut[0]["apa"] == "Tambah dasar hukum"
        assert s.history(P4) == []
        assert s.carried_from == {"berkas": "juni.json", "judul": "Rapat Juni", "tanggal": "2022-06-16"}
        assert "1 usulan ditunda" in s.audit_log()[0].ringkasan
    assert first.exists() and not (tmp_path / "juni.json.lock").exists()


def test_changed_proposal_is_taken_up_again(tmp_path: Path) -> None:
    first = tmp_path / "juni.json"
    _first_meeting(first)
    revised = dataclasses.replace(PROPOSALS[1], ringkasan="Versi baru setelah ditolak")
    fresh = [PROPOSALS[0], revised, PROPOSALS[2], PROPOSALS[3]]
    with Session.create(tmp_path / "juli.json", ORGANISASI, fresh, carry_over_from=first) as s:
        assert [p.id for p in s.proposals()] == [P3, P2, P4]
        assert s.proposal(P2).ringkasan == "Versi baru setelah ditolak"


def test_deferred_item_gone_from_sops_keeps_its_snapshot(tmp_path: Path) -> None:
    first = tmp_path / "juni.json"
    _first_meeting(first)
    newcomer = make_proposal("keuangan/penerima-tamu", "Penerima Tamu")
    with Session.create(tmp_path / "juli.json", ORGANISASI, [newcomer], carry_over_from=first) as s:
        assert [p.id for p in s.proposals()] == [P3, newcomer.id]
        assert s.proposal(P3) == PROPOSALS[2]


def test_history_chains_across_meetings(tmp_path: Path) -> None:
    first, second, third = tmp_path / "1.json", tmp_path / "2.json", tmp_path / "3.json"
    _first_meeting(first)
    with Session.create(second, ORGANISASI, PROPOSALS, carry_over_from=first,
                        meta=MeetingMeta(judul="Rapat Juli", tanggal="2022-07-14")) as s:
        s.record_decision(P3, "ditunda", "masih kurang")
    with Session.create(third, ORGANISASI, PROPOSALS, carry_over_from=second) as s:
        assert [h.tanggal for h in s.history(P3)] == ["2022-06-16", "2022-07-14"]
        assert [h.catatan for h in s.history(P3)] == ["lengkapi dasar hukum", "masih kurang"]


def test_carry_over_works_while_previous_is_open(tmp_path: Path) -> None:
    """The previous session is read read-only, so its operator may still have it open."""
    first = tmp_path / "juni.json"
    _first_meeting(first)
    with Session.open(first) as holder:
        holder.set_notes(P4, "masih dibuka")
        with Session.create(tmp_path / "juli.json", ORGANISASI, PROPOSALS, carry_over_from=first) as s:
            assert P3 in [p.id for p in s.proposals()]
