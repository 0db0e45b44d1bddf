"""The sessions in a folder, for the picker and ``sopreview sessions`` (cheap: no full check)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sopreview.store import schema
from sopreview.store.errors import SessionError
from sopreview.store.lock import read_holder
from sopreview.store.storage import parse_file


_SESSION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def is_session_name(name: str) -> bool:
    """A plain session name (``rapat-2022-06-16``): letters, digits, ``.``, ``-``, ``_``; no path."""
    return _SESSION_NAME.fullmatch(name) is not None


@dataclass(frozen=True)
class SessionSummary:
    path: Path
    judul: str
    tanggal: str
    decided: int
    total: int
    modified: datetime
    masalah: str = ""
    """Why the file cannot be opened (empty when it is fine)."""
    dipegang: str | None = None
    """Who holds it open for writing right now, if anyone."""


def summarize(path: Path) -> SessionSummary:
    modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    holder = read_holder(path)
    held = holder.describe() if holder else None
    try:
        data = schema.migrate(parse_file(path), path)
        meta = data[schema.T_META]["1"]
        items = list(data[schema.T_ITEM].values())
        return SessionSummary(path, str(meta.get("judul", "")), str(meta.get("tanggal", "")),
                              sum(1 for i in items if i.get("keputusan")), len(items), modified, dipegang=held)
    except SessionError as exc:
        return SessionSummary(path, "", "", 0, 0, modified, masalah=str(exc), dipegang=held)
    except (KeyError, TypeError, AttributeError) as exc:
        return SessionSummary(path, "", "", 0, 0, modified, masalah=f"{path}: isi tidak sah ({exc})", dipegang=held)


def list_sessions(folder: Path) -> list[SessionSummary]:
    """Every ``*.json`` session in ``folder``, newest meeting first; unreadable ones are listed with the reason."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [summarize(p) for p in folder.glob("*.json") if p.is_file()]
    found.sort(key=lambda s: (s.tanggal, s.modified), reverse=True)
    return found
