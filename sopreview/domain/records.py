"""What a review meeting records per item: decisions, evaluations, attendance, actions, the clock.

Pure data shared by the session store, the minutes and the UI.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from sopreview.domain.codec import Plain
from sopreview.domain.criteria import Criterion
from sopreview.domain.dates import real_date
from sopreview.domain.model import Proposal
from sopreview.domain.vocab import (
    EVALUATION_JENIS, attendance_label, cites_amendments, decision_label, kind_keys_for, note_required,
)

KAPAN_HINT = "tanggal YYYY-MM-DD (mis. 2022-07-15) atau teks seperti 'Juli 2022'"


def validate_decision(keputusan: str, catatan: str, jenis: str | None = None,
                      amandemen: int = 0) -> str | None:
    """Indonesian error message, or None when the decision may be recorded for an item of ``jenis``
    (an evaluation item takes an outcome, a proposal a decision).

    ``amandemen``: how many amendments the meeting made; a kind that cites them (disetujui
    dengan perbaikan) then needs no note, the amendments are its fixes (issue 15)."""
    keys = kind_keys_for(jenis)
    if keputusan not in keys:
        what = "hasil evaluasi" if jenis == EVALUATION_JENIS else "keputusan"
        return f"{what} {keputusan!r} tidak dikenal; pilihan: {', '.join(keys)}"
    if amandemen and cites_amendments(keputusan):
        return None
    if note_required(keputusan) and not catatan.strip():
        return f"keputusan '{decision_label(keputusan)}' wajib disertai catatan (alasan atau perbaikan)"
    return None


def evaluation_refusal(jenis: str) -> str | None:
    """Why the criteria form cannot be filled in for an item of ``jenis``, or None.

    A ``baru`` SOP has never been applied, so there is nothing to evaluate yet."""
    if jenis == "baru":
        return ("usulan SOP baru belum pernah diterapkan, jadi tidak dapat dievaluasi; evaluasi SOP yang "
                "berlaku dengan agenda evaluasi (sopreview new --evaluasi …), atau nilai versi berlaku "
                "pada usulan perbaikan/perubahan")
    return None


def proposal_hash(proposal: Proposal) -> str:
    """sha256 of the proposal's content, ignoring where it was read from."""
    return plain_proposal_hash(proposal.to_dict())


def plain_proposal_hash(data: dict[str, Any]) -> str:
    """``proposal_hash`` of a proposal already in plain form (``new`` has it to store anyway)."""
    data = {k: v for k, v in data.items() if k != "sumber"}
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Decision(Plain):
    keputusan: str
    catatan: str
    waktu: str

    @property
    def label(self) -> str:
        return decision_label(self.keputusan)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Decision:
        return cls(str(data["keputusan"]), str(data.get("catatan", "")), str(data.get("waktu", "")))


def attendance_sentence(hadir: int, diundang: int, tamu_hadir: int, rincian: str = "") -> str:
    """``11 dari 19 orang yang diundang hadir (Hadir 11, Izin 2), ditambah 2 tamu`` — guests are
    counted apart from the invited, in the app and in the minutes alike."""
    text = f"{hadir} dari {diundang} orang yang diundang hadir"
    if rincian:
        text += f" ({rincian})"
    return text + (f", ditambah {tamu_hadir} tamu" if tamu_hadir else "")


def evaluation_sentence(met: int, total: int, unanswered: int = 0) -> str:
    """The one wording of an evaluation result, shared by the app, the CLI and the minutes."""
    text = f"{met} dari {total} kriteria terpenuhi"
    return f"{text} ({unanswered} belum dinilai)" if unanswered else text


@dataclass(frozen=True)
class Evaluation(Plain):
    """Answers to the evaluation criteria (None = not answered) plus catatan and tindakan."""

    jawaban: dict[str, bool | None]
    catatan: str = ""
    tindakan: str = ""

    @property
    def terpenuhi(self) -> int:
        return sum(1 for v in self.jawaban.values() if v is True)

    @property
    def total(self) -> int:
        return len(self.jawaban)

    @property
    def belum_dinilai(self) -> int:
        return sum(1 for v in self.jawaban.values() if v is None)

    @property
    def ringkasan(self) -> str:
        """``5 dari 7 kriteria terpenuhi`` (plus how many are unanswered, so a partial form is not read as failed)."""
        return evaluation_sentence(self.terpenuhi, self.total, self.belum_dinilai)

    def tidak_terpenuhi(self, criteria: tuple[Criterion, ...] | list[Criterion]) -> list[Criterion]:
        """Criteria answered Tidak (unanswered ones are not counted as failed)."""
        return [c for c in criteria if self.jawaban.get(c.id) is False]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evaluation:
        return cls(dict(data.get("jawaban") or {}), str(data.get("catatan", "")), str(data.get("tindakan", "")))


@dataclass(frozen=True)
class Action(Plain):
    """A follow-up (tindak lanjut): what, who, by when; proposal_id None = for the meeting."""

    id: int
    proposal_id: str | None
    apa: str
    siapa: str
    kapan: str

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        return cls(int(data["id"]), data.get("proposal_id"), str(data["apa"]), str(data["siapa"]), str(data["kapan"]))


@dataclass(frozen=True)
class Attendance(Plain):
    nama: str
    status: str
    keterangan: str = ""

    @property
    def label(self) -> str:
        return attendance_label(self.status)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attendance:
        return cls(str(data["nama"]), str(data["status"]), str(data.get("keterangan", "")))


@dataclass(frozen=True)
class ItemClock:
    """When an agenda item was discussed; used_seconds sums every open interval."""

    opened_at: str | None
    closed_at: str | None
    used_seconds: float
    running: bool = False


NOT_STARTED = ItemClock(None, None, 0.0, False)
"""The clock of an item not yet discussed (most of them, at the start)."""


class ItemGlance(NamedTuple):
    """What a list of the agenda shows of one item: read for every item in one pass."""

    planned: int
    """Planned minutes."""
    keputusan: str | None
    """The decision's key, None while undecided."""
    evaluated: bool
    has_notes: bool
    clock: ItemClock


class CurrentItem(NamedTuple):
    """What the projector shows now: the proposal (None = the agenda overview) and its tab.

    A NamedTuple so ``pid, tab = session.current()`` and comparisons with ``(pid, tab)`` still read
    naturally, while callers name the field they need (``.pid``).
    """

    pid: str | None
    tab: str


@dataclass(frozen=True)
class HistoryEntry(Plain):
    """What one earlier meeting said about a proposal carried over from it (stored as a dict)."""

    sesi: str = ""
    tanggal: str = ""
    berkas: str = ""
    keputusan: str | None = None
    catatan: str = ""
    evaluasi: dict[str, Any] | None = None
    catatan_diskusi: str = ""
    tindak_lanjut: tuple[dict[str, Any], ...] = ()

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HistoryEntry:
        return cls(
            sesi=str(data.get("sesi") or ""),
            tanggal=str(data.get("tanggal") or ""),
            berkas=str(data.get("berkas") or ""),
            keputusan=data.get("keputusan") or None,
            catatan=str(data.get("catatan") or ""),
            evaluasi=data.get("evaluasi"),
            catatan_diskusi=str(data.get("catatan_diskusi") or ""),
            tindak_lanjut=tuple(data.get("tindak_lanjut") or ()),
        )


def validate_kapan(text: str) -> str | None:
    """Why a follow-up's deadline cannot be stored, or None.

    Words are free text ("Juli 2022", "minggu depan"); a deadline written only with digits
    must be a real YYYY-MM-DD, so "2022-13-01" or "1/7" is refused rather than printed."""
    kapan = text.strip()
    if not kapan:
        return f"Kapan wajib diisi: {KAPAN_HINT}."
    if any(ch.isalpha() for ch in kapan):
        return None
    if not real_date(kapan):
        return f"'{kapan}' bukan tanggal yang valid. Tulis {KAPAN_HINT}."
    return None


def find_name(nama: str, names: list[str] | tuple[str, ...]) -> str | None:
    """The listed name meant by ``nama``: an exact match, else the only one equal ignoring case
    and extra spaces; None when there is none or more than one."""
    if nama in names:
        return nama
    wanted = " ".join(nama.split()).casefold()
    found = [n for n in names if " ".join(n.split()).casefold() == wanted] if wanted else []
    return found[0] if len(found) == 1 else None
