"""The operator's heartbeat: a small file beside the session, rewritten while the app runs.

If the app dies with an item's clock running, nothing closes the clock; the next open stops
it at the last heartbeat, so time while no operator was connected is never counted
(``domain/clock.py``, rule 5). The file holds one ISO timestamp; losing it only makes the
next open fall back to the last recorded change, so it is replaced atomically but without fsync.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sopreview.durable.files import atomic_write

INTERVAL_SECONDS = 15
"""How often the app beats; at most this much discussion time is lost after a crash."""


def heartbeat_path(session_path: Path) -> Path:
    return session_path.with_name(session_path.name + ".detak")


def beat(session_path: Path, now: datetime) -> None:
    """Record that the operator is here at ``now`` (best effort: a failure is not an error)."""
    try:
        atomic_write(heartbeat_path(session_path), (now.isoformat(timespec="seconds") + "\n").encode(), sync=False)
    except OSError:
        pass


def last_beat(session_path: Path) -> datetime | None:
    """The last recorded heartbeat, or None when there is none (or it is unreadable)."""
    try:
        text = heartbeat_path(session_path).read_text(encoding="utf-8").strip()
        when = datetime.fromisoformat(text)
    except (OSError, ValueError):
        return None
    return when if when.tzinfo is not None else when.astimezone()


def clear(session_path: Path) -> None:
    """After a clean close: no clock runs, nothing to recover."""
    try:
        heartbeat_path(session_path).unlink()
    except OSError:
        pass
