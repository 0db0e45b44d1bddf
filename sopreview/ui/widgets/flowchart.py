"""The swimlane flowchart as a scrollable Line-API widget.

The picture comes from :func:`sopreview.domain.flowchart.layout.layout_flowchart` (pure); this widget
only lays it out again when its width changes, keeps the lane titles pinned while the body
scrolls, and colours each cell by its role through component classes, so a theme (such as
the projector's) restyles it without code.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from sopreview.domain.flowchart.draw import wrap
from sopreview.domain.flowchart.layout import ROLE_NAMES, FlowGrid, layout_flowchart, mutu_fits
from sopreview.domain.model import SopDocument
from sopreview.domain.vocab import PROJECTOR_ZOOM_STEPS

ZOOMS: tuple[float, ...] = (1.0, 1.5, 2.0, 3.0)
assert len(ZOOMS) == PROJECTOR_ZOOM_STEPS
"""Zoom steps as multiples of the screen's width: wider lanes, fewer lines per box; the room's
view scrolls sideways to the presenter cursor's step."""


class FlowchartView(ScrollView, can_focus=True):
    """Bagian Flowchart of one SOP: lanes per pelaksana, rows per step."""

    COMPONENT_CLASSES = {f"flowchart--{name}" for name in ROLE_NAMES.values()} | {"flowchart--sorot"}

    DEFAULT_CSS = """
    FlowchartView {
        height: 1fr;
        background: $surface;
        scrollbar-size-vertical: 1;
    }
    FlowchartView:focus { background-tint: $foreground 3%; }
    FlowchartView > .flowchart--kosong { color: $foreground; }
    FlowchartView > .flowchart--garis { color: $foreground; }
    FlowchartView > .flowchart--panah { color: $text-accent; text-style: bold; }
    FlowchartView > .flowchart--label { color: $text-secondary; text-style: bold; }
    FlowchartView > .flowchart--terminator { color: $text-success; text-style: bold; }
    FlowchartView > .flowchart--proses { color: $text-primary; text-style: bold; }
    FlowchartView > .flowchart--keputusan { color: $text-warning; text-style: bold; }
    FlowchartView > .flowchart--penghubung { color: $text-secondary; text-style: bold; }
    FlowchartView > .flowchart--teks { color: $foreground; }
    FlowchartView > .flowchart--nomor { color: $text-accent; text-style: bold; }
    FlowchartView > .flowchart--judul { color: $text-accent; text-style: bold; }
    FlowchartView > .flowchart--mutu { color: $foreground; }
    FlowchartView > .flowchart--lajur { color: $foreground 35%; }
    FlowchartView > .flowchart--halaman { color: $text-secondary; }
    FlowchartView > .flowchart--legenda { color: $foreground; text-style: italic; }
    FlowchartView > .flowchart--sorot { color: $background; background: $text-accent; text-style: bold; }
    """

    BINDINGS = [
        Binding("m", "toggle_mutu", "Mutu baku", tooltip="Tampilkan/sembunyikan kolom Kelengkapan, Waktu, Output"),
    ]

    mutu: reactive[bool | None] = reactive(None, init=False)
    """Show the Mutu Baku columns; None chooses by width."""

    zoom: reactive[int] = reactive(0, init=False)
    """How far the chart is zoomed in: a step of ZOOMS (0: it fits the width)."""

    sorot: reactive[int | None] = reactive(None, init=False)
    """The presenter cursor: this step's rows are highlighted and scrolled into view."""

    def __init__(
        self,
        dokumen: SopDocument,
        *,
        mutu: bool | None = None,
        halaman: int | None = None,
        fit: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.dokumen = dokumen
        self.halaman = halaman
        self.tandai: frozenset[int] = frozenset()
        """Steps amended in the meeting, marked on the chart (issue 15)."""
        self.fit = fit
        """The room's chart: wrapped at spaces only, lanes as wide as their words (layout ``fit``)."""
        self.set_reactive(FlowchartView.mutu, mutu)
        self._grid: FlowGrid | None = None
        self._grid_key: tuple[int, bool] | None = None
        self._key_lines: tuple[str, ...] = ()
        self._strips: dict[tuple[bool, int], Strip] = {}
        self._styles: dict[str, Style] = {}
        self._sized_for: tuple[object, ...] | None = None

    # -- layout ---------------------------------------------------------------------------

    @property
    def grid(self) -> FlowGrid:
        """The current drawing (laid out for the current width)."""
        return self._layout_for(self.size.width)

    def _layout_for(self, outer_width: int) -> FlowGrid:
        """The drawing for a widget ``outer_width`` columns wide (kept until the width changes)."""
        width = max(20, outer_width - self.styles.scrollbar_size_vertical)
        width = int(width * ZOOMS[max(0, min(self.zoom, len(ZOOMS) - 1))])
        show_mutu = self.mutu if self.mutu is not None else mutu_fits(self.dokumen, width)
        key = (width, show_mutu)
        if self._grid is None or key != self._grid_key:
            self._grid = layout_flowchart(self.dokumen, width, mutu=show_mutu, halaman=self.halaman, fit=self.fit,
                                          tandai=self.tandai)
            self._grid_key = key
            self._strips.clear()
            self._key_lines = self._abbreviations(self._grid, max(20, outer_width - self.styles.scrollbar_size_vertical))
            self.virtual_size = Size(self._grid.lebar,
                                     len(self._grid.header) + len(self._grid.lines) + len(self._key_lines))
        return self._grid

    def _expected_size(self) -> Size:
        """At most the size this widget will be given: the nearest laid-out ancestor's less the
        borders, padding and margins in between; zero when no ancestor has been laid out yet."""
        gutter = self.styles.gutter + self.styles.margin
        width, height = -gutter.width, -gutter.height
        for node in self.ancestors_with_self[1:]:
            if not isinstance(node, Widget):
                break
            if node.size:
                region = node.scrollable_content_region
                return Size(max(0, width + region.width), max(0, height + region.height))
            gutter = node.styles.gutter + node.styles.margin
            width, height = width - gutter.width, height - gutter.height
        return Size(0, 0)

    def on_mount(self) -> None:
        """Lay the chart out for the size it is about to get, and show the scrollbar when it
        will surely scroll, so the screen's first layout is already right: found only at the
        first paint, they cost the screen two more layouts and redraws (the tab switch to the
        chart, issue 17). Textual still corrects both if the guess is wrong."""
        expected = self._expected_size()
        if expected.width:
            self._layout_for(expected.width)
            if self.styles.overflow_y == "auto" and self.virtual_size.height > expected.height:
                self.show_vertical_scrollbar = True
                self.vertical_scrollbar.display = True
                self.app.stylesheet.apply(self.vertical_scrollbar)  # else styled at the first focus, with a layout
        # (ScrollView.on_mount runs after this by itself: Textual calls each class's handler.)

    def _abbreviations(self, grid: FlowGrid, width: int) -> tuple[str, ...]:
        """The room's chart keeps the key to abbreviated lane titles pinned under it, so an
        abbreviation is never on screen without its legend (the full legend still ends the chart)."""
        parts = [f"{lane.singkat} = {lane.nama}" for lane in grid.lanes if lane.singkat != lane.nama]
        return tuple(wrap("Pelaksana: " + "; ".join(parts), width)) if self.fit and parts else ()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        """Textual's ScrollView re-sizes and redraws its scrollbar at every layout of the screen,
        changed or not, and that redraw costs the screen one more frame after each layout (a
        tab switch lays out twice); skipped when nothing it reads has changed since it last ran."""
        styles = self.styles
        key = (size, self.virtual_size, container_size, styles.gutter.totals, styles.overflow_x, styles.overflow_y,
               self.show_vertical_scrollbar, self.show_horizontal_scrollbar)
        if key == self._sized_for:
            return self._container_size != container_size  # what Textual returns for an unchanged size
        self._sized_for = key
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self) -> None:
        """Lay out again only for a new width (a chart laid out when mounted keeps its drawing)."""
        key = self._grid_key
        _ = self.grid
        if self._grid_key != key:
            self.refresh()
        if self.sorot is not None:
            self.call_after_refresh(self.scroll_to_pointer)  # laid out only now: the step can be found

    def show(self, dokumen: SopDocument, tandai: frozenset[int] = frozenset()) -> None:
        """Draw another version (the amended one) at once; nothing is redrawn when it is the same."""
        if dokumen == self.dokumen and tandai == self.tandai:
            return
        self.dokumen, self.tandai = dokumen, tandai
        self._grid = None
        if self.is_mounted:
            _ = self.grid
            self.refresh()

    def watch_mutu(self) -> None:
        self._grid = None
        _ = self.grid
        self.refresh()

    def watch_zoom(self) -> None:
        self._grid = None
        _ = self.grid
        self.refresh()
        self.call_after_refresh(self.scroll_to_pointer)

    def watch_sorot(self, old: int | None, new: int | None) -> None:
        """Redraw only the rows of the step that lost the highlight and the one that got it
        (a follower repaints on every move: the rest of the chart is cached)."""
        for step in (old, new):
            for row in self._box_rows(step):
                self._strips.pop((False, row), None)
        self.refresh()
        self.call_after_refresh(self.scroll_to_pointer)

    def _box_rows(self, step: int | None) -> range:
        if step is None or self._grid is None:
            return range(0)
        try:
            box = self._grid.box(step)
        except KeyError:
            return range(0)
        return range(box.y, box.y + box.tinggi)

    def pointer_rows(self) -> range:
        """Body rows of the pointed step's box (empty when none or not drawn)."""
        _ = self.grid
        return self._box_rows(self.sorot)

    def scroll_to_pointer(self) -> None:
        """Bring the pointed step into view with a row of context above it (and, on a chart
        wider than the screen, its lane beside its step number's column)."""
        rows = self.pointer_rows()
        if not rows:
            return
        visible = max(1, self.scrollable_content_region.height - len(self.grid.header) - len(self._key_lines))
        top = self.scroll_offset.y
        if rows.start < top or rows.stop > top + visible:
            self.scroll_to(y=max(0, rows.start - 1), animate=False)
        box = self.grid.box(self.sorot) if self.sorot is not None else None
        width = self.scrollable_content_region.width
        left = self.scroll_offset.x
        if box is not None and self.grid.lebar > width and (box.x < left or box.kanan >= left + width):
            self.scroll_to(x=max(0, box.x - 2), animate=False)

    def action_toggle_mutu(self) -> None:
        current = self.mutu if self.mutu is not None else bool(self._grid_key and self._grid_key[1])
        self.mutu = not current

    def notify_style_update(self) -> None:
        self._styles.clear()
        self._strips.clear()
        super().notify_style_update()

    # -- rendering ------------------------------------------------------------------------

    @property
    def _base(self) -> Style:
        """The widget's own style, once per style change (render_line runs for every row)."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def _style(self, role: str) -> Style:
        style = self._styles.get(role)
        if style is None:
            style = self._base + self.get_component_rich_style(f"flowchart--{role}", partial=True)
            self._styles[role] = style
        return style

    def _strip(self, header: bool, y: int) -> Strip:
        key = (header, y)
        strip = self._strips.get(key)
        if strip is None:
            grid = self.grid
            if not header and y in self.pointer_rows():
                style = self._style("sorot")
                segments = [Segment(text, style) for text, _role in grid.runs(y)]
            else:
                segments = [Segment(text, self._style(role)) for text, role in grid.runs(y, header=header)]
            strip = Strip(segments, grid.lebar)
            self._strips[key] = strip
        return strip

    def render_line(self, y: int) -> Strip:
        grid = self.grid
        width = self.scrollable_content_region.width
        scroll_x, scroll_y = self.scroll_offset
        header_h = len(grid.header)
        key_top = self.scrollable_content_region.height - len(self._key_lines)
        if self._key_lines and key_top <= y < key_top + len(self._key_lines):
            line = self._key_lines[y - key_top]
            return Strip([Segment(line, self._style("legenda"))], len(line)).crop_extend(0, width, self._base)
        if y < header_h:
            strip = self._strip(True, y)
        else:
            row = scroll_y + y - header_h
            if row >= len(grid.lines):
                return Strip.blank(width, self._base)
            strip = self._strip(False, row)
        return strip.crop_extend(scroll_x, scroll_x + width, self._base)
