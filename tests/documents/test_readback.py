"""Every format read back as its reader sees it: pypdf, python-docx, html.parser; and the same bytes twice."""

from __future__ import annotations

import io
from html.parser import HTMLParser

import pytest
from docx import Document
from pypdf import PdfReader

from sopreview.documents.export import Source, layout_all, render_one
from sopreview.domain.sopdoc.geometry import paper

A4 = paper("A4")


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.sections = 0
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.sections += tag == "section"

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.texts.append(data.strip())


def html_text(data: bytes) -> _Text:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return parser


@pytest.fixture(scope="module")
def jdih(folder_source: Source) -> list:
    proposals = [p for p in folder_source.proposals if p.id == "hukum-sdm/jdih"]
    return layout_all(folder_source, proposals, A4)


def test_pdf_single_sop(jdih: list) -> None:
    proposal, printed, _ = jdih[0]
    data = render_one("pdf", jdih, A4, "Kumpulan", bundle=False)
    pages = pdf_pages(data)
    assert len(pages) == len(printed.pages) == 2
    first = pages[0]
    for label in ("NOMOR SOP", "TANGGAL PEMBUATAN", "TANGGAL REVISI", "TANGGAL EFEKTIF", "DISAHKAN OLEH",
                  "NAMA SOP", "DASAR HUKUM", "KUALIFIKASI PELAKSANA", "KETERKAITAN", "PERALATAN / PERLENGKAPAN",
                  "PERINGATAN", "PENCATATAN DAN PENDATAAN", "KPU KOTA MOJOKERTO", proposal.dokumen.nomor):
        assert label in first, label
    assert "NIP. 19760314 200212 1 003" in first
    assert all("RANCANGAN" in p for p in pages)
    assert "Halaman 2 dari 2" in pages[1]
    flat = " ".join(pages[1].split())
    for step in proposal.dokumen.langkah:
        assert " ".join(step.kegiatan.split()[:3]) in flat


def test_pdf_bundle_has_a_table_of_contents_pointing_at_each_sop(folder_source: Source) -> None:
    printed = layout_all(folder_source, folder_source.proposals, A4)
    data = render_one("pdf", printed, A4, "Kumpulan SOP", bundle=True)
    pages = pdf_pages(data)
    assert "DAFTAR ISI" in pages[0]
    assert len(pages) == 1 + sum(len(s.pages) for _, s, _ in printed)
    at = 2
    for proposal, sop, _ in printed:
        title = sop.pages[0].judul
        assert title.split()[1] in pages[at - 1], (title, at)
        assert f"Halaman 1 dari {len(sop.pages)}" in pages[at - 1]
        at += len(sop.pages)


def test_docx_tables_are_real_and_editable(jdih: list) -> None:
    proposal, printed, _ = jdih[0]
    doc = Document(io.BytesIO(render_one("docx", jdih, A4, "Kumpulan", bundle=False)))
    identity, pairs, steps = doc.tables
    cells = [c.text for row in identity.rows for c in row.cells]
    assert "NOMOR SOP" in cells and proposal.dokumen.nomor in cells
    assert any("NIP. 19760314 200212 1 003" in c for c in cells)
    assert any("KPU KOTA MOJOKERTO" in c for c in cells)
    assert pairs.cell(0, 0).text == "DASAR HUKUM:" and pairs.cell(0, 1).text == "KUALIFIKASI PELAKSANA:"
    assert len(steps.rows) == len(proposal.dokumen.langkah) + 1
    assert [c.text for c in steps.rows[0].cells] == ["NO", "KEGIATAN", "PELAKSANA", "KELENGKAPAN", "WAKTU",
                                                      "OUTPUT", "KETERANGAN"]
    assert steps.rows[0]._tr.trPr.xml.count("tblHeader") == 1  # the header row repeats on each page
    assert steps.rows[1].cells[1].text.startswith(proposal.dokumen.langkah[0].kegiatan)
    assert len(doc.inline_shapes) == len([p for p in printed.pages if p.bagian == "flowchart"])
    assert "RANCANGAN" in doc.sections[0].header.paragraphs[0].text
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape


def test_html_pages_and_text(jdih: list) -> None:
    proposal, printed, _ = jdih[0]
    data = render_one("html", jdih, A4, "Kumpulan", bundle=False)
    parsed = html_text(data)
    assert parsed.sections == len(printed.pages)
    assert "script" not in parsed.tags
    assert "NOMOR SOP" in parsed.texts and "RANCANGAN" in parsed.texts
    assert "@page { size: 297mm 210mm" in data.decode()
    assert proposal.dokumen.langkah[0].kegiatan.split()[0] in " ".join(parsed.texts)


def test_html_escapes_what_the_yaml_says(folder_source: Source) -> None:
    from dataclasses import replace

    proposal = folder_source.proposals[0]
    steps = list(proposal.dokumen.langkah)
    steps[1] = replace(steps[1], kegiatan="<script>alert(1)</script> & lanjut")
    evil = replace(proposal, dokumen=replace(proposal.dokumen, langkah=tuple(steps), nama="SOP <b>X</b>"))
    printed = layout_all(folder_source, [evil], A4)
    data = render_one("html", printed, A4, "<i>judul</i>", bundle=False).decode()
    assert "<script>" not in data and "<b>X" not in data and "<i>judul" not in data
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; lanjut" in data


@pytest.mark.parametrize("fmt", ["pdf", "html", "docx"])
def test_same_bytes_on_rerun(fmt: str, folder_source: Source) -> None:
    proposals = [p for p in folder_source.proposals if p.id.endswith(("ppid", "jdih"))]
    first = render_one(fmt, layout_all(folder_source, proposals, A4), A4, "K", bundle=True)
    second = render_one(fmt, layout_all(folder_source, proposals, A4), A4, "K", bundle=True)
    assert first == second


def test_no_clock_in_the_files(folder_source: Source) -> None:
    """What would differ between runs is pinned: PDF dates, DOCX core properties and zip entry times."""
    import zipfile

    printed = layout_all(folder_source, folder_source.proposals[:1], A4)
    pdf = render_one("pdf", printed, A4, "K", bundle=False)
    assert b"/CreationDate (D:20000101000000Z" in pdf or b"D:20000101000000" in pdf
    docx = render_one("docx", printed, A4, "K", bundle=False)
    assert Document(io.BytesIO(docx)).core_properties.created.year == 2000
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}


def test_docx_bundle_marks_every_sop_in_its_own_header(folder_source: Source) -> None:
    from sopreview.documents.export import Status

    proposals = [p for p in folder_source.proposals if p.id.endswith(("ppid", "jdih"))]
    printed = layout_all(folder_source, proposals, A4)
    p, s, k = printed[1]
    from dataclasses import replace

    printed[1] = (p, replace(s, status=Status(False, "Keputusan rapat Kamis, 16 Juni 2022: Disetujui")), k)
    doc = Document(io.BytesIO(render_one("docx", printed, A4, "K", bundle=True)))
    assert len(doc.sections) == 3  # contents, then one section per SOP
    assert "RANCANGAN" in doc.sections[1].header.paragraphs[0].text
    assert "RANCANGAN" not in doc.sections[2].header.paragraphs[0].text
    assert "Disetujui" in doc.sections[2].footer.paragraphs[0].text


def test_html_draws_the_same_layout_as_the_pdf(jdih: list) -> None:
    """One layout: every symbol, arrow and text of the pages appears in the HTML's SVG."""
    from sopreview.domain.sopdoc.document import sop_pages
    from sopreview.domain.sopdoc.geometry import Path as Line, Shape, Text

    pages = sop_pages(jdih[0][1])
    html = render_one("html", jdih, A4, "K", bundle=False).decode()
    items = [i for p in pages for i in p.items]
    assert html.count('<polygon class="simbol') == sum(isinstance(i, Shape) for i in items)
    assert html.count("<polyline") == sum(isinstance(i, Line) for i in items)
    assert html.count("<text ") == sum(isinstance(i, Text) for i in items)
