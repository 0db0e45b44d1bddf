"""Slides the operator puts up for the room (issue 16): the sub bagian's title, the read-back.

The read-back is drawn from the minutes' own model (``build_minutes``), so what the room
confirms is what the notulen prints; closing after it sets the meeting's end time.
"""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.minutes.build import build_minutes
from sopreview.minutes.markdown import render as render_markdown
from sopreview.store.session import InvalidValue, Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.follow import FollowApp
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.widgets.slides import readback_rows

from .conftest import HandClock, on_disk, plain, until


def _shown(app: FollowApp) -> str:
    screen = app.screen
    assert isinstance(screen, ProjectorScreen)
    if screen.slide_shown is None:
        return ""
    title, body = screen.slide_shown
    return title + "\n" + plain(body, width=160)


def _meeting(demo: Path, clock: HandClock) -> str:
    """Some decisions (one with a note), an action, the first item on the projector."""
    with Session.open(demo, clock=clock) as session:
        first, second, third = session.proposals()[:3]
        session.record_decision(first.id, "disetujui", "")
        session.record_decision(second.id, "disetujui_dengan_perbaikan", "Langkah 3: tambahkan batas waktu.")
        session.record_decision(third.id, "ditunda", "Menunggu juknis KPU RI.")
        session.add_action(second.id, "Perbaiki langkah 3", "Kasubbag Hukum", "2022-06-30")
        session.set_current(first.id, "ringkasan")
        return first.id


def test_read_back_is_the_minutes_rekap_and_closing_sets_the_end_time(demo: Path, clock: HandClock) -> None:
    pid = _meeting(demo, clock)
    seen: dict[str, object] = {}

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(160, 45)) as fol:
            await op.pause()
            projector = ProjectorScreen(operator.session, pid)
            await operator.push_screen(projector)
            await op.pause()
            await op.press("T")  # not before the read-back: nothing closes
            await op.pause()
            seen["closed_early"] = operator.session.closed_at()
            await op.press("b")
            await until(fol, lambda: _shown(follower).startswith("Pembacaan keputusan"))
            seen["room"] = _shown(follower)
            clock.now += timedelta(hours=2, minutes=5)
            await op.press("T", "y")  # one burst: the dialog takes the y
            await op.pause()
            await until(fol, lambda: "Rapat ditutup pukul" in _shown(follower))
            seen["room_closed"] = _shown(follower)
            await op.press("tab")  # back to the item: the slide comes down for the room too
            await until(fol, lambda: follower.screen.slide_shown is None)

    asyncio.run(main())
    with on_disk(demo) as disk:
        minutes = build_minutes(disk, perubahan=False)
        assert disk.meta.waktu_selesai == "11:35"
        assert disk.closed_at() is not None and disk.closed_at()[11:16] == "11:35"
        assert disk.slide() is None
        markdown = render_markdown(build_minutes(disk)).decode()
    assert seen["closed_early"] is None
    room = str(seen["room"])
    # Every row the read-back is made of appears on the room's screen, in order.
    position = 0
    for row in readback_rows(minutes):
        for cell in row:
            if cell:
                found = room.find(cell, position if cell == row[0] else 0)
                assert found >= 0, f"{cell!r} missing from the read-back"
        first = room.find(row[1] if len(row) > 1 and row[1] else row[0], position)
        assert first >= position, f"row {row!r} out of order"
        position = first
    # ... and the tally rows are the minutes' own: the notulen prints the same numbers.
    header, tally = minutes.tabel_rekap()
    for row in tally:
        assert " | ".join(row) in markdown
    assert "Perbaiki langkah 3" in room and "Kasubbag Hukum" in room
    assert "Langkah 3: tambahkan batas waktu." in room
    assert "Rapat ditutup pukul 11:35" in str(seen["room_closed"])
    assert "Rapat ditutup" not in room


def test_closing_is_undone_and_the_slide_is_navigation(demo: Path, clock: HandClock) -> None:
    with Session.open(demo, clock=clock) as session:
        before = session.meta.waktu_selesai
        session.set_current(session.proposals()[0].id, "ringkasan")
        session.set_slide("bacakan")
        with pytest.raises(InvalidValue):
            session.set_slide("pidato")
        clock.now += timedelta(hours=1)
        assert session.close_meeting() == "10:30"
        assert session.meta.waktu_selesai == "10:30"
        undone = session.undo()
        assert undone is not None and undone.aksi == "tutup_rapat"
        assert session.meta.waktu_selesai == before and session.closed_at() is None
        assert session.slide() == "bacakan"  # undo passes over navigation
    with Session.open(demo, readonly=True) as disk:
        assert disk.slide() == "bacakan"


def test_sub_bagian_title_slide_shows_its_head_and_items(demo: Path, clock: HandClock) -> None:
    with Session.open(demo, clock=clock) as session:
        proposal = session.proposals()[0]
        subbag = session.organisasi.subbag_by_kode(proposal.subbag)
        members = [p.nama for p in session.proposals() if p.subbag == proposal.subbag]
        others = [p.nama for p in session.proposals() if p.subbag != proposal.subbag]
        session.set_current(proposal.id, "ringkasan")
    assert subbag is not None and subbag.kepala
    seen: dict[str, str] = {}

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(120, 36)) as fol:
            await op.pause()
            projector = ProjectorScreen(operator.session, proposal.id)
            await operator.push_screen(projector)
            await op.pause()
            await op.press("u")
            await until(fol, lambda: _shown(follower).startswith("Sub Bagian"))
            seen["room"] = _shown(follower)
            seen["head_hidden"] = str(not follower.screen.query_one("#proj-head").display)
            await op.press("u")  # again: down
            await until(fol, lambda: follower.screen.slide_shown is None)

    asyncio.run(main())
    room = seen["room"]
    assert room.startswith(f"Sub Bagian {subbag.nama.removeprefix('Sub Bagian ')}")
    assert f"Penyaji: {subbag.kepala}" in room
    assert all(name.removeprefix("SOP ") in room for name in members)
    assert not any(name in room for name in others)
    assert seen["head_hidden"] == "True"
