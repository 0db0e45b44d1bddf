"""A scripted meeting on a copy of the sample sops folder, decided through the session API."""

from __future__ import annotations

import shutil
from pathlib import Path

from sopreview.domain.loader import load_sops
from sopreview.domain.header import MeetingMeta
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
TANGGAL = "2022-06-20"
DECISIONS: dict[str, tuple[str, str]] = {
    "hukum-sdm/jdih": ("disetujui", ""),
    "hukum-sdm/penyusunan-keputusan": ("disetujui_dengan_perbaikan", "Waktu penomoran diperpendek"),
    "perencanaan-data-informasi/pemutakhiran-data-pemilih": ("disetujui", ""),
    "perencanaan-data-informasi/pelayanan-pdpb": ("ditunda", "Menunggu juknis PDPB terbaru"),
    "perencanaan-data-informasi/pengelolaan-kinerja": ("disetujui", ""),
    "perencanaan-data-informasi/pelaporan-kegiatan": ("disetujui", ""),
    "keuangan-umum-logistik/surat-masuk": ("disetujui", ""),
    "keuangan-umum-logistik/surat-keluar": ("disetujui", ""),
    "keuangan-umum-logistik/skpp": ("ditolak", "Sudah diatur SOP Kementerian Keuangan"),
    "keuangan-umum-logistik/penerima-tamu": ("ditarik", "Digabung dengan SOP Penanganan Masalah"),
    "keuangan-umum-logistik/penanganan-masalah": ("disetujui", ""),
    # keuangan-umum-logistik/pengontrolan: not decided
    "teknis-parmas-hubmas/simpaw": ("disetujui", ""),
    "teknis-parmas-hubmas/ppid": ("ditunda", "Dibahas bersama PPID Provinsi"),
}


def copy_sample(tmp_path: Path) -> Path:
    sops = tmp_path / "sops"
    shutil.copytree(ROOT / "sops", sops)
    return sops


def scripted_meeting(tmp_path: Path, name: str = "rapat-2022-06-16") -> tuple[Path, Path]:
    """(sops folder, session file) after the sample meeting decided DECISIONS."""
    sops = copy_sample(tmp_path)
    loaded = load_sops(sops)
    assert loaded.organisasi is not None and not loaded.errors
    path = tmp_path / "sessions" / f"{name}.json"
    meta = MeetingMeta(judul="Rapat Internal Penyusunan dan Evaluasi SOP", tanggal="2022-06-16")
    with Session.create(path, loaded.organisasi, loaded.proposals, meta=meta, sops_dir=sops) as session:
        for pid, (keputusan, catatan) in DECISIONS.items():
            session.record_decision(pid, keputusan, catatan)
    return sops, path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what "untouched" and "fully applied" compare."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
