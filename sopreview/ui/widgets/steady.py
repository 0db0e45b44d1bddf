"""A Static for text redrawn on a clock tick: unchanged text is not redrawn, and a change that
cannot wrap differently (the next second of a running clock) is redrawn without a new layout.

Textual's ``Static.update`` lays the whole screen out again by default; done once a second by
the clock, that cost a full layout and redraw every second, and any tab switch that met the
tick paid a third layout (issue 17).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static


def same_wrapping(new: str, old: str) -> bool:
    """True when ``new`` wraps exactly as ``old`` at any width: as long, each character as wide
    on screen, with its spaces and line breaks in the same places (Textual wraps at whitespace
    only), so its height cannot change."""
    if len(new) != len(old):
        return False
    if not (new.isascii() and old.isascii()) and any(cell_len(a) != cell_len(b) for a, b in zip(new, old)):
        return False  # a wide glyph where a narrow one was
    return all((a.isspace() or b.isspace()) <= (a == b) for a, b in zip(new, old))


class SteadyStatic(Static):
    """A Static shown through :meth:`show`, which skips what would not change the screen."""

    _shown: Text | None = None

    def show_text(self, text: Text) -> None:
        """Show ``text``; nothing happens when it is what is shown already."""
        shown = self._shown
        if shown is not None and text == shown:
            return
        self._shown = text
        self.update(text, layout=shown is None or not same_wrapping(text.plain, shown.plain))
