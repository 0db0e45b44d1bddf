"""The presenter cursor in the views drawn as one Rich renderable (the Langkah table, the
Perubahan diff): the pointed step's row carries the ``sorot`` style, and this finds that row's
line so the view can scroll it into sight."""

from __future__ import annotations

from rich.console import Console, RenderableType
from rich.style import Style

SOROT_CSS = "color: $background; background: $text-accent; text-style: bold;"
"""The highlight, as the flowchart draws it (ui/contrast.py checks background on text-accent)."""


def line_of_style(console: Console, renderable: RenderableType, width: int, style: Style) -> int | None:
    """First line of ``renderable`` laid out ``width`` cells wide whose text has ``style``'s
    background, or None."""
    if style.bgcolor is None or width <= 0:
        return None
    lines = console.render_lines(renderable, console.options.update_width(width), pad=False)
    for y, line in enumerate(lines):
        if any(seg.style is not None and seg.style.bgcolor == style.bgcolor and seg.text.strip() for seg in line):
            return y
    return None


def next_step(now: int | None, delta: int, count: int) -> int | None:
    """Where ``]`` (+1), ``[`` (-1) or ``0`` moves the cursor over ``count`` steps; from none,
    ``]`` starts at the first step and ``[`` at the last."""
    if delta == 0 or count <= 0:
        return None
    if now is None:
        return 1 if delta > 0 else count
    return max(1, min(count, now + delta))
