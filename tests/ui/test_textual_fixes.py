"""Issue 17: the work-arounds for Textual keep fitting the pinned Textual, and the collector
settings the app makes for a long meeting are undone when the app ends."""

from __future__ import annotations

import gc
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
