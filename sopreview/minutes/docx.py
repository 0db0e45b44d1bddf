"""Notulen as a Word document staff can edit: real headings, real tables, A4.

The same session must give the same bytes (the file is archived and compared), so the
core properties carry the meeting date instead of "now", and the saved zip is rewritten
with fixed entry timestamps in a stable order (``docx_writer.stable_zip``).
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from sopreview.domain import dates
from sopreview.minutes.docx_writer import BodyWriter, Run, clean, stable_zip
from sopreview.minutes.layout import TEXT_WIDTH_MM, NotulenLayout
from sopreview.minutes.model import Minutes

FONT = "Arial"
TABLE_SIZE = 10.0


def _styles(doc: DocxDocument) -> None:
    """Black Arial throughout, as tata naskah dinas documents look (not Word's blue headings)."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.paragraph_format.space_after = Pt(4)
    for level, size in ((1, 14), (2, 12), (3, 11.5), (4, 11)):
        style = doc.styles[f"Heading {level}"]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.bold, style.font.italic = True, False
        style.font.color.rgb = RGBColor(0, 0, 0)
        rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)
        style.paragraph_format.space_before = Pt(10 if level > 1 else 6)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True


def _page(doc: DocxDocument) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(25), Mm(20)


def _properties(doc: DocxDocument, m: Minutes) -> None:
    """Metadata from the session, never from the clock."""
    start = dates.session_datetime(m.tanggal_iso)
    props = doc.core_properties
    props.title = clean(f"Notulen Rapat \u2013 {m.judul}")
    props.subject = clean(m.judul)
    props.author = clean(m.notulis or m.kop.instansi)
    props.last_modified_by = clean(m.notulis or m.kop.instansi)
    props.comments = "Dibuat dengan sopreview"
    props.category = "Notulen Rapat"
    props.keywords = "notulen, SOP"
    props.revision = 1
    props.created = props.modified = props.last_printed = start


def _drop_thumbnail(doc: DocxDocument) -> None:
    """The template's thumbnail shows python-docx's empty page, not these minutes."""
    rels = doc.part.package.rels
    for rid in [rid for rid, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        rels.pop(rid)


class _Notulen(NotulenLayout):
    """Lays the Minutes out in notulen order: kop, header, kegiatan rapat, keputusan, ttd, lampiran."""

    def __init__(self, doc: DocxDocument) -> None:
        self.w = BodyWriter(doc)

    def heading(self, text: str, level: int, page_break: bool = False) -> None:
        self.w.paragraph([Run(text)], style=f"Heading {level}", page_break=page_break)

    def para(self, text: str, label: str = "", bold_text: bool = False) -> None:
        runs = [Run(f"{label}: ", bold=True)] if label else []
        self.w.paragraph([*runs, Run(text, bold=bold_text)])

    def table(self, header: list[str], rows: list[list[str]], widths: list[float]) -> None:
        self.w.table([header, *rows], widths, size=TABLE_SIZE)
        self.w.paragraph([])

    def info(self, rows: list[tuple[str, str]]) -> None:
        """``Label : value`` lines as a borderless table, as the notulen header is laid out."""
        self.w.table([[k, ":", v or "\u2013"] for k, v in rows], [35, 4, TEXT_WIDTH_MM - 39],
                     grid=False, header=False)
        self.w.paragraph([])

    def kop(self, m: Minutes) -> None:
        runs = [Run(m.kop.instansi.upper(), bold=True, size=14)]
        if m.kop.alamat:
            runs.append(Run("\n" + m.kop.alamat, size=10))
        self.w.paragraph(runs, align="center", border_bottom=True)
        self.w.paragraph([Run("NOTULEN RAPAT")], style="Heading 1", align="center")
        if m.catatan_sampel:
            self.w.paragraph([Run(m.catatan_sampel, italic=True)])

    def ttd(self, m: Minutes) -> None:
        """Signatures side by side, one row per line so the names line up; never split over pages."""
        self.w.paragraph([], keep_next=True)
        if m.tempat_tanggal_ttd:
            self.w.paragraph([Run(m.tempat_tanggal_ttd)], align="right", keep_next=True)
        people = m.penandatangan
        lines: list[list[Run]] = [[Run(f"{x.peran},") for x in people]]
        if any(x.jabatan for x in people):
            lines.append([Run(x.jabatan) for x in people])
        lines.append([Run("\n\n\n") for _ in people])
        lines.append([Run(x.nama or " " * 30, bold=True, underline=True) for x in people])
        if any(x.pangkat for x in people):
            lines.append([Run(x.pangkat) for x in people])
        if any(x.nip for x in people):
            lines.append([Run(f"NIP {x.nip}" if x.nip else "") for x in people])
        width = TEXT_WIDTH_MM / max(1, len(people))
        self.w.table([[[run] for run in line] for line in lines], [width] * len(people),
                     grid=False, header=False, align="center", keep_together=True)


def build(m: Minutes) -> DocxDocument:
    """The python-docx document (tests read it directly)."""
    doc = Document()
    _page(doc)
    _styles(doc)
    _drop_thumbnail(doc)
    _properties(doc, m)
    _Notulen(doc).write(m)
    return doc


def render(m: Minutes) -> bytes:
    buffer = io.BytesIO()
    build(m).save(buffer)
    return stable_zip(buffer.getvalue(), dates.session_datetime(m.tanggal_iso))
