"""High-contrast themes for the meeting-room projector (Textual ships none).

A projector washes out mid-tones, so these use pure black/white with saturated yellow,
cyan, green and red only, full-opacity text, and no dimmed greys for anything that matters.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

PROJECTOR_THEME = "sopreview-proyektor"
PROJECTOR_LIGHT_THEME = "sopreview-proyektor-terang"

PROYEKTOR = Theme(
    name=PROJECTOR_THEME,
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF4040",
    success="#30FF60",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    boost="#202020",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#FFFFFF",
        "text-primary": "#FFD700",
        "text-secondary": "#00E5FF",
        "text-accent": "#FFD700",
        "text-warning": "#FFB000",
        "text-error": "#FF4040",
        "text-success": "#30FF60",
        "footer-key-foreground": "#FFD700",
        "footer-background": "#000000",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-background": "#FFD700",
        "block-cursor-foreground": "#000000",
        "scrollbar": "#808080",
        "scrollbar-background": "#000000",
        "border": "#FFFFFF",
    },
)

PROYEKTOR_TERANG = Theme(
    name=PROJECTOR_LIGHT_THEME,
    primary="#0000B0",
    secondary="#005F5F",
    accent="#0000B0",
    warning="#8A4B00",
    error="#B00000",
    success="#006400",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E8E8E8",
    boost="#E0E0E0",
    dark=False,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "text-muted": "#000000",
        "text-primary": "#0000B0",
        "text-secondary": "#005F5F",
        "text-accent": "#0000B0",
        "text-warning": "#8A4B00",
        "text-error": "#B00000",
        "text-success": "#006400",
        "footer-key-foreground": "#0000B0",
        "footer-background": "#FFFFFF",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#0000B0",
        "block-cursor-foreground": "#FFFFFF",
        "scrollbar": "#606060",
        "scrollbar-background": "#FFFFFF",
        "border": "#000000",
    },
)

THEMES: tuple[Theme, ...] = (PROYEKTOR, PROYEKTOR_TERANG)


def register_themes(app: App) -> None:
    """Make the projector themes available to ``app`` (idempotent)."""
    for theme in THEMES:
        if theme.name not in app.available_themes:
            app.register_theme(theme)
