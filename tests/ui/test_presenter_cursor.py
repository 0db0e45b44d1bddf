"""The presenter cursor (issue 16): the operator points at a step, the room sees that step.

The operator's projector moves the cursor with ] and [; the session stores it as navigation
(not an undo step); a follower in another app highlights the same step and scrolls it into view.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.store.session import InvalidValue, Session
from sopreview.ui.app import SopReviewApp
from sopreview.ui.follow import FollowApp
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.widgets.flowchart import FlowchartView

from .conftest import HandClock, on_disk, until


def _longest(demo: Path) -> str:
    session = on_disk(demo)
    return max(session.proposals(), key=lambda p: len(p.dokumen.langkah)).id


def test_follower_highlights_the_step_the_operator_points_at(demo: Path, clock: HandClock) -> None:
    pid = _longest(demo)
    with Session.open(demo, clock=clock) as operator:
        operator.set_current(pid, "ringkasan")
        steps = len(operator.proposal(pid).dokumen.langkah)
    assert steps >= 8
    seen: dict[str, object] = {}

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(80, 24)) as fol:
            await op.pause()
            projector = ProjectorScreen(operator.session, pid)
            await operator.push_screen(projector)
            await op.pause()
            undo_before = len(operator.session.audit_log())
            await op.press(*(["right_square_bracket"] * 8))  # one burst, as a presenter taps
            await op.pause()
            assert projector.tab == "flowchart"  # the cursor brings the flowchart to the front
            seen["title_lines_after"] = projector.query_one("#proj-nama").max_lines
            room = follower.screen
            assert isinstance(room, ProjectorScreen)
            await until(fol, lambda: room.pid == pid and room.tab == "flowchart")
            flow = room.query_one("#proj-flowchart", FlowchartView)
            await until(fol, lambda: flow.sorot == 8)
            await fol.pause(0.1)
            rows = flow.pointer_rows()
            top = flow.scroll_offset.y
            visible = flow.scrollable_content_region.height - len(flow.grid.header)
            seen["in_view"] = rows.start >= top and rows.stop <= top + visible
            seen["scrolled"] = top > 0
            line = flow.render_line(len(flow.grid.header) + rows.start - top)
            seen["highlighted"] = {seg.style.bgcolor for seg in line if seg.text.strip()} == {
                flow.get_component_rich_style("flowchart--sorot").bgcolor}
            await op.press("left_square_bracket", "left_square_bracket")
            await until(fol, lambda: flow.sorot == 6)
            await op.press("0")
            await until(fol, lambda: flow.sorot is None)
            seen["undo_steps"] = operator.session.audit_log()[undo_before:]

    asyncio.run(main())
    assert seen["in_view"] and seen["scrolled"] and seen["highlighted"]
    assert seen["title_lines_after"] == 0  # plain text: the flowchart gets the screen
    with Session.open(demo, readonly=True) as disk:
        assert disk.pointer() is None
    assert all(e.aksi == "tampil" for e in seen["undo_steps"])  # navigation, skipped by undo


def test_pointer_is_stored_checked_and_reset_with_the_item(demo: Path, clock: HandClock) -> None:
    with Session.open(demo, clock=clock) as session:
        first, second = session.proposals()[:2]
        session.set_current(first.id, "flowchart")
        session.set_pointer(2)
        assert session.pointer() == 2
        with pytest.raises(InvalidValue):
            session.set_pointer(len(first.dokumen.langkah) + 1)
        with pytest.raises(InvalidValue):
            session.set_pointer(0)
        session.set_current(second.id, "flowchart")
        assert session.pointer() is None  # the pointed step belonged to the other SOP
        session.set_current(second.id, "flowchart")
        session.set_pointer(1)
        undone = session.undo()  # undo reverts what the secretary recorded, never the pointer
        assert undone is None or undone.aksi != "tampil"
        assert session.pointer() == 1
    with Session.open(demo, readonly=True) as disk:
        assert disk.pointer() == 1


def _slide(app: FollowApp) -> str:
    screen = app.screen
    if not screen.query_one("#proj-wait").display:
        return ""
    return screen.query_one("#proj-slide-title").text + "\n" + str(screen.query_one("#proj-slide-body").render())


def test_room_sees_the_agenda_before_the_first_item_and_a_break_slide_in_the_pause(
        demo: Path, clock: HandClock) -> None:
    with Session.open(demo, clock=clock) as operator:
        operator.set_current(None)
        operator.record_decision(operator.proposals()[0].id, "disetujui", "")
        decided, total = operator.progress()
        names = [p.nama for p in operator.proposals()]
    seen: dict[str, str] = {}

    async def main() -> None:
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with follower.run_test(size=(120, 36)) as fol:
            await fol.pause()
            seen["agenda"] = _slide(follower)
            with Session.open(demo, clock=clock) as operator:
                operator.pause("istirahat")
            await until(fol, lambda: _slide(follower).startswith("Istirahat"))
            seen["jeda"] = _slide(follower)
            with Session.open(demo, clock=clock) as operator:
                operator.resume()
            await until(fol, lambda: _slide(follower).startswith("Agenda"))

    asyncio.run(main())
    assert seen["agenda"].startswith("Agenda rapat") and "Menunggu" not in seen["agenda"]
    assert f"Diputuskan {decided} dari {total} usulan" in seen["agenda"]
    assert all(name in seen["agenda"] for name in names)
    assert "DISETUJUI" in seen["agenda"]  # what was decided so far
    assert "Rapat dijeda sejak pukul 09:30" in seen["jeda"]


def _revision(demo: Path) -> str:
    session = on_disk(demo)
    try:
        return next(p.id for p in session.proposals() if p.sebelumnya is not None and len(p.dokumen.langkah) >= 8)
    finally:
        session.close()


def test_cursor_in_the_langkah_table_marks_the_step_in_every_view_and_in_the_room(
        demo: Path, clock: HandClock) -> None:
    """The operator points from the proposal screen's Langkah table; the table, the flowchart and
    the Perubahan diff there mark the step, and the room's follower marks it in Perubahan too."""
    from sopreview.ui.widgets.changes import ChangeView
    from sopreview.ui.widgets.pointer import line_of_style
    from sopreview.ui.widgets.proposal_detail import StepsTable

    pid = _revision(demo)
    seen: dict[str, object] = {}

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(120, 36)) as fol:
            await op.pause()
            operator.call_later(lambda: operator.open_proposal(pid, tab="langkah"))  # in the app's own task
            await op.pause()
            await op.pause()
            await op.press(*(["right_square_bracket"] * 7), "left_square_bracket")  # one burst
            await op.pause(0.1)
            screen = operator.screen
            table = screen.query_one(StepsTable)
            style = table.get_component_rich_style("steps--sorot", partial=True)
            seen["table_row"] = line_of_style(operator.console, table.table_renderable(), table.content_region.width, style)
            seen["table_scrolled"] = screen.query_one("#langkah-scroll").scroll_offset.y > 0
            assert not screen.query(ChangeView)  # built when its tab is first shown (issue 17) ...
            await op.press("3")  # the chart, built hidden after the first frame, was marked while hidden
            await op.pause()
            seen["operator_flow"] = screen.query_one(FlowchartView).sorot
            await op.press("4")
            await op.pause()
            seen["operator_changes"] = screen.query_one(ChangeView)._sorot  # ... and marked when built
            room = follower.screen
            assert isinstance(room, ProjectorScreen)
            await until(fol, lambda: room.pid == pid and room.query_one("#proj-flowchart", FlowchartView).sorot == 6)
            await op.press("4")  # Perubahan: the room follows the tab, the same step stays marked
            await until(fol, lambda: room.tab == "perubahan")
            changes = room.query_one("#proj-changes", ChangeView)
            await fol.pause(0.1)
            seen["room_changes"] = changes._sorot
            body = changes.query_one("#changes-body")
            mark = changes.get_component_rich_style("changes--sorot", partial=True)
            line = line_of_style(follower.console, changes.render_diff(changes._side_by_side),
                                 body.content_region.width, mark)
            seen["room_row_in_view"] = line is not None and (
                changes.scroll_offset.y <= body.virtual_region.y + line
                < changes.scroll_offset.y + changes.scrollable_content_region.height)

    asyncio.run(main())
    assert seen["table_row"] is not None and seen["table_scrolled"]
    assert seen["operator_flow"] == 6 and seen["operator_changes"] == 6
    assert seen["room_changes"] == 6 and seen["room_row_in_view"]
    with Session.open(demo, readonly=True) as disk:
        assert disk.current().pid == pid and disk.pointer() == 6


def test_zoom_reaches_the_room_and_keeps_the_pointed_step_in_sight(demo: Path, clock: HandClock) -> None:
    pid = _longest(demo)
    seen: dict[str, object] = {}

    async def main() -> None:
        operator = SopReviewApp(demo, None, clock=clock)
        follower = FollowApp(demo, poll_seconds=0.05, locked=True)
        async with operator.run_test(size=(120, 36)) as op, follower.run_test(size=(120, 36)) as fol:
            await op.pause()
            projector = ProjectorScreen(operator.session, pid, tab="flowchart")
            await operator.push_screen(projector)
            await op.pause()
            room = follower.screen
            assert isinstance(room, ProjectorScreen)
            await until(fol, lambda: room.pid == pid)
            flow = room.query_one("#proj-flowchart", FlowchartView)

            def fits() -> bool:
                width = flow.scrollable_content_region.width
                return width > 0 and flow.grid.lebar <= width

            def zoomed_and_in_sight() -> bool:
                if not (flow.zoom == 2 and flow.sorot == 11):
                    return False
                box = flow.grid.box(11)
                left, width = flow.scroll_offset.x, flow.scrollable_content_region.width
                return flow.grid.lebar > width and left <= box.x and box.kanan < left + width

            # Layout and the sideways scroll land a few frames after the data on a busy machine: wait for
            # each state (the cap only catches one that never comes) instead of sampling after a fixed pause.
            await until(fol, fits)
            seen["fits"] = True
            await op.press(*(["right_square_bracket"] * 11), "plus", "plus")  # step 11: the rightmost lane
            await until(fol, zoomed_and_in_sight)
            seen["wider"] = seen["in_sight"] = True
            await op.press("minus", "minus", "minus")  # back to fit, never below it
            await until(fol, lambda: flow.zoom == 0)

    asyncio.run(main())
    assert seen["fits"] and seen["wider"] and seen["in_sight"]
    with Session.open(demo, readonly=True) as disk:
        assert disk.zoom() == 0
