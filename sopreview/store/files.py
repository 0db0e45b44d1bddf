"""Where sessions live and which files make up one session: the only module that knows their names.

``sessions/rapat.json`` (the TinyDB file: the state that changes) comes with
``rapat.usulan.jsonl`` (the proposals' snapshot, written once when the session is made),
``rapat.json.bak`` (the previous good version), ``rapat.json.lock`` (who is writing) and
``rapat.audit.jsonl`` (the append-only journal, where each change lands first). A session
from before the snapshot had its own file is kept as ``rapat.json.v1.bak`` when it is migrated. Storage, lock and journal ask here instead of each building a name; a future durable
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
SNAPSHOT_SUFFIX = ".usulan.jsonl"
LEGACY_SUFFIX = ".v1.bak"


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
        return self.path.with_name(self._stem + JOURNAL_SUFFIX)

    @property
    def snapshot(self) -> Path:
        """``sessions/rapat.json`` -> ``sessions/rapat.usulan.jsonl`` (not ``*.json``: never listed as a
        session). The ``.bak`` shares it: the snapshot never changes, so a backup opens as it is."""
        name = self.path.name
        if name.endswith(SESSION_SUFFIX + BAK_SUFFIX):
            return SessionFiles(self.path.with_name(name[: -len(BAK_SUFFIX)])).snapshot
        return self.path.with_name(self._stem + SNAPSHOT_SUFFIX)

    @property
    def legacy(self) -> Path:
        """The single-file session as it was before its snapshot was moved out (never rotated)."""
        return self.path.with_name(self.path.name + LEGACY_SUFFIX)

    @property
    def _stem(self) -> str:
        name = self.path.name
        return name[: -len(SESSION_SUFFIX)] if name.endswith(SESSION_SUFFIX) else name


def bak_path(path: Path) -> Path:
    return SessionFiles(path).bak


def lock_path(path: Path) -> Path:
    return SessionFiles(path).lock


def journal_path(path: Path) -> Path:
    return SessionFiles(path).journal


def snapshot_path(path: Path) -> Path:
    return SessionFiles(path).snapshot
