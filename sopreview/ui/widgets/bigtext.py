"""Three-row block letters for the projector title (terminals have one font size).

Glyphs are heavy box-drawing characters in the style of Textual's ``Digits``, which only
knows digits. A title too long for ``max_lines`` big lines falls back to ordinary bold text,
so nothing is ever cut off.
"""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

GLYPHS: dict[str, tuple[str, str, str]] = {
    "A": ("┏━┓", "┣━┫", "╹ ╹"),
    "B": ("┳━┓", "┣━┫", "┻━┛"),
    "C": ("┏━╸", "┃  ", "┗━╸"),
    "D": ("┳━┓", "┃ ┃", "┻━┛"),
    "E": ("┏━╸", "┣━ ", "┗━╸"),
    "F": ("┏━╸", "┣━ ", "╹  "),
    "G": ("┏━╸", "┃╺┓", "┗━┛"),
    "H": ("╻ ╻", "┣━┫", "╹ ╹"),
    "I": ("╺┳╸", " ┃ ", "╺┻╸"),
    "J": ("  ╻", "  ┃", "┗━┛"),
    "K": ("╻ ╻", "┣┳┛", "╹┗╸"),
    "L": ("╻  ", "┃  ", "┗━╸"),
    "M": ("┏┳┓", "┃┃┃", "╹╹╹"),
    "N": ("┏┓╻", "┃┃┃", "╹┗┛"),
    "O": ("┏━┓", "┃ ┃", "┗━┛"),
    "P": ("┏━┓", "┣━┛", "╹  "),
    "Q": ("┏━┓", "┃ ┃", "┗━╋"),
    "R": ("┏━┓", "┣┳┛", "╹┗╸"),
    "S": ("┏━╸", "┗━┓", "╺━┛"),
    "T": ("╺┳╸", " ┃ ", " ╹ "),
    "U": ("╻ ╻", "┃ ┃", "┗━┛"),
    "V": ("╻ ╻", "╲ ╱", " ╹ "),
    "W": ("╻╻╻", "┃┃┃", "┗┻┛"),
    "X": ("╲ ╱", " ╳ ", "╱ ╲"),
    "Y": ("╻ ╻", "┗┳┛", " ╹ "),
    "Z": ("╺━┓", " ╱ ", "┗━╸"),
    "0": ("┏━┓", "┃ ┃", "┗━┛"),
    "1": ("╺┓ ", " ┃ ", "╺┻╸"),
    "2": ("╺━┓", "┏━┛", "┗━╸"),
    "3": ("╺━┓", " ━┫", "╺━┛"),
    "4": ("╻ ╻", "┗━┫", "  ╹"),
    "5": ("┏━╸", "┗━┓", "╺━┛"),
    "6": ("┏━╸", "┣━┓", "┗━┛"),
    "7": ("╺━┓", "  ┃", "  ╹"),
    "8": ("┏━┓", "┣━┫", "┗━┛"),
    "9": ("┏━┓", "┗━┫", "╺━┛"),
    " ": ("  ", "  ", "  "),
    "-": ("   ", "╺━╸", "   "),
    "(": ("┏╸", "┃ ", "┗╸"),
    ")": ("╺┓", " ┃", "╺┛"),
    ".": (" ", " ", "╹"),
    ",": (" ", " ", "┛"),
    ":": (" ", "╹", "╹"),
    "/": ("  ╱", " ╱ ", "╱  "),
    "&": ("┏┓ ", "┣╋╸", "┗┛ "),
}


def big_lines(text: str, width: int, max_lines: int = 2) -> list[str] | None:
    """The text in block letters wrapped to ``width`` cells, or None if it needs more lines."""
    words = text.upper().split()
    lines: list[list[str]] = []
    current: list[str] = []
    used = 0
    for word in words:
        if any(ch not in GLYPHS for ch in word):
            return None
        w = sum(len(GLYPHS[ch][0]) + 1 for ch in word)
        extra = w + (3 if current else 0)
        if current and used + extra > width:
            lines.append(current)
            current, used, extra = [], 0, w
        if w > width:
            return None
        current.append(word)
        used += extra
    if current:
        lines.append(current)
    if not lines or len(lines) > max_lines:
        return None
    out: list[str] = []
    for line in lines:
        rows = ["", "", ""]
        for i, word in enumerate(line):
            for r in range(3):
                rows[r] += ("   " if i else "") + " ".join(GLYPHS[ch][r] for ch in word)
        out.extend(rows)
    return out


class BigText(Widget):
    """A title in block letters when it fits, else plain bold."""

    DEFAULT_CSS = "BigText { height: auto; text-style: bold; }"

    def __init__(self, text: str = "", *, max_lines: int = 2, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text
        self.max_lines = max_lines

    def update(self, text: str) -> None:
        self.text = text
        self.refresh(layout=True)

    def _lines(self, width: int) -> list[str]:
        return big_lines(self.text, width, self.max_lines) or [self.text.upper()]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = big_lines(self.text, width, self.max_lines)
        if lines is not None:
            return len(lines)
        return max(1, Text(self.text.upper()).wrap(self.app.console, max(1, width)).__len__())

    def render(self) -> Text:
        return Text("\n".join(self._lines(self.content_region.width or self.size.width)), no_wrap=False)
