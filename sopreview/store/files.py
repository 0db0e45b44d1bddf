"""Where sessions live and which files make up one session: the only module that knows their names.

``sessions/rapat.json`` (the TinyDB file) comes with ``rapat.json.bak`` (the previous good
version), ``rapat.json.lock`` (who is writing) and ``rapat.audit.jsonl`` (the append-only
journal). Storage, lock and journal ask here instead of each building a name; a future durable
record (register, monitoring) gets its companions the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SESSIONS_DIR = Path("sessions")
"""Where the CLI and the app look for and create sessions, relative to the working folder."""

SESSION_SUFFIX = ".json"
BAK_SUFFIX = ".bak"
LOCK_SUFFIX = ".lock"
JOURNAL_SUFFIX = ".audit.jsonl"


@dataclass(frozen=True)
class SessionFiles:
    """One session file and its companions (all in the same folder)."""

    path: Path

    @classmethod
    def named(cls, name: str, folder: Path = SESSIONS_DIR) -> SessionFiles:
        """``rapat-1`` -> ``sessions/rapat-1.json`` (the caller checks the name is plain)."""
        return cls(folder / f"{name}{SESSION_SUFFIX}")

    @property
    def bak(self) -> Path:
        return self.path.with_name(self.path.name + BAK_SUFFIX)

    @property
    def lock(self) -> Path:
        return self.path.with_name(self.path.name + LOCK_SUFFIX)

    @property
    def journal(self) -> Path:
        """``sessions/rapat.json`` -> ``sessions/rapat.audit.jsonl``."""
        name = self.path.name
        stem = name[: -len(SESSION_SUFFIX)] if name.endswith(SESSION_SUFFIX) else name
        return self.path.with_name(stem + JOURNAL_SUFFIX)


def bak_path(path: Path) -> Path:
    return SessionFiles(path).bak


def lock_path(path: Path) -> Path:
    return SessionFiles(path).lock


def journal_path(path: Path) -> Path:
    return SessionFiles(path).journal
