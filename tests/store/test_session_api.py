"""Every method of the session API: reading back, validation, audit entries, undo of each change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.store.builders import ORGANISASI, P1, P2, P3, P4, PROPOSALS, FakeClock
from sopreview.domain.criteria import default_criteria
from sopreview.domain.header import DEFAULT_ACARA, DEFAULT_JUDUL, MeetingMeta
from sopreview.domain.records import proposal_hash
from sopreview.domain.model import Orang
from sopreview.store.session import (
    InvalidValue,
    ReadOnlySession,
    Session,
    SessionError,
    UnknownProposal,
)


def reopen(session: Session) -> Session:
    """The same file read back from disk: what survives a restart."""
    return Session.open(session.path, readonly=True)


def test_create_snapshots_agenda_and_defaults(session: Session) -> None:
    assert [p.id for p in session.proposals()] == [P1, P2, P3, P4]
    assert session.proposal(P1) == PROPOSALS[0]
    assert session.organisasi == ORGANISASI
    assert session.criteria == default_criteria() and len(session.criteria) == 7
    assert session.planned_minutes(P4) == 15
    assert session.progress() == (0, 4)
    assert session.current() == (None, "ringkasan")
    assert session.meta.tanggal == "2022-06-16"
    assert session.snapshot_hash(P1) == proposal_hash(PROPOSALS[0])
    assert not session.readonly and session.lock_holder is None
    log = session.audit_log()
    assert [e.aksi for e in log] == ["buat"]


def test_create_refuses_existing_file(session: Session) -> None:
    with pytest.raises(SessionError, match="sudah ada"):
        Session.create(session.path, ORGANISASI, PROPOSALS)


def test_create_refuses_duplicate_ids(session_path: Path) -> None:
    with pytest.raises(SessionError, match="dua kali"):
        Session.create(session_path, ORGANISASI, [PROPOSALS[0], PROPOSALS[0]])
    assert not session_path.exists()


def test_decision_roundtrip_and_audit(session: Session) -> None:
    session.record_decision(P1, "disetujui")
    session.record_decision(P2, "disetujui_dengan_perbaikan", "  perbaiki langkah 3 ")
    with reopen(session) as r:
        d = r.decision(P2)
        assert d is not None and d.keputusan == "disetujui_dengan_perbaikan" and d.catatan == "perbaiki langkah 3"
        assert d.waktu == "2022-06-16T09:00:00+07:00"
        assert r.progress() == (2, 4)
    entry = session.audit_log()[-1]
    assert (entry.aksi, entry.target, entry.lama) == ("keputusan", P2, None)
    assert entry.baru["keputusan"] == "disetujui_dengan_perbaikan"
    session.record_decision(P2, "ditolak", "tidak sesuai")
    entry = session.audit_log()[-1]
    assert entry.lama["keputusan"] == "disetujui_dengan_perbaikan" and entry.baru["keputusan"] == "ditolak"


@pytest.mark.parametrize("keputusan", ["disetujui_dengan_perbaikan", "ditunda", "ditolak", "ditarik"])
def test_decision_note_required(session: Session, keputusan: str) -> None:
    with pytest.raises(InvalidValue, match="wajib disertai catatan"):
        session.record_decision(P1, keputusan, "   ")
    assert session.decision(P1) is None
    assert len(session.audit_log()) == 1


def test_unknown_decision_and_proposal_list_choices(session: Session) -> None:
    with pytest.raises(InvalidValue, match="disetujui, disetujui_dengan_perbaikan, ditunda, ditolak, ditarik"):
        session.record_decision(P1, "oke")
    with pytest.raises(UnknownProposal, match=P4):
        session.record_decision("tidak/ada", "disetujui")
    with pytest.raises(UnknownProposal):
        session.decision("tidak/ada")


def test_clear_decision(session: Session) -> None:
    session.record_decision(P1, "disetujui")
    session.clear_decision(P1)
    assert session.decision(P1) is None
    assert session.audit_log()[-1].baru is None


def test_evaluation(session: Session) -> None:
    session.record_evaluation(P1, {"k1": True, "k2": False, "k3": True}, "cukup", "sederhanakan")
    ev = session.evaluation(P1)
    assert ev is not None
    assert (ev.terpenuhi, ev.total) == (2, 7)
    assert [c.id for c in ev.tidak_terpenuhi(session.criteria)] == ["k2"]
    assert ev.jawaban["k7"] is None and (ev.catatan, ev.tindakan) == ("cukup", "sederhanakan")
    with pytest.raises(InvalidValue, match="k1, k2, k3, k4, k5, k6, k7"):
        session.record_evaluation(P1, {"k8": True})
    with pytest.raises(InvalidValue, match="Ya"):
        session.record_evaluation(P1, {"k1": "ya"})  # type: ignore[dict-item]


def test_notes_actions(session: Session) -> None:
    session.set_notes(P1, "Peserta meminta contoh formulir.")
    assert session.notes(P1) == "Peserta meminta contoh formulir."
    a1 = session.add_action(P1, "Lengkapi formulir", "Noor Ifah", "2022-07-01")
    a2 = session.add_action(None, "Sosialisasi SOP", "Sekretaris", "Juli 2022")
    assert (a1, a2) == (1, 2)
    assert [a.id for a in session.actions(P1)] == [1]
    assert [a.apa for a in session.actions()] == ["Lengkapi formulir", "Sosialisasi SOP"]
    assert session.actions(None)[1].proposal_id is None
    session.remove_action(a1)
    assert [a.id for a in session.actions()] == [2]
    with pytest.raises(InvalidValue, match="pilihan: 2"):
        session.remove_action(7)
    with pytest.raises(InvalidValue):
        session.add_action(P1, " ", "x", "y")


def test_attendance_and_guests(session: Session) -> None:
    session.set_attendance("Budi Santoso", "hadir")
    session.set_attendance("Noor Ifah", "tugas_luar", "dinas ke Surabaya")
    assert session.attendance()["Noor Ifah"].keterangan == "dinas ke Surabaya"
    assert "M. Awaludin Zahroni" not in session.attendance()
    with pytest.raises(InvalidValue, match="hadir, izin, sakit, tugas_luar, tanpa_keterangan"):
        session.set_attendance("Budi Santoso", "absen")
    with pytest.raises(InvalidValue, match="tamu"):
        session.set_attendance("Orang Asing", "hadir")
    session.add_guest(Orang("Dr. Tamu", "Narasumber", "Universitas"))
    assert session.people()[-1].nama == "Dr. Tamu"
    session.set_attendance("Dr. Tamu", "hadir")
    with pytest.raises(InvalidValue, match="sudah ada"):
        session.add_guest(Orang("Budi Santoso"))
    session.set_attendance("Budi Santoso", "izin")
    assert session.attendance()["Budi Santoso"].status == "izin"
    assert len(session.attendance()) == 3


def test_clock_open_close(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    assert session.current()[0] == P1 and session.clock(P1).running
    clock.advance(10)
    session.open_item(P2)  # closes P1
    assert not session.clock(P1).running and session.clock(P2).running
    assert session.clock(P1).used_seconds == 600
    assert session.running_item() == P2
    clock.advance(5)
    session.close_item(P2)
    assert session.running_item() is None and session.clock(P2).used_seconds == 300
    clock.advance(30)  # a pause between intervals does not count
    session.open_item(P1)
    clock.advance(2)
    session.close_item(P1)
    c = session.clock(P1)
    assert c.used_seconds == 720
    assert (c.opened_at, c.closed_at) == ("2022-06-16T09:00:00+07:00", "2022-06-16T09:47:00+07:00")
    before = len(session.audit_log())
    session.close_item(P1)  # not running: nothing logged
    assert len(session.audit_log()) == before
    assert session.clock(P3).opened_at is None and session.clock(P3).used_seconds == 0


def test_running_clock_counts_up_to_now(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    clock.advance(3)
    assert session.clock(P1).used_seconds == 180 and session.clock(P1).running


def test_glances_say_what_the_single_item_reads_say(session: Session, clock: FakeClock) -> None:
    """The agenda reads every item in one pass (``glances``); each field must match its own reader."""
    session.record_decision(P1, "disetujui")
    session.record_evaluation(P2, {"k1": True})
    session.set_notes(P3, "  catatan  ")
    session.set_notes(P4, "   ")
    session.set_planned_minutes(P4, 25)
    session.open_item(P2)
    clock.advance(4)
    session.close_item(P2)
    session.open_item(P3)
    clock.advance(2)
    glances = session.glances()
    assert list(glances) == [P1, P2, P3, P4]
    for pid, glance in glances.items():
        decision = session.decision(pid)
        assert glance.planned == session.planned_minutes(pid)
        assert glance.keputusan == (decision.keputusan if decision else None)
        assert glance.evaluated == (session.evaluation(pid) is not None)
        assert glance.has_notes == bool(session.notes(pid).strip())
        assert glance.clock == session.clock(pid)
    assert [g.keputusan for g in glances.values()] == ["disetujui", None, None, None]
    assert [(g.evaluated, g.has_notes, g.planned) for g in glances.values()][1:] == [
        (True, False, session.planned_minutes(P2)), (False, True, session.planned_minutes(P3)), (False, False, 25)]
    assert glances[P2].clock.used_seconds == 240 and not glances[P2].clock.running
    assert glances[P3].clock.running and glances[P3].clock.used_seconds == 120


def test_current_move_minutes_meta(session: Session) -> None:
    session.set_current(P3, "flowchart")
    assert session.current() == (P3, "flowchart")
    session.set_current(None)
    assert session.current() == (None, "flowchart")
    with pytest.raises(InvalidValue, match="ringkasan, flowchart, perubahan, keputusan"):
        session.set_current(P1, "video")
    session.move_item(P4, -2)  # clamped to its sub bagian
    assert [p.id for p in session.proposals()] == [P1, P2, P4, P3]
    assert session.audit_log()[-1].aksi == "urutan"
    session.set_planned_minutes(P1, 25)
    assert session.planned_minutes(P1) == 25
    for bad in (-1, 601, 2.5, True):
        with pytest.raises(InvalidValue):
            session.set_planned_minutes(P1, bad)  # type: ignore[arg-type]
    session.set_meta(judul="Rapat SOP", tempat="Aula", waktu_mulai="9.05", acara=["Pembukaan", " ", "SOP"])
    meta = session.meta
    assert (meta.judul, meta.tempat, meta.waktu_mulai, meta.acara) == ("Rapat SOP", "Aula", "09:05",
                                                                        ("Pembukaan", "SOP"))
    for field, value in (("tanggal", "16-06-2022"), ("waktu_selesai", "25:00"), ("warna", "x")):
        with pytest.raises(InvalidValue):
            session.set_meta(**{field: value})
    # The end may not come before the start, whether both change at once or one at a time.
    with pytest.raises(InvalidValue, match="harus setelah"):
        session.set_meta(waktu_selesai="08:00")
    with pytest.raises(InvalidValue, match="harus setelah"):
        session.set_meta(waktu_mulai="13:00", waktu_selesai="12:00")
    session.set_meta(waktu_selesai="12:00")
    assert session.meta.waktu_selesai == "12:00"


def test_nothing_changed_is_not_logged(session: Session) -> None:
    session.set_notes(P1, "a")
    session.set_notes(P1, "a")
    session.set_meta(tempat="")
    assert [e.aksi for e in session.audit_log()] == ["buat", "catatan"]


UNDO_CASES = {
    "keputusan": lambda s: s.record_decision(P3, "ditunda", "lain kali"),  # P1 runs: its decision also stops the clock (test_clock_rules)
    "evaluasi": lambda s: s.record_evaluation(P1, {"k1": True}),
    "catatan": lambda s: s.set_notes(P1, "baru"),
    "tindak_lanjut": lambda s: s.add_action(P1, "a", "b", "c"),
    "hapus_tindak_lanjut": lambda s: s.remove_action(1),
    "kehadiran": lambda s: s.set_attendance("Noor Ifah", "sakit"),
    "tamu": lambda s: s.add_guest(Orang("Tamu Baru")),
    "urutan": lambda s: s.move_item(P4, -1),
    "urutan_subbag": lambda s: s.move_subbag("keuangan", -1),
    "menit": lambda s: s.set_planned_minutes(P1, 3),
    "meta": lambda s: s.set_meta(tempat="Ruang Rapat", ketua="Budi Santoso"),
    "hapus_keputusan": lambda s: s.clear_decision(P4),
}


def _visible_state(s: Session) -> dict[str, object]:
    return {
        "meta": s.meta, "order": [p.id for p in s.proposals()], "current": s.current(),
        "items": {p.id: (s.decision(p.id), s.evaluation(p.id), s.notes(p.id), s.planned_minutes(p.id),
                         s.clock(p.id).opened_at, s.clock(p.id).closed_at) for p in s.proposals()},
        "actions": s.actions(), "attendance": s.attendance(), "people": s.people(),
    }


@pytest.mark.parametrize("kind", sorted(UNDO_CASES))
def test_undo_each_kind_of_change(session_path: Path, kind: str) -> None:
    clock = FakeClock()
    with Session.create(session_path, ORGANISASI, PROPOSALS, clock=clock) as s:
        s.add_action(P1, "awal", "x", "y")
        s.record_decision(P4, "disetujui")
        s.open_item(P1)
        s.set_current(P1, "keputusan")  # navigation after the change is skipped by undo
        before = _visible_state(s)
        UNDO_CASES[kind](s)
        assert _visible_state(s) != before
        changed = s.audit_log()[-1]
        s.set_current(P1, "flowchart")
        reverted = s.undo()
        assert reverted is not None and reverted.seq == changed.seq
        after = _visible_state(s)
        after["current"] = before["current"]
        assert after == before
        last = s.audit_log()[-1]
        assert last.aksi == "batal" and last.batal == changed.seq
        with reopen(s) as r:  # and the undo is on disk
            on_disk = _visible_state(r)
            on_disk["current"] = before["current"]
            assert on_disk == before


def test_undo_walks_back_and_stops_at_creation(session: Session) -> None:
    session.set_notes(P1, "satu")
    session.set_notes(P1, "dua")
    assert session.undo().ringkasan.startswith("Catatan")  # type: ignore[union-attr]
    assert session.notes(P1) == "satu"
    session.undo()
    assert session.notes(P1) == ""
    assert session.undo() is None
    assert [e.aksi for e in session.audit_log()] == ["buat", "catatan", "catatan", "batal", "batal"]


def test_undo_does_not_reuse_action_ids(session: Session) -> None:
    session.add_action(P1, "a", "b", "c")
    session.undo()
    assert session.add_action(P1, "d", "e", "f") == 2


def test_audit_log_survives_reopen(session: Session) -> None:
    session.record_decision(P1, "disetujui")
    session.set_notes(P2, "x")
    path = session.path
    log = session.audit_log()
    session.close()
    with Session.open(path) as again:
        assert again.audit_log() == log
        assert again.undo() is not None and again.notes(P2) == ""


def test_readonly_session_refuses_writes(session: Session) -> None:
    session.record_decision(P1, "disetujui")
    with reopen(session) as r:
        assert r.readonly
        with pytest.raises(ReadOnlySession):
            r.record_decision(P2, "disetujui")
        with pytest.raises(ReadOnlySession):
            r.undo()


def test_reload_follows_the_writer(session: Session) -> None:
    with reopen(session) as follower:
        assert follower.reload() is False
        session.record_decision(P1, "disetujui")
        session.set_current(P2, "flowchart")
        assert follower.reload() is True
        assert follower.decision(P1) is not None and follower.current() == (P2, "flowchart")
        assert follower.audit_log() == session.audit_log()
        assert follower.reload() is False


def test_changed_since_snapshot(tmp_path: Path) -> None:
    sops = Path(__file__).resolve().parents[2] / "sops"
    from sopreview.domain.loader import load_sops

    result = load_sops(sops)
    assert result.organisasi is not None and result.proposals
    with Session.create(tmp_path / "s.json", result.organisasi, result.proposals, sops_dir=sops) as s:
        assert s.changed_since_snapshot(sops) == []
        assert s.sops_dir == sops
        assert s.changed_since_snapshot(tmp_path) == [p.id for p in result.proposals]  # all vanished


def test_files_are_plain_json_and_tinydb_reads_the_state(session: Session) -> None:
    """After a close the state file is complete, in TinyDB's layout (TinyDB itself reads it); the
    proposals' snapshot is its own JSON Lines file, named and hashed in the state."""
    from tinydb import TinyDB

    from sopreview.store.files import snapshot_path

    session.record_decision(P1, "disetujui")
    session.close()
    data = json.loads(session.path.read_text())
    assert data["sesi"]["1"]["schema"] == 1
    assert {"item", "meta", "kriteria", "organisasi"} <= set(data) and "agenda" not in data
    assert data["sesi"]["1"]["audit_last"]["aksi"] == "keputusan"
    with TinyDB(session.path, access_mode="r") as db:
        decided = [doc["pid"] for doc in db.table("item").all() if doc.get("keputusan")]
    assert decided == [P1]
    lines = snapshot_path(session.path).read_text().splitlines()
    assert json.loads(lines[0])["jumlah"] == len(PROPOSALS) == len(lines) - 1
    assert [json.loads(line)["dok"]["pid"] for line in lines[1:]] == [p.id for p in PROPOSALS]


def test_meta_given_at_creation(session_path: Path) -> None:
    meta = MeetingMeta(judul="Rapat X", tanggal="2022-06-16", tempat="Aula", ketua="Ketua Tamu")
    with Session.create(session_path, ORGANISASI, PROPOSALS, meta=meta) as s:
        # What was given is kept; what was left empty gets the defaults every start path shares.
        assert (s.meta.judul, s.meta.tanggal, s.meta.tempat, s.meta.ketua) == ("Rapat X", "2022-06-16", "Aula",
                                                                               "Ketua Tamu")
        assert s.meta.acara == DEFAULT_ACARA and s.meta.notulis == ""
    other = session_path.with_name("lain.json")
    with Session.create(other, ORGANISASI, PROPOSALS) as s:
        assert s.meta.judul == DEFAULT_JUDUL and s.meta.tanggal
        ketua = [o.nama for o in ORGANISASI.orang if o.jabatan.startswith("Ketua")]
        assert s.meta.ketua == (ketua[0] if len(ketua) == 1 else "")


def test_follower_reads_an_entry_only_the_state_file_has_and_no_duplicates_later(
        session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal refused a line, so the change went into the state file instead: a follower
    shows it from there, and when the journal catches up the entry is not listed twice."""
    import errno

    from sopreview.store.audit import Journal

    def refuse(self: Journal, entries: list[dict[str, Any]], sync: bool = True) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with reopen(session) as follower:
        monkeypatch.setattr(Journal, "append", refuse)
        session.record_decision(P1, "disetujui")
        assert follower.reload() and follower.audit_log()[-1].aksi == "keputusan"
        assert follower.decision(P1) is not None
        monkeypatch.undo()
        session.set_notes(P2, "x")
        assert follower.reload() and follower.notes(P2) == "x"
        assert [e.seq for e in follower.audit_log()] == [1, 2, 3]


def test_follower_applies_journal_lines_without_rereading_the_state(session: Session,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A change is one journal line; the projector takes that line, not the whole session again."""
    from sopreview.store import session as session_module

    with reopen(session) as follower:
        reads: list[Path] = []
        real = session_module._load_reusing_snapshot
        monkeypatch.setattr(session_module, "_load_reusing_snapshot", lambda p, c: reads.append(p) or real(p, c))
        for n in range(5):
            session.set_notes(P2, f"catatan {n}")
            assert follower.reload() and follower.notes(P2) == f"catatan {n}"
        session.set_current(P3, "flowchart")
        assert follower.reload() and follower.current().pid == P3
        assert reads == []
        session.close()  # the writer leaves: its state file is rewritten, the follower reads it once
        assert follower.reload() and reads == [session.path]
        assert follower.notes(P2) == "catatan 4" and follower.current().tab == "flowchart"


def test_follower_keeps_last_good_state_when_file_goes_bad(session: Session) -> None:
    session.record_decision(P1, "disetujui")
    with reopen(session) as follower:
        good = session.path.read_bytes()
        session.path.write_text("{rusak")
        with pytest.raises(SessionError, match="bukan JSON"):
            follower.reload()
        assert follower.decision(P1) is not None
        session.path.write_bytes(good)


def test_a_relative_sops_folder_is_remembered_absolutely(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`sopreview new` run in the office folder, `open`/`export` later from elsewhere: same sops/."""
    import shutil

    from sopreview.domain.loader import load_sops

    shutil.copytree(Path(__file__).resolve().parents[2] / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    result = load_sops(Path("sops"))
    assert result.organisasi is not None
    Session.create(Path("s.json"), result.organisasi, result.proposals, sops_dir=Path("sops")).close()
    monkeypatch.chdir(tmp_path.parent)
    with Session.open(tmp_path / "s.json", readonly=True) as s:
        assert s.sops_dir == tmp_path / "sops"
        assert s.changed_since_snapshot(s.sops_dir) == []


def test_navigation_is_not_fsynced_but_a_follower_sees_it_and_the_next_change_makes_it_durable(
        session: Session, session_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 17: every key that moves the room's view was a durable write."""
    import os

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    session.set_current(P3, "flowchart")
    session.set_pointer(2)
    assert synced == []
    with Session.open(session_path, readonly=True) as follower:
        assert follower.current().pid == P3 and follower.current().tab == "flowchart"
    session.record_decision(P3, "ditunda", "belum lengkap")
    assert len(synced) == 1
