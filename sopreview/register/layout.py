"""The Daftar SOP as one printed sheet: the decree's attachment (No · Nomor SOP · Nama SOP · Unit …).

Every renderer (md, html, docx, csv, pdf, terminal) reads this one model, so the formats
cannot drift apart: same columns, same order, same wording of status and dates.
"""

from __future__ import annotations

from dataclasses import dataclass

from sopreview.domain.register import STATUS_LABEL, STATUSES, Register
from sopreview.domain.dates import tanggal_teks

HEADER: tuple[str, ...] = ("No", "Nomor SOP", "Nama SOP", "Unit", "Revisi ke", "Tanggal Efektif", "Status",
                           "Ditetapkan/diubah oleh", "Usulan tertunda")
WIDTHS_MM: tuple[float, ...] = (10, 45, 56, 38, 12, 24, 28, 34, 26)
"""Column widths on landscape A4 (297 mm minus 12 mm margins = 273 mm); the PDF and DOCX share them."""


@dataclass(frozen=True)
class RegisterSheet:
    instansi: str
    judul: str
    lampiran: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    ringkasan: str
    sampel: bool


def build_sheet(register: Register, instansi: str = "") -> RegisterSheet:
    rows: list[tuple[str, ...]] = []
    for n, row in enumerate(register.rows, 1):
        rapat = f"{row.rapat_judul} ({row.rapat})" if row.rapat_judul else row.rapat
        if row.tanggal_status:
            rapat = f"{rapat} ({tanggal_teks(row.tanggal_status)})" if rapat else tanggal_teks(row.tanggal_status)
        status = STATUS_LABEL.get(row.status, row.status)
        if row.alasan:
            status = f"{status}: {row.alasan}"
        rows.append((str(n), row.nomor or "-", row.nama, row.subbag_nama, str(row.revisi_ke),
                     tanggal_teks(row.tanggal_efektif) if row.tanggal_efektif else "-", status,
                     rapat or "-", ", ".join(row.tertunda) or "-"))
    counts = register.counts()
    ringkasan = f"{len(register.rows)} SOP: " + ", ".join(
        f"{counts.get(s, 0)} {STATUS_LABEL[s].lower()}" for s in STATUSES)
    who = f" {instansi.upper()}" if instansi else ""
    return RegisterSheet(
        instansi=instansi,
        judul=f"DAFTAR STANDAR OPERASIONAL PROSEDUR ADMINISTRASI PEMERINTAHAN{who}",
        lampiran="Lampiran Keputusan tentang Penetapan Standar Operasional Prosedur Administrasi Pemerintahan",
        header=HEADER, rows=rows, ringkasan=ringkasan,
        sampel=any(r.sampel for r in register.rows))


SAMPLE_NOTE = "Contoh (data sampel): isi SOP bukan SOP resmi instansi."
