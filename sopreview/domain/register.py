"""The register of SOPs (Daftar SOP): what is in force, its status, and how it got there.

The register is never edited: it is folded from the SOPs in force (``<subbag>/berlaku/*.yaml``)
and an append-only log of events (``daftar/peristiwa.yaml``). A status change is one more
event with its meeting or date and reason, so the history stays as it was written.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sopreview.domain.codec import Plain, to_plain
from sopreview.domain.model import SopDocument
from sopreview.domain.monitoring import MONITORING_MONTHS, MonitoringRecord, next_due

# Event kinds of the register log.
DITETAPKAN = "ditetapkan"
"""A new SOP adopted by a meeting: it gets its number and is in force."""
DIREVISI = "direvisi"
"""A revision adopted: the SOP keeps its number, revisi_ke + 1, the old text goes to history."""
DIARSIPKAN = "diarsipkan"
"""A rejected or withdrawn proposal moved to the archive with its reason."""
STATUS = "status"
"""A status change of an SOP in force (evaluation outcome, revocation)."""
EVENT_KINDS: tuple[str, ...] = (DITETAPKAN, DIREVISI, DIARSIPKAN, STATUS)

BERLAKU = "berlaku"
PERLU_REVISI = "perlu_revisi"
DICABUT = "dicabut"
STATUSES: tuple[str, ...] = (BERLAKU, PERLU_REVISI, DICABUT)
STATUS_LABEL: dict[str, str] = {
    BERLAKU: "Berlaku",
    PERLU_REVISI: "Perlu revisi",
    DICABUT: "Tidak diberlakukan lagi (dicabut)",
}


@dataclass(frozen=True)
class Event(Plain):
    """One line of the register log. Empty fields are left out of the file."""

    peristiwa: str
    sop: str = ""
    """Register id of the SOP: ``<subbag>/<slug>`` of its file under ``berlaku/``."""
    usulan: str = ""
    """Proposal id the event came from, if any."""
    rapat: str = ""
    """Session name of the meeting that decided it."""
    judul_rapat: str = ""
    tanggal: str = ""
    """Signing / effective date (adoption), or the date of a status change."""
    nomor: str = ""
    revisi_ke: int | None = None
    keputusan: str = ""
    status: str = ""
    alasan: str = ""
    disahkan_oleh: str = ""
    perubahan: str = ""
    """Change summary between the replaced and the adopted version (revisions)."""
    riwayat: str = ""
    """File under ``daftar/`` holding the replaced version (revisions) or the archived proposal."""
    kriteria: str = ""
    """Evaluation outcomes: criteria met of those on the form, ``5/7`` (results over time)."""

    def to_dict(self) -> dict[str, Any]:
        return {name: value for name, value in to_plain(self).items() if value not in ("", None)}


@dataclass(frozen=True)
class InForce:
    """One SOP in force as read from its file."""

    sop_id: str
    subbag: str
    path: str
    """File relative to the sops folder, e.g. ``hukum-sdm/berlaku/jdih.yaml``."""
    dokumen: SopDocument
    sampel: bool = False


@dataclass(frozen=True)
class RegisterRow:
    """One line of the Daftar SOP."""

    sop_id: str
    nomor: str
    nama: str
    subbag: str
    subbag_nama: str
    revisi_ke: int
    tanggal_efektif: str
    status: str
    rapat: str
    """The meeting that last set it (empty: in force before the register was kept)."""
    tanggal_status: str = ""
    alasan: str = ""
    rapat_judul: str = ""
    tertunda: tuple[str, ...] = ()
    """Proposals pending for this SOP (ids)."""
    sampel: bool = False
    monitoring_terakhir: str = ""
    """Date of the last monitoring ('' = never monitored, or not read)."""
    monitoring_berikut: str = ""
    """When the next monitoring is due (YYYY-MM-DD; '' = unknown, due at once)."""
    monitoring_tidak: int = 0
    """Steps not running well at the last monitoring."""

    @property
    def status_label(self) -> str:
        return STATUS_LABEL.get(self.status, self.status)


@dataclass
class Register:
    rows: list[RegisterRow] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def row(self, sop_id: str) -> RegisterRow | None:
        return next((r for r in self.rows if r.sop_id == sop_id), None)

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for r in self.rows:
            out[r.status] = out.get(r.status, 0) + 1
        return out


def applied_keys(events: Iterable[Event]) -> set[tuple[str, str]]:
    """(rapat, usulan) of every proposal (or evaluation item) a meeting has already applied: running
    twice changes nothing."""
    return {(e.rapat, e.usulan) for e in events if e.usulan and e.peristiwa in (DITETAPKAN, DIREVISI, DIARSIPKAN, STATUS)}


def used_numbers(in_force: Iterable[InForce], events: Iterable[Event], history: Iterable[str] = ()) -> frozenset[str]:
    """Every number ever given: in force, recorded in the log, or kept in history."""
    numbers = {f.dokumen.nomor for f in in_force} | {e.nomor for e in events} | set(history)
    return frozenset(n for n in numbers if n)


def build_register(in_force: Iterable[InForce], events: Iterable[Event], subbag_names: Mapping[str, str],
                   subbag_order: Mapping[str, int], pending: Mapping[str, list[str]],
                   monitoring: Mapping[str, MonitoringRecord] | None = None,
                   months: int = MONITORING_MONTHS) -> Register:
    """Fold the log over the files in force: status, last meeting and pending proposals per SOP;
    with ``monitoring`` (the last record per SOP) also the last monitoring and the next due date."""
    events = list(events)
    state: dict[str, dict[str, str]] = {}
    for event in events:
        if not event.sop or event.peristiwa == DIARSIPKAN:
            continue
        entry = state.setdefault(event.sop, {})
        if event.peristiwa in (DITETAPKAN, DIREVISI):
            entry.update(status=BERLAKU, rapat=event.rapat, judul=event.judul_rapat, tanggal=event.tanggal,
                         alasan="")
        elif event.peristiwa == STATUS:
            entry.update(status=event.status, rapat=event.rapat, judul=event.judul_rapat, tanggal=event.tanggal,
                         alasan=event.alasan)
    rows = []
    for sop in in_force:
        entry = state.get(sop.sop_id, {})
        rows.append(RegisterRow(
            sop_id=sop.sop_id, nomor=sop.dokumen.nomor, nama=sop.dokumen.nama, subbag=sop.subbag,
            subbag_nama=subbag_names.get(sop.subbag, sop.subbag), revisi_ke=sop.dokumen.revisi_ke,
            tanggal_efektif=sop.dokumen.tanggal_efektif, status=entry.get("status", BERLAKU),
            rapat=entry.get("rapat", ""), tanggal_status=entry.get("tanggal", ""), alasan=entry.get("alasan", ""),
            rapat_judul=entry.get("judul", ""), tertunda=tuple(pending.get(sop.sop_id, ())), sampel=sop.sampel,
            **_monitoring_fields(sop, monitoring, months)))
    rows.sort(key=lambda r: (subbag_order.get(r.subbag, len(subbag_order)), _nomor_key(r.nomor), r.nama))
    return Register(rows=rows, events=events)


def _monitoring_fields(sop: InForce, monitoring: Mapping[str, MonitoringRecord] | None,
                       months: int) -> dict[str, Any]:
    if monitoring is None:
        return {}
    last = monitoring.get(sop.sop_id)
    due = next_due(last, sop.dokumen.tanggal_efektif, months)
    return {"monitoring_terakhir": last.tanggal if last else "", "monitoring_berikut": due.isoformat() if due else "",
            "monitoring_tidak": last.not_running if last else 0}


def _nomor_key(nomor: str) -> tuple[int, str]:
    head = nomor.split("/", 1)[0]
    return (int(head) if head.isdigit() else 10**9, nomor)


def history_of(sop_id: str, events: Iterable[Event]) -> list[Event]:
    """The adoptions and status changes of one SOP, oldest first."""
    return [e for e in events if e.sop == sop_id and e.peristiwa != DIARSIPKAN]
