"""The minutes list each amendment in words under its proposal, the CSV counts them, and a
"disetujui dengan perbaikan" decision may cite them instead of a note (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.domain.amendment import Amendment
from sopreview.minutes.build import build_minutes
from sopreview.minutes.export import render_minutes
from sopreview.store.session import InvalidValue, Session
from tests.minutes.readers import docx_dump, open_docx, parse_html, read_csv
from tests.store.builders import ORGANISASI, PROPOSALS, P1, P3, FakeClock

WORDS = "Langkah 2: pelaksana Kasubbag → Staf; waktu 10 menit → 2 hari kerja"


@pytest.fixture
def amended(tmp_path: Path) -> Session:
    session = Session.create(tmp_path / "rapat.json", ORGANISASI, PROPOSALS, clock=FakeClock())
    session.record_amendment(P1, Amendment("ubah", 2, nilai={"waktu": "2 hari kerja", "pelaksana": "Staf"}))
    session.record_amendment(P1, Amendment("sisip", 3, nilai={"kegiatan": "Disposisi", "pelaksana": "Kasubbag"}))
    return session


def test_dengan_perbaikan_may_cite_the_amendments_instead_of_a_note(amended: Session) -> None:
    amended.record_decision(P1, "disetujui_dengan_perbaikan", "")
    with pytest.raises(InvalidValue, match="wajib disertai catatan"):  # nothing to cite: the note stays required
        amended.record_decision(P3, "disetujui_dengan_perbaikan", "")
    with pytest.raises(InvalidValue, match="wajib disertai catatan"):  # other kinds still need their reason
        amended.record_decision(P1, "ditolak", "")
    item = build_minutes(amended).items[0]
    assert item.amandemen == (WORDS, "Langkah baru 3 (langkah) disisipkan: Disposisi — Kasubbag")
    assert item.catatan_keputusan == "Perbaikan sesuai 2 amandemen yang dicatat dalam rapat."


def test_every_format_reads_the_amendments_back(amended: Session) -> None:
    amended.record_decision(P1, "disetujui_dengan_perbaikan", "Nama aplikasi ditulis lengkap.")
    md = render_minutes(amended, "md").decode("utf-8")
    assert f"**Amandemen dalam rapat:** 1\\. {WORDS}" in md
    assert "2\\. Langkah baru 3 (langkah) disisipkan: Disposisi — Kasubbag" in md
    html_text = parse_html(render_minutes(amended, "html")).all_text
    assert "Amandemen dalam rapat" in html_text and WORDS in html_text
    docx_text = docx_dump(open_docx(render_minutes(amended, "docx")))
    assert f"Amandemen dalam rapat: 1. {WORDS}" in docx_text
    assert "Nama aplikasi ditulis lengkap. Perbaikan sesuai 2 amandemen" in docx_text
    rows = {r["ID Usulan"]: r for r in read_csv(render_minutes(amended, "csv"))}
    assert rows[P1]["Jumlah Amandemen"] == "2" and rows[P3]["Jumlah Amandemen"] == "0"


def test_a_proposal_without_amendments_prints_no_empty_heading(amended: Session) -> None:
    md = render_minutes(amended, "md").decode("utf-8")
    assert md.count("Amandemen dalam rapat") == 1
