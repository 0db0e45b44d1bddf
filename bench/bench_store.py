"""Cost of one durable session write, and how it grows with the number of recorded changes.

Run: ``.venv/bin/python bench/bench_store.py [--quick]``

200 proposals (14 steps each, half with a version in force), decisions recorded one after
another. At 100, 1,000 and 5,000 recorded changes it times the next writes and prints the
median next to two baselines measured in the same run on the same data:

* ``tinydb JSONStorage``: plain TinyDB, the audit log as a table in the same file. It re-parses
  the file on every operation and rewrites it in place (fsync, but not atomic).
* ``atomic, log in file``: sopreview's DurableStorage with the audit log as a table inside the
  session file (what the journal replaces): atomic and cached, but every write re-serialises
  and rewrites the whole log.

Target: median durable write < 20 ms at 1,000 recorded changes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB  # noqa: E402
from tinydb.storages import JSONStorage  # noqa: E402

from sopreview.domain.vocab import decision_keys  # noqa: E402
from sopreview.domain.model import Organisasi, Orang, Proposal, SopDocument, Step, SubBagian  # noqa: E402
from sopreview.store.session import Session  # noqa: E402
from sopreview.store.storage import DurableStorage  # noqa: E402

N_PROPOSALS = 200
CHECKPOINTS = (100, 1000, 5000)


def proposal(n: int) -> Proposal:
    steps = tuple(Step(nomor=i, kegiatan=f"Memeriksa kelengkapan berkas permohonan tahap {i} ({n})",
                       pelaksana=("Staf Pelaksana", "Kasubbag", "Sekretaris")[i % 3],
                       kelengkapan="Formulir permohonan, KTP, surat pengantar", waktu="15 menit",
                       output="Berkas lengkap", keterangan="Dicatat dalam buku agenda",
                       simbol="mulai" if i == 1 else "selesai" if i == 14 else "proses") for i in range(1, 15))
    doc = SopDocument(nama=f"SOP Contoh Nomor {n}", nomor=f"{n}/SOP/KPU/2022", revisi_ke=1,
                      dasar_hukum=("UU No. 7 Tahun 2017 tentang Pemilihan Umum", "PermenPANRB No. 35 Tahun 2012"),
                      kualifikasi_pelaksana=("Memahami tata naskah dinas",), peralatan=("Komputer", "Printer"),
                      peringatan=("Berkas tidak lengkap dikembalikan",), pencatatan=("Buku agenda",),
                      pelaksana=("Staf Pelaksana", "Kasubbag", "Sekretaris"), langkah=steps)
    return Proposal(id=f"subbag-{n % 4}/sop-{n:03d}", subbag=f"subbag-{n % 4}", jenis="perubahan" if n % 2 else "baru",
                    dokumen=doc, ringkasan="Ringkasan usulan " * 5, alasan="Menyesuaikan peraturan terbaru",
                    sebelumnya=doc if n % 2 else None, sumber=f"sop-{n:03d}.yaml")


ORGANISASI = Organisasi(nama="KPU Kota Contoh", subbag=tuple(SubBagian(f"subbag-{i}", f"Sub Bagian {i}")
                                                            for i in range(4)),
                        orang=tuple(Orang(f"Peserta {i}", "Staf") for i in range(30)))


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(step: Callable[[int], None], start: int, count: int) -> list[float]:
    out = []
    for i in range(start, start + count):
        t0 = time.perf_counter()
        step(i)
        out.append(time.perf_counter() - t0)
    return out


def note(i: int) -> str:
    return f"Catatan keputusan nomor {i}: perbaiki langkah 3 dan 7, lengkapi dasar hukum."


def run_session(folder: Path, proposals: list[Proposal], sample: int) -> dict[int, tuple[float, int]]:
    ids = [p.id for p in proposals]
    session = Session.create(folder / "bench.json", ORGANISASI, proposals)

    def step(i: int) -> None:
        session.record_decision(ids[i % len(ids)], decision_keys()[1 + i % 4], note(i))

    results, done = {}, 1
    for checkpoint in CHECKPOINTS:
        for i in range(done, checkpoint):
            step(i)
        done = checkpoint
        samples = timed(step, done, sample)
        done += sample
        size = (folder / "bench.json").stat().st_size + (folder / "bench.audit.jsonl").stat().st_size
        results[checkpoint] = (median_ms(samples), size)
    session.close()
    return results


def run_tinydb(path: Path, proposals: list[Proposal], sample: int, durable: bool) -> dict[int, tuple[float, int]]:
    """The same tables in one TinyDB file, the audit log as a table in it."""
    ids = [p.id for p in proposals]
    db = TinyDB(storage=lambda: DurableStorage(path, create=True)) if durable else TinyDB(path, storage=JSONStorage)
    db.table("agenda").insert_multiple({"pid": p.id, "data": p.to_dict()} for p in proposals)
    items = db.table("item")
    doc_ids = items.insert_multiple({"pid": pid, "keputusan": None} for pid in ids)
    audit = db.table("audit")

    def step(i: int) -> None:
        decision = {"keputusan": decision_keys()[1 + i % 4], "catatan": note(i), "waktu": "2022-06-16T09:00:00+07:00"}
        if durable:
            with db.storage.batch():  # type: ignore[attr-defined]
                items.update({"keputusan": decision}, doc_ids=[doc_ids[i % len(ids)]])
                audit.insert({"seq": i, "aksi": "keputusan", "target": ids[i % len(ids)], "lama": None,
                              "baru": decision})
        else:  # plain TinyDB: two operations, each re-reads and rewrites the file
            items.update({"keputusan": decision}, doc_ids=[doc_ids[i % len(ids)]])
            audit.insert({"seq": i, "aksi": "keputusan", "target": ids[i % len(ids)], "lama": None,
                          "baru": decision})

    for i in range(len(ids)):  # every item decided once, so the files are the same size as ours
        decision = {"keputusan": decision_keys()[1 + i % 4], "catatan": note(i), "waktu": "2022-06-16T09:00:00+07:00"}
        items.update({"keputusan": decision}, doc_ids=[doc_ids[i]])
    results, done = {}, 1
    for checkpoint in CHECKPOINTS:
        # Fill the log up to the checkpoint in one operation: only its length matters here.
        audit.insert_multiple({"seq": i, "aksi": "keputusan", "target": ids[i % len(ids)], "lama": None,
                               "baru": {"keputusan": decision_keys()[1 + i % 4], "catatan": note(i)}}
                              for i in range(done, checkpoint))
        done = checkpoint
        samples = timed(step, done, sample)
        done += sample
        results[checkpoint] = (median_ms(samples), path.stat().st_size)
    db.close()
    return results


def bak_cost(folder: Path, proposals: list[Proposal], sample: int) -> tuple[float, float]:
    """Median write with the hardlink .bak rotation, and with it switched off, interleaved."""
    ids = [p.id for p in proposals]
    session = Session.create(folder / "bak.json", ORGANISASI, proposals)
    rotate = DurableStorage._rotate_bak
    with_bak, without = [], []
    for i in range(2 * sample):
        off = i % 2 == 1
        if off:
            DurableStorage._rotate_bak = lambda self: None  # type: ignore[method-assign]
        t0 = time.perf_counter()
        session.record_decision(ids[i % len(ids)], decision_keys()[1 + i % 4], note(i))
        (without if off else with_bak).append(time.perf_counter() - t0)
        DurableStorage._rotate_bak = rotate  # type: ignore[method-assign]
    session.close()
    return median_ms(with_bak), median_ms(without)


def fsync_probe(folder: Path, count: int = 30) -> float:
    """What one fsync costs on this disk right now (a shared disk makes it vary a lot)."""
    samples = []
    with open(folder / "probe", "wb") as handle:
        for _ in range(count):
            handle.write(b"x" * 100)
            handle.flush()
            t0 = time.perf_counter()
            os.fsync(handle.fileno())
            samples.append(time.perf_counter() - t0)
    return median_ms(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=50, help="writes timed at each checkpoint")
    args = parser.parse_args()
    proposals = [proposal(n) for n in range(1, N_PROPOSALS + 1)]
    with tempfile.TemporaryDirectory(dir=Path(__file__).resolve().parents[1] / "bench") as tmp:
        folder = Path(tmp)
        (folder / "a").mkdir()
        probe_before = fsync_probe(folder)
        t0 = time.perf_counter()
        ours = run_session(folder / "a", proposals, args.sample)
        t_ours = time.perf_counter() - t0
        infile = run_tinydb(folder / "infile.json", proposals, args.sample, durable=True)
        plain = run_tinydb(folder / "plain.json", proposals, args.sample, durable=False)
        bak_on, bak_off = bak_cost(folder, proposals, args.sample)
        probe_after = fsync_probe(folder)
        t1 = time.perf_counter()
        reopen = Session.open(folder / "a" / "bench.json", readonly=True)
        reopen.close()
        t_open = time.perf_counter() - t1
    print(f"{N_PROPOSALS} usulan, median of {args.sample} writes at each point (ms per change; file size)")
    print(f"{'changes':>8} | {'sopreview Session':>22} | {'atomic, log in file':>22} | {'tinydb JSONStorage':>22}"
          " | ratio plain/ours")
    for c in CHECKPOINTS:
        (a, sa), (b, sb), (p, sp) = ours[c], infile[c], plain[c]
        print(f"{c:>8} | {a:8.2f} ms {sa / 1e6:7.2f} MB | {b:8.2f} ms {sb / 1e6:7.2f} MB | "
              f"{p:8.2f} ms {sp / 1e6:7.2f} MB | {p / a:6.1f}x")
    print(f"sopreview: {CHECKPOINTS[-1] + len(CHECKPOINTS) * args.sample} durable writes in {t_ours:.1f} s; "
          f"read-only open of the result {t_open * 1000:.0f} ms")
    print(f"one fsync on this disk: {probe_before:.2f} ms before, {probe_after:.2f} ms after the run "
          "(a durable write needs 3: temp file, folder, journal)")
    print(f".bak rotation (hardlink + rename): {bak_on:.2f} ms with, {bak_off:.2f} ms without "
          f"(+{bak_on - bak_off:.2f} ms per write)")
    verdict = "OK" if ours[1000][0] < 20 else "MISSED"
    print(f"target < 20 ms median at 1,000 changes: {ours[1000][0]:.2f} ms — {verdict}")


if __name__ == "__main__":
    main()
