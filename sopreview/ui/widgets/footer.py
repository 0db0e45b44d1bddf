"""The key bar: the keys the screen answers now, most important first, in one drawn line.

At 80 columns not every key fits. Keys are put in :data:`PRIORITY` order (leaving and help
first, then the recording keys), and a key that does not fit is left out whole, so what drops
off on the right is what matters least; the help screen (``?``, always shown) lists every key.
The command palette's key stays at the right edge.

One widget that draws its line, not Textual's Footer (a widget per key): the Footer re-mounted
every key whenever the keys changed (each tab switch moves the focus, and the flowchart has its
own key), and re-styling and re-laying out those widgets was half of switching a proposal's tab
(issue 17). Drawn the same way: the key in bold, its description after a space, one space
between keys, the palette key after a thin bar.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

PRIORITY: tuple[str, ...] = (
    "quit", "app.help", "back", "start_clock", "stop_clock", "decision", "evaluation", "attendance", "export",
    "undo", "pause", "resume", "notes", "actions",
)
"""Actions, most important first; other keys follow in their binding order. The clock key comes
right after leaving and help: the room's clock must never depend on a hidden key."""

PALETTE_BAR = "▏"
"""Between the other keys and the palette's key (Textual's Footer draws it as a border)."""


class ShownKey(NamedTuple):
    """One key on the bar: what is pressed (``key``), what is drawn, and whether it acts now."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool


def _rank(action: str, index: int) -> tuple[int, int]:
    return (PRIORITY.index(action) if action in PRIORITY else len(PRIORITY), index)


def shown_keys(screen: Screen[object]) -> tuple[list[ShownKey], ShownKey | None]:
    """The screen's shown keys in priority order (one per action, as Textual's Footer), and the
    command palette's key when the app has a palette."""
    app = screen.app
    palette_key = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
    keys: dict[str, ShownKey] = {}
    palette: ShownKey | None = None
    for key, (_, binding, enabled, _tooltip) in screen.active_bindings.items():
        if key != palette_key and not binding.show:
            continue
        shown = ShownKey(binding.key, app.get_key_display(binding), binding.description, binding.action, enabled)
        if key == palette_key:  # shown at the right edge even though its binding is not "shown"
            palette = shown
        elif binding.action not in keys:
            keys[binding.action] = shown
    ordered = [k for _, k in sorted((_rank(k.action, i), k) for i, k in enumerate(keys.values()))]
    return ordered, palette


class KeyBar(Widget, can_focus=False):
    """The screen's keys in one line at the bottom; a key is clicked like it is pressed."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description", "keybar--bar"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground;
        background: $footer-description-background;
    }
    KeyBar > .keybar--bar {
        color: $foreground 20%;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None
        self._spans: list[tuple[int, int, ShownKey]] = []
        """(start, end, key) of each key drawn last, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        """Re-draw only when what the bar shows changed (a signal comes on every focus change)."""
        if screen is not self.screen:
            return
        keys, palette = shown_keys(screen)
        signature = (tuple(keys), palette)
        if signature != self._shown:
            self._shown = signature
            self.refresh()

    def render(self) -> Text:
        keys, palette = shown_keys(self.screen)
        self._shown = (tuple(keys), palette)
        key_style = self.get_component_rich_style("keybar--key")
        text_style = self.get_component_rich_style("keybar--description")
        width = self.size.width
        right = Text()
        if palette is not None:
            right = Text.assemble((PALETTE_BAR, self.get_component_rich_style("keybar--bar")),
                                  *self._drawn(palette, key_style, text_style), " ")  # as the Footer: a space after
        limit = width - right.cell_len
        line = Text()
        self._spans = []
        for key in keys:
            drawn = Text.assemble(*self._drawn(key, key_style, text_style))
            start = line.cell_len + (1 if line else 0)
            if start + drawn.cell_len > limit:
                break  # whole keys only: this one and the rest (less important) are left out
            if line:
                line.append(" ")
            line.append_text(drawn)
            self._spans.append((start, start + drawn.cell_len, key))
        if palette is not None:
            start = max(limit, line.cell_len) + len(PALETTE_BAR)
            self._spans.append((start, start + right.cell_len - len(PALETTE_BAR) - 1, palette))
            line.append(" " * max(limit - line.cell_len, 0))
            line.append_text(right)
        return line

    @staticmethod
    def _drawn(key: ShownKey, key_style: Style, text_style: Style) -> list[tuple[str, Style]]:
        dim = Style(dim=True) if not key.enabled else Style()
        parts = [(key.display, key_style + dim)]
        if key.description:
            parts.append((" " + key.description, text_style + dim))
        return parts

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column ``x``, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
