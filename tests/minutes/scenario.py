"""The scripted sample meeting: the seed's 14 proposals with every kind of decision.

Built through the real session API (create, then the same calls the TUI makes), so the
golden files show what the secretariat gets from a real session file. Used by the golden
tests, the read-back tests and ``bench/bench_minutes.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from sopreview.domain.loader import load_sops
from sopreview.domain.header import MeetingMeta
from sopreview.domain.model import Orang
from sopreview.store.session import Session

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_SOPS = ROOT / "sops"
GOLDEN = Path(__file__).resolve().parent / "golden"

META = MeetingMeta(
    judul="Rapat Internal Penyusunan dan Evaluasi SOP Administrasi Pemerintahan Tahun 2022",
    tanggal="2022-06-16",
    tempat="Ruang Rapat KPU Kota Mojokerto",
    waktu_mulai="09:00",
    waktu_selesai="12:30",
    surat_undangan="Nomor 145/PR.01-Und/3576/2022 tanggal 13 Juni 2022",
    ketua="M. Awaludin Zahroni",
    sekretaris="Hendra Wijaya, S.Sos., M.Si.",
    notulis="Dian Puspitasari",
    pembukaan=(
        "Rapat dibuka oleh M. Awaludin Zahroni selaku Divisi Sosialisasi, Pendidikan Pemilih, "
        "Parmas dan SDM. Kegiatan ini merupakan implementasi Reformasi Birokrasi: SOP adalah salah "
        "satu program tatalaksana dalam menyusun proses bisnis, dengan tahapan menetapkan SOP, "
        "penerapan SOP, dan evaluasi SOP.\n"
        "Penyusunan SOP memperhatikan PermenPANRB Nomor 35 Tahun 2012."
    ),
    kesimpulan=(
        "SOP yang disetujui ditetapkan dengan Keputusan Sekretaris. SOP yang disetujui dengan "
        "perbaikan ditetapkan setelah perbaikannya diperiksa Sub Bagian Hukum dan SDM."
    ),
    acara=(
        "Pembukaan",
        "Penyampaian usulan SOP oleh masing-masing Sub Bagian",
        "Evaluasi penerapan SOP",
        "Penetapan keputusan dan tindak lanjut",
    ),
)

ALL_YES = {f"k{n}": True for n in range(1, 8)}

# (keputusan, catatan) per proposal id; a proposal not listed stays undecided on purpose.
DECISIONS: dict[str, tuple[str, str]] = {
    "hukum-sdm/jdih": ("disetujui", ""),
    "hukum-sdm/penyusunan-keputusan": (
        "disetujui_dengan_perbaikan",
        "Batas waktu paraf koordinasi ditulis 1 hari kerja; format nomor <nomor>/HK.03-Kpt/3576/<tahun>.",
    ),
    "perencanaan-data-informasi/pemutakhiran-data-pemilih": (
        "ditunda",
        "Menunggu PKPU tentang pemutakhiran data pemilih berkelanjutan yang baru.",
    ),
    "perencanaan-data-informasi/pelayanan-pdpb": (
        "disetujui_dengan_perbaikan",
        "Tambahkan waktu layanan daring & luring pada kolom Waktu.",
    ),
    "perencanaan-data-informasi/pengelolaan-kinerja": ("disetujui", ""),
    "perencanaan-data-informasi/pelaporan-kegiatan": (
        "ditolak",
        "Isinya sudah tercakup dalam SOP Pengelolaan Kinerja dan Penyusunan Laporan Kinerja.",
    ),
    "keuangan-umum-logistik/surat-masuk": ("disetujui", ""),
    "keuangan-umum-logistik/surat-keluar": ("disetujui", ""),
    "keuangan-umum-logistik/skpp": (
        "ditarik",
        "Ditarik oleh pengusul untuk diselaraskan dengan ketentuan KPPN yang baru.",
    ),
    "keuangan-umum-logistik/penerima-tamu": ("disetujui", ""),
    "keuangan-umum-logistik/pengontrolan": ("disetujui", ""),
    "teknis-parmas-hubmas/simpaw": (
        "disetujui_dengan_perbaikan",
        "Nama aplikasi ditulis lengkap pada Peralatan/Perlengkapan.",
    ),
    "teknis-parmas-hubmas/ppid": (
        "ditunda",
        "Dibahas bersama PPID Utama KPU Provinsi Jawa Timur.",
    ),
}
UNDECIDED = "keuangan-umum-logistik/penanganan-masalah"

EVALUATIONS: dict[str, tuple[dict[str, bool | None], str, str]] = {
    "hukum-sdm/jdih": (ALL_YES, "Berjalan dengan baik sejak 2021.", ""),
    "hukum-sdm/penyusunan-keputusan": (
        {**ALL_YES, "k3": False, "k7": False},
        "Paraf koordinasi sering tertahan lebih dari 3 hari.",
        "Tetapkan batas waktu paraf koordinasi.",
    ),
    "perencanaan-data-informasi/pemutakhiran-data-pemilih": (
        {**ALL_YES, "k2": False, "k5": False, "k6": None},
        "Langkah coklit belum memuat pemilih pindah domisili.",
        "Sesuaikan setelah PKPU baru terbit.",
    ),
    "teknis-parmas-hubmas/ppid": (
        {**ALL_YES, "k4": False},
        "Peran PPID Pelaksana belum jelas.",
        "Koordinasi dengan PPID Utama.",
    ),
}

NOTES: dict[str, str] = {
    "hukum-sdm/jdih": "Peserta sepakat langkah pemeriksaan tampilan dokumen di laman JDIH dipertahankan.",
    "hukum-sdm/penyusunan-keputusan": (
        "Ketua menanyakan siapa yang memberi nomor keputusan.\n"
        "Dijawab: Kasubbag Hukum dan SDM, setelah penandatanganan."
    ),
    "perencanaan-data-informasi/pelaporan-kegiatan": (
        "Beberapa peserta menilai SOP ini tumpang tindih dengan SOP Pengelolaan Kinerja."
    ),
    "keuangan-umum-logistik/penanganan-masalah": (
        "Waktu habis sebelum pembahasan selesai; usulan dibahas pada rapat berikutnya."
    ),
}

# (proposal id or None for the meeting, apa, siapa, kapan)
ACTIONS: tuple[tuple[str | None, str, str, str], ...] = (
    ("hukum-sdm/penyusunan-keputusan", "Memperbaiki batas waktu paraf koordinasi", "Noor Ifah", "2022-06-23"),
    ("perencanaan-data-informasi/pelayanan-pdpb", "Melengkapi kolom Waktu layanan daring dan luring",
     "Safitri Nurdin", "2022-06-24"),
    ("teknis-parmas-hubmas/simpaw", "Menulis nama aplikasi SIMPAW lengkap", "M. Samsul Arif", "2022-06-24"),
    ("teknis-parmas-hubmas/ppid", "Menjadwalkan koordinasi dengan PPID Utama KPU Provinsi",
     "M. Samsul Arif", "akhir Juli 2022"),
    (None, "Menyusun rancangan Keputusan Sekretaris tentang penetapan SOP", "Noor Ifah", "2022-06-30"),
)

ABSENT: dict[str, tuple[str, str]] = {
    "Agus Prasetyo": ("tugas_luar", "Bimbingan teknis di KPU Provinsi Jawa Timur"),
    "Rina Wulandari": ("izin", ""),
    "Eko Saputro": ("sakit", ""),
    "Andi Kurniawan": ("tanpa_keterangan", ""),
}
NOT_RECORDED = "Bambang Sutrisno"
"""Attendance deliberately not recorded: the minutes must say so, not guess."""

GUEST = Orang(nama="Drs. Sugeng Riyadi", jabatan="Analis Tata Laksana, KPU Provinsi Jawa Timur", unit="Tamu")


class FixedClock:
    """Deterministic timestamps for the session file (one minute per recorded change)."""

    def __init__(self, start: datetime = datetime(2022, 6, 16, 9, 0)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def record_sample_meeting(session: Session) -> None:
    """Everything the operator does in the scripted meeting, through the session API."""
    session.add_guest(GUEST)
    for orang in session.people():
        if orang.nama == NOT_RECORDED:
            continue
        status, keterangan = ABSENT.get(orang.nama, ("hadir", ""))
        session.set_attendance(orang.nama, status, keterangan)
    for pid, text in NOTES.items():
        session.set_notes(pid, text)
    for pid, (jawaban, catatan, tindakan) in EVALUATIONS.items():
        session.record_evaluation(pid, jawaban, catatan, tindakan)
    for pid, (keputusan, catatan) in DECISIONS.items():
        session.record_decision(pid, keputusan, catatan)
    for pid, apa, siapa, kapan in ACTIONS:
        session.add_action(pid, apa, siapa, kapan)


def create_sample_session(path: Path, sops_dir: Path = SAMPLE_SOPS,
                          clock: Callable[[], datetime] | None = None) -> Session:
    """A new session file at ``path`` holding the scripted sample meeting (open for writing)."""
    result = load_sops(sops_dir)
    assert not result.problems, [str(p) for p in result.problems]
    assert result.organisasi is not None
    session = Session.create(
        path, result.organisasi, result.proposals, meta=META, sops_dir=sops_dir, clock=clock or FixedClock()
    )
    record_sample_meeting(session)
    return session
