"""The blank monitoring form of one SOP in force (PermenPANRB 35/2012): one row per step.

No · Prosedur · Penilaian (berjalan dengan baik / tidak berjalan dengan baik, ticked) · Catatan
hasil penilaian · Tindakan yang harus diambil · Paraf penilai. Landscape, so the notes have room
to be written by hand; the SOP's identity above the table says which version was monitored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopreview.domain.model import SopDocument
from sopreview.domain.monitoring import FORM_COLUMNS
from sopreview.domain.sopdoc.geometry import Item, Page, Paper, Text
from sopreview.domain.sopdoc.grid import GridColumn, layout_grid
from sopreview.domain.sopdoc.metrics import wrap

MARGIN = 12.0
ROW = 14.0
"""Row height (mm): room for a handwritten note and a paraf."""


@dataclass(frozen=True)
class FormInfo:
    instansi: str
    unit: str
    sop_id: str


def form_rows(dokumen: SopDocument) -> list[list[str]]:
    return [[str(s.nomor), s.kegiatan, "", "", "", "", ""] for s in dokumen.langkah]


def identity_lines(dokumen: SopDocument, info: FormInfo) -> list[tuple[str, str]]:
    return [("Nama SOP", dokumen.nama), ("Nomor SOP", dokumen.nomor or "-"),
            ("Revisi ke", str(dokumen.revisi_ke)), ("Unit", info.unit or "-"),
            ("Tanggal monitoring", "...................................."),
            ("Penilai", "....................................")]


def layout_form(dokumen: SopDocument, info: FormInfo, kertas: Paper) -> list[Page]:
    """Landscape pages: title, the SOP's identity, then the table (header repeated), page numbers."""
    width = kertas.lebar - 2 * MARGIN
    share = (width - 10 - 2 * 24 - 22) / 3
    widths = (10, share * 1.1, 24, 24, share * 0.95, share * 0.95, 22)
    cols = [GridColumn(t, w, "middle" if k in (0, 2, 3) else "start") for k, (t, w) in enumerate(zip(FORM_COLUMNS, widths))]
    head: list[Item] = [Text(kertas.lebar / 2, 16.0, "FORMULIR MONITORING PELAKSANAAN SOP", 13, True, "middle")]
    y = 22.0
    for line in wrap(info.instansi.upper(), width, 10, True):
        head.append(Text(kertas.lebar / 2, y, line, 10, True, "middle"))
        y += 5
    y += 2
    for label, value in identity_lines(dokumen, info):
        lines = wrap(value, width - 45, 9) or ["-"]
        head.append(Text(MARGIN, y, label, 9))
        head.append(Text(MARGIN + 38, y, ":", 9))
        for k, line in enumerate(lines):
            head.append(Text(MARGIN + 42, y + 4.2 * k, line, 9))
        y += 4.2 * len(lines) + 0.6
    bodies = layout_grid(cols, form_rows(dokumen), MARGIN, y + 2, 12.0, kertas.tinggi - 12.0, size=8.5, min_row=ROW)
    pages = []
    for k, body in enumerate(bodies, start=1):
        footer = Text(kertas.lebar - MARGIN, kertas.tinggi - 6.0, f"{info.sop_id} · Halaman {k} dari {len(bodies)}",
                      7.5, anchor="end")
        pages.append(Page(kertas, tuple((head if k == 1 else []) + body + [footer]), "Formulir Monitoring",
                          "monitoring"))
    return pages


def layout_forms(forms: Sequence[tuple[SopDocument, FormInfo]], kertas: Paper) -> list[Page]:
    """Several SOPs' forms in one file (all SOPs due), each starting on a new page."""
    return [page for dokumen, info in forms for page in layout_form(dokumen, info, kertas)]
