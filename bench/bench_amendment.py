"""Benchmark (issue 15): an amendment on a 60-step, 8-actor SOP, redrawn in the app, against
drawing the unamended flowchart, measured in the same run so the ratio means something anywhere.

In a headless 160x45 app on the proposal's Flowchart tab:
  baseline  the flowchart of the SOP as submitted laid out again and painted (the cost of
            showing the chart at all: what switching to this proposal costs);
  redraw    after an amendment is saved: the app re-reads the session and every view redraws
            (version under discussion applied, steps table, flowchart marked, Perubahan diff),
            then paints;
  with save the same plus the durable save of the amendment itself (atomic write, fsync, journal).
Each amendment edits step 5's time again, so the list grows as it would in a long discussion;
``--amendments`` sets how many. Run: ``.venv/bin/python bench/bench_amendment.py [--repeat N]``.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_flowchart import big_sop  # noqa: E402

from sopreview.domain.amendment import Amendment  # noqa: E402
from sopreview.domain.model import Proposal  # noqa: E402
from sopreview.store.session import Session  # noqa: E402
from sopreview.ui.app import SopReviewApp  # noqa: E402
from sopreview.ui.screens.proposal import ProposalScreen  # noqa: E402
from sopreview.ui.widgets.flowchart import FlowchartView  # noqa: E402
from tests.store.builders import ORGANISASI  # noqa: E402

PID = "hukum-sdm/uji-besar"


def _session(folder: Path) -> Path:
    doc = big_sop(60)
    proposal = Proposal(id=PID, subbag="hukum-sdm", jenis="perbaikan", dokumen=doc, sebelumnya=doc,
                        sumber=f"{PID}.yaml")
    path = folder / "sessions" / "bench.json"
    Session.create(path, ORGANISASI, [proposal]).close()
    return path


async def _run(path: Path, repeat: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"baseline": [], "redraw": [], "with save": []}
    app = SopReviewApp(path, None)
    async with app.run_test(size=(160, 45)) as pilot:
        await pilot.pause()
        app.open_proposal(PID, tab="flowchart")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        flow = screen.query_one(FlowchartView)
        session = app.session
        assert session is not None
        for n in range(repeat):
            flow._grid = None  # the submitted SOP's chart, laid out and painted again
            start = time.perf_counter()
            flow.refresh()
            _ = flow.grid
            await pilot.pause()
            times["baseline"].append(time.perf_counter() - start)

            start = time.perf_counter()
            session.record_amendment(PID, Amendment("ubah", 5, nilai={"waktu": f"{n + 1} hari kerja"}))
            saved = time.perf_counter()
            app.session_changed()
            _ = flow.grid
            await pilot.pause()
            end = time.perf_counter()
            assert flow.tandai == frozenset({5}) and flow.dokumen.step(5).waktu == f"{n + 1} hari kerja"
            times["redraw"].append(end - saved)
            times["with save"].append(end - start)
        await pilot.press("q")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="amendments recorded (and baselines drawn)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        times = asyncio.run(_run(_session(Path(tmp)), args.repeat))
    base = statistics.median(times["baseline"])
    print(f"60 steps, 8 actors, 160x45, {args.repeat} amendments (medians)")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:10s}: {median * 1000:8.1f} ms   ratio to baseline {median / base:5.2f}   "
              f"(last {values[-1] * 1000:.1f} ms)")


if __name__ == "__main__":
    main()
