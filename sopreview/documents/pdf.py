"""Pages to PDF with fpdf2 (pure Python, core Helvetica: no font files, no system libraries).

The output is byte-identical on re-run: the creation date is fixed and the file id is derived
from the content.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from fpdf import FPDF

from sopreview.domain.sopdoc.geometry import Image, Page, Path, Rect, Shape, Text

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
    for page in pages:
        pdf.add_page(format=(page.kertas.lebar, page.kertas.tinggi))
        for item in page.items:
            _draw(pdf, item)


def _draw(pdf: FPDF, item: object) -> None:
    if isinstance(item, Rect):
        style = ""
        if item.fill:
            pdf.set_fill_color(*_rgb(item.fill))
            style += "F"
        if item.stroke:
            pdf.set_draw_color(*_rgb(item.stroke))
            pdf.set_line_width(item.tebal)
            style += "D"
        if style:
            pdf.rect(item.x, item.y, item.w, item.h, style="DF" if style == "FD" else style)
    elif isinstance(item, Shape):
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.3)
        pdf.set_fill_color(255, 255, 255)
        pdf.polygon(list(item.outline()), style="DF")
    elif isinstance(item, Path):
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(item.tebal)
        pdf.polyline(list(item.points))
        if item.panah:
            pdf.set_fill_color(0, 0, 0)
            pdf.polygon(list(item.arrowhead()), style="F")
    elif isinstance(item, Text):
        pdf.set_font("helvetica", "B" if item.bold else "", item.size)
        pdf.set_text_color(*_rgb(item.warna))
        width = pdf.get_string_width(item.teks)
        x = item.x - (width / 2 if item.anchor == "middle" else width if item.anchor == "end" else 0)
        pdf.text(x, item.y, item.teks)
    elif isinstance(item, Image):
        pdf.image(item.path, item.x, item.y, item.w, item.h, keep_aspect_ratio=True)
