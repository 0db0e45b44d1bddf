"""The room sees an amendment at once (issue 15): another process records it, the follower's
projector redraws the flowchart of the version under discussion with the amended step marked."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from sopreview.domain.flowchart.layout import TANDA_AMANDEMEN
from sopreview.store.session import Session
from sopreview.ui.follow import FollowApp
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.widgets.flowchart import FlowchartView
from tests.flowchart.test_follow import _until, session_path  # noqa: F401  (the fixture)

WRITER = r"""
import sys
from pathlib import Path
from sopreview.domain.amendment import Amendment
from sopreview.store.session import Session

session = Session.open(Path(sys.argv[1]))
pid = session.proposals()[0].id
session.set_current(pid, "flowchart")
print("ready", flush=True)
sys.stdin.readline()
step = session.proposal(pid).dokumen.langkah[1]
session.record_amendment(pid, Amendment("sisip", 2, nilai={"kegiatan": "Disposisi pimpinan",
                                                          "pelaksana": step.pelaksana}))
print("ok", flush=True)
sys.stdin.readline()
session.close()
"""


def test_follower_redraws_the_amended_flowchart_marked(session_path: Path) -> None:  # noqa: F811
    with Session.open(session_path, readonly=True) as probe:
        steps = len(probe.proposals()[0].dokumen.langkah)
    seen: dict[str, object] = {}

    async def scenario() -> None:
        writer = await asyncio.create_subprocess_exec(
            sys.executable, "-c", WRITER, str(session_path),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        )
        assert writer.stdin is not None and writer.stdout is not None
        try:
            assert (await writer.stdout.readline()).strip() == b"ready"
            app = FollowApp(session_path)
            async with app.run_test(size=(120, 36)) as pilot:
                await pilot.pause()
                screen = app.screen
                assert isinstance(screen, ProjectorScreen)
                flow = screen.query_one("#proj-flowchart", FlowchartView)
                seen["before"] = (len(flow.dokumen.langkah), flow.tandai)
                writer.stdin.write(b"go\n")
                await writer.stdin.drain()
                assert (await writer.stdout.readline()).strip() == b"ok"
                await _until(pilot, lambda: len(flow.dokumen.langkah) == steps + 1, "the inserted step")
                seen["after"] = (flow.dokumen.langkah[1].kegiatan, flow.tandai)
                seen["marked"] = any(line.startswith(TANDA_AMANDEMEN) for line in flow.grid.lines)
        finally:
            writer.stdin.write(b"quit\n")
            await writer.stdin.drain()
            await asyncio.wait_for(writer.wait(), 10)

    asyncio.run(scenario())
    assert seen["before"] == (steps, frozenset())
    assert seen["after"] == ("Disposisi pimpinan", frozenset({2}))
    assert seen["marked"] is True
