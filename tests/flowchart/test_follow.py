"""Follow mode: a second process writes the session, the read-only follower shows each change.

The test waits for each change (with a cap generous enough that only a follower that never
catches up fails) and asserts what changed; how fast it catches up is measured by
``bench/bench_follow.py`` (median and p95), not asserted here.
"""

from __future__ import annotations

import asyncio
import hashlib
import sys
import time
from pathlib import Path

import pytest

from sopreview.domain.vocab import decision_label
from sopreview.store.session import Session
from sopreview.ui.follow import FollowApp
from sopreview.ui.screens.projector import ProjectorScreen
from tests.flowchart.apps import FixedClock, make_session

WRITER = r"""
import sys
from pathlib import Path
from sopreview.store.session import Session

session = Session.open(Path(sys.argv[1]))
print("ready", flush=True)
for line in sys.stdin:
    cmd, *args = line.rstrip("\n").split("|")
    if cmd == "decide":
        session.record_decision(args[0], args[1], args[2])
    elif cmd == "current":
        session.set_current(args[0], args[1])
    elif cmd == "quit":
        break
    print("ok", flush=True)
session.close()
"""

CATCH_UP_CAP = 120.0
"""Seconds after which the follower is taken to have missed the change (a hang, not slowness)."""


def _fingerprint(folder: Path) -> dict[str, str]:
    """Hash of every file the session uses (data, journal, lock, backup)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _info(app: FollowApp) -> str:
    screen = app.screen
    assert isinstance(screen, ProjectorScreen)
    return str(screen.query_one("#proj-info").render())


async def _until(pilot, condition, what: str) -> None:  # type: ignore[no-untyped-def]
    """Wait until the follower shows ``what``; fail only if it never does."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > CATCH_UP_CAP:
            raise AssertionError(f"follower never showed {what}")
        await pilot.pause(0.02)


@pytest.fixture
def session_path(tmp_path: Path, sample_proposals) -> Path:  # type: ignore[no-untyped-def]
    from sopreview.domain.loader import load_sops
    from tests.flowchart.conftest import SOPS

    result = load_sops(SOPS)
    folder = tmp_path / "sessions"
    session = make_session(folder / "rapat.json", result.proposals, result.organisasi, FixedClock())
    session.close()
    return folder / "rapat.json"


def test_follower_shows_each_change_and_never_writes(session_path: Path) -> None:
    with Session.open(session_path, readonly=True) as probe:
        pids = [p.id for p in probe.proposals()][:3]
    shown: list[str] = []

    async def scenario() -> None:
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-c", WRITER, str(session_path),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )
        assert writer.stdin is not None and writer.stdout is not None

        async def send(*parts: str) -> None:
            writer.stdin.write(("|".join(parts) + "\n").encode())
            await writer.stdin.drain()
            assert (await writer.stdout.readline()).strip() == b"ok"

        try:
            assert (await writer.stdout.readline()).strip() == b"ready"  # the writer holds the lock
            await send("current", pids[0], "ringkasan")
            locks = {n: h for n, h in _fingerprint(session_path.parent).items() if n.endswith(".lock")}
            assert locks, "the writer holds a lock file"
            app = FollowApp(session_path)
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, ProjectorScreen) and screen.pid == pids[0]
                for pid, keputusan in zip(pids, ("disetujui", "ditunda", "disetujui_dengan_perbaikan")):
                    if screen.pid != pid:
                        await send("current", pid, "flowchart")
                        await _until(pilot, lambda p=pid: screen.pid == p and screen.tab == "flowchart", f"{pid} flowchart")
                        shown.append(f"{screen.pid} {screen.tab}")
                    await send("decide", pid, keputusan, "Catatan rapat.")
                    label = decision_label(keputusan).upper()
                    await _until(pilot, lambda lb=label: lb in _info(app), label)
                    shown.append(f"{screen.pid} {label}")
                await send("current", pids[2], "keputusan")
                await _until(pilot, lambda: screen.tab == "keputusan", "the keputusan tab")
                shown.append(f"{screen.pid} {screen.tab}")
                # writer is done: from here on nothing but the follower runs
                before = _fingerprint(session_path.parent)
                for _ in range(8):  # two seconds of polling, tab presses and clock ticks
                    await pilot.pause(0.25)
                await pilot.press("tab", "tab")
                await pilot.pause(0.3)
                after = _fingerprint(session_path.parent)
                assert after == before
                assert {n: after[n] for n in locks} == locks  # the operator's lock was never touched
        finally:
            writer.stdin.write(b"quit\n")
            await writer.stdin.drain()
            await asyncio.wait_for(writer.wait(), 10)

    asyncio.run(scenario())
    assert shown == [
        f"{pids[0]} DISETUJUI",
        f"{pids[1]} flowchart", f"{pids[1]} DITUNDA",
        f"{pids[2]} flowchart", f"{pids[2]} {decision_label('disetujui_dengan_perbaikan').upper()}",
        f"{pids[2]} keputusan",
    ]


def test_follower_of_a_missing_session_exits_with_a_message(tmp_path: Path) -> None:
    async def scenario() -> FollowApp:
        app = FollowApp(tmp_path / "tidak-ada.json")
        async with app.run_test() as pilot:
            await pilot.pause()
        return app

    app = asyncio.run(scenario())
    assert app.return_code == 1


@pytest.mark.parametrize("key", ["q", "escape"])
def test_follower_quits_with_q_or_escape_without_telling_the_room(session_path: Path, key: str) -> None:
    with Session.open(session_path) as operator:
        operator.set_current(operator.proposals()[0].id, "ringkasan")
    seen: dict[str, str] = {}

    async def scenario() -> FollowApp:
        app = FollowApp(session_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            seen["hint"] = str(app.screen.query_one("#proj-tabs").render())
            await pilot.press(key)
            await pilot.pause()
            seen["running"] = str(app.is_running)
        return app

    app = asyncio.run(scenario())
    assert "keluar" not in seen["hint"] and "Tab" not in seen["hint"] and "Esc" not in seen["hint"]
    assert seen["running"] == "False"  # it left by itself (nothing to save: read-only)
    assert app.return_code == 0


LOCKED_KEYS = ["q", "escape", "ctrl+q", "ctrl+c", "tab", "shift+tab", "5", "d", "t", "ctrl+p"]


def test_locked_follower_refuses_every_key_that_ends_or_changes_it(session_path: Path) -> None:
    """serve runs the follower locked: whoever reaches the browser's keyboard changes nothing."""
    with Session.open(session_path) as operator:
        operator.set_current(operator.proposals()[0].id, "ringkasan")
    before = _fingerprint(session_path.parent)
    seen: dict[str, object] = {}

    async def scenario() -> None:
        app = FollowApp(session_path, locked=True)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            theme, screen = app.theme, app.screen
            for key in LOCKED_KEYS:
                await pilot.press(key)
                await pilot.pause()
            seen.update(running=app.is_running, tab=app.projector.tab, theme=app.theme == theme,
                        screen=app.screen is screen)

    asyncio.run(scenario())
    assert seen == {"running": True, "tab": "ringkasan", "theme": True, "screen": True}
    assert _fingerprint(session_path.parent) == before


def test_unlocked_follower_does_change_tab_with_the_same_keys(session_path: Path) -> None:
    """The control for the test above: the same key presses do act on an unlocked follower."""
    with Session.open(session_path) as operator:
        operator.set_current(operator.proposals()[0].id, "ringkasan")

    async def scenario() -> str:
        app = FollowApp(session_path)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("tab")
            await pilot.pause()
            return app.projector.tab

    assert asyncio.run(scenario()) == "flowchart"
