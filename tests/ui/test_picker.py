"""The start screen: pick a recent session, or fill in "Rapat baru" and land on its agenda."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.new_meeting import NewMeetingScreen, check_name, free_name
from sopreview.ui.screens.picker import NEW_ID, SessionPickerScreen

from .conftest import HandClock, on_disk, run_app, type_keys


def test_picker_lists_sessions_and_opens_one(demo: Path, clock: HandClock) -> None:
    base = demo.parent.parent

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = app.screen
        assert isinstance(screen, SessionPickerScreen)
        listing = screen.query_one("#sessions")
        assert [o.id for o in listing.options][0] == NEW_ID
        prompt = str(listing.get_option_at_index(1).prompt)
        assert "Rapat Internal Penyusunan" in prompt and "Kamis, 16 Juni 2022" in prompt and "0/14 diputuskan" in prompt
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.session is not None and app.session.path == demo
        assert len(app.screen_stack) == 2  # the picker made way for the agenda

    run_app(SopReviewApp(None, base / "sops", clock=clock, sessions_dir=base / "sessions"), script)


def test_new_meeting_form_checks_fields_then_creates_the_session(demo: Path, clock: HandClock) -> None:
    base = demo.parent.parent
    created = base / "sessions" / "rapat-2022-06-16.json"

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, NewMeetingScreen)
        await pilot.press("tab", "ctrl+u")  # from Judul to Tanggal, cleared
        await type_keys(pilot, "16/06/2022")
        await pilot.press("ctrl+s")
        error = str(app.screen.query_one("#form-error", Static).render())
        assert "Tanggal" in error and "YYYY-MM-DD" in error
        assert not created.exists()
        await pilot.press("ctrl+u")
        await type_keys(pilot, "2022-06-16")
        await pilot.press("tab", "tab", "tab")  # Waktu mulai, Tempat, Ketua
        await type_keys(pilot, "M. Awaludin Zahroni")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(None, base / "sops", clock=clock, sessions_dir=base / "sessions"), script)
    saved = on_disk(created)
    assert saved.meta.tanggal == "2022-06-16" and saved.meta.ketua == "M. Awaludin Zahroni"
    assert saved.meta.waktu_mulai == "09:30"
    assert len(saved.proposals()) == 14


def test_session_names_are_plain_and_never_overwrite(tmp_path: Path) -> None:
    (tmp_path / "rapat.json").write_text("{}", encoding="utf-8")
    assert check_name("rapat-2", tmp_path) is None
    assert "sudah ada" in (check_name("rapat", tmp_path) or "")
    assert "garis miring" in (check_name("../luar", tmp_path) or "")
    assert free_name("rapat", tmp_path) == "rapat-2"
