"""SOPs built in Python for the document tests and bench: big, wide and broken ones."""

from __future__ import annotations

from sopreview.domain.model import Pengesah, SopDocument, Step

ACTORS8 = ("Pemohon", "Staf Pelaksana", "Operator Sistem", "Kepala Sub Bagian Umum", "Bendahara",
           "Sekretaris", "Ketua", "Pejabat Pengadaan")


def big_sop(steps: int = 60, actors: tuple[str, ...] = ACTORS8) -> SopDocument:
    """``steps`` steps over ``actors``: a decision looping back every 7th step, one jumping ahead every 10th."""
    out = []
    for n in range(1, steps + 1):
        simbol = "mulai" if n == 1 else "selesai" if n == steps else "proses"
        keputusan: tuple[tuple[str, int], ...] = ()
        if 1 < n < steps - 2 and n % 7 == 0:
            keputusan = (("ya", n + 1), ("tidak", n - 3))
        elif 1 < n < steps - 2 and n % 10 == 5:
            keputusan = (("lengkap", n + 2), ("tidak", n + 1))
        out.append(Step(
            nomor=n, kegiatan=f"Kegiatan nomor {n}: memeriksa dan meneruskan berkas" + (" layanan" * (n % 4)),
            pelaksana=actors[(n * 3) % len(actors)], kelengkapan="Berkas permohonan" if n % 2 else "",
            waktu=f"{5 + n % 4 * 5} menit", output="Berkas diteruskan", keterangan="Catatan" if n % 9 == 0 else "",
            keputusan=keputusan, simbol="keputusan" if keputusan else simbol))
    return SopDocument(
        nama=f"SOP Uji {steps} Langkah {len(actors)} Pelaksana", nomor="99/SOP/UJI/2026",
        tanggal_pembuatan="2026-01-05", disahkan_oleh=Pengesah("Sekretaris", "Nama Pejabat", "199203112019022004"),
        dasar_hukum=("Peraturan Uji",), pelaksana=actors, langkah=tuple(out))


def six_actor_sop() -> SopDocument:
    return big_sop(14, ACTORS8[:6])
