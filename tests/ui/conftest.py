"""The demo meeting in a temp folder, a clock the test moves by hand, and a pilot runner.

The clock only moves when a test says so, so screenshots and minute counts never depend on
how fast the machine is.
"""

from __future__ import annotations

import asyncio
import io
import unicodedata
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, TypeVar

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.pilot import Pilot

from sopreview.demo import create_demo
from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs import SessionDialog
from sopreview.ui.keygate import KeyGate

WIB = timezone(timedelta(hours=7))


class HandClock:
    """09:30 WIB on the seed meeting's day until ``advance`` is called."""

    def __init__(self) -> None:
        self.now = datetime(2022, 6, 16, 9, 30, tzinfo=WIB)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture(autouse=True)
def _no_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blinking cursors make screenshots differ from run to run."""
    monkeypatch.setattr(SopReviewApp, "cursor_blink", False)
    monkeypatch.setattr(SessionDialog, "CURSOR_BLINK", False)


@pytest.fixture
def clock() -> HandClock:
    return HandClock()


@pytest.fixture
def demo(tmp_path: Path, clock: HandClock) -> Path:
    """The seed meeting's session file (closed, so the app can take the lock)."""
    session, _result = create_demo(tmp_path, clock=clock)
    session.close()
    return session.path


def plain(renderable: object, width: int = 120) -> str:
    """What a Rich renderable shows, as text."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def on_disk(path: Path) -> Session:
    """The session as another process sees it: re-read from the file, read-only."""
    return Session.open(path, readonly=True)


async def type_keys(pilot: Pilot[None], text: str) -> None:
    """Send each character as a real key event, waiting once at the end.

    ``pilot.press`` waits for the CPU to go idle twice per key (at least 40 ms); typing a
    sentence that way dominates a long walk. The events go through the same driver queue, in
    order, so the widgets see exactly what a typist's keys would produce.
    """
    app = pilot.app
    driver = app._driver
    assert driver is not None
    if isinstance(app, KeyGate):
        app.expect_keys(len(text))
    for char in text:
        key = "space" if char == " " else (char if char.isalnum() else _character_to_key(char))
        event = events.Key(key, char)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    if isinstance(app, KeyGate):
        await app.keys_handled()


async def burst(pilot: Pilot[None], *keys: str) -> None:
    """Type ahead: every key reaches the app at once, as a fast typist's keys do on a busy laptop.

    ``pilot.press`` lets the app go idle after every key, so it cannot show a key landing in the
    wrong place; here all keys are queued before the app handles the first one, then the test
    waits once. Keys are Textual key names, one per argument (``"a", *"Uji3", "enter"``).
    """
    app = pilot.app
    driver = app._driver
    assert driver is not None
    if isinstance(app, KeyGate):
        app.expect_keys(len(keys))
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        try:
            char: str | None = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(name, name)))
        except KeyError:
            char = name if len(name) == 1 else None
        event = events.Key(name, char)
        event.set_sender(app)
        driver.send_message(event)
    await pilot.pause()
    if isinstance(app, KeyGate):
        await app.keys_handled()
    await pilot.pause()


AppT = TypeVar("AppT", bound=App[Any])


def run_app(
    app: AppT,
    script: Callable[[Pilot[None], AppT], Awaitable[None]],
    size: tuple[int, int] = (120, 36),
) -> AppT:
    """Run ``script`` against the app headless; the app has exited when this returns."""

    # Toasts expire by the wall clock; tests read them back, so on a loaded machine they must not vanish first.
    app.NOTIFICATION_TIMEOUT = 24 * 3600

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot, app)
            await pilot.pause()

    asyncio.run(main())
    return app


async def until(pilot: Pilot[None], condition: Callable[[], bool], polls: int = 6000) -> None:
    """Wait for a follower (or a deferred layout) to reach a state: poll it between frames.

    The cap counts polls, not seconds, so a loaded machine only makes the wait longer; it exists
    to end a run whose follower never catches up, not to judge speed."""
    for _ in range(polls):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), "follower did not catch up"
