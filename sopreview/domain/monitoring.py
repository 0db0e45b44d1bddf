"""Monitoring of SOPs in force between meetings (issue 14; PermenPANRB 35/2012's monitoring form).

Every six months (configurable) each SOP in force is monitored step by step: is the step
*berjalan dengan baik* or not, a note on what was found, the action to take, and who judged it.
A record is kept per monitoring; the register shows the last one and when the next is due,
and the history shows, per monitoring, how many steps did not run well.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sopreview.domain.codec import Plain
from sopreview.domain.model import SopDocument
from sopreview.domain.textsafe import visible

MONITORING_MONTHS = 6
"""Months between two monitorings of one SOP (PermenPANRB 35/2012); ``monitoring_bulan`` in
organisasi.yaml or ``--bulan`` change it."""
DUE_WINDOW_DAYS = 30
"""``daftar --jatuh-tempo`` also lists what falls due within this many days, so forms go out in time."""

BERJALAN = "berjalan"
TIDAK_BERJALAN = "tidak"
RESULT_WORDS: dict[str, bool] = {"berjalan": True, "ya": True, "baik": True,
                                 "tidak": False, "tidak_berjalan": False, "tidak-berjalan": False}
FORM_COLUMNS = ("No", "Prosedur", "Berjalan dengan baik", "Tidak berjalan dengan baik",
                "Catatan hasil penilaian", "Tindakan yang harus diambil", "Paraf penilai")
"""The columns of the monitoring form (the regulation's layout; the two Penilaian columns are ticked)."""


class MonitoringError(ValueError):
    """A record that cannot be stored or read: ``field`` names what to fix, ``hint`` how."""

    def __init__(self, field: str, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.field, self.message, self.hint = field, message, hint


@dataclass(frozen=True)
class StepResult(Plain):
    """One row of the monitoring form, filled in."""

    no: int
    prosedur: str
    berjalan: bool
    catatan: str = ""
    tindakan: str = ""


@dataclass(frozen=True)
class MonitoringRecord(Plain):
    """One monitoring of one SOP in force: who judged it, when, and each step's result."""

    sop: str
    """Register id ``<subbag>/<slug>``."""
    tanggal: str
    penilai: str
    revisi_ke: int
    langkah: tuple[StepResult, ...]
    dicatat: str = ""
    """When it was recorded (ISO time), as opposed to ``tanggal``, when it was monitored."""

    @property
    def not_running(self) -> int:
        return sum(1 for s in self.langkah if not s.berjalan)

    @property
    def date(self) -> dt.date:
        return dt.date.fromisoformat(self.tanggal)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, clean: bool = False) -> MonitoringRecord:
        """Checked reading: a hand-edited line raises MonitoringError naming the field.

        ``clean``: the caller saw no control character in the line, so texts need no escaping
        (the log of a large office is read whole for the due list; this keeps it fast)."""
        if not isinstance(data, Mapping):
            raise MonitoringError("", "bukan catatan monitoring", "setiap baris adalah satu objek JSON")
        for key in ("sop", "tanggal", "penilai"):
            if type(data.get(key)) is not str or not data[key].strip():
                raise MonitoringError(key, f"'{key}' harus teks yang tidak kosong", "ditulis oleh `sopreview monitoring`")
        _check_date(data["tanggal"], "tanggal")
        revisi = data.get("revisi_ke", 0)
        if type(revisi) is not int or revisi < 0:
            raise MonitoringError("revisi_ke", "'revisi_ke' harus bilangan bulat ≥ 0")
        raw_steps = data.get("langkah")
        if type(raw_steps) is not list or not raw_steps:
            raise MonitoringError("langkah", "'langkah' harus daftar hasil per langkah yang tidak kosong")
        show = (lambda t: t) if clean else visible
        steps = []
        for k, raw in enumerate(raw_steps):
            if type(raw) is not dict:
                raise MonitoringError(f"langkah[{k}]", "hasil langkah harus objek {no, prosedur, berjalan, ...}")
            no, ok = raw.get("no"), raw.get("berjalan")
            prosedur, catatan, tindakan = raw.get("prosedur", ""), raw.get("catatan", ""), raw.get("tindakan", "")
            if type(no) is not int or no < 1:
                raise MonitoringError(f"langkah[{k}].no", "'no' harus nomor langkah ≥ 1")
            if type(ok) is not bool:
                raise MonitoringError(f"langkah[{k}].berjalan", "'berjalan' harus true atau false")
            if type(prosedur) is not str or type(catatan) is not str or type(tindakan) is not str:
                bad = next(key for key in ("prosedur", "catatan", "tindakan") if type(raw.get(key, "")) is not str)
                raise MonitoringError(f"langkah[{k}].{bad}", f"'{bad}' harus teks")
            steps.append(StepResult(no, show(prosedur), ok, show(catatan), show(tindakan)))
        dicatat = data.get("dicatat", "")
        return cls(show(data["sop"]), data["tanggal"], show(data["penilai"]), revisi, tuple(steps),
                   dicatat if type(dicatat) is str else "")


def _check_date(text: str, field: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise MonitoringError(field, f"tanggal '{text}' tidak sah", "tulis YYYY-MM-DD, mis. 2022-12-15") from None
    if len(text) != 10:
        raise MonitoringError(field, f"tanggal '{text}' harus YYYY-MM-DD", "mis. 2022-12-15")
    return value


def build_record(sop_id: str, dokumen: SopDocument, tanggal: str, penilai: str,
                 not_running: Iterable[int], catatan: Mapping[int, str], tindakan: Mapping[int, str],
                 dicatat: str = "") -> MonitoringRecord:
    """A record for ``dokumen`` (the version in force): every step berjalan except ``not_running``.

    A step that did not run well needs a note (what was found), as a decision that changes
    anything needs one; numbers that are not steps of this SOP are refused by name."""
    _check_date(tanggal, "--date")
    if not penilai.strip():
        raise MonitoringError("--assessor", "penilai wajib diisi", "tulis nama yang memaraf, mis. --assessor 'Sri Wahyuni'")
    numbers = {s.nomor for s in dokumen.langkah}
    if not numbers:
        raise MonitoringError("langkah", f"SOP {sop_id} tidak punya langkah untuk dimonitor")
    bad = sorted(n for n in {*not_running, *catatan, *tindakan} if n not in numbers)
    if bad:
        raise MonitoringError("--not-running", f"langkah {', '.join(map(str, bad))} tidak ada di SOP {sop_id}",
                              f"nomor langkahnya {min(numbers)}–{max(numbers)}")
    failing = set(not_running)
    missing = sorted(n for n in failing if not catatan.get(n, "").strip())
    if missing:
        raise MonitoringError("--note", f"langkah {', '.join(map(str, missing))} tidak berjalan dengan baik tetapi "
                              "tanpa catatan", f"tulis apa yang ditemukan, mis. --note {missing[0]}='berkas terlambat'")
    steps = tuple(StepResult(s.nomor, s.kegiatan, s.nomor not in failing, catatan.get(s.nomor, "").strip(),
                             tindakan.get(s.nomor, "").strip()) for s in dokumen.langkah)
    return MonitoringRecord(sop_id, tanggal, penilai.strip(), dokumen.revisi_ke, steps, dicatat)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, the day clamped to the month's end (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def latest_by_sop(records: Iterable[MonitoringRecord]) -> dict[str, MonitoringRecord]:
    """The last monitoring of each SOP (by its date; of two on one day, the one recorded later)."""
    out: dict[str, MonitoringRecord] = {}
    for record in records:
        seen = out.get(record.sop)
        if seen is None or (record.tanggal, record.dicatat) >= (seen.tanggal, seen.dicatat):
            out[record.sop] = record
    return out


def next_due(last: MonitoringRecord | None, tanggal_efektif: str, months: int = MONITORING_MONTHS) -> dt.date | None:
    """When the next monitoring is due: ``months`` after the last one, else after the SOP took
    effect; None when neither date is known (the SOP is due at once)."""
    if last is not None:
        return add_months(last.date, months)
    try:
        return add_months(dt.date.fromisoformat(tanggal_efektif), months)
    except ValueError:
        return None


@dataclass(frozen=True)
class DueItem:
    """One line of ``daftar --jatuh-tempo``."""

    sop_id: str
    nomor: str
    nama: str
    terakhir: str
    """Date of the last monitoring ('' = never monitored)."""
    jatuh_tempo: dt.date | None
    lewat_hari: int
    """Days overdue (negative: due in that many days)."""


def due_list(sops: Sequence[tuple[str, str, str, str]], latest: Mapping[str, MonitoringRecord], today: dt.date,
             months: int = MONITORING_MONTHS, window: int = DUE_WINDOW_DAYS) -> list[DueItem]:
    """SOPs (id, nomor, nama, tanggal_efektif) whose monitoring is overdue or due within ``window`` days,
    most overdue first."""
    out = []
    for sop_id, nomor, nama, efektif in sops:
        last = latest.get(sop_id)
        due = next_due(last, efektif, months)
        late = (today - due).days if due is not None else 10**6
        if late >= -window:
            out.append(DueItem(sop_id, nomor, nama, last.tanggal if last else "", due, late))
    out.sort(key=lambda d: (-d.lewat_hari, d.sop_id))
    return out


def history_of(sop_id: str, records: Iterable[MonitoringRecord]) -> list[MonitoringRecord]:
    """The monitorings of one SOP, oldest first."""
    return sorted((r for r in records if r.sop == sop_id), key=lambda r: (r.tanggal, r.dicatat))
