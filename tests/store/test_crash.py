"""Kill the writer mid-write: every decision it reported as saved must be on disk.

Each round forks a child that opens the session for writing and records decisions in a loop,
writing the number of each one to a pipe only after ``record_decision`` has returned (that
is what the app shows as "saved"). The parent SIGKILLs it right after reading a counted number
of acknowledgements (0–3, from a seeded generator), so the kill lands in the next write
whatever the machine's speed; then it checks the file still loads and holds every
acknowledged decision, with the audit log agreeing. No step depends on how fast the machine
is: on a loaded laptop the test takes longer, it never fails for it.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sopreview.domain.vocab import decision_keys
from sopreview.store import schema
from sopreview.store.session import Session
from sopreview.store.storage import load
from sopreview.store.files import bak_path
from tests.store.builders import ORGANISASI, make_proposal

KILLS = 120
PROPOSALS = [make_proposal(f"sb-{n % 4}/sop-{n:02d}", f"SOP {n}", "perubahan" if n % 2 else "baru", steps=12)
             for n in range(40)]
IDS = [p.id for p in PROPOSALS]

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")


def note(i: int) -> str:
    return f"catatan nomor {i}"


def decide(session: Session, i: int) -> None:
    keputusan = decision_keys()[i % len(decision_keys())]
    session.record_decision(IDS[i % len(IDS)], keputusan, "" if keputusan == "disetujui" else note(i))


def _child(path: Path, start: int, out: int) -> None:
    code = 1
    try:
        session = Session.open(path)
        os.write(out, b"ready\n")
        i = start
        while True:
            decide(session, i)
            os.write(out, f"{i}\n".encode())
            i += 1
    except BaseException:
        code = 2
    finally:
        os._exit(code)


STUCK_SECONDS = 300
"""Only a child that is stuck (not slow) takes this long to answer: a deadlock guard, not a timing."""


def _read_until(fd: int, acks: int) -> bytes:
    """Read until the child said ready and then acknowledged ``acks`` writes (whole lines)."""
    buf = b""
    while b"ready\n" not in buf or buf.split(b"ready\n", 1)[1].count(b"\n") < acks:
        ready, _, _ = select.select([fd], [], [], STUCK_SECONDS)
        assert ready, f"child wrote nothing for {STUCK_SECONDS} s: stuck"
        chunk = os.read(fd, 65536)
        assert chunk, f"child ended early: {buf.decode()!r}"
        buf += chunk
    return buf


def _read_rest(fd: int) -> bytes:
    buf = b""
    while chunk := os.read(fd, 65536):
        buf += chunk
    return buf


def verify(path: Path, acknowledged: set[int]) -> None:
    """The file loads (read-only, as a restarted app would) and holds everything acknowledged."""
    with Session.open(path, readonly=True) as session:
        log = session.audit_log()
        assert [e.seq for e in log] == list(range(1, len(log) + 1)), "audit log has a gap"
        logged = {int(e.baru["catatan"].split()[-1]) if e.baru["catatan"] else None for e in log
                  if e.aksi == "keputusan"}
        missing = {i for i in acknowledged if decision_keys()[i % len(decision_keys())] != "disetujui"} - logged
        assert not missing, f"acknowledged decisions missing from the log: {sorted(missing)[:10]}"
        last_per_pid: dict[str, dict] = {}
        for e in log:
            if e.aksi == "keputusan":
                last_per_pid[e.target] = e.baru
        for pid in IDS:
            d = session.decision(pid)
            expected = last_per_pid.get(pid)
            assert (d.to_dict() if d else None) == expected, f"{pid}: state and audit log disagree"
        if acknowledged:  # the latest acknowledged decision is what the file says for its proposal
            top = max(acknowledged)
            d = session.decision(IDS[top % len(IDS)])
            assert d is not None and d.keputusan == decision_keys()[top % len(decision_keys())]
    if bak_path(path).exists():  # the backup is a complete, valid earlier version (with the snapshot)
        schema.check(schema.migrate(load(bak_path(path))[0], path), path)


@pytest.mark.parametrize("rewrites", ["rare", "every change"])
def test_sigkill_never_loses_an_acknowledged_decision(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      rewrites: str) -> None:
    """``rare``: a change is a journal line (the state file is rewritten only past a threshold);
    ``every change``: the state file is also rewritten after each one, so kills land in rewrites."""
    from sopreview.store import session as session_module

    if rewrites != "rare":
        monkeypatch.setattr(session_module, "COMPACT_MIN_BYTES", 0)
        monkeypatch.setattr(session_module, "COMPACT_RATIO", 0.0)
    path = tmp_path / "crash.json"
    Session.create(path, ORGANISASI, PROPOSALS).close()
    rng = random.Random(20220616)
    acknowledged: set[int] = set()
    next_i = 0
    for _round in range(KILLS):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - child
            os.close(read_fd)
            _child(path, next_i, write_fd)
        os.close(write_fd)
        acks = rng.randint(0, 3)
        try:
            first = _read_until(read_fd, acks)
            os.kill(pid, signal.SIGKILL)  # the child is already in its next write
            _, status = os.waitpid(pid, 0)
            assert os.WIFSIGNALED(status), f"child exited on its own (status {status}); it failed"
            lines = (first + _read_rest(read_fd)).decode().split()
        finally:
            os.close(read_fd)
        assert lines[0] == "ready", f"child failed to open the session: {lines}"
        done = [int(x) for x in lines if x.isdigit()]
        assert len(done) >= acks
        acknowledged.update(done)
        next_i = (max(done) + 1 if done else next_i) + 1  # skip the one that may have been half-written
        verify(path, acknowledged)
    with Session.open(path) as session:  # a writer cleans what the killed ones left
        assert session.progress()[0] > 0
    leftovers = [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name or p.name.endswith(".lock")]
    assert leftovers == []


CHILD = """
import sys
from pathlib import Path
from sopreview.store.session import Session
from tests.store.test_crash import decide
session = Session.open(Path(sys.argv[1]))
print("ready", flush=True)
i = int(sys.argv[2])
while True:
    decide(session, i)
    print(i, flush=True)
    i += 1
"""


def test_sigkill_of_a_separate_interpreter(tmp_path: Path) -> None:
    """The same with real processes (no fork), a few times: startup is slower, so fewer rounds."""
    path = tmp_path / "crash.json"
    Session.create(path, ORGANISASI, PROPOSALS).close()
    root = Path(__file__).resolve().parents[2]
    acknowledged: set[int] = set()
    start = 0
    for acks in (0, 1, 3):  # kill right after this many acknowledged writes
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), str(start)], cwd=root,
                                stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        seen = [proc.stdout.readline().strip() for _ in range(acks)]
        proc.send_signal(signal.SIGKILL)
        rest = seen + proc.stdout.read().split()
        proc.wait()
        done = [int(x) for x in rest if x.isdigit()]
        acknowledged.update(done)
        start = (max(done) + 1 if done else start) + 1
        verify(path, acknowledged)
