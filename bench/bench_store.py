"""What a durable write costs at 14 / 1,000 / 10,000 proposals, each next to a baseline of the same run.

Run: ``.venv/bin/python bench/bench_store.py [--sizes 14,1000,10000] [--new-sizes 1000] [--samples 60]``

* **one recorded change** (``record_decision`` in-process, durable when it returns) vs **one
  fsynced append** of a line of the same length to a file in the same folder. The two are
  interleaved (A, B, A, B ...) so a busy disk slows both alike. Target: ≤ 3×, flat across sizes.
  Navigation (``set_current``) is shown beside it.
* **compaction**: what the occasional rewrite of the state file costs (at close, or when the
  journal outgrows the state), and how often it happens in the run.
* **TinyDB's update** of one document in the item table (in memory, no disk) vs setting the
  field in the dict: why the session no longer writes through TinyDB.
* **``record`` via the CLI** (a fresh process: start, open, one change, close) vs a fresh
  process that only starts Python and imports json, and vs the old single-file way (a fresh
  process that loads, dumps and fsyncs the whole session including the snapshot).
* **``new``** (``sopreview new`` in-process: read ``sops/``, build the agenda, write the session)
  vs parsing the same YAML files with libyaml's CSafeLoader + one JSON dump + fsync. Target ≤ 2×.

Medians; the machine's load average is printed so the numbers can be read in context.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_tui import bench_env, make_big_session  # noqa: E402
from bench_validate import make_agenda  # noqa: E402

from sopreview.domain.vocab import decision_keys  # noqa: E402
from sopreview.store.session import Session  # noqa: E402


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def make_session(folder: Path, size: int) -> Path:
    if size <= 14:
        from sopreview.demo import create_demo

        session, _result = create_demo(folder)
        session.close()
        return session.path
    return make_big_session(folder, size)


# -- one recorded change vs one fsynced append ---------------------------------------------------


def change_vs_append(path: Path, samples: int) -> dict[str, float]:
    session = Session.open(path)
    ids = [p.id for p in session.proposals()]
    journal = path.with_name("baseline.jsonl")
    line_len = [200]
    change, append, navigate = [], [], []
    with open(journal, "ab") as handle:
        def one_change(i: int) -> None:
            keputusan = decision_keys()[i % len(decision_keys())]
            session.record_decision(ids[i % len(ids)], keputusan, f"catatan keputusan nomor {i}")

        def one_append(i: int) -> None:
            handle.write(b"x" * (line_len[0] - 1) + b"\n")
            handle.flush()
            os.fsync(handle.fileno())

        for i in range(5):  # warm up both
            one_change(i), one_append(i)
        for i in range(samples):
            before = path.with_name(path.stem + ".audit.jsonl").stat().st_size
            change.append(timed(lambda: one_change(i + 5)))
            line_len[0] = max(1, path.with_name(path.stem + ".audit.jsonl").stat().st_size - before)
            append.append(timed(lambda: one_append(i)))
            navigate.append(timed(lambda: session.set_current(ids[(i * 7) % len(ids)])))
    compactions = session._storage._compactions
    close = timed(session.close)
    return {"change": median_ms(change), "append": median_ms(append), "navigate": median_ms(navigate),
            "line": line_len[0], "compactions": compactions, "close": close * 1000,
            "state": path.stat().st_size, "snapshot": path.with_name(path.stem + ".usulan.jsonl").stat().st_size}


def tinydb_update_vs_dict(size: int, samples: int) -> tuple[float, float]:
    from tinydb import TinyDB
    from tinydb.storages import MemoryStorage

    db = TinyDB(storage=MemoryStorage)
    table = db.table("item", cache_size=0)
    ids = table.insert_multiple({"pid": f"p{i}", "catatan": "", "jam": [], "keputusan": None} for i in range(size))
    raw = db.storage.read()["item"]
    via_tinydb = [timed(lambda i=i: table.update({"catatan": f"n{i}"}, doc_ids=[ids[i % size]]))
                  for i in range(samples)]
    direct = [timed(lambda i=i: raw[str(ids[i % size])].__setitem__("catatan", f"n{i}")) for i in range(samples)]
    return median_ms(via_tinydb), median_ms(direct)


# -- record via the CLI --------------------------------------------------------------------------


def run_process(argv: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=bench_env())
    return time.perf_counter() - t0


OLD_WAY = """
import json, os, sys
from pathlib import Path
state, snap = Path(sys.argv[1]), Path(sys.argv[2])
data = json.loads(state.read_text())
data["agenda"] = [json.loads(line) for line in snap.read_text().splitlines()]
out = state.with_name("oldway.json")
with open(out, "w") as handle:
    json.dump(data, handle)
    handle.flush()
    os.fsync(handle.fileno())
"""


def record_cli(path: Path, runs: int) -> dict[str, float]:
    with Session.open(path, readonly=True) as r:
        ids = [p.id for p in r.heads()]
    python = sys.executable
    snapshot = path.with_name(path.stem + ".usulan.jsonl")
    ours, bare, old = [], [], []
    run_process([python, "-m", "sopreview", "record", "note", str(path), ids[0], "pemanasan"], path.parent)  # .pyc
    for i in range(runs):
        ours.append(run_process([python, "-m", "sopreview", "record", "note", str(path), ids[i % len(ids)],
                                 f"catatan {i}"], path.parent))
        bare.append(run_process([python, "-c", "import json"], path.parent))
        old.append(run_process([python, "-c", OLD_WAY, str(path), str(snapshot)], path.parent))
    return {"ours": median_ms(ours), "bare": median_ms(bare), "old": median_ms(old)}


# -- new ------------------------------------------------------------------------------------------


def new_vs_parse(folder: Path, size: int, runs: int) -> dict[str, float]:
    import yaml

    from sopreview.cli import main as cli_main

    sops = folder / f"sops-{size}"
    files = make_agenda(sops, size)
    ours, base = [], []
    for run in range(runs):
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = [0]
            target = str(folder / "sessions" / f"baru-{size}-{run}.json")
            t = timed(lambda: code.__setitem__(0, cli_main(["new", target, "--sops", str(sops)])))
        if code[0] != 0:
            raise SystemExit(f"sopreview new failed (exit {code[0]})")
        ours.append(t)

        def baseline() -> None:
            parsed = [yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for p in files]
            out = folder / "baseline-new.json"
            with open(out, "w", encoding="utf-8") as handle:
                json.dump(parsed, handle)
                handle.flush()
                os.fsync(handle.fileno())
        base.append(timed(baseline))
    return {"ours": median_ms(ours), "base": median_ms(base), "files": len(files)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="14,1000,10000")
    parser.add_argument("--new-sizes", default="1000", help="agenda sizes for `new` (10000 takes minutes)")
    parser.add_argument("--samples", type=int, default=60, help="changes timed per size")
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument("--new-runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    new_sizes = [int(s) for s in args.new_sizes.split(",") if s]
    print(f"load average at start: {os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)")
    with tempfile.TemporaryDirectory(dir=ROOT / "bench") as tmp:
        folder = Path(tmp)
        print("\none recorded change (in-process, durable on return) vs one fsynced append of the same length")
        print(f"{'usulan':>7} | {'change':>9} | {'append':>9} | {'ratio':>6} | {'navigate':>9} | line | "
              "compactions | close (rewrite) | state / snapshot file")
        paths = {}
        for size in sizes:
            paths[size] = make_session(folder / f"n{size}", size)
            r = change_vs_append(paths[size], args.samples)
            print(f"{size:>7} | {r['change']:6.2f} ms | {r['append']:6.2f} ms | {r['change'] / r['append']:5.2f}x | "
                  f"{r['navigate']:6.2f} ms | {r['line']:>4} | {r['compactions']:>11} | {r['close']:12.0f} ms | "
                  f"{r['state'] / 1e6:.2f} / {r['snapshot'] / 1e6:.2f} MB")
        print("\nTinyDB update of one item document (memory only) vs setting the field in the dict")
        for size in sizes:
            t_db, t_dict = tinydb_update_vs_dict(size, 200)
            print(f"{size:>7} items | TinyDB {t_db:8.3f} ms | dict {t_dict * 1000:6.2f} µs")
        print("\n`record note` via the CLI (fresh process each) vs a bare `python -c 'import json'` and vs the old "
              "single-file way (load + dump + fsync of state and snapshot)")
        for size in sizes:
            c = record_cli(paths[size], args.cli_runs)
            print(f"{size:>7} | record {c['ours']:7.0f} ms | bare python {c['bare']:6.0f} ms "
                  f"({c['ours'] / c['bare']:.2f}x) | old way {c['old']:7.0f} ms ({c['ours'] / c['old']:.2f}x)")
        print("\n`new` in-process vs CSafeLoader of the same YAML + json dump + fsync")
        for size in new_sizes:
            n = new_vs_parse(folder, size, args.new_runs)
            print(f"{size:>7} ({n['files']} files) | new {n['ours']:8.0f} ms | baseline {n['base']:7.0f} ms | "
                  f"{n['ours'] / n['base']:.2f}x")
    print(f"\nload average at end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
