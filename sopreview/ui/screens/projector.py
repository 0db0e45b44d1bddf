"""Projector mode: what the meeting room sees for one agenda item.

Full screen and high contrast: the sub bagian, the SOP's name and kind, the presenter, a
countdown of the item's planned minutes, and one of four views (Tab cycles them: summary,
flowchart, changes, decision). Nothing secretary-only (notes, evaluation, actions) is shown.
The operator's instance records the shown item and view in the session so that a follower
(:mod:`sopreview.ui.follow`) on a second screen shows the same; a follower never writes.
"""

from __future__ import annotations

from dataclasses import replace

import math

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Digits, Static

from sopreview.domain.clock import PAUSES
from sopreview.domain.records import Decision
from sopreview.domain.model import Proposal
from sopreview.domain.vocab import PROJECTOR_TABS, item_kind_label
from sopreview.minutes.build import build_minutes
from sopreview.store.session import Session, SessionError
from sopreview.ui import keymap
from sopreview.ui.theme import PROJECTOR_LIGHT_THEME, PROJECTOR_THEME, register_themes
from sopreview.ui.widgets.bigtext import BigText
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.screens.confirm import ConfirmClose
from sopreview.ui.widgets.flowchart import ZOOMS, FlowchartView
from sopreview.ui.widgets.pointer import next_step
from sopreview.ui.widgets.slides import readback_slide, subbag_slide

TABS: tuple[str, ...] = PROJECTOR_TABS
"""The room's views, in Tab order: the vocabulary the session stores, never a copy."""

TAB_KEY: dict[str, str] = {"ringkasan": "1", "flowchart": "3", "perubahan": "4", "keputusan": "5"}
"""The proposal screen's numbers (1 Ringkasan, 2 Langkah, 3 Flowchart, 4 Perubahan) mean the
same here; the projector has no steps table, so 2 shows the flowchart too, and 5 the decision."""

TAB_LABEL: dict[str, str] = {
    "ringkasan": "Ringkasan",
    "flowchart": "Flowchart",
    "perubahan": "Perubahan",
    "keputusan": "Keputusan",
}


def countdown(planned_minutes: int, used_seconds: float) -> tuple[str, str]:
    """Remaining time as 'MM:SS' ('-MM:SS' when over) and its phase: normal, hampir, habis."""
    planned = max(0, planned_minutes) * 60
    remaining = planned - used_seconds
    whole = math.ceil(remaining)  # counts down like a clock; over time counts whole seconds up
    sign = "-" if whole < 0 else ""
    minutes, seconds = divmod(abs(whole), 60)
    text = f"{sign}{minutes:02d}:{seconds:02d}"
    if remaining <= 0:
        return text, "habis"
    if remaining <= max(60.0, planned * 0.2):
        return text, "hampir"
    return text, "normal"


class ProjectorScreen(Screen[None]):
    """One agenda item, large and plain, for the room."""

    DEFAULT_CSS = """
    ProjectorScreen { background: $background; color: $foreground; layout: vertical; }
    ProjectorScreen #proj-head { height: auto; padding: 0 1; border-bottom: heavy $foreground; }
    ProjectorScreen #proj-titles { width: 1fr; height: auto; }
    ProjectorScreen #proj-subbag { text-style: bold; color: $text-secondary; }
    ProjectorScreen #proj-nama { color: $foreground; }
    ProjectorScreen #proj-nama.besar { margin: 1 0 0 0; }
    ProjectorScreen #proj-info { color: $foreground; }
    ProjectorScreen #proj-clock { width: auto; height: auto; min-width: 22; align-horizontal: right; }
    ProjectorScreen #proj-digits { width: auto; color: $text-success; }
    ProjectorScreen #proj-digits.hampir { color: $text-warning; }
    ProjectorScreen #proj-digits.habis { color: $background; background: $error; }
    ProjectorScreen #proj-digits.diam { color: $text-muted; }
    ProjectorScreen #proj-clock-label { width: 100%; text-align: right; color: $foreground; }
    ProjectorScreen #proj-tabs { height: 1; padding: 0 1; background: $panel; }
    ProjectorScreen #proj-body { height: 1fr; }
    ProjectorScreen .proj-pane { height: 1fr; padding: 0 1; }
    ProjectorScreen #flowchart { padding: 0; }
    ProjectorScreen #proj-flowchart { scrollbar-size-vertical: 1; }
    ProjectorScreen #proj-keputusan-title { text-style: bold underline; margin: 1 0; }
    ProjectorScreen #proj-keputusan-big { color: $foreground; margin-bottom: 1; }
    ProjectorScreen #proj-keputusan-big.diputuskan { color: $text-accent; }
    ProjectorScreen #proj-keputusan-body { padding: 0 0; }
    ProjectorScreen #proj-wait { height: 1fr; padding: 1 2; }
    ProjectorScreen.ringkas #proj-subbag, ProjectorScreen.ringkas #proj-info,
    ProjectorScreen.ringkas #proj-digits { display: none; }
    ProjectorScreen.ringkas #proj-clock { min-width: 0; }
    ProjectorScreen.ringkas #proj-clock-label { width: auto; text-style: bold; }
    ProjectorScreen #proj-slide-title { color: $text-accent; margin-bottom: 1; }
    """

    BINDINGS = keymap.bindings("proyektor")

    def __init__(
        self,
        session: Session,
        proposal_id: str | None,
        *,
        tab: str | None = None,
        follow: bool = False,
        locked: bool = False,
        name: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id)
        self.session = session
        self.pid = proposal_id
        self.tab = tab if tab in TABS else TABS[0]
        self.follow = follow
        self.locked = locked
        self._previous_theme: str | None = None
        self._decision_key: tuple[str, str] | None = None
        self._slide_key: tuple[object, ...] | None = None
        self.slide_shown: tuple[str, RenderableType] | None = None
        """The slide's title and body as last shown (None: the item is shown)."""

    # -- building ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="proj-head"):
            with Vertical(id="proj-titles"):
                yield Static(id="proj-subbag")
                yield BigText(id="proj-nama")
                yield Static(id="proj-info")
            with Vertical(id="proj-clock"):
                yield Digits("--:--", id="proj-digits")
                yield Static("", id="proj-clock-label")
        yield Static(id="proj-tabs")
        with VerticalScroll(id="proj-wait"):
            yield BigText(id="proj-slide-title", max_lines=2)
            yield Static(id="proj-slide-body")
        with ContentSwitcher(initial=self.tab, id="proj-body"):
            with VerticalScroll(id="ringkasan", classes="proj-pane"):
                yield Static(id="proj-ringkasan-body")
            yield Vertical(id="flowchart", classes="proj-pane")
            yield Vertical(id="perubahan", classes="proj-pane")
            with VerticalScroll(id="keputusan", classes="proj-pane"):
                yield Static("KEPUTUSAN", id="proj-keputusan-title")
                yield BigText(id="proj-keputusan-big", max_lines=3)
                yield Static(id="proj-keputusan-body")

    async def on_mount(self) -> None:
        register_themes(self.app)
        if not self.follow:
            self._previous_theme = self.app.theme
            self.app.theme = PROJECTOR_THEME
        await self._show_item()
        self._record_current()
        self.set_interval(1.0, self._tick)

    def on_unmount(self) -> None:
        if self._previous_theme is not None:
            self.app.theme = self._previous_theme

    # -- what is shown ------------------------------------------------------------------------

    @property
    def proposal(self) -> Proposal | None:
        if self.pid is None:
            return None
        try:
            return self.session.proposal(self.pid)
        except SessionError:
            return None

    async def _show_item(self) -> None:
        """(Re)build the header and the four views for the current proposal."""
        proposal = self.proposal
        self._show_slide()
        self.query_one("#proj-clock").display = proposal is not None
        flow = self.query_one("#flowchart", Vertical)
        changes = self.query_one("#perubahan", Vertical)
        await flow.remove_children()
        await changes.remove_children()
        if proposal is None:
            for wid in ("#proj-subbag", "#proj-info", "#proj-tabs"):
                self.query_one(wid, Static).update("")
            self.query_one("#proj-nama", BigText).update("")
            return
        subbag = self.session.organisasi.subbag_by_kode(proposal.subbag)
        heading = Text()
        heading.append(f" {item_kind_label(proposal.jenis)} ", style="reverse bold")
        heading.append("  " + (subbag.nama if subbag else proposal.subbag).upper())
        self.query_one("#proj-subbag", Static).update(heading)
        self.query_one("#proj-nama", BigText).update(proposal.nama)
        self._size_title()
        amended = self.session.amended(proposal.id)  # the version under discussion (issue 15)
        view = FlowchartView(amended.dokumen, mutu=True, fit=True, id="proj-flowchart")
        view.tandai = amended.amended_steps
        await flow.mount(view)
        if amended.uraian:
            shown = ChangeView(replace(proposal, dokumen=amended.dokumen), show_summary=True, id="proj-changes")
        else:  # as submitted: the session's diff, aligned once
            shown = ChangeView(proposal, show_summary=True, id="proj-changes",
                               diff=self.session.change_diff(proposal.id))
        await changes.mount(shown)
        self._show_pointer()
        self.query_one("#proj-ringkasan-body", Static).update(self._summary(proposal))
        self._decision_key = None
        self.refresh_from_session()
        self._show_tab()
        self.query_one("#ringkasan", VerticalScroll).scroll_home(animate=False)

    def _summary(self, proposal: Proposal) -> Text:
        doc = proposal.dokumen
        text = Text()
        if proposal.sampel:
            text.append("Contoh (data sampel, bukan SOP resmi)\n\n", style="italic")
        for title, body in (("Ringkasan", proposal.ringkasan), ("Alasan usulan", proposal.alasan)):
            if body:
                text.append(f"{title}\n", style="bold underline")
                text.append(body.strip() + "\n\n")
        if proposal.is_revision and proposal.sebelumnya is not None:
            text.append("Perubahan\n", style="bold underline")
            text.append(self.session.change_summary(proposal.id) + "\n\n")  # as fixed in the snapshot
        decisions = sum(1 for s in doc.langkah if s.is_decision)
        text.append("Pelaksana\n", style="bold underline")
        text.append("\n".join(f"  • {p}" for p in doc.pelaksana) + "\n\n")
        text.append(f"{len(doc.langkah)} langkah, {decisions} titik keputusan.\n\n")
        if doc.dasar_hukum:
            text.append("Dasar hukum\n", style="bold underline")
            text.append("\n".join(f"  {i}. {d}" for i, d in enumerate(doc.dasar_hukum, 1)))
        return text

    def _show_tab(self) -> None:
        self.query_one("#proj-body", ContentSwitcher).current = self.tab
        self.query_one("#proj-tabs", Static).update(self._tab_strip(self.app.size.width - 2))
        self._size_title()
        target = {"flowchart": "#proj-flowchart", "perubahan": "#proj-changes"}.get(self.tab, f"#{self.tab}")
        if self.proposal is not None:  # arrow keys and PageUp/PageDown scroll what is shown
            view = self.query_one(target)
            view.focus()
            if isinstance(view, (FlowchartView, ChangeView)):  # laid out only once shown: find the step now
                self.call_after_refresh(view.scroll_to_pointer)

    def _slide(self) -> tuple[str, RenderableType] | None:
        """Between items the room sees a slide instead of a blank: the break while the meeting
        is paused, the read-back or the sub bagian's title when the operator puts it up, the
        agenda with its progress while no item is chosen; None: the item."""
        try:
            pause = self.session.pause_state()
        except SessionError:
            pause = None
        if pause is not None:
            name = PAUSES.get(pause[0], "Jeda").split(" (")[0]
            body = Text()
            body.append(f"Rapat dijeda sejak pukul {pause[1][11:16]}.\n\n", style="bold")
            body.append_text(self._agenda_text())
            return name, body
        layar = self.session.slide()
        if layar == "bacakan":
            return readback_slide(build_minutes(self.session, perubahan=False), self.session.closed_at())
        proposal = self.proposal
        if layar == "subbag" and proposal is not None:
            slide = subbag_slide(build_minutes(self.session, perubahan=False), proposal.subbag)
            if slide is not None:
                return slide
        if proposal is None:
            return "Agenda rapat", self._agenda_text()
        return None

    def _agenda_text(self) -> Text:
        """Each sub bagian with its items and what was decided so far, and the count."""
        decided, total = self.session.progress()
        text = Text()
        text.append(f"Diputuskan {decided} dari {total} usulan\n", style="bold")
        subbag = None
        for proposal in self.session.heads():
            if proposal.subbag != subbag:
                subbag = proposal.subbag
                found = self.session.organisasi.subbag_by_kode(subbag)
                text.append(f"\n{(found.nama if found else subbag).upper()}\n", style="bold")
            decision = self.session.decision(proposal.id)
            mark = "✓" if decision is not None else "·"
            text.append(f" {mark} {proposal.nama}")
            if decision is not None:
                text.append("  ")
                text.append(f" {decision.label.upper()} ", style="reverse bold")
            text.append("\n")
        return text

    def _show_slide(self) -> None:
        slide = self._slide()
        self.slide_shown = slide
        self._slide_key = self._slide_state()
        self.query_one("#proj-wait").display = slide is not None
        self.query_one("#proj-body").display = slide is None
        self.query_one("#proj-tabs").display = slide is None
        chosen = slide is not None and self.session.pause_state() is None and self.session.slide() is not None
        # the item's header is not what a chosen slide is about, and is empty before the first item
        self.query_one("#proj-head").display = not chosen and self.proposal is not None
        if slide is not None:
            title, body = slide
            big = self.query_one("#proj-slide-title", BigText)
            big.max_lines = 2 if self.app.size.height >= 30 else 0  # a short screen keeps its rows for the body
            big.update(title)
            self.query_one("#proj-slide-body", Static).update(body)

    def _size_title(self) -> None:
        """Large title on a tall screen, but one line once the discussion is in the flowchart."""
        title = self.query_one("#proj-nama", BigText)
        large = self.app.size.height >= 30 and self.tab != "flowchart"
        lines = 0 if self.tab == "flowchart" else (2 if large else 1)  # 0: ordinary bold text
        title.set_class(large, "besar")
        if title.max_lines != lines:
            title.max_lines = lines
            title.update(title.text)
        compact = self.tab == "flowchart"  # one line of title and clock: the chart gets the rows
        if compact != self.has_class("ringkas"):
            self.set_class(compact, "ringkas")
            self._tick()

    def _show_pointer(self) -> None:
        """Highlight the step the session points at (operator and followers alike)."""
        try:
            flow = self.query_one("#proj-flowchart", FlowchartView)
            changes = self.query_one("#proj-changes", ChangeView)
        except Exception:  # no proposal shown
            return
        self._show_amended(flow)
        flow.zoom = self.session.zoom()
        flow.sorot = self.session.pointer()
        changes.point_at(flow.sorot)  # the Perubahan view marks the same step

    def _show_amended(self, flow: FlowchartView) -> None:
        """An amendment recorded meanwhile: the room's flowchart and changes redraw, amended steps marked."""
        proposal = self.proposal
        if proposal is None:
            return
        amended = self.session.amended(proposal.id)
        flow.show(amended.dokumen, amended.amended_steps)
        for view in self.query("#proj-changes").results(ChangeView):
            view.compare(replace(proposal, dokumen=amended.dokumen))

    def _tab_strip(self, width: int) -> Text:
        """The four views, the shown one reversed. No key hints: this is the room's screen (the
        operator finds the keys in the help, ``?``)."""
        strip = Text(no_wrap=True, overflow="crop")
        for tab in TABS:
            strip.append(f" {TAB_LABEL[tab]} ", style="reverse bold" if tab == self.tab else "")
            strip.append(" ")
        return strip

    def on_resize(self) -> None:
        if self.proposal is not None:
            self.query_one("#proj-tabs", Static).update(self._tab_strip(self.app.size.width - 2))

    def refresh_from_session(self) -> None:
        """Re-read what the session says now: decision and clock (called on every change)."""
        proposal = self.proposal
        if proposal is None:
            return
        decision = self.session.decision(proposal.id)
        info = Text()
        if proposal.pengusul:
            info.append("Penyaji: ", style="bold")
            info.append(proposal.pengusul)
        if decision is not None:  # its own line: the badge never wraps away from its label
            info.append("\n" if info else "")
            info.append("Keputusan: ", style="bold")
            info.append(f" {decision.label.upper()} ", style="reverse bold")
        self.query_one("#proj-info", Static).update(info)
        key = (decision.keputusan, decision.catatan) if decision else ("", "")
        if key != self._decision_key:
            self._decision_key = key
            label = decision.label if decision else "Belum diputuskan"
            big = self.query_one("#proj-keputusan-big", BigText)
            big.update(label)
            big.set_class(decision is not None, "diputuskan")
            self.query_one("#proj-keputusan-body", Static).update(self._decision_text(decision))
        self._tick()

    @staticmethod
    def _decision_text(decision: Decision | None) -> Text:
        text = Text()
        if decision is None:
            text.append("Keputusan tampil di sini setelah dicatat.", style="italic")
        elif decision.catatan:
            text.append("Catatan\n", style="bold underline")
            text.append(decision.catatan)
        return text

    def _tick(self) -> None:
        """The clock the room sees: it counts down only while the item is under discussion."""
        if self._slide_state() != self._slide_key:  # a pause began or ended (the follower polls too)
            self._show_slide()
        proposal = self.proposal
        if proposal is None:
            return
        try:
            clock = self.session.clock(proposal.id)
            planned = self.session.planned_minutes(proposal.id)
            decided = self.session.decision(proposal.id) is not None
            pause = self.session.pause_state()
        except SessionError:
            return
        text, phase = countdown(planned, clock.used_seconds)
        digits = self.query_one("#proj-digits", Digits)
        if pause is not None:
            label = f"{PAUSES.get(pause[0], 'Jeda').split(' (')[0].upper()} sejak {pause[1][11:16]}"
            phase = "jeda"
        elif decided and not clock.running:
            text = "{:02d}:{:02d}".format(*divmod(round(clock.used_seconds), 60))
            label, phase = f"dibahas {round(clock.used_seconds / 60)} dari {planned} menit", "selesai"
        elif not clock.running:
            label = f"belum dimulai ({planned} menit)" if clock.opened_at is None else f"jam berhenti ({planned} mnt)"
            phase = "diam"
        else:
            label = {
                "normal": f"sisa dari {planned} menit",
                "hampir": f"hampir habis ({planned} mnt)",
                "habis": f"lewat dari {planned} menit",
            }[phase]
        if self.has_class("ringkas"):  # one short line beside the title
            word = {"jeda": "jeda", "diam": "belum jalan", "selesai": "selesai", "hampir": "hampir habis",
                    "habis": "lewat"}.get(phase, "sisa")
            label = f"{text} {word}"
        digits.update(text)
        digits.set_class(phase == "hampir", "hampir")
        digits.set_class(phase == "habis", "habis")
        digits.set_class(phase in ("jeda", "diam", "selesai"), "diam")
        self.query_one("#proj-clock-label", Static).update(label)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A locked follower (serve) refuses every key: nothing changes what the room sees."""
        return not self.locked

    def action_decision(self) -> None:
        """d: record the decision from the projector (the operator's view only)."""
        if self.follow or self.pid is None:
            self.notify("Keputusan dicatat di layar operator.", severity="warning")
            return
        from sopreview.ui.dialogs.decision import DecisionDialog

        def done(result: str | None) -> None:
            if result:
                self.notify(result, markup=False)
            self.refresh_from_session()

        self.app.push_screen(DecisionDialog(self.session, self.pid), done)

    # -- following the operator ------------------------------------------------------------

    async def follow_current(self, pid: str | None, tab: str) -> None:
        """Show what the operator shows (follow mode); re-reads decision, clock and pointer."""
        if pid != self.pid:
            self.pid = pid
            if tab in TABS:
                self.tab = tab
            await self._show_item()
        elif tab in TABS and tab != self.tab:
            self.tab = tab
            self._show_tab()
        self.refresh_from_session()
        self._show_pointer()
        self._show_slide()  # a slide put up or taken down, a decision on the agenda or read-back

    def _slide_state(self) -> tuple[object, ...]:
        """What decides which slide is shown (cheap: read every second by the clock's tick)."""
        try:
            pause = self.session.pause_state()
        except SessionError:
            pause = None
        return (pause, self.session.slide(), self.pid, self.session.progress(), self.session.closed_at())

    def _record_current(self) -> None:
        """The operator's instance tells followers what it shows (never a follower, never read-only)."""
        if self.follow or self.session.readonly or self.pid is None:
            return
        try:
            self.session.set_current(self.pid, self.tab)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)

    # -- actions ------------------------------------------------------------------------------

    def _take_slide_down(self) -> None:
        """The operator went back to the item (a tab, the cursor): the slide comes down."""
        if self.follow or self.session.readonly or self.session.slide() is None:
            return
        try:
            self.session.set_slide(None)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
            return
        self._show_slide()

    def action_show_tab(self, tab: str) -> None:
        self._take_slide_down()
        if tab in TABS and tab != self.tab:
            self.tab = tab
            self._show_tab()
            self._record_current()

    def action_next_tab(self) -> None:
        self.action_show_tab(TABS[(TABS.index(self.tab) + 1) % len(TABS)])

    def action_prev_tab(self) -> None:
        self.action_show_tab(TABS[(TABS.index(self.tab) - 1) % len(TABS)])

    def action_pointer(self, delta: int) -> None:
        """[ and ]: move the presenter cursor over the steps (0 clears it); followers follow.

        Stored in the session as navigation (never an undo step); the flowchart comes to the
        front, since that is where the room reads a step."""
        proposal = self.proposal
        if self.follow or proposal is None or not proposal.dokumen.langkah:
            return
        self._take_slide_down()
        count = len(self.session.amended(proposal.id).dokumen.langkah)
        now = self.session.pointer()
        step = next_step(now, delta, count)
        if self.tab not in ("flowchart", "perubahan") and step is not None:  # where a step can be shown
            self.action_show_tab("flowchart")
        if self.session.readonly:
            self.query_one("#proj-flowchart", FlowchartView).sorot = step
            self.query_one("#proj-changes", ChangeView).point_at(step)
            return
        try:
            self.session.set_pointer(step)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
            return
        self._show_pointer()

    def action_zoom(self, delta: int) -> None:
        """+ and -: zoom the room's flowchart in (wider lanes, scrolled to the cursor) or back to fit."""
        if self.follow or self.proposal is None:
            return
        zoom = max(0, min(len(ZOOMS) - 1, self.session.zoom() + delta))
        if self.tab != "flowchart":
            self.action_show_tab("flowchart")
        if self.session.readonly:
            self.query_one("#proj-flowchart", FlowchartView).zoom = zoom
            return
        try:
            self.session.set_zoom(zoom)
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
            return
        self._show_pointer()

    def action_slide(self, layar: str) -> None:
        """u / b: put the sub bagian's title slide or the read-back up for the room (again: down)."""
        if self.follow:
            return
        shown = self.session.slide()
        target = None if shown == layar else layar
        if target == "subbag" and self.proposal is None:
            return
        if not self.session.readonly:
            try:
                self.session.set_slide(target)
            except SessionError as error:
                self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
                return
        self._show_slide()

    def action_close_meeting(self) -> None:
        """T on the read-back: the room confirmed it; the meeting ends now (its end time is set)."""
        if self.follow or self.session.readonly or self.session.slide() != "bacakan":
            if not self.follow:
                self.notify("Tampilkan dulu pembacaan keputusan (b), lalu tutup rapat dengan T.",
                            title="Tutup rapat", markup=False)
            return

        def done(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                jam = self.session.close_meeting()
            except SessionError as error:
                self.notify(str(error), title="Tidak tersimpan", severity="warning", markup=False)
                return
            self._show_slide()
            self.notify(f"Rapat ditutup pukul {jam}; waktu selesai di data rapat diisi.", title="Rapat ditutup",
                        markup=False)

        self.app.push_screen(ConfirmClose(), done)

    def action_toggle_theme(self) -> None:
        self.app.theme = PROJECTOR_LIGHT_THEME if self.app.theme == PROJECTOR_THEME else PROJECTOR_THEME

    def action_close(self) -> None:
        """Operator: back to the proposal. Follower: quit (it is read-only, nothing to save)."""
        if self.follow:
            self.app.exit()
            return
        self.dismiss(None)
