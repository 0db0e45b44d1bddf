"""The daftar hadir to sign, printed before the meeting: No · Nama · Jabatan/Unit · Tanda tangan.

Offices alternate the signature column (odd numbers sign on the left half, even numbers on the
right) so that neighbouring signatures do not collide; guests get blank numbered rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sopreview.domain.model import Orang
from sopreview.domain.people import jabatan_unit  # noqa: F401 (also imported from here)
from sopreview.domain.sopdoc.geometry import Item, Page, Paper, Path, Text
from sopreview.domain.sopdoc.grid import GridColumn, layout_grid
from sopreview.domain.sopdoc.metrics import wrap

MARGIN = 15.0
ROW = 11.0
"""Row height (mm): room for a signature."""
COLUMNS = ("No", "Nama", "Jabatan / Unit", "Tanda tangan")


@dataclass(frozen=True)
class SheetInfo:
    instansi: str
    judul: str
    hari_tanggal: str
    waktu: str
    tempat: str


def sheet_rows(people: Sequence[Orang], blank: int) -> list[list[str]]:
    rows = [[str(k), o.nama, jabatan_unit(o), ""] for k, o in enumerate(people, start=1)]
    rows += [[str(len(people) + k), "", "", ""] for k in range(1, blank + 1)]
    return rows


def signature_mark(row: int, x: float, y: float, w: float, h: float) -> list[Item]:
    """The row's number and a dotted line, on the left half for odd numbers, the right half for even."""
    number = row + 1
    left = x + 2 if number % 2 else x + w / 2 + 2
    base = y + h - 3.0
    return [Text(round(left, 3), round(base, 3), f"{number}.", 8),
            Path(((round(left + 5, 3), round(base + 0.5, 3)), (round(left + w / 2 - 8, 3), round(base + 0.5, 3))),
                 panah=False, tebal=0.15)]


def layout_attendance(info: SheetInfo, people: Sequence[Orang], kertas: Paper, *, blank: int = 5) -> list[Page]:
    """Portrait pages: title, meeting lines, then the table (header repeated), footer page numbers."""
    width = kertas.lebar - 2 * MARGIN
    cols = [GridColumn(COLUMNS[0], 10, "middle"), GridColumn(COLUMNS[1], width * 0.3),
            GridColumn(COLUMNS[2], width * 0.33), GridColumn(COLUMNS[3], width * 0.37 - 10)]
    head: list[Item] = [Text(kertas.lebar / 2, 20.0, "DAFTAR HADIR", 14, True, "middle")]
    y = 26.0
    for line in wrap(info.instansi.upper(), width, 10, True):
        head.append(Text(kertas.lebar / 2, y, line, 10, True, "middle"))
        y += 5
    y += 3
    for label, value in (("Rapat", info.judul), ("Hari/Tanggal", info.hari_tanggal), ("Waktu", info.waktu),
                         ("Tempat", info.tempat)):
        lines = wrap(value or "-", width - 32, 9) or ["-"]
        head.append(Text(MARGIN, y, label, 9))
        head.append(Text(MARGIN + 26, y, ":", 9))
        for k, line in enumerate(lines):
            head.append(Text(MARGIN + 30, y + 4.2 * k, line, 9))
        y += 4.2 * len(lines) + 1
    rows = sheet_rows(people, blank)

    def extra(r: int, c: int, x: float, yy: float, w: float, h: float) -> list[Item]:
        return signature_mark(r, x, yy, w, h) if c == 3 else []

    bodies = layout_grid(cols, rows, MARGIN, y + 3, 15.0, kertas.tinggi - 15.0, size=9, min_row=ROW, extra=extra)
    pages = []
    for k, body in enumerate(bodies, start=1):
        footer = Text(kertas.lebar - MARGIN, kertas.tinggi - 8.0, f"Halaman {k} dari {len(bodies)}", 7.5,
                      anchor="end")
        pages.append(Page(kertas, tuple((head if k == 1 else []) + body + [footer]), "Daftar Hadir", "daftar-hadir"))
    return pages
