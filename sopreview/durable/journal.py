"""An append-only file of lines, each durable (fsynced) before ``append`` returns.

Rewriting a whole record on every change makes write cost grow with the record; appending one
line costs the same at the 5,000th change as at the first. A process killed mid-append can
leave a torn last line: ``good_end`` is the byte just past the last complete line the owner
trusts, an append that fails cuts the file back to it, and ``drop_torn_tail`` cuts a torn line
left by a crash. What a line means (the session's audit entries) is the owner's business.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

from sopreview.durable.files import fsync_dir


class AppendLog:
    """Append and fsync lines to ``path``; the file and its folder entry are created durably."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.good_end = 0
        """Byte offset just past the last complete, trusted line (the owner sets it after reading)."""
        self._handle: BinaryIO | None = None

    def read_from(self, offset: int = 0) -> bytes:
        """The bytes from ``offset`` on (b"" when the file does not exist)."""
        try:
            with open(self.path, "rb") as handle:
                handle.seek(offset)
                return handle.read()
        except FileNotFoundError:
            return b""

    def size(self) -> int | None:
        try:
            return os.path.getsize(self.path)
        except FileNotFoundError:
            return None

    def append(self, payload: bytes, *, sync: bool = True) -> None:
        """Append ``payload`` (whole lines, each ending in a newline) and fsync it (``sync``: an
        unsynced append is readable by other processes at once and durable with the next fsync).

        On failure the file is cut back to ``good_end`` so the next append never continues half a
        line, and the OSError is raised."""
        if not payload:
            return
        created = False
        if self._handle is None:
            created = not self.path.exists()
            self._handle = open(self.path, "ab")
        try:
            self._handle.write(payload)
            self._handle.flush()
            if sync:
                os.fsync(self._handle.fileno())
        except OSError:
            self.close()
            with contextlib.suppress(OSError):
                os.truncate(self.path, self.good_end)
            raise
        if created:
            fsync_dir(self.path.parent)
        self.good_end += len(payload)

    def drop_torn_tail(self) -> None:
        """Cut everything after ``good_end`` (a line torn by a crash) and fsync; writers only."""
        self.close()
        with open(self.path, "r+b") as handle:
            handle.truncate(self.good_end)
            handle.flush()
            os.fsync(handle.fileno())

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
