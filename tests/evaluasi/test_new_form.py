"""Evaluation items from the app (issue 14): the new-meeting form takes the same words as
``new --evaluasi``; a word naming nothing is refused in the form, naming what exists."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from sopreview.domain.vocab import EVALUATION_JENIS
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.new_meeting import NewMeetingScreen
from tests.ui.conftest import HandClock, clock, demo, on_disk, run_app, type_keys  # noqa: F401 (fixtures)


def test_the_new_meeting_form_adds_sops_in_force_to_evaluate(demo: Path, clock: HandClock) -> None:
    base = demo.parent.parent
    created = base / "sessions" / "rapat-2022-06-16.json"

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewMeetingScreen)
        screen.query_one("#f-evaluasi", Input).focus()
        await type_keys(pilot, "hukum-sdm/tidak-ada")
        await pilot.press("ctrl+s")
        error = str(screen.query_one("#form-error", Static).render())
        assert "hukum-sdm/tidak-ada" in error and "hukum-sdm/jdih" in error
        assert not created.exists()
        await pilot.press("ctrl+u")
        await type_keys(pilot, "hukum-sdm, teknis-parmas-hubmas/ppid")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(None, base / "sops", clock=clock, sessions_dir=base / "sessions"), script)
    items = [p.id for p in on_disk(created).proposals() if p.jenis == EVALUATION_JENIS]
    assert set(items) == {"hukum-sdm/berlaku/cuti-pegawai", "hukum-sdm/berlaku/jdih",
                          "hukum-sdm/berlaku/penyusunan-keputusan", "teknis-parmas-hubmas/berlaku/ppid"}
