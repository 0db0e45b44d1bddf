"""SVG snapshots of the agenda and the proposal view at 120x36 and 80x24.

Deterministic: the clock is fixed (HandClock), cursors do not blink, and the meeting state is
written through the Session before the app starts, so no toast is on screen. Refresh with
``pytest tests/ui/test_snapshots.py --snapshot-update`` and look at every changed SVG.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp

from .conftest import HandClock

SIZES = {"120x36": (120, 36), "80x24": (80, 24)}


@pytest.fixture
def mid_meeting(demo: Path, clock: HandClock) -> Path:
    """Three items decided (one with notes and an action), the fourth under discussion for 4 minutes."""
    with Session.open(demo, clock=clock) as session:
        ids = [p.id for p in session.proposals()]
        criteria = [c.id for c in session.criteria]
        for pid, keputusan, catatan in (
            (ids[0], "disetujui", ""),
            (ids[1], "disetujui_dengan_perbaikan", "Dasar hukum diperbarui"),
            (ids[2], "ditunda", "Menunggu data dari KPU Provinsi"),
        ):
            session.open_item(pid)
            clock.advance(session.planned_minutes(pid) + 2)
            session.record_decision(pid, keputusan, catatan)
            session.record_evaluation(pid, {c: c != "k3" for c in criteria}, "Perlu contoh formulir", "")
        session.set_notes(ids[1], "Tambahkan formulir permohonan pada lampiran.")
        session.add_action(ids[1], "Perbaiki lampiran SOP", "Noor Ifah", "2022-07-01")
        session.open_item(ids[3])
        clock.advance(4)
        session.close_item(ids[3])  # the app below starts it again with s: the agenda marks it
    return demo


def _app(path: Path, clock: HandClock) -> SopReviewApp:
    return SopReviewApp(path, None, clock=clock)


async def _settle(pilot: Pilot[None]) -> None:
    """The operator starts the fourth item (highlighted: it is current) with s; toasts cleared."""
    await pilot.pause()
    await pilot.press("s")
    pilot.app.clear_notifications()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_agenda(snap_compare, mid_meeting: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(mid_meeting, clock), terminal_size=SIZES[size], run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_proposal_ringkasan(snap_compare, mid_meeting: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    # The cursor starts on the running item; open the decided revision above it.
    assert snap_compare(_app(mid_meeting, clock), press=["up", "up", "enter", "wait:150"], terminal_size=SIZES[size],
                        run_before=_settle)


@pytest.mark.parametrize("size", SIZES)
def test_proposal_langkah(snap_compare, mid_meeting: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(mid_meeting, clock), press=["enter", "wait:150", "2", "wait:100"], terminal_size=SIZES[size],
                        run_before=_settle)


def test_proposal_perubahan_80x24(snap_compare, mid_meeting: Path, clock: HandClock) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(mid_meeting, clock), press=["enter", "wait:150", "4", "wait:100"], terminal_size=(80, 24),
                        run_before=_settle)


def test_help_80x24(snap_compare, mid_meeting: Path, clock: HandClock) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(mid_meeting, clock), press=["question_mark", "wait:150"], terminal_size=(80, 24),
                        run_before=_settle)
