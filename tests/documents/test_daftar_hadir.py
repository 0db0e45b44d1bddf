"""The attendance sheet: everyone on the session's list, blank rows for guests, alternating signatures."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from sopreview.cli import main
from sopreview.domain.model import Orang
from sopreview.domain.sopdoc.attendance import SheetInfo, jabatan_unit, layout_attendance
from sopreview.domain.sopdoc.geometry import Text, paper


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.minutes.scenario import create_sample_session

    path = tmp_path_factory.mktemp("hadir") / "rapat.json"
    create_sample_session(path).close()
    return path


def test_signature_numbers_alternate() -> None:
    people = [Orang(f"Orang {k}", "Staf") for k in range(1, 5)]
    page = layout_attendance(SheetInfo("KPU", "Rapat", "Kamis", "09.00 WIB", "Ruang"), people, paper("A4", landscape=False),
                             blank=2)[0]
    marks = {t.teks: t.x for t in page.items if isinstance(t, Text) and t.teks.endswith(".") and t.teks[:-1].isdigit()}
    assert list(marks) == ["1.", "2.", "3.", "4.", "5.", "6."]
    assert marks["1."] == marks["3."] == marks["5."] < marks["2."] == marks["4."] == marks["6."]


def test_jabatan_and_unit_without_repeating() -> None:
    assert jabatan_unit(Orang("A", "Kepala Sub Bagian Hukum", "Sub Bagian Hukum")) == "Kepala Sub Bagian Hukum"
    assert jabatan_unit(Orang("A", "Analis Hukum", "Sub Bagian Hukum")) == "Analis Hukum, Sub Bagian Hukum"


def test_cli_writes_all_formats(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sopreview.store.session import Session

    with Session.open(session, readonly=True) as s:
        people = s.people()
    assert main(["daftar-hadir", str(session), "-f", "pdf", "-f", "html", "-f", "docx", "--tamu", "3"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    pdf = PdfReader(session.with_name("rapat-daftar-hadir.pdf"))
    text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "DAFTAR HADIR" in text and "09.00 – 12.30 WIB" in text and "Kamis, 16 Juni 2022" in text
    for o in people:
        assert o.nama in text
    assert f"{len(people) + 3}." in text and f"{len(people) + 4}." not in text
    box = pdf.pages[0].mediabox
    assert float(box.height) > float(box.width)  # portrait
    doc = Document(io.BytesIO(session.with_name("rapat-daftar-hadir.docx").read_bytes()))
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["No", "Nama", "Jabatan / Unit", "Tanda tangan"]
    assert len(table.rows) == 1 + len(people) + 3
    assert table.rows[1].cells[1].text == people[0].nama
    assert table.rows[1].cells[3].text.startswith("1. ") and table.rows[-1].cells[1].text == ""
    html = session.with_name("rapat-daftar-hadir.html").read_text(encoding="utf-8")
    assert people[0].nama in html and "@page" in html
