"""textual-serve without the internet: the page references only the server it came from.

textual-serve's page links a Google Fonts stylesheet (it fails quietly offline, and a
meeting-room PC should not call out at all). We serve a copy of its template with that link
replaced by an ``@font-face`` for the Roboto Mono it already bundles, and build every URL
from the address the browser used, so the page works whatever name the room PC knows us by.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

TEMPLATE = "app_index.html"
_GOOGLE_FONTS = re.compile(r"<link[^>]*fonts\.googleapis\.com[^>]*>", re.DOTALL)
_OUTSIDE = re.compile(r"(?:https?:)?//[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
FONT_FACE = """
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: normal;
      }
      @font-face {
        font-family: "Roboto Mono";
        src: url("{{ config.static.url }}fonts/RobotoMono-Italic-VariableFont_wght.ttf") format("truetype");
        font-weight: 100 700;
        font-style: italic;
      }
"""


class TemplateError(Exception):
    """textual-serve's page changed in a way we cannot make offline safely."""


def offline_template(templates_path: Path) -> str:
    """textual-serve's page with the outside font link swapped for the bundled font."""
    source = (templates_path / TEMPLATE).read_text(encoding="utf-8")
    text, removed = _GOOGLE_FONTS.subn("", source)
    if "<style>" not in text:
        raise TemplateError(f"{templates_path / TEMPLATE}: tidak ada <style>; versi textual-serve tidak dikenal")
    text = text.replace("<style>", "<style>" + FONT_FACE, 1)
    outside = _OUTSIDE.search(text.replace("http://www.w3.org/2000/svg", ""))
    if outside:
        raise TemplateError(
            f"{templates_path / TEMPLATE}: masih merujuk {outside.group(0)}; versi textual-serve tidak dikenal"
        )
    return text


class OfflineServer(Server):
    """Serves the follow view; the page loads nothing from outside this server."""

    def __init__(self, command: str, host: str = "127.0.0.1", port: int = 8000, title: str | None = None) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.page = offline_template(self.templates_path)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({TEMPLATE: self.page}))
        return app

    @aiohttp_jinja2.template(TEMPLATE)
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """Like textual-serve's, but URLs use the address the browser asked for."""
        origin = f"{request.scheme}://{request.host}"
        router = request.app.router
        static = f"{origin}{router['static'].url_for(filename='/')}".rstrip("/") + "/"
        websocket = f"{origin}{router['websocket'].url_for()}"
        websocket = ("wss:" if origin.startswith("https") else "ws:") + websocket.split(":", 1)[1]
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": websocket,
            "config": {"static": {"url": static}},
            "application": {"name": self.title},
            "ping_url": "",
        }
