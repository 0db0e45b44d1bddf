"""SOP documents and the attendance sheet as editable Word files (python-docx).

The identity block and the step list are real Word tables a secretariat can edit; each
flowchart page is a picture drawn from the shared layout (Word has no swimlane arrows). The
RANCANGAN mark sits in the page header and the meeting's decision in the page footer, so both
repeat on every page. Bytes are stable: fixed core properties and zip timestamps.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from sopreview.documents.picture import render_png
from sopreview.domain.model import SopDocument
from sopreview.domain.sopdoc.document import STAMP, SopPrint
from sopreview.domain.sopdoc.geometry import Paper
from sopreview.domain.sopdoc.identity import MARK_FILL, PAIRS, Kop, identity_rows, signer_lines
from sopreview.minutes.docx_writer import clean, stable_zip

FIXED = datetime(2000, 1, 1)
MARGIN = 10


@dataclass(frozen=True)
class DocxSop:
    """One SOP for the Word renderer: its content, its laid-out pages, and the kop."""

    doc: SopDocument
    printed: SopPrint
    kop: Kop


def new_document(kertas: Paper) -> DocxDocument:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if kertas.lebar > kertas.tinggi else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(kertas.lebar), Mm(kertas.tinggi)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN))
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(9)
    props = document.core_properties
    props.created = props.modified = FIXED
    props.last_modified_by = props.author = "sopreview"
    props.revision = 1
    return document


def set_header_footer(section: object, *, rancangan: bool, footer: str) -> None:
    """This section's own header (the RANCANGAN mark) and footer (the decision): every page shows them."""
    header, foot = section.header, section.footer  # type: ignore[attr-defined]
    header.is_linked_to_previous = False
    foot.is_linked_to_previous = False
    if rancangan:
        p = header.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        run = p.add_run(STAMP)
        run.bold = True
        run.font.size = Pt(12)
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    if footer:
        foot.paragraphs[0].add_run(clean(footer)).font.size = Pt(8)


def sop_section(document: DocxDocument, item: DocxSop, kertas: Paper, *, new: bool) -> None:
    """The SOP in a section of its own (landscape, its header and footer), after a page break when ``new``."""
    if new:
        from docx.enum.section import WD_SECTION

        section = document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = WD_ORIENT.LANDSCAPE if kertas.lebar > kertas.tinggi else WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(kertas.lebar), Mm(kertas.tinggi)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(MARGIN))
    set_header_footer(document.sections[-1], rancangan=item.printed.status.rancangan,
                      footer=item.printed.status.keputusan)
    add_sop(document, item, kertas)


def save(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return stable_zip(out.getvalue(), FIXED)


def _shade(cell: object, fill: str) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row: object) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _write(cell: object, text: str, *, bold: bool = False, size: float | None = None) -> None:
    p = cell.paragraphs[0]  # type: ignore[attr-defined]
    lines = clean(text).split("\n")
    for k, line in enumerate(lines):
        run = p.add_run(line)
        run.bold = bold
        if size:
            run.font.size = Pt(size)
        if k < len(lines) - 1:
            run.add_break(WD_BREAK.LINE)


def table(document: DocxDocument, header: Sequence[str], rows: Sequence[Sequence[str]],
          widths: Sequence[float], *, size: float = 8) -> object:
    """A bordered Word table whose header row repeats on every page."""
    t = document.add_table(rows=1 + len(rows), cols=len(header))
    t.style = document.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cells in (r.cells for r in t.rows):
        for cell, w in zip(cells, widths, strict=True):
            cell.width = Mm(w)
    for cell, text in zip(t.rows[0].cells, header, strict=True):
        _write(cell, text, bold=True, size=size)
        _shade(cell, "E6E6E6")
    _repeat_header(t.rows[0])
    for row, values in zip(t.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, values, strict=True):
            _write(cell, text, size=size)
    return t


def add_sop(document: DocxDocument, item: DocxSop, kertas: Paper) -> None:
    """Identity table, flowchart pictures, then the step table."""
    doc, printed = item.doc, item.printed
    width = kertas.lebar - 2 * MARGIN
    heading = document.add_paragraph()
    heading.add_run(clean(printed.pages[0].judul)).bold = True
    if printed.status.rancangan:
        run = heading.add_run(f"    [{STAMP}]")
        run.bold = True
        run.font.color.rgb = RGBColor(0xC0, 0, 0)
    rows = identity_rows(doc)
    jabatan, nama, nip = signer_lines(doc)
    right = [(field, label, value) for field, label, value in rows]
    right.append(("disahkan_oleh", "DISAHKAN OLEH", "\n".join([jabatan, "", "", "", nama or "(nama)", nip])))
    right.append(("nama", "NAMA SOP", doc.nama))
    t = document.add_table(rows=len(right), cols=3)
    t.style = document.styles["Table Grid"]
    left_w, label_w = width * 0.42, 42.0
    for r, (field, label, value) in enumerate(right):
        cells = t.rows[r].cells
        for cell, w in zip(cells, (left_w, label_w, width - left_w - label_w), strict=True):
            cell.width = Mm(w)
        _write(cells[1], label, bold=True)
        _shade(cells[1], "F2F2F2")
        _write(cells[2], value, bold=label == "NAMA SOP")
        if printed.perubahan is not None and field in printed.perubahan.identitas:
            _shade(cells[2], MARK_FILL)
    kop = t.cell(0, 0).merge(t.cell(len(right) - 1, 0))
    p = kop.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if item.kop.logo:
        try:
            p.add_run().add_picture(item.kop.logo, height=Mm(20))
            p = kop.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        except Exception:  # noqa: BLE001 - python-docx raises several types for bad images; the loader reported it
            pass
    run = p.add_run(clean(item.kop.instansi.upper()))
    run.bold = True
    run.font.size = Pt(13)
    if item.kop.unit:
        unit = kop.add_paragraph()
        unit.alignment = WD_ALIGN_PARAGRAPH.CENTER
        unit.add_run(clean(item.kop.unit.upper())).bold = True
    pairs = document.add_table(rows=2 * len(PAIRS), cols=2)
    pairs.style = document.styles["Table Grid"]
    for k, ((lf, ll), (rf, rl)) in enumerate(PAIRS):
        for c, (field, label) in enumerate(((lf, ll), (rf, rl))):
            head, body = pairs.cell(2 * k, c), pairs.cell(2 * k + 1, c)
            head.width = body.width = Mm(width / 2)
            _write(head, label + ":", bold=True)
            _shade(head, "F2F2F2")
            entries = list(getattr(doc, field)) or ["-"]
            numbered = len(entries) > 1
            _write(body, "\n".join(f"{n}. {e}" if numbered else e for n, e in enumerate(entries, start=1)))
    for page in printed.pages:
        if page.bagian != "flowchart":
            continue
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        pic = document.add_paragraph()
        pic.add_run().add_picture(io.BytesIO(render_png(page)), width=Mm(width))
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    document.add_paragraph().add_run(f"Rincian langkah: {clean(doc.nama)}").bold = True
    step_rows = []
    for s in doc.langkah:
        kegiatan = s.kegiatan
        if s.keputusan:
            kegiatan += " (" + "; ".join(f"{a} → {t}" for a, t in s.keputusan) + ")"
        elif s.lanjut is not None:
            kegiatan += f" (lanjut ke {s.lanjut})"
        step_rows.append([str(s.nomor), kegiatan, s.pelaksana, s.kelengkapan, s.waktu, s.output, s.keterangan])
    fixed = [10, 0, 40, 35, 20, 30, 30]
    fixed[1] = width - sum(fixed)
    steps = table(document, ["NO", "KEGIATAN", "PELAKSANA", "KELENGKAPAN", "WAKTU", "OUTPUT", "KETERANGAN"],
                  step_rows, fixed)
    marks = printed.perubahan
    if marks is not None:
        for s, row in zip(doc.langkah, steps.rows[1:], strict=True):  # type: ignore[attr-defined]
            if s.nomor in marks.langkah:
                for cell in row.cells[:2]:
                    _shade(cell, MARK_FILL)
        for note in (*marks.catatan, marks.penjelasan):
            document.add_paragraph(clean(note))


def render_sop_docx(items: Sequence[DocxSop], kertas: Paper, *, toc: Sequence[Sequence[str]] | None = None,
                    judul: str = "") -> bytes:
    """One or more SOPs in one Word file; ``toc`` rows (No, Nama, Nomor, Unit, Status) make a bundle."""
    document = new_document(kertas)
    new = False
    if toc is not None:
        document.add_paragraph().add_run("DAFTAR ISI").bold = True
        if judul:
            document.add_paragraph(clean(judul))
        width = kertas.lebar - 2 * MARGIN
        table(document, ["No", "Nama SOP", "Nomor SOP", "Unit / Sub Bagian", "Status"], toc,
              [12, width * 0.4, width * 0.2, width * 0.2, width * 0.2 - 12])
        new = True
    for item in items:
        sop_section(document, item, kertas, new=new)
        new = True
    return save(document)
