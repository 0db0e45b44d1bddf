"""The agenda screen: where the meeting starts and returns between proposals.

Header (title, progress, clock, planned total, expected end), a filter/search line, then the
agenda list. Every write goes through the session and is followed by a re-read of the rows,
so what is on screen is always what is in the file.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import Input, OptionList, Static

from sopreview.domain.problems import summary as problems_summary
from sopreview.domain.dates import hari_tanggal, parse_iso_date
from sopreview.store.errors import SessionError
from sopreview.ui.fmt import fit, jam, menit
from sopreview.ui.screens.base import ReadOnlyBanner, SessionScreen
from sopreview.domain.timing import ItemTime, agenda_timing
from sopreview.ui.widgets.agenda import (
    ALL,
    AgendaColumnsHeader,
    AgendaFilter,
    AgendaList,
    AgendaRow,
    Columns,
    agenda_rows,
    filter_cycle,
    header_content,
    one_row_changes,
    search_matches,
)
from sopreview.ui.widgets.footer import KeyBar
from sopreview.ui.widgets.steady import SteadyStatic


LEGEND = "ECT: E evaluasi, C catatan, T tindak lanjut terisi (· = belum) · Waktu: menit terpakai/rencana"
"""What the agenda's short columns mean, under the list (the help screen says it too)."""


class AgendaScreen(SessionScreen):
    """Proposals grouped by sub bagian, with the meeting's progress and clock."""

    BINDINGS: ClassVar[list[BindingType]] = SessionScreen.screen_bindings("agenda")

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[AgendaRow] = []
        self._filter: AgendaFilter = ALL
        self._query = ""
        self._ticks = 0
        self._stale = False
        self._header_width = 0
        """The terminal width the header was last fitted to."""
        self._clock_behind = False
        """A tick was skipped while a proposal covered the agenda (shown on return)."""

    def compose(self) -> ComposeResult:
        yield ReadOnlyBanner(id="banner")
        yield SteadyStatic(id="agenda-title", markup=False)
        yield SteadyStatic(id="agenda-status", markup=False)
        yield Static(id="agenda-problems", markup=False)
        with Horizontal(id="agenda-tools"):
            yield Static(id="filter-label", markup=False)
            yield Input(placeholder="Cari nama SOP, penyaji, sub bagian…", id="search")
        yield AgendaColumnsHeader(id="agenda-columns")
        yield AgendaList(id="agenda")
        yield Static(LEGEND, id="agenda-legend", markup=False)
        yield KeyBar()

    @property
    def agenda(self) -> AgendaList:
        return self.query_one(AgendaList)

    def on_mount(self) -> None:
        search = self.query_one("#search", Input)
        search.cursor_blink = self.sop_app.cursor_blink
        search.display = False
        self.agenda.on_columns(self._set_columns)
        self.query_one(ReadOnlyBanner).show_for(self.session)
        self.refresh_from_session()
        current = self.session.current().pid
        self.agenda.highlight_pid(current)
        self.agenda.focus()
        self.set_interval(1.0, self._tick)
        self.agenda.on_first_paint = self.sop_app.agenda_painted

    def on_resize(self) -> None:
        """The header is fitted to the width: rebuilt when that changed (the start sends three)."""
        if self._header_width != self.app.size.width:
            self._show_header()

    def mark_stale(self) -> None:
        """The session changed while another screen covered this one: re-read it when shown."""
        self._stale = True

    def on_screen_resume(self) -> None:
        """Back from a proposal: the highlight is on the item shown last (``.``/``,`` moved it)."""
        if self.is_mounted and self.sop_app.session is not None:
            if self._stale:
                self._stale = False
                self.refresh_from_session()
            current = self.session.current().pid
            if current is not None:
                self.agenda.highlight_pid(current)
            if self._clock_behind:
                self._clock_behind = False
                self._show_clock()

    def _set_columns(self, cols: Columns) -> None:
        self.query_one(AgendaColumnsHeader).update(header_content(cols))

    # -- reading the session ------------------------------------------------------------------

    def refresh_from_session(self) -> None:
        rows = agenda_rows(self.session)
        changed = one_row_changes(self._rows, rows, self._accepts)
        self._rows = rows
        if changed is None:
            self.agenda.show(self._rows, self._accepts)
        else:  # a one-item write: re-render those lines, not all N (a 10,000-row rebuild is seconds)
            for row in changed:
                self.agenda.update_row(row)
        self._show_header()
        self._show_tools()
        self._show_problems()

    def _accepts(self, row: AgendaRow) -> bool:
        return self._filter.accepts(row) and search_matches(row, self._query)

    def target_pid(self) -> str | None:
        return self.agenda.highlighted_pid

    def _show_header(self) -> None:
        session = self.session
        meta = session.meta
        self._header_width = self.app.size.width
        width = max(self.app.size.width - 2, 20)
        day = parse_iso_date(meta.tanggal)
        when = " · ".join(x for x in (hari_tanggal(day) if day else meta.tanggal, meta.tempat) if x)
        title = Text(meta.judul or "Rapat evaluasi SOP", style="bold")
        if when:
            title.append("\n" + fit(when, width).rstrip(), style="dim")
        self.query_one("#agenda-title", SteadyStatic).show_text(title)
        self.query_one("#agenda-status", SteadyStatic).show_text(self._status_line(width))

    def _status_line(self, width: int) -> Text:
        """Progress, clock, plan and forecast; shorter words below 100 columns."""
        now = self.sop_app.now()
        timing = agenda_timing((ItemTime(r.planned, r.used_seconds, r.decided) for r in self._rows), now)
        decided = sum(1 for r in self._rows if r.decided)
        wide = width >= 98
        used_style = "bold red" if timing.over_plan else "bold"
        pause = self.session.pause_state()
        if pause is not None:
            from sopreview.domain.clock import PAUSES

            jeda = PAUSES.get(pause[0], "Jeda").split(" (")[0].upper()
            return Text.assemble((f" {jeda} sejak {pause[1][11:16]} ", "bold reverse"), ("  j: lanjut  ", "dim"),
                                 ("Diputuskan ", "dim"), (f"{decided}/{len(self._rows)}", "bold"),
                                 ("  Jam ", "dim"), (jam(now, seconds=wide), "bold"))
        return Text.assemble(
            ("Diputuskan ", "dim"), (f"{decided}/{len(self._rows)}", "bold"),
            ("  Jam ", "dim"), (jam(now, seconds=wide), "bold"),
            ("  Rencana ", "dim"), (f"{timing.planned_minutes} mnt", "bold"),
            ("  Terpakai ", "dim"), (f"{menit(timing.used_seconds)} mnt", used_style),
            ("  Perkiraan selesai " if wide else "  Selesai ±", "dim"), (jam(timing.expected_end), "bold"),
        )

    def _show_tools(self) -> None:
        """The filter line, shown only while a filter or a search narrows the agenda."""
        search = self.query_one("#search", Input)
        active = self._filter is not ALL or bool(self._query) or search.display
        self.query_one("#agenda-tools").display = active
        shown = len(self.agenda.rows)
        label = f"Saringan: {self._filter.label} ({shown}/{len(self._rows)})  [f] ganti  [F] semua"
        self.query_one("#filter-label", Static).update(label)

    def _show_problems(self) -> None:
        app = self.sop_app
        parts = []
        if app.problems:
            parts.append(f"berkas SOP: {problems_summary(app.problems)}")
        if app.changed:
            parts.append(f"{len(app.changed)} usulan berubah di folder sops/ sejak sesi dibuat")
        widget = self.query_one("#agenda-problems", Static)
        widget.display = bool(parts)
        if parts:
            widget.update("⚠ " + "; ".join(parts) + " — tekan g untuk melihat")

    def _tick(self) -> None:
        """Once a second: the clock, and the running item's minutes."""
        self._ticks += 1
        session = self.session
        if session.readonly and self._ticks % 2 == 0:
            try:
                if session.reload():
                    self.sop_app.session_changed()
                    return
            except SessionError as error:
                self.notify(str(error), severity="error", markup=False)
        if self.is_shown:
            self._show_clock()
        else:  # covered by a proposal: brought up to date when shown again
            self._clock_behind = True

    def _show_clock(self) -> None:
        """The running item's minutes and the status line's clock."""
        session = self.session
        current = session.current().pid
        if current is not None:
            for row in self._rows:
                if row.pid == current and row.running:
                    updated = row._replace(used_seconds=session.clock(current).used_seconds)
                    self._rows = [updated if r is row else r for r in self._rows]
                    self.agenda.update_row(updated)
                    break
        self._show_header()

    # -- actions ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#agenda")
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None and not event.option.disabled:
            self.sop_app.open_proposal(event.option.id)

    def action_search(self) -> None:
        search = self.query_one("#search", Input)
        search.display = True
        self._show_tools()
        search.focus()

    def action_close_search(self) -> None:
        search = self.query_one("#search", Input)
        if search.display:
            search.value = ""
            search.display = False
            self._show_tools()
            self.agenda.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self._query = event.value
        self._apply_filter()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.agenda.focus()

    def action_filter_next(self) -> None:
        cycle = filter_cycle(self._rows, self.session.organisasi)
        labels = [f.label for f in cycle]
        index = labels.index(self._filter.label) + 1 if self._filter.label in labels else 0
        self.set_filter(cycle[index % len(cycle)])

    def action_filter_clear(self) -> None:
        self.query_one("#search", Input).value = ""
        self._query = ""
        self.query_one("#search", Input).display = False
        self.set_filter(ALL)
        self.agenda.focus()

    def set_filter(self, new: AgendaFilter) -> None:
        self._filter = new
        self._apply_filter()

    def _apply_filter(self) -> None:
        self.agenda.show(self._rows, self._accepts)
        self._show_tools()

    def action_move(self, delta: int) -> None:
        pid = self._need_pid()
        if pid is None:
            return
        self.write(lambda: self.session.move_item(pid, delta), "Urutan agenda disimpan")
