"""How fast the meeting app starts and follows the arrow keys, against a bare Textual app.

Baseline (measured in the same run, on the same machine): a bare Textual app whose only
widget is an OptionList of 1,000 items.

* Start: wall time from process start to the first painted agenda (the app writes the moment of
  its first frame outside Textual's start-up batch to SOPREVIEW_PAINT_STAMP and exits, when
  SOPREVIEW_EXIT_AFTER_PAINT=1; the bare app does the same), run in a pseudo-terminal of 120x36
  through the real CLI (`python -m sopreview open SESSION`), median of RUNS runs, for the
  14-proposal demo and a generated 1,000-proposal agenda. Targets: 1.5x and 2x the bare app.
* Key press: in-process ``run_test``, 50 presses of "down" with ``pilot.press`` + ``pause``;
  median wall time per press (and CPU time, which the pilot's idle waits do not blur) on the
  1,000-proposal agenda. Target: 1.2x the bare app.

Run: ``.venv/bin/python bench/bench_tui.py [--runs 7]``
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BARE_APP = """
import sys
from textual.app import App
from textual.widgets import OptionList

class List(OptionList):
    painted = False

    def render_lines(self, crop):
        lines = super().render_lines(crop)
        # Exit right after the first frame written to the terminal, by the rule sopreview uses
        # (ui/widgets/agenda.py): a frame rendered inside a batch update (app start-up) is not written.
        if not self.painted and not self.app._batch_count:
            self.painted = True
            self.app.call_later(stamp_and_exit, self.app)  # after the frame is written, as sopreview
        return lines

def stamp_and_exit(app):
    import os, time
    if os.environ.get("SOPREVIEW_PAINT_STAMP"):
        open(os.environ["SOPREVIEW_PAINT_STAMP"], "w").write(f"{time.time()!r} {time.process_time()!r}")
    app.exit()

class Bare(App):
    def compose(self):
        yield List(*[f"Usulan {i}" for i in range(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)])

Bare().run()
"""
"""A bare Textual app: an OptionList of N rows (argument, default 1,000) that stamps its first painted
frame by sopreview's rule and exits. bench_app.py starts it with the agenda's N."""

SOP_APP = "import sys; from sopreview.cli import main; sys.exit(main(['open', sys.argv[1]]))"


# -- data ----------------------------------------------------------------------------------------


def make_big_session(folder: Path, count: int = 1000) -> Path:
    """A session with ``count`` plausible proposals in 10 sub bagian (6 steps each)."""
    from sopreview.domain.header import MeetingMeta
    from sopreview.domain.model import Organisasi, Orang, Proposal, SopDocument, Step, SubBagian
    from sopreview.domain.vocab import item_kind_keys
    from sopreview.store.session import Session

    subbag = tuple(SubBagian(f"subbag-{k:02d}", f"Sub Bagian Contoh {k}", f"Kepala {k}") for k in range(10))
    organisasi = Organisasi("KPU Kota Contoh", subbag=subbag, orang=tuple(Orang(f"Pegawai {i}") for i in range(40)))
    proposals = []
    for i in range(count):
        sb = subbag[i * len(subbag) // count]
        steps = tuple(
            Step(n, f"Kegiatan {n} untuk layanan nomor {i}", "Staf" if n % 2 else "Kepala Sub Bagian",
                 kelengkapan="Formulir", waktu="15 menit", output=f"Hasil {n}")
            for n in range(1, 7)
        )
        doc = SopDocument(nama=f"SOP Layanan Administrasi Nomor {i:04d}", pelaksana=("Staf", "Kepala Sub Bagian"),
                          langkah=steps)
        jenis = item_kind_keys()[i % 3]
        proposals.append(Proposal(id=f"{sb.kode}/sop-{i:04d}", subbag=sb.kode, jenis=jenis, dokumen=doc,
                                  pengusul=sb.kepala, durasi_menit=10, sebelumnya=doc if jenis != "baru" else None,
                                  sampel=True))
    path = folder / "sessions" / "besar.json"
    Session.create(path, organisasi, proposals, meta=MeetingMeta(judul="Rapat besar", tanggal="2022-06-16")).close()
    return path


def make_demo_session(folder: Path) -> Path:
    from sopreview.demo import create_demo

    session, _result = create_demo(folder)
    session.close()
    return session.path


# -- start to first paint ------------------------------------------------------------------------


def run_to_paint(argv: list[str], env: dict[str, str], size: tuple[int, int] = (120, 36)) -> tuple[float, float]:
    """Seconds from process start to its first painted frame, and the CPU seconds the process had
    used by then (the app writes both to the file named by SOPREVIEW_PAINT_STAMP, then exits); the
    shutdown after it is not counted. CPU time is what a busy or shared machine disturbs least."""
    with tempfile.TemporaryDirectory(prefix="sopreview-paint-") as tmp:
        stamp = Path(tmp) / "painted"
        started = time.time()
        run_in_pty(argv, {**env, "SOPREVIEW_PAINT_STAMP": str(stamp)}, size)
        wall, cpu = (float(x) for x in stamp.read_text().split())
        return wall - started, cpu


def run_in_pty(argv: list[str], env: dict[str, str], size: tuple[int, int] = (120, 36)) -> float:
    """Seconds from process start to exit, in a pseudo-terminal of ``size`` whose output is drained."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))

    def drain() -> None:
        while True:
            try:
                if not os.read(master, 65536):
                    return
            except OSError:
                return

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, cwd=ROOT, close_fds=True)
    code = proc.wait(timeout=120)
    elapsed = time.perf_counter() - start
    os.close(slave)
    reader.join(timeout=5)
    os.close(master)
    if code != 0:
        raise RuntimeError(f"{argv} exited with {code}")
    return elapsed


def bench_env() -> dict[str, str]:
    """The environment the measured processes run in: a pty app that exits after its first
    paint, and .pyc files written (PYTHONDONTWRITEBYTECODE, set on some build machines, made
    every run compile each changed module again: not what a user's machine does)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"SOPREVIEW_EXIT_AFTER_PAINT": "1", "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)})
    return env


def startup_medians(sessions: dict[str, Path], runs: int) -> dict[str, float]:
    """Median wall seconds to the first paint per command."""
    env = bench_env()
    commands: dict[str, list[str]] = {"bare": [sys.executable, "-c", BARE_APP]}
    commands |= {name: [sys.executable, "-c", SOP_APP, str(path)] for name, path in sessions.items()}
    for argv in commands.values():  # warm the file cache and .pyc files once
        run_in_pty(argv, env)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):  # interleaved, so a busy moment hits every variant alike
        for name, argv in commands.items():
            times[name].append(run_to_paint(argv, env)[0])
    return {name: statistics.median(values) for name, values in times.items()}


# -- key presses ---------------------------------------------------------------------------------


async def _presses(app_factory: Callable[[], object], presses: int) -> tuple[float, float]:
    from textual.app import App

    app = app_factory()
    assert isinstance(app, App)
    walls: list[float] = []
    cpus: list[float] = []
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause(0.2)
        for _ in range(presses):
            wall, cpu = time.perf_counter(), time.process_time()
            await pilot.press("down")
            await pilot.pause()
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def keypress_medians(big: Path, presses: int) -> dict[str, tuple[float, float]]:
    from textual.app import App, ComposeResult
    from textual.widgets import OptionList

    from sopreview.ui.app import SopReviewApp

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield OptionList(*[f"Usulan {i}" for i in range(1000)])

    return {
        "bare": asyncio.run(_presses(Bare, presses)),
        "sopreview": asyncio.run(_presses(lambda: SopReviewApp(big, None), presses)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--presses", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sopreview-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        big = make_big_session(folder / "besar")
        print(f"sesi 1.000 usulan dibuat dalam {time.perf_counter() - t:.1f} s ({big.stat().st_size // 1024} KiB)")
        demo = make_demo_session(folder / "demo")
        start = startup_medians({"demo (14)": demo, "1.000 usulan": big}, args.runs)
        bare = start.pop("bare")
        print(f"\nMulai sampai tampilan pertama (median {args.runs} kali, pty 120x36):")
        print(f"  bare OptionList 1.000      {bare * 1000:7.0f} ms")
        for (name, value), target in zip(start.items(), (1.5, 2.0), strict=True):
            ratio = value / bare
            verdict = "OK" if ratio <= target else "MELEBIHI"
            print(f"  sopreview {name:<16} {value * 1000:7.0f} ms  {ratio:4.2f}x  (target {target}x: {verdict})")
        keys = keypress_medians(big, args.presses)
        (bare_wall, bare_cpu), (sop_wall, sop_cpu) = keys["bare"], keys["sopreview"]
        print(f"\nTombol panah bawah ({args.presses} kali, median per tekan, agenda 1.000 usulan):")
        print(f"  bare OptionList 1.000      {bare_wall * 1000:7.1f} ms  (CPU {bare_cpu * 1000:5.1f} ms)")
        ratio = sop_wall / bare_wall
        print(f"  sopreview                  {sop_wall * 1000:7.1f} ms  (CPU {sop_cpu * 1000:5.1f} ms)  "
              f"{ratio:4.2f}x  (target 1.2x: {'OK' if ratio <= 1.2 else 'MELEBIHI'}; CPU {sop_cpu / bare_cpu:4.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
