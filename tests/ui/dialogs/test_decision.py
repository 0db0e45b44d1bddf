"""DecisionDialog: keys 1-5 and arrows choose, the note rule is checked in place, saves go to disk."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Static, TextArea

from sopreview.store.session import SaveFailed, Session
from sopreview.ui.dialogs import DecisionDialog
from sopreview.ui.dialogs._choices import ChoiceList

from .conftest import P1, P2, DialogHost, on_disk, run_dialog, type_text


def message(app: DialogHost) -> str:
    return str(app.screen.query_one("#dialog-message", Static).render())


def test_digit_and_ctrl_s_save_the_decision(session: Session, session_path: Path) -> None:
    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("1", "ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == ["Keputusan disimpan: Disetujui"]
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None and decision.keputusan == "disetujui" and decision.catatan == ""
        assert disk.decision(P2) is None


def test_required_note_is_checked_in_place_then_saved(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        seen["error"] = message(app)
        seen["still_open"] = isinstance(app.screen, DecisionDialog)
        seen["focus"] = app.focused.id if app.focused else None
        await type_text(pilot, "Lengkapi dasar hukum.")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert "wajib disertai catatan" in str(seen["error"])
    assert seen["still_open"] is True
    assert seen["focus"] == "decision-note"  # the cursor goes where the fix is typed
    assert app.results == ["Keputusan disimpan: Ditunda"]
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None
        assert (decision.keputusan, decision.catatan) == ("ditunda", "Lengkapi dasar hukum.")


def test_digit_for_a_decision_that_needs_a_note_moves_the_cursor_to_the_note(
    session: Session, session_path: Path
) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("1")
        seen["after_1"] = app.focused.id if app.focused else None
        await pilot.press("2")
        seen["after_2"] = app.focused.id if app.focused else None
        await type_text(pilot, "Perbaiki langkah 3 dan 4")  # digits are text now, not choices
        seen["chosen"] = app.screen.query_one(ChoiceList).chosen
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert seen["after_1"] == "decision-choices"  # Disetujui needs no note: 1 then Ctrl+S stays quick
    assert seen["after_2"] == "decision-note"
    assert seen["chosen"] == "disetujui_dengan_perbaikan"
    assert app.results == ["Keputusan disimpan: Disetujui dengan perbaikan"]
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None and decision.catatan == "Perbaiki langkah 3 dan 4"


def test_arrows_choose_and_enter_moves_to_the_note(session: Session, session_path: Path) -> None:
    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("down", "down")  # nothing chosen yet: first down is Disetujui
        assert app.screen.query_one(ChoiceList).chosen == "disetujui_dengan_perbaikan"
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#decision-note", TextArea)
        await type_text(pilot, "Perbaiki langkah 3")
        await pilot.press("tab", "enter")  # Tab to "Simpan", Enter presses it

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == ["Keputusan disimpan: Disetujui dengan perbaikan"]
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None and decision.catatan == "Perbaiki langkah 3"


def test_existing_decision_is_prefilled_and_can_be_changed(session: Session, session_path: Path) -> None:
    session.record_decision(P1, "ditolak", "Tumpang tindih dengan SOP lain")
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen["chosen"] = app.screen.query_one(ChoiceList).chosen
        seen["note"] = app.screen.query_one("#decision-note", TextArea).text
        await pilot.press("5", "ctrl+s")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert seen == {"chosen": "ditolak", "note": "Tumpang tindih dengan SOP lain"}
    assert app.results == ["Keputusan disimpan: Ditarik"]
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None
        assert (decision.keputusan, decision.catatan) == ("ditarik", "Tumpang tindih dengan SOP lain")


def test_escape_cancels_without_writing(session: Session, session_path: Path) -> None:
    before = len(session.audit_log())

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("2", "escape")

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert disk.decision(P1) is None
        assert len(disk.audit_log()) == before


def test_saving_without_a_choice_says_how_to_choose(session: Session) -> None:
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["error"] = message(app)

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == []
    assert "Pilih keputusan" in seen["error"] and "1-5" in seen["error"]


def test_store_error_is_shown_inline_not_raised(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise SaveFailed("rapat.json: disk penuh; perubahan tidak tersimpan")

    monkeypatch.setattr(session, "record_decision", refuse)
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        seen["error"] = message(app)

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    assert app.results == []  # still open, so the user can retry
    assert seen["error"] == "Rapat.json: disk penuh; perubahan tidak tersimpan"


def test_read_only_session_shows_the_decision_and_refuses_to_save(session: Session, session_path: Path) -> None:
    session.record_decision(P1, "ditunda", "Menunggu masukan biro hukum")
    follower = Session.open(session_path, readonly=True)
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        screen = app.screen
        seen["banner"] = str(screen.query_one("#readonly-banner", Static).render())
        seen["save_disabled"] = screen.query_one("#decision-save", Button).disabled
        await pilot.press("1", "down", "ctrl+s")
        seen["chosen"] = screen.query_one(ChoiceList).chosen
        seen["note"] = screen.query_one("#decision-note", TextArea).text

    try:
        app = run_dialog(lambda: DecisionDialog(follower, P1), script)
    finally:
        follower.close()
    assert "Hanya-baca" in str(seen["banner"]) and "tidak dapat disimpan" in str(seen["banner"])
    assert seen["save_disabled"] is True
    assert seen["chosen"] == "ditunda" and seen["note"] == "Menunggu masukan biro hukum"
    assert app.results == []
    with on_disk(session_path) as disk:
        decision = disk.decision(P1)
        assert decision is not None and decision.keputusan == "ditunda"


@pytest.mark.parametrize("dialog", ["decision", "evaluation", "notes", "actions"])
def test_unknown_proposal_is_explained_not_crashed(session: Session, session_path: Path, dialog: str) -> None:
    from sopreview.ui.dialogs import ActionsDialog, EvaluationDialog, NotesDialog

    make = {"decision": DecisionDialog, "evaluation": EvaluationDialog, "notes": NotesDialog,
            "actions": ActionsDialog}[dialog]
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen["banner"] = str(app.screen.query_one("#readonly-banner", Static).render())
        await pilot.press("1", "y", "ctrl+s", "escape", "escape")

    app = run_dialog(lambda: make(session, "tidak/ada"), script)
    assert "tidak/ada" in seen["banner"] and "Tidak ada yang dapat disimpan" in seen["banner"]
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert [e.aksi for e in disk.audit_log()] == [e.aksi for e in session.audit_log()]


def test_missing_note_error_goes_as_soon_as_the_note_is_typed(session: Session) -> None:
    """Issue 9 (smaller defects): the error stayed on screen after the note was filled in."""
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("3", "ctrl+s")
        await pilot.pause()
        line = app.screen.query_one("#dialog-message", Static)
        seen["before"] = (message(app), line.has_class("-error"))
        await type_text(pilot, "L")  # one key: no save, no other event clears it
        await pilot.pause()
        seen["after"] = (message(app), line.has_class("-error"))
        seen["open"] = isinstance(app.screen, DecisionDialog)

    app = run_dialog(lambda: DecisionDialog(session, P1), script)
    before_text, before_error = seen["before"]  # type: ignore[misc]
    assert "wajib disertai catatan" in str(before_text) and before_error is True
    assert seen["after"] == ("", False)
    assert seen["open"] is True and app.results == []
