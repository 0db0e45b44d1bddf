"""The audit log: an append-only JSON Lines journal next to the session file.

Keeping every change inside the session file would make each durable write rewrite the whole
history, so write cost would grow with the meeting. The journal is appended (and fsynced)
one line per change instead, so a write costs the same at the 5,000th change as at the first.
The session file always carries its latest entry too (``audit_last``): it is written first,
so after a crash between the two writes the journal is at most one entry behind and is
repaired from the session file on the next open.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from sopreview.domain.audit import AuditEntry
from sopreview.store.errors import SessionFileError
from sopreview.store.storage import fsync_dir
from sopreview.store.files import journal_path



def to_entry(raw: dict[str, Any]) -> AuditEntry:
    return AuditEntry(
        seq=int(raw["seq"]),
        waktu=str(raw.get("waktu", "")),
        aksi=str(raw.get("aksi", "")),
        target=str(raw.get("target", "")),
        lama=raw.get("lama"),
        baru=raw.get("baru"),
        ringkasan=str(raw.get("ringkasan", "")),
        batal=raw.get("batal"),
    )


class Journal:
    """Reads, repairs and appends the journal; a torn last line (killed mid-append) is dropped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.good_end = 0
        """Byte offset just past the last complete, valid line."""
        self.torn = False
        self._handle: Any = None

    def load(self) -> list[dict[str, Any]]:
        """All complete entries; SessionFileError when a line before the last is damaged."""
        self.good_end, self.torn = 0, False
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        return self._parse(raw, 0, [])

    def follow(self, entries: list[dict[str, Any]]) -> bool:
        """Read-only followers: add lines appended since the last read; True if any were."""
        try:
            size = os.path.getsize(self.path)
        except FileNotFoundError:
            return False
        if size < self.good_end:  # replaced or truncated: start over
            entries[:] = self.load()
            return True
        if size == self.good_end:
            return False
        with open(self.path, "rb") as handle:
            handle.seek(self.good_end)
            tail = handle.read()
        before = len(entries)
        self._parse(tail, self.good_end, entries, known_ok=True)
        return len(entries) != before

    def _parse(self, raw: bytes, base: int, entries: list[dict[str, Any]],
               known_ok: bool = False) -> list[dict[str, Any]]:
        """Append the complete lines of ``raw`` (read from byte ``base``) to ``entries``.

        ``known_ok``: a follower may already hold the newest entry (taken from the session
        file's ``audit_last`` before the journal caught up); such lines are skipped."""
        last_seq = entries[-1]["seq"] if entries else 0
        offset = 0
        lines = raw.split(b"\n")
        for index, line in enumerate(lines):
            end = offset + len(line) + 1
            is_last = index == len(lines) - 1
            if is_last:  # no newline after it: empty, or a line torn by a crash
                self.torn = bool(line.strip())
                break
            try:
                entry = json.loads(line)
                if not isinstance(entry, dict) or not isinstance(entry.get("seq"), int):
                    raise ValueError("bukan entri log")
            except ValueError as exc:
                lineno = raw.count(b"\n", 0, offset) + 1
                raise SessionFileError(
                    f"{self.path}: baris {lineno} (setelah bita {base + offset}) rusak ({exc}); "
                    "perbaiki atau hapus baris itu — berkas sesi sendiri tidak terpengaruh"
                ) from None
            if entry["seq"] <= last_seq and known_ok:
                offset = end
                self.good_end = base + offset
                continue
            if entry["seq"] <= last_seq:
                raise SessionFileError(f"{self.path}: nomor urut {entry['seq']} tidak naik; log diubah tangan?")
            last_seq = entry["seq"]
            entries.append(entry)
            offset = end
            self.good_end = base + offset
        return entries

    def drop_torn_tail(self) -> None:
        """Writers only: cut a torn last line so the next append starts on a clean line."""
        if self.torn:
            with open(self.path, "r+b") as handle:
                handle.truncate(self.good_end)
                handle.flush()
                os.fsync(handle.fileno())
            self.torn = False

    def append(self, entries: list[dict[str, Any]]) -> None:
        """Append and fsync; the lines are durable when this returns."""
        if not entries:
            return
        created = False
        if self._handle is None:
            created = not self.path.exists()
            self._handle = open(self.path, "ab")
        payload = b"".join(json.dumps(e, separators=(",", ":")).encode("utf-8") + b"\n" for e in entries)
        try:
            self._handle.write(payload)
            self._handle.flush()
            os.fsync(self._handle.fileno())
        except OSError:
            # Never leave half a line for the next append to continue: cut back to the last good byte.
            self.close()
            with contextlib.suppress(OSError):
                os.truncate(self.path, self.good_end)
            raise
        if created:
            fsync_dir(self.path.parent)
        self.good_end += len(payload)

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
