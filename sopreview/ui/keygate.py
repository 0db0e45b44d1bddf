"""Keys are handled one at a time, in the order they were typed.

Textual hands a key to the focused widget by queueing it; the widget's reaction (Enter moving
to the next field, a digit choosing a decision, a hotkey opening a dialog) runs later, and a
focus change is queued behind keys that have already arrived. A secretary typing ahead on a
busy laptop then sees the next word land in the old field, or reach a hotkey of the screen
below. The gate holds each key back until the previous key and everything it set off (focus
moves, a dialog mounting and taking focus) have been handled, so typed-ahead keys always go
where the secretary will see the cursor.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import events

if TYPE_CHECKING:
    from textual.message_pump import MessagePump

SETTLE_CAP_SECONDS = 2.0
"""Longest wait for one queue (a handler stuck on a long job must not freeze the keyboard)."""
MAX_ROUNDS = 8
"""Rounds of flushing after one key; two quiet rounds in a row end it well before this."""


class KeyGate:
    """App mixin: release keys one by one, each after the previous one has settled.

    Put it before ``App`` in the bases: ``class MyApp(KeyGate, App[None])``.
    """

    _key_backlog: deque[events.Key]
    _key_drain: asyncio.Task[None] | None
    _keys_expected: int
    _keys_done: int
    _key_progress: asyncio.Event

    def _gate_init(self) -> None:
        if not hasattr(self, "_key_backlog"):
            self._key_backlog = deque()
            self._key_drain = None
            self._keys_expected = 0
            self._keys_done = 0
            self._key_progress = asyncio.Event()

    def expect_keys(self, count: int) -> None:
        """A sender (the test pilot) is about to send ``count`` keys: :meth:`keys_handled` waits for them."""
        self._gate_init()
        self._keys_expected += count

    async def keys_handled(self) -> None:
        """Return once every key sent or received so far has been handled (tests wait on this).

        Waiting on the count, not on the CPU going idle: on a loaded machine Textual's idle
        check returns while keys are still queued here."""
        self._gate_init()
        while True:
            if self._keys_done >= self._keys_expected and not self._key_backlog and (
                    self._key_drain is None or self._key_drain.done()):
                return
            if not getattr(self, "is_running", True):
                return  # the app has exited: keys still on their way will never be handled
            self._key_progress.clear()
            try:  # re-check now and then: an exiting app may never report progress again
                await asyncio.wait_for(self._key_progress.wait(), 0.1)
            except TimeoutError:
                pass

    async def _press_keys(self, keys: Iterable[str]) -> None:
        """The test pilot's ``press``: it returns once its keys have been handled, in order."""
        keys = list(keys)
        self.expect_keys(sum(1 for key in keys if not key.startswith("wait:")))
        await super()._press_keys(keys)  # type: ignore[misc]
        await self.keys_handled()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded and not getattr(event, "_gate_released", False):
            self._gate_init()
            self._key_backlog.append(event)
            if self._key_drain is None or self._key_drain.done():
                self._key_drain = asyncio.create_task(self._drain_keys())
            return
        await super().on_event(event)  # type: ignore[misc]

    async def _drain_keys(self) -> None:
        app: Any = self
        while self._key_backlog:
            event = self._key_backlog.popleft()
            event._gate_released = True  # type: ignore[attr-defined]
            if not app.post_message(event):
                self._key_backlog.clear()  # the app is closing
                self._keys_done = self._keys_expected = max(self._keys_done, self._keys_expected)
                self._key_progress.set()
                return
            await self._settle()
            self._keys_done += 1
            self._key_progress.set()

    async def _settle(self) -> None:
        """Flush the focused widget and each of its ancestors up to the app, until nothing moves.

        The flush goes child to parent, the way a key and the messages it causes bubble, so a
        message posted on the way (Input.Submitted, a dialog's result) is handled before the
        next key is released."""
        app: Any = self
        previous: tuple[object, object] | None = None
        quiet = 0
        for _ in range(MAX_ROUNDS):
            await _flush(app)
            try:
                screen = app.screen
            except Exception:  # no screen while starting or exiting
                return
            focused = screen.focused
            chain = list(focused.ancestors_with_self) if focused is not None else [screen, app]
            for node in chain:
                await _flush(node)
            state = (app.screen, app.screen.focused)
            quiet = quiet + 1 if state == previous and app.screen.is_mounted else 0
            if quiet >= 2:
                return
            previous = state


async def _flush(pump: MessagePump) -> None:
    """Wait until ``pump`` has handled every message queued before this call."""
    done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def release() -> None:
        if not done.done():
            done.set_result(None)

    if not pump.call_later(release):
        return
    try:
        await asyncio.wait_for(asyncio.shield(done), SETTLE_CAP_SECONDS)
    except TimeoutError:
        pass
