"""Keys typed ahead in one burst land in the field that will have focus, never below a dialog.

Every test queues its whole key sequence before the app handles the first key (``burst``),
which is what a fast typist on a loaded laptop produces; then the file is read back.
"""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs import ActionsDialog
from sopreview.ui.screens.agenda import AgendaScreen

from .conftest import HandClock, burst, on_disk, run_app


def first_pid(path: Path) -> str:
    return on_disk(path).proposals()[0].id


def test_actions_typed_ahead(demo: Path, clock: HandClock) -> None:
    pid = first_pid(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "a", *"Uji3", "enter", *"Siapa3", "enter", *"2022-07-01", "enter", *"Lagi", "enter",
                    *"Budi", "enter", *"besok", "enter")
        assert isinstance(app.screen, ActionsDialog)
        assert app.screen.query_one("#action-apa", Input).value == ""
        assert app.focused is not None and app.focused.id == "action-apa"

    run_app(SopReviewApp(demo, None, clock=clock), script)
    actions = [(a.apa, a.siapa, a.kapan) for a in on_disk(demo).actions(pid)]
    assert actions == [("Uji3", "Siapa3", "2022-07-01"), ("Lagi", "Budi", "besok")]
