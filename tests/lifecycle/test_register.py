"""The register: status from the log, exports read back in every format, history per SOP."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from sopreview.cli import main
from sopreview.cli.register_cmds import EXPORT_FORMATS
from sopreview.domain.loader import load_sops
from sopreview.lifecycle.folder import read_folder
from sopreview.lifecycle.history import sop_history
from sopreview.register.export import FORMATS, render_register
from sopreview.register.layout import HEADER
from tests.lifecycle.scenario import TANGGAL, copy_sample, scripted_meeting, tree


@pytest.fixture
def applied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    sops, session = scripted_meeting(tmp_path)
    assert main(["tetapkan", str(session), "--tanggal", TANGGAL, "--terapkan"]) == 0
    return sops


def test_sample_register_lists_sops_in_force_with_and_without_pending_proposals(tmp_path: Path) -> None:
    sops = copy_sample(tmp_path)
    register = read_folder(sops).register(load_sops(sops))
    assert len(register.rows) == 10 and all(r.status == "berlaku" for r in register.rows)
    untouched = [r.sop_id for r in register.rows if not r.tertunda]
    assert set(untouched) == {"hukum-sdm/cuti-pegawai", "keuangan-umum-logistik/pengelolaan-bmn",
                              "perencanaan-data-informasi/penyusunan-rka", "teknis-parmas-hubmas/sosialisasi-pemilih"}
    jdih = register.row("hukum-sdm/jdih")
    assert jdih is not None and jdih.tertunda == ("hukum-sdm/jdih",) and jdih.rapat == ""


def test_status_change_is_appended_never_edited(applied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = applied / "daftar/peristiwa.yaml"
    before = log.read_bytes()
    assert main(["status", "hukum-sdm/cuti-pegawai", "dicabut", "--alasan", "Diganti aplikasi SIASN",
                 "--tanggal", "2023-03-10", "--sops", str(applied)]) == 0
    assert log.read_bytes().startswith(before)
    row = read_folder(applied).register().row("hukum-sdm/cuti-pegawai")
    assert row is not None and (row.status, row.alasan, row.tanggal_status) == (
        "dicabut", "Diganti aplikasi SIASN", "2023-03-10")
    capsys.readouterr()
    assert main(["status", "hukum-sdm/cuti-pegawai", "hapus", "--alasan", "x", "--tanggal", "2023-03-10",
                 "--sops", str(applied)]) == 2
    assert "berlaku, perlu_revisi, dicabut" in capsys.readouterr().err
    assert main(["status", "tidak/ada", "dicabut", "--alasan", "x", "--tanggal", "2023-03-10",
                 "--sops", str(applied)]) == 2


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def _expected_row(no: int) -> list[str]:
    return [str(no), "01/SOP/KU.01-SD/35.76/2022", "SOP Surat Masuk", "Sub Bagian Keuangan, Umum dan Logistik", "0",
            "20 Juni 2022", "Berlaku", "Rapat Internal Penyusunan dan Evaluasi SOP (rapat-2022-06-16) (20 Juni 2022)",
            "-"]


def test_every_format_reads_back_with_the_same_rows(applied: Path) -> None:
    register = read_folder(applied).register(load_sops(applied))
    names = [r.nama for r in register.rows]
    assert {f.key for f in FORMATS} == {"md", "html", "docx", "csv", "pdf"} == set(EXPORT_FORMATS)
    no = names.index("SOP Surat Masuk") + 1
    expected = _expected_row(no)

    html = _Cells()
    html.feed(render_register(register, "html", "KPU Kota Mojokerto").decode("utf-8"))
    assert html.rows[0] == list(HEADER) and html.rows[no] == expected and len(html.rows) == len(names) + 1

    rows = list(csv.reader(io.StringIO(render_register(register, "csv").decode("utf-8-sig"))))
    assert rows[0] == list(HEADER) and rows[no] == expected

    md = render_register(register, "md").decode("utf-8")
    assert "| " + " | ".join(expected) + " |" in md

    document = docx.Document(io.BytesIO(render_register(register, "docx", "KPU Kota Mojokerto")))
    [table] = document.tables
    assert [c.text for c in table.rows[0].cells] == list(HEADER)
    assert [c.text for c in table.rows[no].cells] == expected
    assert document.sections[0].page_width > document.sections[0].page_height  # landscape

    pdf = PdfReader(io.BytesIO(render_register(register, "pdf", "KPU Kota Mojokerto")))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "DAFTAR STANDAR OPERASIONAL PROSEDUR" in text and "01/SOP/KU.01-SD/35.76/2022" in text
    assert all(name.split()[-1] in text for name in names)


def test_same_register_same_bytes(applied: Path) -> None:
    register = read_folder(applied).register(load_sops(applied))
    for fmt in EXPORT_FORMATS:
        assert render_register(register, fmt) == render_register(register, fmt), fmt


def test_export_refuses_to_write_inside_the_sops_folder(applied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = tree(applied)
    assert main(["daftar", str(applied), "-f", "pdf", "-o", str(applied / "daftar.pdf")]) == 1
    assert "di dalam folder SOP" in capsys.readouterr().err and tree(applied) == before
    assert main(["daftar", str(applied), "-o", "daftar.docx"]) == 0
    assert Path("daftar.docx").is_file()


def test_html_escapes_sop_names(tmp_path: Path) -> None:
    sops = copy_sample(tmp_path)
    path = sops / "hukum-sdm/berlaku/cuti-pegawai.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("nama: SOP Pelayanan Cuti Pegawai",
                                                             'nama: "SOP <script>alert(1)</script> & Cuti"'),
                    encoding="utf-8")
    page = render_register(read_folder(sops).register(), "html").decode("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert render_register(read_folder(sops).register(), "csv").decode("utf-8-sig")


def test_history_lists_every_version_with_meeting_and_changes(applied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history = sop_history(applied, "hukum-sdm/jdih")
    assert history is not None
    old, new = history.versions
    assert (old.revisi_ke, old.berlaku, old.rapat, old.perubahan) == (0, False, "", "")
    assert (new.revisi_ke, new.berlaku, new.rapat, new.tanggal) == (1, True, "rapat-2022-06-16", TANGGAL)
    assert "1 langkah ditambah" in new.perubahan and new.disahkan_oleh.startswith("Hendra Wijaya")
    capsys.readouterr()
    assert main(["riwayat", "hukum-sdm/jdih", "--sops", str(applied)]) == 0
    out = capsys.readouterr().out
    assert "Revisi ke-0 (digantikan)" in out and "Revisi ke-1 (berlaku)" in out and "rapat-2022-06-16" in out
    assert main(["riwayat", "tidak/ada", "--sops", str(applied)]) == 2


def test_an_interrupted_apply_is_reported_by_validate_and_finished_by_daftar(
        applied: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stage = applied / "daftar/.penerapan"
    stage.mkdir()
    (stage / "000000.baru").write_bytes(b"half")
    capsys.readouterr()
    assert main(["validate", str(applied)]) == 1
    assert "penerapan (tetapkan) terputus" in capsys.readouterr().err
    assert main(["daftar", str(applied)]) == 0
    assert "sebelum disahkan" in capsys.readouterr().err and not stage.exists()
    assert main(["validate", str(applied)]) == 0


def test_quick_scan_finds_the_same_pending_proposals_as_a_full_load(applied: Path) -> None:
    folder = read_folder(applied)
    full = {r.sop_id: r.tertunda for r in folder.register(load_sops(applied)).rows}
    quick = {r.sop_id: r.tertunda for r in folder.register().rows}
    assert quick == full and any(quick.values())


def test_a_long_register_repeats_the_header_on_every_pdf_page() -> None:
    from sopreview.domain.register import Register, RegisterRow

    rows = [RegisterRow(f"s/{n}", f"{n:02d}/SOP/KU.01-SD/35.76/2022", f"SOP Nomor {n} – uji ‘panjang’ {'x' * 60}",
                        "s", "Sub Bagian Keuangan, Umum dan Logistik", 0, "2022-06-20", "berlaku", "") for n in range(90)]
    pdf = PdfReader(io.BytesIO(render_register(Register(rows=rows), "pdf")))
    assert len(pdf.pages) >= 3
    for page in pdf.pages:
        text = page.extract_text()
        assert "Nomor SOP" in text and "Nama SOP" in text
    everything = " ".join(p.extract_text() for p in pdf.pages)
    assert "89/SOP/KU.01-SD/35.76/2022" in everything and "90 SOP: 90 berlaku" in everything
