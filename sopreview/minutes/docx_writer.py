"""Append paragraphs and tables to a python-docx document in constant time each.

python-docx's ``add_paragraph``/``add_table``/``run.bold`` look up where a child belongs by
searching the parent's children on every call, which is quadratic for a long body (a
1,000-proposal notulen took 9 s). This writer inserts just before the body's remembered
``w:sectPr`` and builds runs child by child in schema order: the same WordprocessingML,
still opened and edited as an ordinary Word document.

It also rewrites the saved zip with fixed timestamps, so the same minutes give the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.oxml.text.paragraph import CT_P
from docx.shared import Mm
from lxml.etree import SubElement

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ZIP_EPOCH = datetime(1980, 1, 1)
_ALIGN = {"left": "left", "center": "center", "right": "right"}


def clean(text: object) -> str:
    """Text Word can store: control characters other than tab and newline are dropped."""
    return _XML_INVALID.sub("", str(text))


@dataclass(frozen=True)
class Run:
    """A stretch of text with one formatting (size in points; None keeps the style's)."""

    text: str
    bold: bool = False
    italic: bool = False
    underline: bool = False
    size: float | None = None


Cell = str | Sequence[Run]


def _el(tag: str, **attrs: str) -> object:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _w(name: str) -> str:
    return qn(f"w:{name}")


_R, _RPR, _B, _I, _SZ, _SZCS, _U, _T, _BR, _TAB, _VAL = (
    _w(n) for n in ("r", "rPr", "b", "i", "sz", "szCs", "u", "t", "br", "tab", "val"))
_SPACE = qn("xml:space")


def _text(r: object, text: str) -> None:
    """``w:t`` pieces with ``w:br`` for newlines and ``w:tab`` for tabs (what ``run.text =`` makes)."""
    for n, line in enumerate(clean(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if n:
            SubElement(r, _BR)
        for k, part in enumerate(line.split("\t")):
            if k:
                SubElement(r, _TAB)
            if part:
                t = SubElement(r, _T)
                t.text = part
                if part != part.strip():
                    t.set(_SPACE, "preserve")


def add_runs(p: CT_P, runs: Sequence[Run]) -> None:
    """Runs with their properties in schema order (b, i, sz, szCs, u).

    Built with ``SubElement`` (constant time, inherits the paragraph's namespaces) because
    python-docx's per-property setters search the children for every insertion.
    """
    for run in runs:
        r = SubElement(p, _R)
        if run.bold or run.italic or run.size or run.underline:
            rpr = SubElement(r, _RPR)
            if run.bold:
                SubElement(rpr, _B)
            if run.italic:
                SubElement(rpr, _I)
            if run.size:
                half_points = str(round(run.size * 2))
                SubElement(rpr, _SZ).set(_VAL, half_points)
                SubElement(rpr, _SZCS).set(_VAL, half_points)
            if run.underline:
                SubElement(rpr, _U).set(_VAL, "single")
        _text(r, run.text)


class BodyWriter:
    """Writes block content at the end of the document body, before its section properties."""

    def __init__(self, doc: DocxDocument) -> None:
        self.doc = doc
        body = doc.element.body
        end = body.find(qn("w:sectPr"))
        if end is None:
            end = OxmlElement("w:sectPr")
            body.append(end)
        self._end = end
        self._style_ids: dict[str, str] = {}

    def style_id(self, name: str) -> str:
        """Style ids differ from display names (``Heading 1`` is ``Heading1``): looked up once."""
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def paragraph(
        self,
        runs: Sequence[Run],
        *,
        style: str | None = None,
        align: str | None = None,
        keep_next: bool = False,
        page_break: bool = False,
        border_bottom: bool = False,
        space_after: int | None = None,
    ) -> CT_P:
        p = self._paragraph_element(style, align, keep_next, page_break, border_bottom, space_after)
        add_runs(p, runs)
        self._end.addprevious(p)
        return p

    def _paragraph_element(self, style: str | None, align: str | None, keep_next: bool, page_break: bool,
                           border_bottom: bool, space_after: int | None) -> CT_P:
        p = OxmlElement("w:p")
        children = []
        if style:
            children.append(_el("w:pStyle", val=self.style_id(style)))
        if keep_next:
            children.append(OxmlElement("w:keepNext"))
        if page_break:
            children.append(OxmlElement("w:pageBreakBefore"))
        if border_bottom:
            bdr = OxmlElement("w:pBdr")
            bdr.append(_el("w:bottom", val="double", sz="6", space="1", color="000000"))
            children.append(bdr)
        if space_after is not None:
            children.append(_el("w:spacing", after=str(space_after * 20)))
        if align:
            children.append(_el("w:jc", val=_ALIGN[align]))
        if children:
            ppr = OxmlElement("w:pPr")
            for child in children:
                ppr.append(child)
            p.append(ppr)
        return p  # type: ignore[return-value]

    def table(
        self,
        rows: Sequence[Sequence[Cell]],
        widths_mm: Sequence[float],
        *,
        grid: bool = True,
        header: bool = True,
        size: float | None = None,
        align: str | None = None,
        keep_together: bool = False,
    ) -> CT_Tbl:
        """A table (bordered ``Table Grid`` when ``grid``); a header row is bold and repeats on each page."""
        cols = len(widths_mm)
        tbl: CT_Tbl = CT_Tbl.new_tbl(len(rows), cols, Mm(sum(widths_mm)))
        if grid:
            tbl.tblPr.style = self.style_id("Table Grid")  # type: ignore[assignment]
            tbl.tblPr.alignment = WD_TABLE_ALIGNMENT.CENTER
        for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
            grid_col.w = Mm(width)
        for n, (tr, row) in enumerate(zip(tbl.tr_lst, rows, strict=True)):
            is_header = header and n == 0
            if is_header or keep_together:
                trpr = tr.get_or_add_trPr()
                trpr.append(OxmlElement("w:cantSplit"))
                if is_header:
                    trpr.append(_el("w:tblHeader", val="true"))
            for tc, width, value in zip(tr.tc_lst, widths_mm, row):
                tc.width = Mm(width)
                p = tc.p_lst[0]
                if align or (keep_together and n < len(rows) - 1):
                    ppr = OxmlElement("w:pPr")
                    if keep_together and n < len(rows) - 1:
                        ppr.append(OxmlElement("w:keepNext"))
                    ppr.append(_el("w:spacing", after="0"))
                    if align:
                        ppr.append(_el("w:jc", val=_ALIGN[align]))
                    p.append(ppr)
                runs = [Run((value or "\u2013") if grid else value)] if isinstance(value, str) else list(value)
                add_runs(p, [Run(r.text, r.bold or is_header, r.italic, r.underline, r.size or size) for r in runs])
        self._end.addprevious(tbl)
        return tbl


def stable_zip(data: bytes, when: datetime) -> bytes:
    """Rewrite a zip with one fixed timestamp and a stable entry order (content types first)."""
    stamp = max(when, _ZIP_EPOCH).timetuple()[:6]
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for name in names:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                info.create_system = 0
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
