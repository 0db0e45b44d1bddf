"""`sopreview dokumen` end to end: files a secretariat can file, states from a session, clear errors."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from sopreview.cli import main
from tests.documents.conftest import SAMPLE_SOPS


@pytest.fixture
def sops(tmp_path: Path) -> Path:
    target = tmp_path / "sops"
    shutil.copytree(SAMPLE_SOPS, target)
    return target


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_one_sop_each_format(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "dokumen", str(sops), "--sop", "keuangan-umum-logistik/surat-masuk",
                       "-f", "pdf", "-f", "html", "-f", "docx")
    assert code == 0
    folder = sops.parent / "dokumen-sop"
    assert sorted(p.name for p in folder.iterdir()) == ["sop-surat-masuk.docx", "sop-surat-masuk.html",
                                                        "sop-surat-masuk.pdf"]
    assert out.count("ditulis:") == 3


def test_bundle_on_f4_into_a_named_file(sops: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_file = tmp_path / "arsip" / "sop-2022.pdf"
    out_file.parent.mkdir()
    code, _, _ = run(capsys, "dokumen", str(sops), "--gabung", "--kertas", "F4", "-o", str(out_file))
    assert code == 0
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    box = reader.pages[1].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (330, 215)
    assert "DAFTAR ISI" in (reader.pages[0].extract_text() or "")


def test_paper_from_organisasi_yaml(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "kertas: F4\n", encoding="utf-8")
    assert run(capsys, "dokumen", str(sops), "--sop", "hukum-sdm/jdih")[0] == 0
    box = PdfReader(sops.parent / "dokumen-sop" / "sop-jaringan-dokumentasi-dan-informasi-hukum-jdih.pdf").pages[0].mediabox
    assert round(float(box.width) / 72 * 25.4) == 330


def test_logo_on_the_kop(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from PIL import Image

    Image.new("RGB", (40, 40), "red").save(sops / "logo.png")
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: logo.png\n", encoding="utf-8")
    code, _, _ = run(capsys, "dokumen", str(sops), "--sop", "hukum-sdm/jdih", "-f", "pdf", "-f", "html", "-f", "docx")
    assert code == 0
    folder = sops.parent / "dokumen-sop"
    pdf = PdfReader(folder / "sop-jaringan-dokumentasi-dan-informasi-hukum-jdih.pdf")
    assert len(pdf.pages[0].images) == 1
    assert "data:image/png;base64," in (folder / "sop-jaringan-dokumentasi-dan-informasi-hukum-jdih.html").read_text()


def test_missing_logo_names_file_and_field(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    org = sops / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "logo: gambar/logo-kpu.png\n", encoding="utf-8")
    code, _, err = run(capsys, "dokumen", str(sops))
    assert code == 1
    assert "organisasi.yaml" in err and "[logo]" in err and "logo-kpu.png" in err and "tidak ditemukan" in err
    assert not (sops.parent / "dokumen-sop").exists()


def test_actor_name_too_long_names_file_line_and_field(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sops / "keuangan-umum-logistik" / "surat-masuk.yaml"
    text = path.read_text(encoding="utf-8")
    long = "Kepala" + "Subbagianketatausahaandanrumahtangga" * 2
    path.write_text(text.replace("Sekretaris", long), encoding="utf-8")
    code, _, err = run(capsys, "dokumen", str(sops), "--sop", "keuangan-umum-logistik/surat-masuk")
    assert code == 1
    assert "surat-masuk.yaml:" in err and "[pelaksana[" in err and "terlalu panjang" in err and "F4" in err


def test_lanjut_pointing_nowhere_names_file_and_field(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sops / "keuangan-umum-logistik" / "penerima-tamu.yaml"
    text = path.read_text(encoding="utf-8")
    assert "lanjut: 7" in text
    path.write_text(text.replace("lanjut: 7", "lanjut: 99", 1), encoding="utf-8")
    code, _, err = run(capsys, "dokumen", str(sops))
    assert code == 1
    assert "penerima-tamu.yaml:72 [langkah[" in err and ".lanjut]" in err and "99" in err


def test_never_over_an_input(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trap = sops / "kumpulan-sop.pdf"
    trap.write_bytes(b"not ours")
    code, _, err = run(capsys, "dokumen", str(sops), "--gabung", "-o", str(sops))
    assert code == 1 and "masukan" in err
    assert trap.read_bytes() == b"not ours"


def test_from_a_session_footer_and_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.minutes.scenario import create_sample_session

    session = tmp_path / "rapat.json"
    create_sample_session(session).close()
    code, _, _ = run(capsys, "dokumen", str(session), "--sop", "keuangan-umum-logistik/surat-masuk",
                     "--sop", "keuangan-umum-logistik/penanganan-masalah")
    assert code == 0
    folder = tmp_path / "rapat-dokumen"
    adopted = [p.extract_text() for p in PdfReader(folder / "sop-surat-masuk.pdf").pages]
    deferred = [p.extract_text() for p in PdfReader(folder / "sop-penanganan-masalah.pdf").pages]
    assert all("Keputusan rapat Kamis, 16 Juni 2022: Disetujui" in t for t in adopted)
    assert not any("RANCANGAN" in t for t in adopted)
    assert all("RANCANGAN" in t and "Belum diputuskan dalam rapat Kamis, 16 Juni 2022" in t for t in deferred)


def test_marked_changes(sops: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    from sopreview.domain.changes import UBAH, diff_sop
    from sopreview.domain.loader import load_sops

    proposal = next(p for p in load_sops(sops).proposals if p.id == "hukum-sdm/jdih")
    assert proposal.sebelumnya is not None
    changed = {c.baru.nomor for c in diff_sop(proposal.sebelumnya, proposal.dokumen).langkah
               if c.jenis == UBAH and c.baru}
    code, _, _ = run(capsys, "dokumen", str(sops), "--sop", "hukum-sdm/jdih", "--tandai-perubahan", "-f", "pdf",
                     "-f", "docx")
    assert code == 0
    stem = sops.parent / "dokumen-sop" / "sop-jaringan-dokumentasi-dan-informasi-hukum-jdih"
    text = PdfReader(stem.with_suffix(".pdf")).pages[0]
    assert "Perubahan terhadap versi berlaku" in text.extract_text()
    steps = Document(str(stem.with_suffix(".docx"))).tables[2]
    shaded = {int(row.cells[0].text) for row in steps.rows[1:] if "FFF2CC" in row.cells[0]._tc.xml.upper()}
    assert changed and changed <= shaded
