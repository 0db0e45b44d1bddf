"""Text measured and wrapped the way the printed page will show it (Helvetica metrics).

The layout decides every line break itself, so that PDF, HTML and the DOCX picture break
lines in the same places and a row is exactly as tall as its text.
"""

from __future__ import annotations

import unicodedata

from sopreview.domain.sopdoc.afm import HELVETICA, HELVETICA_BOLD

PT_MM = 25.4 / 72
LINE = 1.2
"""Line height as a multiple of the font size."""

_REPLACE = {"\u2192": "->", "\u2190": "<-", "\u2264": "<=", "\u2265": ">=", "\u2212": "-", "\u00a0": " "}


def printable(text: object) -> str:
    """``text`` in characters the core fonts can draw (windows-1252): whitespace folded,
    accents kept where the code page has them, other symbols spelled out or shown as '?'."""
    out: list[str] = []
    for ch in " ".join(str(text).split()):
        if ch in _REPLACE:
            out.append(_REPLACE[ch])
            continue
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            base = unicodedata.normalize("NFKD", ch).encode("cp1252", "ignore").decode("cp1252")
            out.append(base or "?")
    return "".join(out)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in mm of ``text`` (already printable) at ``size`` points."""
    table = HELVETICA_BOLD if bold else HELVETICA
    units = 0
    for byte in text.encode("cp1252", "replace"):
        units += table[byte - 32] if byte >= 32 else 0
    return units * size / 1000 * PT_MM


def line_height(size: float) -> float:
    return size * PT_MM * LINE


def wrap(text: object, width: float, size: float, bold: bool = False) -> list[str]:
    """Word-wrap to ``width`` mm; a word longer than a line is split where it must be."""
    words = printable(text).split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if not word:
            continue
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while text_width(word, size, bold) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and text_width(word[:cut], size, bold) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current:
        lines.append(current)
    return lines


def longest_word(text: object, size: float, bold: bool = False) -> float:
    return max((text_width(w, size, bold) for w in printable(text).split(" ") if w), default=0.0)
