"""Snapshots of amending in the meeting (issue 15): the edit dialog checking a change, and the
flowchart of the version under discussion with the amended steps marked, at 120x36 and 80x24.
Refresh with ``--snapshot-update`` and look at every changed SVG as a picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.domain.amendment import Amendment
from sopreview.store.session import Session
from sopreview.ui.app import SopReviewApp

from .conftest import HandClock

SIZES = {"120x36": (120, 36), "80x24": (80, 24)}
JDIH = "hukum-sdm/jdih"


@pytest.fixture
def amended(demo: Path, clock: HandClock) -> Path:
    """The first proposal with three amendments: a time, a step to the Kasubbag, a decision step."""
    with Session.open(demo, clock=clock) as session:
        session.record_amendment(JDIH, Amendment("ubah", 3, nilai={"waktu": "2 jam"}))
        session.record_amendment(JDIH, Amendment("ubah", 5, nilai={"pelaksana": "Kepala Sub Bagian Hukum dan SDM"}))
        session.record_amendment(JDIH, Amendment("sisip", 6, nilai={
            "kegiatan": "Perlu diunggah ulang?", "pelaksana": "Kepala Sub Bagian Hukum dan SDM",
            "keputusan": [["ya", 7], ["tidak", 5]]}))
    return demo


def _keys(*keys: str):  # type: ignore[no-untyped-def]
    """Press the keys, then clear the toasts (opening an item offers to start its clock)."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.15)
        pilot.app.clear_notifications()
        await pilot.press(*keys)
        await pilot.pause(0.1)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_edit_dialog(snap_compare, amended: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    keys = _keys("2", "]", "]", "]", "]", "u", "tab", "tab", "tab", "ctrl+u", "1", "space", "h", "a", "r", "i")
    assert snap_compare(SopReviewApp(amended, None, clock=clock), run_before=keys, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_amended_flowchart(snap_compare, amended: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    keys = _keys("3", "]", "]", "]", "]", "]")
    assert snap_compare(SopReviewApp(amended, None, clock=clock), run_before=keys, terminal_size=SIZES[size])
