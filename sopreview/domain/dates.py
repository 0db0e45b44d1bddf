"""Indonesian day and month names, for the dates a notulen must spell out.

Python's ``strftime`` follows the process locale, which is rarely ``id_ID`` on the office
machine, so the names are data here and the formatting never depends on the locale.
"""

from __future__ import annotations

import re
from datetime import date, datetime

HARI: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
"""Day names, Monday first (the order of ``date.weekday()``)."""

BULAN: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DIGITS_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_iso_date(text: str) -> date | None:
    """The date in ``YYYY-MM-DD`` text, or None when the text is not such a date."""
    text = (text or "").strip()
    if not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def tanggal(value: date) -> str:
    """``16 Juni 2022``."""
    return f"{value.day} {BULAN[value.month - 1]} {value.year}"


def hari_tanggal(value: date) -> str:
    """``Kamis, 16 Juni 2022`` — the Hari/Tanggal line of a notulen."""
    return f"{HARI[value.weekday()]}, {tanggal(value)}"


def tanggal_teks(text: str) -> str:
    """Format an ISO date as ``16 Juni 2022``; free text (``akhir Juli``) is kept as written."""
    parsed = parse_iso_date(text)
    return tanggal(parsed) if parsed else (text or "").strip()


def hari_tanggal_teks(text: str) -> str:
    """Format an ISO date as ``Kamis, 16 Juni 2022``; other text is kept as written."""
    parsed = parse_iso_date(text)
    return hari_tanggal(parsed) if parsed else (text or "").strip()


def jam(text: str) -> str:
    """``09:00`` → ``09.00``: Indonesian writing separates hours and minutes with a dot."""
    text = (text or "").strip()
    match = _CLOCK.match(text)
    if not match:
        return text
    return f"{int(match.group(1)):02d}.{match.group(2)}"


def rentang_waktu(mulai: str, selesai: str) -> str:
    """``09.00 – 12.00``; an unknown end reads ``09.00 – selesai`` as offices write it."""
    awal, akhir = jam(mulai), jam(selesai)
    if awal and akhir:
        return f"{awal} \u2013 {akhir}"
    if awal:
        return f"{awal} \u2013 selesai"
    return akhir


def dengan_zona(waktu: str, zona: str) -> str:
    """``09.00 – 12.30`` → ``09.00 – 12.30 WIB``: official documents name the time zone."""
    waktu = (waktu or "").strip()
    if not waktu or not zona or not _HAS_CLOCK.search(waktu) or waktu.endswith(zona):
        return waktu
    return f"{waktu} {zona}"


_HAS_CLOCK = re.compile(r"\d{2}\.\d{2}")


def session_datetime(text: str) -> datetime:
    """Midnight of the meeting date (for fixed document timestamps); 1 Jan 2000 when unknown."""
    parsed = parse_iso_date(text)
    if parsed is None:
        return datetime(2000, 1, 1)
    return datetime(parsed.year, parsed.month, parsed.day)


def real_date(text: str) -> bool:
    """True for an existing calendar day written YYYY-MM-DD (2022-02-30 is not one)."""
    if not DIGITS_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
