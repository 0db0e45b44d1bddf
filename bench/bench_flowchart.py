"""Benchmark: a 60-step, 8-actor flowchart against a plain DataTable of the same steps.

Measured in the same run so the ratio means something on any machine:
  1. layout only: ``layout_flowchart`` (pure Python) at 80 and 160 columns;
  2. app: mount the widget in a 160x45 app, paint it, scroll to the end and paint again,
     for ``FlowchartView`` and for a ``DataTable`` with the same rows.
Run: ``.venv/bin/python bench/bench_flowchart.py [--repeat N]``; prints medians.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable

from textual.app import App, ComposeResult
from textual.widgets import DataTable

from sopreview.domain.flowchart.layout import layout_flowchart
from sopreview.domain.model import SopDocument, Step
from sopreview.ui.widgets.flowchart import FlowchartView

ACTORS = tuple(
    f"{jabatan} {unit}"
    for jabatan, unit in [
        ("Staf", "Persuratan"), ("Kepala Sub Bagian", "Keuangan, Umum dan Logistik"), ("Sekretaris", "KPU"),
        ("Ketua", "KPU"), ("Anggota", "KPU Divisi Hukum"), ("Bendahara", "Pengeluaran"),
        ("Operator", "SIDALIH"), ("Arsiparis", "Unit Kearsipan"),
    ]
)


def big_sop(steps: int = 60) -> SopDocument:
    """Every 7th step is a decision going back 3 steps (Tidak) or on (Ya); every 11th skips ahead."""
    langkah = []
    for n in range(1, steps + 1):
        actor = ACTORS[(n * 3) % len(ACTORS)]
        text = f"Langkah {n}: memeriksa dan menindaklanjuti berkas permohonan sesuai ketentuan yang berlaku"
        if n == 1:
            langkah.append(Step(n, text, actor, simbol="mulai", waktu="5 menit"))
        elif n == steps:
            langkah.append(Step(n, text, actor, simbol="selesai"))
        elif n % 7 == 0:
            langkah.append(Step(n, text, actor, simbol="keputusan", keputusan=(("Ya", n + 1), ("Tidak", n - 3))))
        elif n % 11 == 0 and n + 3 < steps:
            langkah.append(Step(n, text, actor, lanjut=n + 3, kelengkapan="Berkas", output="Nota dinas"))
        else:
            langkah.append(Step(n, text, actor, kelengkapan="Berkas permohonan", waktu="10 menit", output="Berkas"))
    return SopDocument(nama="SOP Uji Besar", pelaksana=ACTORS, langkah=tuple(langkah))


class FlowApp(App[None]):
    def __init__(self, doc: SopDocument) -> None:
        super().__init__()
        self.doc = doc

    def compose(self) -> ComposeResult:
        yield FlowchartView(self.doc)


class TableApp(App[None]):
    def __init__(self, doc: SopDocument) -> None:
        super().__init__()
        self.doc = doc

    def compose(self) -> ComposeResult:
        yield DataTable()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("No", "Kegiatan", "Pelaksana", "Kelengkapan", "Waktu", "Output")
        for s in self.doc.langkah:
            table.add_row(str(s.nomor), s.kegiatan, s.pelaksana, s.kelengkapan, s.waktu, s.output)


def time_app(make: Callable[[], App[None]]) -> float:
    async def run() -> float:
        start = time.perf_counter()
        app = make()
        app.animation_level = "none"  # End jumps instead of animating (textual's scroll animation is ~1 s)
        async with app.run_test(size=(160, 45)) as pilot:
            await pilot.pause()
            await pilot.press("end")
            await pilot.pause()
        return time.perf_counter() - start

    return asyncio.run(run())


def median_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    doc = big_sop()
    grid = layout_flowchart(doc, 160)
    print(f"SOP: {len(doc.langkah)} langkah, {len(doc.pelaksana)} pelaksana -> grid {grid.lebar}x{len(grid.lines)}")
    layout80 = median_of(args.repeat * 3, lambda: layout_flowchart(doc, 80))
    layout160 = median_of(args.repeat * 3, lambda: layout_flowchart(doc, 160))
    time_app(lambda: TableApp(doc))  # warm imports and caches once for both
    flow_times, table_times = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        flow_times.append(time_app(lambda: FlowApp(doc)))
        table_times.append(time_app(lambda: TableApp(doc)))
    flow, table = statistics.median(flow_times), statistics.median(table_times)
    print(f"layout_flowchart  80 cols : {layout80 * 1000:8.1f} ms (median of {args.repeat * 3})")
    print(f"layout_flowchart 160 cols : {layout160 * 1000:8.1f} ms (median of {args.repeat * 3})")
    print(f"FlowchartView app (mount, paint, End, paint) : {flow * 1000:8.1f} ms (median of {args.repeat})")
    print(f"DataTable app     (mount, paint, End, paint) : {table * 1000:8.1f} ms (median of {args.repeat})")
    print(f"ratio flowchart / DataTable                  : {flow / table:8.2f}x")


if __name__ == "__main__":
    main()
