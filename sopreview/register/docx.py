"""The Daftar SOP as a Word document: landscape A4, a real table whose header repeats per page."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from sopreview.minutes.docx_writer import BodyWriter, Run, clean, stable_zip
from sopreview.register.layout import SAMPLE_NOTE, WIDTHS_MM, RegisterSheet

_FIXED = datetime(2020, 1, 1)
"""Document dates are fixed so the same register always gives the same bytes."""


def render_docx(sheet: RegisterSheet) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin = section.right_margin = Mm(12)
    section.top_margin = section.bottom_margin = Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(9)
    props = doc.core_properties
    props.title = clean(sheet.judul)
    props.author = clean(sheet.instansi or "sopreview")
    props.comments = "Dibuat dengan sopreview"
    props.created = props.modified = props.last_printed = _FIXED
    props.revision = 1
    w = BodyWriter(doc)
    w.paragraph([Run(clean(sheet.lampiran), italic=True, size=8.5)], align="right")
    w.paragraph([Run(clean(sheet.judul), bold=True, size=11)], align="center", space_after=6)
    if sheet.sampel:
        w.paragraph([Run(SAMPLE_NOTE, italic=True, size=8.5)])
    rows = [list(sheet.header)] + [[clean(c) for c in row] for row in sheet.rows]
    w.table(rows, WIDTHS_MM, size=8.5)
    w.paragraph([Run(clean(sheet.ringkasan), size=9)])
    out = io.BytesIO()
    doc.save(out)
    return stable_zip(out.getvalue(), _FIXED)
