"""Swimlane layout of an SOP's Bagian Flowchart: steps in, a grid of character cells out.

One lane per pelaksana (in the document's order), one row per step, the regulation's symbols
drawn with box-drawing characters. An arrow to the next row runs down (jogging sideways when
the lane changes); any other arrow leaves the symbol's right side and runs along a track
column right of the lanes. When the chart is split into pages, arrows that cross a page end
in lettered off-page connectors. Pure: the terminal widget and the HTML export share it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sopreview.domain.flowchart.draw import (
    CONNECTOR_HEIGHT,
    ROLE_NAMES,
    Canvas,
    Deco,
    box_text_width,
    box_width_for,
    clean,
    down_edge,
    draw_connector,
    draw_symbol,
    fit,
    wrap,
)
from sopreview.domain.flowchart.route import Anchor, Edge, RoutePlan, draw_side, plan_routes, track_xs
from sopreview.domain.model import SopDocument, Step

__all__ = ["ROLE_NAMES", "Box", "Edge", "FlowGrid", "Lane", "abbreviate", "layout_flowchart", "mutu_fits"]

MIN_LANE = 12
"""Narrowest lane (cells); below it the grid grows wider than the screen and scrolls."""
MAX_BOX = 44
TITLE_LINES = 2
"""A lane title may wrap onto this many header lines before it is abbreviated."""
LABEL_CAP = 9
_STOPWORDS = {"dan", "&", "di", "ke", "dari", "yang", "untuk", "atau", "pada", "dengan"}


@dataclass(frozen=True)
class Lane:
    nama: str
    singkat: str
    """Title shown above the lane; differs from ``nama`` only when abbreviated (see legend)."""
    x: int
    lebar: int


@dataclass(frozen=True)
class Box:
    """Where a step's symbol was placed."""

    nomor: int
    baris: int
    lajur: int
    halaman: int
    simbol: str
    x: int
    y: int
    lebar: int
    tinggi: int
    teks: tuple[str, ...]

    @property
    def tengah(self) -> int:
        return self.x + self.lebar // 2

    @property
    def kanan(self) -> int:
        return self.x + self.lebar - 1

    @property
    def bawah(self) -> int:
        return self.y + self.tinggi - 1


@dataclass(frozen=True)
class FlowGrid:
    """The drawn chart: ``header`` rows (lane titles) stay pinned, ``lines`` scroll."""

    lebar: int
    header: tuple[str, ...]
    header_roles: tuple[str, ...]
    lines: tuple[str, ...]
    roles: tuple[str, ...]
    lanes: tuple[Lane, ...]
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]
    halaman_y: tuple[int, ...]
    """Body row where each page starts."""
    legenda: tuple[str, ...]
    masalah: tuple[str, ...]
    mutu: bool

    def box(self, nomor: int) -> Box:
        for box in self.boxes:
            if box.nomor == nomor:
                return box
        raise KeyError(nomor)

    @property
    def text(self) -> str:
        return "\n".join(self.header + self.lines)

    def runs(self, y: int, *, header: bool = False) -> list[tuple[str, str]]:
        """Row ``y`` as (text, role name) runs, for renderers."""
        line = (self.header if header else self.lines)[y]
        roles = (self.header_roles if header else self.roles)[y]
        out: list[tuple[str, str]] = []
        start = 0
        for i in range(1, len(line) + 1):
            if i == len(line) or roles[i] != roles[start]:
                out.append((line[start:i], ROLE_NAMES[roles[start]]))
                start = i
        return out


def abbreviate(nama: str, width: int) -> str:
    """Lane title that fits ``width``: the name, 'Kasubbag KUL', 'KKUL', or cut with '…'."""
    nama = clean(nama)
    if len(nama) <= width:
        return nama
    words = [w.strip(",.;()") for w in nama.split()]
    words = [w for w in words if w]
    initials = "".join(w[0].upper() for w in words[1:] if w.lower() not in _STOPWORDS)
    for candidate in (f"{words[0]} {initials}", words[0][0].upper() + initials):
        if initials and len(candidate) <= width:
            return candidate
    return fit(nama, width)


TANDA_AMANDEMEN = "✎"
"""Written beside a step the meeting amended (a character, so it reads on a black-and-white projector)."""


def layout_flowchart(
    doc: SopDocument, width: int = 80, *, mutu: bool = False, halaman: int | None = None, fit: bool = False,
    tandai: frozenset[int] = frozenset(),
) -> FlowGrid:
    """Lay out and draw ``doc``'s steps for a screen ``width`` cells wide.

    ``mutu`` adds the Mutu Baku columns (Kelengkapan, Waktu, Output); ``halaman`` splits the
    chart every that many steps, with off-page connectors. ``fit`` (the room's view) wraps at
    spaces only: each lane and Mutu Baku column is at least as wide as its longest word, the
    rest of ``width`` is shared out evenly; only when those minimums exceed ``width`` does the
    grid grow wider than the screen. ``tandai``: numbers of the steps amended in the meeting,
    marked ✎ above their number and explained in the legend.
    """
    steps = list(doc.langkah)
    names = list(dict.fromkeys(list(doc.pelaksana) + [s.pelaksana for s in steps])) or ["Pelaksana"]
    lane_of = [names.index(s.pelaksana) for s in steps]
    per_page = halaman if halaman and halaman > 0 else max(1, len(steps))
    page_of = [i // per_page for i in range(len(steps))]
    plan = plan_routes(steps, page_of)

    # Columns: number, lanes, track channel, Mutu Baku.
    nw = max(3, len(str(max((s.nomor for s in steps), default=0))) + 1)
    labels = [  # an answer written on an arrow leaving the last lane needs room before the tracks
        len(sd.label)
        for ps in plan.sides
        for sd in ps
        if sd.label and sd.src[0] == "port" and lane_of[int(sd.src[1])] == len(names) - 1
    ]
    zone = min(max(labels), LABEL_CAP) + 4 if labels else 2
    chan = zone + max((sum(w) for w in plan.track_widths), default=0) + 1
    if fit:
        lane_widths, mutu_cols = _fit_columns(names, steps, lane_of, width - nw - chan, mutu)
        mutu_w = (sum(mutu_cols) + len(mutu_cols) + 1) if mutu else 0
        lanes = _named_lanes(names, lane_widths, nw)
    else:
        mutu_cols = _mutu_widths(width) if mutu else ()
        mutu_w = (sum(mutu_cols) + len(mutu_cols) + 1) if mutu else 0
        lanes = _lanes(names, nw, width - nw - chan - mutu_w)
    chan_x = lanes[-1].x + lanes[-1].lebar
    mutu_x = chan_x + chan
    total = mutu_x + mutu_w

    boxes, mutu_text, page_y, top_y, bottom_y, body_h = _place(steps, lanes, lane_of, page_of, plan, mutu_cols,
                                                                hyphenate=not fit)
    legend = _legend(lanes, plan.edges, plan.problems, total)
    if tandai:
        legend += wrap(f"{TANDA_AMANDEMEN} = langkah yang diubah dalam rapat (amandemen)", total)
    canvas = Canvas(total, body_h + (1 + len(legend) if legend else 0))
    for yy in range(body_h):  # lane separators under everything
        for sx in [nw - 1] + [ln.x + ln.lebar - 1 for ln in lanes]:
            canvas.put(sx, yy, "┆", "s")
        if mutu:
            canvas.put(mutu_x, yy, "│", "s")
    decos, conns, edge_tracks = _draw_arrows(canvas, plan, boxes, chan_x + zone, top_y, bottom_y)
    canvas.resolve_lines()
    for b in boxes:
        draw_symbol(canvas, b.simbol, b.x, b.y, b.lebar, b.tinggi, list(b.teks))
        canvas.text(0, b.y + 1, str(b.nomor).rjust(nw - 1), "n")
        if b.nomor in tandai:
            canvas.text(0, b.y, TANDA_AMANDEMEN, "n")
        cx = mutu_x + 2
        for col, w in zip(mutu_text[b.baris], mutu_cols, strict=True):
            for k, line in enumerate(col):
                canvas.text(cx, b.y + 1 + k, line, "m")
            cx += w + 1
    for cx, cy, letter in conns:
        draw_connector(canvas, cx, cy, letter)
    canvas.decorate(decos)
    for p in range(1, len(page_y)):
        title = f" Halaman {p + 1} "
        canvas.text(0, page_y[p] - 1, ("┄" * ((total - len(title)) // 2) + title).ljust(total, "┄"), "h")
    for k, line in enumerate(legend):
        canvas.text(0, body_h + 1 + k, line, "e")
    lines, roles = canvas.lines()
    header, header_roles = _header(lanes, nw, total, mutu_x if mutu else None, mutu_cols)
    return FlowGrid(
        lebar=total,
        header=header,
        header_roles=header_roles,
        lines=lines,
        roles=roles,
        lanes=tuple(lanes),
        boxes=tuple(boxes),
        edges=tuple(replace(e, jalur=tuple(edge_tracks.get(k, ()))) for k, e in enumerate(plan.edges)),
        halaman_y=tuple(page_y),
        legenda=tuple(legend),
        masalah=tuple(plan.problems),
        mutu=mutu,
    )


def _lanes(names: list[str], x0: int, avail: int) -> list[Lane]:
    """Equal lanes filling ``avail`` cells (never narrower than MIN_LANE: then the grid scrolls)."""
    n = len(names)
    base = max(MIN_LANE, avail // n)
    extra = avail - base * n if avail >= MIN_LANE * n else 0
    widths = [base + (1 if i < extra else 0) for i in range(n)]
    title_w = min(widths) - 1
    lanes, x = [], x0
    for name, lw in zip(names, widths, strict=True):
        fits = len(title_lines(name, title_w)) <= TITLE_LINES
        lanes.append(Lane(name, clean(name) if fits else abbreviate(name, title_w), x, lw))
        x += lw
    return lanes


MIN_FIT_LANE = 8
"""Narrowest lane of a fitted chart (a lane of short words still needs room for its title)."""
MUTU_WORD_CAP = 18
"""A Mutu Baku column widens for its longest word up to this (a longer 'word' is a URL: cut)."""
MUTU_LABELS = ("Kelengkapan", "Waktu", "Output")
MUTU_FIT_MIN = (8, 6, 8)


def _longest_word(text: str) -> int:
    return max((len(w) for w in clean(text).split()), default=0)


def _fit_columns(
    names: list[str], steps: list[Step], lane_of: list[int], avail: int, mutu: bool,
) -> tuple[list[int], tuple[int, ...]]:
    """Widths of the lanes and the Mutu Baku columns of a fitted chart.

    Each starts as wide as its longest word needs; the rest of ``avail`` goes to the narrowest
    first (a lane up to MAX_BOX, a Mutu Baku column up to its longest text), so boxes and
    columns grow together and no word is ever cut."""
    mins = [MIN_FIT_LANE] * len(names)
    for i, step in enumerate(steps):
        need = box_width_for(step.simbol, _longest_word(step.kegiatan), tight=True) + 1
        mins[lane_of[i]] = max(mins[lane_of[i]], min(need, MAX_BOX + 1))
    caps = [MAX_BOX + 1] * len(names)
    if mutu:
        for k, (base, label) in enumerate(zip(MUTU_FIT_MIN, MUTU_LABELS, strict=True)):
            values = [v for v in ((s.kelengkapan, s.waktu, s.output)[k] for s in steps) if v]
            mins.append(max(base, min(MUTU_WORD_CAP, max((_longest_word(v) for v in values), default=0))))
            caps.append(max(mins[-1], len(label), max((len(clean(v)) for v in values), default=0)))
    seps = len(MUTU_FIT_MIN) + 1 if mutu else 0
    if mutu:
        _squeeze_mutu(mins, len(names), avail - seps)
    widths = list(mins)
    spare = avail - sum(widths) - seps
    while spare > 0:
        open_ = [i for i, w in enumerate(widths) if w < caps[i]]
        if not open_:
            break
        low = min(widths[i] for i in open_)
        for i in open_:
            if widths[i] == low and spare > 0:
                widths[i] += 1
                spare -= 1
    n = len(names)
    return widths[:n], tuple(widths[n:])


def _squeeze_mutu(mins: list[int], lanes: int, avail: int) -> None:
    """Last resort when the longest words overflow the screen: narrow the widest Mutu Baku
    column first, one cell at a time, never below its heading. Its long words then break
    between syllables ('ditanda-/tangani'); the boxes' words stay whole."""
    floors = [max(base, len(label)) for base, label in zip(MUTU_FIT_MIN, MUTU_LABELS, strict=True)]
    while sum(mins) > avail:
        open_ = [k for k in range(len(floors)) if mins[lanes + k] > floors[k]]
        if not open_:
            return  # nothing left to narrow: the grid is wider than the screen and scrolls
        widest = max(open_, key=lambda k: mins[lanes + k])
        mins[lanes + widest] -= 1


SHORT_TITLES: tuple[tuple[str, str], ...] = (("Kepala Sub Bagian ", "Kasubbag "), ("Sub Bagian ", "Subbag "))
"""Shortenings every civil servant in the room reads at sight, tried before initials."""


def _short_title(name: str) -> str:
    for long, short in SHORT_TITLES:
        name = name.replace(long, short)
    return name


def _named_lanes(names: list[str], widths: list[int], x0: int) -> list[Lane]:
    """Lanes of the given widths; a title wraps over two lines before it is shortened
    ('Kasubbag …'), and only then abbreviated (the legend under the chart names it in full)."""
    lanes, x = [], x0
    for name, lw in zip(names, widths, strict=True):
        full, short = clean(name), _short_title(clean(name))
        if len(title_lines(full, lw - 1)) <= TITLE_LINES:
            title = full
        elif len(title_lines(short, lw - 1)) <= TITLE_LINES:
            title = short
        else:
            title = abbreviate(short, lw - 1)
        lanes.append(Lane(name, title, x, lw))
        x += lw
    return lanes


def title_lines(title: str, width: int) -> list[str]:
    """Word-wrap a lane title without breaking words (a word too long gets a line of its own)."""
    lines: list[str] = []
    for word in clean(title).split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if any(len(line) > width for line in lines):
        return lines + [""] * TITLE_LINES  # never fits
    return lines or [""]


def _place(
    steps: list[Step],
    lanes: list[Lane],
    lane_of: list[int],
    page_of: list[int],
    plan: RoutePlan,
    mutu_cols: tuple[int, ...],
    *,
    hyphenate: bool = True,
) -> tuple[list[Box], list[list[list[str]]], list[int], dict[int, int], dict[int, int], int]:
    """Symbol sizes and rows: one step per row, a gap under it (two rows when the arrow jogs or is labelled)."""
    texts, heights, mutu_text = [], [], []
    for i, s in enumerate(steps):
        bw = min(lanes[lane_of[i]].lebar - 1, MAX_BOX)
        lines = wrap(s.kegiatan, box_text_width(s.simbol, bw, tight=not hyphenate), hyphenate=hyphenate)
        texts.append(lines)
        heights.append(max(len(lines), plan.ports.get(i, 0), 1) + 2)
        # mutu_cols is () when the Mutu Baku columns are hidden: the zip is empty on purpose.
        mutu = zip((s.kelengkapan, s.waktu, s.output), mutu_cols, strict=False)
        # A Mutu Baku word longer than its (squeezed) column breaks between syllables, never cut blind.
        mutu_text.append([wrap(v, w) if v else [] for v, w in mutu])
    down_from = {d.src: d for d in plan.downs if d.src is not None and d.dst is not None}
    box_y: list[int] = []
    page_y: list[int] = []
    top_y: dict[int, int] = {}
    bottom_y: dict[int, int] = {}
    y = 0
    for p in range(len(plan.sides)):
        rows = [i for i in range(len(steps)) if page_of[i] == p]
        y += 1 if p > 0 else 0
        page_y.append(y)
        if plan.has_connector(p, "top"):
            top_y[p] = y
            y += CONNECTOR_HEIGHT + 2
        for i in rows:
            box_y.append(y)
            y += max(heights[i], 1 + max((len(t) for t in mutu_text[i]), default=0))
            if i != rows[-1]:
                d = down_from.get(i)
                jog = d is not None and d.dst is not None and (lane_of[d.dst] != lane_of[i] or bool(d.label))
                y += 2 if jog else 1
        if plan.has_connector(p, "bottom"):
            bottom_y[p] = y + 2
            y += 2 + CONNECTOR_HEIGHT
    boxes = []
    for i, s in enumerate(steps):
        lane = lanes[lane_of[i]]
        bw = min(lane.lebar - 1, MAX_BOX)
        bx = lane.x + (lane.lebar - 1 - bw) // 2
        boxes.append(Box(s.nomor, i, lane_of[i], page_of[i], s.simbol, bx, box_y[i], bw, heights[i], tuple(texts[i])))
    return boxes, mutu_text, page_y, top_y, bottom_y, y


def _draw_arrows(
    canvas: Canvas, plan: RoutePlan, boxes: list[Box], track_start: int, top_y: dict[int, int], bottom_y: dict[int, int]
) -> tuple[list[Deco], list[tuple[int, int, str]], dict[int, list[int]]]:
    """Lines go on the canvas now; arrowheads, ports, labels and connectors are returned to draw last."""
    decos: list[Deco] = []
    conns: list[tuple[int, int, str]] = []
    for d in plan.downs:
        if d.src is not None:
            a = boxes[d.src]
            if d.dst is not None:
                b = boxes[d.dst]
                decos += down_edge(canvas, a.tengah, a.bawah, b.tengah, b.y, d.label)
            else:
                decos += down_edge(canvas, a.tengah, a.bawah, a.tengah, bottom_y[d.page], d.label)
                conns.append((a.tengah, bottom_y[d.page], d.conn))
            decos.append((a.tengah, a.bawah, "┬", None))
        elif d.dst is not None:  # from the page's top connector into its first row
            b = boxes[d.dst]
            decos += down_edge(canvas, b.tengah, top_y[d.page] + 2, b.tengah, b.y, "")
            conns.append((b.tengah, top_y[d.page], d.conn))
            decos.append((b.tengah, top_y[d.page] + 2, "│", "g"))
    anchors = [Anchor(b.kanan, b.y, b.tinggi, b.simbol) for b in boxes]
    edge_tracks: dict[int, list[int]] = {}
    for p, page_sides in enumerate(plan.sides):
        xs = track_xs(plan.track_widths[p], track_start)
        for sd in page_sides:
            edge_tracks.setdefault(sd.edge, []).append(sd.track)
            more, found = draw_side(canvas, sd, xs[sd.track], anchors, plan.ports, top_y.get(p, 0), bottom_y.get(p, 0))
            decos += more
            conns += found
    return decos, conns, edge_tracks


def _mutu_widths(width: int) -> tuple[int, int, int]:
    return (max(12, width * 14 // 100), max(7, width * 6 // 100), max(10, width * 11 // 100))


MUTU_MIN_LANE = 24
"""Lanes must stay this wide for the Mutu Baku columns to be shown automatically."""


def mutu_fits(doc: SopDocument, width: int) -> bool:
    """Whether ``width`` leaves room for the Mutu Baku columns beside comfortable lanes."""
    lanes = max(1, len(set(doc.pelaksana) | {s.pelaksana for s in doc.langkah}))
    cols = _mutu_widths(width)
    return width - (sum(cols) + len(cols) + 1) - 16 >= MUTU_MIN_LANE * lanes


def _header(
    lanes: list[Lane], nw: int, total: int, mutu_x: int | None, mutu_cols: tuple[int, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    titles = [title_lines(lane.singkat, lane.lebar - 1)[:TITLE_LINES] for lane in lanes]
    rows = max(len(t) for t in titles)
    canvas = Canvas(total, rows + 1)
    canvas.text(0, rows - 1, "No".rjust(nw - 1), "j")
    seps = [nw - 1] + [ln.x + ln.lebar - 1 for ln in lanes] + ([mutu_x] if mutu_x is not None else [])
    for lane, lines in zip(lanes, titles, strict=True):
        for k, line in enumerate(lines):
            canvas.text(lane.x + (lane.lebar - 1 - len(line)) // 2, rows - len(lines) + k, line, "j")
    if mutu_x is not None:
        cx = mutu_x + 2
        for name, w in zip(MUTU_LABELS, mutu_cols, strict=True):
            canvas.text(cx, rows - 1, fit(name, w), "j")
            cx += w + 1
    for y in range(rows):
        for x in seps:
            canvas.put(x, y, "│", "s")
    canvas.text(0, rows, "─" * total, "s")
    for x in seps:
        canvas.put(x, rows, "┼", "s")
    return canvas.lines()


def _legend(lanes: list[Lane], edges: list[Edge], problems: list[str], width: int) -> list[str]:
    """Lane abbreviations, symbols and off-page connectors explained under the chart."""
    parts = [f"{ln.singkat} = {ln.nama}" for ln in lanes if ln.singkat != ln.nama]
    out: list[str] = []
    if parts:
        out += wrap("Pelaksana: " + "; ".join(parts), width)
    symbols = "Simbol: ( ) mulai/selesai, │ │ proses, < > keputusan"
    if any(e.penghubung for e in edges):
        symbols += ", ╲╱ penghubung antarhalaman"
    out += wrap(symbols, width)
    for e in edges:
        if e.penghubung:
            out += wrap(f"Penghubung {e.penghubung}: langkah {e.dari} → langkah {e.ke}", width)
    for problem in problems:
        out += wrap("Perhatian: " + problem, width)
    return out
