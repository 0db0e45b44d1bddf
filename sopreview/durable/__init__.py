"""The building blocks of every durable record (session, register, monitoring, exports).

- ``files``: replace a file atomically (temp, fsync, keep mode and owner, rename, fsync the
  folder), or create one new fsynced file;
- ``journal``: an append-only, fsynced file of lines with a torn tail cut back;
- ``lock``: one writer per record (flock, O_EXCL fallback, stale holders taken over).

Nothing here knows what a session is: ``sopreview/store`` names a session's files
(``store/files.py``) and adds its words and rules. It sits below ``store`` and ``minutes`` so
both can use it, and imports nothing else of the package.
"""

from sopreview.durable.files import DirSyncFailed, atomic_write, fsync_dir, keep_mode_and_owner, write_new_synced
from sopreview.durable.journal import AppendLog
from sopreview.durable.lock import FileLock, LockHolder, Locked

__all__ = ["AppendLog", "DirSyncFailed", "FileLock", "LockHolder", "Locked", "atomic_write", "fsync_dir",
           "keep_mode_and_owner", "write_new_synced"]
