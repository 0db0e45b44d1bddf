"""Validate 1,000 proposals; print the time next to yaml.safe_load of the same files (same run).

Usage: python bench/bench_validate.py [--count 1000] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from sopreview.domain.loader import load_sops

REPO_SOPS = Path(__file__).resolve().parents[1] / "sops"


def make_agenda(root: Path, count: int) -> list[Path]:
    """Copy the sample meeting's proposals (and versions in force) until there are ``count``."""
    shutil.copytree(REPO_SOPS, root)
    samples = [p for p in sorted(root.rglob("*.yaml")) if "berlaku" not in p.parts and p.name != "organisasi.yaml"]
    made = list(samples)
    i = 0
    while len(made) < count:
        src = samples[i % len(samples)]
        text = src.read_text(encoding="utf-8")
        name = yaml.safe_load(text)["nama"]
        dst = src.with_name(f"{src.stem}-{i}.yaml")
        dst.write_text(text.replace(f"nama: {name}", f"nama: {name} {i}", 1), encoding="utf-8")
        made.append(dst)
        i += 1
    return sorted(root.rglob("*.yaml"))


def median_time(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "sops"
        files = make_agenda(root, args.count)
        result = load_sops(root)
        if result.errors or len(result.proposals) != args.count:
            print(f"unexpected: {len(result.proposals)} proposals, {len(result.errors)} errors", file=sys.stderr)
            return 1

        def baseline() -> None:
            for f in files:
                yaml.safe_load(f.read_text(encoding="utf-8"))

        def c_baseline() -> None:
            for f in files:
                yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        ours = median_time(lambda: load_sops(root), args.runs)
        plain = median_time(baseline, args.runs)
        plain_c = median_time(c_baseline, args.runs)
    print(f"files: {len(files)} ({args.count} proposals + versions in force), median of {args.runs} runs")
    print(f"{'sopreview validate (load_sops)':38} {ours * 1000:8.1f} ms")
    print(f"{'yaml.safe_load of the same files':38} {plain * 1000:8.1f} ms   ratio {ours / plain:5.2f}")
    print(f"{'yaml CSafeLoader of the same files':38} {plain_c * 1000:8.1f} ms   ratio {ours / plain_c:5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
