"""The agenda screen: rows and groups, header numbers, filters, search, reorder, timing, undo."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Static

from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.audit import AuditLogScreen
from sopreview.ui.screens.help import HelpScreen, help_renderable
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.widgets.agenda import GROUP_PREFIX, AgendaList

from .conftest import HandClock, on_disk, plain, run_app, type_keys


def _agenda(app: SopReviewApp) -> AgendaList:
    return app.screen.query_one(AgendaList)


def footer_labels(app: SopReviewApp) -> list[str]:
    """The descriptions of the bindings the footer shows now."""
    return [b.binding.description for b in app.screen.active_bindings.values() if b.binding.show and b.enabled]


def _text(app: SopReviewApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def test_rows_grouped_by_sub_bagian_in_agenda_order(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = _agenda(app)
        ids = [o.id for o in agenda.options]
        assert [i for i in ids if not i.startswith(GROUP_PREFIX)] == pids
        assert sum(1 for i in ids if i.startswith(GROUP_PREFIX)) == 4
        assert agenda.highlighted_pid == pids[0]
        first_row = str(agenda.get_option(pids[0]).prompt)
        assert "PERBAIKAN" in first_row and "0/10 mnt" in first_row and "Belum" in first_row
        status = _text(app, "#agenda-status")
        assert "Diputuskan 0/14" in status and "09:30:00" in status
        planned = sum(on_disk(demo).planned_minutes(pid) for pid in pids)
        assert f"Rencana {planned} mnt" in status
        # Nothing decided yet: the meeting ends after every planned minute from now.
        end = clock.now.replace(hour=9 + (30 + planned) // 60, minute=(30 + planned) % 60)
        assert f"Perkiraan selesai {end:%H:%M}" in status

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_filter_cycle_and_search(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = _agenda(app)
        await pilot.press("f")  # first sub bagian
        assert [r.subbag for r in agenda.rows] == ["hukum-sdm", "hukum-sdm"]
        assert "Sub bagian: Sub Bagian Hukum dan SDM (2/14)" in _text(app, "#filter-label")
        await pilot.press("f", "f", "f", "f")  # past the four sub bagian: jenis BARU
        assert {r.jenis for r in agenda.rows} == {"baru"} and len(agenda.rows) == 8
        await pilot.press("F")
        assert len(agenda.rows) == 14
        assert not app.screen.query_one("#agenda-tools").display
        await pilot.press("slash")
        await type_keys(pilot, "surat")
        assert sorted(r.nama for r in agenda.rows) == [
            "SOP Surat Keluar", "SOP Surat Keterangan Pemberhentian Pembayaran (SKPP)", "SOP Surat Masuk"]
        await pilot.press("enter")  # back to the list, filtered
        assert agenda.has_focus and agenda.highlighted_pid == agenda.rows[0].pid
        await pilot.press("escape")  # closes and clears the search
        assert len(agenda.rows) == 14
        assert not app.screen.query_one("#search").display

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_reorder_is_saved_and_undone(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("ctrl+down")
        assert [p.id for p in on_disk(demo).proposals()][:2] == [pids[1], pids[0]]
        assert _agenda(app).highlighted_pid == pids[0]  # the cursor follows the moved item
        await pilot.press("ctrl+up")  # the "[" alternative is tested by keymap specs
        assert [p.id for p in on_disk(demo).proposals()] == pids
        await pilot.press("right_square_bracket", "ctrl+z")
        assert [p.id for p in on_disk(demo).proposals()] == pids
        await pilot.press("ctrl+up")  # already first
        assert [p.id for p in on_disk(demo).proposals()] == pids
        # The second item is the last of its sub bagian: it may not leave it, and the user is told why.
        await pilot.press("down", "ctrl+down")
        assert [p.id for p in on_disk(demo).proposals()] == pids
        assert any("paling bawah di Sub Bagian" in n.message for n in app._notifications)

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_opening_offers_the_clock_s_starts_it_and_agenda_shows_used_time(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen) and app.screen.pid == pids[1]
        assert not on_disk(demo).clock(pids[1]).running  # viewing never starts a clock
        assert any("Tekan s untuk mulai" in n.message for n in app._notifications)
        assert "Mulai bahas" in footer_labels(app)
        await pilot.press("s")
        assert on_disk(demo).clock(pids[1]).running
        assert "Henti jam" in footer_labels(app) and "Mulai bahas" not in footer_labels(app)
        clock.advance(7)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.pause(1.2)  # one tick of the agenda clock
        row = str(_agenda(app).get_option(pids[1]).prompt)
        assert "▶" in row and "7/12 mnt" in row
        assert "Terpakai 7 mnt" in _text(app, "#agenda-status")
        await pilot.press("s")  # stop the clock
        assert not on_disk(demo).clock(pids[1]).running
        clock.advance(5)
        await pilot.pause(1.2)
        assert "7/12 mnt" in str(_agenda(app).get_option(pids[1]).prompt)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert round(on_disk(demo).clock(pids[1]).used_seconds) == 7 * 60


def test_quitting_mid_discussion_asks_once_and_stops_the_running_clock(demo: Path, clock: HandClock) -> None:
    from sopreview.ui.screens.confirm import ConfirmQuit

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        clock.advance(3)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen) and app.is_running
        await pilot.press("q", "q")  # asked once; q again quits

    run_app(SopReviewApp(demo, None, clock=clock), script)
    first = on_disk(demo).proposals()[0].id
    assert not on_disk(demo).clock(first).running
    assert round(on_disk(demo).clock(first).used_seconds) == 180


def test_quitting_with_no_clock_running_does_not_ask(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("q")

    app = run_app(SopReviewApp(demo, None, clock=clock), script)
    assert not app.is_running and app.return_code in (None, 0)


def test_ctrl_c_never_shows_english(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("ctrl+c")
        await pilot.pause()
        messages = [f"{n.title} {n.message}" for n in app._notifications]
        assert messages and all("quit" not in m.lower() for m in messages)
        assert any("tekan q" in m for m in messages)
        await pilot.press("slash", "a", "b", "shift+home", "ctrl+c")  # in the search field: copies, says nothing
        assert app.clipboard == "ab"
        now = [f"{n.title} {n.message}" for n in app._notifications]
        assert now == messages and app.is_running, now

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_undo_with_nothing_to_undo_says_so(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("ctrl+z")
        assert any("Tidak ada perubahan" in n.message for n in app._notifications)

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_help_and_audit_log_are_one_key_away(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = plain(help_renderable())
        assert "Catat keputusan untuk usulan ini" in body and "Ctrl+Z" in body
        # The keys inside each dialog are listed too, so nothing has to be guessed.
        from sopreview.ui.dialogs.keys import dialog_keys

        for title, rows in dialog_keys():
            assert f"Di dialog {title}" in body
            assert all(what in body for _, what in rows[:2])
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+down", "l")
        await pilot.pause()
        assert isinstance(app.screen, AuditLogScreen)
        table = app.screen.query_one("#audit-table")
        assert table.row_count == 2  # the move, and the session's creation
        assert "Jaringan Dokumentasi" in str(table.get_row_at(0)[2])

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_command_palette_records_a_decision(demo: Path, clock: HandClock) -> None:
    from sopreview.ui.dialogs import DecisionDialog

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_keys(pilot, "Catat keputusan: Surat Masuk")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DecisionDialog)
        assert app.screen.proposal_id == "keuangan-umum-logistik/surat-masuk"

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_each_recording_key_opens_its_dialog(demo: Path, clock: HandClock) -> None:
    from sopreview.ui import dialogs

    expected = {"d": dialogs.DecisionDialog, "e": dialogs.EvaluationDialog, "n": dialogs.NotesDialog,
                "a": dialogs.ActionsDialog, "h": dialogs.AttendanceDialog, "x": dialogs.ExportDialog}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        for key, dialog in expected.items():
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, dialog), key
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, AgendaScreen), key

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_the_collector_paused_for_the_start_is_back_on_once_the_agenda_is_painted(demo: Path, clock: HandClock) -> None:
    """`sopreview open` pauses the cyclic GC for the start (issue 17); the first paint resumes it."""
    import gc

    seen: list[bool] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        seen.append(gc.isenabled())

    gc.disable()
    try:
        run_app(SopReviewApp(demo, None, clock=clock), script)
    finally:
        was_on = gc.isenabled()
        gc.enable()
    assert seen == [True] and was_on
