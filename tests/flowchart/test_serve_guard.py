"""`serve` answers only requests addressed to it, caps the browsers at once and lists no folder.

In-process on loopback (aiohttp's test server), so each test is bounded and needs no network.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import WSServerHandshakeError, web
from aiohttp.test_utils import TestClient, TestServer

from sopreview.ui.serve import OfflineServer, allowed_hosts


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _client(server: OfflineServer) -> TestClient:
    test_server = TestServer(await server._make_app(), host="127.0.0.1", port=server.port)
    client = TestClient(test_server)
    await client.start_server()
    return client


def _run(scenario: Callable[[], Any]) -> Any:
    return asyncio.run(asyncio.wait_for(scenario(), 30))


def _server(**kwargs: Any) -> OfflineServer:
    server = OfflineServer("true", host="127.0.0.1", port=_free_port(), **kwargs)

    async def idle_websocket(request: web.Request) -> web.WebSocketResponse:
        """Stands in for the projector process: holds the connection until the browser leaves."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for _ in ws:
            pass
        return ws

    server.handle_websocket = idle_websocket  # type: ignore[method-assign]
    return server


def test_foreign_host_is_refused_dns_rebinding() -> None:
    async def scenario() -> tuple[int, str, int]:
        client = await _client(_server())
        try:
            bad = await client.get("/", headers={"Host": f"attacker.example:{client.port}"})
            good = await client.get("/")
            return bad.status, await bad.text(), good.status
        finally:
            await client.close()

    status, text, good = _run(scenario)
    assert status == 421 and "Alamat tidak dikenal" in text and "attacker" not in text
    assert good == 200


def test_page_urls_use_only_the_allowed_host() -> None:
    async def scenario() -> str:
        client = await _client(_server())
        try:
            response = await client.get("/", headers={"Host": f"localhost:{client.port}"})
            return await response.text()
        finally:
            await client.close()

    page = _run(scenario)
    assert "ws://localhost:" in page


def test_websocket_from_another_origin_is_refused() -> None:
    async def scenario() -> tuple[int, bool]:
        client = await _client(_server())
        try:
            with pytest.raises(WSServerHandshakeError) as info:
                await client.ws_connect("/ws", headers={"Origin": "http://attacker.example"})
            own = await client.ws_connect("/ws", headers={"Origin": f"http://127.0.0.1:{client.port}"})
            await own.close()
            return info.value.status, True
        finally:
            await client.close()

    status, own_ok = _run(scenario)
    assert status == 403 and own_ok


def test_connection_cap_shows_a_clear_page() -> None:
    async def scenario() -> tuple[int, str, int]:
        client = await _client(_server(max_connections=2))
        try:
            first = await client.ws_connect("/ws")
            second = await client.ws_connect("/ws")
            with pytest.raises(WSServerHandshakeError) as info:
                await client.ws_connect("/ws")
            page = await client.get("/")
            text = await page.text()
            await first.close()
            for _ in range(100):  # the server notices the close on its next loop turn
                if (await client.get("/")).status == 200:
                    break
                await asyncio.sleep(0.01)
            again = await client.ws_connect("/ws")
            await again.close()
            await second.close()
            return info.value.status, text, page.status
        finally:
            await client.close()

    status, text, page_status = _run(scenario)
    assert status == 503 and page_status == 503
    assert "Terlalu banyak peramban" in text and "batas 2" in text


def test_static_folder_is_not_listed() -> None:
    async def scenario() -> tuple[int, int]:
        client = await _client(_server())
        try:
            listing = await client.get("/static/")
            font = await client.get("/static/fonts/RobotoMono-VariableFont_wght.ttf")
            return listing.status, font.status
        finally:
            await client.close()

    listing, font = _run(scenario)
    assert listing in (403, 404) and font == 200


def test_allowed_hosts() -> None:
    assert allowed_hosts("127.0.0.1", 8000) == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000"}
    server = OfflineServer("true", host="0.0.0.0", port=8000)
    assert server.host_allowed("192.168.1.20:8000") and not server.host_allowed("evil.example:8000")
    assert not server.host_allowed("192.168.1.20:9000")
