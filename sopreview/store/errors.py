"""Errors of the session store. Each ``str()`` is a message for the secretariat, naming the file."""

from __future__ import annotations

from sopreview.durable.lock import LockHolder as LockHolder  # defined with the lock it describes


class SessionError(Exception):
    """Base class: something about a session file the user has to know about."""


class SessionLocked(SessionError):
    """Another process holds the session open for writing."""

    def __init__(self, path: str, holder: LockHolder | None, hint: str = "") -> None:
        self.path = path
        self.holder = holder
        self.since = holder.since if holder else None
        who = holder.describe() if holder else "proses lain (data pemegang tidak terbaca)"
        message = f"{path}: sesi sedang dibuka untuk menulis oleh {who}. Buka hanya-baca, atau tutup aplikasi di sana."
        if hint:
            message += " " + hint
        super().__init__(message)


class SessionFileError(SessionError):
    """The file cannot be trusted (bad JSON, unknown schema, nonsense); it is never overwritten."""


class ReadOnlySession(SessionError):
    """A write was attempted on a session opened read-only."""


class UnknownProposal(SessionError):
    """The proposal id is not on this session's agenda."""


class InvalidValue(SessionError):
    """A value outside the allowed choices; the message lists them."""


class SaveFailed(SessionError):
    """The disk refused a write; memory was reset to what the file holds (the message says which)."""

    replaced = False
    """True when the new file is in place and only the folder's fsync failed (the change is on disk)."""


class AlreadySaved(SessionError):
    """The same operation (same operation id) is already in the log: a retry, not a new record."""

    def __init__(self, message: str, seq: int) -> None:
        super().__init__(message)
        self.seq = seq
