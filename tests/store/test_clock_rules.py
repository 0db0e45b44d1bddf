"""The clock rules of ``domain/clock.py``, one test each, through the session API and on disk."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sopreview.domain import clock as rules
from sopreview.store import heartbeat
from sopreview.store.session import InvalidValue, Session
from tests.store.builders import ORGANISASI, P1, P2, PROPOSALS, WIB, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def session(tmp_path: Path, clock: FakeClock) -> Session:
    return Session.create(tmp_path / "rapat.json", ORGANISASI, PROPOSALS, clock=clock)


def minutes(s: Session, pid: str) -> float:
    return s.clock(pid).used_seconds / 60


def test_only_one_clock_runs(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    clock.advance(4)
    session.open_item(P2)
    clock.advance(3)
    assert session.running_item() == P2
    assert (minutes(session, P1), minutes(session, P2)) == (4, 3)


def test_recording_a_decision_stops_the_clock(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    clock.advance(5)
    session.record_decision(P1, "ditunda", "perlu data")
    clock.advance(30)
    assert not session.clock(P1).running
    assert minutes(session, P1) == 5
    assert [e.aksi for e in session.audit_log()[-2:]] == ["keputusan", "tutup"]


def test_pause_stops_every_clock_and_resume_restarts_the_item(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    clock.advance(5)
    session.pause("ishoma")
    assert session.pause_state() == ("ishoma", "2022-06-16T09:05:00+07:00")
    assert session.running_item() is None
    clock.advance(60)
    session.resume()
    clock.advance(2)
    assert session.pause_state() is None
    assert session.running_item() == P1
    assert minutes(session, P1) == 7  # the hour of ishoma is not discussion time


def test_resume_does_not_restart_a_decided_item(session: Session, clock: FakeClock) -> None:
    session.open_item(P1)
    session.pause("istirahat")
    session.record_decision(P1, "disetujui")
    session.resume()
    assert session.running_item() is None


def test_unknown_pause_names_the_choices(session: Session) -> None:
    with pytest.raises(InvalidValue, match="istirahat, ishoma"):
        session.pause("makan")


def test_starting_an_item_ends_the_pause(session: Session) -> None:
    session.pause("istirahat")
    session.open_item(P2)
    assert session.pause_state() is None and session.running_item() == P2


def test_clock_events_are_not_undo_steps(session: Session, clock: FakeClock) -> None:
    """ctrl+z after moving on (a clock event) undoes the decision, and no clock starts again."""
    session.open_item(P1)
    clock.advance(3)
    session.record_decision(P1, "disetujui")
    session.open_item(P2)
    session.pause("istirahat")
    session.resume()
    undone = session.undo()
    assert undone is not None and undone.aksi == "keputusan"
    assert session.decision(P1) is None
    assert session.running_item() == P2 and not session.clock(P1).running
    assert minutes(session, P1) == 3


def test_a_clock_left_running_stops_at_the_last_heartbeat(tmp_path: Path, clock: FakeClock) -> None:
    """The app died at 09:20 (last heartbeat) with P1 running; opened again at 11:00."""
    path = tmp_path / "rapat.json"
    with Session.create(path, ORGANISASI, PROPOSALS, clock=clock) as s:
        s.open_item(P1)
        s._lock.release()  # type: ignore[union-attr]  # as if the process had been killed
        s._lock = None
    heartbeat.beat(path, datetime(2022, 6, 16, 9, 20, tzinfo=WIB))
    clock.now = datetime(2022, 6, 16, 11, 0, tzinfo=WIB)
    with Session.open(path, clock=clock) as s:
        assert not s.clock(P1).running
        assert minutes(s, P1) == 20
        assert any("dihentikan pada 09:20" in w for w in s.warnings)
    with Session.open(path, readonly=True) as disk:
        assert minutes(disk, P1) == 20


def test_without_a_heartbeat_the_last_recorded_change_is_the_last_sign(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "rapat.json"
    with Session.create(path, ORGANISASI, PROPOSALS, clock=clock) as s:
        s.open_item(P1)
        clock.advance(6)
        s.set_notes(P1, "dibahas")
        s._lock.release()  # type: ignore[union-attr]
        s._lock = None
    clock.advance(120)
    with Session.open(path, clock=clock) as s:
        assert minutes(s, P1) == 6


def test_a_read_only_open_never_stops_a_clock(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "rapat.json"
    with Session.create(path, ORGANISASI, PROPOSALS, clock=clock) as s:
        s.open_item(P1)
        with Session.open(path, readonly=True, clock=clock) as follower:
            assert follower.clock(P1).running


# -- the pure rules --------------------------------------------------------------------------


def test_stale_stop_is_never_before_the_start_nor_after_now() -> None:
    start = datetime(2022, 6, 16, 10, 0, tzinfo=WIB)
    jam = [[start.isoformat(), None]]
    now = start + timedelta(hours=2)
    assert rules.stale_stop(jam, start - timedelta(hours=1), now) == start
    assert rules.stale_stop(jam, now + timedelta(hours=1), now) == now
    assert rules.stale_stop(jam, None, now) == start


def test_stopping_never_goes_back_before_the_start() -> None:
    jam = rules.started([], "2022-06-16T10:00:00+07:00")
    assert rules.stopped(jam, "2022-06-16T09:00:00+07:00") == [["2022-06-16T10:00:00+07:00"] * 2]


def test_start_is_offered_only_for_an_undecided_item_not_running() -> None:
    assert rules.offer_start(decided=False, running=False)
    assert not rules.offer_start(decided=True, running=False)
    assert not rules.offer_start(decided=False, running=True)
