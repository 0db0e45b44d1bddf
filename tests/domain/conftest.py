"""A tiny valid sops/ folder to break one way at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

ORGANISASI = """\
nama: KPU Kota Contoh
subbag:
  - kode: umum
    nama: Sub Bagian Umum
    kepala: Budi
orang:
  - nama: Budi
    jabatan: Kepala Sub Bagian Umum
"""

PROPOSAL = """\
nama: SOP Surat Masuk
jenis: baru
pengusul: Budi
durasi_menit: 10
pelaksana:
  - Staf
  - Kasubbag
langkah:
  - kegiatan: Menerima surat
    pelaksana: Staf
  - kegiatan: Memeriksa kelengkapan
    pelaksana: Kasubbag
    keputusan: {lengkap: 4, tidak: 3}
  - kegiatan: Mengembalikan surat
    pelaksana: Staf
    lanjut: 1
  - kegiatan: Mengarsipkan surat
    pelaksana: Staf
"""


@pytest.fixture
def sops(tmp_path: Path) -> Path:
    root = tmp_path / "sops"
    (root / "umum").mkdir(parents=True)
    (root / "organisasi.yaml").write_text(ORGANISASI, encoding="utf-8")
    (root / "umum" / "surat-masuk.yaml").write_text(PROPOSAL, encoding="utf-8")
    return root
