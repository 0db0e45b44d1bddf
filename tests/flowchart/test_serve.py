"""`sopreview serve`: the follow view in a browser, loading nothing from outside the server."""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sopreview.ui.serve import TemplateError, offline_template
from tests.flowchart.apps import FixedClock, make_session
from tests.flowchart.conftest import ROOT

URL_IN_PAGE = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|url\(\s*["']?([^"')]+)""")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.status, response.read()


@pytest.fixture
def served(tmp_path: Path, sample_proposals):  # type: ignore[no-untyped-def]
    from sopreview.domain.loader import load_sops
    from tests.flowchart.conftest import SOPS

    result = load_sops(SOPS)
    path = tmp_path / "rapat.json"
    session = make_session(path, result.proposals, result.organisasi, FixedClock())
    session.set_current(result.proposals[0].id, "ringkasan")
    session.close()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "sopreview", "serve", str(path), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                _get(base + "/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode() if proc.stdout else ""
                    pytest.fail(f"server did not start: {out[-2000:]}")
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout:
            proc.stdout.close()


def test_page_references_no_outside_host(served: str) -> None:
    status, body = _get(served + "/")
    page = body.decode()
    assert status == 200
    assert "googleapis" not in page and "gstatic" not in page
    urls = [a or b for a, b in URL_IN_PAGE.findall(page)]
    assert urls, "the page loads its script, stylesheet and font"
    own = urlsplit(served).netloc
    for url in urls:
        parts = urlsplit(url)
        assert parts.netloc in ("", own), url
        if parts.scheme in ("http", "https"):
            assert _get(url)[0] == 200, url  # everything it needs is served locally
    assert any(u.endswith(".ttf") for u in urls)  # the bundled Roboto Mono replaces the Google font
    websocket = re.search(r'data-session-websocket-url="([^"]+)"', page)
    assert websocket and urlsplit(websocket.group(1)).netloc == own


def test_browser_connection_runs_the_follow_view(served: str) -> None:
    aiohttp = pytest.importorskip("aiohttp")

    async def scenario() -> bytes:
        seen = b""
        async with aiohttp.ClientSession() as client:
            url = served.replace("http", "ws") + "/ws?width=120&height=36"
            async with client.ws_connect(url) as ws:
                deadline = time.monotonic() + 20
                while b"Penyaji" not in seen and time.monotonic() < deadline:
                    try:
                        msg = await asyncio.wait_for(ws.receive(), 2)
                    except asyncio.TimeoutError:
                        continue
                    if msg.type in (aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                        break
                    data = msg.data if isinstance(msg.data, bytes) else str(msg.data).encode()
                    seen += data
        return seen

    assert b"Penyaji" in asyncio.run(scenario())


def test_serve_refuses_a_missing_session(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "sopreview", "serve", str(tmp_path / "tidak-ada.json"), "--port", "1"],
        cwd=ROOT, capture_output=True, text=True, timeout=30,
    )
    assert proc.returncode == 1
    assert "tidak ditemukan" in proc.stderr and "Traceback" not in proc.stderr


def test_template_without_a_style_block_is_refused(tmp_path: Path) -> None:
    (tmp_path / "app_index.html").write_text('<link href="https://fonts.googleapis.com/css">')
    with pytest.raises(TemplateError):
        offline_template(tmp_path)


def test_page_reconnects_by_itself_after_a_blip(served: str) -> None:
    """The room PC is not touched during a meeting: a closed socket retries and reloads."""
    page = _get(served + "/")[1].decode()
    script = page[page.index("sopreviewRetry") - 600:]
    assert 'classList.contains("-closed")' in page and "setInterval" in script and "refresh()" in script
    assert "menyambung lagi" in page


def test_serve_runs_the_follower_locked(tmp_path: Path, sample_proposals, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every browser gets ``projector --locked``: no key ends or changes the room's screen."""
    import sopreview.ui.serve as serve_module
    from sopreview.cli import main
    from sopreview.domain.loader import load_sops
    from tests.flowchart.conftest import SOPS

    result = load_sops(SOPS)
    path = tmp_path / "rapat.json"
    make_session(path, result.proposals, result.organisasi, FixedClock()).close()
    commands: list[str] = []

    class Recording(serve_module.OfflineServer):
        def __init__(self, command: str, **kwargs) -> None:  # type: ignore[no-untyped-def]
            commands.append(command)
            super().__init__(command, **kwargs)

        def serve(self, debug: bool = False) -> None:
            return None

    monkeypatch.setattr(serve_module, "OfflineServer", Recording)
    assert main(["serve", str(path), "--port", str(_free_port())]) == 0
    assert len(commands) == 1 and " projector --locked " in commands[0]
