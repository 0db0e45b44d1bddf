"""The agenda list: proposals grouped by sub bagian, one fixed-width line each.

An OptionList (not a DataTable or ListView) because it fills and scrolls 1,000 rows fastest
(see bench/bench_tui.py) and takes disabled options as group headings the cursor skips.
Rows are plain data (:class:`AgendaRow`) read from the session in one pass, so filtering,
searching and re-rendering after a resize never touch the session file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, RulesMap, Visual
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from sopreview.domain.model import Organisasi
from sopreview.domain.textsafe import CONTROL
from sopreview.domain.vocab import item_kind_keys, item_kind_label
from sopreview.store.session import Session
from sopreview.ui import keymap
from sopreview.ui.fmt import (
    badge_style,
    status_cell,
    BADGE_WIDTH,
    badge_text,
    fit,
    waktu_kolom,
)

GROUP_PREFIX = "grup:"
EMPTY_ID = "kosong"


class AgendaRow(NamedTuple):
    """What the agenda shows about one proposal.

    A NamedTuple, not a frozen dataclass: the agenda makes one per proposal when it opens, and
    a frozen dataclass's ``__init__`` (one ``object.__setattr__`` per field) cost 5 ms per 1,000
    rows of the start (issue 17)."""

    nomor: int
    pid: str
    subbag: str
    subbag_nama: str
    kepala: str
    nama: str
    jenis: str
    pengusul: str
    planned: int
    used_seconds: float
    keputusan: str | None
    evaluated: bool
    has_notes: bool
    n_actions: int
    current: bool
    running: bool

    @property
    def decided(self) -> bool:
        return self.keputusan is not None


def agenda_rows(session: Session) -> list[AgendaRow]:
    """One row per proposal, in agenda order."""
    organisasi = session.organisasi
    current = session.current().pid
    actions: dict[str | None, int] = {}
    for action in session.actions():
        actions[action.proposal_id] = actions.get(action.proposal_id, 0) + 1
    glances = session.glances()
    rows: list[AgendaRow] = []
    for nomor, proposal in enumerate(session.heads(), 1):
        pid = proposal.id
        sub = organisasi.subbag_by_kode(proposal.subbag)
        item = glances[pid]
        rows.append(
            AgendaRow(
                nomor=nomor,
                pid=pid,
                subbag=proposal.subbag,
                subbag_nama=sub.nama if sub else proposal.subbag,
                kepala=sub.kepala if sub else "",
                nama=proposal.nama,
                jenis=proposal.jenis,
                pengusul=proposal.pengusul or (sub.kepala if sub else ""),
                planned=item.planned,
                used_seconds=item.clock.used_seconds,
                keputusan=item.keputusan,
                evaluated=item.evaluated,
                has_notes=item.has_notes,
                n_actions=actions.get(pid, 0),
                current=pid == current,
                running=item.clock.running,
            )
        )
    return rows


def one_row_changes(
    old: Sequence[AgendaRow], new: Sequence[AgendaRow], accept: Callable[[AgendaRow], bool]
) -> list[AgendaRow] | None:
    """The rows to re-render when only some lines changed, or None when the list must be rebuilt.

    Rebuilt when the order or membership changed, a sub bagian heading's figures (planned
    minutes) moved, or a changed row entered or left the filter."""
    if len(old) != len(new) or not old:
        return None
    changed: list[AgendaRow] = []
    for before, after in zip(old, new, strict=True):
        if before == after:
            continue
        if (before.pid, before.subbag, before.planned) != (after.pid, after.subbag, after.planned):
            return None
        if accept(before) != accept(after):
            return None
        changed.append(after)
    return changed


# -- filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgendaFilter:
    """One step of the filter cycle (key ``f``)."""

    label: str
    kind: str  # "semua" | "subbag" | "jenis" | "status"
    value: str = ""

    def accepts(self, row: AgendaRow) -> bool:
        if self.kind == "subbag":
            return row.subbag == self.value
        if self.kind == "jenis":
            return row.jenis == self.value
        if self.kind == "status":
            return row.decided == (self.value == "diputuskan")
        return True


ALL = AgendaFilter("Semua usulan", "semua")


def filter_cycle(rows: Sequence[AgendaRow], organisasi: Organisasi) -> list[AgendaFilter]:
    """Semua, then each sub bagian on the agenda, each jenis present, then by status."""
    cycle = [ALL]
    seen: list[str] = []
    for row in rows:
        if row.subbag not in seen:
            seen.append(row.subbag)
    for kode in seen:
        sub = organisasi.subbag_by_kode(kode)
        cycle.append(AgendaFilter(f"Sub bagian: {sub.nama if sub else kode}", "subbag", kode))
    present = {row.jenis for row in rows}
    cycle += [AgendaFilter(f"Jenis: {item_kind_label(j)}", "jenis", j) for j in item_kind_keys() if j in present]
    cycle.append(AgendaFilter("Status: belum diputuskan", "status", "belum"))
    cycle.append(AgendaFilter("Status: sudah diputuskan", "status", "diputuskan"))
    return cycle


def search_matches(row: AgendaRow, query: str) -> bool:
    """Case-insensitive match on name, presenter, sub bagian and id."""
    q = query.strip().casefold()
    if not q:
        return True
    return any(q in text.casefold() for text in (row.nama, row.pengusul, row.subbag_nama, row.pid))


# -- layout ----------------------------------------------------------------------------------


class Line(Content):
    """Content already fitted to the list width: one line, so its height needs no wrapping pass.

    OptionList asks every option for its height when the list is filled; for 1,000 rows the
    generic word-wrap measurement was the largest part of the agenda's start-up.
    """

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    @classmethod
    def of(cls, *parts: str | tuple[str, str] | Content) -> Line:
        """``assemble``, skipping Textual's per-character control-code pass (a third of drawing a
        row) when one C-speed search finds none: what it strips (BEL, BS, VT, FF, CR) is all in
        textsafe.CONTROL, so where that finds nothing the pass would change nothing."""
        line = cls.assemble(*parts, strip_control_codes=False)
        return line if CONTROL.search(line.plain) is None else cls.assemble(*parts)


class LazyLine(Visual):
    """An agenda row whose Line is built when the row is first drawn.

    OptionList asks every option for its height when the list is filled but draws only the rows
    on screen; building 10,000 rows' text up front was a fifth of a 10,000-item agenda's start."""

    def __init__(self, build: Callable[[], Line]) -> None:
        self._build: Callable[[], Line] | None = build
        self._line: Line | None = None

    @property
    def line(self) -> Line:
        if self._line is None:
            assert self._build is not None
            self._line, self._build = self._build(), None
        return self._line

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return self.line.render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.line.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.line.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return 1

    def __str__(self) -> str:
        return str(self.line)


@dataclass(frozen=True)
class Columns:
    """Cell widths of the agenda columns for one list width."""

    nama: int
    pengusul: int

    MARK = 2
    NO = 3
    FLAGS = 3
    WAKTU = 10
    STATUS = 15

    @classmethod
    def for_width(cls, width: int) -> Columns:
        fixed = cls.MARK + cls.NO + 1 + BADGE_WIDTH + 1 + 1 + cls.FLAGS + 1 + cls.WAKTU + 1 + cls.STATUS + 1
        free = max(width - fixed, 12)
        pengusul = 0
        if free >= 60:
            pengusul = min(24, free - 40)
            free -= pengusul + 1
        return cls(nama=free, pengusul=pengusul)


def header_content(cols: Columns) -> Content:
    parts = [
        " " * Columns.MARK,
        fit("No", Columns.NO, right=True),
        " ",
        fit("Jenis", BADGE_WIDTH),
        " ",
        fit("Nama SOP", cols.nama),
    ]
    if cols.pengusul:
        parts += [" ", fit("Penyaji", cols.pengusul)]
    parts += [" ", fit("ECT", Columns.FLAGS), " ", fit("Waktu", Columns.WAKTU, right=True), " ", "Keputusan"]
    return Line.of(*parts)


def row_content(row: AgendaRow, cols: Columns) -> Content:
    marker = ("▶ ", "bold $accent") if row.current else "  "
    flags = "".join(
        letter if on else "·"
        for letter, on in (("E", row.evaluated), ("C", row.has_notes), ("T", row.n_actions > 0))
    )
    over = row.used_seconds > row.planned * 60
    parts: list[str | tuple[str, str] | Content] = [
        marker,
        fit(f"{row.nomor}.", Columns.NO, right=True),
        " ",
        (badge_text(row.jenis), badge_style(row.jenis)),
        " ",
        fit(_short_name(row.nama), cols.nama),
    ]
    if cols.pengusul:
        parts += [" ", (fit(row.pengusul, cols.pengusul), "$text-muted")]
    parts += [
        " ",
        (flags, "$text-muted"),
        " ",
        (fit(waktu_kolom(row.used_seconds, row.planned), Columns.WAKTU, right=True), "$text-error" if over else ""),
        " ",
        _status(row),
    ]
    return Line.of(*parts)


def _status(row: AgendaRow) -> tuple[str, str]:
    """The decision, or "Dibahas" for the undecided item whose clock is running."""
    if row.keputusan is None and row.running:
        return fit("▶ Dibahas", Columns.STATUS), "bold $accent"
    text, style = status_cell(row.keputusan)
    return fit(text, Columns.STATUS), style


def group_content(row: AgendaRow, count: int, minutes: int, width: int) -> Content:
    """The sub bagian heading: its full name first; the counts and the head as room allows."""
    name = fit(row.subbag_nama, max(width - 2, 10)).rstrip()
    detail = f"  {count} usulan · {minutes} mnt" + (f" · Kasubbag {row.kepala}" if row.kepala else "")
    room = width - 2 - len(name)
    if room < len(detail):
        detail = f"  {count} usulan · {minutes} mnt"
    if room < len(detail):
        detail = ""
    return Line.of(("▌ ", "$primary"), (name, "bold"), (detail, "$text-muted"))


# -- widgets ---------------------------------------------------------------------------------


class AgendaColumnsHeader(Static):
    """The column titles above the list, laid out with the same widths."""


class AgendaList(OptionList):
    """Proposals as options (id = proposal id) under disabled sub bagian headings."""

    DEFAULT_CSS = """
    AgendaList, AgendaList:focus {
        height: 1fr;
        border: none;
        padding: 0;
        background: $surface;
    }
    AgendaList > .option-list--option-disabled {
        color: $text;
        text-style: none;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("agenda", target="list")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[AgendaRow] = []
        self._accept: Callable[[AgendaRow], bool] = lambda row: True
        self._width = 0
        self._on_columns: Callable[[Columns], None] | None = None
        self._pending_pid: str | None = None
        self.on_first_paint: Callable[[], None] | None = None
        """Called once, right after the list is first drawn to the terminal (start-up benchmark)."""

    @property
    def rows(self) -> list[AgendaRow]:
        """The rows currently shown (after filtering)."""
        return [r for r in self._rows if self._accept(r)]

    def on_columns(self, callback: Callable[[Columns], None]) -> None:
        """Tell the column header when the widths change."""
        self._on_columns = callback

    def _list_width(self) -> int:
        """Room for a row, leaving the vertical scrollbar's column free whether or not it shows.

        Before the list's first layout, the terminal's width: the list spans the screen, so its
        rows are there for the screen's first layout and first frame. Waiting for the list's own
        resize left that frame to the screen's next update tick (issue 17); a wrong guess is
        corrected by that resize (``on_resize``)."""
        width = self.size.width or self.app.size.width
        return max(width - self.styles.scrollbar_size_vertical, 40) if width else 0

    def show(self, rows: list[AgendaRow], accept: Callable[[AgendaRow], bool] | None = None) -> None:
        """Replace the rows (keeping the cursor on the same proposal when it is still shown)."""
        keep = self.highlighted_pid if self._width else self._pending_pid
        self._rows = rows
        if accept is not None:
            self._accept = accept
        if not self._list_width():  # no width known yet: the first resize renders at the real width
            self._pending_pid = keep
            return
        self._render_options(keep)

    def _render_options(self, keep: str | None) -> None:
        width = self._list_width()
        self._width = width
        cols = Columns.for_width(width)
        if self._on_columns:
            self._on_columns(cols)
        visible = self.rows
        options: list[Option] = []
        for index, row in enumerate(visible):
            if index == 0 or visible[index - 1].subbag != row.subbag:
                group = _group_of(visible, index)
                minutes = sum(r.planned for r in group)
                options.append(Option(group_content(row, len(group), minutes, width), id=f"{GROUP_PREFIX}{index}", disabled=True))
            options.append(Option(LazyLine(partial(row_content, row, cols)), id=row.pid))
        if not options:
            options.append(Option(Content.styled("Tidak ada usulan yang cocok dengan saringan/pencarian.", "$text-muted"), id=EMPTY_ID, disabled=True))
        self.set_options(options)
        self.highlight_pid(keep)

    def highlight_pid(self, pid: str | None) -> None:
        """Put the cursor on a proposal, or on the first one when it is not shown."""
        if not self._width:
            self._pending_pid = pid
            return
        index: int | None = None
        if pid is not None:
            try:
                index = self.get_option_index(pid)
            except OptionDoesNotExist:  # filtered out
                index = None
        if index is None:
            index = next((i for i, o in enumerate(self.options) if not o.disabled), None)
        self.highlighted = index

    @property
    def highlighted_pid(self) -> str | None:
        option = self.highlighted_option
        if option is None or option.disabled:
            return None
        return option.id

    def update_row(self, row: AgendaRow) -> None:
        """Re-render one proposal's line (the running clock), without rebuilding the list."""
        self._rows = [row if r.pid == row.pid else r for r in self._rows]
        if not self._width or not self._accept(row):
            return
        self.replace_option_prompt(row.pid, row_content(row, Columns.for_width(self._width)))

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        # A frame rendered inside a batch update (e.g. the footer recomposing) is not written, nor
        # one drawn before the rows were laid out at the list's width (``show`` waits for it).
        if self.on_first_paint is not None and self._width and not self.app._batch_count:
            callback, self.on_first_paint = self.on_first_paint, None
            self.app.call_later(callback)  # runs after this frame has been written
        return lines

    def on_resize(self) -> None:
        if self._rows and self._list_width() != self._width:
            self._render_options(self.highlighted_pid if self._width else self._pending_pid)


def _group_of(visible: list[AgendaRow], start: int) -> list[AgendaRow]:
    group = [visible[start]]
    for row in visible[start + 1 :]:
        if row.subbag != visible[start].subbag:
            break
        group.append(row)
    return group


def _short_name(nama: str) -> str:
    """The column is titled "Nama SOP": drop the leading "SOP " so narrow screens show more of the name."""
    return nama[4:] if nama[:4].casefold() == "sop " else nama
