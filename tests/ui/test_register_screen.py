"""The register screen (r): the SOPs in force from the session's sops folder, usable at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from sopreview.cli import main
from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.register import RegisterScreen

from .conftest import HandClock, run_app


def _app(path: Path, clock: HandClock) -> SopReviewApp:
    return SopReviewApp(path, None, clock=clock)


def test_r_opens_the_register_and_the_detail_follows_the_cursor(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("r", "down", "down")  # one burst
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        table = screen.query_one("#register-table", DataTable)
        assert table.row_count == 10 and table.cursor_row == 2
        detail = str(screen.query_one("#register-detail", Static).render())
        assert screen.register.rows[2].nama in detail
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RegisterScreen)

    run_app(_app(demo, clock), script, size=(80, 24))


def test_register_shows_history_after_tetapkan(demo: Path, clock: HandClock,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with Session.open(demo, clock=clock) as session:
        session.record_decision("hukum-sdm/jdih", "disetujui", "")
        sops = session.sops_dir
    assert sops is not None
    monkeypatch.chdir(demo.parent)
    assert main(["tetapkan", str(demo), "--tanggal", "2022-06-20", "--terapkan"]) == 0

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        index = next(n for n, r in enumerate(screen.register.rows) if r.sop_id == "hukum-sdm/jdih")
        text = str(screen.detail(screen.register.rows[index]))
        assert "Riwayat:" in text and "rev 0" in text and "rev 1" in text and "2022-06-20" in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changed == []  # applied proposals left sops/ on purpose: not "changed since"

    run_app(_app(demo, clock), script, size=(80, 24))


async def _open_register(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.press("r")
    await pilot.pause()
    await pilot.pause(0.1)


def test_register_80x24(snap_compare, demo: Path, clock: HandClock) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(demo, clock), terminal_size=(80, 24), run_before=_open_register)
