"""A character canvas and the regulation's symbols drawn on it with box-drawing characters.

Kept apart from the layout planning in :mod:`sopreview.domain.flowchart.layout` so each stays small;
both are pure so the terminal widget and the HTML export draw the very same picture.
Every cell carries a one-letter role (see ``ROLE_NAMES``) that renderers turn into a style.
"""

from __future__ import annotations

import unicodedata

ROLE_NAMES: dict[str, str] = {
    " ": "kosong",
    "g": "garis",
    "a": "panah",
    "l": "label",
    "t": "terminator",
    "r": "proses",
    "k": "keputusan",
    "c": "penghubung",
    "x": "teks",
    "n": "nomor",
    "j": "judul",
    "m": "mutu",
    "s": "lajur",
    "h": "halaman",
    "e": "legenda",
}
"""Role code of a cell -> name used for CSS classes and widget component classes."""

UP, DOWN, LEFT, RIGHT = 1, 2, 4, 8
_MASK_CHAR = {
    UP: "│",
    DOWN: "│",
    UP | DOWN: "│",
    LEFT: "─",
    RIGHT: "─",
    LEFT | RIGHT: "─",
    DOWN | RIGHT: "┌",
    DOWN | LEFT: "┐",
    UP | RIGHT: "└",
    UP | LEFT: "┘",
    UP | DOWN | RIGHT: "├",
    UP | DOWN | LEFT: "┤",
    DOWN | LEFT | RIGHT: "┬",
    UP | LEFT | RIGHT: "┴",
    UP | DOWN | LEFT | RIGHT: "┼",
}

Deco = tuple[int, int, str, "str | None"]
"""(x, y, text, role) drawn after the symbols; role None keeps the role already there."""

CONNECTOR_WIDTH = 5
CONNECTOR_HEIGHT = 3


def clean(text: str) -> str:
    """One-cell-per-character text: wide or control characters would break the grid."""
    out = []
    for ch in " ".join(text.split()):
        if unicodedata.east_asian_width(ch) in ("W", "F") or unicodedata.category(ch).startswith("C"):
            out.append("?")
        else:
            out.append(ch)
    return "".join(out)


def wrap(text: str, width: int, *, hyphenate: bool = True) -> list[str]:
    """Greedy wrap to ``width`` cells, hyphenating a word that fits no line between syllables.

    ``hyphenate=False`` (the room's fitted flowchart) breaks at spaces only: a word wider than
    ``width`` gets lines of its own, cut only when no line could hold it whole."""
    width = max(1, width)
    lines: list[str] = []
    line = ""
    for word in clean(text).split(" "):
        while word:
            room = width - (len(line) + 1 if line else 0)
            if len(word) <= room:
                line = f"{line} {word}" if line else word
                word = ""
            elif not hyphenate:
                if line:
                    lines.append(line)
                    line = ""
                elif len(word) > width:
                    lines.append(word[:width])
                    word = word[width:]
                else:
                    line, word = word, ""
            elif len(word) > width > 3 and (cut := _syllable_cut(word, room - 1) or (0 if line else width - 1)):
                piece = word[:cut] + "-"
                line = f"{line} {piece}" if line else piece
                word = word[cut:]
                lines.append(line)
                line = ""
            elif line:
                lines.append(line)
                line = ""
            else:  # a line too narrow for a hyphen
                lines.append(word[:width])
                word = word[width:]
    if line or not lines:
        lines.append(line)
    return lines


_VOWELS = set("aiueoAIUEO")
_DIGRAPHS = {"ng", "ny", "kh", "sy"}


def _syllable_cut(word: str, limit: int) -> int:
    """Last cut at or before ``limit`` between Indonesian syllables (V-CV, V-ngV, VC-CV), or 0."""
    for c in range(min(limit, len(word) - 2), 1, -1):
        a, b, d = word[c - 1], word[c], word[c + 1]
        pair = word[c : c + 2].lower()
        if a in _VOWELS and pair in _DIGRAPHS and c + 2 < len(word) and word[c + 2] in _VOWELS:
            return c
        if a in _VOWELS and b.isalpha() and b not in _VOWELS and d in _VOWELS:
            if word[c - 2 : c].lower() not in _DIGRAPHS or c < 2:
                return c
        if a.isalpha() and a not in _VOWELS and b.isalpha() and b not in _VOWELS:
            if word[c - 1 : c + 1].lower() in _DIGRAPHS:
                continue
            if word[c - 2] in _VOWELS or (c >= 3 and word[c - 2 : c].lower() in _DIGRAPHS and word[c - 3] in _VOWELS):
                return c
    return 0


def fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` cells with an ellipsis."""
    text = clean(text)
    if width <= 0:
        return ""
    return text if len(text) <= width else text[: width - 1] + "…"


class Canvas:
    """Mutable grid of characters, roles and line masks; lines are merged into junctions."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.height = height
        self.chars = [[" "] * width for _ in range(height)]
        self.roles = [[" "] * width for _ in range(height)]
        self.masks = [[0] * width for _ in range(height)]

    def put(self, x: int, y: int, ch: str, role: str) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.chars[y][x] = ch
            self.roles[y][x] = role

    def text(self, x: int, y: int, text: str, role: str, limit: int | None = None) -> None:
        end = self.width if limit is None else min(self.width, limit)
        for i, ch in enumerate(text):
            if x + i >= end:
                break
            self.put(x + i, y, ch, role)

    def mask(self, x: int, y: int, bits: int) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.masks[y][x] |= bits

    def hline(self, y: int, x1: int, x2: int) -> None:
        """Horizontal run; the end cells get only the half pointing inwards."""
        lo, hi = min(x1, x2), max(x1, x2)
        for x in range(lo, hi + 1):
            self.mask(x, y, (LEFT if x > lo else 0) | (RIGHT if x < hi else 0))

    def vline(self, x: int, y1: int, y2: int) -> None:
        lo, hi = min(y1, y2), max(y1, y2)
        for y in range(lo, hi + 1):
            self.mask(x, y, (UP if y > lo else 0) | (DOWN if y < hi else 0))

    def resolve_lines(self) -> None:
        """Turn accumulated masks into box-drawing characters (before symbols are drawn on top)."""
        for y in range(self.height):
            for x in range(self.width):
                bits = self.masks[y][x]
                if bits:
                    self.put(x, y, _MASK_CHAR[bits], "g")

    def decorate(self, decos: list[Deco]) -> None:
        for x, y, text, role in decos:
            for i, ch in enumerate(text):
                if 0 <= x + i < self.width and 0 <= y < self.height:
                    self.put(x + i, y, ch, role or self.roles[y][x + i])

    def lines(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return (
            tuple("".join(row) for row in self.chars),
            tuple("".join(row) for row in self.roles),
        )


def box_text_width(simbol: str, width: int, *, tight: bool = False) -> int:
    """Room for text inside a symbol of the given outer width (``tight``: no margin inside
    the border, as the room's fitted chart needs every cell)."""
    return max(1, width - (4 if width >= 16 and not tight else 2))


def box_width_for(simbol: str, text_width: int, *, tight: bool = False) -> int:
    """The narrowest outer width whose symbol holds ``text_width`` cells of text."""
    width = text_width + 2
    while box_text_width(simbol, width, tight=tight) < text_width:
        width += 1
    return width


def draw_symbol(canvas: Canvas, simbol: str, x: int, y: int, w: int, h: int, lines: list[str]) -> None:
    """Terminator = capsule, proses = rectangle, keputusan = hexagon (the terminal's diamond)."""
    inner = h - 2
    right = x + w - 1
    if simbol in ("mulai", "selesai"):
        role, corners, sides = "t", "╭╮╰╯", [("(", ")")] * inner
    elif simbol == "keputusan":
        role, corners, sides = "k", "╱╲╲╱", _hex_sides(inner)
    else:
        role, corners, sides = "r", "┌┐└┘", [("│", "│")] * inner
    if role == "k":
        canvas.put(x + 1, y, corners[0], role)
        canvas.put(right - 1, y, corners[1], role)
        canvas.put(x + 1, y + h - 1, corners[2], role)
        canvas.put(right - 1, y + h - 1, corners[3], role)
        for cx in range(x + 2, right - 1):
            canvas.put(cx, y, "─", role)
            canvas.put(cx, y + h - 1, "─", role)
        for cx in (x, right):
            canvas.put(cx, y, " ", " ")
            canvas.put(cx, y + h - 1, " ", " ")
    else:
        canvas.put(x, y, corners[0], role)
        canvas.put(right, y, corners[1], role)
        canvas.put(x, y + h - 1, corners[2], role)
        canvas.put(right, y + h - 1, corners[3], role)
        for cx in range(x + 1, right):
            canvas.put(cx, y, "─", role)
            canvas.put(cx, y + h - 1, "─", role)
    for i, (left, rside) in enumerate(sides):
        canvas.put(x, y + 1 + i, left, role)
        canvas.put(right, y + 1 + i, rside, role)
        for cx in range(x + 1, right):
            canvas.put(cx, y + 1 + i, " ", "x")
    top = (inner - len(lines)) // 2
    for i, line in enumerate(lines):
        cx = x + 1 + (w - 2 - len(line)) // 2
        canvas.text(cx, y + 1 + top + i, line, "x", right)


def _hex_sides(inner: int) -> list[tuple[str, str]]:
    sides = []
    for i in range(inner):
        if inner % 2 == 1 and i == inner // 2:
            sides.append(("<", ">"))
        elif i < inner / 2:
            sides.append(("╱", "╲"))
        else:
            sides.append(("╲", "╱"))
    return sides


def draw_connector(canvas: Canvas, cx: int, y: int, label: str) -> None:
    """Off-page connector: a pentagon pointing down, centred on column ``cx``."""
    x = cx - CONNECTOR_WIDTH // 2
    canvas.text(x, y, "┌───┐", "c")
    canvas.text(x, y + 1, "│" + label[:3].center(3) + "│", "c")
    canvas.text(x, y + 2, " ╲ ╱ ", "c")
    canvas.put(x, y + 2, " ", " ")
    canvas.put(x + 4, y + 2, " ", " ")


def down_edge(canvas: Canvas, xs: int, y_from: int, xt: int, y_to: int, label: str) -> list[Deco]:
    """Line from row ``y_from`` (a symbol's bottom) down to an arrow just above row ``y_to``.

    When the lanes differ the line jogs sideways on the row under the source, where a
    decision's answer is written into the line.
    """
    jog = y_from + 1
    decos: list[Deco] = [(xt, y_to - 1, "▼", "a")]
    if xs == xt:
        canvas.vline(xs, y_from, y_to - 1)
        if label:
            decos.append((xs + 2, jog, label, "l"))  # beside the vertical line
    else:
        canvas.vline(xs, y_from, jog)
        canvas.hline(jog, xs, xt)
        canvas.vline(xt, jog, y_to - 1)
        if label:
            text = f" {fit(label, abs(xt - xs) - 6)} "
            start = xs + 2 if xt > xs else xs - 1 - len(text)
            decos.append((start, jog, text, "l"))
    return decos


def side_edge(canvas: Canvas, x_from: int, y_from: int, track: int, x_to: int, y_to: int) -> None:
    """Line out of a symbol's right side, along a track column, into another right side."""
    canvas.hline(y_from, x_from, track)
    canvas.vline(track, y_from, y_to)
    canvas.hline(y_to, track, x_to)
