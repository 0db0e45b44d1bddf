"""SVG snapshots of what the room sees (issue 16): every slide and the fitted flowchart of the
sample's widest SOP, at the three screen sizes a meeting room meets (120×36, 80×24, 160×45).

Update after an intended change with ``pytest tests/flowchart/test_room_snapshots.py
--snapshot-update`` and look at the pictures (strip ``textLength``, then ``rsvg-convert``).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from sopreview.domain.loader import load_sops
from sopreview.store.session import Session
from tests.flowchart.apps import T0, FixedClock, ProjectorApp, make_session
from tests.flowchart.conftest import SOPS

SIZES = ((120, 36), (80, 24), (160, 45))
WIDEST = "teknis-parmas-hubmas/ppid"
"""Five lanes: the sample SOP with the most pelaksana."""


@pytest.fixture
def room(tmp_path: Path):  # type: ignore[no-untyped-def]
    result = load_sops(SOPS)
    clock = FixedClock()
    session = make_session(tmp_path / "rapat.json", result.proposals, result.organisasi, clock)
    first, second, third = session.proposals()[:3]
    session.record_decision(first.id, "disetujui", "")
    session.record_decision(second.id, "disetujui_dengan_perbaikan", "Langkah 5: tambahkan batas waktu pemeriksaan.")
    session.record_decision(third.id, "ditunda", "Menunggu petunjuk teknis KPU RI.")
    session.add_action(second.id, "Perbaiki langkah 5", "Kasubbag Hukum dan SDM", "2022-06-30")
    yield session, clock
    session.close()


def _app(session: Session, slide: str) -> ProjectorApp:
    pid = session.proposals()[3].id
    if slide == "agenda":
        session.set_current(None)
        return ProjectorApp(session, None)
    session.set_current(pid, "ringkasan")
    if slide == "jeda":
        session.open_item(pid)
        session.pause("istirahat")
    elif slide == "subbag":
        session.set_slide("subbag")
    elif slide == "bacakan":
        session.set_slide("bacakan")
        session.close_meeting()
    return ProjectorApp(session, pid)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("slide", ["agenda", "jeda", "subbag", "bacakan"])
def test_slide(snap_compare, room, slide: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    session, clock = room
    clock.now = T0 + timedelta(hours=2, minutes=40)
    assert snap_compare(_app(session, slide), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_fitted_flowchart_of_the_widest_sop(snap_compare, room, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    """The room's flowchart: Mutu Baku shown, words never cut, step 6 pointed at and in view."""
    session, _clock = room
    session.set_current(WIDEST, "flowchart")
    session.set_pointer(6)
    app = ProjectorApp(session, WIDEST, "flowchart")
    assert snap_compare(app, terminal_size=size)


def test_zoomed_flowchart_follows_the_cursor_sideways(snap_compare, room) -> None:  # type: ignore[no-untyped-def]
    session, _clock = room
    session.set_current(WIDEST, "flowchart")
    session.set_pointer(9)
    session.set_zoom(2)
    app = ProjectorApp(session, WIDEST, "flowchart")
    assert snap_compare(app, terminal_size=(120, 36))
