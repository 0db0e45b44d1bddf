"""How soon the projector follower shows a change the operator's instance wrote.

The follower test (tests/flowchart/test_follow.py) only asserts *what* the follower shows; the
*how soon* lives here, so a loaded laptop makes this figure worse instead of the suite red.

Measured: a writer process records a decision, then the in-process follower (``FollowApp``,
headless) is polled every 10 ms until its projector shows it; latency = time from the writer's
acknowledgement to the follower showing it. ROUNDS decisions; median and p95.
Baseline in the same run: the follower's own polling interval (the latency cannot be lower
than up to one interval), and the writer's round trip for one durable write.

Run: ``.venv/bin/python bench/bench_follow.py [--rounds 30]``
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
from sopreview.domain.vocab import decision_label  # noqa: E402
from sopreview.store.session import Session  # noqa: E402
from sopreview.ui.follow import FollowApp  # noqa: E402
from sopreview.ui.screens.projector import ProjectorScreen  # noqa: E402
from tests.flowchart.apps import FixedClock, make_session  # noqa: E402
from tests.flowchart.conftest import SOPS  # noqa: E402
from tests.flowchart.test_follow import WRITER  # noqa: E402


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


async def measure(path: Path, rounds: int) -> tuple[list[float], list[float]]:
    with Session.open(path, readonly=True) as probe:
        pids = [p.id for p in probe.proposals()]
    writer = await asyncio.create_subprocess_exec(
        sys.executable, "-c", WRITER, str(path), cwd=ROOT,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
    )
    assert writer.stdin is not None and writer.stdout is not None
    latencies: list[float] = []
    writes: list[float] = []

    async def send(*parts: str) -> None:
        started = time.perf_counter()
        writer.stdin.write(("|".join(parts) + "\n").encode())  # type: ignore[union-attr]
        await writer.stdin.drain()  # type: ignore[union-attr]
        assert (await writer.stdout.readline()).strip() == b"ok"  # type: ignore[union-attr]
        writes.append(time.perf_counter() - started)

    try:
        assert (await writer.stdout.readline()).strip() == b"ready"
        pid = pids[0]
        await send("current", pid, "ringkasan")
        app = FollowApp(path)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause(0.5)
            screen = app.screen
            assert isinstance(screen, ProjectorScreen)
            for n in range(rounds):
                keputusan = ("disetujui", "ditunda")[n % 2]  # alternate: each round is a visible change
                label = f" {decision_label(keputusan).upper()} "  # the badge, spaces included
                await send("decide", pid, keputusan, f"Catatan {n}.")
                shown_after = time.perf_counter()
                while label not in str(screen.query_one("#proj-info").render()):
                    await asyncio.sleep(0.01)
                latencies.append(time.perf_counter() - shown_after)
    finally:
        writer.stdin.write(b"quit\n")
        await writer.stdin.drain()
        await writer.wait()
    return latencies, writes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    from sopreview.ui import follow

    interval = getattr(follow, "POLL_SECONDS", None)
    with tempfile.TemporaryDirectory() as tmp:
        result = load_sops(SOPS)
        path = Path(tmp) / "sessions" / "rapat.json"
        make_session(path, result.proposals, result.organisasi, FixedClock()).close()
        latencies, writes = asyncio.run(measure(path, args.rounds))
    median = statistics.median(latencies)
    print(f"follower latency over {len(latencies)} decisions: median {median * 1000:.0f} ms, "
          f"p95 {p95(latencies) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms")
    print(f"baseline, same run: one durable write acknowledged by the writer {statistics.median(writes) * 1000:.1f} ms"
          + (f"; follower poll interval {interval * 1000:.0f} ms (median/interval {median / interval:.2f}x)"
             if interval else ""))


if __name__ == "__main__":
    main()
