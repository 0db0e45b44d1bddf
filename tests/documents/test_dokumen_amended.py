"""`sopreview dokumen SESSION` prints the version the meeting decided on: the proposal plus its
amendments, amended steps shaded and each amendment listed in words (issue 15)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from sopreview.cli import main
from sopreview.domain.amendment import Amendment
from sopreview.store.session import Session
from tests.documents.conftest import SAMPLE_SOPS

JDIH = "hukum-sdm/jdih"
STEM = "sop-jaringan-dokumentasi-dan-informasi-hukum-jdih"


@pytest.fixture
def session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(SAMPLE_SOPS, tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "rapat", "--date", "2022-06-16"]) == 0
    path = tmp_path / "sessions" / "rapat.json"
    with Session.open(path) as s:
        s.record_amendment(JDIH, Amendment("ubah", 3, nilai={"waktu": "2 jam kerja"}))
        s.record_amendment(JDIH, Amendment("sisip", 4, nilai={"kegiatan": "Meminta paraf Kasubbag",
                                                              "pelaksana": "Staf Hukum"}))
        s.record_decision(JDIH, "disetujui_dengan_perbaikan", "")
    return path


def test_documents_from_a_session_are_printed_as_amended(session: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dokumen", str(session), "--sop", JDIH, "-f", "pdf", "-f", "docx", "-f", "html"]) == 0
    assert "Traceback" not in capsys.readouterr().err
    folder = session.with_name("rapat-dokumen")
    pdf = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO((folder / f"{STEM}.pdf").read_bytes())).pages)
    assert "Diubah dalam rapat (amandemen):" in pdf
    assert "1. Langkah 3: waktu 1 jam -> 2 jam kerja" in pdf  # the PDF core fonts write → as ->
    assert "Meminta paraf Kasubbag" in pdf and "2 jam kerja" in pdf
    docx = Document(str(folder / f"{STEM}.docx"))
    text = "\n".join(p.text for p in docx.paragraphs) + "\n".join(
        c.text for t in docx.tables for r in t.rows for c in r.cells)
    assert "Meminta paraf Kasubbag" in text and "diubah dalam rapat" in text
    html = (folder / f"{STEM}.html").read_text(encoding="utf-8")
    assert "2. Langkah baru 4 (langkah) disisipkan: Meminta paraf Kasubbag — Staf Hukum" in html


def test_the_proposal_folder_still_prints_the_submitted_version(session: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    sops = session.parent.parent / "sops"
    assert main(["dokumen", str(sops), "--sop", JDIH, "-f", "html"]) == 0
    html = (sops.parent / "dokumen-sop" / f"{STEM}.html").read_text(encoding="utf-8")
    assert "Meminta paraf Kasubbag" not in html and "amandemen" not in html
