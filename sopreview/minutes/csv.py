"""Decisions as CSV, one row per proposal, for the secretariat's spreadsheets.

UTF-8 with a byte-order mark so Excel reads the names right (read it back with
``encoding="utf-8-sig"``); comma-separated with CRLF rows (RFC 4180). A cell that a
spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a leading
apostrophe: SOP text is typed by many people and must stay text.
"""

from __future__ import annotations

import csv
import io

from sopreview.minutes.model import Minutes

HEADER: tuple[str, ...] = (
    "No",
    "Sub Bagian",
    "Nama SOP",
    "Jenis",
    "Penyaji",
    "Keputusan",
    "Catatan Keputusan",
    "Hasil Evaluasi",
    "Kriteria Tidak Terpenuhi",
    "Tindak Lanjut",
    "Kode Keputusan",
    "ID Usulan",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe(value: object) -> str:
    """The cell text, defused if a spreadsheet would evaluate it."""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(m: Minutes) -> list[list[str]]:
    """The table as strings, header first (also what the tests read back)."""
    out = [list(HEADER)]
    for item in (*m.items, *m.evaluasi):  # evaluation items: Jenis "Evaluasi", Keputusan = the outcome
        ev = item.penilaian
        out.append([
            str(item.no),
            item.subbag_nama,
            item.nama,
            item.jenis_label,
            item.penyaji,
            item.keputusan_label,
            item.catatan_keputusan,
            ev.teks if ev else "Belum dievaluasi",
            "; ".join(ev.tidak_terpenuhi) if ev else "",
            "; ".join(f"{t.apa} ({t.siapa}, {t.kapan})" for t in item.tindak_lanjut),
            item.keputusan,
            item.id,
        ])
    return out


def render(m: Minutes) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows(m):
        writer.writerow([safe(c) for c in row])
    return buffer.getvalue().encode("utf-8-sig")
