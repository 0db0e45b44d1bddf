"""NotesDialog and ActionsDialog: text and follow-ups typed by keys end up in the session file."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static, TextArea

from sopreview.store.session import Session
from sopreview.ui.dialogs import ActionsDialog, NotesDialog
from sopreview.ui.dialogs.actions import kapan_problem

from .conftest import P1, P2, DialogHost, on_disk, run_dialog, type_text


def message(app: DialogHost) -> str:
    return str(app.screen.query_one("#dialog-message", Static).render())


# -- notes ------------------------------------------------------------------------------


def test_notes_typed_and_saved(session: Session, session_path: Path) -> None:
    session.set_notes(P1, "Peserta setuju.")

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        area = app.screen.query_one(TextArea)
        assert area.text == "Peserta setuju.\n"  # reopened: typing starts on a new line
        assert area.cursor_location == area.document.end
        await type_text(pilot, "Tambah kolom waktu.")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: NotesDialog(session, P1), script)
    assert app.results == ["Catatan disimpan"]
    with on_disk(session_path) as disk:
        assert disk.notes(P1) == "Peserta setuju.\nTambah kolom waktu."
        assert disk.notes(P2) == ""


def test_notes_escape_warns_once_then_drops_the_text(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await type_text(pilot, "draf")
        await pilot.press("escape")
        await pilot.pause()
        seen["warning"] = message(app)
        seen["open"] = isinstance(app.screen, NotesDialog)
        await pilot.press("escape")

    app = run_dialog(lambda: NotesDialog(session, P1), script)
    assert "belum disimpan" in str(seen["warning"]) and seen["open"] is True
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert disk.notes(P1) == ""


def test_notes_unchanged_writes_nothing(session: Session, session_path: Path) -> None:
    before = len(session.audit_log())

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: NotesDialog(session, P1), script)
    assert app.results == ["Catatan tidak berubah"]
    with on_disk(session_path) as disk:
        assert len(disk.audit_log()) == before


# -- actions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kapan", "ok"),
    [("2022-07-15", True), ("Juli 2022", True), ("akhir Juni", True), ("", False),
     ("2022-13-45", False), ("15/07/2022", False), ("2022-7-1", False)],
)
def test_kapan_is_a_real_date_or_words(kapan: str, ok: bool) -> None:
    assert (kapan_problem(kapan) is None) is ok


def test_actions_added_by_keys_and_deleted(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await type_text(pilot, "Revisi flowchart")
        await pilot.press("enter")  # to Siapa
        await type_text(pilot, "Noor Ifah")
        await pilot.press("enter")  # to Kapan
        await type_text(pilot, "2022-13-40")
        await pilot.press("enter")  # refused: not a date
        await pilot.pause()
        seen["error"] = message(app)
        seen["rows_after_error"] = app.screen.query_one(DataTable).row_count
        await pilot.press("ctrl+u")  # clear the Kapan field
        await type_text(pilot, "2022-07-15")
        await pilot.press("enter")  # added; focus back on Apa
        await type_text(pilot, "Sosialisasi SOP")
        await pilot.press("tab")
        await type_text(pilot, "Kasubbag")
        await pilot.press("tab")
        await type_text(pilot, "Juli 2022")
        await pilot.press("ctrl+s")
        await type_text(pilot, "Salah ketik")
        await pilot.press("enter")
        await type_text(pilot, "Siapa saja")
        await pilot.press("enter")
        await type_text(pilot, "besok")
        await pilot.press("enter")
        await pilot.pause()
        seen["rows"] = app.screen.query_one(DataTable).row_count
        await pilot.press("shift+tab")  # from Apa back to the table
        assert isinstance(app.focused, DataTable)
        await pilot.press("end", "d")  # the last row: "Salah ketik"
        await pilot.press("escape")

    app = run_dialog(lambda: ActionsDialog(session, P1), script)
    assert "bukan tanggal yang valid" in str(seen["error"])
    assert seen["rows_after_error"] == 0
    assert seen["rows"] == 3
    assert app.results == ["Tindak lanjut disimpan: 3 ditambah, 1 dihapus"]
    with on_disk(session_path) as disk:
        actions = [(a.proposal_id, a.apa, a.siapa, a.kapan) for a in disk.actions()]
    assert actions == [
        (P1, "Revisi flowchart", "Noor Ifah", "2022-07-15"),
        (P1, "Sosialisasi SOP", "Kasubbag", "Juli 2022"),
    ]


def test_actions_need_what_and_who(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["error"] = message(app)
        await pilot.press("escape")

    app = run_dialog(lambda: ActionsDialog(session, P1), script)
    assert seen["error"] == "Apa wajib diisi."
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert disk.actions() == []


def test_meeting_wide_actions_when_no_proposal(session: Session, session_path: Path) -> None:
    session.add_action(P1, "Milik usulan", "X", "2022-07-01")

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        assert app.screen.query_one(DataTable).row_count == 0  # only this dialog's scope is listed
        await type_text(pilot, "Kirim notulen")
        await pilot.press("enter")
        await type_text(pilot, "Notulis")
        await pilot.press("enter")
        await type_text(pilot, "2022-06-17")
        await pilot.press("enter", "escape")

    run_dialog(lambda: ActionsDialog(session, None), script)
    with on_disk(session_path) as disk:
        assert [(a.proposal_id, a.apa) for a in disk.actions(None)] == [(P1, "Milik usulan"), (None, "Kirim notulen")]
