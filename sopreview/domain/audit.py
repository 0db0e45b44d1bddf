"""One recorded change in a session's audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
