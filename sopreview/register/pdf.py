"""The Daftar SOP as a PDF (fpdf2, the engine of the SOP documents): landscape A4, header on every page.

fpdf2's core Helvetica needs Latin-1; characters outside it are replaced by their closest
plain form (``–`` → ``-``) so any SOP name prints instead of failing.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone

from fpdf import FPDF
from fpdf.fonts import FontFace

from sopreview.register.layout import SAMPLE_NOTE, WIDTHS_MM, RegisterSheet

_FIXED = datetime(2020, 1, 1, tzinfo=timezone.utc)
_REPLACE = {"\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
            "\u00b7": "\u00b7", "\u2026": "..."}


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
        self.set_font("Helvetica", size=7)
        self.cell(0, 5, f"Halaman {self.page_no()}/{{nb}}", align="R")


def render_pdf(sheet: RegisterSheet) -> bytes:
    pdf = _Pdf(orientation="L", unit="mm", format="A4")
    pdf.set_margins(12, 12, 12)
    pdf.set_auto_page_break(True, margin=14)
    pdf.set_creation_date(_FIXED)
    pdf.set_title(latin1(sheet.judul))
    pdf.set_author(latin1(sheet.instansi or "sopreview"))
    pdf.set_creator("sopreview")
    pdf.add_page()
    pdf.set_font("Helvetica", style="I", size=8)
    pdf.cell(0, 5, latin1(sheet.lampiran), align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", style="B", size=11)
    pdf.multi_cell(0, 6, latin1(sheet.judul), align="C", new_x="LMARGIN", new_y="NEXT")
    if sheet.sampel:
        pdf.set_font("Helvetica", style="I", size=8)
        pdf.cell(0, 5, latin1(SAMPLE_NOTE), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=7.5)
    head = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(col_widths=WIDTHS_MM, width=sum(WIDTHS_MM), headings_style=head, line_height=3.6,
                   repeat_headings=1, text_align="LEFT", padding=1) as table:
        table.row([latin1(h) for h in sheet.header])
        for row in sheet.rows:
            table.row([latin1(c) for c in row])
    pdf.ln(2)
    pdf.set_font("Helvetica", size=8)
    pdf.cell(0, 5, latin1(sheet.ringkasan))
    return bytes(pdf.output())
