"""The projector follower shows the view of the operator's proposal tabs (keys 1-4 and Tab)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.follow import FollowApp
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.screens.proposal import PROJECTOR_TAB, TABS

from .conftest import HandClock, on_disk, until


def test_every_proposal_tab_has_a_projector_view() -> None:
    from sopreview.domain.vocab import PROJECTOR_TABS

    assert set(PROJECTOR_TAB) == set(TABS)
    assert set(PROJECTOR_TAB.values()) <= set(PROJECTOR_TABS)


def test_follower_follows_the_operators_tabs(demo: Path, clock: HandClock) -> None:
    pid = on_disk(demo).proposals()[0].id
    seen: list[tuple[str | None, str]] = []

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(100, 30)) as fol:
            await op.pause()
            await op.press("enter")
            await op.pause()
            projector = follower.screen
            assert isinstance(projector, ProjectorScreen)
            await until(fol, lambda: projector.pid == pid)
            for key, expected in (("3", "flowchart"), ("4", "perubahan"), ("1", "ringkasan"), ("2", "flowchart")):
                await op.press(key)
                await op.pause()
                await until(fol, lambda e=expected: projector.tab == e)  # type: ignore[misc]
                with Session.open(demo, readonly=True) as disk:
                    seen.append(disk.current())
            audit = len(on_disk(demo).audit_log())
            await op.press("3")  # Langkah → Flowchart is already shown: nothing is written
            await op.pause()
            assert len(on_disk(demo).audit_log()) == audit

    asyncio.run(main())
    assert seen == [(pid, "flowchart"), (pid, "perubahan"), (pid, "ringkasan"), (pid, "flowchart")]
