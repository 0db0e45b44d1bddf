"""AttendanceDialog (one key per person, guests on the spot) and ExportDialog (folder checks)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from sopreview.store.session import Session
from sopreview.ui.dialogs import AttendanceDialog, ExportDialog, GuestDialog

from .conftest import ORGANISASI, DialogHost, on_disk, run_dialog, type_text

NAMES = [o.nama for o in ORGANISASI.orang]


def text_of(app: DialogHost, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


# -- attendance -------------------------------------------------------------------------


def test_each_key_marks_the_highlighted_person_and_moves_down(session: Session, session_path: Path) -> None:
    seen: list[str] = []

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen.append(text_of(app, "#attendance-summary"))
        await pilot.press("1", "h", "2", "s", "t", "k")
        seen.append(text_of(app, "#attendance-summary"))
        await pilot.press("up", "3", "escape")  # correct the one marked tanpa keterangan: sakit

    app = run_dialog(lambda: AttendanceDialog(session), script)
    assert seen == ["0 dari 8 orang yang diundang hadir · 8 belum dicatat",
                    "2 dari 8 orang yang diundang hadir · 2 belum dicatat"]
    assert app.results == ["Daftar hadir disimpan: 2 dari 8 orang yang diundang hadir"]
    with on_disk(session_path) as disk:
        status = {nama: a.status for nama, a in disk.attendance().items()}
    assert status == {
        NAMES[0]: "hadir", NAMES[1]: "hadir", NAMES[2]: "izin",
        NAMES[3]: "sakit", NAMES[4]: "tugas_luar", NAMES[5]: "sakit",
    }


def test_guest_added_on_the_spot_is_present(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("g")
        await pilot.pause()
        seen["guest_form"] = isinstance(app.screen, GuestDialog)
        await pilot.press("enter")  # no name: refused in place
        await pilot.pause()
        seen["error"] = text_of(app, "#dialog-message")
        await type_text(pilot, "Drs. Bambang (Bawaslu)")
        await pilot.press("enter")
        await type_text(pilot, "Anggota Bawaslu")
        await pilot.press("enter")
        await type_text(pilot, "Bawaslu Kota Mojokerto")
        await pilot.press("enter")
        await pilot.pause()
        table = app.screen.query_one(DataTable)
        seen["cursor_on"] = table.coordinate_to_cell_key((table.cursor_row, 0)).row_key.value
        seen["summary"] = text_of(app, "#attendance-summary")
        await pilot.press("escape")

    app = run_dialog(lambda: AttendanceDialog(session), script)
    assert seen["guest_form"] is True
    assert seen["error"] == "Nama tamu wajib diisi."
    assert seen["cursor_on"] == "Drs. Bambang (Bawaslu)"
    # The guest is counted apart from the invited, as in the minutes.
    assert seen["summary"] == "0 dari 8 orang yang diundang hadir, ditambah 1 tamu · 8 belum dicatat"
    assert app.results == ["Daftar hadir disimpan: 0 dari 8 orang yang diundang hadir, ditambah 1 tamu"]
    with on_disk(session_path) as disk:
        guest = disk.people()[-1]
        assert (guest.nama, guest.jabatan, guest.unit) == (
            "Drs. Bambang (Bawaslu)", "Anggota Bawaslu", "Bawaslu Kota Mojokerto")
        assert disk.attendance()["Drs. Bambang (Bawaslu)"].status == "hadir"


def test_duplicate_guest_name_is_refused_in_place(session: Session, session_path: Path) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("g")
        await pilot.pause()
        await type_text(pilot, NAMES[3])
        await pilot.press("ctrl+s")
        await pilot.pause()
        seen["error"] = text_of(app, "#dialog-message")
        seen["open"] = isinstance(app.screen, GuestDialog)
        await pilot.press("escape", "escape")

    app = run_dialog(lambda: AttendanceDialog(session), script)
    assert "sudah ada" in str(seen["error"]) and seen["open"] is True
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert len(disk.people()) == len(NAMES)


def test_read_only_attendance_changes_nothing(session: Session, session_path: Path) -> None:
    session.set_attendance(NAMES[0], "izin")
    follower = Session.open(session_path, readonly=True)

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        assert app.screen.query_one("#readonly-banner", Static).display
        await pilot.press("1", "g")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceDialog)  # no guest form
        table = app.screen.query_one(DataTable)
        assert table.get_cell_at((0, 2)) == "Izin"
        await pilot.press("escape")

    try:
        app = run_dialog(lambda: AttendanceDialog(follower), script)
    finally:
        follower.close()
    assert app.results == [None]
    with on_disk(session_path) as disk:
        assert {n: a.status for n, a in disk.attendance().items()} == {NAMES[0]: "izin"}


# -- export -----------------------------------------------------------------------------


def test_export_before_the_meeting_is_closed_asks_and_names_the_keys(session: Session, session_path: Path) -> None:
    """Not closed yet (no T after the read-back): a confirm step names b and T; n writes nothing, y a draft."""
    from sopreview.ui.screens.confirm import ConfirmDraftExport

    written = session_path.parent / "rapat-notulen.md"
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        await pilot.press("1", "ctrl+s")
        await pilot.pause()
        seen["asked"] = isinstance(app.screen, ConfirmDraftExport)
        seen["question"] = str(app.screen.query_one("#confirm Static", Static).render())
        await pilot.press("n")
        await pilot.pause()
        seen["back"] = isinstance(app.screen, ExportDialog)
        seen["written_after_no"] = written.exists()
        await pilot.press("ctrl+s", "y")  # one burst: ask, then export anyway as a draft

    app = run_dialog(lambda: ExportDialog(session), script)
    assert seen["asked"] and seen["back"] and not seen["written_after_no"]
    question = str(seen["question"])
    assert "b bacakan keputusan" in question and "T tutup rapat" in question and "draf" in question
    assert app.results == [f"Notulen diekspor ke {written.resolve()} (draf: rapat belum ditutup)"]
    assert written.is_file()


def test_export_defaults_to_the_session_folder(session: Session, session_path: Path) -> None:
    session.close_meeting()  # the room confirmed the read-back (T): no draft question
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen["folder"] = app.screen.query_one("#export-folder", Input).value
        await pilot.press("1")
        seen["file"] = text_of(app, "#export-file")
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: ExportDialog(session), script)
    written = session_path.parent / "rapat-notulen.md"
    assert seen == {"folder": str(session_path.parent.resolve()), "file": "Berkas: rapat-notulen.md"}
    assert app.results == [f"Notulen diekspor ke {written.resolve()}"]
    assert "Jaringan Dokumentasi dan Informasi Hukum" in written.read_text(encoding="utf-8")


def test_export_refuses_a_folder_that_does_not_exist(session: Session, tmp_path: Path) -> None:
    session.close_meeting()  # the room confirmed the read-back (T): no draft question
    missing = tmp_path / "tidak-ada"
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        folder = app.screen.query_one("#export-folder", Input)
        folder.value = str(missing)
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
        seen["error"] = text_of(app, "#dialog-message")
        folder.value = str(tmp_path)
        await pilot.press("ctrl+s")

    app = run_dialog(lambda: ExportDialog(session), script)
    assert "bukan folder yang ada" in seen["error"]
    assert not missing.exists()
    assert app.results == [f"Notulen diekspor ke {(tmp_path / 'rapat-notulen.csv').resolve()}"]
    assert (tmp_path / "rapat-notulen.csv").stat().st_size > 0


def test_read_only_session_can_still_export(session: Session, session_path: Path, tmp_path: Path) -> None:
    session.close_meeting()  # the room confirmed the read-back (T): no draft question
    follower = Session.open(session_path, readonly=True)

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        assert not app.screen.query("#readonly-banner")  # exporting only reads the session
        app.screen.query_one("#export-folder", Input).value = str(tmp_path)
        await pilot.press("2", "ctrl+s")

    try:
        app = run_dialog(lambda: ExportDialog(follower), script)
    finally:
        follower.close()
    assert app.results == [f"Notulen diekspor ke {(tmp_path / 'rapat-notulen.html').resolve()}"]


def test_export_remembers_folder_and_format_within_the_app_run(
    session: Session, session_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    session.close_meeting()  # the room confirmed the read-back (T): no draft question
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        app.screen.query_one("#export-folder", Input).value = str(out)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        app.push_screen(ExportDialog(session), app.results.append)  # the second export of the run
        await pilot.pause()
        seen["folder"] = app.screen.query_one("#export-folder", Input).value
        seen["file"] = text_of(app, "#export-file")
        await pilot.press("escape")

    app = run_dialog(lambda: ExportDialog(session), script)
    assert seen == {"folder": str(out), "file": "Berkas: rapat-notulen.html (sudah ada, akan ditimpa)"}
    assert app.results == [f"Notulen diekspor ke {(out / 'rapat-notulen.html').resolve()}", None]

    async def fresh(pilot: Pilot[None], app: DialogHost) -> None:  # a new app run starts afresh
        seen["fresh"] = app.screen.query_one("#export-folder", Input).value

    run_dialog(lambda: ExportDialog(session), fresh)
    assert seen["fresh"] == str(session_path.parent.resolve())


def test_help_rows_come_from_the_dialogs_bindings() -> None:
    from sopreview.ui.dialogs import dialog_keys

    table = dict(dialog_keys())
    assert set(table) == {"Keputusan", "Hasil evaluasi", "Evaluasi Penerapan SOP", "Catatan Pembahasan", "Tindak Lanjut",
                          "Daftar Hadir", "Tamu Baru", "Ekspor Notulen", "Data Rapat", "Amandemen Langkah"}
    assert ("Ctrl+S", "Catat") in table["Amandemen Langkah"]
    assert ("3", "Ditunda") in table["Keputusan"] and ("Ctrl+S", "Simpan") in table["Keputusan"]
    assert ("2", "Perlu revisi") in table["Hasil evaluasi"] and ("4", "Ditolak") not in table["Hasil evaluasi"]
    assert ("4 / t", "Tugas luar") in table["Daftar Hadir"] and ("g", "Tamu") in table["Daftar Hadir"]
    assert ("y", "Ya") in table["Evaluasi Penerapan SOP"] and ("Delete / d", "Hapus") in table["Tindak Lanjut"]


def test_an_empty_people_list_is_explained_when_the_dialog_opens(tmp_path: Path) -> None:
    import dataclasses

    from .conftest import PROPOSALS

    path = tmp_path / "kosong.json"
    empty = Session.create(path, dataclasses.replace(ORGANISASI, orang=()), PROPOSALS)
    seen: list[str] = []

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        seen.append(str(app.screen.query_one("#dialog-message", Static).render()))

    try:
        run_dialog(lambda: AttendanceDialog(empty), script)
    finally:
        empty.close()
    assert "daftar peserta kosong" not in seen[0]  # the dialog's own words, then the cause
    assert "Belum ada orang di daftar" in seen[0] and "`orang:`" in seen[0] and "peserta" in seen[0]
