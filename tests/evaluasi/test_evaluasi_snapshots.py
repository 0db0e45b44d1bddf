"""SVG snapshots of an evaluation item (issue 14) at 120x36 and 80x24: the SOP in force with its
results over time (sparkline), the last monitoring's steps that did not run well, and the outcome.

Deterministic like tests/ui/test_snapshots.py: a hand clock, state written before the app starts.
Refresh with ``--snapshot-update`` only for this file, and look at the PNGs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.demo import DEMO_META, create_session
from sopreview.domain.evaluation import evaluation_item, select_in_force
from sopreview.lifecycle.folder import read_folder
from sopreview.ui.app import SopReviewApp
from tests.ui.conftest import HandClock

ROOT = Path(__file__).resolve().parents[2]
SIZES = {"120x36": (120, 36), "80x24": (80, 24)}
JDIH = "hukum-sdm/berlaku/jdih"


@pytest.fixture
def clock() -> HandClock:
    return HandClock()


@pytest.fixture
def evaluation_meeting(tmp_path: Path, clock: HandClock) -> Path:
    """The sample folder (two monitorings of JDIH) with hukum-sdm's SOPs in force to evaluate;
    JDIH's criteria form filled in and its outcome recorded, the item under discussion."""
    sops = tmp_path / "sops"
    shutil.copytree(ROOT / "sops", sops)
    items = [evaluation_item(s) for s in select_in_force(read_folder(sops).in_force, ["hukum-sdm"])]
    session, _ = create_session(tmp_path / "sessions" / "ev.json", sops, DEMO_META, evaluasi=items, clock=clock)
    with session:
        session.open_item(JDIH)
        clock.advance(6)
        session.record_evaluation(JDIH, {c.id: c.id not in ("k3", "k6") for c in session.criteria},
                                  "Unggahan ke laman JDIH tertunda", "")
        session.record_decision(JDIH, "perlu_revisi", "Langkah unggah perlu petugas pengganti")
    return session.path


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    pilot.app.clear_notifications()
    await pilot.pause(0.1)


@pytest.mark.parametrize("size", SIZES)
def test_evaluation_item(snap_compare, evaluation_meeting: Path, clock: HandClock, size: str) -> None:  # type: ignore[no-untyped-def]
    app = SopReviewApp(evaluation_meeting, None, clock=clock)
    assert snap_compare(app, press=["enter", "wait:150"], terminal_size=SIZES[size], run_before=_settle)
