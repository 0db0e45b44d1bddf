"""Escape sequences from hand-edited files never reach the terminal through the app (issue 10 item 2).

Textual writes widget text to the terminal as it is, ESC included, so the files are the line
of defence: a session holding one is refused with a visible message, a journal line shows it
as ``\\x1b``. The screen is checked as the terminal would receive it (the SVG export).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from textual.pilot import Pilot

from sopreview.store.files import journal_path
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.audit import AuditLogScreen

from .conftest import HandClock, run_app

RAW = ("\x1b", "\x07", "\x9b")


def test_picker_shows_a_hand_edited_title_as_a_visible_problem(demo: Path, clock: HandClock) -> None:
    base = demo.parent.parent
    data = json.loads(demo.read_text())
    data["meta"]["1"]["judul"] = "Rapat \x1b]0;PWNED\x07\x1b[2J"
    demo.write_text(json.dumps(data))
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        seen["screen"] = app.export_screenshot()
        seen["prompt"] = str(app.screen.query_one("#sessions").get_option_at_index(1).prompt)

    run_app(SopReviewApp(None, base / "sops", clock=clock, sessions_dir=base / "sessions"), script)
    assert not any(c in seen["screen"] for c in RAW)
    assert "Tidak dapat dibuka" in seen["prompt"]


def test_audit_log_shows_a_hand_edited_escape_visibly(demo: Path, clock: HandClock) -> None:
    base = demo.parent.parent
    journal = journal_path(demo)
    entries = [json.loads(line) for line in journal.read_text().splitlines()]
    entries[0]["ringkasan"] = "Sesi \x1b]0;PWNED\x07 dibuat"
    journal.write_text("".join(json.dumps(e) + "\n" for e in entries))
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()
        app.push_screen(AuditLogScreen(app.session))  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.pause()
        seen["screen"] = app.export_screenshot()

    run_app(SopReviewApp(demo, base / "sops", clock=clock), script)
    assert not any(c in seen["screen"] for c in RAW)
    assert "PWNED" in seen["screen"]


def test_an_agenda_row_strips_what_textual_strips_even_on_its_fast_path() -> None:
    """Issue 17: agenda lines skip Textual's per-character control-code pass when a regex finds
    none; a row that somehow held one still gets the pass (the session check keeps them out)."""
    from sopreview.ui.widgets.agenda import Line

    clean = Line.of("Surat ", ("Masuk", "bold"))
    dirty = Line.of("Surat\r ", ("Ma\x07suk", "bold"))
    assert clean.plain == "Surat Masuk" and clean.spans == Line.assemble("Surat ", ("Masuk", "bold")).spans
    assert dirty.plain == Line.assemble("Surat\r ", ("Ma\x07suk", "bold")).plain == "Surat Masuk"
