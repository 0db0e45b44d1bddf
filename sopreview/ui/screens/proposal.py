"""The proposal view: what the meeting looks at while it discusses one SOP.

Four tabs (Ringkasan, Langkah, Flowchart, Perubahan) switched with 1-4 or Tab; the recording
keys of the agenda work here too and act on this proposal. A tab's widgets are built when it is
first shown: most openings look at one or two tabs, and building all four (the flowchart layout,
the change diff) made a proposal take about a second to open. The one exception is the
flowchart, what the room looks at most: it is built in its hidden pane right after the first
frame, so the switch to it only shows it.
"""

from __future__ import annotations

import asyncio
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static, TabbedContent, TabPane

from sopreview.domain.model import Proposal
from sopreview.domain.records import CurrentItem
from sopreview.store.errors import SessionError
from sopreview.ui.screens.base import ReadOnlyBanner, SessionScreen
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.footer import KeyBar
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
        self._building: dict[str, asyncio.Event] = {}
        """Tabs whose widgets are being mounted: a switch to one waits for it."""
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
                        yield from self._pane_content(tab)
        yield KeyBar()

    def _pane_content(self, tab: str) -> list[Widget]:
        """The widgets a tab shows, made only when the tab is first shown: from the version under
        discussion (the proposal plus the amendments recorded so far, issue 15), marked."""
        if tab == "ringkasan":
            return [VerticalScroll(Static(id="ringkasan-body"), id="ringkasan-scroll", classes="pane-scroll")]
        amended = self.session.amended(self.pid)
        doc, marked = amended.dokumen, amended.amended_steps
        if tab == "langkah":
            table = StepsTable(doc, id="langkah-body")
            table.show(doc, marked)
            return [VerticalScroll(table, id="langkah-scroll", classes="pane-scroll")]
        if tab == "flowchart":
            line = Static(id="amend-line", markup=False)
            line.display = False
            view = FlowchartView(doc)
            view.tandai = marked
            return [line, view]
        proposal, lama, baru = self._comparison()
        unchanged = lama == "Berlaku" and not amended.uraian  # the session's diff, aligned once
        view = ChangeView(proposal, show_summary=True,
                          **({"diff": self.session.change_diff(self.pid)} if unchanged else {}))
        view.label_lama, view.label_baru = lama, baru
        return [view]

    async def _build_pane(self, tab: str) -> None:
        """Mount a tab's content the first time it is shown (see the module docstring)."""
        if tab in self._building:
            await self._building[tab].wait()
        if tab in self._built or tab not in TABS:
            return
        self._built.add(tab)
        self._building[tab] = building = asyncio.Event()
        try:
            await self.tabs.get_pane(tab).mount(*self._pane_content(tab))
            if tab == "ringkasan":
                self._show_summary()
            else:
                self._show_version(sync=False)  # the selected step and the amendment line, in the view just built
        finally:
            building.set()
            del self._building[tab]

    async def _prepare_flowchart(self) -> None:
        """Build the flowchart in its hidden pane once the proposal is on screen (module docstring)."""
        if self.is_attached:
            await self._build_pane("flowchart")

    @property
    def built_tabs(self) -> frozenset[str]:
        """The tabs whose widgets exist (for the tests of the laziness)."""
        return frozenset(self._built)

    def on_mount(self) -> None:
        self.query_one(ReadOnlyBanner).show_for(self.session)
        self.refresh_from_session()
        self.call_after_refresh(self._focus_pane)
        self.call_after_refresh(self._prepare_flowchart)
        self.set_interval(1.0, self._tick)

    def refresh_from_session(self) -> None:
        proposal = self.session.proposal(self.pid)
        self.query_one(ProposalHeading).show(self.session, proposal)
        self._show_summary()
        self._show_version()

    def _show_summary(self) -> None:
        if "ringkasan" in self._built:
            body = self.query_one("#ringkasan-body", Static)
            body.update(summary_renderable(self.session, self.session.proposal(self.pid)))

    # -- amendments (issue 15) ------------------------------------------------------------------

    banding: str | None = None
    """What the Perubahan tab compares the version under discussion with: ``berlaku`` or ``diajukan``."""

    @property
    def pilih(self) -> int | None:
        """The selected step (of the version under discussion) the amendment keys act on: the
        presenter cursor (] [ 0), so the room sees the step being amended."""
        return self._pointer

    def _comparison(self) -> tuple[Proposal, str, str]:
        """What the Perubahan tab shows: the version under discussion against the version in force,
        or (c) against the proposal as submitted; with the two column titles."""
        from dataclasses import replace

        proposal = self.session.proposal(self.pid)
        amended = self.session.amended(self.pid)
        doc = amended.dokumen
        base = self.banding or ("berlaku" if proposal.sebelumnya is not None else "diajukan")
        if base == "berlaku" or not amended.uraian:
            return replace(proposal, dokumen=doc), "Berlaku", "Dibahas" if amended.uraian else "Usulan"
        return replace(proposal, sebelumnya=proposal.dokumen, dokumen=doc), "Diajukan", "Dibahas"

    def _show_version(self, *, sync: bool = True) -> None:
        """Show the proposal plus its amendments in every tab built so far, marked, with the selected
        step; at once, after every change. A tab built later is built from the amended version.
        ``sync``: take the step from the session's presenter cursor while this item is shown."""
        amended = self.session.amended(self.pid)
        doc, marked = amended.dokumen, amended.amended_steps
        if sync and self.session.current().pid == self.pid:
            pointer = self.session.pointer()
            if pointer is not None:  # the presenter cursor (the projector's [ ]) is the step to amend
                self._pointer = pointer
        if self._pointer is not None and doc.langkah:
            self._pointer = max(1, min(self._pointer, len(doc.langkah)))
        for table in self.query(StepsTable):
            table.show(doc, marked)
        for flow in self.query(FlowchartView):
            flow.show(doc, marked)
        for view in self.query(ChangeView):
            proposal, lama, baru = self._comparison()
            view.compare(proposal, lama, baru)
        self._show_pointer(self._pointer)
        for line in self.query("#amend-line").results(Static):
            step = doc.step(self._pointer) if self._pointer is not None else None
            parts = [f"{len(amended.uraian)} amandemen (✎)"] if amended.uraian else []
            if step is not None:
                parts.append(f"Langkah {step.nomor} dipilih: {step.kegiatan} — {step.pelaksana}")
            line.update(" · ".join(parts))
            line.display = bool(parts)

    def action_amend(self, jenis: str) -> None:
        if self._pointer is None:
            self.notify("Pilih langkah dulu dengan ] atau [ (tab Langkah atau Flowchart).", severity="warning")
            return
        if not self.can_write():
            return
        from sopreview.ui.dialogs.amendment import AmendmentDialog

        self.app.push_screen(AmendmentDialog(self.session, self.pid, jenis, self._pointer), self._after_dialog)

    def action_compare_base(self) -> None:
        proposal = self.session.proposal(self.pid)
        if proposal.sebelumnya is None or not self.session.amendments(self.pid):
            what = "belum ada amandemen" if proposal.sebelumnya is not None else "usulan baru tanpa versi berlaku"
            self.notify(f"Hanya satu pembanding: {what}.", severity="warning")
            return
        self.banding = "diajukan" if (self.banding or "berlaku") == "berlaku" else "berlaku"
        self._show_version(sync=False)
        self.notify("Perubahan: dibandingkan dengan " + ("usulan semula" if self.banding == "diajukan"
                                                          else "versi berlaku"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The amendment keys work where the steps are shown (Langkah, Flowchart); c on Perubahan."""
        if action in ("amend", "compare_base"):
            try:
                active = self.tabs.active
            except NoMatches:  # not composed yet
                return False
            return active == "perubahan" if action == "compare_base" else active in ("langkah", "flowchart")
        return super().check_action(action, parameters)

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
        if self.tabs.active == name:  # no TabActivated follows: the keys may be elsewhere
            self._focus_pane()
        else:
            self.tabs.active = name  # _tab_activated builds the pane if need be and focuses it

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
        self._focus_pane()
        self.refresh_bindings()  # the amendment keys belong to the Langkah and Flowchart tabs
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
                self.set_focus(widget, scroll_visible=False)
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
        count = len(session.amended(self.pid).dokumen.langkah)  # the version under discussion
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
        self._pointer = step
        self._show_version(sync=False)  # marks the step everywhere and names it on the amendment line

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
        ids = [p.id for p in self.session.heads()]
        index = ids.index(self.pid) + delta
        if not 0 <= index < len(ids):
            self.notify("Tidak ada usulan lagi ke arah itu.", severity="warning")
            return
        self.sop_app.open_proposal(ids[index], replace=True, tab=self.tabs.active or "ringkasan")
