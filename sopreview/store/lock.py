"""One writer per session: ``<name>.json.lock`` (named in ``files.py``) says who holds it.

The mechanism (flock, the O_EXCL fallback, stale records) is ``sopreview/durable/lock.py``,
shared with every durable record; this module speaks of sessions: it takes a session path
and turns "locked" into ``SessionLocked`` with the session's way out.
"""

from __future__ import annotations

from pathlib import Path

from sopreview.durable import lock as _lock
from sopreview.durable.lock import LockHolder, Locked, is_stale, pid_alive, read_holder_file, this_holder
from sopreview.store.errors import SessionLocked
from sopreview.store.files import lock_path

__all__ = ["SessionLock", "holder_state", "is_stale", "live_holder", "pid_alive", "read_holder",
           "read_holder_file", "this_holder"]


def read_holder(path: Path) -> LockHolder | None:
    """The holder recorded in the session's lock file (None if missing or unreadable); never writes."""
    return _lock.read_holder(lock_path(path))


def holder_state(path: Path) -> tuple[LockHolder | None, bool]:
    """The session's recorded holder and whether it still holds it (False: a stale record)."""
    return _lock.holder_state(lock_path(path))


def live_holder(path: Path) -> str | None:
    """Who holds the session, for a read-only opener; a holder that is gone is not shown."""
    return _lock.live_holder(lock_path(path))


class SessionLock(_lock.FileLock):
    """The session's lock; ``acquire`` raises SessionLocked naming the session and its holder."""

    def __init__(self, path: Path, *, use_flock: bool = True) -> None:
        self.session_path = Path(path)
        super().__init__(lock_path(self.session_path), use_flock=use_flock)

    def acquire(self) -> None:
        try:
            super().acquire()
        except Locked as exc:
            raise SessionLocked(str(self.session_path), exc.holder, exc.hint) from None
