"""textual-serve without the internet: the page references only the server it came from.

textual-serve's page links a Google Fonts stylesheet (it fails quietly offline, and a
meeting-room PC should not call out at all). We serve a copy of its template with that link
replaced by an ``@font-face`` for the Roboto Mono it already bundles, and build every URL
from the address the browser used, so the page works whatever name the room PC knows us by.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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


RECONNECT = """
    <script>
      /* The room's screen reconnects by itself after a network blip: when the socket closes,
         ask the server every 2 s and reload once it answers (no one needs to touch the PC). */
      window.addEventListener("load", () => {
        const watch = new MutationObserver(() => {
          if (!document.body.classList.contains("-closed") || window.sopreviewRetry) return;
          const message = document.querySelector(".closed-dialog .message");
          if (message) message.textContent = "Sambungan terputus — menyambung lagi…";
          window.sopreviewRetry = setInterval(async () => {
            try {
              const answer = await fetch(window.location.pathname, {cache: "no-store"});
              if (answer.ok) { clearInterval(window.sopreviewRetry); refresh(); }
            } catch (error) { /* still away: try again */ }
          }, 2000);
        });
        watch.observe(document.body, {attributes: true, attributeFilter: ["class"]});
      });
    </script>
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
    if "</head>" not in text or "function refresh()" not in text:
        raise TemplateError(f"{templates_path / TEMPLATE}: tidak ada refresh(); versi textual-serve tidak dikenal")
    text = text.replace("</head>", RECONNECT + "</head>", 1)
    outside = _OUTSIDE.search(text.replace("http://www.w3.org/2000/svg", ""))
    if outside:
        raise TemplateError(
            f"{templates_path / TEMPLATE}: masih merujuk {outside.group(0)}; versi textual-serve tidak dikenal"
        )
    return text


DEFAULT_MAX_CONNECTIONS = 4
"""Browsers at once: each runs its own app process (~40 MB); a meeting room needs one or two."""
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def allowed_hosts(host: str, port: int) -> set[str]:
    """``Host`` headers a browser sends when it really asked for this server.

    A page on another site can resolve its own name to 127.0.0.1 (DNS rebinding) and then
    talk to us as "same origin", but its requests still carry *its* name in ``Host``; so
    names are accepted only when they are ours: the address served, ``localhost`` on
    loopback, this computer's name; any IP literal when listening on all addresses."""
    names = {host}
    if host in ("127.0.0.1", "::1", "localhost"):
        names |= {"127.0.0.1", "localhost", "[::1]"}
    if host in ("0.0.0.0", "::", ""):
        names |= {"localhost", socket.gethostname(), socket.getfqdn()}
    bracketed = {f"[{n}]" if ":" in n and not n.startswith("[") else n for n in names}
    found = {f"{n}:{port}" for n in bracketed}
    if port == 80:
        found |= bracketed
    return {n.lower() for n in found}


def _is_ip_literal(host_header: str) -> bool:
    name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


def _refusal(status: int, title: str, text: str) -> web.Response:
    """A small page that says why, in the user's language (no template, no outside links)."""
    body = (f"<!doctype html><html lang=\"id\"><meta charset=\"utf-8\"><title>{title}</title>"
            f"<body style=\"font-family:sans-serif;max-width:40em;margin:3em auto\"><h1>{title}</h1>"
            f"<p>{text}</p></body></html>")
    return web.Response(status=status, text=body, content_type="text/html")


class OfflineServer(Server):
    """Serves the follow view; the page loads nothing from outside this server, answers only
    requests addressed to it (Host, Origin), caps the browsers at once and lists no folder."""

    def __init__(self, command: str, host: str = "127.0.0.1", port: int = 8000, title: str | None = None,
                 max_connections: int = DEFAULT_MAX_CONNECTIONS) -> None:
        super().__init__(command, host=host, port=port, title=title)
        self.page = offline_template(self.templates_path)
        self.hosts = allowed_hosts(host, port)
        self.any_ip = host in ("0.0.0.0", "::", "")
        self.max_connections = max_connections
        self.connections = 0

    async def _make_app(self) -> web.Application:
        """textual-serve's routes, but the static folder without a directory listing."""
        app = web.Application(middlewares=[self._guard])
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({TEMPLATE: self.page}))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, show_index=False, name="static"),
        ])
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    def host_allowed(self, host_header: str) -> bool:
        host_header = host_header.lower()
        if host_header in self.hosts:
            return True
        return self.any_ip and _is_ip_literal(host_header) and host_header.rsplit(":", 1)[-1] == str(self.port)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        host = request.headers.get("Host", "")
        if not self.host_allowed(host):
            return _refusal(421, "Alamat tidak dikenal",
                            "Server proyektor sopreview hanya menjawab alamat yang ia sajikan "
                            f"(http://{self.host}:{self.port}/). Buka alamat itu langsung.")
        origin = request.headers.get("Origin")
        if origin is not None and (urlsplit(origin).netloc.lower() != host.lower()):
            return _refusal(403, "Asal permintaan ditolak",
                            "Halaman dari situs lain tidak boleh membuka layar rapat ini.")
        if request.path == "/ws" or request.path == "/":
            if self.connections >= self.max_connections:
                return _refusal(503, "Terlalu banyak peramban",
                                f"Sudah ada {self.connections} peramban yang menampilkan layar rapat ini "
                                f"(batas {self.max_connections}). Tutup salah satunya lalu muat ulang halaman.")
        if request.path != "/ws":
            return await handler(request)
        self.connections += 1
        try:
            return await handler(request)
        finally:
            self.connections -= 1

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
