"""A plain table that breaks across pages with its header repeated (table of contents, daftar hadir)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sopreview.domain.sopdoc.geometry import Item, Rect, Text
from sopreview.domain.sopdoc.metrics import line_height, wrap

PAD = 1.5
HEADER_FILL = "e6e6e6"


@dataclass(frozen=True)
class GridColumn:
    judul: str
    lebar: float
    rata: str = "start"
    """``start`` or ``middle``."""


CellDrawer = Callable[[int, int, float, float, float, float], list[Item]]
"""Extra drawing for a cell: (row, column, x, y, w, h) → items (the signature column's numbers)."""


def layout_grid(columns: Sequence[GridColumn], rows: Sequence[Sequence[str]], x0: float,
                first_top: float, top: float, bottom: float, *, size: float = 9.0, min_row: float = 0.0,
                extra: CellDrawer | None = None) -> list[list[Item]]:
    """Pages of items: the first page starts at ``first_top``, the others at ``top``; ``bottom`` is the limit."""
    lh = line_height(size)
    head_lines = [wrap(c.judul, c.lebar - 2 * PAD, size, bold=True) for c in columns]
    head_h = max(len(h) for h in head_lines) * lh + 2 * PAD
    pages: list[list[Item]] = []
    current: list[Item] = []
    y = 0.0

    def start(at: float) -> None:
        nonlocal current, y
        current = []
        pages.append(current)
        x = x0
        for col, lines in zip(columns, head_lines, strict=True):
            current.append(Rect(round(x, 3), round(at, 3), col.lebar, round(head_h, 3), fill=HEADER_FILL))
            for k, line in enumerate(lines):
                current.append(Text(round(x + col.lebar / 2, 3), round(at + PAD + lh * (k + 1) - lh * 0.25, 3),
                                    line, size, True, "middle"))
            x += col.lebar
        y = at + head_h

    start(first_top)
    for r, row in enumerate(rows):
        cells = [wrap(value, col.lebar - 2 * PAD, size) for value, col in zip(row, columns, strict=True)]
        h = max(max((len(c) for c in cells), default=1) * lh + 2 * PAD, min_row)
        if y + h > bottom and len(current) > 2 * len(columns):
            start(top)
        x = x0
        for c, (col, lines) in enumerate(zip(columns, cells, strict=True)):
            current.append(Rect(round(x, 3), round(y, 3), col.lebar, round(h, 3)))
            for k, line in enumerate(lines):
                tx = x + col.lebar / 2 if col.rata == "middle" else x + PAD
                current.append(Text(round(tx, 3), round(y + PAD + lh * (k + 1) - lh * 0.25, 3), line, size,
                                    anchor=col.rata))
            if extra:
                current.extend(extra(r, c, x, y, col.lebar, h))
            x += col.lebar
        y += h
    return pages
