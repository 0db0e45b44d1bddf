"""The Bagian Flowchart as the annex prints it: a table broken into pages, with the chart drawn in it.

Columns NO · KEGIATAN · one per PELAKSANA · MUTU BAKU (KELENGKAPAN · WAKTU · OUTPUT) ·
KETERANGAN; one row per step, as tall as its longest text. The actor columns hold only the
symbols: a capsule for the first and last step, a rectangle, a diamond with its two answers
written on its arrows, and arrows. Arrow routing reuses the on-screen chart's plan
(``plan_routes``): an arrow to the next row runs down, every other arrow (loops back, jumps)
leaves the symbol's right side and runs in a narrow track channel right of the actor columns;
an arrow that crosses a page ends in a lettered off-page connector, drawn in a band at the
bottom of one page and the top of the other. The header repeats on every page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sopreview.domain.flowchart.route import BOTTOM, PORT, TOP, RoutePlan, Side, plan_routes
from sopreview.domain.model import SIMBOL_KEPUTUSAN, SIMBOL_MULAI, SIMBOL_SELESAI, SopDocument, Step
from sopreview.domain.sopdoc.geometry import (
    CAPSULE,
    KEPUTUSAN,
    PENGHUBUNG,
    PROSES,
    Item,
    Path,
    Rect,
    Shape,
    Text,
)
from sopreview.domain.sopdoc.metrics import line_height, longest_word, wrap

SIZE = 7.0
"""Body text size (pt)."""
HEAD_SIZE = 6.5
PAD = 1.2
NO_W = 8.0
TEXT_COLS: tuple[tuple[str, float], ...] = (
    ("kegiatan", 62.0), ("kelengkapan", 34.0), ("waktu", 17.0), ("output", 30.0), ("keterangan", 28.0))
"""Preferred widths (mm) of the text columns; they give way (to 55 %) when there are many actors."""
MIN_SCALE = 0.55
MIN_ACTOR = 22.0
"""An actor column narrower than this makes the text columns give way."""
LEAST_ACTOR = 14.0
"""No actor column is ever narrower: more actors than fit is an error (use F4 or merge roles)."""
MAX_TITLE_LINES = 8
BAND = 10.0
"""Height of the connector band at a page's top or bottom."""
CONN = 5.5
TRACK = 3.0
WIDE_TRACK = 7.0
HEAD1 = 5.5
HEADER_FILL = "e6e6e6"
MARK_FILL = "fff2cc"


class LayoutProblem(ValueError):
    """Input the printed form cannot show; ``field`` is the YAML field (``pelaksana[3]``)."""

    def __init__(self, field: str, message: str, hint: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.hint = hint


class LayoutError(ValueError):
    def __init__(self, problems: list[LayoutProblem]) -> None:
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Column:
    key: str
    """``no``, ``kegiatan``, ``pelaksana:N``, ``kelengkapan``, ``waktu``, ``output``, ``keterangan``."""
    judul: str
    x: float
    w: float


@dataclass(frozen=True)
class Connector:
    huruf: str
    dari: int
    ke: int
    halaman_dari: int
    halaman_ke: int


@dataclass(frozen=True)
class FlowPage:
    langkah: tuple[int, ...]
    """Step numbers on this page, in order."""
    items: tuple[Item, ...]


@dataclass(frozen=True)
class FlowTable:
    columns: tuple[Column, ...]
    pages: tuple[FlowPage, ...]
    connectors: tuple[Connector, ...]
    loops: tuple[tuple[int, int], ...]
    """Arrows back to an earlier step, as (from, to)."""
    jumps: tuple[tuple[int, int], ...]
    """Arrows forward past the next row, as (from, to)."""
    gutter: float


@dataclass(frozen=True)
class Area:
    x: float
    y: float
    w: float
    h: float


def actors_of(doc: SopDocument) -> list[str]:
    return list(dict.fromkeys(list(doc.pelaksana) + [s.pelaksana for s in doc.langkah])) or ["Pelaksana"]


def check_targets(doc: SopDocument) -> list[LayoutProblem]:
    """Every decision answer and ``lanjut`` must name a step of the SOP."""
    numbers = {s.nomor for s in doc.langkah}
    last = max(numbers, default=0)
    problems = []
    for index, step in enumerate(doc.langkah, start=1):
        for label, target in step.successors(last):
            if target not in numbers:
                field = f"langkah[{index}].keputusan.{label}" if step.keputusan else f"langkah[{index}].lanjut"
                problems.append(LayoutProblem(
                    field, f"langkah {step.nomor} menuju langkah {target} yang tidak ada",
                    f"tulis nomor langkah antara 1 dan {last}"))
    return problems


def layout_table(doc: SopDocument, area: Area, *, tandai: frozenset[int] = frozenset()) -> FlowTable:
    """Lay out ``doc``'s flowchart table in ``area`` (mm), one ``FlowPage`` per printed page.

    ``tandai`` holds step numbers to mark as changed. Raises LayoutError for input the form
    cannot show (a jump to a missing step, an actor name too long for its column).
    """
    problems = check_targets(doc)
    if problems:
        raise LayoutError(problems)
    steps = list(doc.langkah)
    names = actors_of(doc)
    lane_of = [names.index(s.pelaksana) for s in steps]
    gutter = _gutter(plan_routes(steps, [0] * len(steps)))
    for _ in range(4):
        cols, actor_w = _columns(area, names, gutter)
        head_h, titles = _titles(names, actor_w, doc)
        texts = [_row_texts(s, cols) for s in steps]
        heights = [_row_height(s, t) for s, t in zip(steps, texts, strict=True)]
        page_of = _paginate(heights, area.h - head_h)
        plan = plan_routes(steps, page_of)
        needed = _gutter(plan)
        if needed <= gutter:
            break
        gutter = needed
    room = area.h - head_h - 2 * BAND
    too_tall = [LayoutProblem(f"langkah[{i + 1}]", f"teks langkah {s.nomor} terlalu panjang untuk satu halaman",
                              "persingkat kegiatan, kelengkapan, output atau keterangannya, atau cetak di kertas F4")
                for i, (s, h) in enumerate(zip(steps, heights, strict=True)) if h > room]
    if too_tall:
        raise LayoutError(too_tall)
    pages = []
    for p in range(max(page_of, default=0) + 1):
        rows = [i for i in range(len(steps)) if page_of[i] == p]
        items = _draw_page(p, rows, steps, cols, titles, head_h, texts, heights, lane_of, plan, area, gutter, tandai)
        pages.append(FlowPage(tuple(steps[i].nomor for i in rows), tuple(items)))
    row_of = {s.nomor: i for i, s in enumerate(steps)}
    connectors = tuple(
        Connector(e.penghubung, e.dari, e.ke, page_of[row_of[e.dari]], page_of[row_of[e.ke]])
        for e in plan.edges if e.penghubung)
    loops = tuple((e.dari, e.ke) for e in plan.edges if row_of[e.ke] <= row_of[e.dari])
    jumps = tuple((e.dari, e.ke) for e in plan.edges if row_of[e.ke] > row_of[e.dari] + 1)
    return FlowTable(tuple(cols), tuple(pages), connectors, loops, jumps, gutter)


def _gutter(plan: RoutePlan) -> float:
    widths = [sum(WIDE_TRACK if w > 2 else TRACK for w in page) for page in plan.track_widths]
    return max(widths, default=0.0) + 2.0


def _columns(area: Area, names: list[str], gutter: float) -> tuple[list[Column], float]:
    n = len(names)
    flex = sum(w for _, w in TEXT_COLS)
    scale = 1.0
    if area.w - NO_W - flex - gutter < n * MIN_ACTOR:
        scale = max(MIN_SCALE, (area.w - NO_W - gutter - n * MIN_ACTOR) / flex)
    widths = {k: round(w * scale, 2) for k, w in TEXT_COLS}
    actor_w = (area.w - NO_W - sum(widths.values()) - gutter) / n
    x = area.x
    cols = [Column("no", "NO", x, NO_W)]
    x += NO_W
    cols.append(Column("kegiatan", "KEGIATAN", x, widths["kegiatan"]))
    x += widths["kegiatan"]
    for k, name in enumerate(names):
        w = actor_w + (gutter if k == n - 1 else 0.0)  # the track channel closes the last actor column
        cols.append(Column(f"pelaksana:{k}", name, x, w))
        x += w
    for key in ("kelengkapan", "waktu", "output", "keterangan"):
        cols.append(Column(key, key.upper(), x, widths[key]))
        x += widths[key]
    return cols, actor_w


def _titles(names: list[str], actor_w: float, doc: SopDocument) -> tuple[float, list[list[str]]]:
    """Header height and each actor's wrapped title; an actor that cannot fit is an error."""
    problems = []
    inner = actor_w - 2 * PAD
    if actor_w < LEAST_ACTOR:
        problems.append(LayoutProblem(
            "pelaksana", f"{len(names)} pelaksana tidak muat dalam satu halaman (kolom {actor_w:.0f} mm)",
            "gabungkan peran yang sama, atau cetak di kertas F4 (`kertas: F4` di organisasi.yaml atau --kertas F4)"))
    titles = []
    for k, name in enumerate(names):
        lines = wrap(name, inner, HEAD_SIZE, bold=True)
        if not problems and (longest_word(name, HEAD_SIZE, True) > inner or len(lines) > MAX_TITLE_LINES):
            index = list(doc.pelaksana).index(name) + 1 if name in doc.pelaksana else 0
            problems.append(LayoutProblem(
                f"pelaksana[{index}]" if index else "pelaksana",
                f"nama pelaksana '{name}' terlalu panjang untuk kolomnya ({actor_w:.0f} mm)",
                f"singkat namanya (paling banyak {MAX_TITLE_LINES} baris, tiap kata muat {inner:.0f} mm), "
                "mis. 'Kasubbag Keuangan', atau cetak di kertas F4"))
        titles.append(lines)
    if problems:
        raise LayoutError(problems)
    lines = max(len(t) for t in titles)
    return HEAD1 + max(HEAD1, lines * line_height(HEAD_SIZE) + 2 * PAD), titles


def _row_texts(step: Step, cols: list[Column]) -> dict[str, list[str]]:
    out = {"no": [str(step.nomor)]}
    for col in cols:
        if col.key in ("kegiatan", "kelengkapan", "waktu", "output", "keterangan"):
            out[col.key] = wrap(getattr(step, col.key), col.w - 2 * PAD, SIZE)
    return out


def _symbol(step: Step) -> tuple[str, float]:
    """Shape kind and height (mm) of a step's symbol."""
    if step.simbol in (SIMBOL_MULAI, SIMBOL_SELESAI):
        return CAPSULE, 6.0
    if step.simbol == SIMBOL_KEPUTUSAN or step.keputusan:
        return KEPUTUSAN, 9.0
    return PROSES, 7.0


def _row_height(step: Step, texts: dict[str, list[str]]) -> float:
    lines = max(len(v) for v in texts.values())
    return round(max(lines * line_height(SIZE) + 2 * PAD, _symbol(step)[1] + 6.0), 3)


def _paginate(heights: list[float], body: float) -> list[int]:
    """Fill pages greedily, keeping room for connector bands (top after page 1; bottom unless it is the last)."""
    page_of: list[int] = []
    page, used, i = 0, 0.0, 0
    while i < len(heights):
        top = BAND if page else 0.0
        rest = sum(heights[i:])
        if top + rest <= body:  # everything left fits: no bottom band needed
            page_of += [page] * (len(heights) - i)
            break
        used = top + BAND
        start = i
        while i < len(heights) and used + heights[i] <= body:
            used += heights[i]
            page_of.append(page)
            i += 1
        if i == start:  # a single row taller than the page still gets a page of its own
            page_of.append(page)
            i += 1
        page += 1
    return page_of


@dataclass(frozen=True)
class _Sym:
    shape: Shape

    @property
    def cx(self) -> float:
        return self.shape.x + self.shape.w / 2

    @property
    def top(self) -> float:
        return self.shape.y

    @property
    def bottom(self) -> float:
        return self.shape.y + self.shape.h

    def right_at(self, y: float) -> float:
        """x of the symbol's right edge at height ``y``."""
        s = self.shape
        dy = abs(y - (s.y + s.h / 2))
        if s.kind == KEPUTUSAN:
            return s.x + s.w / 2 + (s.w / 2) * max(0.0, 1 - dy / (s.h / 2))
        if s.kind == CAPSULE:
            r = s.h / 2
            return s.x + s.w - r + math.sqrt(max(0.0, r * r - dy * dy))
        return s.x + s.w

    def port_y(self, line: int, count: int) -> float:
        s = self.shape
        return round(s.y + s.h * (line + 1) / (count + 1), 3)


def _draw_page(page: int, rows: list[int], steps: list[Step], cols: list[Column], titles: list[list[str]],
               head_h: float, texts: list[dict[str, list[str]]], heights: list[float], lane_of: list[int],
               plan: RoutePlan, area: Area, gutter: float, tandai: frozenset[int]) -> list[Item]:
    items: list[Item] = []
    items += _header(cols, titles, area, head_h)
    y = area.y + head_h
    has_top = plan.has_connector(page, TOP)
    has_bottom = plan.has_connector(page, BOTTOM)
    top_band = bottom_band = 0.0
    if has_top:
        top_band = y
        items += _band(cols, y)
        y += BAND
    actor_cols = [c for c in cols if c.key.startswith("pelaksana:")]
    syms: dict[int, _Sym] = {}
    row_y: dict[int, float] = {}
    for i in rows:
        row_y[i] = y
        marked = steps[i].nomor in tandai
        for col in cols:
            fill = MARK_FILL if marked and col.key in ("no", "kegiatan") else None
            items.append(Rect(col.x, y, col.w, heights[i], fill=fill))
            if col.key in texts[i]:
                items += _cell_text(col, y, texts[i][col.key], center=col.key in ("no", "waktu"))
        lane = actor_cols[lane_of[i]]
        kind, sh = _symbol(steps[i])
        lane_w = lane.w - (gutter if lane is actor_cols[-1] else 0.0)
        sw = min(lane_w - 4, 14.0 if kind == KEPUTUSAN else 20.0)
        shape = Shape(kind, round(lane.x + (lane_w - sw) / 2, 3), round(y + (heights[i] - sh) / 2, 3),
                      round(sw, 3), sh, nomor=steps[i].nomor)
        syms[i] = _Sym(shape)
        y += heights[i]
    if has_bottom:
        bottom_band = y
        items += _band(cols, y)
    track0 = actor_cols[-1].x + actor_cols[-1].w - gutter + 1.0
    arrows: list[Item] = []
    for d in plan.downs:
        if d.page != page:
            continue
        if d.src is not None and d.dst is not None:
            a, b = syms[d.src], syms[d.dst]
            mid = _jog_y(a.bottom, row_y[d.src] + heights[d.src], b.top)
            pts = [(a.cx, a.bottom)]
            if abs(a.cx - b.cx) > 0.01:
                pts += [(a.cx, mid), (b.cx, mid)]
            pts.append((b.cx, b.top))
            arrows.append(Path(tuple(pts)))
            if d.label:
                arrows.append(Text(a.cx + 1.0, a.bottom + 2.4, d.label, 6.0))
        elif d.src is not None:
            a = syms[d.src]
            conn_y = bottom_band + (BAND - CONN) / 2
            arrows.append(Path(((a.cx, a.bottom), (a.cx, conn_y))))
            arrows += _connector(a.cx, conn_y, d.conn)
            if d.label:
                arrows.append(Text(a.cx + 1.0, a.bottom + 2.4, d.label, 6.0))
        elif d.dst is not None:
            b = syms[d.dst]
            conn_y = top_band + (BAND - CONN) / 2
            arrows += _connector(b.cx, conn_y, d.conn)
            arrows.append(Path(((b.cx, conn_y + CONN), (b.cx, b.top))))
    xs = _track_xs(plan.track_widths[page], track0)
    for sd in plan.sides[page]:
        arrows += _side(sd, xs[sd.track], syms, plan.ports, top_band, bottom_band)
    items += arrows
    items += [s.shape for s in syms.values()]
    return items


def _jog_y(below: float, border: float, above: float) -> float:
    """Where an arrow to the next row runs sideways: the middle of the larger gap, off the grid line."""
    if above - border >= border - below:
        return round(border + (above - border) / 2, 3)
    return round(below + (border - below) / 2, 3)


def _track_xs(widths: list[int], start: float) -> list[float]:
    xs, pos = [], start
    for w in widths:
        size = WIDE_TRACK if w > 2 else TRACK
        xs.append(round(pos + size / 2, 3))
        pos += size
    return xs


def _side(sd: Side, tx: float, syms: dict[int, _Sym], ports: dict[int, int], top_band: float,
          bottom_band: float) -> list[Item]:
    out: list[Item] = []
    top_conn = top_band + (BAND - CONN) / 2
    bottom_conn = bottom_band + (BAND - CONN) / 2
    if sd.src[0] == PORT:
        row = int(sd.src[1])
        s = syms[row]
        ys = s.port_y(sd.lines["src"], ports[row])
        start = [(round(s.right_at(ys), 3), ys), (tx, ys)]
        if sd.label:  # above the line, or below it when it is the symbol's lowest port (clear of the others)
            below = ports[row] > 1 and sd.lines["src"] == ports[row] - 1
            out.append(Text(round(s.right_at(ys) + 0.8, 3), round(ys + 2.4 if below else ys - 0.8, 3), sd.label, 6.0))
    elif sd.src[0] == TOP:
        out += _connector(tx, top_conn, sd.conn)
        start = [(tx, top_conn + CONN)]
    else:
        out += _connector(tx, bottom_conn, sd.conn)
        start = [(tx, bottom_conn)]
    if sd.dst[0] == PORT:
        row = int(sd.dst[1])
        t = syms[row]
        yt = t.port_y(sd.lines["dst"], ports[row])
        end = [(tx, yt), (round(t.right_at(yt), 3), yt)]
    elif sd.dst[0] == TOP:
        out += _connector(tx, top_conn, sd.conn)
        end = [(tx, top_conn + CONN)]
    else:
        out += _connector(tx, bottom_conn, sd.conn)
        end = [(tx, bottom_conn)]
    pts = start + end
    dedup = [pts[0]] + [p for prev, p in zip(pts, pts[1:], strict=False) if p != prev]
    out.insert(0, Path(tuple(dedup)))
    return out


def _connector(cx: float, y: float, letter: str) -> list[Item]:
    return [Shape(PENGHUBUNG, round(cx - CONN / 2, 3), round(y, 3), CONN, CONN, letter),
            Text(cx, y + CONN * 0.5, letter, 6.5, bold=True, anchor="middle")]


def _band(cols: list[Column], y: float) -> list[Item]:
    return [Rect(c.x, y, c.w, BAND) for c in cols]


def _cell_text(col: Column, y: float, lines: list[str], *, center: bool = False, size: float = SIZE,
               bold: bool = False) -> list[Item]:
    lh = line_height(size)
    out: list[Item] = []
    for k, line in enumerate(lines):
        base = round(y + PAD + lh * k + size * 0.3528 * 0.95, 3)
        if center:
            out.append(Text(round(col.x + col.w / 2, 3), base, line, size, bold, "middle"))
        else:
            out.append(Text(round(col.x + PAD, 3), base, line, size, bold))
    return out


def _header(cols: list[Column], titles: list[list[str]], area: Area, head_h: float) -> list[Item]:
    """Two header rows: NO · KEGIATAN · PELAKSANA (over the actors) · MUTU BAKU (over three) · KETERANGAN."""
    y0 = area.y
    h2 = head_h - HEAD1
    items: list[Item] = []
    actors = [c for c in cols if c.key.startswith("pelaksana:")]
    mutu = [c for c in cols if c.key in ("kelengkapan", "waktu", "output")]

    def cell(x: float, y: float, w: float, h: float, lines: list[str]) -> None:
        items.append(Rect(round(x, 3), round(y, 3), round(w, 3), round(h, 3), fill=HEADER_FILL))
        lines = [part for line in lines for part in wrap(line, w - 1.0, HEAD_SIZE, bold=True)]
        lh = line_height(HEAD_SIZE)
        top = y + (h - lh * len(lines)) / 2
        for k, line in enumerate(lines):
            items.append(Text(round(x + w / 2, 3), round(top + lh * k + HEAD_SIZE * 0.3528 * 0.95, 3), line,
                              HEAD_SIZE, True, "middle"))

    for c in cols:
        if c.key in ("no", "kegiatan", "keterangan"):
            cell(c.x, y0, c.w, head_h, [c.judul])
    cell(actors[0].x, y0, sum(c.w for c in actors), HEAD1, ["PELAKSANA"])
    cell(mutu[0].x, y0, sum(c.w for c in mutu), HEAD1, ["MUTU BAKU"])
    for c, lines in zip(actors, titles, strict=True):
        cell(c.x, y0 + HEAD1, c.w, h2, lines)
    for c in mutu:
        cell(c.x, y0 + HEAD1, c.w, h2, [c.judul.capitalize()])
    return items
