"""The audit log: an append-only JSON Lines journal next to the session file.

Each change is one fsynced line here before the session's state file is touched, so a write
costs the same at the 5,000th change as at the first, and for 14 proposals as for 10,000. Between
rewrites of the state file (storage.py) the journal is the record: an open replays the lines
written after the state's ``audit_seq``. When the journal cannot be written, the state file is
rewritten instead and carries the entries it lacks (``audit_tertunda``, ``audit_last``); the
next open or save appends them, so the journal ends up complete either way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sopreview.domain.audit import AuditEntry
from sopreview.domain.limits import json_depth_problem
from sopreview.domain.textsafe import visible, visible_tree
from sopreview.durable.journal import AppendLog
from sopreview.store.files import journal_path



PROTECTED: frozenset[str] = frozenset({"schema", "id", "dibuat", "audit_seq", "audit_last", "audit_tertunda"})
"""Fields of ``sesi`` no logged change may touch (undo would write them back)."""


def _slot_ok(key: Any) -> bool:
    if not (isinstance(key, list) and 2 <= len(key) <= 3 and isinstance(key[0], str)):
        return False
    if not all(isinstance(part, (str, int)) and not isinstance(part, bool) for part in key):
        return False
    return not (key[0] == "sesi" and key[-1] in PROTECTED)


def entry_problem(raw: Any) -> str | None:
    """Why a journal entry cannot be trusted (shown and undone), or None.

    Checked for every line read, so a line edited by hand into nonsense is reported with its
    number instead of crashing ``log`` or ``undo`` later."""
    if not isinstance(raw, dict):
        return "bukan entri log"
    deep = json_depth_problem(raw)  # lama/baru are free-form: undo copies them, the log prints them
    if deep:
        return deep
    seq = raw.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or not 0 < seq < 10**9:
        return "nomor urut 'seq' harus bilangan bulat positif"
    for key in ("waktu", "aksi", "target", "ringkasan"):
        if not isinstance(raw.get(key, ""), str):
            return f"'{key}' harus teks"
    if raw.get("op") is not None and not isinstance(raw["op"], str):
        return "'op' harus teks"
    if raw.get("sesi") is not None and not isinstance(raw["sesi"], str):
        return "'sesi' harus teks"
    batal = raw.get("batal")
    if batal is not None and (not isinstance(batal, int) or isinstance(batal, bool)):
        return "'batal' harus nomor entri atau null"
    changes = raw.get("perubahan", [])
    if not isinstance(changes, list):
        return "'perubahan' harus daftar [kunci, lama, baru]"
    for change in changes:
        if not (isinstance(change, list) and len(change) == 3 and _slot_ok(change[0])):
            return "'perubahan' memuat butir yang bukan [kunci, lama, baru] dari tabel yang dikenal"
    return None


def to_entry(raw: dict[str, Any]) -> AuditEntry:
    """The entry for display: text fields made visible, so a hand-edited line cannot drive the terminal."""
    return AuditEntry(
        seq=int(raw["seq"]),
        waktu=visible(str(raw.get("waktu", ""))),
        aksi=visible(str(raw.get("aksi", ""))),
        target=visible(str(raw.get("target", ""))),
        lama=visible_tree(raw.get("lama")),
        baru=visible_tree(raw.get("baru")),
        ringkasan=visible(str(raw.get("ringkasan", ""))),
        batal=raw.get("batal"),
    )


class Journal:
    """Reads, repairs and appends the journal; a torn last line (killed mid-append) is dropped.

    The appending itself (fsync, cut back on failure) is ``durable.journal.AppendLog``; this
    class knows what a line is (an audit entry) and which lines to trust."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.torn = False
        self.damaged: list[str] = []
        """One message per line skipped because it cannot be trusted (see entry_problem)."""
        self._log = AppendLog(path)

    @property
    def good_end(self) -> int:
        """Byte offset just past the last complete, valid line."""
        return self._log.good_end

    @good_end.setter
    def good_end(self, value: int) -> None:
        self._log.good_end = value

    def load(self) -> list[dict[str, Any]]:
        """All complete, trustworthy entries; damaged lines are skipped and listed in ``damaged``."""
        self.good_end, self.torn = 0, False
        self.damaged = []
        return self._parse(self._log.read_from(0), 0, [])

    def follow(self, entries: list[dict[str, Any]]) -> bool:
        """Read-only followers: add lines appended since the last read; True if any were."""
        size = self._log.size()
        if size is None:
            return False
        if size < self.good_end:  # replaced or truncated: start over
            entries[:] = self.load()
            return True
        if size == self.good_end:
            return False
        tail = self._log.read_from(self.good_end)
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
            problem: str | None
            try:
                entry = json.loads(line)
                problem = entry_problem(entry)
            except (ValueError, RecursionError) as exc:
                problem = f"bukan JSON: {exc}"
            if problem is None and entry["seq"] <= last_seq:
                if known_ok:
                    offset = end
                    self.good_end = base + offset
                    continue
                problem = f"nomor urut {entry['seq']} tidak naik (diubah tangan?)"
            if problem is not None:
                # One bad line must not block reading, export or recording: skip it, say so.
                lineno = raw.count(b"\n", 0, offset) + 1
                self.damaged.append(f"{self.path.name}: baris {lineno} (setelah bita {base + offset}) "
                                    f"dilewati: {visible(problem)}; perbaiki atau hapus baris itu")
                offset = end
                self.good_end = base + offset
                continue
            last_seq = entry["seq"]
            entries.append(entry)
            offset = end
            self.good_end = base + offset
        return entries

    def drop_torn_tail(self) -> None:
        """Writers only: cut a torn last line so the next append starts on a clean line."""
        if self.torn:
            self._log.drop_torn_tail()
            self.torn = False

    def append(self, entries: list[dict[str, Any]], *, sync: bool = True) -> int:
        """Append and fsync; the lines are durable when this returns (with ``sync``; without, when
        the next synced append returns). Returns the bytes appended."""
        payload = b"".join(json.dumps(e, separators=(",", ":")).encode("utf-8") + b"\n" for e in entries)
        self._log.append(payload, sync=sync)
        return len(payload)

    def shrank(self) -> bool:
        """Followers: the journal is shorter than what was read (replaced or cut): read it again."""
        size = self._log.size()
        return size is not None and size < self.good_end

    def close(self) -> None:
        self._log.close()
