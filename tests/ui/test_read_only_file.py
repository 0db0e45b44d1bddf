"""A session file without write permission opens read-only in the app, and says why (issue 10 item 7)."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot

from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.base import ReadOnlyBanner

from .conftest import HandClock, run_app


def test_read_only_file_opens_read_only_with_the_reason(demo: Path, clock: HandClock) -> None:
    os.chmod(demo, 0o444)
    before = demo.read_bytes()
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        seen["readonly"] = app.session.readonly if app.session else None
        seen["banner"] = str(app.screen.query_one(ReadOnlyBanner).render())
        await pilot.press("d")  # the decision key: refused, nothing written
        await pilot.pause()

    run_app(SopReviewApp(demo, demo.parent.parent / "sops", clock=clock), script)
    assert seen["readonly"] is True
    assert "berkas hanya-baca (izin 444)" in str(seen["banner"])
    assert demo.read_bytes() == before
