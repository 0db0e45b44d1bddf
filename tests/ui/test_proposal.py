"""The proposal view: tabs by number and Tab, next/previous proposal, content of each tab."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import TabbedContent

from sopreview.domain.model import SopDocument, Step
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.proposal_detail import WIDE_STEPS, identity_table, steps_table

from .conftest import HandClock, on_disk, plain, run_app


def test_tabs_switch_by_number_and_tab_key(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        tabs = screen.query_one(TabbedContent)
        assert tabs.active == "ringkasan"
        await pilot.press("3")
        await pilot.pause()
        assert tabs.active == "flowchart" and isinstance(app.focused, FlowchartView)
        await pilot.press("tab")
        await pilot.pause()
        assert tabs.active == "perubahan" and isinstance(app.focused, ChangeView)
        await pilot.press("tab")
        assert tabs.active == "ringkasan"
        await pilot.press("shift+tab")
        assert tabs.active == "perubahan"
        await pilot.press("2")
        assert tabs.active == "langkah"

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_next_proposal_keeps_the_tab_and_moves_the_clock(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2")
        clock.advance(4)
        await pilot.press("full_stop")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.pid == pids[1]
        assert screen.query_one(TabbedContent).active == "langkah"
        await pilot.press("comma", "comma")
        await pilot.pause()
        assert app.screen.pid == pids[0]  # type: ignore[attr-defined]
        assert any("Tidak ada usulan lagi" in n.message for n in app._notifications)
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen_stack) == 2  # the agenda under the default screen: no pile of proposals

    run_app(SopReviewApp(demo, None, clock=clock), script)
    saved = on_disk(demo)
    assert round(saved.clock(pids[0]).used_seconds) == 240
    assert saved.clock(pids[1]).opened_at is not None


def test_projector_is_one_key_away_and_follows_the_item(demo: Path, clock: HandClock) -> None:
    from sopreview.ui.screens.projector import ProjectorScreen

    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("down", "enter")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen) and app.screen.pid == pids[1]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert on_disk(demo).current()[0] == pids[1]


def test_steps_table_has_every_column_wide_and_stacks_mutu_baku_narrow() -> None:
    doc = SopDocument(
        nama="SOP Contoh",
        langkah=(
            Step(1, "Menerima surat", "Staf", kelengkapan="Surat", waktu="5 menit", output="Surat diterima"),
            Step(2, "Memeriksa kelengkapan", "Kasubbag", keputusan=(("lengkap", 3), ("tidak", 1))),
            Step(3, "Mengarsipkan", "Staf", keterangan="Arsip aktif"),
        ),
    )
    wide = plain(steps_table(doc, WIDE_STEPS), width=WIDE_STEPS)
    for header in ("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output", "Keterangan"):
        assert header in wide
    assert "lengkap → 3;" in wide and "tidak → 1" in wide and "◇ Memeriksa" in wide
    narrow = plain(steps_table(doc, 76), width=76)
    assert "Mutu baku" in narrow and "Waktu: 5 menit" in narrow and "Ket.: Arsip aktif" in narrow
    assert "…" not in narrow  # nothing cut


def test_identity_table_names_every_field() -> None:
    text = plain(identity_table(SopDocument(nama="SOP Contoh", dasar_hukum=("UU 1", "UU 2"))))
    for label in ("Nama SOP", "Nomor SOP", "Revisi ke", "Tanggal efektif", "Disahkan oleh", "Dasar hukum",
                  "Kualifikasi pelaksana", "Keterkaitan", "Peralatan/perlengkapan", "Peringatan",
                  "Pencatatan dan pendataan", "Pelaksana"):
        assert label in text
    assert "1. UU 1" in text and "– (belum bernomor)" in text
