"""The version in force against the proposed one: a unified step diff or the two side by side.

Every change carries a text marker (+ TAMBAH, - HAPUS, ~ UBAH) as well as a colour, so it
still reads on a black-and-white projector. The diff itself comes from
:mod:`sopreview.domain.changes`, which the minutes use too.
"""

from __future__ import annotations

from types import EllipsisType

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from sopreview.domain.changes import HAPUS, SAMA, TAMBAH, UBAH, SopDiff, StepChange, diff_sop, summary_text
from sopreview.domain.model import Proposal, Step
from sopreview.ui.widgets.pointer import SOROT_CSS, line_of_style

SIDE_BY_SIDE_WIDTH = 120
"""From this width the two versions are shown side by side unless switched."""

MARKER_WORD = {TAMBAH: "+ TAMBAH", HAPUS: "- HAPUS", UBAH: "~ UBAH", SAMA: ""}


class ChangeView(VerticalScroll, can_focus=True):
    """What a perbaikan/perubahan changes, with an optional one-paragraph summary on top."""

    COMPONENT_CLASSES = {"changes--tambah", "changes--hapus", "changes--ubah", "changes--sama", "changes--judul",
                         "changes--sorot"}

    DEFAULT_CSS = """
    ChangeView { height: 1fr; padding: 0 1; }
    ChangeView > .changes--tambah { color: $text-success; text-style: bold; }
    ChangeView > .changes--hapus { color: $text-error; text-style: strike; }
    ChangeView > .changes--ubah { color: $text-warning; text-style: bold; }
    ChangeView > .changes--sama { color: $foreground; }
    ChangeView > .changes--judul { color: $text-accent; text-style: bold; }
    ChangeView #changes-summary { margin-bottom: 1; text-style: bold; }
    ChangeView > .changes--sorot { %s }
    """ % SOROT_CSS

    BINDINGS = [Binding("v", "toggle_mode", "Gabung/berdampingan")]

    berdampingan: reactive[bool | None] = reactive(None, init=False)
    """Side by side; None chooses by width."""

    def __init__(
        self,
        proposal: Proposal,
        *,
        show_summary: bool = False,
        berdampingan: bool | None = None,
        diff: SopDiff | None | EllipsisType = ...,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.proposal = proposal
        self.show_summary = show_summary
        self.set_reactive(ChangeView.berdampingan, berdampingan)
        # The app passes the session's diff (``Session.change_diff``: aligned once per session, not
        # on every opening); standalone uses (tests, the gallery) let the widget compute it.
        if isinstance(diff, EllipsisType):
            diff = diff_sop(proposal.sebelumnya, proposal.dokumen) if proposal.sebelumnya is not None else None
        self.diff: SopDiff | None = diff
        self._shown_mode: bool | None = None
        self._sorot: int | None = None

    def compose(self):  # type: ignore[no-untyped-def]
        if self.show_summary and self.diff is not None:  # a new SOP: the body alone says so, once
            yield Static(self.summary, id="changes-summary", markup=False)
        yield Static(id="changes-body")

    @property
    def summary(self) -> str:
        if self.diff is None:
            return "Usulan baru: tidak ada versi berlaku untuk dibandingkan."
        return "Ringkasan perubahan: " + summary_text(self.diff)

    def on_mount(self) -> None:
        self._render_body()

    def on_resize(self) -> None:
        self._render_body()

    def watch_berdampingan(self) -> None:
        self._render_body()

    def action_toggle_mode(self) -> None:
        self.berdampingan = not self._side_by_side

    @property
    def _side_by_side(self) -> bool:
        if self.berdampingan is not None:
            return self.berdampingan
        return self.size.width >= SIDE_BY_SIDE_WIDTH

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self.is_mounted:
            self._shown_mode = None
            self.call_later(self._render_body)

    def _render_body(self) -> None:
        mode = self._side_by_side
        if mode == self._shown_mode or not self.is_mounted:
            return
        self._shown_mode = mode
        self.query_one("#changes-body", Static).update(self.render_diff(mode))

    # -- the presenter cursor (issue 16) ------------------------------------------------

    def point_at(self, step: int | None) -> None:
        """Highlight the row of the proposed version's step ``step`` and scroll it into view."""
        if step == self._sorot:
            return
        self._sorot = step
        self._shown_mode = None  # stale: drawn now if shown, else when it is (scroll_to_pointer)
        if all(getattr(node, "display", True) for node in self.ancestors_with_self) and self.size.width:
            self._render_body()
            self.call_after_refresh(self.scroll_to_pointer)

    def _pointer_style(self, change: StepChange) -> Style | None:
        pointed = self._sorot is not None and change.baru is not None and change.baru.nomor == self._sorot
        return self._st("sorot") if pointed else None

    def scroll_to_pointer(self) -> None:
        if not self.is_mounted:
            return
        self._render_body()
        if self._sorot is None or self.diff is None:
            return
        body = self.query_one("#changes-body", Static)
        line = line_of_style(self.app.console, self.render_diff(self._side_by_side), body.content_region.width,
                             self._st("sorot"))
        if line is not None:
            self.scroll_to(y=max(0, body.virtual_region.y + line - 1), animate=False)

    # -- renderables ----------------------------------------------------------------------

    def _st(self, jenis: str) -> Style:
        return self.get_component_rich_style(f"changes--{jenis}", partial=True)

    def render_diff(self, side_by_side: bool) -> RenderableType:
        if self.diff is None:
            return Text("Usulan baru: tidak ada versi berlaku untuk dibandingkan.")
        diff = self.diff
        title = self._st("judul")
        parts: list[RenderableType] = []
        old, new = self.proposal.sebelumnya, self.proposal.dokumen
        assert old is not None
        heading = Text.assemble(
            ("Berlaku", title), f": revisi {old.revisi_ke}  →  ", ("Usulan", title), f": revisi {new.revisi_ke}"
        )
        parts.append(heading)
        parts.append(Text("Keterangan: + TAMBAH  - HAPUS  ~ UBAH", style="italic"))
        actors = self._actors(diff)
        if actors is not None:
            parts += [Text(""), actors]
        parts += [Text(""), Text("Langkah", style=title)]
        parts.append(self._side_table(diff) if side_by_side else self._unified_table(diff))
        if diff.identitas:
            parts += [Text(""), Text("Bagian identitas", style=title), self._identity_table(diff)]
        return Group(*parts)

    def _actors(self, diff: SopDiff) -> Text | None:
        items: list[tuple[str, Style]] = []
        for lama, baru in diff.pelaksana_diganti:
            items.append((f"~ '{lama}' diganti '{baru}'", self._st(UBAH)))
        for nama in diff.pelaksana_ditambah:
            items.append((f"+ '{nama}' ditambah", self._st(TAMBAH)))
        for nama in diff.pelaksana_dihapus:
            items.append((f"- '{nama}' dihapus", self._st(HAPUS)))
        if not items:
            return None
        text = Text()
        text.append("Pelaksana: ", style=self._st("judul"))
        for i, (item, style) in enumerate(items):
            text.append(("; " if i else "") + item, style)
        return text

    def _unified_table(self, diff: SopDiff) -> Table:
        table = Table(expand=True, show_edge=False, box=None, padding=(0, 1), header_style=self._st("judul"))
        table.add_column("", width=8, no_wrap=True)
        table.add_column("No", width=7, no_wrap=True)
        table.add_column("Kegiatan", ratio=3)
        table.add_column("Pelaksana", ratio=1)
        for change in diff.langkah:
            style = self._st(change.jenis)
            table.add_row(
                Text(MARKER_WORD[change.jenis], style),
                Text(_numbers(change), style),
                Text(change.step.kegiatan, style),
                Text(change.step.pelaksana, style),
                style=self._pointer_style(change),
            )
            for f in change.fields:
                if f.field == "kegiatan":  # the new wording is on the row above
                    detail = Text.assemble(("  semula: ", self._st(UBAH)), (f.lama, self._st(HAPUS)))
                else:
                    detail = Text.assemble(
                        ("  " + f.label + ": ", self._st(UBAH)),
                        (f.lama or "(kosong)", self._st(HAPUS)),
                        "  →  ",
                        (f.baru or "(kosong)", self._st(TAMBAH)),
                    )
                table.add_row("", "", detail, "")
        return table

    def _side_table(self, diff: SopDiff) -> Table:
        table = Table(expand=True, show_lines=True, padding=(0, 1), header_style=self._st("judul"))
        table.add_column("", width=8, no_wrap=True)
        table.add_column("Berlaku", ratio=1)
        table.add_column("Usulan", ratio=1)
        for change in diff.langkah:
            style = self._st(change.jenis)
            table.add_row(
                Text(MARKER_WORD[change.jenis], style),
                self._side_cell(change, change.lama, old=True),
                self._side_cell(change, change.baru, old=False),
                style=self._pointer_style(change),
            )
        return table

    def _side_cell(self, change: StepChange, step: Step | None, *, old: bool) -> Text:
        if step is None:
            return Text("")
        style = self._st(HAPUS if old and change.jenis != SAMA else change.jenis)
        if change.jenis == UBAH:
            style = self._st(UBAH)
        text = Text(f"{step.nomor}. {step.kegiatan}", style)
        text.append(f"\n   [{step.pelaksana}]")
        for f in change.fields:
            if f.field == "kegiatan":
                continue
            value = f.lama if old else f.baru
            text.append(f"\n   {f.label}: {value or '(kosong)'}", self._st(HAPUS if old else TAMBAH))
        return text

    def _identity_table(self, diff: SopDiff) -> Table:
        table = Table(expand=True, show_lines=True, padding=(0, 1), header_style=self._st("judul"))
        table.add_column("Bagian", ratio=1)
        table.add_column("Berlaku", ratio=2)
        table.add_column("Usulan", ratio=2)
        for f in diff.identitas:
            if f.ditambah or f.dihapus:
                gone = Text("\n".join(f"- {x}" for x in f.dihapus), self._st(HAPUS))
                came = Text("\n".join(f"+ {x}" for x in f.ditambah), self._st(TAMBAH))
                table.add_row(Text("~ " + f.label, self._st(UBAH)), gone, came)
            else:
                table.add_row(
                    Text("~ " + f.label, self._st(UBAH)),
                    Text(f.lama or "(kosong)", self._st(HAPUS)),
                    Text(f.baru or "(kosong)", self._st(TAMBAH)),
                )
        return table


def _numbers(change: StepChange) -> str:
    if change.lama is None:
        return f"→{change.baru.nomor}" if change.baru else ""
    if change.baru is None:
        return f"{change.lama.nomor}→"
    if change.lama.nomor == change.baru.nomor:
        return str(change.baru.nomor)
    return f"{change.lama.nomor}→{change.baru.nomor}"
