"""The file format as data: which keys each kind of mapping may hold and what type they take.

The README's field reference is written from these tables; keep them in step.
"""

from __future__ import annotations

from dataclasses import dataclass

# Value kinds understood by the checker.
TEXT = "teks"
INT = "bilangan"
BOOL = "ya/tidak"
DATE = "tanggal"
TEXT_LIST = "daftar teks"
MAPPING = "pemetaan"
STEP_LIST = "daftar langkah"
PATH_OR_MAPPING = "path atau pemetaan"


@dataclass(frozen=True)
class FieldSpec:
    kind: str
    required: bool = False
    doc: str = ""


SOP_FIELDS: dict[str, FieldSpec] = {
    "sampel": FieldSpec(BOOL, doc="true bila isi berkas hanya contoh, bukan SOP resmi"),
    "nama": FieldSpec(TEXT, required=True, doc="Nama SOP"),
    "nomor": FieldSpec(TEXT, doc="Nomor SOP sesuai tata naskah dinas (kosong untuk SOP baru)"),
    "revisi_ke": FieldSpec(INT, doc="Revisi ke- (0 untuk SOP baru)"),
    "tanggal_pembuatan": FieldSpec(DATE, doc="Tanggal pembuatan, YYYY-MM-DD"),
    "tanggal_revisi": FieldSpec(DATE, doc="Tanggal revisi, YYYY-MM-DD"),
    "tanggal_efektif": FieldSpec(DATE, doc="Tanggal efektif (= tanggal pengesahan), YYYY-MM-DD"),
    "disahkan_oleh": FieldSpec(MAPPING, doc="Pejabat yang mengesahkan: jabatan, nama, nip"),
    "dasar_hukum": FieldSpec(TEXT_LIST, doc="Dasar hukum"),
    "kualifikasi_pelaksana": FieldSpec(TEXT_LIST, doc="Kualifikasi pelaksana"),
    "keterkaitan": FieldSpec(TEXT_LIST, doc="SOP yang terkait"),
    "peralatan": FieldSpec(TEXT_LIST, doc="Peralatan / perlengkapan"),
    "peringatan": FieldSpec(TEXT_LIST, doc="Peringatan bila SOP tidak dilaksanakan"),
    "pencatatan": FieldSpec(TEXT_LIST, doc="Pencatatan dan pendataan"),
    "pelaksana": FieldSpec(TEXT_LIST, required=True, doc="Pelaksana (kolom swimlane), urut kiri ke kanan"),
    "langkah": FieldSpec(STEP_LIST, required=True, doc="Langkah kegiatan; langkah pertama = mulai, terakhir = selesai"),
}
"""Fields of one SOP version (the proposal, or the version in force under ``berlaku/``)."""

PROPOSAL_FIELDS: dict[str, FieldSpec] = {
    **SOP_FIELDS,
    "jenis": FieldSpec(TEXT, required=True, doc="baru | perbaikan | perubahan"),
    "urutan": FieldSpec(INT, doc="Urutan di agenda dalam sub bagian (bila kosong: urut nama berkas)"),
    "pengusul": FieldSpec(TEXT, doc="Penyaji usulan (biasanya kepala sub bagian)"),
    "ringkasan": FieldSpec(TEXT, doc="Ringkasan isi SOP"),
    "alasan": FieldSpec(TEXT, doc="Alasan usulan / apa yang diubah dan mengapa"),
    "durasi_menit": FieldSpec(INT, doc="Rencana lama pembahasan dalam menit"),
    "sebelumnya": FieldSpec(PATH_OR_MAPPING, doc="Versi yang berlaku (wajib untuk perbaikan/perubahan)"),
}

STEP_FIELDS: dict[str, FieldSpec] = {
    "kegiatan": FieldSpec(TEXT, required=True, doc="Uraian kegiatan"),
    "pelaksana": FieldSpec(TEXT, required=True, doc="Salah satu dari daftar pelaksana"),
    "kelengkapan": FieldSpec(TEXT, doc="Mutu baku: kelengkapan"),
    "waktu": FieldSpec(TEXT, doc="Mutu baku: waktu"),
    "output": FieldSpec(TEXT, doc="Mutu baku: output"),
    "keterangan": FieldSpec(TEXT, doc="Keterangan"),
    "keputusan": FieldSpec(MAPPING, doc="Langkah keputusan: dua jawaban → nomor langkah, mis. {ya: 5, tidak: 3}"),
    "lanjut": FieldSpec(INT, doc="Nomor langkah berikutnya bila tidak langsung ke baris berikut"),
}

PENGESAH_FIELDS: dict[str, FieldSpec] = {
    "jabatan": FieldSpec(TEXT),
    "nama": FieldSpec(TEXT),
    "nip": FieldSpec(TEXT),
}

ORGANISASI_FIELDS: dict[str, FieldSpec] = {
    "sampel": FieldSpec(BOOL, doc="true bila data contoh"),
    "nama": FieldSpec(TEXT, required=True, doc="Nama instansi, mis. KPU Kota Mojokerto"),
    "alamat": FieldSpec(TEXT, doc="Alamat untuk kop notulen"),
    "kota": FieldSpec(TEXT, doc="Kota untuk blok tanda tangan"),
    "subbag": FieldSpec(MAPPING, required=True, doc="Daftar sub bagian: kode, nama, kepala"),
    "orang": FieldSpec(MAPPING, doc="Daftar orang yang dapat hadir: nama, jabatan, unit, nip, pangkat"),
    "kertas": FieldSpec(TEXT, doc="Kertas dokumen SOP: A4 atau F4"),
    "logo": FieldSpec(TEXT, doc="Berkas logo (PNG/JPEG) untuk kop, relatif terhadap folder sops/"),
    "zona_waktu": FieldSpec(TEXT, doc="Zona waktu di notulen: WIB, WITA atau WIT"),
    "pola_nomor": FieldSpec(TEXT, doc="Pola Nomor SOP baru, mis. {urut:02}/SOP/{kode}/35.76/{tahun}"),
    "monitoring_bulan": FieldSpec(INT, doc="Bulan antara dua monitoring SOP berlaku (bawaan 6)"),
}

SUBBAG_FIELDS: dict[str, FieldSpec] = {
    "kode": FieldSpec(TEXT, required=True, doc="Nama folder di sops/"),
    "nama": FieldSpec(TEXT, required=True),
    "kepala": FieldSpec(TEXT),
    "kode_nomor": FieldSpec(TEXT, doc="Kode sub bagian dalam Nomor SOP ({kode} pada pola_nomor), mis. HK.05-SD"),
}

ORANG_FIELDS: dict[str, FieldSpec] = {
    "nama": FieldSpec(TEXT, required=True),
    "jabatan": FieldSpec(TEXT),
    "unit": FieldSpec(TEXT),
    "nip": FieldSpec(TEXT),
    "pangkat": FieldSpec(TEXT),
}

