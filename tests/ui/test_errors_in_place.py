"""Errors in place: a session held elsewhere opens read-only; broken SOP files go to the problems panel."""

from __future__ import annotations

from pathlib import Path

import pytest

from textual.pilot import Pilot
from textual.widgets import Static

from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs import DecisionDialog
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.base import ReadOnlyBanner
from sopreview.ui.screens.problems import ProblemsScreen, problems_renderable
from sopreview.ui.screens.proposal import ProposalScreen

from .conftest import HandClock, on_disk, plain, run_app


def test_session_held_by_another_process_opens_read_only(demo: Path, clock: HandClock) -> None:
    holder = Session.open(demo)  # the secretariat's laptop has it open
    before = len(on_disk(demo).audit_log())
    try:

        async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
            assert app.session is not None and app.session.readonly
            banner = app.screen.query_one(ReadOnlyBanner)
            assert banner.display and "HANYA BACA" in str(banner.render())
            await pilot.press("ctrl+down", "ctrl+z", "s")
            messages = [n.message for n in app._notifications]
            assert sum("HANYA BACA" in m for m in messages) == 3  # s (start) refuses like any write
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ProposalScreen)  # reading is fine, no clock started
            assert app.screen.query_one(ReadOnlyBanner).display
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, DecisionDialog)  # shows the decision, its own banner refuses saving

        run_app(SopReviewApp(demo, None, clock=clock), script)
    finally:
        holder.close()
    assert len(on_disk(demo).audit_log()) == before
    assert on_disk(demo).current()[0] is None


def test_readonly_flag_needs_no_other_holder(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        assert app.session is not None and app.session.readonly
        assert app.screen.query_one(ReadOnlyBanner).display

    run_app(SopReviewApp(demo, None, clock=clock, readonly=True), script)


def test_broken_and_changed_sop_files_are_listed(demo: Path, clock: HandClock) -> None:
    sops = demo.parent.parent / "sops"
    (sops / "hukum-sdm" / "rusak.yaml").write_text("nama: SOP Rusak\njenis: entah\n", encoding="utf-8")
    jdih = sops / "hukum-sdm" / "jdih.yaml"
    jdih.write_text(jdih.read_text(encoding="utf-8").replace("durasi_menit: 10", "durasi_menit: 11"), encoding="utf-8")

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        line = str(app.screen.query_one("#agenda-problems", Static).render())
        assert "berkas SOP: " in line and "galat" in line and "di 1 berkas" in line and "1 usulan berubah" in line
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProblemsScreen)
        text = plain(problems_renderable(app.problems, app.changed))
        assert "rusak.yaml" in text and "hukum-sdm/jdih" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert len(app.screen.query_one("#agenda").options) == 18  # the meeting goes on: 14 items, 4 groups

    run_app(SopReviewApp(demo, sops, clock=clock), script)


def test_missing_session_file_exits_with_the_message(tmp_path: Path, clock: HandClock) -> None:
    app = SopReviewApp(tmp_path / "tidak-ada.json", None, clock=clock)

    async def script(pilot: Pilot[None], app_: SopReviewApp) -> None:
        pass

    run_app(app, script)
    assert app.return_code == 1


def test_problems_panel_without_problems_says_so() -> None:
    assert "Tidak ada masalah" in plain(problems_renderable([], []))


def test_read_only_agenda_follows_the_writer(demo: Path, clock: HandClock) -> None:
    holder = Session.open(demo, clock=clock)
    first = holder.proposals()[0].id
    try:

        async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
            assert app.session is not None and app.session.readonly
            holder.record_decision(first, "disetujui")
            await pilot.pause(2.5)  # the read-only agenda re-reads the file every 2 seconds
            agenda = app.screen.query_one("#agenda")
            assert "Disetujui" in str(agenda.get_option(first).prompt)  # type: ignore[attr-defined]
            assert "Diputuskan 1/14" in str(app.screen.query_one("#agenda-status", Static).render())

        run_app(SopReviewApp(demo, None, clock=clock), script)
    finally:
        holder.close()


def test_sops_folder_is_read_once_at_start_and_off_the_ui_thread(
    demo: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import sopreview.domain.loader as loader

    real = loader.load_sops
    calls: list[bool] = []

    def counting(sops_dir: Path) -> loader.LoadResult:
        calls.append(threading.current_thread() is threading.main_thread())
        return real(sops_dir)

    monkeypatch.setattr(loader, "load_sops", counting)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changed == [] and app.problems == []

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert calls == [False]  # once, in a worker thread


def test_a_snapshot_index_that_does_not_fit_is_refused_on_open_not_mid_draw(demo: Path, clock: HandClock,
                                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Heads are checked when first listed; the app lists them right after opening, so a bad
    one ends the start with the file's name (exit 1) instead of a traceback from the agenda."""
    import json

    from sopreview.cli import main
    from tests.store.builders import rewrite_snapshot

    def break_a_head(lines: list[str]) -> None:
        header = json.loads(lines[0])
        header["indeks"][3]["kepala"]["nama"] = ["bukan", "teks"]
        lines[0] = json.dumps(header)

    rewrite_snapshot(demo, break_a_head)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.pause()

    app = run_app(SopReviewApp(demo, None, clock=clock), script)
    assert app.return_code == 1 and not app.is_running
    for argv in (["show", str(demo)], ["export", str(demo), "-f", "md", "-o", str(demo.with_name("n.md"))]):
        assert main(argv) == 1
        err = capsys.readouterr().err
        assert "kepala.nama: harus teks" in err and str(demo) in err and "Traceback" not in err
    assert not demo.with_name("n.md").exists()
