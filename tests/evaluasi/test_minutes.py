"""The minutes' evaluation section (issue 14): outcome per SOP, criteria not met, counts per
outcome, apart from the proposals' decisions; the CSV gets the same rows. Read back from each file."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

from pypdf import PdfReader
import pytest

from sopreview.cli import main
from sopreview.minutes.build import build_minutes
from sopreview.minutes.export import render_minutes
from sopreview.store.session import Session
from tests.minutes.readers import docx_dump, open_docx, parse_html, read_csv, table_after, table_rows

ROOT = Path(__file__).resolve().parents[2]
JDIH, CUTI, KEP = ("hukum-sdm/berlaku/jdih", "hukum-sdm/berlaku/cuti-pegawai", "hukum-sdm/berlaku/penyusunan-keputusan")


@pytest.fixture(scope="module")
def session_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ev")
    shutil.copytree(ROOT / "sops", root / "sops")
    mp = pytest.MonkeyPatch()
    mp.chdir(root)
    try:
        assert main(["new", "ev", "--evaluasi", "hukum-sdm"]) == 0
    finally:
        mp.undo()
    path = root / "sessions" / "ev.json"
    with Session.open(path) as s:
        ids = [c.id for c in s.criteria]
        s.record_evaluation(JDIH, {c: c != ids[2] for c in ids}, "formulir belum dipakai")
        s.record_decision(JDIH, "perlu_revisi", "langkah 3 diganti aplikasi <JDIHN>")
        s.record_evaluation(CUTI, {c: True for c in ids})
        s.record_decision(CUTI, "masih_sesuai")
        s.set_notes(KEP, "tidak sempat dibahas")
    return path


def test_model_keeps_evaluations_apart_from_decisions(session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as s:
        m = build_minutes(s)
        criteria = s.criteria
    assert not any(i.jenis == "evaluasi" for i in m.items)
    assert {i.id for i in m.evaluasi} == {JDIH, CUTI, KEP}
    counts = {r.kunci: r.jumlah for r in m.rekap_evaluasi}
    assert counts == {"masih_sesuai": 1, "perlu_revisi": 1, "tidak_diberlakukan_lagi": 0, "belum_diputuskan": 1}
    jdih = next(i for i in m.evaluasi if i.id == JDIH)
    assert jdih.penilaian is not None and jdih.penilaian.tidak_terpenuhi == (criteria[2].teks,)
    assert KEP in {i.id for i in m.dibawa}  # not reached: taken up again
    assert m.ringkasan_evaluasi == "3 SOP yang berlaku dievaluasi: 1 masih sesuai, 1 perlu revisi, dan 1 belum diputuskan."


def test_markdown_html_docx_pdf_show_the_section(session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as s:
        out = {fmt: render_minutes(s, fmt) for fmt in ("md", "html", "docx", "pdf")}
        criterion = s.criteria[2].teks
    md = out["md"].decode()
    assert "#### Evaluasi SOP yang berlaku" in md and "1 perlu revisi" in md
    html = parse_html(out["html"])
    assert "Evaluasi SOP yang berlaku" in html.headings
    assert "langkah 3 diganti aplikasi <JDIHN>" in html.all_text  # escaped, read back as text
    assert "<JDIHN>" not in out["html"].decode()
    doc = open_docx(out["docx"])
    rows = table_rows(table_after(doc, "Evaluasi SOP yang berlaku"))
    assert rows[0][:4] == ["No", "Sub Bagian", "SOP", "Hasil"]
    by_sop = {r[2]: r for r in rows[1:]}
    jdih = next(r for name, r in by_sop.items() if "JDIH" in name or "Jaringan" in name)
    assert jdih[3] == "Perlu revisi" and criterion in jdih[5]
    assert "3 SOP yang berlaku dievaluasi" in docx_dump(doc)
    text = " ".join((page.extract_text() or "") for page in PdfReader(io.BytesIO(out["pdf"])).pages)
    assert "Evaluasi SOP yang berlaku" in text and "Perlu revisi" in text


def test_csv_has_the_same_rows(session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as s:
        rows = read_csv(render_minutes(s, "csv"))
    ev = {r["ID Usulan"]: r for r in rows if r["Jenis"] == "Evaluasi"}
    assert set(ev) == {JDIH, CUTI, KEP}
    assert (ev[JDIH]["Kode Keputusan"], ev[JDIH]["Keputusan"]) == ("perlu_revisi", "Perlu revisi")
    assert ev[JDIH]["Catatan Keputusan"] == "langkah 3 diganti aplikasi <JDIHN>"
    assert ev[CUTI]["Hasil Evaluasi"].startswith("7 dari 7") and ev[KEP]["Keputusan"] == "Belum diputuskan"
