"""A small meeting built in Python: an organisation, four proposals, a clock that ticks per call."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from sopreview.domain.model import Organisasi, Orang, Proposal, SopDocument, Step, SubBagian

WIB = timezone(timedelta(hours=7))


def make_proposal(pid: str, nama: str, jenis: str = "baru", steps: int = 4, menit: int = 10) -> Proposal:
    subbag = pid.split("/")[0]
    langkah = tuple(
        Step(nomor=n, kegiatan=f"Kegiatan {n} untuk {nama}", pelaksana="Staf" if n % 2 else "Kasubbag",
             kelengkapan="Berkas", waktu="10 menit", output="Dokumen",
             simbol="mulai" if n == 1 else ("selesai" if n == steps else "proses"))
        for n in range(1, steps + 1)
    )
    dokumen = SopDocument(nama=nama, nomor="", pelaksana=("Staf", "Kasubbag"), langkah=langkah,
                          dasar_hukum=("UU No. 7 Tahun 2017",))
    sebelumnya = dokumen if jenis != "baru" else None
    return Proposal(id=pid, subbag=subbag, jenis=jenis, dokumen=dokumen, pengusul="Noor Ifah",
                    ringkasan=f"Ringkasan {nama}", durasi_menit=menit, sebelumnya=sebelumnya,
                    sampel=True, sumber=f"{pid}.yaml")


ORGANISASI = Organisasi(
    nama="KPU Kota Contoh",
    kota="Contoh",
    subbag=(SubBagian("hukum-sdm", "Sub Bagian Hukum dan SDM", "Noor Ifah"),
            SubBagian("keuangan", "Sub Bagian Keuangan", "Dikrilia A. Risky EA")),
    orang=(Orang("Budi Santoso", "Ketua"), Orang("Noor Ifah", "Kasubbag Hukum dan SDM"),
           Orang("M. Awaludin Zahroni", "Anggota")),
)

PROPOSALS = [
    make_proposal("hukum-sdm/jdih", "Jaringan Dokumentasi dan Informasi Hukum", "perbaikan"),
    make_proposal("hukum-sdm/penyusunan-keputusan", "Penyusunan Keputusan", "perbaikan"),
    make_proposal("keuangan/surat-masuk", "Surat Masuk", "perubahan"),
    make_proposal("keuangan/surat-keluar", "Surat Keluar", menit=15),
]
P1, P2, P3, P4 = (p.id for p in PROPOSALS)


class FakeClock:
    """Stands still unless told to move (``advance``), or ticks ``step`` seconds per call."""

    def __init__(self, start: datetime = datetime(2022, 6, 16, 9, 0, tzinfo=WIB), step: float = 0) -> None:
        self.now = start
        self.step = timedelta(seconds=step)

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)

    def __call__(self) -> datetime:
        value = self.now
        self.now += self.step
        return value


def on_disk(path: Path) -> dict[str, Any]:
    """The session's tables as a fresh reader finds them on disk (state file + journal replayed),
    in the state file's layout (no snapshot table): what "durable" means since issue 17."""
    import json

    from sopreview.store.session import Session
    from sopreview.store.storage import SNAPSHOT_TABLE

    with Session.open(path, readonly=True) as reader:
        data = reader._storage.read()
        return json.loads(json.dumps({name: table for name, table in data.items() if name != SNAPSHOT_TABLE}))


def as_single_file(path: Path) -> dict[str, Any]:
    """The session in the layout from before issue 17 (the agenda snapshot as a table of the
    state file): hand-edit tests edit the snapshot through it, since old files still open."""
    import json

    from sopreview.store.storage import SNAPSHOT_KEY, SNAPSHOT_TABLE, read_snapshot, snapshot_info

    data = json.loads(path.read_text())
    info = snapshot_info(data)
    if SNAPSHOT_TABLE not in data and info is not None:
        data[SNAPSHOT_TABLE] = dict(read_snapshot(path, info))
        del data["sesi"]["1"][SNAPSHOT_KEY]
    return data


def rewrite_snapshot(session: Path, edit: Any) -> None:
    """Edit the snapshot's lines (``edit(lines)``) and record the new hash, as a forger would:
    what the hash check cannot catch must still be refused where it is read."""
    import hashlib
    import json

    from sopreview.store.files import snapshot_path

    snapshot = snapshot_path(session)
    lines = snapshot.read_text().splitlines()
    edit(lines)
    raw = ("\n".join(lines) + "\n").encode()
    snapshot.write_bytes(raw)
    state = json.loads(session.read_text())
    state["sesi"]["1"]["usulan"]["sha256"] = hashlib.sha256(raw).hexdigest()
    session.write_text(json.dumps(state))
