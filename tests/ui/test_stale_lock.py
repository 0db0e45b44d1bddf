"""Taking over a dead operator's lock: the app's notice says when in clock words (issue 9)."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from pathlib import Path

from textual.pilot import Pilot

from sopreview.store.errors import LockHolder
from sopreview.store.files import lock_path
from sopreview.ui.app import SopReviewApp

from .conftest import HandClock, run_app


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_stale_lock_notice_shows_a_clock_time_not_the_iso_stamp(demo: Path, clock: HandClock) -> None:
    """The notice said "sejak 2022-06-16T09:00:00+07:00"; an operator reads "sejak 09:00"."""
    stale = LockHolder(socket.gethostname(), _dead_pid(), "operator", "2022-06-16T09:00:00+07:00")
    lock_path(demo).write_text(json.dumps(stale.__dict__))
    seen: list[str] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        seen.extend(n.message for n in app._notifications if "diambil alih" in n.message)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert len(seen) == 1, seen
    assert "2022-06-16T" not in seen[0] and "+07:00" not in seen[0]
    assert re.search(r"\(proses \d+\) sejak \d{2}:\d{2}\b", seen[0]), seen[0]
