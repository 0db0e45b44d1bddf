"""The proposal view: what the meeting looks at while it discusses one SOP.

Four tabs (Ringkasan, Langkah, Flowchart, Perubahan) switched with 1-4 or Tab; the recording
keys of the agenda work here too and act on this proposal.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.css.query import NoMatches
from textual.containers import VerticalScroll
from textual.widgets import Static, TabbedContent, TabPane

from sopreview.domain.records import CurrentItem
from sopreview.store.errors import SessionError
from sopreview.ui.screens.base import ReadOnlyBanner, SessionScreen
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.footer import FittingFooter
from sopreview.ui.widgets.proposal_detail import ProposalHeading, StepsTable, summary_renderable

TABS: tuple[str, ...] = ("ringkasan", "langkah", "flowchart", "perubahan")
"""Tab ids in order (keys 1-4; the labels carry the digit)."""

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

    def target_pid(self) -> str | None:
        return self.pid

    def compose(self) -> ComposeResult:
        proposal = self.session.proposal(self.pid)
        yield ReadOnlyBanner(id="banner")
        yield ProposalHeading(id="proposal-heading")
        amended = self.session.amended(self.pid).dokumen
        with TabbedContent(initial=self._initial_tab, id="proposal-tabs"):
            with TabPane("1 Ringkasan", id="ringkasan"):
                with VerticalScroll(id="ringkasan-scroll", classes="pane-scroll"):
                    yield Static(id="ringkasan-body")
            with TabPane("2 Langkah", id="langkah"):
                with VerticalScroll(id="langkah-scroll", classes="pane-scroll"):
                    yield StepsTable(amended, id="langkah-body")
            with TabPane("3 Flowchart", id="flowchart"):
                yield Static(id="amend-line", markup=False)
                yield FlowchartView(amended)
            with TabPane("4 Perubahan", id="perubahan"):
                yield ChangeView(proposal, show_summary=True)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(ReadOnlyBanner).show_for(self.session)
        self.refresh_from_session()
        self.call_after_refresh(self._focus_pane)
        self.set_interval(1.0, self._tick)

    def refresh_from_session(self) -> None:
        proposal = self.session.proposal(self.pid)
        self.query_one(ProposalHeading).show(self.session, proposal)
        self.query_one("#ringkasan-body", Static).update(summary_renderable(self.session, proposal))
        self._show_version()

    # -- amendments (issue 15) ------------------------------------------------------------------

    pilih: int | None = None
    """The selected step (of the version under discussion) the amendment keys act on."""
    banding: str | None = None
    """What the Perubahan tab compares the version under discussion with: ``berlaku`` or ``diajukan``."""

    def _show_version(self) -> None:
        """Show the proposal plus its amendments everywhere, marked; at once, after every change."""
        from dataclasses import replace

        proposal = self.session.proposal(self.pid)
        amended = self.session.amended(self.pid)
        doc, marked = amended.dokumen, amended.amended_steps
        pointer = self.session.pointer() if self.session.current().pid == self.pid else None
        if pointer is not None:  # the presenter cursor (the projector's [ ]) is the step to amend
            self.pilih = pointer
        if self.pilih is not None:
            self.pilih = max(1, min(self.pilih, len(doc.langkah)))
        self.query_one(StepsTable).show(doc, marked, self.pilih)
        flow = self.query_one(FlowchartView)
        flow.show(doc, marked)
        flow.sorot = self.pilih
        line = self.query_one("#amend-line", Static)
        step = doc.step(self.pilih) if self.pilih is not None else None
        parts = [f"{len(amended.uraian)} amandemen (✎)"] if amended.uraian else []
        if step is not None:
            parts.append(f"Langkah {step.nomor} dipilih: {step.kegiatan} — {step.pelaksana}")
        line.update(" · ".join(parts))
        line.display = bool(parts)
        base = self.banding or ("berlaku" if proposal.sebelumnya is not None else "diajukan")
        view = self.query_one(ChangeView)
        if base == "berlaku" or not amended.uraian:
            view.compare(replace(proposal, dokumen=doc), "Berlaku", "Dibahas" if amended.uraian else "Usulan")
        else:
            view.compare(replace(proposal, sebelumnya=proposal.dokumen, dokumen=doc), "Diajukan", "Dibahas")

    def action_pick(self, delta: int) -> None:
        count = len(self.session.amended(self.pid).dokumen.langkah)
        current = self.pilih if self.pilih is not None else (0 if delta > 0 else count + 1)
        self.pilih = max(1, min(count, current + delta))
        self._point_room()  # first: the version shown reads the pointer back
        self._show_version()

    def _point_room(self) -> None:
        """The picked step is the presenter cursor too, while this item is the one shown to the room."""
        session = self.session
        if session.readonly or session.current().pid != self.pid or session.pointer() == self.pilih:
            return
        try:
            session.set_pointer(self.pilih)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)

    def action_amend(self, jenis: str) -> None:
        if self.pilih is None:
            self.notify("Pilih langkah dulu dengan ] atau [ (tab Langkah atau Flowchart).", severity="warning")
            return
        if not self.can_write():
            return
        from sopreview.ui.dialogs.amendment import AmendmentDialog

        self.app.push_screen(AmendmentDialog(self.session, self.pid, jenis, self.pilih), self._after_dialog)

    def action_compare_base(self) -> None:
        proposal = self.session.proposal(self.pid)
        if proposal.sebelumnya is None or not self.session.amendments(self.pid):
            what = "belum ada amandemen" if proposal.sebelumnya is not None else "usulan baru tanpa versi berlaku"
            self.notify(f"Hanya satu pembanding: {what}.", severity="warning")
            return
        self.banding = "diajukan" if (self.banding or "berlaku") == "berlaku" else "berlaku"
        self._show_version()
        self.notify("Perubahan: dibandingkan dengan " + ("usulan semula" if self.banding == "diajukan"
                                                          else "versi berlaku"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The amendment keys work where the steps are shown (Langkah, Flowchart)."""
        if action in ("pick", "amend", "compare_base"):
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
    def _tab_activated(self) -> None:
        self.call_after_refresh(self._focus_pane)
        self.refresh_bindings()  # the amendment keys belong to the Langkah and Flowchart tabs
        self._record_tab()

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

    def action_step(self, delta: int) -> None:
        ids = [p.id for p in self.session.proposals()]
        index = ids.index(self.pid) + delta
        if not 0 <= index < len(ids):
            self.notify("Tidak ada usulan lagi ke arah itu.", severity="warning")
            return
        self.sop_app.open_proposal(ids[index], replace=True, tab=self.tabs.active or "ringkasan")
