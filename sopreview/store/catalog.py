"""The sessions in a folder, for the picker and ``sopreview sessions`` (cheap: no full check)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sopreview.store import schema
from sopreview.store.errors import SessionError
from sopreview.domain.textsafe import visible
from sopreview.store.lock import holder_state
from sopreview.store.storage import load


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
    kunci_basi: str | None = None
    """A lock record left by a holder that is gone (crashed): not held, taken over on the next open."""


def summarize(path: Path) -> SessionSummary:
    modified = datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    holder, live = holder_state(path)
    held = visible(holder.describe()) if holder and live else None
    stale = visible(holder.describe()) if holder and not live else None
    try:
        raw, single_file = load(path)
        data = schema.migrate(raw, path)
        schema.check(data, path, snapshot_verified=not single_file)  # the same verdict as opening it
        meta = data[schema.T_META]["1"]
        items = list(data[schema.T_ITEM].values())
        return SessionSummary(path, str(meta.get("judul", "")), str(meta.get("tanggal", "")),
                              sum(1 for i in items if i.get("keputusan")), len(items), modified, dipegang=held,
                              kunci_basi=stale)
    except SessionError as exc:
        return SessionSummary(path, "", "", 0, 0, modified, masalah=visible(str(exc)), dipegang=held,
                              kunci_basi=stale)


def list_sessions(folder: Path) -> list[SessionSummary]:
    """Every ``*.json`` session in ``folder``, newest meeting first; unreadable ones are listed with the reason."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [summarize(p) for p in folder.glob("*.json") if p.is_file()]
    found.sort(key=lambda s: (s.tanggal, s.modified), reverse=True)
    return found
