"""A Footer that shows the most important keys first and drops whole keys that do not fit.

At 80 columns not every key fits. Keys are put in :data:`PRIORITY` order (leaving and help
first, then the recording keys), so what overflows on the right is what matters least; the
help screen (``?``, always shown) lists every key.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

PRIORITY: tuple[str, ...] = (
    "quit", "app.help", "back", "start_clock", "stop_clock", "decision", "evaluation", "attendance", "export",
    "undo", "pause", "resume", "notes", "actions",
)
"""Footer actions, most important first; other keys follow in their binding order. The clock
key comes right after leaving and help: the room's clock must never depend on a hidden key."""


def _rank(child: Widget, index: int) -> tuple[int, int]:
    action = child.action if isinstance(child, FooterKey) else ""
    return (PRIORITY.index(action) if action in PRIORITY else len(PRIORITY), index)


class FittingFooter(Footer):
    """Footer in priority order whose overflowing keys are hidden whole (re-checked on resize)."""

    def __init__(self) -> None:
        super().__init__(compact=True)
        self._shown: tuple[object, ...] | None = None

    def _signature(self) -> tuple[object, ...]:
        """What the footer would show: a key's binding, whether it is enabled, its tooltip."""
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        )

    async def recompose(self) -> None:
        """Rebuild the keys only when they differ from the ones shown.

        Textual recomposes the footer on every bindings signal (each focus change, each
        ``refresh_bindings``): about 17 times per opened proposal, each re-mounting every key."""
        if not self._bindings_ready or not self.is_attached:
            return
        signature = self._signature()
        if signature == self._shown:
            return
        self._shown = signature
        await super().recompose()
        self._order()
        self._fit()

    def _order(self) -> None:
        keys = [c for c in self.children if not c.has_class("-command-palette")]
        ordered = [c for _, c in sorted((_rank(c, i), c) for i, c in enumerate(keys))]
        if ordered != keys:
            for child in reversed(ordered):
                self.move_child(child, before=0)

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
