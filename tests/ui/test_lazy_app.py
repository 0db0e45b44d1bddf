"""Issue 17: the app does only the work a screen shows (tabs built when first shown, the flowchart
right after the first frame, one diff per
session, a key bar redrawn rather than re-mounted, one-row agenda updates, one CSS build at start). Behaviour, not timings:
each test counts calls or widgets, so it fails when the laziness is lost."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from sopreview.domain import changes
from sopreview.domain.vocab import decision_keys
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.widgets.agenda import AgendaList, AgendaRow, one_row_changes
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.footer import KeyBar, shown_keys
from sopreview.ui.theme import OPERATOR_THEME
from sopreview.ui.widgets.proposal_detail import StepsTable

from .conftest import HandClock, on_disk, plain, run_app


def _revision(demo: Path) -> str:
    return next(p.id for p in on_disk(demo).proposals() if p.sebelumnya is not None)


async def _opened(pilot: Pilot[None], app: SopReviewApp, pid: str, tab: str = "ringkasan") -> ProposalScreen:
    """Open ``pid`` on ``tab`` and wait until the app is idle; the proposal screen."""
    app.open_proposal(pid, tab=tab)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ProposalScreen)
    return screen


def test_a_tab_is_built_when_first_shown_and_the_flowchart_after_the_first_frame(
    demo: Path, clock: HandClock
) -> None:
    """Langkah and Perubahan are built when first shown; the flowchart (what the room looks at
    most) is built in its hidden pane once the proposal is on screen, never before its first frame."""
    pid = _revision(demo)
    heading_width_at_chart_mount: list[int] = []
    real_mount = FlowchartView.on_mount

    def watching(self: FlowchartView) -> None:
        heading_width_at_chart_mount.append(self.screen.query_one("#proposal-heading").size.width)
        real_mount(self)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        FlowchartView.on_mount = watching  # type: ignore[method-assign]
        try:
            app.open_proposal(pid)
            await pilot.pause()
        finally:
            FlowchartView.on_mount = real_mount  # type: ignore[method-assign]
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        assert heading_width_at_chart_mount and heading_width_at_chart_mount[0] > 0  # laid out and drawn first
        assert screen.built_tabs == {"ringkasan", "flowchart"}
        assert not screen.query(StepsTable) and not screen.query(ChangeView)
        assert not screen.query_one(FlowchartView).display or not screen.query_one("#flowchart").display
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.focused, FlowchartView) and not screen.query(ChangeView)
        await pilot.press("4")
        await pilot.pause()
        view = screen.query_one(ChangeView)
        assert app.focused is view and "langkah" not in screen.built_tabs
        await pilot.press("3")  # back to a built tab: the same widget, not a second one
        await pilot.pause()
        assert len(screen.query(FlowchartView)) == 1

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_flowchart_asked_for_in_the_same_burst_as_the_opening_is_built_once_and_focused(
    demo: Path, clock: HandClock
) -> None:
    """Enter, 3 and an arrow in one burst: one chart (the prepared one), focused, and scrolled."""

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter", "3", "down")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.tabs.active == "flowchart"
        assert len(screen.query(FlowchartView)) == 1
        assert isinstance(app.focused, FlowchartView) and app.focused.scroll_offset.y == 1

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_proposal_opened_on_a_later_tab_builds_only_that_tab(demo: Path, clock: HandClock) -> None:
    """``.`` keeps the tab: the next proposal opens on it, and Ringkasan is filled when shown."""
    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = await _opened(pilot, app, pid, tab="langkah")
        assert screen.built_tabs == {"langkah", "flowchart"}
        assert screen.query_one(StepsTable) and not screen.query("#ringkasan-body")
        await pilot.press("1")
        await pilot.pause()
        proposal = app.session.proposal(pid)  # type: ignore[union-attr]
        body = screen.query_one("#ringkasan-body", Static)
        assert " ".join(proposal.ringkasan.split()[:3]) in " ".join(plain(body.content, width=400).split())

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_step_diff_is_aligned_once_per_session(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    pid = _revision(demo)
    calls: list[str] = []
    real = changes.diff_sop

    def counting(old, new):  # type: ignore[no-untyped-def]
        calls.append(new.nama)
        return real(old, new)

    monkeypatch.setattr(changes, "diff_sop", counting)
    shown: list[str] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        for _ in range(3):
            app.open_proposal(pid)
            await pilot.pause()
            await pilot.press("4")
            await pilot.pause()
            shown.append(str(app.screen.query_one("#changes-summary").render()))
            await pilot.press("escape")
            await pilot.pause()

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert len(calls) == 1
    assert shown[0] == shown[2] and "Ringkasan perubahan" in shown[0]


def test_switching_tabs_redraws_the_key_bar_without_mounting_a_widget(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's Footer re-mounted a widget per key whenever the keys changed (half of a tab
    switch); the key bar is one widget that redraws its line, and only when the keys changed."""
    redrawn: list[str] = []
    real_refresh = KeyBar.refresh

    def counting(self: KeyBar, *args: object, **kwargs: object) -> KeyBar:
        redrawn.append(type(self.screen).__name__)
        return real_refresh(self, *args, **kwargs)  # type: ignore[arg-type]

    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        app.open_proposal(pid)
        await pilot.pause()
        screen = app.screen
        widgets = len(list(screen.walk_children()))
        assert "toggle_mutu" not in [k.action for k in shown_keys(screen)[0]]
        monkeypatch.setattr(KeyBar, "refresh", counting)
        screen.action_tab("flowchart")  # type: ignore[attr-defined]
        await pilot.pause()
        assert "toggle_mutu" in [k.action for k in shown_keys(screen)[0]]  # the flowchart's own key, focused
        assert len(list(screen.walk_children())) == widgets  # the flowchart was built hidden; no keys mounted
        assert 1 <= redrawn.count("ProposalScreen") <= 2
        redrawn.clear()
        screen.refresh_bindings()  # a signal with the same keys
        await pilot.pause()
        assert redrawn == []

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_one_item_write_re_renders_one_agenda_row(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    rebuilds: list[int] = []
    real = AgendaList.set_options

    def counting(self: AgendaList, options):  # type: ignore[no-untyped-def]
        rebuilds.append(len(options))
        return real(self, options)

    monkeypatch.setattr(AgendaList, "set_options", counting)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        pid = agenda.highlighted_pid
        assert pid is not None
        before = str(agenda.get_option(pid).prompt)
        rebuilds.clear()
        app.session.record_decision(pid, decision_keys()[0], "")  # type: ignore[union-attr]
        app.session_changed()
        await pilot.pause()
        assert rebuilds == []
        assert str(agenda.get_option(pid).prompt) != before
        app.screen.action_filter_next()  # type: ignore[attr-defined]
        await pilot.pause()
        assert rebuilds  # a new filter still rebuilds the list

    run_app(SopReviewApp(demo, None, clock=clock), script)


def _row(pid: str, **changes: object) -> AgendaRow:
    values: dict[str, object] = dict(nomor=1, pid=pid, subbag="a", subbag_nama="A", kepala="", nama=pid, jenis="baru",
                                     pengusul="", planned=10, used_seconds=0.0, keputusan=None, evaluated=False,
                                     has_notes=False, n_actions=0, current=False, running=False)
    values.update(changes)
    return AgendaRow(**values)  # type: ignore[arg-type]


def test_one_row_changes_says_when_the_list_must_be_rebuilt() -> None:
    old = [_row("x"), _row("y")]
    every = lambda row: True  # noqa: E731
    assert one_row_changes(old, [_row("x"), _row("y", has_notes=True)], every) == [_row("y", has_notes=True)]
    assert one_row_changes(old, list(old), every) == []
    assert one_row_changes(old, [_row("y"), _row("x")], every) is None  # reordered
    assert one_row_changes(old, [_row("x"), _row("y", planned=20)], every) is None  # the heading's minutes
    assert one_row_changes(old, old[:1], every) is None
    undecided = lambda row: row.keputusan is None  # noqa: E731
    assert one_row_changes(old, [_row("x"), _row("y", keputusan="setuju")], undecided) is None  # leaves the filter
    assert one_row_changes([], [_row("x")], every) is None


@pytest.fixture
def old_sops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """sops/ last touched an hour before `new` made the session from it."""
    import os
    import shutil
    import time

    from sopreview.cli import main

    shutil.copytree(Path(__file__).resolve().parents[2] / "sops", tmp_path / "sops")
    hour_ago = time.time() - 3600
    for path in [tmp_path / "sops", *(tmp_path / "sops").rglob("*")]:
        os.utime(path, (hour_ago, hour_ago))
    monkeypatch.chdir(tmp_path)
    assert main(["new", "r1", "--date", "2022-06-16"]) == 0
    return tmp_path / "sessions" / "r1.json"


@pytest.mark.parametrize("edit", [False, True])
def test_the_background_check_compares_proposals_only_when_sops_was_touched(
    old_sops: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch, edit: bool
) -> None:
    from sopreview.domain import records

    hashed: list[str] = []
    real = records.proposal_hash

    def counting(proposal):  # type: ignore[no-untyped-def]
        hashed.append(proposal.id)
        return real(proposal)

    monkeypatch.setattr(records, "proposal_hash", counting)
    edited = Path("sops") / "hukum-sdm" / "jdih.yaml"
    if edit:
        edited.write_text(edited.read_text(encoding="utf-8").replace("ringkasan:", "ringkasan: Diubah.", 1),
                          encoding="utf-8")

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changed == (["hukum-sdm/jdih"] if edit else [])

    run_app(SopReviewApp(old_sops, Path("sops"), clock=clock), script)
    assert bool(hashed) == edit


def test_the_agenda_is_the_first_screen_and_has_its_rows_when_it_mounts(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No blank default screen is built under the agenda, and the agenda's rows are in the list
    for the screen's first layout (waiting for the list's own resize left the first frame to the
    next update tick, issue 17)."""
    at_mount: list[int] = []
    real_mount = AgendaScreen.on_mount

    def mounting(self: AgendaScreen) -> None:
        real_mount(self)
        at_mount.append(self.agenda.option_count)

    monkeypatch.setattr(AgendaScreen, "on_mount", mounting)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        assert [type(s) for s in app.screen_stack] == [AgendaScreen]

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert at_mount and at_mount[0] > len(on_disk(demo).proposals())  # rows and sub bagian headings


def test_starting_in_a_theme_builds_the_same_styles_as_setting_it(demo: Path, clock: HandClock) -> None:
    """``start_in_theme`` skips Textual's theme watcher (a full CSS re-parse at start); what the
    watcher does must still be done: the same classes, variables and colours as setting the theme."""
    seen: dict[str, tuple[object, ...]] = {}

    def grab(name: str, *themes: str) -> Callable[[Pilot[None], SopReviewApp], Awaitable[None]]:
        async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
            for theme in themes:
                app.theme = theme  # the usual way: Textual's watcher re-parses and re-applies
                await pilot.pause()
            title = app.screen.query_one("#agenda-title")
            seen[name] = (app.theme, sorted(app.classes), app.stylesheet._variables,
                          title.styles.background, app.screen.agenda.styles.background)
        return script

    run_app(SopReviewApp(demo, None, clock=clock), grab("mulai"))
    run_app(SopReviewApp(demo, None, clock=clock), grab("bawaan", "textual-dark"))
    run_app(SopReviewApp(demo, None, clock=clock), grab("biasa", "textual-dark", OPERATOR_THEME))
    assert seen["mulai"] == seen["biasa"]
    assert seen["mulai"] != seen["bawaan"]  # the check can tell themes apart


def test_the_flowchart_knows_its_size_and_scrollbar_before_its_first_layout(demo: Path, clock: HandClock) -> None:
    """Found only at the first paint, the chart's size and scrollbar cost each switch to its tab
    two more layouts of the whole screen; the chart now reads them off its laid-out ancestors."""
    pid = _revision(demo)
    seen: list[tuple[object, ...]] = []
    real_mount = FlowchartView.on_mount

    def watching(self: FlowchartView) -> None:
        real_mount(self)
        seen.append((self.size.width, self._grid_key, self.show_vertical_scrollbar, self.virtual_size.height))

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        FlowchartView.on_mount = watching  # type: ignore[method-assign]
        try:
            app.open_proposal(pid)  # the chart is built in its hidden pane after the first frame
            await pilot.pause()
        finally:
            FlowchartView.on_mount = real_mount  # type: ignore[method-assign]
        app.screen.action_tab("flowchart")  # type: ignore[attr-defined]
        await pilot.pause()
        view = app.screen.query_one(FlowchartView)
        (width, key, scrollbar, height), = seen
        assert width == 0  # not laid out yet when mounted
        assert key == view._grid_key and key is not None  # laid out for the width it then got
        assert height == view.virtual_size.height > view.size.height
        assert scrollbar and view.show_vertical_scrollbar

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_tick_that_changes_nothing_draws_nothing_and_a_clock_second_lays_nothing_out() -> None:
    """Textual's Static.update lays the screen out again: the once-a-second clock made a full
    layout every second (and a third one in any tab switch it met)."""
    from rich.text import Text

    from sopreview.ui.widgets.steady import SteadyStatic, same_wrapping

    calls: list[bool] = []

    class Watched(SteadyStatic):
        def update(self, content: object = "", *, layout: bool = True) -> None:  # type: ignore[override]
            calls.append(layout)

    widget = Watched()
    widget.show_text(Text("Waktu 3:05 / 10:00 · Keputusan: belum"))
    widget.show_text(Text("Waktu 3:05 / 10:00 · Keputusan: belum"))
    widget.show_text(Text("Waktu 3:06 / 10:00 · Keputusan: belum"))
    widget.show_text(Text("Waktu 10:00 / 10:00 · Keputusan: belum"))
    assert calls == [True, False, True]
    assert same_wrapping("a 1", "a 2") and not same_wrapping("a b", "ab ") and not same_wrapping("a\nb", "a b")


def test_the_agenda_clock_ticks_only_while_shown_and_is_current_when_shown_again(
    demo: Path, clock: HandClock
) -> None:
    """A covered agenda no longer redraws (and re-lays out) its status line every second under the
    proposal; going back shows the minutes used meanwhile at once."""
    pid = on_disk(demo).proposals()[0].id

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        status = agenda.query_one("#agenda-status", Static)
        await pilot.press("enter", "s")  # open the first item and start its clock
        await pilot.pause()
        before = plain(status.render())
        clock.advance(7)
        agenda._tick()
        assert plain(status.render()) == before  # covered: nothing redrawn
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is agenda
        row = next(r for r in agenda._rows if r.pid == pid)
        assert row.running and row.used_seconds >= 7 * 60
        assert plain(status.render()) != before

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_agenda_clock_ticks_under_a_dialog(demo: Path, clock: HandClock) -> None:
    """A dialog leaves the agenda in view: its clock keeps ticking under it."""

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        status = agenda.query_one("#agenda-status", Static)
        await pilot.press("d")  # the decision dialog, over the agenda
        await pilot.pause()
        assert app.screen is not agenda and agenda.is_shown
        before = plain(status.render())
        clock.advance(7)
        agenda._tick()
        assert plain(status.render()) != before

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_layout_that_changes_nothing_redraws_no_scrollbar_of_the_chart(demo: Path, clock: HandClock) -> None:
    """Textual's ScrollView redrew its scrollbar at every layout of the screen, which cost each
    tab switch one more frame; a resize still re-sizes it."""
    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        view = (await _opened(pilot, app, pid, tab="flowchart")).query_one(FlowchartView)
        scrollbar = view.vertical_scrollbar
        redrawn: list[int] = []
        real_refresh = scrollbar.refresh

        def counting(*args: object, **kwargs: object) -> object:
            redrawn.append(scrollbar.window_size)
            return real_refresh(*args, **kwargs)  # type: ignore[arg-type]

        scrollbar.refresh = counting  # type: ignore[method-assign]
        app.screen.refresh(layout=True)
        await pilot.pause()
        assert redrawn == []
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert redrawn and scrollbar.window_size == view.scrollable_content_region.height

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_agenda_header_is_refitted_for_a_new_width_only(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The start sends the agenda three resizes of one width; each rebuilt the status line over
    every row. A new width still re-fits it."""
    built: list[int] = []
    real = AgendaScreen._show_header

    def counting(self: AgendaScreen) -> None:
        built.append(self.app.size.width)
        real(self)

    monkeypatch.setattr(AgendaScreen, "_show_header", counting)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        assert built.count(120) == 1
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert built[-1] == 90 and built.count(90) == 1

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_focus_move_redraws_the_widgets_it_moves_between_not_the_whole_screen(
    demo: Path, clock: HandClock
) -> None:
    """Textual's Screen.focused redraws the whole screen on every focus move; a tab switch moves
    the focus, and that was a second full render of the proposal screen."""
    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = await _opened(pilot, app, pid)
        whole: list[tuple[object, ...]] = []
        real_refresh = screen.refresh

        def watching(*regions: object, **kwargs: object) -> object:
            if not regions and not kwargs.get("layout"):
                whole.append(regions)
            return real_refresh(*regions, **kwargs)  # type: ignore[arg-type]

        screen.refresh = watching  # type: ignore[method-assign]
        chart = screen.query_one(FlowchartView)
        screen.action_tab("flowchart")
        await pilot.pause()
        assert app.focused is chart and whole == []

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_a_switch_to_a_tab_being_built_waits_for_its_widgets(demo: Path, clock: HandClock) -> None:
    """The flowchart is built after the first frame; a switch that arrives while it is being
    mounted must find it mounted (to focus it), not return at once because it is listed as built."""
    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = await _opened(pilot, app, pid)
        first = asyncio.ensure_future(screen._build_pane("langkah"))
        await asyncio.sleep(0)  # the first build has started mounting
        assert "langkah" in screen.built_tabs
        await screen._build_pane("langkah")  # as a switch would
        assert screen.query_one(StepsTable).is_mounted
        await first
        assert len(screen.query(StepsTable)) == 1

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_agenda_clock_catches_up_when_a_screen_that_changed_nothing_is_closed(
    demo: Path, clock: HandClock
) -> None:
    """Under the projector view (which writes nothing) the covered agenda skips its ticks; back on
    it, the clock shows the time at once, not a second later."""

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        status = agenda.query_one("#agenda-status", Static)
        await pilot.press("p")
        await pilot.pause()
        assert app.screen is not agenda and not agenda.is_shown
        before = plain(status.render())
        clock.advance(7)
        agenda._tick()
        assert plain(status.render()) == before
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is agenda and plain(status.render()) != before

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_key_of_the_tab_shown_gives_its_pane_the_keys_back(demo: Path, clock: HandClock) -> None:
    """No TabActivated follows a press of the tab already shown: the key itself refocuses the pane."""
    pid = _revision(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = await _opened(pilot, app, pid, tab="flowchart")
        screen.set_focus(None)
        await pilot.press("3")
        await pilot.pause()
        assert app.focused is screen.query_one(FlowchartView)

    run_app(SopReviewApp(demo, None, clock=clock), script)
