"""The key bar (ui/widgets/footer.py): keys in priority order, whole keys only, the palette key at
the right edge, and a click acts like the key (or rings the bell when the key does nothing now)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.help import HelpScreen
from sopreview.ui.widgets.footer import PRIORITY, KeyBar, shown_keys

from .conftest import HandClock, run_app


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
def test_keys_in_priority_order_whole_and_the_palette_key_at_the_right_edge(
    demo: Path, clock: HandClock, size: tuple[int, int]
) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        bar = app.screen.query_one(KeyBar)
        line = str(bar.render())
        keys, palette = shown_keys(app.screen)
        assert palette is not None and line.endswith(f"▏{palette.display} {palette.description} ")
        assert len(line) == size[0]
        drawn = [k for k in keys if f"{k.display} {k.description}" in line]
        assert drawn == keys[:len(drawn)] and len(drawn) >= 4  # a prefix: what drops off is the least important
        assert [k.action for k in drawn[:2]] == ["quit", "app.help"]
        ranks = [PRIORITY.index(k.action) for k in drawn if k.action in PRIORITY]
        assert ranks == sorted(ranks)
        if len(drawn) < len(keys):  # not even part of the first key that did not fit
            assert keys[len(drawn)].description not in line.split("▏")[0]
        if size == (80, 24):
            assert len(drawn) < len(keys)  # the narrow screen does drop keys

    run_app(SopReviewApp(demo, None, clock=clock), script, size=size)


def test_clicking_a_key_acts_like_pressing_it(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        line = str(app.screen.query_one(KeyBar).render())
        await pilot.click(KeyBar, offset=(line.index("? Bantuan"), 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_clicking_a_key_that_does_nothing_now_rings_the_bell(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key its screen answers with None (greyed out, as Textual's Footer shows it) is drawn dim
    and only rings the bell when clicked."""
    bells: list[bool] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        monkeypatch.setattr(app, "bell", lambda: bells.append(True))
        owner = app.screen.active_bindings["x"].node  # the export key
        real = type(owner).check_action
        monkeypatch.setattr(type(owner), "check_action",
                            lambda self, action, parameters: None if action == "export" else real(self, action, parameters))
        app.screen.refresh_bindings()
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        line = bar.render()
        refused = next(k for k in shown_keys(app.screen)[0] if k.action == "export")
        assert not refused.enabled
        x = str(line).index(f"{refused.display} {refused.description}")
        assert bar.key_at(x) == refused and line.get_style_at_offset(app.console, x).dim
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert bells and isinstance(app.screen, AgendaScreen)  # no export dialog

    run_app(SopReviewApp(demo, None, clock=clock), script)
