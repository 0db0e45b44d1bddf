"""How soon the room sees the presenter cursor move (issue 16): operator's move -> follower repaint.

No test asserts a time (a loaded laptop would turn the suite red); the figure lives here.

Measured: the operator's session (this process, writable) moves the cursor with
``set_pointer``; the follower (``FollowApp``, headless, same process, its own read-only session)
polls as in a meeting; latency = from the durable write returning to the follower's flowchart
drawing the pointed step highlighted (its ``render_line`` for that row, which is what the
compositor paints). ROUNDS moves alternating down and up the longest sample SOP; median and p95.
Baseline in the same run: the follower's poll interval (a move cannot show sooner than up to one
interval) and the operator's durable write itself.

Run: ``.venv/bin/python bench/bench_cursor.py [--rounds 30]``
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sopreview.domain.loader import load_sops  # noqa: E402
from sopreview.store.session import Session  # noqa: E402
from sopreview.ui.follow import POLL_SECONDS, FollowApp  # noqa: E402
from sopreview.ui.screens.projector import ProjectorScreen  # noqa: E402
from sopreview.ui.widgets.flowchart import FlowchartView  # noqa: E402
from tests.flowchart.apps import FixedClock, make_session  # noqa: E402
from tests.flowchart.conftest import SOPS  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _painted(flow: FlowchartView, step: int) -> bool:
    """The follower has the step highlighted in what it paints now."""
    if flow.sorot != step:
        return False
    rows = flow.pointer_rows()
    y = len(flow.grid.header) + rows.start - flow.scroll_offset.y
    if not rows or y < len(flow.grid.header) or y >= flow.size.height:
        return False
    bg = flow.get_component_rich_style("flowchart--sorot").bgcolor
    return any(seg.style is not None and seg.style.bgcolor == bg for seg in flow.render_line(y))


async def measure(path: Path, rounds: int) -> tuple[list[float], list[float]]:
    operator = Session.open(path)
    pid = max(operator.proposals(), key=lambda p: len(p.dokumen.langkah)).id
    steps = len(operator.proposal(pid).dokumen.langkah)
    operator.set_current(pid, "flowchart")
    latencies: list[float] = []
    writes: list[float] = []
    try:
        app = FollowApp(path)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause(0.5)
            screen = app.screen
            assert isinstance(screen, ProjectorScreen)
            flow = screen.query_one("#proj-flowchart", FlowchartView)
            for n in range(rounds):
                step = 1 + (n % (2 * steps - 2) if n % (2 * steps - 2) < steps else 2 * steps - 2 - n % (2 * steps - 2))
                if step == operator.pointer():
                    step = 2 if step == 1 else step - 1
                started = time.perf_counter()
                operator.set_pointer(step)
                written = time.perf_counter()
                writes.append(written - started)
                while not _painted(flow, step):
                    await asyncio.sleep(0.005)
                latencies.append(time.perf_counter() - written)
    finally:
        operator.close()
    return latencies, writes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = load_sops(SOPS)
        path = Path(tmp) / "sessions" / "rapat.json"
        make_session(path, result.proposals, result.organisasi, FixedClock()).close()
        latencies, writes = asyncio.run(measure(path, args.rounds))
    median = statistics.median(latencies)
    print(f"cursor move -> follower repaint over {len(latencies)} moves: median {median * 1000:.0f} ms, "
          f"p95 {p95(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"baseline, same run: follower poll interval {POLL_SECONDS * 1000:.0f} ms "
          f"(median/interval {median / POLL_SECONDS:.2f}x); operator's durable write "
          f"{statistics.median(writes) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
