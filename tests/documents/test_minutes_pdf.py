"""The minutes as PDF, and `export --lampiran-sop`: the adopted SOPs appended in every paginated format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from sopreview.cli import main
from sopreview.documents.lampiran import ADOPTED_FOR_APPENDIX
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session


@pytest.fixture(scope="module")
def session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from tests.minutes.scenario import create_sample_session

    path = tmp_path_factory.mktemp("lampiran") / "rapat.json"
    create_sample_session(path).close()
    return path


@pytest.fixture(scope="module")
def adopted(session: Path) -> list[str]:
    with Session.open(session, readonly=True) as s:
        return [p.nama for p in s.proposals()
                if (d := s.decision(p.id)) is not None and d.keputusan in ADOPTED_FOR_APPENDIX]


def test_minutes_pdf_reads_back(session: Path) -> None:
    with Session.open(session, readonly=True) as s:
        data = render_minutes(s, "pdf")
        again = render_minutes(s, "pdf")
        people = s.people()
    assert data == again
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    text = "\n".join(pages)
    for words in ("NOTULEN RAPAT", "KPU KOTA MOJOKERTO", "Kamis, 16 Juni 2022", "09.00 – 12.30 WIB", "Acara",
                  "Pimpinan Rapat", "Keputusan / Kesimpulan", "Lampiran: Daftar Hadir", "NIP 19920311 201902 2 004",
                  "Perubahan dari SOP yang berlaku"):
        assert words in text, words
    for o in people:
        assert o.nama.split(",")[0] in text
    assert pages[-1].strip().endswith(f"Halaman {len(pages)} dari {len(pages)}")
    # the signature block stays on one page
    sign_page = next(p for p in pages if "Dian Puspitasari" in p and "Notulis," in p)
    assert "NIP 19920311 201902 2 004" in sign_page


def test_cli_export_pdf_with_sop_appendix(session: Path, adopted: list[str],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = session.with_name("notulen.pdf")
    assert main(["export", str(session), "-f", "pdf", "--lampiran-sop", "-o", str(out)]) == 0
    plain = session.with_name("plain.pdf")
    assert main(["export", str(session), "-o", str(plain)]) == 0
    with_sops = [p.extract_text() or "" for p in PdfReader(out).pages]
    alone = PdfReader(plain).pages
    assert len(with_sops) > len(alone)
    n = len(alone)
    assert with_sops[n - 1].strip().endswith(f"Halaman {n} dari {n}")  # the minutes count their own pages
    appendix = "\n".join(with_sops[len(alone):])
    assert appendix.count("NOMOR SOP") == len(adopted) and len(adopted) >= 5
    for nama in adopted:
        assert nama.split()[-1] in appendix
    assert "Keputusan rapat Kamis, 16 Juni 2022: Disetujui" in appendix
    assert "Traceback" not in capsys.readouterr().err


def test_html_and_docx_appendix(session: Path, adopted: list[str]) -> None:
    html = session.with_name("n.html")
    docx = session.with_name("n.docx")
    assert main(["export", str(session), "--lampiran-sop", "-o", str(html)]) == 0
    assert main(["export", str(session), "--lampiran-sop", "-o", str(docx)]) == 0
    text = html.read_text(encoding="utf-8")
    assert text.count('class="halaman-sop"') >= 2 * len(adopted) and "@page sop" in text
    doc = Document(io.BytesIO(docx.read_bytes()))
    assert len(doc.sections) == 1 + len(adopted)
    assert all(s.page_width > s.page_height for s in doc.sections[1:])


def test_appendix_refused_for_markdown(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(session), "-f", "md", "--lampiran-sop", "-o", str(session.with_name("n.md"))]) == 1
    err = capsys.readouterr().err
    assert "--sop-appendix" in err and "Traceback" not in err
    assert not session.with_name("n.md").exists()
