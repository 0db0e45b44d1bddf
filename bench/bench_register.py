"""Benchmark: tetapkan 1,000 adopted proposals; the Daftar SOP of 5,000 SOPs in every format.

    .venv/bin/python bench/bench_register.py [--proposals 1000] [--sops 5000] [--runs 3]

Each figure is a median and a ratio against reading the same folder in the same run
(``load_sops`` + the register side), so a loaded machine moves both alike. The apply is the
real one: staged files fsynced, plan renamed, renames in order, folders fsynced.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sopreview.domain.loader import load_sops  # noqa: E402
from sopreview.domain.records import proposal_hash  # noqa: E402
from sopreview.lifecycle.apply import SessionView, build_plan, execute  # noqa: E402
from sopreview.lifecycle.folder import read_folder  # noqa: E402
from sopreview.register.export import format_keys, render_register  # noqa: E402

SAMPLE = ROOT / "sops"


def median_time(fn: Callable[[], object], runs: int, setup: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def proposals_folder(target: Path, count: int) -> None:
    """The sample's proposals repeated to ``count`` files (revisions with their own file in force)."""
    shutil.copytree(SAMPLE, target)
    sources = sorted(p for p in SAMPLE.glob("*/*.yaml"))
    for path in sources:
        (target / path.relative_to(SAMPLE)).unlink()
    n = 0
    while n < count:
        for path in sources:
            if n >= count:
                break
            text = path.read_text(encoding="utf-8")
            first = next(line for line in text.splitlines() if line.startswith("nama: "))
            text = text.replace(first, f"{first} {n}", 1)
            slug = f"{path.stem}-{n}"
            if "sebelumnya: berlaku/" in text:
                old_name = text.split("sebelumnya: berlaku/", 1)[1].split()[0]
                old = (SAMPLE / path.parent.name / "berlaku" / old_name).read_text(encoding="utf-8")
                old_first = next(line for line in old.splitlines() if line.startswith("nama: "))
                old = old.replace(old_first, f"{old_first} {n}", 1)
                (target / path.parent.name / "berlaku" / f"{slug}.yaml").write_text(old, encoding="utf-8")
                text = text.replace(f"sebelumnya: berlaku/{old_name}", f"sebelumnya: berlaku/{slug}.yaml")
            (target / path.parent.name / f"{slug}.yaml").write_text(text, encoding="utf-8")
            n += 1


def in_force_folder(target: Path, count: int) -> None:
    """``count`` SOPs in force (the sample's files in force, renamed and renumbered), no proposals."""
    shutil.copytree(SAMPLE, target)
    for path in [*target.glob("*/*.yaml"), *target.glob("*/berlaku/*.yaml")]:
        path.unlink()
    sources = sorted(SAMPLE.glob("*/berlaku/*.yaml"))
    for n in range(count):
        path = sources[n % len(sources)]
        text = path.read_text(encoding="utf-8")
        nama = next(line for line in text.splitlines() if line.startswith("nama: "))
        nomor = next(line for line in text.splitlines() if line.startswith("nomor: "))
        text = text.replace(nama, f"{nama} {n}", 1).replace(nomor, f'nomor: "{n + 1:04d}/SOP/X/35.76/2020"', 1)
        (target / path.parent.parent.name / "berlaku" / f"{path.stem}-{n}.yaml").write_text(text, encoding="utf-8")


def read_everything(folder: Path) -> object:
    return load_sops(folder), read_folder(folder)


def bench_apply(tmp: Path, count: int, runs: int) -> None:
    source = tmp / "usulan"
    proposals_folder(source, count)
    loaded = load_sops(source)
    assert not loaded.errors, loaded.errors[:3]
    view = SessionView(name="rapat-bench", judul="Rapat bench", proposals=loaded.proposals,
                       decisions={p.id: ("disetujui", "") for p in loaded.proposals},
                       hashes={p.id: proposal_hash(p) for p in loaded.proposals}, perbaikan={})
    work = tmp / "kerja"

    def fresh() -> None:
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(source, work)

    def apply() -> None:
        plan = build_plan(view, work, "2022-06-20")
        assert not plan.refusals, plan.refusals[:3]
        execute(plan)

    read = median_time(lambda: read_everything(source), runs)
    total = median_time(apply, runs, fresh)
    plan_only = median_time(lambda: build_plan(view, work, "2022-06-20"), runs, fresh)
    fresh()
    apply()
    files = sum(1 for _ in work.rglob("*.yaml"))
    print(f"tetapkan {count} usulan disetujui: {total:.2f} s ({total / read:.1f}x membaca folder {read:.2f} s); "
          f"rencana saja {plan_only:.2f} s; {files} berkas YAML sesudahnya")


def bench_register(tmp: Path, count: int, runs: int) -> None:
    folder = tmp / "berlaku"
    in_force_folder(folder, count)
    read = median_time(lambda: read_everything(folder), runs)
    register = read_folder(folder).register()
    assert len(register.rows) == count
    build = median_time(lambda: read_folder(folder).register(), runs)
    print(f"daftar {count} SOP berlaku: membaca folder {read:.2f} s; membangun daftar {build:.2f} s "
          f"({build / read:.2f}x)")
    for fmt in format_keys():
        seconds = median_time(lambda fmt=fmt: render_register(register, fmt, "KPU Bench"), runs)
        size = len(render_register(register, fmt, "KPU Bench"))
        print(f"  {fmt:<4} {seconds:6.2f} s ({seconds / read:4.2f}x membaca folder), {size / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=1000)
    parser.add_argument("--sops", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        bench_apply(tmp, args.proposals, args.runs)
        bench_register(tmp, args.sops, args.runs)


if __name__ == "__main__":
    main()
