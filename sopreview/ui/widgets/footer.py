"""A Footer that drops the keys that do not fit instead of cutting one in half.

At 80 columns not every key fits; the keymap lists them most important first, and the help
screen (always the second key shown) lists all of them.
"""

from __future__ import annotations

from textual.widgets import Footer


class FittingFooter(Footer):
    """Footer whose overflowing keys are hidden whole (re-checked on resize and recompose)."""

    def __init__(self) -> None:
        super().__init__(compact=True)

    async def recompose(self) -> None:
        await super().recompose()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        for child in self.children:
            child.display = True
        self.call_after_refresh(self._hide_overflow)

    def _hide_overflow(self) -> None:
        children = list(self.children)
        docked = [c for c in children if c.has_class("-command-palette")]
        limit = min((c.region.x for c in docked), default=self.region.right)
        overflow = False
        for child in children:
            if child in docked:
                continue
            overflow = overflow or child.region.right > limit
            if overflow:
                child.display = False
