"""SVG snapshots of the decision dialog, the evaluation form and the attendance list.

Synchronous on purpose (snap_compare runs its own event loop); deterministic: the session's
clock is fixed and SessionDialog.CURSOR_BLINK is off (conftest). Update with
``pytest tests/ui/dialogs/test_snapshots.py --snapshot-update`` and look at every SVG.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from sopreview.store.session import Session
from sopreview.ui.dialogs import AttendanceDialog, DecisionDialog, EvaluationDialog

from .conftest import ORGANISASI, P1, DialogHost

SIZES = [pytest.param((120, 36), id="120x36"), pytest.param((80, 24), id="80x24")]


def presses(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await pilot.pause()  # the dialog fits its height after a refresh

    return run


@pytest.mark.parametrize("size", SIZES)
def test_decision_note_required(snap_compare: Callable[..., bool], session: Session, size: tuple[int, int]) -> None:
    """Ditunda chosen without a note: the rule is shown in place, the cursor waits in the note."""
    app = DialogHost(lambda: DecisionDialog(session, P1))
    assert snap_compare(app, terminal_size=size, run_before=presses("3", "ctrl+s"))


@pytest.mark.parametrize("size", SIZES)
def test_evaluation_partly_answered(snap_compare: Callable[..., bool], session: Session, size: tuple[int, int]) -> None:
    session.record_evaluation(P1, {"k1": True}, "Alur sudah jelas", "")
    app = DialogHost(lambda: EvaluationDialog(session, P1))
    assert snap_compare(app, terminal_size=size, run_before=presses("down", "y", "t", "y"))


@pytest.mark.parametrize("size", SIZES)
def test_attendance_marked(snap_compare: Callable[..., bool], session: Session, size: tuple[int, int]) -> None:
    session.set_attendance(ORGANISASI.orang[4].nama, "tugas_luar")
    app = DialogHost(lambda: AttendanceDialog(session))
    assert snap_compare(app, terminal_size=size, run_before=presses("1", "1", "2", "h"))
