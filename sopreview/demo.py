"""Start a meeting from a sops/ folder, and the bundled demo meeting built the same way.

Kept free of Textual so the CLI, the tests and the benchmark create sessions exactly as the
"Rapat baru" form does. The demo works on a scratch copy: nothing in the repository changes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

import sopreview
from sopreview.domain.loader import LoadResult, load_sops
from sopreview.domain.header import MeetingMeta
from sopreview.domain.model import Proposal
from sopreview.store.errors import SessionError
from sopreview.store.session import Session

DEMO_META = MeetingMeta(
    judul=(
        "Rapat Internal Penyusunan dan Evaluasi SOP Administrasi Pemerintahan "
        "di Lingkungan KPU Kota Mojokerto Tahun 2022"
    ),
    tanggal="2022-06-16",
    tempat="Ruang Rapat KPU Kota Mojokerto",
    waktu_mulai="09:00",
    ketua="M. Awaludin Zahroni",
    pembukaan=(
        "M. Awaludin Zahroni selaku Divisi Sosialisasi, Pendidikan Pemilih, Parmas dan SDM KPU Kota "
        "Mojokerto membuka rapat dan menyampaikan bahwa kegiatan ini merupakan implementasi Reformasi "
        "Birokrasi di lingkungan KPU Kota Mojokerto, dengan SOP sebagai salah satu program tatalaksana "
        "dalam menyusun proses bisnis; tahapannya menetapkan SOP, penerapan SOP, dan evaluasi SOP, "
        "dengan memperhatikan PermenPANRB Nomor 35 Tahun 2012."
    ),
    acara=("Pembukaan", "Pembahasan usulan SOP per sub bagian", "Keputusan dan penutup"),
)
"""The seed meeting (16 June 2022), as the KPU Kota Mojokerto news item describes it."""


class CannotStart(Exception):
    """The sops/ folder cannot make a meeting (no organisasi.yaml, or nothing valid).

    ``kind`` (``"organisasi"`` or ``"proposals"``) lets a caller word the refusal its own way
    (the CLI prints one line after listing the problems; the form shows the first errors too).
    """

    def __init__(self, message: str, kind: str = "") -> None:
        super().__init__(message)
        self.kind = kind


def bundled_sops() -> Path:
    """The sample sops/ folder next to the package (the repository root)."""
    return Path(sopreview.__file__).resolve().parent.parent / "sops"


def create_session(
    path: Path,
    sops_dir: Path,
    meta: MeetingMeta,
    *,
    carry_over_from: Path | None = None,
    loaded: LoadResult | None = None,
    clock: Callable[[], datetime] | None = None,
    evaluasi: Sequence[Proposal] = (),
) -> tuple[Session, LoadResult]:
    """Load ``sops_dir`` and create the session file at ``path`` with its valid proposals.

    The one way a meeting starts: ``new``, the "Rapat baru" form and the demo all come here.
    ``loaded`` is a load the caller already made (the CLI lists its problems first); with
    ``carry_over_from`` a folder without valid proposals is allowed (the deferred items are
    the agenda). The caller gets the open session (holding the lock) and the load result,
    whose problems the problems panel lists. ``evaluasi``: SOPs in force to evaluate, after the proposals.
    """
    result = load_sops(sops_dir) if loaded is None else loaded
    if result.organisasi is None:
        details = "\n".join(str(p) for p in result.errors[:5])
        raise CannotStart(f"{sops_dir}: organisasi.yaml tidak terbaca, sesi tidak dapat dibuat.\n{details}".rstrip(),
                          "organisasi")
    if not result.proposals and carry_over_from is None and not evaluasi:
        details = "\n".join(str(p) for p in result.errors[:5])
        raise CannotStart(f"{sops_dir}: tidak ada usulan SOP yang valid untuk dibahas.\n{details}".rstrip(),
                          "proposals")
    session = Session.create(path, result.organisasi, [*result.proposals, *evaluasi], meta=meta, sops_dir=sops_dir,
                             carry_over_from=carry_over_from, clock=clock)
    return session, result


def create_demo(
    workdir: Path | None = None,
    *,
    clock: Callable[[], datetime] | None = None,
) -> tuple[Session, LoadResult]:
    """Copy the bundled sops/ into ``workdir`` (a fresh temp dir by default) and start the seed meeting there."""
    source = bundled_sops()
    if not source.is_dir():
        raise CannotStart(f"contoh sops/ tidak ditemukan di {source}")
    base = Path(tempfile.mkdtemp(prefix="sopreview-demo-")) if workdir is None else workdir
    sops_copy = base / "sops"
    shutil.copytree(source, sops_copy)
    try:
        return create_session(base / "sessions" / "demo.json", sops_copy, DEMO_META, clock=clock)
    except SessionError as error:
        raise CannotStart(str(error)) from error
