"""The Daftar SOP as a PDF (fpdf2, the engine of the SOP documents): landscape A4, header on every page.

The table is drawn here rather than with ``FPDF.table``: that one measures every cell with a
dry-run ``multi_cell`` (≈45 ms a row), which makes the register of a large office take minutes.
Words are wrapped with the core font's metrics (``get_string_width``) and each row is kept
whole on one page. fpdf2's core Helvetica needs Latin-1; other characters are replaced by their
closest plain form (``–`` → ``-``) so any SOP name prints instead of failing.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import datetime, timezone

from fpdf import FPDF

from sopreview.register.layout import SAMPLE_NOTE, WIDTHS_MM, RegisterSheet

_FIXED = datetime(2020, 1, 1, tzinfo=timezone.utc)
_REPLACE = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
            "\u2026": "..."}
FONT = "Helvetica"
SIZE = 7.5
LINE_MM = 3.3
PAD_MM = 1.0
MARGIN_MM = 12.0
BOTTOM_MM = 14.0


def latin1(text: str) -> str:
    out = []
    for ch in text:
        ch = _REPLACE.get(ch, ch)
        try:
            ch.encode("latin-1")
        except UnicodeEncodeError:
            ch = unicodedata.normalize("NFKD", ch).encode("latin-1", "ignore").decode("latin-1") or "?"
        out.append(ch)
    return "".join(out)


class _Pdf(FPDF):
    def footer(self) -> None:
        self.set_y(-10)
        self.set_font(FONT, size=7)
        self.cell(0, 5, f"Halaman {self.page_no()}/{{nb}}", align="R")


def wrap(pdf: FPDF, text: str, width: float) -> list[str]:
    """Lines of ``text`` that fit ``width`` mm in the current font; a word too long is cut."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = f"{line} {word}" if line else word
            if pdf.get_string_width(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while pdf.get_string_width(word) > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and pdf.get_string_width(word[:cut]) > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class _Table:
    def __init__(self, pdf: FPDF, widths: Sequence[float], header: Sequence[str]) -> None:
        self.pdf, self.widths, self.header = pdf, widths, [latin1(h) for h in header]

    def _row(self, cells: Sequence[str], *, bold: bool = False, fill: bool = False) -> None:
        pdf = self.pdf
        pdf.set_font(FONT, style="B" if bold else "", size=SIZE)
        wrapped = [wrap(pdf, c, w - 2 * PAD_MM) for c, w in zip(cells, self.widths)]
        height = max(len(lines) for lines in wrapped) * LINE_MM + 2 * PAD_MM
        if pdf.get_y() + height > pdf.h - BOTTOM_MM and not bold:
            pdf.add_page()
            self.heading()
            pdf.set_font(FONT, size=SIZE)
        x, y = MARGIN_MM, pdf.get_y()
        for lines, width in zip(wrapped, self.widths):
            pdf.rect(x, y, width, height, style="DF" if fill else "D")
            for n, line in enumerate(lines):
                pdf.text(x + PAD_MM, y + PAD_MM + (n + 1) * LINE_MM - 0.8, line)
            x += width
        pdf.set_y(y + height)

    def heading(self) -> None:
        self.pdf.set_fill_color(230, 230, 230)
        self._row(self.header, bold=True, fill=True)

    def rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.heading()
        for row in rows:
            self._row([latin1(c) for c in row])


def render_pdf(sheet: RegisterSheet) -> bytes:
    pdf = _Pdf(orientation="L", unit="mm", format="A4")
    pdf.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(_FIXED)
    pdf.set_title(latin1(sheet.judul))
    pdf.set_author(latin1(sheet.instansi or "sopreview"))
    pdf.set_creator("sopreview")
    pdf.set_line_width(0.2)
    pdf.add_page()
    pdf.set_font(FONT, style="I", size=8)
    pdf.cell(0, 5, latin1(sheet.lampiran), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, style="B", size=11)
    pdf.multi_cell(0, 6, latin1(sheet.judul), align="C", new_x="LMARGIN", new_y="NEXT")
    if sheet.sampel:
        pdf.set_font(FONT, style="I", size=8)
        pdf.cell(0, 5, latin1(SAMPLE_NOTE), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    _Table(pdf, WIDTHS_MM, sheet.header).rows(sheet.rows)
    if pdf.get_y() + 8 > pdf.h - BOTTOM_MM:
        pdf.add_page()
    pdf.ln(2)
    pdf.set_font(FONT, size=8)
    pdf.cell(0, 5, latin1(sheet.ringkasan))
    return bytes(pdf.output())
