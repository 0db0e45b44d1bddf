"""The SOP proposal model (PermenPANRB 35/2012), in plain Python.

Everything here is immutable data with a lossless ``to_dict``/``from_dict`` (``domain/codec.py``,
by the type hints) so that a session can keep a JSON snapshot of the proposals it was created from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sopreview.domain.codec import Plain

# Flowchart symbols of the regulation (the arrow and off-page connector are drawn, not stored).
SIMBOL_MULAI = "mulai"
SIMBOL_SELESAI = "selesai"
SIMBOL_PROSES = "proses"
MAX_PLANNED_MINUTES = 600
"""Planned discussion time of one proposal: ten hours is already no meeting (files, store, session check)."""
SIMBOL_KEPUTUSAN = "keputusan"


@dataclass(frozen=True)
class Step(Plain):
    """One row of the Bagian Flowchart: an activity done by one actor."""

    nomor: int
    kegiatan: str
    pelaksana: str
    kelengkapan: str = ""
    waktu: str = ""
    output: str = ""
    keterangan: str = ""
    keputusan: tuple[tuple[str, int], ...] = ()
    """For a decision step: (answer, target step number) in the order written."""
    lanjut: int | None = None
    """Where the flow goes when it does not simply continue to the next row."""
    simbol: str = SIMBOL_PROSES

    @property
    def is_decision(self) -> bool:
        return bool(self.keputusan)

    def successors(self, last_nomor: int) -> list[tuple[str, int]]:
        """Edges out of this step as (label, target); the end terminator has none."""
        if self.simbol == SIMBOL_SELESAI:
            return []
        if self.keputusan:
            return list(self.keputusan)
        if self.lanjut is not None:
            return [("", self.lanjut)]
        if self.nomor < last_nomor:
            return [("", self.nomor + 1)]
        return []


@dataclass(frozen=True)
class Pengesah:
    """The official who signs the SOP (Disahkan oleh)."""

    jabatan: str = ""
    nama: str = ""
    nip: str = ""


@dataclass(frozen=True)
class SopDocument(Plain):
    """The Unsur Prosedur of one SOP version: identity table plus flowchart steps."""

    nama: str
    nomor: str = ""
    revisi_ke: int = 0
    tanggal_pembuatan: str = ""
    tanggal_revisi: str = ""
    tanggal_efektif: str = ""
    disahkan_oleh: Pengesah = field(default_factory=Pengesah)
    dasar_hukum: tuple[str, ...] = ()
    kualifikasi_pelaksana: tuple[str, ...] = ()
    keterkaitan: tuple[str, ...] = ()
    peralatan: tuple[str, ...] = ()
    peringatan: tuple[str, ...] = ()
    pencatatan: tuple[str, ...] = ()
    pelaksana: tuple[str, ...] = ()
    langkah: tuple[Step, ...] = ()

    def step(self, nomor: int) -> Step | None:
        for step in self.langkah:
            if step.nomor == nomor:
                return step
        return None


@dataclass(frozen=True)
class Proposal(Plain):
    """One agenda item: an SOP proposed by a sub bagian, with the version in force if any."""

    id: str
    """Path under ``sops/`` without ``.yaml``, e.g. ``keuangan-umum-logistik/surat-masuk``."""
    subbag: str
    """Code of the proposing sub bagian (the folder name)."""
    jenis: str
    dokumen: SopDocument
    pengusul: str = ""
    ringkasan: str = ""
    alasan: str = ""
    durasi_menit: int = 10
    sebelumnya: SopDocument | None = None
    sampel: bool = False
    """True when the content is illustrative sample data, not an adopted SOP."""
    sumber: str = ""
    """The file the proposal was read from (relative to the sops folder)."""

    @property
    def nama(self) -> str:
        return self.dokumen.nama

    @property
    def is_revision(self) -> bool:
        return self.jenis in REVISION_KINDS

    def head(self) -> ProposalHead:
        """What a list of proposals shows of this one (see ProposalHead)."""
        return ProposalHead(id=self.id, subbag=self.subbag, jenis=self.jenis, nama=self.dokumen.nama,
                            pengusul=self.pengusul, ringkasan=self.ringkasan, alasan=self.alasan,
                            durasi_menit=self.durasi_menit, sampel=self.sampel, sumber=self.sumber,
                            ada_sebelumnya=self.sebelumnya is not None)


REVISION_KINDS = ("perbaikan", "perubahan")


@dataclass(frozen=True)
class ProposalHead(Plain):
    """A proposal without its steps: what the agenda, the palette and the minutes list.

    Stored in the snapshot's index (``store/storage.py``), so a 10,000-item agenda is drawn,
    and its minutes written, without parsing 10,000 flowcharts (issue 17)."""

    id: str
    subbag: str
    jenis: str
    nama: str
    pengusul: str = ""
    ringkasan: str = ""
    alasan: str = ""
    durasi_menit: int = 10
    sampel: bool = False
    sumber: str = ""
    ada_sebelumnya: bool = False
    """The version in force is attached (a revision without it cannot be compared)."""

    @property
    def is_revision(self) -> bool:
        return self.jenis in REVISION_KINDS


@dataclass(frozen=True)
class SubBagian:
    kode: str
    nama: str
    kepala: str = ""
    kode_nomor: str = ""


@dataclass(frozen=True)
class Orang:
    """Someone who may attend the meeting."""

    nama: str
    jabatan: str = ""
    unit: str = ""
    nip: str = ""
    pangkat: str = ""


@dataclass(frozen=True)
class Organisasi(Plain):
    """The instansi running the meeting: its name, sub bagian and people (organisasi.yaml)."""

    nama: str
    alamat: str = ""
    kota: str = ""
    subbag: tuple[SubBagian, ...] = ()
    orang: tuple[Orang, ...] = ()
    sampel: bool = False
    kertas: str = ""
    """Paper for printed SOP documents: ``A4`` or ``F4`` (empty: A4)."""
    logo: str = ""
    """Logo for the kop, a path relative to the sops folder (empty: none)."""
    zona_waktu: str = "WIB"
    """Time zone written after times in the minutes (WIB, WITA, WIT)."""

    def subbag_by_kode(self, kode: str) -> SubBagian | None:
        for sb in self.subbag:
            if sb.kode == kode:
                return sb
        return None
