"""The storage keeps data in memory; a change is one journal line, the state file is rewritten
atomically now and then, and what a fresh reader finds on disk always equals memory."""

from __future__ import annotations

import contextlib
import json
import random
from pathlib import Path

import pytest

from sopreview.domain.vocab import decision_keys
from sopreview.domain.model import Orang
from sopreview.store import storage as storage_module
from sopreview.store.session import InvalidValue, Session
from tests.store.builders import ORGANISASI, PROPOSALS, on_disk


def test_file_is_parsed_once_not_per_write(session_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Session.create(session_path, ORGANISASI, PROPOSALS).close()
    calls = []
    real = storage_module.parse_file
    monkeypatch.setattr(storage_module, "parse_file", lambda p: calls.append(p) or real(p))
    with Session.open(session_path) as s:
        for i in range(20):
            s.set_notes(PROPOSALS[i % 4].id, f"catatan {i}")
            s.notes(PROPOSALS[0].id)
    assert len(calls) == 1


def test_disk_always_equals_memory_after_random_changes(session_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """State file + journal replayed == memory, after every change of every kind (with the state
    file rewritten every few changes, so both replay and rewrites are exercised)."""
    from sopreview.store import session as session_module

    monkeypatch.setattr(session_module, "COMPACT_MIN_BYTES", 2000)
    rng = random.Random(7)
    ids = [p.id for p in PROPOSALS]
    evaluable = [p.id for p in PROPOSALS if p.jenis != "baru"]  # a baru SOP is refused evaluation
    with Session.create(session_path, ORGANISASI, PROPOSALS) as s:
        s.add_guest(Orang("Tamu"))

        def move(pid: str, delta: int) -> None:
            with contextlib.suppress(InvalidValue):  # at the edge of its sub bagian
                s.move_item(pid, delta)

        ops = [
            lambda: s.record_decision(rng.choice(ids), rng.choice(decision_keys()), "alasan"),
            lambda: s.record_evaluation(rng.choice(evaluable), {"k1": rng.choice([True, False, None])}),
            lambda: s.set_notes(rng.choice(ids), str(rng.random())),
            lambda: s.add_action(rng.choice(ids + [None]), "a", "b", "c"),
            lambda: s.set_attendance(rng.choice(["Budi Santoso", "Noor Ifah", "Tamu"]), rng.choice(["hadir", "izin"])),
            lambda: s.open_item(rng.choice(ids)),
            lambda: s.close_item(rng.choice(ids)),
            lambda: s.set_current(rng.choice(ids), rng.choice(["ringkasan", "flowchart"])),
            lambda: move(rng.choice(ids), rng.choice([-1, 1])),
            lambda: s.set_planned_minutes(rng.choice(ids), rng.randint(0, 30)),
            lambda: s.set_meta(tempat=str(rng.random())),
            lambda: s.undo(),
            lambda: s.actions() and s.remove_action(rng.choice(s.actions()).id),
        ]
        for _ in range(150):
            rng.choice(ops)()
            s._storage.state_bytes = 0  # compaction as soon as the journal holds COMPACT_MIN_BYTES
            memory = json.loads(json.dumps({k: v for k, v in s._storage.read().items() if k != "agenda"}))
            assert on_disk(session_path) == memory
        assert s._storage._compactions > 3  # rewrites happened between the checks, not only at the end


def test_a_change_is_one_journal_line_and_leaves_state_and_snapshot_alone(session: Session) -> None:
    from sopreview.store.files import SessionFiles

    files = SessionFiles(session.path)
    state, snapshot = files.path.read_bytes(), files.snapshot.read_bytes()
    lines = len(files.journal.read_bytes().splitlines())
    session.set_notes(PROPOSALS[0].id, "baru")
    session.set_current(PROPOSALS[1].id, "flowchart")
    assert len(files.journal.read_bytes().splitlines()) == lines + 2
    assert (files.path.read_bytes(), files.snapshot.read_bytes()) == (state, snapshot)


def test_a_rewrite_of_the_state_replaces_the_inode(session: Session) -> None:
    """Atomic replace: a reader holding the old file never sees it change under it."""
    path = session.path
    with open(path, "rb") as old:
        before = old.read()
        session.set_notes(PROPOSALS[0].id, "baru")
        session._compact()
        old.seek(0)
        assert old.read() == before
    assert path.read_bytes() != before


def test_no_hardlinks_falls_back_to_copied_bak(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    """FAT USB sticks cannot hardlink: the .bak is then a copy made every COPY_BAK_EVERY writes."""
    def no_link(*_args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(storage_module.os, "link", no_link)
    bak = storage_module.bak_path(session.path)
    bak.unlink(missing_ok=True)
    for i in range(storage_module.COPY_BAK_EVERY + 1):
        session.set_notes(PROPOSALS[0].id, f"n{i}")
        session._compact()
    assert bak.exists()
    with Session.open(bak, readonly=True) as b:
        assert b.notes(PROPOSALS[0].id).startswith("n")


def test_a_write_between_reading_and_stating_is_not_missed_by_a_follower(tmp_path: Path) -> None:
    """The follower remembers the state file's identity from before it read the bytes: a rewrite
    right after (the writer closing) is seen by its next reload, and the journal already had the change."""
    from tests.store.builders import ORGANISASI, PROPOSALS

    path = tmp_path / "s.json"
    writer = Session.create(path, ORGANISASI, PROPOSALS)
    real_parse = storage_module.parse_file
    sneaked: list[bool] = []

    def parse_then_writer_saves(p: Path) -> object:
        data = real_parse(p)
        if not sneaked:  # the operator saves and closes right after the follower read the bytes
            sneaked.append(True)
            writer.record_decision(PROPOSALS[0].id, "disetujui")
            writer.close()
        return data

    storage_module.parse_file = parse_then_writer_saves  # type: ignore[assignment]
    try:
        follower = Session.open(path, readonly=True)
    finally:
        storage_module.parse_file = real_parse  # type: ignore[assignment]
    try:
        assert follower.decision(PROPOSALS[0].id) is not None  # replayed from the journal
        assert follower.reload() is True  # ...and the rewritten state file is noticed
        assert follower.decision(PROPOSALS[0].id) is not None
        assert [e.seq for e in follower.audit_log()] == [1, 2]
    finally:
        follower.close()
