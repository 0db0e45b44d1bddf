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


def test_attendance_and_guest_typed_ahead(demo: Path, clock: HandClock) -> None:
    people = [o.nama for o in on_disk(demo).people()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "h", "1", "h", "down", "2", "g", *"XYZ Tamu", "enter", *"Narasumber", "enter",
                    *"Bawaslu", "enter", "escape")
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    disk = on_disk(demo)
    status = {nama: a.status for nama, a in disk.attendance().items()}
    assert status == {people[0]: "hadir", people[1]: "hadir", people[3]: "izin", "XYZ Tamu": "hadir"}
    guest = next(g for g in disk.guests() if g.nama == "XYZ Tamu")
    assert (guest.jabatan, guest.unit) == ("Narasumber", "Bawaslu")
    assert disk.actions() == []  # no key reached the agenda's hotkeys


def test_meta_typed_ahead(demo: Path, clock: HandClock) -> None:
    before = on_disk(demo).meta

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "m", "ctrl+u", *"Rapat A", "enter", "enter", "ctrl+u", *"Aula", "enter", "ctrl+u",
                    *"08:30", "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    meta = on_disk(demo).meta
    assert (meta.judul, meta.tanggal, meta.tempat, meta.waktu_mulai) == ("Rapat A", before.tanggal, "Aula", "08:30")


def test_decision_then_evaluation_typed_ahead(demo: Path, clock: HandClock) -> None:
    """The issue's run: a decision with its note, then the evaluation, in one burst."""
    pid = first_pid(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "d", "3", *"Perlu dicek", "ctrl+s", "e", *"yytyyyy", "enter", *"Sudah tepat", "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    disk = on_disk(demo)
    decision = disk.decision(pid)
    assert decision is not None and (decision.keputusan, decision.catatan) == ("ditunda", "Perlu dicek")
    evaluation = disk.evaluation(pid)
    assert evaluation is not None and evaluation.catatan == "Sudah tepat"
    assert [evaluation.jawaban[f"k{n}"] for n in range(1, 8)] == [True, True, False, True, True, True, True]
    assert disk.actions() == []


def test_letters_in_a_dialog_never_reach_the_screen_below(demo: Path, clock: HandClock) -> None:
    """With the decision list focused, a, e, n, h, x, q are not hotkeys of the agenda below."""
    pid = first_pid(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "d", "1", *"aenhxqmgl", "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)
        assert len(app.screen_stack) == 1  # the agenda is the first screen: nothing else was opened

    app = run_app(SopReviewApp(demo, None, clock=clock), script)
    assert app.return_code in (None, 0)
    disk = on_disk(demo)
    decision = disk.decision(pid)
    assert decision is not None and (decision.keputusan, decision.catatan) == ("disetujui", "")
    assert disk.actions() == [] and disk.notes(pid) == "" and disk.attendance() == {}


def test_notes_typed_ahead_and_reopened(demo: Path, clock: HandClock) -> None:
    pid = first_pid(demo)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "n", *"Baris satu", "enter", *"dua", "ctrl+s", "n", *"tiga", "ctrl+s")
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert on_disk(demo).notes(pid) == "Baris satu\ndua\ntiga"


def test_export_typed_ahead(demo: Path, clock: HandClock, tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await burst(pilot, "x", "1", "enter", "ctrl+u", *str(out), "enter", "y")  # y: export as a draft
        assert isinstance(app.screen, AgendaScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert [p.suffix for p in out.iterdir()] == [".md"]
