"""Indonesian dates as a notulen writes them, independent of the machine's locale."""

from __future__ import annotations

import locale
from datetime import date, timedelta

import pytest

from sopreview.domain import dates


def test_seed_meeting_date() -> None:
    assert dates.hari_tanggal(date(2022, 6, 16)) == "Kamis, 16 Juni 2022"
    assert dates.hari_tanggal_teks("2022-06-16") == "Kamis, 16 Juni 2022"


def test_every_day_name_in_one_week() -> None:
    monday = date(2024, 1, 1)
    names = [dates.hari_tanggal(monday + timedelta(days=n)).split(",")[0] for n in range(7)]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@pytest.mark.parametrize(
    ("month", "name"),
    [(1, "Januari"), (2, "Februari"), (3, "Maret"), (5, "Mei"), (8, "Agustus"), (12, "Desember")],
)
def test_month_names(month: int, name: str) -> None:
    assert dates.tanggal(date(2023, month, 1)) == f"1 {name} 2023"


def test_locale_does_not_matter() -> None:
    previous = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        assert dates.hari_tanggal(date(2022, 6, 19)) == "Minggu, 19 Juni 2022"
    finally:
        locale.setlocale(locale.LC_TIME, previous)


def test_free_text_dates_are_kept() -> None:
    assert dates.tanggal_teks("akhir Juli 2022") == "akhir Juli 2022"
    assert dates.tanggal_teks("2022-02-30") == "2022-02-30"  # not a real date: shown as written
    assert dates.tanggal_teks("") == ""


def test_times_use_a_dot() -> None:
    assert dates.jam("9:00") == "09.00"
    assert dates.rentang_waktu("09:00", "12:30") == "09.00 \u2013 12.30"
    assert dates.rentang_waktu("08.30", "") == "08.30 \u2013 selesai"
    assert dates.rentang_waktu("", "") == ""


def test_document_timestamp_comes_from_the_meeting_date() -> None:
    assert dates.session_datetime("2022-06-16").isoformat() == "2022-06-16T00:00:00"
    assert dates.session_datetime("kapan-kapan").year == 2000
