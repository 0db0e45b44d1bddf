"""MetaDialog (Data rapat): every header field is editable, checked per field, saved in one write."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Button, Input, Static, TextArea

from sopreview.store.session import Session
from sopreview.ui.dialogs import MetaDialog
from sopreview.ui.dialogs.meta import field_problem

from .conftest import DialogHost, on_disk, run_dialog, type_text


def message(app: DialogHost) -> str:
    return str(app.screen.query_one("#dialog-message", Static).render())


def test_fields_the_new_meeting_form_does_not_ask_are_saved(session: Session, session_path: Path) -> None:
    session.set_meta(judul="Rapat Evaluasi SOP", tanggal="2022-06-16")
    before = len(session.audit_log())

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        screen = app.screen
        assert screen.query_one("#meta-judul", Input).value == "Rapat Evaluasi SOP"
        assert app.focused is screen.query_one("#meta-judul", Input)
        screen.query_one("#meta-sekretaris", Input).focus()
        await type_text(pilot, "Hendra [bold]Wijaya[/]")  # data, never markup
        await pilot.press("enter")  # Enter goes to the next field
        assert app.focused is screen.query_one("#meta-notulis", Input)
        await type_text(pilot, "Dian Puspitasari")
        screen.query_one("#meta-waktu_selesai", Input).value = "12.30"
        screen.query_one("#meta-kesimpulan", TextArea).text = "Semua usulan dibahas.\nTindak lanjut paling lambat Juli."
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: MetaDialog(session), script)
    assert app.results == ["Data rapat disimpan: waktu selesai, sekretaris, notulis, kesimpulan"]
    with on_disk(session_path) as disk:
        meta = disk.meta
        assert (meta.judul, meta.tanggal) == ("Rapat Evaluasi SOP", "2022-06-16")  # untouched
        assert meta.sekretaris == "Hendra [bold]Wijaya[/]"
        assert meta.notulis == "Dian Puspitasari"
        assert meta.waktu_selesai == "12:30"
        assert meta.kesimpulan == "Semua usulan dibahas.\nTindak lanjut paling lambat Juli."
        assert len(disk.audit_log()) == before + 1  # one write for the whole form


def test_invalid_field_is_named_by_its_label_and_nothing_is_saved(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        screen = app.screen
        screen.query_one("#meta-waktu_mulai", Input).value = "25:99"
        screen.query_one("#meta-tempat", Input).value = "Aula"
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["error"] = message(app)
        seen["focus"] = app.focused.id if app.focused else None
        seen["invalid"] = screen.query_one("#meta-waktu_mulai", Input).has_class("-invalid")
        screen.query_one("#meta-waktu_mulai", Input).value = "09:00"
        await pilot.pause()
        seen["fixed"] = screen.query_one("#meta-waktu_mulai", Input).has_class("-invalid")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: MetaDialog(session), script)
    error = str(seen["error"])
    assert error.startswith("Waktu mulai") and "'25:99'" in error and "waktu_mulai" not in error
    assert seen["focus"] == "meta-waktu_mulai" and seen["invalid"] is True and seen["fixed"] is False
    assert app.results == ["Data rapat disimpan: tempat, waktu mulai"]
    with on_disk(session_path) as disk:
        assert (disk.meta.tempat, disk.meta.waktu_mulai) == ("Aula", "09:00")


def test_unchanged_form_writes_nothing(session: Session, session_path: Path) -> None:
    before = len(session.audit_log())

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: MetaDialog(session), script)
    assert app.results == ["Data rapat tidak berubah"]
    with on_disk(session_path) as disk:
        assert len(disk.audit_log()) == before


def test_escape_with_edits_asks_once_then_drops(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await type_text(pilot, " baru")
        await pilot.press("escape")
        await pilot.pause()
        seen["warning"] = message(app)
        seen["open"] = isinstance(app.screen, MetaDialog)
        await pilot.press("escape")

    app = run_dialog(lambda: MetaDialog(session), script)
    assert "belum disimpan" in str(seen["warning"]) and seen["open"] is True
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert not disk.meta.judul.endswith("baru")


def test_read_only_session_shows_the_header_and_cannot_save(session: Session, session_path: Path) -> None:
    session.set_meta(ketua="Budi Santoso")
    follower = Session.open(session_path, readonly=True)
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        screen = app.screen
        seen["ketua"] = screen.query_one("#meta-ketua", Input).value
        seen["disabled"] = screen.query_one("#meta-ketua", Input).disabled
        seen["save"] = screen.query_one("#meta-save", Button).disabled
        await pilot.press("ctrl+s", "escape")

    try:
        app = run_dialog(lambda: MetaDialog(follower), script)
    finally:
        follower.close()
    assert seen == {"ketua": "Budi Santoso", "disabled": True, "save": True}
    assert app.results == [None]


def test_field_problem_uses_labels() -> None:
    assert field_problem("judul", "Apa saja") is None
    problem = field_problem("tanggal", "16-06-2022")
    assert problem is not None and problem.startswith("Tanggal") and "YYYY-MM-DD" in problem
