"""The register screen (r): the SOPs in force from the session's sops folder, usable at 80×24."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from sopreview.cli import main
from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.register import RegisterScreen

from .conftest import HandClock, run_app


def _app(path: Path, clock: HandClock) -> SopReviewApp:
    return SopReviewApp(path, None, clock=clock)


def test_r_opens_the_register_and_the_detail_follows_the_cursor(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("down", "down")  # one burst
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        table = screen.query_one("#register-table", DataTable)
        assert table.row_count == 10 and table.cursor_row == 2
        detail = str(screen.query_one("#register-detail", Static).render())
        assert screen.register.rows[2].nama in detail
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RegisterScreen)

    run_app(_app(demo, clock), script, size=(80, 24))


def test_register_shows_history_after_tetapkan(demo: Path, clock: HandClock,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    with Session.open(demo, clock=clock) as session:
        session.record_decision("hukum-sdm/jdih", "disetujui", "")
        sops = session.sops_dir
    assert sops is not None
    monkeypatch.chdir(demo.parent)
    assert main(["tetapkan", str(demo), "--tanggal", "2022-06-20", "--terapkan"]) == 0

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        index = next(n for n, r in enumerate(screen.register.rows) if r.sop_id == "hukum-sdm/jdih")
        text = str(screen.detail(screen.register.rows[index]))
        assert "Riwayat:" in text and "rev 0" in text and "rev 1" in text and "2022-06-20" in text
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.changed == []  # applied proposals left sops/ on purpose: not "changed since"

    run_app(_app(demo, clock), script, size=(80, 24))


async def _open_register(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()  # the sops check after the agenda's first paint
    await pilot.pause()
    await pilot.press("r")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause(0.1)
    await pilot.pause()


def test_register_80x24(snap_compare, demo: Path, clock: HandClock) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(demo, clock), terminal_size=(80, 24), run_before=_open_register)


def test_proposal_view_shows_the_history_of_the_sop_it_revises(demo: Path, clock: HandClock,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from sopreview.ui.widgets.proposal_detail import summary_renderable

    from .conftest import plain

    with Session.open(demo, clock=clock) as session:
        session.record_decision("hukum-sdm/jdih", "disetujui", "")
        sops = session.sops_dir
        before = plain(summary_renderable(session, session.proposal("teknis-parmas-hubmas/ppid")))
    assert sops is not None and "Riwayat SOP berlaku" not in before
    monkeypatch.chdir(demo.parent)
    assert main(["tetapkan", str(demo), "--tanggal", "2022-06-20", "--terapkan"]) == 0
    # a year later the secretariat proposes the next revision of JDIH
    archived = (sops / "daftar/arsip" / demo.stem / "hukum-sdm/jdih.yaml").read_text(encoding="utf-8")
    again = "\n".join(line for line in archived.splitlines() if not line.startswith("# Diarsipkan"))
    (sops / "hukum-sdm/jdih.yaml").write_text(again.replace("waktu: 30 menit", "waktu: 20 menit", 1) + "\n",
                                             encoding="utf-8")
    assert main(["new", "rapat-2023", "--sops", str(sops)]) == 0
    with Session.open(demo.parent / "sessions/rapat-2023.json", readonly=True) as nxt:
        text = plain(summary_renderable(nxt, nxt.proposal("hukum-sdm/jdih")))
    assert "Riwayat SOP berlaku" in text
    assert "Revisi ke-0 · efektif 2020-08-03 · sebelum daftar dicatat" in text
    assert "Revisi ke-1 · efektif 2022-06-20 · rapat" in text


def test_v_marks_the_perbaikan_done_with_the_file_as_it_is_now(demo: Path, clock: HandClock) -> None:
    from sopreview.domain.loader import load_sops
    from sopreview.domain.records import proposal_hash
    from sopreview.store.penetapan import perbaikan_done

    with Session.open(demo, clock=clock) as session:
        first = session.proposals()[0].id
        session.record_decision(first, "disetujui_dengan_perbaikan", "Perbaiki waktu")
        sops = session.sops_dir
        source = session.proposal(first).sumber
    assert sops is not None
    path = sops / source
    path.write_text(path.read_text(encoding="utf-8").replace("waktu: 15 menit", "waktu: 10 menit", 1),
                    encoding="utf-8")

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("v")
        await pilot.pause()

    run_app(_app(demo, clock), script)
    now = next(p for p in load_sops(sops).proposals if p.id == first)
    with Session.open(demo, readonly=True) as session:
        mark = perbaikan_done(session, first)
    assert mark is not None and mark["hash"] == proposal_hash(now)
