"""What happened to a session's proposals after the meeting: perbaikan done, decisions applied.

Kept in each agenda item of the session file (``perbaikan_selesai``, ``diterapkan``), written
through the session's one durable commit so the audit log shows it. Applying is not undoable
(aksi ``tetapkan``): the ``sops/`` folder has already changed.
"""

from __future__ import annotations

from typing import Any

from sopreview.store import schema
from sopreview.store.session import Session


def perbaikan_done(session: Session, pid: str) -> dict[str, Any] | None:
    """``{"waktu", "hash"}`` once the perbaikan of a ``disetujui_dengan_perbaikan`` is marked done."""
    value = session._item(pid).get("perbaikan_selesai")
    return dict(value) if isinstance(value, dict) else None


def mark_perbaikan_done(session: Session, pid: str, file_hash: str) -> None:
    """Record that the file as it is now (``file_hash``) holds the perbaikan the meeting asked for."""
    value = {"waktu": session._stamp(), "hash": file_hash}
    session._commit("perbaikan", pid, [((schema.T_ITEM, pid, "perbaikan_selesai"), value)],
                    f"Perbaikan {pid} ditandai selesai")


def applied(session: Session, pid: str) -> dict[str, Any] | None:
    value = session._item(pid).get("diterapkan")
    return dict(value) if isinstance(value, dict) else None


def record_applied(session: Session, results: dict[str, dict[str, Any]], tanggal: str) -> None:
    """One audit entry for everything one ``tetapkan`` run applied."""
    sets = [((schema.T_ITEM, pid, "diterapkan"), value) for pid, value in results.items()]
    if sets:
        session._commit("tetapkan", "sesi", sets, f"Keputusan diterapkan ke folder SOP ({len(sets)} usulan, "
                        f"tanggal {tanggal})")
