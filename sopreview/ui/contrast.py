"""Contrast of a theme's text on its backgrounds, computed the WCAG way from the theme's colours.

A projector washes colours out and the operator's screen is often the one mirrored, so every
text/background pair the screens use must reach 7:1 (WCAG AAA). The pairs are listed here, once;
``tests/ui/test_contrast.py`` checks every theme in :data:`sopreview.ui.theme.THEMES`.
"""

from __future__ import annotations

from textual.color import Color
from textual.theme import Theme

MINIMUM = 7.0

TEXTS: tuple[str, ...] = (
    "foreground", "text-muted", "text-primary", "text-secondary", "text-accent",
    "text-warning", "text-error", "text-success",
)
"""Text colours the screens use on any of the BACKGROUNDS."""

BACKGROUNDS: tuple[str, ...] = ("background", "surface", "panel", "boost", "block-cursor-background")
"""Backgrounds any text may sit on (the highlighted row keeps its cells' colours)."""

PAIRS: tuple[tuple[str, str], ...] = (
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),
    ("input-cursor-foreground", "input-cursor-background"),
    ("background", "foreground"),  # "reverse" badges and the selected projector tab
    ("background", "error"),  # the projector's countdown when time is up
    ("background", "text-accent"),  # the presenter cursor's highlight
    ("background", "success"),  # jenis badges (ui/fmt.py BADGE_STYLE)
    ("background", "warning"),
    ("background", "accent"),
)
"""Fixed foreground/background pairs (widgets, the countdown, the cursor)."""


def luminance(color: Color) -> float:
    """Relative luminance (WCAG 2.x) of an opaque colour."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def ratio(first: Color, second: Color) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def theme_colors(theme: Theme) -> dict[str, Color]:
    """The theme's variables as opaque colours (translucent ones laid over its background)."""
    variables = theme.to_color_system().generate()
    base = Color.parse(variables["background"])
    colors: dict[str, Color] = {}
    for name, value in variables.items():
        try:
            color = Color.parse(value)
        except Exception:  # "auto 87%", "transparent", text styles: not a colour pair
            continue
        colors[name] = base + color if color.a < 1 else color
    return colors


def low_pairs(theme: Theme, minimum: float = MINIMUM) -> list[tuple[str, str, float]]:
    """Every (text, background, ratio) pair of ``theme`` below ``minimum``."""
    colors = theme_colors(theme)
    pairs = [(t, b) for t in TEXTS for b in BACKGROUNDS] + list(PAIRS)
    found = []
    for text, back in pairs:
        if text not in colors or back not in colors:  # "auto" or a blend: not a fixed colour, so unchecked
            found.append((text, back, 0.0))
            continue
        value = ratio(colors[text], colors[back])
        if value < minimum:
            found.append((text, back, round(value, 2)))
    return found
