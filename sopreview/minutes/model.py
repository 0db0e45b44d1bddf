"""The notulen as plain data, shared by every renderer (``build.build_minutes`` fills it).

All counts, groupings and wordings are fields here, so Markdown, HTML, DOCX and CSV cannot
disagree about what the meeting decided: renderers only lay the data out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from sopreview.domain.criteria import Criterion
from sopreview.domain.header import MeetingMeta
from sopreview.domain.records import (
    Action, Attendance, Decision, Evaluation, HistoryEntry, attendance_sentence, evaluation_sentence,
)
from sopreview.domain.vocab import carries_over, decision_keys, decision_label
from sopreview.domain.model import Orang, Organisasi, ProposalHead

BELUM = "belum_diputuskan"
"""Key for a proposal without a decision: listed as such, never dropped."""
BELUM_LABEL = "Belum diputuskan"


def keputusan_urut() -> tuple[str, ...]:
    """Every row of the decision tally, in the order the minutes print it."""
    return (*decision_keys(), BELUM)


def dibawa_lagi(kunci: str) -> bool:
    """Items the next meeting has to take up again: undecided ones and kinds that carry over."""
    return kunci == BELUM or carries_over(kunci)


class SessionReader(Protocol):
    """The part of ``sopreview.store.session.Session`` the minutes read (never write)."""

    @property
    def meta(self) -> MeetingMeta: ...
    @property
    def organisasi(self) -> Organisasi: ...
    @property
    def criteria(self) -> tuple[Criterion, ...]: ...
    def heads(self) -> list[ProposalHead]: ...
    def change_summary(self, pid: str) -> str: ...
    def decision(self, pid: str) -> Decision | None: ...
    def evaluation(self, pid: str) -> Evaluation | None: ...
    def notes(self, pid: str) -> str: ...
    def actions(self, pid: str | None = None) -> list[Action]: ...
    def people(self) -> list[Orang]: ...
    def attendance(self) -> dict[str, Attendance]: ...
    def history(self, pid: str) -> list[HistoryEntry]: ...


@dataclass(frozen=True)
class Kop:
    """Kop naskah dinas: the organisation header."""

    instansi: str
    alamat: str
    kota: str


@dataclass(frozen=True)
class Penilaian:
    """An evaluation in words: ``5 dari 7 kriteria terpenuhi`` and which were not."""

    terpenuhi: int
    total: int
    tidak_terpenuhi: tuple[str, ...]
    belum_dinilai: tuple[str, ...]
    catatan: str
    tindakan: str

    @property
    def teks(self) -> str:
        return evaluation_sentence(self.terpenuhi, self.total, len(self.belum_dinilai))


@dataclass(frozen=True)
class TindakLanjut:
    """One follow-up action: what, who, by when, and which SOP it belongs to."""

    no: int
    apa: str
    siapa: str
    kapan: str
    terkait: str


@dataclass(frozen=True)
class ItemNotulen:
    """One proposal as discussed: everything the Pembahasan and Keputusan parts print."""

    no: int
    id: str
    nama: str
    """The SOP's title as the meeting calls it, always ``SOP …``."""
    subbag: str
    subbag_nama: str
    """Short name of the sub bagian (``Hukum dan SDM``), for table columns."""
    jenis: str
    jenis_label: str
    penyaji: str
    ringkasan: str
    alasan: str
    perubahan: str
    """Change summary in words for a revision; empty for a new SOP."""
    pembahasan: str
    penilaian: Penilaian | None
    keputusan: str
    """A key of ``keputusan_urut()`` (``belum_diputuskan`` when nothing was recorded)."""
    keputusan_label: str
    catatan_keputusan: str
    tindak_lanjut: tuple[TindakLanjut, ...]
    riwayat: tuple[str, ...]
    """What earlier meetings decided (a carried-over item), oldest first, one line each."""
    sampel: bool
    amandemen: tuple[str, ...] = ()
    """The amendments made in the meeting, in words, in order (issue 15)."""

    @property
    def amandemen_teks(self) -> str:
        """``1. Langkah 4: waktu …`` one per line, for the renderers' labelled paragraph."""
        return "\n".join(f"{n}. {line}" for n, line in enumerate(self.amandemen, start=1))


@dataclass(frozen=True)
class BagianPembahasan:
    """The proposals of one sub bagian, in agenda order."""

    kode: str
    judul: str
    kepala: str
    items: tuple[ItemNotulen, ...]


@dataclass(frozen=True)
class Hadir:
    """A row of the daftar hadir appendix."""

    no: int
    nama: str
    jabatan: str
    keterangan: str
    hadir: bool
    tamu: bool = False
    """Not on the organisation's list of people: a guest, narasumber, or a name recorded ad hoc."""


DAFTAR_HADIR_KOLOM: tuple[str, ...] = ("No", "Nama", "Jabatan / Unit", "Keterangan", "Tanda tangan")
"""The appendix's columns: the signed sheet's (``sopreview daftar-hadir``) plus the attendance status."""


def daftar_hadir_row(h: Hadir) -> list[str]:
    """A row of the appendix; the signature column alternates sides as the printed sheet does."""
    mark = f"{h.no}. ........" if h.no % 2 else f"              {h.no}. ........"
    return [str(h.no), h.nama, h.jabatan, h.keterangan, mark if h.hadir else ""]


@dataclass(frozen=True)
class Penandatangan:
    """One signature: role, name, and what is known of jabatan, pangkat and NIP."""

    peran: str
    nama: str
    jabatan: str
    pangkat: str
    nip: str


@dataclass(frozen=True)
class Rekap:
    """A count with its label (one line of a tally table)."""

    kunci: str
    label: str
    jumlah: int


@dataclass(frozen=True)
class RekapJenis:
    """Counts of one jenis of proposal, split by decision in ``keputusan_urut()`` order."""

    jenis: str
    label: str
    per_keputusan: tuple[Rekap, ...]

    @property
    def jumlah(self) -> int:
        return sum(r.jumlah for r in self.per_keputusan)


@dataclass(frozen=True)
class Minutes:
    """A whole notulen rapat."""

    kop: Kop
    judul: str
    tanggal_iso: str
    hari_tanggal: str
    waktu: str
    waktu_mulai: str
    waktu_selesai: str
    tempat: str
    surat_undangan: str
    acara: tuple[str, ...]
    ketua: str
    sekretaris: str
    notulis: str
    hadir: int
    """Invited people (organisasi.yaml) who attended; guests are counted in ``tamu_hadir``."""
    diundang: int
    kehadiran: tuple[Rekap, ...]
    """Counts per attendance status of the invited (only statuses that occur)."""
    daftar_hadir: tuple[Hadir, ...]
    pembukaan: str
    pembahasan: tuple[BagianPembahasan, ...]
    items: tuple[ItemNotulen, ...]
    """All proposals in agenda order: the Keputusan table."""
    rekap_keputusan: tuple[Rekap, ...]
    rekap_jenis: tuple[RekapJenis, ...]
    ringkasan_keputusan: str
    """The tally in one sentence: ``6 SOP baru disetujui, …``."""
    dibawa: tuple[ItemNotulen, ...]
    """Deferred or undecided items, carried over to the next meeting."""
    tindak_lanjut: tuple[TindakLanjut, ...]
    kesimpulan: str
    tempat_tanggal_ttd: str
    penandatangan: tuple[Penandatangan, ...]
    """Notulis first, Pimpinan Rapat second: left and right of the signature block."""
    catatan_sampel: str
    tamu_hadir: int = 0
    evaluasi: tuple[ItemNotulen, ...] = ()
    """SOPs in force evaluated at this meeting (jenis ``evaluasi``), apart from the proposals' decisions."""
    rekap_evaluasi: tuple[Rekap, ...] = ()
    """Count per outcome (and not yet evaluated), in the vocabulary's order."""

    EVALUASI_KOLOM = ("No", "Sub Bagian", "SOP", "Hasil", "Kriteria", "Kriteria tidak terpenuhi", "Catatan")

    def tabel_evaluasi(self) -> tuple[list[str], list[list[str]]]:
        """The evaluation section as one table, the same words in every format."""
        rows = []
        for i in self.evaluasi:
            ev = i.penilaian
            rows.append([str(i.no), i.subbag_nama, i.nama, i.keputusan_label,
                         ev.teks if ev else "Belum dievaluasi", "; ".join(ev.tidak_terpenuhi) if ev else "",
                         i.catatan_keputusan])
        return list(self.EVALUASI_KOLOM), rows

    @property
    def ringkasan_evaluasi(self) -> str:
        """``3 SOP yang berlaku dievaluasi: 1 masih sesuai, 1 perlu revisi, 1 tidak diberlakukan lagi.``"""
        parts = [f"{r.jumlah} {r.label.lower()}" for r in self.rekap_evaluasi if r.jumlah]
        return f"{len(self.evaluasi)} SOP yang berlaku dievaluasi: {daftar_kalimat(parts)}."
    """Guests who attended, reported apart from the invited."""

    def kalimat_peserta(self, esc: Callable[[str], str] = str) -> str:
        """``11 dari 19 orang yang diundang hadir (Hadir 11, Izin 2), ditambah 2 tamu.`` —
        one wording for every format; ``esc`` escapes the status labels for the target."""
        rincian = ", ".join(f"{r.label} {r.jumlah}" for r in self.kehadiran) or "\u2013"
        return attendance_sentence(self.hadir, self.diundang, self.tamu_hadir, esc(rincian)) + "."

    def tabel_rekap(self) -> tuple[list[str], list[list[str]]]:
        """The tally as one table: decisions down, jenis across, totals right and bottom."""
        header = ["Keputusan", *(rj.label for rj in self.rekap_jenis), "Jumlah"]
        rows = [
            [r.label, *(str(rj.per_keputusan[n].jumlah) for rj in self.rekap_jenis), str(r.jumlah)]
            for n, r in enumerate(self.rekap_keputusan)
        ]
        rows.append(["Jumlah", *(str(rj.jumlah) for rj in self.rekap_jenis), str(len(self.items))])
        return header, rows


_SUBBAG_PREFIX = re.compile(r"^(sub\s*bagian|subbag\.?)\s+", re.IGNORECASE)


def subbag_singkat(nama: str) -> str:
    """``Sub Bagian Hukum dan SDM`` → ``Hukum dan SDM``."""
    return _SUBBAG_PREFIX.sub("", nama.strip())


def judul_subbag(nama: str) -> str:
    """``Hukum dan SDM`` or ``Subbag Hukum dan SDM`` → ``Sub Bagian Hukum dan SDM``."""
    return f"Sub Bagian {subbag_singkat(nama)}"


def judul_sop(nama: str) -> str:
    """``Surat Masuk`` → ``SOP Surat Masuk``; names that already say SOP are kept."""
    nama = nama.strip()
    return nama if re.match(r"(?i)^sop\b", nama) else f"SOP {nama}"


def daftar_kalimat(parts: list[str]) -> str:
    """``a``, ``a dan b``, ``a, b, dan c`` — an Indonesian enumeration."""
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return f"{parts[0]} dan {parts[1]}"
    return ", ".join(parts[:-1]) + f", dan {parts[-1]}"


def label_keputusan(kunci: str) -> str:
    return BELUM_LABEL if kunci == BELUM else decision_label(kunci)
