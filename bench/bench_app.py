"""Opening a proposal and switching its tab, against a bare Textual app with the same widgets.

One run, three agenda sizes (the 14-proposal demo, 1,000 and 10,000 generated proposals, see
``bench_tui.make_big_session``); every figure is a median paired with its baseline measured in
the same process on the same machine, printed as a ratio:

* open: ``open_proposal`` of a revision then ``pilot.pause()``, against pushing a bare screen
  with the same widget types (Static heading, TabbedContent of four TabPanes over
  VerticalScroll/Static, Footer) holding the same proposal's steps as a Rich table.
  Target 1.5x at 14 and 1,000.
* tab: key ``3`` (the flowchart) on the opened proposal, against switching the bare screen's
  TabbedContent to a pane of the same kind. Target 1.5x.

CPU time is printed beside the wall time: Pilot's idle waits blur wall time on a busy machine.

Run: ``.venv/bin/python bench/bench_app.py [--runs 7] [--sizes 14,1000,10000]``
(10,000 uses at most 3 runs, so one run of the whole bench stays under about 3 minutes.)
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
sys.path.insert(0, str(ROOT / "bench"))

from bench_tui import make_big_session, make_demo_session  # noqa: E402

Sample = tuple[float, float]
"""(wall seconds, CPU seconds)"""


def _median(samples: list[Sample]) -> Sample:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


async def _timed(pilot: object, act: object) -> Sample:
    wall, cpu = time.perf_counter(), time.process_time()
    act()  # type: ignore[operator]
    await pilot.pause()  # type: ignore[attr-defined]
    return time.perf_counter() - wall, time.process_time() - cpu


async def measure_sopreview(path: Path, runs: int) -> tuple[Sample, Sample]:
    from sopreview.ui.app import SopReviewApp

    app = SopReviewApp(path, None)
    opens: list[Sample] = []
    tabs: list[Sample] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        revisions = [p.id for p in session.proposals() if p.sebelumnya is not None]
        for i in range(runs + 1):  # the first opening imports the screen's modules: not counted
            pid = revisions[(i * 7) % len(revisions)]
            opened = await _timed(pilot, lambda pid=pid: app.open_proposal(pid))
            tab = await _timed(pilot, lambda: app.screen.action_tab("flowchart"))  # type: ignore[attr-defined]
            if i:
                opens.append(opened)
                tabs.append(tab)
            app.pop_screen()
            await pilot.pause()
    return _median(opens), _median(tabs)


async def measure_bare(path: Path, runs: int) -> tuple[Sample, Sample]:
    from rich.table import Table
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.screen import Screen
    from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane

    from sopreview.store.session import Session

    session = Session.open(path, readonly=True)
    proposals = [p for p in session.proposals() if p.sebelumnya is not None]
    session.close()

    class BareProposal(Screen[None]):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.proposal = proposals[index % len(proposals)]

        def compose(self) -> ComposeResult:
            doc = self.proposal.dokumen
            table = Table(expand=True, show_lines=True)
            for name in ("No", "Kegiatan", "Pelaksana"):
                table.add_column(name)
            for step in doc.langkah:
                table.add_row(str(step.nomor), step.kegiatan, step.pelaksana)
            yield Static(doc.nama)
            with TabbedContent(initial="a"):
                for tab in ("a", "b", "c", "d"):
                    with TabPane(tab.upper(), id=tab):
                        with VerticalScroll():
                            yield Static(table)
            yield Footer()

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*[p.nama for p in proposals[:1000]])
            yield Footer()

    app = Bare()
    opens: list[Sample] = []
    tabs: list[Sample] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        for i in range(runs + 1):
            opened = await _timed(pilot, lambda i=i: app.push_screen(BareProposal(i * 7)))
            tab = await _timed(pilot, lambda: setattr(app.screen.query_one(TabbedContent), "active", "c"))
            if i:
                opens.append(opened)
                tabs.append(tab)
            app.pop_screen()
            await pilot.pause()
    return _median(opens), _median(tabs)


def _line(what: str, ours: Sample, bare: Sample, target: float) -> str:
    ratio = ours[0] / bare[0]
    verdict = "OK" if ratio <= target else "MELEBIHI"
    return (f"  {what:<22} {ours[0] * 1000:7.0f} ms (CPU {ours[1] * 1000:5.0f})  bare {bare[0] * 1000:6.0f} ms "
            f"(CPU {bare[1] * 1000:5.0f})  {ratio:4.2f}x  CPU {ours[1] / max(bare[1], 1e-9):4.2f}x  "
            f"(target {target}x: {verdict})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", default="14,1000,10000")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sopreview-bench-app-") as tmp:
        for size in (int(x) for x in args.sizes.split(",")):
            folder = Path(tmp) / str(size)
            t = time.perf_counter()
            path = make_demo_session(folder) if size <= 14 else make_big_session(folder, size)
            runs = args.runs if size < 10000 else min(args.runs, 3)
            print(f"\n{size} usulan (sesi dibuat dalam {time.perf_counter() - t:.1f} s; median {runs} kali):")
            bare_open, bare_tab = asyncio.run(measure_bare(path, runs))
            open_, tab = asyncio.run(measure_sopreview(path, runs))
            print(_line("buka usulan", open_, bare_open, 1.5))
            print(_line("pindah ke tab 3", tab, bare_tab, 1.5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
