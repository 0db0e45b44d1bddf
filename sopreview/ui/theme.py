"""High-contrast themes for the meeting-room projector (Textual ships none).

A projector washes out mid-tones, so these use pure black/white with saturated yellow,
cyan, green and red only, full-opacity text, and no dimmed greys for anything that matters.
"""

from __future__ import annotations

from textual.app import App
from textual.theme import Theme

OPERATOR_THEME = "sopreview-operator"
PROJECTOR_THEME = "sopreview-proyektor"
PROJECTOR_LIGHT_THEME = "sopreview-proyektor-terang"

PROYEKTOR = Theme(
    name=PROJECTOR_THEME,
    primary="#FFD700",
    secondary="#00E5FF",
    accent="#FFD700",
    warning="#FFB000",
    error="#FF6A6A",
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
        "text-error": "#FF6A6A",
        "text-success": "#30FF60",
        "footer-key-foreground": "#FFD700",
        "footer-background": "#000000",
        "footer-description-foreground": "#FFFFFF",
        "block-cursor-background": "#002B4D",
        "block-cursor-foreground": "#FFFFFF",
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
    warning="#7A4000",
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
        "text-warning": "#7A4000",
        "text-error": "#B00000",
        "text-success": "#006400",
        "footer-key-foreground": "#0000B0",
        "footer-background": "#FFFFFF",
        "footer-description-foreground": "#000000",
        "block-cursor-background": "#D8E8FF",
        "block-cursor-foreground": "#000000",
        "scrollbar": "#606060",
        "scrollbar-background": "#FFFFFF",
        "border": "#000000",
    },
)

OPERATOR = Theme(
    name=OPERATOR_THEME,
    primary="#5CB8FF",
    secondary="#7FD4FF",
    accent="#FFC857",
    warning="#FFC857",
    error="#FF7A7A",
    success="#5EE08A",
    foreground="#F2F2F2",
    background="#0A0A0A",
    surface="#141414",
    panel="#1C2630",
    boost="#1A1A1A",
    dark=True,
    text_alpha=1.0,
    variables={
        # The operator's screen is often the one mirrored to the projector: no faded greys.
        "text-muted": "#C8C8C8",
        "text-primary": "#8FD0FF",
        "text-secondary": "#9FE0FF",
        "text-accent": "#FFD27A",
        "text-warning": "#FFD27A",
        "text-error": "#FF9C9C",
        "text-success": "#7EEBA3",
        "footer-key-foreground": "#FFD27A",
        "footer-background": "#1C2630",
        "footer-foreground": "#F2F2F2",
        "footer-description-foreground": "#F2F2F2",
        "button-foreground": "#F2F2F2",
        "block-cursor-background": "#002B4D",  # dark, so coloured cells in the row keep 7:1
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-blurred-background": "#3A4A58",
        "block-cursor-blurred-foreground": "#FFFFFF",
        "input-cursor-background": "#F2F2F2",
        "input-cursor-foreground": "#0A0A0A",
        "border": "#8FD0FF",
    },
)

THEMES: tuple[Theme, ...] = (OPERATOR, PROYEKTOR, PROYEKTOR_TERANG)


def register_themes(app: App) -> None:
    """Make the projector themes available to ``app`` (idempotent)."""
    for theme in THEMES:
        if theme.name not in app.available_themes:
            app.register_theme(theme)


def start_in_theme(app: App, name: str) -> None:
    """Register the themes and start ``app`` in ``name``, from its ``__init__``.

    Setting ``app.theme`` runs Textual's theme watcher, which queues a full re-parse and
    re-apply of every stylesheet: 15-20 ms of a 1,000-item start, to replace CSS not yet
    built (issue 17). Before the first stylesheet there is nothing to replace, so the value
    is set without the watcher, and what the watcher would change is set here: the stylesheet's
    variables and the app's classes (textual 8.2.8's ``App._watch_theme`` and ``refresh_css``;
    a test compares the result with setting the theme the usual way)."""
    register_themes(app)
    app.set_reactive(App.theme, name)
    app.stylesheet.set_variables(app.get_css_variables())  # App.__init__ took the default theme's
    theme = app.current_theme
    app.set_class(True, f"-theme-{theme.name}", update=False)
    app.set_class(theme.dark, "-dark-mode", update=False)
    app.set_class(not theme.dark, "-light-mode", update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
