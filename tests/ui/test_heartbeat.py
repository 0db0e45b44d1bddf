"""The app beats while it runs (``<name>.json.detak``), so a crash stops the clock at the last beat."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.pilot import Pilot

from sopreview.store.heartbeat import INTERVAL_SECONDS, heartbeat_path, last_beat
from sopreview.ui.app import SopReviewApp

from .conftest import HandClock, run_app


def test_heartbeat_file_follows_the_app_clock_while_it_runs(demo: Path, clock: HandClock) -> None:
    """The timer's method is driven by hand (no sleeps): each beat writes the app's time."""
    path = heartbeat_path(demo)
    assert path.name == demo.name + ".detak" and not path.exists()
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        timer = app._heartbeat
        assert timer is not None and timer._interval == INTERVAL_SECONDS
        seen["opened"] = last_beat(demo)
        clock.advance(7)
        timer._callback()  # what the interval timer calls
        seen["beat"] = last_beat(demo)
        clock.advance(1)
        app.beat()
        seen["again"] = last_beat(demo)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    opened, beat, again = seen["opened"], seen["beat"], seen["again"]
    assert isinstance(opened, datetime) and isinstance(beat, datetime) and isinstance(again, datetime)
    assert opened.isoformat() == "2022-06-16T09:30:00+07:00"
    assert beat.isoformat() == "2022-06-16T09:37:00+07:00"
    assert again.isoformat() == "2022-06-16T09:38:00+07:00"
    assert not path.exists()  # a clean quit leaves nothing to recover


def test_a_read_only_app_never_beats(demo: Path, clock: HandClock) -> None:
    """A follower must not make a dead operator look alive."""
    from sopreview.store.session import Session

    holder = Session.open(demo)  # the operator holds the lock; the app opens read-only
    try:
        seen: dict[str, object] = {}

        async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
            seen["readonly"] = app.session.readonly if app.session else None
            seen["timer"] = app._heartbeat
            app.beat()

        run_app(SopReviewApp(demo, None, clock=clock), script)
        assert seen == {"readonly": True, "timer": None}
        assert not heartbeat_path(demo).exists()
    finally:
        holder.close()
