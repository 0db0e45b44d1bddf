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


def test_next_proposal_keeps_the_tab_and_viewing_never_starts_a_clock(demo: Path, clock: HandClock) -> None:
    """The issue's clock defects on the proposal screen: `.`/`,` and going back to a decided item
    never (re)start a clock, a decision stops it, and the agenda highlight follows the item shown."""
    from sopreview.ui.screens.agenda import AgendaScreen

    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("2", "s")  # start discussing the first item
        clock.advance(4)
        await pilot.press("full_stop")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.pid == pids[1]
        assert screen.query_one(TabbedContent).active == "langkah"
        assert on_disk(demo).running_item() == pids[0]  # looking ahead does not move the clock
        await pilot.press("s")
        clock.advance(2)
        await pilot.press("d", "1", "ctrl+s")
        await pilot.pause()
        assert on_disk(demo).running_item() is None  # the decision stopped it
        clock.advance(5)
        await pilot.press("comma", "comma")
        await pilot.pause()
        assert app.screen.pid == pids[0]  # type: ignore[attr-defined]
        assert any("Tidak ada usulan lagi" in n.message for n in app._notifications)
        await pilot.press("full_stop")  # back to the decided item: its clock stays stopped
        await pilot.pause()
        assert on_disk(demo).running_item() is None
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.screen_stack) == 1  # the agenda is the first screen: no pile of proposals
        assert isinstance(app.screen, AgendaScreen) and app.screen.target_pid() == pids[1]

    run_app(SopReviewApp(demo, None, clock=clock), script)
    saved = on_disk(demo)
    assert round(saved.clock(pids[0]).used_seconds) == 240
    assert round(saved.clock(pids[1]).used_seconds) == 120
    assert saved.running_item() is None


def test_undo_after_moving_on_undoes_the_decision_and_starts_no_clock(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        clock.advance(3)
        await pilot.press("d", "1", "ctrl+s")
        await pilot.pause()
        await pilot.press("full_stop")
        await pilot.pause()
        await pilot.press("s", "ctrl+z")
        await pilot.pause()

    run_app(SopReviewApp(demo, None, clock=clock), script)
    saved = on_disk(demo)
    assert saved.decision(pids[0]) is None
    assert not saved.clock(pids[0]).running
    assert round(saved.clock(pids[0]).used_seconds) == 180


def test_meeting_pause_shows_and_resumes(demo: Path, clock: HandClock) -> None:
    pids = [p.id for p in on_disk(demo).proposals()]

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        clock.advance(2)
        await pilot.press("j")
        assert on_disk(demo).pause_state() is not None and on_disk(demo).running_item() is None
        clock.advance(15)
        await pilot.press("j")
        clock.advance(1)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    saved = on_disk(demo)
    assert saved.pause_state() is None
    assert round(saved.clock(pids[0]).used_seconds) == 180  # 2 + 1 minutes; the break is not counted


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


def test_projector_clock_stops_with_the_decision_and_shows_the_pause(demo: Path, clock: HandClock) -> None:
    """The issue's projector: `-05:27 lewat` in red for an item already DITUNDA. Now the decision
    (recorded with d from the projector itself) stops it, and a pause is shown to the room."""
    from textual.widgets import Digits, Static

    from sopreview.ui.screens.projector import ProjectorScreen

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")
        clock.advance(16)
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProjectorScreen)
        screen._tick()
        digits = screen.query_one("#proj-digits", Digits)
        label = screen.query_one("#proj-clock-label", Static)
        assert digits.has_class("habis") and "lewat" in str(label.render())
        await pilot.press("d", "3", *"perlu data", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        clock.advance(5)
        screen._tick()
        assert not digits.has_class("habis") and "dibahas 16 dari" in str(label.render())
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("j", "p")
        await pilot.pause()
        assert isinstance(app.screen, ProjectorScreen)
        app.screen._tick()
        assert "ISTIRAHAT sejak" in str(app.screen.query_one("#proj-clock-label", Static).render())

    run_app(SopReviewApp(demo, None, clock=clock), script)
    pid = on_disk(demo).proposals()[0].id
    decision = on_disk(demo).decision(pid)
    assert decision is not None and decision.keputusan == "ditunda"
    assert round(on_disk(demo).clock(pid).used_seconds / 60) == 16


def test_perubahan_tab_of_a_new_sop_says_so_once(demo: Path, clock: HandClock) -> None:
    """Issue 9 (smaller defects): a `baru` proposal's Perubahan tab showed "Usulan baru: …" twice
    (the summary line and the body)."""
    from textual.widgets import Static

    proposals = on_disk(demo).proposals()
    index = next(i for i, p in enumerate(proposals) if p.jenis == "baru")
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        for _ in range(index):
            await pilot.press("full_stop")
        await pilot.press("4")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.pid == proposals[index].id
        assert screen.query_one(TabbedContent).active == "perubahan"
        view = screen.query_one(ChangeView)
        seen["text"] = "".join(plain(static.content) for static in view.query(Static))

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert str(seen["text"]).count("Usulan baru: tidak ada versi berlaku untuk dibandingkan.") == 1


def test_m_on_the_proposal_and_d_on_the_projector_open_their_dialogs(demo: Path, clock: HandClock) -> None:
    """Issue 9 (smaller defects): `m` on the proposal screen and `d` in projector mode did nothing
    and said nothing. Now `m` opens Data rapat and `d` the decision, over the screen they came from."""
    from sopreview.ui.dialogs import DecisionDialog, MetaDialog
    from sopreview.ui.screens.projector import ProjectorScreen

    seen: list[str] = []

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        proposal = app.screen
        assert isinstance(proposal, ProposalScreen)
        await pilot.press("m")
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        assert isinstance(app.screen, MetaDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is proposal
        await pilot.press("p")
        await pilot.pause()
        projector = app.screen
        assert isinstance(projector, ProjectorScreen)
        await pilot.press("d")
        await pilot.pause()
        seen.append(type(app.screen).__name__)
        assert isinstance(app.screen, DecisionDialog) and app.screen.proposal_id == proposal.pid
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is projector

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert seen == ["MetaDialog", "DecisionDialog"]
