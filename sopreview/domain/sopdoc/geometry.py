"""What a printed page is made of: the drawing primitives every document renderer understands.

The layout (identity page, flowchart table, attendance sheet) is computed once into these, in
millimetres from the page's top-left corner; the PDF, HTML/SVG and picture renderers only draw
them. Text ``y`` is the baseline; sizes are in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Point = tuple[float, float]

CAPSULE = "kapsul"
PROSES = "proses"
KEPUTUSAN = "keputusan"
PENGHUBUNG = "penghubung"
SHAPES = (CAPSULE, PROSES, KEPUTUSAN, PENGHUBUNG)


@dataclass(frozen=True)
class Paper:
    """A sheet in the orientation it is printed (width × height, mm)."""

    nama: str
    lebar: float
    tinggi: float


PAPERS: dict[str, tuple[float, float]] = {"A4": (210.0, 297.0), "F4": (215.0, 330.0)}
"""Portrait sizes; F4 (folio) is the 215 × 330 mm sheet common in Indonesian offices."""


def paper(nama: str, *, landscape: bool = True) -> Paper:
    """The named paper (A4 or F4), landscape unless asked otherwise."""
    w, h = PAPERS[nama.upper()]
    return Paper(nama.upper(), h, w) if landscape else Paper(nama.upper(), w, h)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    """Hex colour ``rrggbb`` or None for no fill."""
    stroke: str | None = "000000"
    tebal: float = 0.25


@dataclass(frozen=True)
class Shape:
    """One of the regulation's flowchart symbols, ``kind`` in SHAPES; ``teks`` is a connector's letter."""

    kind: str
    x: float
    y: float
    w: float
    h: float
    teks: str = ""
    nomor: int = 0
    """Step number (0 for a connector)."""

    def outline(self) -> tuple[Point, ...]:
        """The symbol's outline as a polygon (a capsule's round ends as short arcs)."""
        x, y, w, h = self.x, self.y, self.w, self.h
        if self.kind == KEPUTUSAN:
            return ((x + w / 2, y), (x + w, y + h / 2), (x + w / 2, y + h), (x, y + h / 2))
        if self.kind == PENGHUBUNG:  # home plate pointing down
            return ((x, y), (x + w, y), (x + w, y + h * 0.6), (x + w / 2, y + h), (x, y + h * 0.6))
        if self.kind == CAPSULE:
            import math

            r = h / 2
            pts: list[Point] = []
            for k in range(9):  # right end, top to bottom
                a = -math.pi / 2 + math.pi * k / 8
                pts.append((x + w - r + r * math.cos(a), y + r + r * math.sin(a)))
            for k in range(9):  # left end, bottom to top
                a = math.pi / 2 + math.pi * k / 8
                pts.append((x + r + r * math.cos(a), y + r + r * math.sin(a)))
            return tuple((round(px, 3), round(py, 3)) for px, py in pts)
        return ((x, y), (x + w, y), (x + w, y + h), (x, y + h))


@dataclass(frozen=True)
class Path:
    """A polyline; ``panah`` puts an arrowhead at its last point."""

    points: tuple[Point, ...]
    panah: bool = True
    tebal: float = 0.3

    def arrowhead(self, size: float = 1.6) -> tuple[Point, ...]:
        """Triangle at the last point, pointing along the last segment."""
        (x0, y0), (x1, y1) = self.points[-2], self.points[-1]
        dx, dy = x1 - x0, y1 - y0
        length = (dx * dx + dy * dy) ** 0.5 or 1.0
        ux, uy = dx / length, dy / length
        bx, by = x1 - ux * size, y1 - uy * size
        half = size * 0.45
        return ((x1, y1), (round(bx - uy * half, 3), round(by + ux * half, 3)),
                (round(bx + uy * half, 3), round(by - ux * half, 3)))


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    teks: str
    size: float = 8.0
    bold: bool = False
    anchor: str = "start"
    """``start``, ``middle`` or ``end``: which point of the line ``x`` is."""
    warna: str = "000000"


@dataclass(frozen=True)
class Image:
    """A picture file (the office's logo); renderers read it, the layout never does."""

    x: float
    y: float
    w: float
    h: float
    path: str


Item = Rect | Shape | Path | Text | Image


@dataclass(frozen=True)
class Page:
    """One printed page: a sheet and what is drawn on it, in drawing order."""

    kertas: Paper
    items: tuple[Item, ...]
    judul: str = ""
    """What the page holds, for a table of contents or a picture's alt text."""
    bagian: str = ""
    """Kind of page: ``identitas``, ``flowchart``, ``daftar-isi``, ``daftar-hadir``."""

    def texts(self) -> list[str]:
        return [i.teks for i in self.items if isinstance(i, Text)]


@dataclass
class Canvas:
    """Collects primitives while a page is laid out."""

    kertas: Paper
    items: list[Item] = field(default_factory=list)

    def add(self, *items: Item) -> None:
        self.items.extend(items)

    def page(self, judul: str = "", bagian: str = "") -> Page:
        return Page(self.kertas, tuple(self.items), judul, bagian)
