"""Monitoring between meetings (issue 14): recording results (durable, checked), the due date and
``daftar --due``, the blank form read back in every format, and results over time in ``riwayat``."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from sopreview.cli import main
from sopreview.domain.monitoring import add_months
from sopreview.lifecycle.folder import read_folder
from sopreview.store.monitoring import MONITORING_FILE, read_log
from sopreview.store.session import Session

from tests.minutes.readers import parse_html

ROOT = Path(__file__).resolve().parents[2]
JDIH = "hukum-sdm/jdih"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    log = tmp_path / "sops" / MONITORING_FILE
    log.unlink(missing_ok=True)  # start without the sample records
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _record(*extra: str, date: str = "2022-12-15") -> int:
    return main(["monitoring", "record", JDIH, "--date", date, "--assessor", "Sri Wahyuni", *extra])


def test_recorded_results_are_on_disk_with_each_step(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _record("--not-running", "2", "--note", "2=nomor inventaris terlambat", "--action", "2=ingatkan") == 0
    assert "2023-06-15" in capsys.readouterr().out  # six months on
    log = read_log(folder / "sops")
    assert not log.problems and len(log.records) == 1
    record = log.records[0]
    assert (record.sop, record.tanggal, record.penilai, record.not_running) == (JDIH, "2022-12-15", "Sri Wahyuni", 1)
    step = record.langkah[1]
    assert (step.no, step.berjalan, step.catatan, step.tindakan) == (2, False, "nomor inventaris terlambat", "ingatkan")
    assert step.prosedur.startswith("Mencatat dokumen hukum")
    assert all(s.berjalan for s in record.langkah if s.no != 2)


@pytest.mark.parametrize("extra,words", [
    (("--not-running", "2"), "tanpa catatan"),
    (("--not-running", "99", "--note", "99=x"), "langkah 99 tidak ada"),
    (("--note", "tiga=x"), "NOMOR=TEKS"),
])
def test_bad_results_are_refused_and_nothing_is_written(folder: Path, capsys: pytest.CaptureFixture[str],
                                                         extra: tuple[str, ...], words: str) -> None:
    assert _record(*extra) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert not (folder / "sops" / MONITORING_FILE).exists()


def test_an_unknown_sop_names_what_is_in_force(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["monitoring", "record", "hukum-sdm/tidak-ada", "--date", "2022-12-15", "--assessor", "S"]) == 2
    assert "hukum-sdm/cuti-pegawai" in capsys.readouterr().err


def _due(capsys: pytest.CaptureFixture[str], as_of: str) -> str:
    assert main(["daftar", "--jatuh-tempo", "--as-of", as_of]) == 0
    return capsys.readouterr().out


def test_due_list_follows_the_last_monitoring(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert JDIH in _due(capsys, "2022-12-01")  # never monitored: due six months after it took effect
    assert _record() == 0
    capsys.readouterr()
    assert JDIH not in _due(capsys, "2023-05-01")  # next due 2023-06-15, more than 30 days away
    soon = _due(capsys, "2023-05-20")
    assert JDIH in soon and "dalam 26 hari" in soon
    late = _due(capsys, "2023-07-01")
    assert JDIH in late and "lewat 16 hari" in late and "terakhir 15 Desember 2022" in late
    # the register shows the last monitoring and the next due date
    assert main(["daftar"]) == 0
    assert "monitoring terakhir 15 Desember 2022 · berikutnya 15 Juni 2023" in capsys.readouterr().out


def test_the_interval_is_configurable_in_organisasi(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    org = folder / "sops" / "organisasi.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "\nmonitoring_bulan: 3\n", encoding="utf-8")
    assert _record() == 0
    assert "2023-03-15" in capsys.readouterr().out
    assert read_folder(folder / "sops").register_with_monitoring().row(JDIH).monitoring_berikut == "2023-03-15"
    assert main(["validate", "sops"]) == 0


def test_a_revoked_sop_is_not_due(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert JDIH in _due(capsys, "2030-01-01")
    assert main(["status", JDIH, "dicabut", "--reason", "dialihkan", "--date", "2022-01-01"]) == 0
    capsys.readouterr()
    assert JDIH not in _due(capsys, "2030-01-01")


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(dt.date(2022, 8, 31), 6) == dt.date(2023, 2, 28)
    assert add_months(dt.date(2023, 8, 31), 6) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2022, 12, 15), 6) == dt.date(2023, 6, 15)


def test_a_torn_line_is_cut_and_a_damaged_line_is_reported_not_fatal(folder: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert _record() == 0
    path = folder / "sops" / MONITORING_FILE
    good = path.read_bytes()
    path.write_bytes(good + b'{"sop": "x", "tanggal": 5}\n' + b'{"sop":"hukum-sdm/jdih","tang')  # bad + torn
    log = read_log(folder / "sops")
    assert len(log.records) == 1 and log.torn
    assert any(p.line == 2 and p.field == "sop" or p.line == 2 and "tanggal" in p.field for p in log.problems)
    assert _record(date="2023-06-01") == 0  # the torn tail is cut before appending
    log = read_log(folder / "sops")
    assert [r.tanggal for r in log.records] == ["2022-12-15", "2023-06-01"] and not log.torn
    assert path.read_bytes().startswith(good)  # earlier lines never rewritten
    capsys.readouterr()
    assert main(["daftar"]) == 0
    captured = capsys.readouterr()
    assert "monitoring.jsonl:2" in captured.err and "Traceback" not in captured.err


def test_blank_form_in_each_format_has_one_row_per_step(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    steps = [s.kegiatan for s in next(f for f in read_folder(folder / "sops").in_force
                                      if f.sop_id == JDIH).dokumen.langkah]
    out = folder / "out"
    out.mkdir()
    for fmt in ("pdf", "docx", "html"):
        assert main(["monitoring", "form", JDIH, "-f", fmt, "-o", str(out / f"form.{fmt}")]) == 0
    text = " ".join(page.extract_text() for page in PdfReader(out / "form.pdf").pages)
    assert "FORMULIR MONITORING" in text and "Paraf penilai" in text and "05/SOP/HK.05-SD/35.76/2020" in text
    assert steps[0][:30] in " ".join(text.split())
    table = Document(io.BytesIO((out / "form.docx").read_bytes())).tables[0]
    assert len(table.rows) == 1 + len(steps)
    assert [c.text for c in table.rows[0].cells][:3] == ["No", "Prosedur", "Berjalan dengan baik"]
    assert [r.cells[1].text for r in table.rows[1:]] == steps
    html = parse_html((out / "form.html").read_bytes()).all_text
    assert "Tindakan yang harus diambil" in html and "Catatan hasil penilaian" in html


def test_form_of_all_due_and_never_into_the_sops_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["monitoring", "form", "--due", "--as-of", "2030-01-01", "-f", "docx", "-o", "semua.docx"]) == 0
    count = len(read_folder(folder / "sops").in_force)
    assert f"({count} SOP)" in capsys.readouterr().out
    assert len(Document("semua.docx").tables) == count
    assert main(["monitoring", "form", JDIH, "-o", "sops/form.pdf"]) == 1
    assert "di dalam folder SOP" in capsys.readouterr().err and not (folder / "sops" / "form.pdf").exists()


def test_riwayat_shows_results_over_time(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _record("--not-running", "2,3", "--note", "2=a", "--note", "3=b") == 0
    assert main(["new", "r", "--evaluasi", JDIH]) == 0
    with Session.open(folder / "sessions" / "r.json") as s:
        ids = [c.id for c in s.criteria]
        s.record_evaluation("hukum-sdm/berlaku/jdih", {k: (n != 0) for n, k in enumerate(ids)})
        s.record_decision("hukum-sdm/berlaku/jdih", "masih_sesuai")
    assert main(["tetapkan", "r", "--date", "2023-01-10", "--apply"]) == 0
    assert _record(date="2023-06-10") == 0
    capsys.readouterr()
    assert main(["riwayat", JDIH]) == 0
    out = capsys.readouterr().out
    assert "2022-12-15 monitoring (Sri Wahyuni): 2 dari 7 langkah tidak berjalan baik" in out
    assert f"2023-01-10 evaluasi: Masih sesuai, {len(ids) - 1} dari {len(ids)} kriteria terpenuhi" in out
    assert "2023-06-10 monitoring (Sri Wahyuni): 0 dari 7 langkah tidak berjalan baik" in out
    line = next(l for l in out.splitlines() if l.startswith("Hasil dari waktu ke waktu"))
    assert line.split()[-1] == "▆▇█"


def test_append_survives_reading_back_as_json_lines(folder: Path) -> None:
    """Each record is one JSON line (a person can read the log; git diffs stay one line per monitoring)."""
    assert _record() == 0 and _record(date="2023-06-01") == 0
    lines = (folder / "sops" / MONITORING_FILE).read_text(encoding="utf-8").splitlines()
    assert [json.loads(l)["tanggal"] for l in lines] == ["2022-12-15", "2023-06-01"]


def test_latest_records_ranks_without_parsing_yet_counts_hand_edited_lines(folder: Path) -> None:
    """The due list's fast scan must agree with reading every record, a hand-written line included."""
    from sopreview.domain.monitoring import latest_by_sop
    from sopreview.store.monitoring import latest_records

    assert _record() == 0 and _record(date="2023-06-01") == 0
    assert main(["monitoring", "record", "hukum-sdm/cuti-pegawai", "--date", "2023-01-05", "--assessor", "A"]) == 0
    path = folder / "sops" / MONITORING_FILE
    line = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    line["tanggal"] = "2023-09-09"  # written by hand with other spacing: not the fast pattern
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(line) + "\n")
    fast = {r.sop: r.tanggal for r in latest_records(folder / "sops").records}
    full = {k: v.tanggal for k, v in latest_by_sop(read_log(folder / "sops").records).items()}
    assert fast == full == {JDIH: "2023-09-09", "hukum-sdm/cuti-pegawai": "2023-01-05"}


def test_an_unreadable_log_is_named_by_both_readers(tmp_path: Path) -> None:
    """The full read and the due-list read report a log they cannot read, naming it (a folder in its
    place stands in for a permission problem: tests run as root)."""
    from sopreview.store.monitoring import latest_records

    (tmp_path / MONITORING_FILE).mkdir(parents=True)
    for log in (read_log(tmp_path), latest_records(tmp_path)):
        assert log.records == [] and len(log.problems) == 1
        assert "tidak terbaca" in log.problems[0].message and MONITORING_FILE in log.problems[0].path
    assert read_log(tmp_path / "kosong").problems == []  # no log yet is not a problem
