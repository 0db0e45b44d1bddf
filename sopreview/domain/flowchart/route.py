"""Which way each flowchart arrow runs, and the columns it uses.

An arrow to the next row runs straight down (``turun``). Every other arrow — a decision
going back to an earlier step, a skip forward — leaves its symbol's right side and runs along
a *track* column right of the lanes (``samping``). Tracks are shared when arrows do not
overlap; shorter arrows get the tracks nearer the lanes so nested loops do not cross. When
the chart is split into pages, an arrow that crosses a page ends in a pair of lettered
off-page connectors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sopreview.domain.flowchart.draw import Canvas, Deco, clean, fit, side_edge
from sopreview.domain.model import SIMBOL_PROSES, Step

_BIG = 10**9
TOP, BOTTOM, PORT = "top", "bottom", "port"


@dataclass(frozen=True)
class Edge:
    """An arrow: ``turun`` runs down to the next row, ``samping`` uses a track column."""

    dari: int
    ke: int
    label: str
    jenis: str
    penghubung: str = ""
    """Letter of the off-page connector pair when the arrow crosses a page."""
    jalur: tuple[int, ...] = ()
    """Track column index used, one per page the arrow appears on."""


@dataclass(frozen=True)
class Down:
    """A downward arrow on one page: row to next row, row to a bottom connector, or top connector to row."""

    src: int | None
    """Source row; None when it starts at the page's top connector."""
    dst: int | None
    """Target row; None when it ends at the page's bottom connector."""
    page: int
    label: str
    conn: str = ""


@dataclass
class Side:
    """A track arrow, or the part of it on one page. Ends are (PORT, row) or (TOP|BOTTOM, letter)."""

    edge: int
    src: tuple[str, int | str]
    dst: tuple[str, int | str]
    label: str
    conn: str = ""
    track: int = -1
    lines: dict[str, int] = field(default_factory=dict)
    """Which right-side port line of the source/target symbol it uses."""

    def key(self, which: str) -> tuple[int, int]:
        """Vertical order of an end: page top, (row, port line), page bottom."""
        kind, ref = self.src if which == "src" else self.dst
        if kind == PORT:
            return (int(ref), self.lines.get(which, 0))
        return (-1, 0) if kind == TOP else (_BIG, 0)

    def span(self) -> tuple[tuple[int, int], tuple[int, int]]:
        a, b = self.key("src"), self.key("dst")
        return (min(a, b), max(a, b))


@dataclass
class RoutePlan:
    edges: list[Edge]
    downs: list[Down]
    sides: list[list[Side]]
    """Track arrows per page."""
    problems: list[str]
    ports: dict[int, int]
    """Number of right-side port lines each row's symbol needs."""
    track_widths: list[list[int]]
    """Per page, the width of each track (6 when it carries a connector, else 2)."""

    def has_connector(self, page: int, where: str) -> bool:
        if any(
            d.page == page and ((where == TOP and d.src is None) or (where == BOTTOM and d.dst is None))
            for d in self.downs
        ):
            return True
        return any(sd.src[0] == where or sd.dst[0] == where for sd in self.sides[page])


def conn_label(n: int) -> str:
    return chr(ord("A") + n) if n < 26 else str(n + 1)


def plan_routes(steps: list[Step], page_of: list[int]) -> RoutePlan:
    """Classify every arrow of ``steps`` (rows in order) and give track arrows their ports and tracks."""
    row_of: dict[int, int] = {}
    for i, s in enumerate(steps):
        row_of.setdefault(s.nomor, i)
    last_nomor = max((s.nomor for s in steps), default=0)
    edges: list[Edge] = []
    downs: list[Down] = []
    sides: list[list[Side]] = [[] for _ in range(max(page_of, default=0) + 1)]
    problems: list[str] = []
    for i, step in enumerate(steps):
        used_down = False
        for label, target in step.successors(last_nomor):
            j = row_of.get(target)
            if j is None:
                problems.append(f"Langkah {step.nomor} menuju langkah {target} yang tidak ada.")
                continue
            label = clean(label)
            pi, pj = page_of[i], page_of[j]
            conn = "" if pi == pj else conn_label(sum(1 for e in edges if e.penghubung))
            down = j == i + 1 and not used_down
            used_down = used_down or down
            edges.append(Edge(step.nomor, target, label, "turun" if down else "samping", conn))
            k = len(edges) - 1
            if down and not conn:
                downs.append(Down(i, j, pi, label))
            elif down:
                downs += [Down(i, None, pi, label, conn), Down(None, j, pj, "", conn)]
            elif not conn:
                sides[pi].append(Side(k, (PORT, i), (PORT, j), label))
            else:
                later = pj > pi
                sides[pi].append(Side(k, (PORT, i), (BOTTOM if later else TOP, conn), label, conn))
                sides[pj].append(Side(k, (TOP if later else BOTTOM, conn), (PORT, j), "", conn))
    ports = _assign_ports(sides)
    return RoutePlan(edges, downs, sides, problems, ports, [_assign_tracks(ps) for ps in sides])


def _assign_ports(sides: list[list[Side]]) -> dict[int, int]:
    """Right-side port lines per row: arrows leaving upwards, then the one shared entry, then leaving downwards."""
    ports: dict[int, list[tuple[int, int]]] = {}
    for page_sides in sides:
        for sd in page_sides:
            if sd.src[0] == PORT:
                row = int(sd.src[1])
                up = sd.key("dst") < (row, 0)
                ports.setdefault(row, []).append((0 if up else 2, id(sd)))
            if sd.dst[0] == PORT:
                ports.setdefault(int(sd.dst[1]), []).append((1, 0))
    ordered = {row: sorted(set(p)) for row, p in ports.items()}
    for page_sides in sides:
        for sd in page_sides:
            if sd.src[0] == PORT:
                row = int(sd.src[1])
                sd.lines["src"] = next(n for n, p in enumerate(ordered[row]) if p[1] == id(sd))
            if sd.dst[0] == PORT:
                sd.lines["dst"] = ordered[int(sd.dst[1])].index((1, 0))
    return {row: len(p) for row, p in ordered.items()}


def _assign_tracks(page_sides: list[Side]) -> list[int]:
    """Interval colouring, shortest spans first; returns each track's width."""
    tracks: list[list[tuple[tuple[int, int], tuple[int, int]]]] = []
    wide: list[bool] = []
    for sd in sorted(page_sides, key=lambda s: (s.span()[1][0] - s.span()[0][0], s.span())):
        lo, hi = sd.span()
        for t, taken in enumerate(tracks):
            if all(h < lo or hi < low for low, h in taken):
                break
        else:
            tracks.append([])
            wide.append(False)
            t = len(tracks) - 1
        tracks[t].append((lo, hi))
        wide[t] = wide[t] or bool(sd.conn)
        sd.track = t
    return [6 if w else 2 for w in wide]


def track_xs(widths: list[int], start: int) -> list[int]:
    """Column of each track; a wide track keeps room for a connector centred on it."""
    xs, pos = [], start
    for w in widths:
        xs.append(pos + (2 if w > 2 else 0))
        pos += w
    return xs


@dataclass(frozen=True)
class Anchor:
    """Where a symbol sits, as routing needs it."""

    x_right: int
    y_top: int
    height: int
    simbol: str

    def port_y(self, line: int, nports: int) -> int:
        return self.y_top + 1 + (self.height - 2 - nports) // 2 + line


def draw_side(
    canvas: Canvas, sd: Side, tx: int, anchors: list[Anchor], ports: dict[int, int], top: int, bottom: int
) -> tuple[list[Deco], list[tuple[int, int, str]]]:
    """Route one track arrow; returns decorations (ports, arrowheads, label) and connectors to draw."""
    decos: list[Deco] = []
    conns: list[tuple[int, int, str]] = []
    if sd.src[0] == PORT:
        row = int(sd.src[1])
        a = anchors[row]
        ys = a.port_y(sd.lines["src"], ports[row])
        x_from = a.x_right
        if a.simbol == SIMBOL_PROSES:
            decos.append((a.x_right, ys, "├", "r"))
        if sd.label:
            decos.append((a.x_right + 2, ys, f" {fit(sd.label, tx - a.x_right - 5)} ", "l"))
    else:
        at_top = sd.src[0] == TOP
        ys = top + 2 if at_top else bottom
        x_from = tx
        conns.append((tx, top if at_top else bottom, sd.conn))
        decos.append((tx, ys, "│" if at_top else "┴", "c"))
    if sd.dst[0] == PORT:
        row = int(sd.dst[1])
        b = anchors[row]
        yt = b.port_y(sd.lines["dst"], ports[row])
        x_to = b.x_right
        decos.append((b.x_right + 1, yt, "◀", "a"))
    else:
        at_top = sd.dst[0] == TOP
        conns.append((tx, top if at_top else bottom, sd.conn))
        if at_top:
            yt = top + 3
            decos += [(tx, top + 2, "│", "c"), (tx, yt, "▲", "a")]
        else:
            yt = bottom - 1
            decos.append((tx, yt, "▼", "a"))
        x_to = tx
    side_edge(canvas, x_from, ys, tx, x_to, yt)
    return decos, conns
