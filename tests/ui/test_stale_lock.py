"""Taking over a dead operator's lock: the app's notice says when in clock words (issue 9)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.pilot import Pilot

from sopreview.ui.app import SopReviewApp
from tests.locks import plant_stale_lock

from .conftest import HandClock, run_app


def test_stale_lock_notice_shows_a_clock_time_not_the_iso_stamp(demo: Path, clock: HandClock) -> None:
    """The notice said "sejak 2022-06-16T09:00:00+07:00"; an operator reads "sejak 09:00"."""
    plant_stale_lock(demo)
    seen: list[str] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        seen.extend(n.message for n in app._notifications if "diambil alih" in n.message)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert len(seen) == 1, seen
    assert "2022-06-16T" not in seen[0] and "+07:00" not in seen[0]
    assert re.search(r"\(proses \d+\) sejak \d{2}:\d{2}\b", seen[0]), seen[0]
