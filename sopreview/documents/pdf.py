"""Pages to PDF with fpdf2 (pure Python, core Helvetica: no font files, no system libraries).

The output is byte-identical on re-run: the creation date is fixed and the file id is derived
from the content.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from fpdf import FPDF

from sopreview.domain.sopdoc.geometry import Image, Page, Path, Rect, Shape, Text
from sopreview.domain.sopdoc.metrics import text_width

FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    return int(hex_colour[0:2], 16), int(hex_colour[2:4], 16), int(hex_colour[4:6], 16)


def render_pdf(pages: Sequence[Page], *, judul: str = "", dibuat: datetime | None = None) -> bytes:
    """The pages as one PDF; ``dibuat`` (default a fixed date) is the document's creation date."""
    pdf = FPDF(unit="mm")
    pdf.set_creation_date(dibuat or FIXED_DATE)
    pdf.set_title(judul)
    pdf.set_creator("sopreview")
    pdf.set_producer("sopreview")
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_margin(0)
    draw_pages(pdf, pages)
    return bytes(pdf.output())


def draw_pages(pdf: FPDF, pages: Sequence[Page]) -> None:
    """Add ``pages`` to ``pdf`` (also after other content: the minutes' SOP appendix)."""
    pdf.set_auto_page_break(False)
    pen = _Pen(pdf)
    for page in pages:
        pdf.add_page(format=(page.kertas.lebar, page.kertas.tinggi))
        pen.reset()
        for item in page.items:
            pen.draw(item)


class _Pen:
    """Draws items, setting colours, widths and fonts only when they change (fpdf2 state calls are slow)."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.reset()

    def reset(self) -> None:
        self.state: dict[str, object] = {}

    def _set(self, key: str, value: object, apply: Callable[[], None]) -> None:
        if self.state.get(key) != value:
            apply()
            self.state[key] = value

    def stroke(self, colour: str, width: float) -> None:
        self._set("draw", colour, lambda: self.pdf.set_draw_color(*_rgb(colour)))
        self._set("width", width, lambda: self.pdf.set_line_width(width))

    def fill(self, colour: str) -> None:
        self._set("fill", colour, lambda: self.pdf.set_fill_color(*_rgb(colour)))

    def draw(self, item: object) -> None:
        pdf = self.pdf
        if isinstance(item, Rect):
            style = ("F" if item.fill else "") + ("D" if item.stroke else "")
            if item.fill:
                self.fill(item.fill)
            if item.stroke:
                self.stroke(item.stroke, item.tebal)
            if style:
                pdf.rect(item.x, item.y, item.w, item.h, style="DF" if style == "FD" else style)
        elif isinstance(item, Shape):
            self.stroke("000000", 0.3)
            self.fill("ffffff")
            pdf.polygon(list(item.outline()), style="DF")
        elif isinstance(item, Path):
            self.stroke("000000", item.tebal)
            pdf.polyline(list(item.points))
            if item.panah:
                self.fill("000000")
                pdf.polygon(list(item.arrowhead()), style="F")
        elif isinstance(item, Text):
            style = "B" if item.bold else ""
            self._set("font", (style, item.size), lambda: pdf.set_font("helvetica", style, item.size))
            self._set("text", item.warna, lambda: pdf.set_text_color(*_rgb(item.warna)))
            # The layout's own Helvetica metrics: the same widths fpdf2 would compute, without its text shaping.
            width = text_width(item.teks, item.size, item.bold)
            x = item.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0)
            pdf.text(x, item.y, item.teks)
        elif isinstance(item, Image):
            pdf.image(item.path, item.x, item.y, item.w, item.h, keep_aspect_ratio=True)
