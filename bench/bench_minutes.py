"""Benchmark: export a 1,000-proposal session to every format, against loading it.

    .venv/bin/python bench/bench_minutes.py [--proposals 1000] [--runs 5]

Prints medians. Targets (issue 6): Markdown, HTML and CSV within 3x of loading the
session in the same run; DOCX under 5 s. Also prints where the time goes (the minutes
model with and without the change summaries of revisions) so a miss can be traced.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sopreview.domain.loader import load_sops  # noqa: E402
from sopreview.domain.vocab import decision_keys  # noqa: E402
from sopreview.minutes.formats import format_keys
from sopreview.minutes.export import export_minutes  # noqa: E402
from sopreview.minutes.build import build_minutes  # noqa: E402
from sopreview.store.session import Session  # noqa: E402

TEXT_TARGET_RATIO = 3.0
DOCX_TARGET_SECONDS = 5.0


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextlib.contextmanager
def batched(session: Session) -> Iterator[None]:
    """Setup in one batch where the store offers one; since issue 17 a change is one journal
    line, so the public API is fast enough without."""
    batch = getattr(session, "batch", None)
    with (batch() if batch else contextlib.nullcontext()):
        yield


def build_session(path: Path, count: int) -> Session:
    """The sample meeting's proposals repeated to ``count``, with decisions, evaluations, notes, actions."""
    result = load_sops(ROOT / "sops")
    if result.organisasi is None or not result.proposals:
        raise SystemExit("sops/ tidak berisi data contoh yang bisa dimuat")
    base = result.proposals
    proposals = [
        replace(p, id=f"{p.id}-{n // len(base)}", dokumen=replace(p.dokumen, nama=f"{p.nama} {n // len(base)}"))
        for n, p in ((n, base[n % len(base)]) for n in range(count))
    ]
    session = Session.create(path, result.organisasi, proposals)
    with batched(session):
        for n, p in enumerate(proposals):
            if n % 10 == 9:
                continue  # every tenth stays undecided
            keputusan = decision_keys()[n % len(decision_keys())]
            session.record_decision(p.id, keputusan, "" if keputusan == "disetujui" else f"Catatan rapat {n}.")
            if n % 3 == 0 and p.jenis != "baru":  # a new SOP has never been applied (issue 9)
                session.record_evaluation(p.id, {f"k{k}": (n + k) % 4 != 0 for k in range(1, 8)}, "Catatan.", "")
            if n % 4 == 0:
                session.set_notes(p.id, f"Pembahasan usulan {n}.\nPeserta sepakat.")
            if n % 5 == 0:
                session.add_action(p.id, f"Perbaikan usulan {n}", p.pengusul or "Sekretariat", "2022-06-30")
        for orang in session.people():
            session.set_attendance(orang.nama, "hadir")
    return session


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-minutes-") as tmp:
        folder = Path(tmp)
        path = folder / "besar.json"
        start = time.perf_counter()
        build_session(path, args.proposals).close()
        setup = time.perf_counter() - start

        def load() -> None:
            Session.open(path, readonly=True).close()

        load_s = median_time(load, args.runs)
        session = Session.open(path, readonly=True)
        revisions = sum(1 for p in session.proposals() if p.is_revision)
        results = {
            fmt: median_time(lambda fmt=fmt: export_minutes(session, fmt, folder / f"notulen.{fmt}"), args.runs)
            for fmt in format_keys()
        }
        model_plain = median_time(lambda: build_minutes(session, perubahan=False), args.runs)
        model_full = median_time(lambda: build_minutes(session), max(1, args.runs // 2))
        sizes = {fmt: (folder / f"notulen.{fmt}").stat().st_size for fmt in format_keys()}
        session.close()
        file_mb = path.stat().st_size / 1e6

    print(f"minutes bench: {args.proposals} proposals ({revisions} revisions), session file {file_mb:.1f} MB, "
          f"setup {setup:.1f} s, medians of {args.runs} runs")
    print(f"  {'load session (baseline)':30s} {load_s:8.3f} s   1.0x")
    ok = True
    for fmt, seconds in results.items():
        ratio = seconds / load_s
        if fmt == "docx":
            met = seconds < DOCX_TARGET_SECONDS
            target = f"target < {DOCX_TARGET_SECONDS:.0f} s"
        else:
            met = ratio <= TEXT_TARGET_RATIO
            target = f"target <= {TEXT_TARGET_RATIO:.0f}x"
        ok &= met
        print(f"  {'export ' + fmt:30s} {seconds:8.3f} s {ratio:5.1f}x  {target:16s} "
              f"{'ok' if met else 'MISSED'}   ({sizes[fmt] / 1e6:.2f} MB)")
    print(f"  {'  minutes model, no changes':30s} {model_plain:8.3f} s {model_plain / load_s:5.1f}x")
    print(f"  {'  minutes model, with changes':30s} {model_full:8.3f} s {model_full / load_s:5.1f}x"
          f"   ({revisions} revision summaries read from the session's snapshot)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
