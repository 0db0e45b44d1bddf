"""The proposal view: what the meeting looks at while it discusses one SOP.

Four tabs (Ringkasan, Langkah, Flowchart, Perubahan) switched with 1-4 or Tab; the recording
keys of the agenda work here too and act on this proposal. A tab's widgets are built when it is
first shown: most openings look at one or two tabs, and building all four (the flowchart layout,
the change diff) made a proposal take about a second to open.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static, TabbedContent, TabPane

from sopreview.domain.records import CurrentItem
from sopreview.store.errors import SessionError
from sopreview.ui.screens.base import ReadOnlyBanner, SessionScreen
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.footer import FittingFooter
from sopreview.ui.widgets.pointer import next_step
from sopreview.ui.widgets.proposal_detail import ProposalHeading, StepsTable, summary_renderable

TABS: tuple[str, ...] = ("ringkasan", "langkah", "flowchart", "perubahan")
"""Tab ids in order (keys 1-4; the labels carry the digit)."""

TAB_LABELS: tuple[str, ...] = ("1 Ringkasan", "2 Langkah", "3 Flowchart", "4 Perubahan")

PROJECTOR_TAB: dict[str, str] = {
    "ringkasan": "ringkasan",
    "langkah": "flowchart",
    "flowchart": "flowchart",
    "perubahan": "perubahan",
}
"""Proposal tab → the projector view a follower shows for it (the projector has no steps table)."""


class ProposalScreen(SessionScreen):
    """One proposal: identity, steps, flowchart and the change against the version in force."""

    BINDINGS: ClassVar[list[BindingType]] = SessionScreen.screen_bindings("usulan")

    def __init__(self, pid: str, tab: str = "ringkasan") -> None:
        super().__init__()
        self.pid = pid
        self._initial_tab = tab
        self._built: set[str] = set()
        self._pointer: int | None = None

    def target_pid(self) -> str | None:
        return self.pid

    def compose(self) -> ComposeResult:
        yield ReadOnlyBanner(id="banner")
        yield ProposalHeading(id="proposal-heading")
        initial = self._initial_tab if self._initial_tab in TABS else TABS[0]
        with TabbedContent(initial=initial, id="proposal-tabs"):
            for tab, label in zip(TABS, TAB_LABELS, strict=True):
                with TabPane(label, id=tab):
                    if tab == initial:
                        self._built.add(tab)
                        yield self._pane_content(tab)
        yield FittingFooter()

    def _pane_content(self, tab: str) -> Widget:
        """The one widget a tab shows, made only when the tab is first shown."""
        proposal = self.session.proposal(self.pid)
        if tab == "ringkasan":
            return VerticalScroll(Static(id="ringkasan-body"), id="ringkasan-scroll", classes="pane-scroll")
        if tab == "langkah":
            return VerticalScroll(StepsTable(proposal.dokumen, id="langkah-body"), id="langkah-scroll",
                                  classes="pane-scroll")
        if tab == "flowchart":
            return FlowchartView(proposal.dokumen)
        return ChangeView(proposal, show_summary=True, diff=self.session.change_diff(self.pid))

    async def _build_pane(self, tab: str) -> None:
        """Mount a tab's content the first time it is shown (see the module docstring)."""
        if tab in self._built or tab not in TABS:
            return
        self._built.add(tab)
        await self.tabs.get_pane(tab).mount(self._pane_content(tab))
        if tab == "ringkasan":
            self._show_summary()
        elif self._pointer is not None:
            self._show_pointer(self._pointer)  # the step the room is at, in the view just built

    @property
    def built_tabs(self) -> frozenset[str]:
        """The tabs whose widgets exist (for the tests of the laziness)."""
        return frozenset(self._built)

    def on_mount(self) -> None:
        self.query_one(ReadOnlyBanner).show_for(self.session)
        self.refresh_from_session()
        self.call_after_refresh(self._focus_pane)
        self.set_interval(1.0, self._tick)
        if self.session.current().pid == self.pid and self.session.pointer() is not None:
            self._show_pointer(self.session.pointer())

    def refresh_from_session(self) -> None:
        proposal = self.session.proposal(self.pid)
        self.query_one(ProposalHeading).show(self.session, proposal)
        self._show_summary()

    def _show_summary(self) -> None:
        if "ringkasan" in self._built:
            body = self.query_one("#ringkasan-body", Static)
            body.update(summary_renderable(self.session, self.session.proposal(self.pid)))

    def _tick(self) -> None:
        self.query_one(ProposalHeading).show(self.session, self.session.proposal(self.pid))

    def on_screen_resume(self) -> None:
        if self.sop_app.session is not None:  # None while the app is quitting
            self.refresh_from_session()

    # -- tabs ---------------------------------------------------------------------------------

    @property
    def tabs(self) -> TabbedContent:
        return self.query_one("#proposal-tabs", TabbedContent)

    def action_tab(self, name: str) -> None:
        self.tabs.active = name
        self.call_after_refresh(self._focus_pane)

    def _cycle(self, delta: int) -> None:
        current = TABS.index(self.tabs.active) if self.tabs.active in TABS else 0
        self.action_tab(TABS[(current + delta) % len(TABS)])

    def action_next_tab(self) -> None:
        self._cycle(1)

    def action_previous_tab(self) -> None:
        self._cycle(-1)

    @on(TabbedContent.TabActivated)
    async def _tab_activated(self) -> None:
        await self._build_pane(self.tabs.active or "")
        self.call_after_refresh(self._focus_pane)
        self._record_tab()
        if self._pointer is not None:  # a hidden tab could not scroll to the step: it can now
            for view in self.query(FlowchartView), self.query(ChangeView), self.query(StepsTable):
                for widget in view:  # only the tabs built so far
                    self.call_after_refresh(widget.scroll_to_pointer)

    def _record_tab(self) -> None:
        """Tell followers (the projector window) which view the operator shows; writable only."""
        tab = PROJECTOR_TAB.get(self.tabs.active or "")
        session = self.session
        if tab is None or session.readonly or session.current() == CurrentItem(self.pid, tab):
            return
        try:
            session.set_current(self.pid, tab)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)

    def _focus_pane(self) -> None:
        """Give the keys to the visible pane, so arrows and PgUp/PgDn scroll it."""
        pane = self.tabs.active_pane
        if pane is None:
            return
        for widget in pane.query("*"):
            if widget.focusable:
                widget.focus()
                return
        self.set_focus(None)

    # -- navigation ---------------------------------------------------------------------------

    def action_back(self) -> None:
        self.dismiss()

    # -- the presenter cursor (issue 16) -----------------------------------------------------

    def action_pointer(self, delta: int) -> None:
        """] [ 0: point the room at a step of this proposal (it becomes the item the projector
        shows); stored as navigation, so every view here and every follower marks it."""
        session = self.session
        count = len(session.proposal(self.pid).dokumen.langkah)
        mine = session.current().pid == self.pid
        step = next_step(self._pointer if not mine or session.readonly else session.pointer(), delta, count)
        if not session.readonly:
            try:
                if not mine:
                    session.set_current(self.pid, PROJECTOR_TAB.get(self.tabs.active or "", "flowchart"))
                session.set_pointer(step)
            except SessionError as error:
                self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
                return
        self._show_pointer(step)

    def _show_pointer(self, step: int | None) -> None:
        """Mark the step in every view built so far (a tab built later is marked when built)."""
        self._pointer = step
        for table in self.query(StepsTable):
            table.point_at(step)
        for chart in self.query(FlowchartView):
            chart.sorot = step
        for changes in self.query(ChangeView):
            changes.point_at(step)

    def action_step(self, delta: int) -> None:
        ids = [p.id for p in self.session.proposals()]
        index = ids.index(self.pid) + delta
        if not 0 <= index < len(ids):
            self.notify("Tidak ada usulan lagi ke arah itu.", severity="warning")
            return
        self.sop_app.open_proposal(ids[index], replace=True, tab=self.tabs.active or "ringkasan")
