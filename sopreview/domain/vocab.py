"""The meeting's vocabularies: decision kinds, attendance statuses, projector tabs."""

from __future__ import annotations

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
