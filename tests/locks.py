"""A lock left behind by a process that is gone, for the stale-lock tests of the store, CLI and app."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

from sopreview.store.errors import LockHolder
from sopreview.store.files import lock_path

SINCE = "2022-06-16T09:00:00+07:00"
"""When the planted lock says it was taken: an ISO stamp a person should never be shown raw."""


def dead_pid() -> int:
    """A pid on this host that certainly belonged to a process and certainly is not running now."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def stale_holder() -> LockHolder:
    return LockHolder(socket.gethostname(), dead_pid(), "operator", SINCE)


def plant_stale_lock(session: Path, holder: LockHolder | None = None) -> LockHolder:
    """Write ``holder`` (a dead process on this host by default) as the lock record of ``session``."""
    holder = holder or stale_holder()
    lock_path(session).write_text(json.dumps(holder.__dict__))
    return holder
