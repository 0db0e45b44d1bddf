"""Work-arounds for Textual behaviour that costs the meeting, each with the version it was seen in.

Textual 8.2.8, ``textual._styles_cache.StylesCache.get_inner_outer``: memoised with
``functools.lru_cache`` on an instance method, so its 1,024 entries keep the StylesCache of every
widget that ever drew, and with it the widget's drawn lines (and, through them, closed screens'
lines). An open-and-close of a proposal left about 12,000 objects behind; the collector's full runs
grew to 60-160 ms and landed in the middle of tab switches (issue 17). The colours alone are the
key here, as the method's body uses nothing else.
"""

from __future__ import annotations

from functools import lru_cache

from textual._styles_cache import StylesCache
from textual.color import Color
from textual.style import Style


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    """Textual's ``get_inner_outer``, keyed by the two colours only."""
    return Style(background=base_background + background), Style(background=base_background)


def _get_inner_outer(self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
    return _inner_outer(base_background, background)


def apply() -> None:
    """Install the work-arounds (idempotent; the tests check each still fits Textual)."""
    StylesCache.get_inner_outer = _get_inner_outer  # type: ignore[method-assign,assignment]
