"""What a review meeting records: decisions, evaluations, attendance, actions, the clock.

Pure data shared by the session store, the minutes and the UI. The evaluation criteria are
data (``kriteria.yaml``) because an office may word them differently or add items.
"""

from __future__ import annotations

import hashlib
import json
import re
import dataclasses
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from sopreview.domain.model import Orang, Proposal

DECISIONS: tuple[str, ...] = (
    "disetujui",
    "disetujui_dengan_perbaikan",
    "ditunda",
    "ditolak",
    "ditarik",
)
DECISION_LABEL: dict[str, str] = {
    "disetujui": "Disetujui",
    "disetujui_dengan_perbaikan": "Disetujui dengan perbaikan",
    "ditunda": "Ditunda",
    "ditolak": "Ditolak",
    "ditarik": "Ditarik",
}
NOTE_REQUIRED: frozenset[str] = frozenset(d for d in DECISIONS if d != "disetujui")
"""Decisions that need a written reason or list of fixes in the minutes."""

ATTENDANCE: tuple[str, ...] = ("hadir", "izin", "sakit", "tugas_luar", "tanpa_keterangan")
ATTENDANCE_LABEL: dict[str, str] = {
    "hadir": "Hadir",
    "izin": "Izin",
    "sakit": "Sakit",
    "tugas_luar": "Tugas luar",
    "tanpa_keterangan": "Tanpa keterangan",
}

PROJECTOR_TABS: tuple[str, ...] = ("ringkasan", "flowchart", "perubahan", "keputusan")
"""What the room sees for the current item (the projector follows the session file)."""

CRITERIA_FILE = Path(__file__).with_name("kriteria.yaml")

_ANSWER_WORDS: dict[str, bool | None] = {
    "ya": True, "y": True, "yes": True, "true": True, "1": True,
    "tidak": False, "t": False, "no": False, "false": False, "0": False,
    "-": None, "": None, "kosong": None,
}


@dataclass(frozen=True)
class Criterion:
    """One evaluation question (answered Ya/Tidak)."""

    id: str
    teks: str


def parse_criteria(data: Any, source: str) -> tuple[Criterion, ...]:
    """Turn ``{"kriteria": [{id, teks}, ...]}`` into criteria; ValueError says what to fix."""
    items = data.get("kriteria") if isinstance(data, dict) else None
    if not isinstance(items, list) or not items:
        raise ValueError(f"{source}: harus berisi daftar 'kriteria' (setiap butir punya id dan teks)")
    out: list[Criterion] = []
    seen: set[str] = set()
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not isinstance(item.get("teks"), str):
            raise ValueError(f"{source}: kriteria ke-{n} harus punya 'id' dan 'teks' berupa teks")
        cid, teks = item["id"].strip(), item["teks"].strip()
        if not re.fullmatch(r"[a-z0-9_]+", cid):
            raise ValueError(f"{source}: id kriteria ke-{n} {cid!r} hanya boleh huruf kecil, angka dan _")
        if cid in seen:
            raise ValueError(f"{source}: id kriteria {cid!r} dipakai dua kali")
        if not teks:
            raise ValueError(f"{source}: teks kriteria {cid!r} kosong")
        seen.add(cid)
        out.append(Criterion(cid, teks))
    return tuple(out)


def load_criteria(path: Path = CRITERIA_FILE) -> tuple[Criterion, ...]:
    """Read the criteria file (safe YAML)."""
    with open(path, encoding="utf-8") as handle:
        return parse_criteria(yaml.safe_load(handle), str(path))


DEFAULT_CRITERIA: tuple[Criterion, ...] = load_criteria()


def parse_answer(word: str) -> bool | None:
    """'ya'/'tidak'/'-' (and a few synonyms) to True/False/None; ValueError otherwise."""
    key = word.strip().lower()
    if key not in _ANSWER_WORDS:
        raise ValueError(f"jawaban {word!r} tidak dikenal; pakai ya, tidak, atau - (belum dijawab)")
    return _ANSWER_WORDS[key]


def validate_decision(keputusan: str, catatan: str) -> str | None:
    """Indonesian error message, or None when the decision may be recorded."""
    if keputusan not in DECISIONS:
        return f"keputusan {keputusan!r} tidak dikenal; pilihan: {', '.join(DECISIONS)}"
    if keputusan in NOTE_REQUIRED and not catatan.strip():
        return f"keputusan '{DECISION_LABEL[keputusan]}' wajib disertai catatan (alasan atau perbaikan)"
    return None


def proposal_hash(proposal: Proposal) -> str:
    """sha256 of the proposal's content, ignoring where it was read from."""
    data = proposal.to_dict()
    data.pop("sumber", None)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Decision:
    keputusan: str
    catatan: str
    waktu: str

    @property
    def label(self) -> str:
        return DECISION_LABEL.get(self.keputusan, self.keputusan)

    def to_dict(self) -> dict[str, Any]:
        return {"keputusan": self.keputusan, "catatan": self.catatan, "waktu": self.waktu}

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
class Evaluation:
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

    def to_dict(self) -> dict[str, Any]:
        return {"jawaban": dict(self.jawaban), "catatan": self.catatan, "tindakan": self.tindakan}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Evaluation:
        return cls(dict(data.get("jawaban") or {}), str(data.get("catatan", "")), str(data.get("tindakan", "")))


@dataclass(frozen=True)
class Action:
    """A follow-up (tindak lanjut): what, who, by when; proposal_id None = for the meeting."""

    id: int
    proposal_id: str | None
    apa: str
    siapa: str
    kapan: str

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Action:
        return cls(int(data["id"]), data.get("proposal_id"), str(data["apa"]), str(data["siapa"]), str(data["kapan"]))


@dataclass(frozen=True)
class Attendance:
    nama: str
    status: str
    keterangan: str = ""

    @property
    def label(self) -> str:
        return ATTENDANCE_LABEL.get(self.status, self.status)

    def to_dict(self) -> dict[str, Any]:
        return {"nama": self.nama, "status": self.status, "keterangan": self.keterangan}

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


@dataclass(frozen=True)
class MeetingMeta:
    """The header of the notulen."""

    judul: str = ""
    tanggal: str = ""
    tempat: str = ""
    waktu_mulai: str = ""
    waktu_selesai: str = ""
    surat_undangan: str = ""
    ketua: str = ""
    sekretaris: str = ""
    notulis: str = ""
    pembukaan: str = ""
    kesimpulan: str = ""
    acara: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["acara"] = list(self.acara)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingMeta:
        values = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        values["acara"] = tuple(values.get("acara") or ())
        return cls(**values)


META_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(MeetingMeta))
META_LABEL: dict[str, str] = {
    "judul": "Judul rapat",
    "tanggal": "Tanggal",
    "tempat": "Tempat",
    "waktu_mulai": "Waktu mulai",
    "waktu_selesai": "Waktu selesai",
    "surat_undangan": "Nomor surat undangan",
    "ketua": "Pimpinan rapat",
    "sekretaris": "Sekretaris",
    "notulis": "Notulis",
    "pembukaan": "Pembukaan",
    "kesimpulan": "Kesimpulan",
    "acara": "Acara",
}
"""What the secretariat calls each header field; error messages use these, never the ids."""

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")
_DIGITS_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
KAPAN_HINT = "tanggal YYYY-MM-DD (mis. 2022-07-15) atau teks seperti 'Juli 2022'"


def real_date(text: str) -> bool:
    """True for an existing calendar day written YYYY-MM-DD (2022-02-30 is not one)."""
    if not _DIGITS_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def validate_meta(name: str, value: Any) -> str | None:
    """Indonesian error message for one meta field, or None when it is acceptable.

    The message starts with the field's label (``META_LABEL``), so it stands on its own in
    the CLI, in ``InvalidValue`` and in a form."""
    if name not in META_FIELDS:
        return f"kolom {name!r} tidak dikenal; pilihan: {', '.join(META_FIELDS)}"
    label = META_LABEL[name]
    if name == "acara":
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            return f"{label} harus berupa daftar teks"
        return None
    if not isinstance(value, str):
        return f"{label} harus berupa teks"
    text = value.strip()
    if name == "tanggal" and text and not real_date(text):
        if _DIGITS_DATE.fullmatch(text):
            return f"{label} {text!r} tidak ada di kalender; periksa bulan (01–12) dan hari"
        return f"{label} {text!r} harus berformat YYYY-MM-DD, misalnya 2022-06-16"
    if name in ("waktu_mulai", "waktu_selesai") and text:
        match = _TIME.fullmatch(text)
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            return f"{label} {text!r} harus berformat JJ:MM (00:00–23:59), misalnya 09:00"
    return None


def validate_meeting_times(waktu_mulai: str, waktu_selesai: str) -> str | None:
    """The meeting cannot end before it starts (both valid HH:MM, or either empty)."""
    if not waktu_mulai.strip() or not waktu_selesai.strip():
        return None
    start = normalize_meta("waktu_mulai", waktu_mulai)
    end = normalize_meta("waktu_selesai", waktu_selesai)
    if end <= start:
        return (f"{META_LABEL['waktu_selesai']} {end} harus setelah "
                f"{META_LABEL['waktu_mulai'].lower()} {start}")
    return None


def normalize_meta(name: str, value: Any) -> Any:
    """The stored form of a valid value: text stripped, ``9.05`` -> ``09:05``, empty acara lines dropped."""
    if name == "acara":
        return [v.strip() for v in value if v.strip()]
    text = value.strip()
    if name in ("waktu_mulai", "waktu_selesai") and text:
        hh, mm = text.replace(".", ":").split(":")
        return f"{int(hh):02d}:{mm}"
    return text


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


OFFICIAL_JABATAN: dict[str, str] = {"ketua": "ketua", "sekretaris": "sekretaris"}
"""Meta field -> the first word of the jabatan that marks who usually fills it."""


DEFAULT_JUDUL = "Rapat Penyusunan dan Evaluasi SOP Administrasi Pemerintahan"
DEFAULT_ACARA = ("Pembahasan dan evaluasi usulan SOP Administrasi Pemerintahan",)


def with_defaults(meta: MeetingMeta, orang: tuple[Orang, ...] | list[Orang], today: str) -> MeetingMeta:
    """The header a new session starts with: what was given, and for what was left empty a
    title, today's date, one agenda line and the officials the organisation makes unambiguous.

    Every way of starting a meeting (CLI, the app's form, the demo) goes through Session.create,
    which applies this once."""
    filled: dict[str, Any] = {k: v for k, v in default_officials(orang).items() if not getattr(meta, k)}
    if not meta.judul:
        filled["judul"] = DEFAULT_JUDUL
    if not meta.tanggal:
        filled["tanggal"] = today
    if not meta.acara:
        filled["acara"] = DEFAULT_ACARA
    return dataclasses.replace(meta, **filled)


def default_officials(orang: tuple[Orang, ...] | list[Orang]) -> dict[str, str]:
    """Ketua/sekretaris taken from the people list when exactly one jabatan starts with that word.

    Two candidates (or none) leave the field empty: a wrong name on the signature block is
    worse than a blank one the secretariat fills in."""
    out: dict[str, str] = {}
    for field_name, word in OFFICIAL_JABATAN.items():
        found = [o.nama for o in orang if o.jabatan.strip().casefold().split(" ", 1)[0] == word]
        if len(found) == 1:
            out[field_name] = found[0]
    return out


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change: what, when, the value before and after."""

    seq: int
    waktu: str
    aksi: str
    target: str
    lama: Any
    baru: Any
    ringkasan: str = ""
    """A sentence in Indonesian for the log view."""
    batal: int | None = None
    """For an undo: the seq of the change it reverted."""
