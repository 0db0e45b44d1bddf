"""One writer at a time: a second writer is told who holds the session; readers still work."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from sopreview.store.errors import LockHolder
from sopreview.store.lock import SessionLock, read_holder
from sopreview.store.files import lock_path
from sopreview.store.session import Session, SessionLocked
from tests.locks import plant_stale_lock
from tests.store.builders import ORGANISASI, P1, P2, PROPOSALS

ROOT = Path(__file__).resolve().parents[2]

HOLDER = """
import sys, time
from pathlib import Path
from sopreview.store.session import Session
s = Session.open(Path(sys.argv[1]))
s.record_decision(sys.argv[2], "ditunda", "dibahas lagi")
print("ready", flush=True)
time.sleep(60)
"""


@pytest.fixture
def created(session_path: Path) -> Path:
    Session.create(session_path, ORGANISASI, PROPOSALS).close()
    return session_path


@pytest.fixture
def other_writer(created: Path):  # type: ignore[no-untyped-def]
    """A separate process holding the session open for writing (it recorded a decision on P1)."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(created), P1], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait()
    proc.stdout.close()


def test_second_writer_is_refused_with_holder(created: Path, other_writer: subprocess.Popen) -> None:
    with pytest.raises(SessionLocked) as info:
        Session.open(created)
    holder = info.value.holder
    assert holder is not None and holder.pid == other_writer.pid and holder.host == socket.gethostname()
    assert info.value.since == holder.since and holder.since
    message = str(info.value)
    assert f"proses {other_writer.pid}" in message and holder.since in message and str(created) in message


def test_readonly_open_works_and_sees_data(created: Path, other_writer: subprocess.Popen) -> None:
    lock_bytes = lock_path(created).read_bytes()
    with Session.open(created, readonly=True) as r:
        assert r.readonly
        decision = r.decision(P1)
        assert decision is not None and decision.keputusan == "ditunda"
        assert r.lock_holder is not None and f"proses {other_writer.pid}" in r.lock_holder
    assert lock_path(created).read_bytes() == lock_bytes


def test_killed_writer_lock_is_taken_over(created: Path, other_writer: subprocess.Popen) -> None:
    other_writer.send_signal(signal.SIGKILL)
    other_writer.wait()
    assert lock_path(created).exists()  # the dead writer's record is still there
    with Session.open(created) as s:
        assert any("diambil alih" in w and str(other_writer.pid) in w for w in s.warnings)
        s.record_decision(P2, "disetujui")
        assert read_holder(created).pid == os.getpid()  # type: ignore[union-attr]
    assert not lock_path(created).exists()  # released cleanly on close


def test_same_process_second_open_is_refused(session: Session) -> None:
    with pytest.raises(SessionLocked) as info:
        Session.open(session.path)
    assert info.value.holder is not None and info.value.holder.pid == os.getpid()


def test_close_releases(session: Session) -> None:
    session.close()
    with Session.open(session.path) as again:
        again.record_decision(P1, "disetujui")


def test_readonly_open_never_creates_a_lock(created: Path) -> None:
    before = created.read_bytes(), os.stat(created).st_mtime_ns
    with Session.open(created, readonly=True) as r:
        assert r.lock_holder is None
        assert not lock_path(created).exists()
    assert (created.read_bytes(), os.stat(created).st_mtime_ns) == before
    assert sorted(p.name for p in created.parent.iterdir()) == ["rapat.audit.jsonl", "rapat.json", "rapat.usulan.jsonl"]


def test_stale_record_without_flock_is_taken_over(created: Path) -> None:
    plant_stale_lock(created)
    with Session.open(created) as s:
        assert any("diambil alih" in w for w in s.warnings)


class TestExclusiveFallback:
    """Where flock is unavailable: O_EXCL record, stale only if same host and the pid is dead."""

    def test_dead_pid_on_this_host_is_stale(self, created: Path) -> None:
        stale = plant_stale_lock(created)
        lock = SessionLock(created, use_flock=False)
        lock.acquire()
        try:
            assert lock.taken_over == stale
            assert read_holder(created).pid == os.getpid()  # type: ignore[union-attr]
        finally:
            lock.release()
        assert not lock_path(created).exists()

    def test_live_pid_is_respected(self, created: Path) -> None:
        with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"]) as live:
            try:
                plant_stale_lock(created, LockHolder(socket.gethostname(), live.pid, "operator", "09:00"))
                with pytest.raises(SessionLocked) as info:
                    SessionLock(created, use_flock=False).acquire()
                assert info.value.holder is not None and info.value.holder.pid == live.pid
            finally:
                live.kill()

    def test_other_host_is_never_taken_over(self, created: Path) -> None:
        plant_stale_lock(created, LockHolder("laptop-notulis", 4242, "sekretariat", "2022-06-16T09:00:00+07:00"))
        with pytest.raises(SessionLocked, match="hapus berkas"):
            SessionLock(created, use_flock=False).acquire()

    def test_two_fallback_writers(self, created: Path) -> None:
        first = SessionLock(created, use_flock=False)
        first.acquire()
        try:
            with pytest.raises(SessionLocked):
                SessionLock(created, use_flock=False).acquire()
        finally:
            first.release()
