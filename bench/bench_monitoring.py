"""Benchmark (issue 14): a register of 5,000 SOPs in force with 10 monitorings each.

    .venv/bin/python bench/bench_monitoring.py [--sops 5000] [--records 10] [--runs 3]

Each figure is a median and a ratio against loading the SOP files in the same run
(``read_folder``: every file in force parsed), so a loaded machine moves both alike:
- the due list (``daftar --due``: the monitoring log read, the last record per SOP, due dates),
- one SOP's history as the app shows it (``evidence_for``: the two logs only) and as ``riwayat``
  prints it (which reads the folder for the versions),
- appending one record to the 50,000-line log vs to an empty one (write cost must stay flat).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_register import in_force_folder, median_time  # noqa: E402

from sopreview.domain.evaluation import evaluation_item  # noqa: E402
from sopreview.domain.monitoring import add_months, build_record, due_list  # noqa: E402
from sopreview.lifecycle import evidence  # noqa: E402
from sopreview.lifecycle.folder import monitored_sops, read_folder  # noqa: E402
from sopreview.lifecycle.history import history_lines, sop_history  # noqa: E402
from sopreview.store.monitoring import MONITORING_FILE, append_record, latest_records, read_log  # noqa: E402


def write_log(folder: Path, per_sop: int) -> int:
    """``per_sop`` monitorings of every SOP in force, six months apart, one step failing in three."""
    lines = []
    for sop in read_folder(folder).in_force:
        day = dt.date(2018, 1, 15)
        for k in range(per_sop):
            failing = [s.nomor for s in sop.dokumen.langkah if (s.nomor + k) % 3 == 0]
            record = build_record(sop.sop_id, sop.dokumen, day.isoformat(), "Penilai Bench", failing,
                                  {n: "tidak sesuai jadwal" for n in failing}, {}, f"{day.isoformat()}T10:00:00+07:00")
            lines.append(json.dumps(record.to_dict(), ensure_ascii=False, separators=(",", ":")))
            day = add_months(day, 6)
    path = folder / MONITORING_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sops", type=int, default=5000)
    parser.add_argument("--records", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name) / "sops"
        in_force_folder(folder, args.sops)
        count = write_log(folder, args.records)
        size = (folder / MONITORING_FILE).stat().st_size
        today = dt.date(2023, 3, 1)

        load = median_time(lambda: read_folder(folder), args.runs)
        loaded = read_folder(folder)

        def due() -> int:
            latest = {r.sop: r for r in latest_records(folder).records}
            return len(due_list(monitored_sops(loaded), latest, today, loaded.monitoring_months))

        due_s = median_time(due, args.runs)
        due_n = due()
        log_s = median_time(lambda: read_log(folder), args.runs)
        sop = loaded.in_force[len(loaded.in_force) // 2]
        item = evaluation_item(sop)

        def app_history() -> object:
            evidence._CACHE.clear()  # the cold case: nothing read yet
            return evidence.evidence_for(folder, item)

        app_s = median_time(app_history, args.runs)
        found = app_history()
        assert found is not None and len(found.points) == args.records
        riwayat_s = median_time(lambda: history_lines(sop_history(folder, sop.sop_id)), args.runs)

        record = build_record(sop.sop_id, sop.dokumen, "2023-03-01", "Penilai Bench", [], {}, {})
        append_record(folder, record)  # the first fsync flushes the freshly written log: not an append's cost
        full = median_time(lambda: append_record(folder, record), args.runs)
        empty_dir = Path(name) / "kosong"
        empty_dir.mkdir()

        def fresh() -> None:
            (empty_dir / MONITORING_FILE).unlink(missing_ok=True)

        first = median_time(lambda: append_record(empty_dir, record), args.runs, fresh)

        print(f"{args.sops} SOP berlaku, {count} catatan monitoring ({size / 1e6:.1f} MB log)")
        print(f"  memuat berkas SOP (read_folder)          {load:7.3f} s  (1.00x)")
        print(f"  daftar jatuh tempo ({due_n} SOP)           {due_s:7.3f} s  ({due_s / load:.3f}x); seluruh log diperiksa "
              f"{log_s:.3f} s ({log_s / load:.3f}x)")
        print(f"  riwayat satu SOP di aplikasi (dua log)   {app_s:7.3f} s  ({app_s / load:.3f}x)")
        print(f"  sopreview riwayat satu SOP (folder+log)  {riwayat_s:7.3f} s  ({riwayat_s / load:.3f}x)")
        print(f"  catat satu monitoring: log {count} baris {full * 1000:.1f} ms, log kosong {first * 1000:.1f} ms "
              f"({full / first:.2f}x)")


if __name__ == "__main__":
    main()
