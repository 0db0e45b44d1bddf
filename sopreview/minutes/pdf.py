"""Notulen as PDF (fpdf2, core Helvetica): the same order as the Word file, drawn by fpdf2.

A4 with the minutes' margins (25 mm left, 20 mm elsewhere), page numbers in the footer,
tables with their header row repeated. Same session, same bytes: dates come from the meeting.
"""

from __future__ import annotations

from datetime import UTC

from fpdf import FPDF
from fpdf.fonts import FontFace

from sopreview.domain.sopdoc.metrics import printable
from sopreview.domain import dates
from sopreview.minutes.layout import TEXT_WIDTH_MM, NotulenLayout
from sopreview.minutes.model import Minutes

SIZES = {1: 14.0, 2: 12.0, 3: 11.5, 4: 11.0}
BODY = 10.5
LINE = 5.2


def text(value: str) -> str:
    """Each line made drawable by the core font; line breaks kept."""
    return "\n".join(printable(line) for line in (value or "").replace("\r\n", "\n").split("\n"))


class _Pdf(FPDF):
    halaman_notulen: int | None = None
    """The minutes' page count when other pages follow (the SOP appendix, with footers of its own):
    only the minutes' pages are numbered, out of the minutes' count."""

    def footer(self) -> None:
        last = self.halaman_notulen
        if last is not None and self.page_no() > last:
            return
        self.set_y(-12)
        self.set_font("helvetica", "", 8)
        self.cell(0, 5, f"Halaman {self.page_no()} dari {last or '{nb}'}", align="R")


class _NotulenPdf(NotulenLayout):
    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf

    def heading(self, value: str, level: int, page_break: bool = False) -> None:
        pdf = self.pdf
        if page_break:
            pdf.add_page()
        elif pdf.get_y() > pdf.h - 45:  # keep a heading with what follows
            pdf.add_page()
        else:
            pdf.ln(3 if level > 1 else 1)
        pdf.set_font("helvetica", "B", SIZES[level])
        pdf.multi_cell(0, SIZES[level] * 0.5, text(value), align="C" if level == 1 else "L",
                       new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)

    def para(self, value: str, label: str = "", bold_text: bool = False) -> None:
        pdf = self.pdf
        if label:
            pdf.set_font("helvetica", "B", BODY)
            pdf.write(LINE, text(label) + ": ")
        pdf.set_font("helvetica", "B" if bold_text else "", BODY)
        pdf.write(LINE, text(value))
        pdf.ln(LINE + 1.2)

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        pdf = self.pdf
        pdf.set_font("helvetica", "", 9)
        with pdf.table(col_widths=widths, width=sum(widths), align="L", line_height=4.4, repeat_headings=1,
                       headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                       text_align="LEFT") as t:
            for row in [header, *rows]:
                cells = t.row()
                for value in row:
                    cells.cell(text(value) or "-")
        pdf.ln(2)

    def info(self, rows: list[tuple[str, str]]) -> None:
        pdf = self.pdf
        pdf.set_font("helvetica", "", BODY)
        with pdf.table(col_widths=(35, 4, TEXT_WIDTH_MM - 39), width=TEXT_WIDTH_MM, align="L",
                       first_row_as_headings=False, borders_layout="NONE", line_height=LINE) as t:
            for label, value in rows:
                cells = t.row()
                for v in (label, ":", value or "-"):
                    cells.cell(text(v))
        pdf.ln(2)

    def kop(self, m: Minutes) -> None:
        pdf = self.pdf
        pdf.set_font("helvetica", "B", 14)
        pdf.multi_cell(0, 7, text(m.kop.instansi.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
        if m.kop.alamat:
            pdf.set_font("helvetica", "", 10)
            pdf.multi_cell(0, 5, text(m.kop.alamat), align="C", new_x="LMARGIN", new_y="NEXT")
        y = pdf.get_y() + 1.5
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, y + 1.0, pdf.w - pdf.r_margin, y + 1.0)
        pdf.set_y(y + 4)
        self.heading("NOTULEN RAPAT", 1)
        if m.catatan_sampel:
            pdf.set_font("helvetica", "I", 9)
            pdf.multi_cell(0, 4.5, text(m.catatan_sampel), border=1, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)

    def ttd(self, m: Minutes) -> None:
        pdf = self.pdf
        people = m.penandatangan
        if pdf.get_y() > pdf.h - 100:  # the signature block is never split over two pages
            pdf.add_page()
        pdf.ln(6)
        pdf.set_font("helvetica", "", BODY)
        if m.tempat_tanggal_ttd:
            pdf.cell(0, LINE, text(m.tempat_tanggal_ttd), align="R", new_x="LMARGIN", new_y="NEXT")
        width = TEXT_WIDTH_MM / max(1, len(people))
        lines: list[tuple[list[str], str]] = [([f"{x.peran}," for x in people], "")]
        if any(x.jabatan for x in people):
            lines.append(([x.jabatan for x in people], ""))
        lines.append((["" for _ in people], "gap"))
        lines.append(([x.nama for x in people], "BU"))
        if any(x.pangkat for x in people):
            lines.append(([x.pangkat for x in people], ""))
        if any(x.nip for x in people):
            lines.append(([f"NIP {x.nip}" if x.nip else "" for x in people], ""))
        for values, style in lines:
            if style == "gap":
                pdf.ln(20)
                continue
            top = pdf.get_y()
            bottom = top
            for k, value in enumerate(values):
                pdf.set_xy(pdf.l_margin + k * width, top)
                pdf.set_font("helvetica", style, BODY)
                pdf.multi_cell(width, LINE, text(value), align="C", new_x="LMARGIN", new_y="NEXT")
                bottom = max(bottom, pdf.get_y())
            pdf.set_y(bottom)


def build(m: Minutes, *, halaman_notulen: int | None = None) -> _Pdf:
    """The FPDF document with the minutes drawn (callers may append pages, then ``output()``).

    ``halaman_notulen``: the minutes' own page count, when other pages will follow them.
    """
    pdf = _Pdf(format="A4", unit="mm")
    pdf.halaman_notulen = halaman_notulen
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(dates.session_datetime(m.tanggal_iso).replace(tzinfo=UTC))
    pdf.set_title(text(f"Notulen Rapat - {m.judul}"))
    pdf.set_creator("sopreview")
    pdf.set_producer("sopreview")
    pdf.set_margins(25, 20, 20)
    pdf.set_auto_page_break(True, 20)
    pdf.add_page()
    _NotulenPdf(pdf).write(m)
    return pdf


def render(m: Minutes) -> bytes:
    return bytes(build(m).output())
