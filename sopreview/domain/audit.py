"""One recorded change in a session's audit log."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


NAVIGATION_ACTIONS = frozenset({"tampil"})
"""What the room looks at, not what it decides (item, tab, pointed step, zoom, slide): logged so
a follower shows it, hidden in the log view, skipped by undo, and not fsynced line by line (the
next change, or closing, makes it durable; a crash may forget where the room was looking)."""


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
