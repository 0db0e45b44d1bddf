"""The Daftar SOP for the terminal, Markdown and CSV (small, dependency-free renderers)."""

from __future__ import annotations

import csv
import io

from sopreview.domain.dates import tanggal_teks
from sopreview.domain.register import Register, RegisterRow
from sopreview.register.layout import SAMPLE_NOTE, RegisterSheet, build_sheet

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def register_text(register: Register, instansi: str = "") -> str:
    """One SOP per line block, for `sopreview daftar` without a format."""
    sheet = build_sheet(register, instansi)
    lines = [sheet.judul, sheet.ringkasan, ""]
    for row, sop in zip(sheet.rows, register.rows, strict=True):
        no, nomor, nama, unit, revisi, efektif, status, rapat, tertunda = row
        lines.append(f"{no:>3}. {nomor}  {nama}")
        lines.append(f"     {unit} · revisi ke-{revisi} · efektif {efektif} · {status}")
        extra = []
        if rapat != "-":
            extra.append(f"oleh {rapat}")
        if tertunda != "-":
            extra.append(f"usulan tertunda: {tertunda}")
        if extra:
            lines.append("     " + " · ".join(extra))
        if sop.monitoring_terakhir or sop.monitoring_berikut:
            lines.append("     " + monitoring_text(sop))
    return "\n".join(lines)


def monitoring_text(row: RegisterRow) -> str:
    """``monitoring terakhir 15 Desember 2022 (1 langkah tidak berjalan baik) · berikutnya 15 Juni 2023``."""
    if row.monitoring_terakhir:
        last = f"monitoring terakhir {tanggal_teks(row.monitoring_terakhir)}"
        if row.monitoring_tidak:
            last += f" ({row.monitoring_tidak} langkah tidak berjalan baik)"
    else:
        last = "belum pernah dimonitor"
    due = tanggal_teks(row.monitoring_berikut) if row.monitoring_berikut else "segera"
    return f"{last} · berikutnya {due}"


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def render_md(sheet: RegisterSheet) -> bytes:
    out = [f"# {sheet.judul}", "", f"*{sheet.lampiran}*", ""]
    if sheet.sampel:
        out += [f"> {SAMPLE_NOTE}", ""]
    out.append("| " + " | ".join(sheet.header) + " |")
    out.append("|" + "|".join("---:" if h in ("No", "Revisi ke") else "---" for h in sheet.header) + "|")
    out.extend("| " + " | ".join(_md_cell(c) for c in row) + " |" for row in sheet.rows)
    out += ["", sheet.ringkasan, ""]
    return "\n".join(out).encode("utf-8")


def _safe(text: str) -> str:
    """Defuse what a spreadsheet would run as a formula (a lone '-' for "none" is not one)."""
    return "'" + text if text.startswith(_FORMULA_START) and text != "-" else text


def render_csv(sheet: RegisterSheet) -> bytes:
    """UTF-8 with BOM and CRLF like the minutes' CSV; formula-looking cells defused."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(sheet.header)
    writer.writerows([_safe(c) for c in row] for row in sheet.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
