"""SOP documents built in Python for the flowchart and change-view tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopreview.domain.model import Proposal, SopDocument, Step

ROOT = Path(__file__).resolve().parents[2]
SOPS = ROOT / "sops"


def doc(pelaksana: tuple[str, ...], *steps: Step, nama: str = "SOP Uji") -> SopDocument:
    return SopDocument(nama=nama, pelaksana=pelaksana, langkah=tuple(steps))


LINEAR = doc(
    ("Staf", "Kasubbag", "Sekretaris"),
    Step(1, "Menerima berkas", "Staf", simbol="mulai"),
    Step(2, "Memeriksa berkas", "Kasubbag"),
    Step(3, "Menandatangani", "Sekretaris"),
    Step(4, "Mengarsipkan", "Staf", simbol="selesai"),
)

BRANCHING = doc(
    ("Staf", "Kasubbag"),
    Step(1, "Menerima berkas", "Staf", simbol="mulai"),
    Step(2, "Berkas lengkap?", "Kasubbag", simbol="keputusan", keputusan=(("Ya", 3), ("Tidak", 1))),
    Step(3, "Perlu telaah?", "Kasubbag", simbol="keputusan", keputusan=(("Tidak", 5), ("Ya", 4))),
    Step(4, "Menelaah", "Staf"),
    Step(5, "Mengarsipkan", "Staf", simbol="selesai"),
)
"""A decision back to an earlier step (2 → 1) and a forward skip (3 → 5)."""

SINGLE = doc(
    ("Petugas",),
    Step(1, "Mulai", "Petugas", simbol="mulai"),
    Step(2, "Bekerja", "Petugas"),
    Step(3, "Selesai", "Petugas", simbol="selesai"),
)


@pytest.fixture(scope="session")
def sample_proposals() -> dict[str, Proposal]:
    from sopreview.domain.loader import load_sops

    result = load_sops(SOPS)
    return {p.id: p for p in result.proposals}
