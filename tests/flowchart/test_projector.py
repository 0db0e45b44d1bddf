"""Projector screen behaviour: countdown, tabs recorded for followers, theme, widgets' keys."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest

from sopreview.store.session import Session
from sopreview.ui.screens.projector import TABS, ProjectorScreen, countdown
from sopreview.ui.theme import PROJECTOR_THEME
from sopreview.ui.widgets.bigtext import big_lines
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from tests.flowchart.apps import T0, ChangeApp, FixedClock, FlowchartApp, ProjectorApp, make_session


@pytest.mark.parametrize(
    ("planned", "used", "text", "phase"),
    [
        (10, 0, "10:00", "normal"),
        (10, 59.2, "09:01", "normal"),
        (10, 8 * 60, "02:00", "hampir"),  # the last 20 %
        (2, 70, "00:50", "hampir"),  # at least the last minute
        (10, 600, "00:00", "habis"),
        (10, 600 + 83.5, "-01:23", "habis"),
    ],
)
def test_countdown(planned: int, used: float, text: str, phase: str) -> None:
    assert countdown(planned, used) == (text, phase)


def test_big_letters_fit_or_fall_back() -> None:
    lines = big_lines("SOP Surat Masuk", 80)
    assert lines is not None and len(lines) == 3 and all(len(line) <= 80 for line in lines)
    assert len(big_lines("SOP Surat Masuk", 40) or []) == 6  # two big lines
    assert big_lines("SOP Surat Keterangan Pemberhentian Pembayaran (SKPP)", 60) is None
    assert big_lines("Rapat 会议", 80) is None


@pytest.fixture
def session(tmp_path: Path, sample_proposals):  # type: ignore[no-untyped-def]
    from sopreview.domain.loader import load_sops
    from tests.flowchart.conftest import SOPS

    result = load_sops(SOPS)
    clock = FixedClock()
    s = make_session(tmp_path / "rapat.json", result.proposals, result.organisasi, clock)
    yield s
    s.close()


PID = "hukum-sdm/penyusunan-keputusan"


def test_operator_projector_records_item_and_tab_for_followers(session: Session) -> None:
    async def scenario() -> list[tuple[str | None, str]]:
        seen = []
        app = ProjectorApp(session, PID)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            assert app.theme == PROJECTOR_THEME
            seen.append(session.current())
            await pilot.press("tab")
            seen.append(session.current())
            await pilot.press("5")  # the numbers of the proposal screen: 5 is the decision view
            seen.append(session.current())
            await pilot.press("shift+tab")
            seen.append(session.current())
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, ProjectorScreen)
            assert app.theme != PROJECTOR_THEME  # the operator's own theme is back
        return seen

    assert asyncio.run(scenario()) == [(PID, "ringkasan"), (PID, "flowchart"), (PID, "keputusan"), (PID, "perubahan")]


def test_read_only_projector_shows_without_writing(session: Session, tmp_path: Path) -> None:
    session.set_current(PID, "ringkasan")
    before = (tmp_path / "rapat.json").read_bytes()
    readonly = Session.open(tmp_path / "rapat.json", readonly=True)

    async def scenario() -> str:
        app = ProjectorApp(readonly, PID)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            for _ in TABS:
                await pilot.press("tab")
            return app.screen.tab  # type: ignore[attr-defined,no-any-return]

    try:
        assert asyncio.run(scenario()) == "ringkasan"
    finally:
        readonly.close()
    assert (tmp_path / "rapat.json").read_bytes() == before


def test_countdown_changes_colour_near_the_end(session: Session) -> None:
    clock: FixedClock = session._clock_fn  # type: ignore[attr-defined,assignment]
    session.open_item(PID)

    async def scenario() -> list[set[str]]:
        classes = []
        app = ProjectorApp(session, PID)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            digits = app.screen.query_one("#proj-digits")
            for minutes in (1, 11, 13):
                clock.now = T0 + timedelta(minutes=minutes)
                app.screen._tick()  # type: ignore[attr-defined]
                await pilot.pause()
                classes.append(set(digits.classes) & {"hampir", "habis"})
        return classes

    assert asyncio.run(scenario()) == [set(), {"hampir"}, {"habis"}]


def test_flowchart_view_toggles_mutu_baku(sample_proposals) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> tuple[bool, bool]:
        app = FlowchartApp(sample_proposals["keuangan-umum-logistik/surat-masuk"].dokumen)
        async with app.run_test(size=(100, 30)) as pilot:
            view = app.query_one(FlowchartView)
            view.focus()
            await pilot.pause()
            before = view.grid.mutu
            await pilot.press("m")
            return before, view.grid.mutu

    assert asyncio.run(scenario()) == (False, True)


def test_change_view_switches_between_unified_and_side_by_side(sample_proposals) -> None:  # type: ignore[no-untyped-def]
    async def scenario() -> tuple[str, str]:
        app = ChangeApp(sample_proposals["hukum-sdm/penyusunan-keputusan"])
        async with app.run_test(size=(100, 30)) as pilot:
            view = app.query_one(ChangeView)
            view.focus()
            await pilot.pause()
            unified = str(view.query_one("#changes-body").render())
            await pilot.press("v")
            await pilot.pause()
            return unified, str(view.query_one("#changes-body").render())

    unified, side = asyncio.run(scenario())
    assert unified != side


def test_header_at_80x24_shows_no_key_hints_and_keeps_the_decision_badge_whole(session: Session) -> None:
    session.record_decision(PID, "disetujui_dengan_perbaikan", "Tambahkan batas waktu.")

    async def scenario() -> tuple[str, str]:
        app = ProjectorApp(session, PID)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            return str(screen.query_one("#proj-tabs").render()), str(screen.query_one("#proj-info").render())

    tabs, info = asyncio.run(scenario())
    assert len(tabs.rstrip()) <= 78
    assert "Tab" not in tabs and "Esc" not in tabs  # the room's screen holds no operator controls (issue 16)
    assert tabs.split() == ["Ringkasan", "Flowchart", "Perubahan", "Keputusan"]
    assert "Keputusan:  DISETUJUI DENGAN PERBAIKAN" in info.splitlines()[-1]
