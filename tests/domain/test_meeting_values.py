"""Meeting header and follow-up values: real dates and times only, messages in the users' words."""

from __future__ import annotations

import pytest

from sopreview.domain.header import META_FIELDS, META_LABEL, default_officials, validate_meta
from sopreview.domain.records import find_name, validate_kapan
from sopreview.domain.model import Orang
from sopreview.domain.problems import ERROR, WARNING, Problem, summary


@pytest.mark.parametrize("value", ["2022-02-30", "2022-13-45", "2022-00-10", "2023-02-29"])
def test_impossible_dates_are_refused(value: str) -> None:
    error = validate_meta("tanggal", value)
    assert error is not None and error.startswith("Tanggal") and "kalender" in error


@pytest.mark.parametrize("value", ["2022-06-16", "2024-02-29", ""])
def test_real_dates_pass(value: str) -> None:
    assert validate_meta("tanggal", value) is None


@pytest.mark.parametrize("value", ["25:99", "24:00", "09:60", "9", "jam 9"])
def test_bad_times_name_the_field_not_its_id(value: str) -> None:
    error = validate_meta("waktu_mulai", value)
    assert error is not None and error.startswith("Waktu mulai") and "waktu_mulai" not in error


def test_every_field_has_a_label_and_no_message_leaks_an_id() -> None:
    assert set(META_LABEL) == set(META_FIELDS)
    for name in META_FIELDS:
        error = validate_meta(name, 5)
        assert error is not None and error.startswith(META_LABEL[name]) and name not in error.split()[0]
    assert validate_meta("waktu_selesai", "23:59") is None and validate_meta("waktu_selesai", "7.30") is None


@pytest.mark.parametrize("kapan,ok", [
    ("2022-07-15", True), ("Juli 2022", True), ("akhir Juli 2022", True), ("2022-13-01", False),
    ("2022-02-30", False), ("15/07/2022", False), ("", False), ("  ", False),
])
def test_kapan_free_text_or_real_date(kapan: str, ok: bool) -> None:
    assert (validate_kapan(kapan) is None) is ok


def test_officials_only_when_unambiguous() -> None:
    people = [Orang("A", "Ketua KPU Kota"), Orang("B", "Sekretaris KPU Kota"), Orang("C", "Kepala Sub Bagian")]
    assert default_officials(people) == {"ketua": "A", "sekretaris": "B"}
    assert default_officials([*people, Orang("D", "ketua tim")]) == {"sekretaris": "B"}
    assert default_officials([Orang("E", "Wakil Ketua")]) == {}


def test_find_name_prefers_exact_then_unique_casefold() -> None:
    names = ["Noor Ifah", "noor ifah", "Budi  Santoso"]
    assert find_name("noor ifah", names) == "noor ifah"
    assert find_name("NOOR IFAH", names) is None  # two candidates: ambiguous
    assert find_name("budi santoso", names) == "Budi  Santoso"
    assert find_name("", names) is None and find_name("Siti", names) is None


def test_problem_has_one_label_and_one_summary() -> None:
    problems = [Problem("a.yaml", 3, "nama", "kosong"), Problem("a.yaml", 5, "", "x"),
                Problem("b.yaml", None, "", "usang", severity=WARNING)]
    assert str(problems[0]) == "a.yaml:3 [nama]: galat: kosong"
    assert str(problems[2]).count("peringatan") == 1 and "galat" not in str(problems[2])
    assert problems[0].severity == ERROR
    assert summary(problems) == "2 galat, 1 peringatan di 2 berkas"
    assert summary([]) == "0 galat, 0 peringatan di 0 berkas"


def test_the_meeting_cannot_end_before_it_starts() -> None:
    from sopreview.domain.header import validate_meeting_times

    assert validate_meeting_times("09:00", "12:00") is None
    assert validate_meeting_times("09:00", "") is None
    problem = validate_meeting_times("10:00", "9.00")
    assert problem is not None and "harus setelah" in problem and "field" not in problem


def test_evaluation_sentence_says_how_many_are_unanswered() -> None:
    from sopreview.domain.records import Evaluation

    partial = Evaluation({"k1": True, "k2": False, "k3": None, "k4": None})
    assert partial.ringkasan == "1 dari 4 kriteria terpenuhi (2 belum dinilai)"
    assert Evaluation({"k1": True, "k2": True}).ringkasan == "2 dari 2 kriteria terpenuhi"
