"""Issue 17: the work-arounds for Textual keep fitting the pinned Textual, and the collector
settings the app makes for a long meeting are undone when the app ends."""

from __future__ import annotations

import gc
import subprocess
import sys
import weakref
from pathlib import Path

import pytest
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.pilot import Pilot

from sopreview.ui import textual_fixes
from sopreview.ui.app import SopReviewApp

from .conftest import HandClock, run_app


def test_inner_outer_styles_are_textuals_and_keep_no_styles_cache_alive() -> None:
    textual_fixes.apply()
    base, background = Color(10, 20, 30), Color(200, 100, 50, 0.5)
    cache = StylesCache()
    inner, outer = cache.get_inner_outer(base, background)
    original = StylesCache.__dict__["get_inner_outer"]
    assert original is textual_fixes._get_inner_outer  # installed
    assert (inner.background, outer.background) == (base + background, base)
    gone = weakref.ref(cache)
    del cache
    gc.collect()
    assert gone() is None  # Textual's own memoised method held up to 1,024 of these, with their lines


def test_the_start_ups_objects_are_frozen_while_the_app_runs_and_freed_when_it_ends(
    demo: Path, clock: HandClock
) -> None:
    if gc.get_freeze_count():
        pytest.skip("something else froze objects in this process")
    frozen: list[int] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        frozen.append(gc.get_freeze_count())

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert frozen[0] > 10_000  # the session, the stylesheet, the modules
    assert gc.get_freeze_count() == 0  # handed back to the collector: a test process runs many apps


@pytest.mark.parametrize("module", ["sopreview.ui.app", "sopreview.ui.follow"])
def test_the_apps_install_the_work_arounds_when_imported(module: str) -> None:
    """A fresh process: nothing but importing the app (the test above installs them itself)."""
    code = (f"import {module}\n"
            "from textual._styles_cache import StylesCache\n"
            "from sopreview.ui import textual_fixes\n"
            "assert StylesCache.get_inner_outer is textual_fixes._get_inner_outer\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_a_session_opened_from_the_picker_is_frozen_too(demo: Path, clock: HandClock) -> None:
    """The 5-second fallback that turns the collector back on under the picker must not use up
    the freeze: the session opened from the picker is frozen once its agenda is painted."""
    from sopreview.ui.screens.agenda import AgendaScreen

    if gc.get_freeze_count():
        pytest.skip("something else froze objects in this process")
    base = demo.parent.parent
    counts: list[int] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        app.resume_gc()  # the fallback timer, firing while the picker is up
        counts.append(gc.get_freeze_count())
        await pilot.press("enter")  # the first session in the list
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen) and app.session is not None
        session = app.session
        counts.append(gc.get_freeze_count())
        counts.append(int(any(o is session for o in gc.get_objects())))  # frozen objects are not listed

    run_app(SopReviewApp(None, base / "sops", clock=clock, sessions_dir=base / "sessions"), script)
    assert counts[0] == 0 and counts[1] > 10_000 and counts[2] == 0
    assert gc.get_freeze_count() == 0
