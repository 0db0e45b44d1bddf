"""Read every format back with the tool its users have: Word (python-docx), a browser parser, csv."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from sopreview.domain.loader import load_sops
from sopreview.domain.header import MeetingMeta
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session
from tests.minutes.readers import docx_headings, open_docx, parse_html, read_csv, table_after, table_rows
from tests.minutes.scenario import DECISIONS, SAMPLE_SOPS, UNDECIDED

ALLOWED_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "header", "div", "h1", "h2", "h3", "h4",
    "p", "table", "thead", "tbody", "tr", "th", "td", "ol", "li", "section", "article", "span",
}
HOSTILE = "<script>alert('x')</script><img src=x onerror=alert(1)>"


def expected_counts(sample_session: Session) -> Counter[str]:
    return Counter(DECISIONS[p.id][0] if p.id in DECISIONS else "belum_diputuskan"
                   for p in sample_session.proposals())


# --- DOCX -----------------------------------------------------------------------------------

def test_docx_has_the_notulen_headings(rendered: dict[str, bytes], sample_session: Session) -> None:
    doc = open_docx(rendered["docx"])
    headings = docx_headings(doc)
    assert ("Heading 1", "NOTULEN RAPAT") in headings
    for title in ("Acara", "Pimpinan Rapat", "Peserta", "Kegiatan Rapat", "Lampiran: Daftar Hadir"):
        assert ("Heading 2", title) in headings
    level3 = [t for s, t in headings if s == "Heading 3"]
    assert level3[:2] == ["1. Pembukaan", "2. Pembahasan"]
    assert level3[-1] == "3. Keputusan / Kesimpulan"
    assert level3[2:-1] == [
        "2.1 Sub Bagian Hukum dan SDM",
        "2.2 Sub Bagian Perencanaan, Data dan Informasi",
        "2.3 Sub Bagian Keuangan, Umum dan Logistik",
        "2.4 Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubmas",
    ]
    items = [t for s, t in headings if s == "Heading 4" and t[0].isdigit()]
    assert items == [f"{n}. {p.nama}" for n, p in enumerate(sample_session.proposals(), start=1)]


def test_docx_sub_bagian_start_on_a_new_page(rendered: dict[str, bytes]) -> None:
    doc = open_docx(rendered["docx"])
    breaks = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert breaks == ["2. Pembahasan", "2.2 Sub Bagian Perencanaan, Data dan Informasi",
                      "2.3 Sub Bagian Keuangan, Umum dan Logistik",
                      "2.4 Sub Bagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubmas",
                      "3. Keputusan / Kesimpulan", "Lampiran: Daftar Hadir"]


def test_docx_decision_table_and_counts(rendered: dict[str, bytes], sample_session: Session) -> None:
    doc = open_docx(rendered["docx"])
    rows = table_rows(table_after(doc, "3. Keputusan / Kesimpulan"))
    assert rows[0] == ["No", "Sub Bagian", "SOP", "Jenis", "Keputusan", "Catatan"]
    proposals = sample_session.proposals()
    assert [r[2] for r in rows[1:]] == [p.nama for p in proposals]
    undecided = [r for r in rows[1:] if r[4] == "Belum diputuskan"]
    assert [r[2] for r in undecided] == [sample_session.proposal(UNDECIDED).nama]

    tally = {r[0]: r for r in table_rows(table_after(doc, "Rekapitulasi keputusan"))}
    counts = expected_counts(sample_session)
    assert tally["Keputusan"] == ["Keputusan", "SOP baru", "SOP perbaikan", "SOP perubahan", "Jumlah"]
    assert int(tally["Disetujui"][-1]) == counts["disetujui"] == 6
    assert int(tally["Disetujui dengan perbaikan"][-1]) == counts["disetujui_dengan_perbaikan"]
    assert int(tally["Ditunda"][-1]) == counts["ditunda"]
    assert int(tally["Ditolak"][-1]) == counts["ditolak"]
    assert int(tally["Ditarik"][-1]) == counts["ditarik"]
    assert int(tally["Belum diputuskan"][-1]) == 1
    assert tally["Jumlah"][1:] == ["8", "5", "1", "14"]


def test_docx_attendance_appendix_and_signatures(rendered: dict[str, bytes], sample_session: Session) -> None:
    doc = open_docx(rendered["docx"])
    rows = table_rows(table_after(doc, "Lampiran: Daftar Hadir"))
    assert rows[0] == ["No", "Nama", "Jabatan / Unit", "Keterangan", "Tanda tangan"]
    assert [r[1] for r in rows[1:]] == [o.nama for o in sample_session.people()]
    keterangan = {r[1]: r[3] for r in rows[1:]}
    assert keterangan["Agus Prasetyo"] == "Tugas luar (Bimbingan teknis di KPU Provinsi Jawa Timur)"
    assert keterangan["Bambang Sutrisno"] == "Belum dicatat"
    assert keterangan["Drs. Sugeng Riyadi"] == "Hadir"
    signature = doc.tables[-2]  # the signature block comes just before the appendix
    text = [[c.text for c in row.cells] for row in signature.rows]
    assert text[0] == ["Notulis,", "Pimpinan Rapat,"]
    assert ["Dian Puspitasari", "M. Awaludin Zahroni"] in text
    assert ["NIP 19920311 201902 2 004", ""] in text


def test_docx_properties_come_from_the_session(rendered: dict[str, bytes]) -> None:
    props = open_docx(rendered["docx"]).core_properties
    assert props.created.date().isoformat() == "2022-06-16"
    assert props.modified == props.created == props.last_printed
    assert props.author == "Dian Puspitasari"
    assert props.title.startswith("Notulen Rapat")


# --- HTML -----------------------------------------------------------------------------------

def test_html_lists_every_proposal(rendered: dict[str, bytes], sample_session: Session) -> None:
    page = parse_html(rendered["html"])
    proposals = sample_session.proposals()
    assert [a["data-id"] for a in page.articles] == [p.id for p in proposals]
    assert [a["data-keputusan"] for a in page.articles] == [
        DECISIONS[p.id][0] if p.id in DECISIONS else "belum_diputuskan" for p in proposals]
    for n, p in enumerate(proposals, start=1):
        assert f"{n}. {p.nama}" in page.headings
    assert set(page.tags) <= ALLOWED_TAGS
    # the decision note's <nomor> is text, not a tag
    assert "format nomor <nomor>/HK.03-Kpt/3576/<tahun>" in page.all_text
    assert "&" in page.all_text and "daring & luring" in page.all_text


def test_html_is_print_ready_and_self_contained(rendered: dict[str, bytes]) -> None:
    page = parse_html(rendered["html"])
    assert page.attributes <= {"lang", "charset", "class", "id", "data-id", "data-keputusan", "data-kode"}
    text = rendered["html"].decode("utf-8")
    assert "url(" not in text and "@import" not in text  # nothing fetched when printing
    assert "@page { size: A4;" in text
    assert text.count('<section class="subbag"') == 4
    assert "break-before: page" in text


def _hostile_session(tmp_path: Path) -> Session:
    result = load_sops(SAMPLE_SOPS)
    first, second = result.proposals[0], result.proposals[6]
    evil_doc = replace(second.dokumen, nama=f"SOP {HOSTILE}")
    proposals = [replace(first, ringkasan=HOSTILE, pengusul="<b>Noor</b>"),
                 replace(second, dokumen=evil_doc, alasan="a & b < c > d \"e\" 'f'")]
    org = replace(result.organisasi, nama="KPU <i>Kota</i>", alamat=HOSTILE)
    meta = MeetingMeta(judul=f"</title>{HOSTILE}", tanggal="2022-06-16", pembukaan=HOSTILE,
                       notulis="<u>x</u>", acara=(HOSTILE,))
    session = Session.create(tmp_path / "jahat.json", org, proposals, meta=meta)
    session.record_decision(first.id, "ditolak", f"=HYPERLINK(\"http://x\") {HOSTILE}")
    session.set_notes(second.id, f"| kolom | {HOSTILE}\n# bukan judul")
    session.add_action(second.id, "-2+3", "@siapa", "2022-07-01")
    return session


def test_html_never_lets_sop_text_become_markup(tmp_path: Path) -> None:
    session = _hostile_session(tmp_path)
    try:
        data = render_minutes(session, "html")
    finally:
        session.close()
    page = parse_html(data)
    assert set(page.tags) <= ALLOWED_TAGS
    assert "script" not in page.tags and "img" not in page.tags and "i" not in page.tags
    assert page.all_text.count(HOSTILE) >= 5  # shown as text wherever it was typed
    assert "<script" not in data.decode("utf-8")


def test_markdown_escapes_markup(tmp_path: Path) -> None:
    session = _hostile_session(tmp_path)
    try:
        text = render_minutes(session, "md").decode("utf-8")
    finally:
        session.close()
    assert re.search(r"(?<!\\)[<>]", text) is None  # every angle bracket is backslash-escaped
    assert "\\<script\\>" in text
    assert "\n# bukan judul" not in text and "\\# bukan judul" in text


# --- CSV ------------------------------------------------------------------------------------

def test_csv_has_one_row_per_proposal(rendered: dict[str, bytes], sample_session: Session) -> None:
    rows = read_csv(rendered["csv"])
    proposals = sample_session.proposals()
    assert [r["ID Usulan"] for r in rows] == [p.id for p in proposals]
    assert [r["Nama SOP"] for r in rows] == [p.nama for p in proposals]
    assert Counter(r["Kode Keputusan"] for r in rows) == expected_counts(sample_session)
    by_id = {r["ID Usulan"]: r for r in rows}
    assert by_id[UNDECIDED]["Keputusan"] == "Belum diputuskan"
    assert by_id["hukum-sdm/penyusunan-keputusan"]["Hasil Evaluasi"] == "5 dari 7 kriteria terpenuhi"
    assert by_id["hukum-sdm/penyusunan-keputusan"]["Kriteria Tidak Terpenuhi"] == (
        "Mudah dilaksanakan; Sinergi satu dengan lainnya")
    assert rendered["csv"].startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8 names right


def test_csv_defuses_spreadsheet_formulas(tmp_path: Path) -> None:
    session = _hostile_session(tmp_path)
    try:
        rows = read_csv(render_minutes(session, "csv"))
    finally:
        session.close()
    assert rows[0]["Catatan Keputusan"].startswith("'=HYPERLINK")
    assert not any(v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "csv"])
def test_every_format_survives_hostile_text(tmp_path: Path, fmt: str) -> None:
    session = _hostile_session(tmp_path)
    try:
        assert render_minutes(session, fmt)
    finally:
        session.close()
