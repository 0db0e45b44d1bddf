"""Writing one file so that a crash or power cut leaves either the old or the new content.

The recipe every durable record shares: a temp file in the same folder (so the rename stays on
one filesystem), the bytes written and fsynced, the old file's mode and owner kept, an atomic
rename over the target, then an fsync of the folder so the rename itself survives a power cut.
The session store, exports, the register folder's staged files and the heartbeat all use it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

TEMP_MARK = ".tmp-"
"""Temp files are named ``<target name>.tmp-<pid>-<random>``, so a writer can find a killed one's leftovers."""

_DIR_FSYNC_UNSUPPORTED = {errno.EINVAL, errno.EBADF, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EACCES}


class DirSyncFailed(OSError):
    """The new content is in place (renamed) but the folder could not be fsynced: a power cut
    now could still bring the old file back. Callers say so instead of "not saved"."""


def temp_path(target: Path) -> Path:
    """A fresh temp name beside ``target`` (unique per process and call)."""
    return target.with_name(f"{target.name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}")


def remove_temp_files(target: Path) -> list[Path]:
    """Remove temp files a killed writer of ``target`` left behind (call only while holding its lock)."""
    removed = []
    prefix = f"{target.name}{TEMP_MARK}"
    with contextlib.suppress(FileNotFoundError):
        for entry in os.scandir(target.parent):
            if entry.name.startswith(prefix):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def atomic_write(target: Path, data: bytes | Iterable[bytes], *, sync: bool = True, exclusive: bool = False,
                 before_replace: Callable[[], None] | None = None) -> None:
    """Replace ``target`` with ``data`` all at once (see module doc).

    ``data`` may be chunks (written with writev, never joined into one big copy).
    ``sync=False``: no fsyncs (the heartbeat: losing it costs nothing, an fsync every beat would).
    ``exclusive``: create only; FileExistsError if ``target`` appeared meanwhile (never replaced).
    ``before_replace``: runs after the new bytes are durable and before the rename (the session
    keeps its previous version as ``.bak`` there). On any error before the rename the temp file
    is removed and ``target`` is untouched; an error fsyncing the folder after it is DirSyncFailed."""
    target = Path(target)
    tmp = temp_path(target)
    chunks = [data] if isinstance(data, (bytes, bytearray, memoryview)) else list(data)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            keep_mode_and_owner(fd, None if exclusive else target)
            write_all(fd, chunks)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        if before_replace is not None:
            before_replace()
        if exclusive:
            _link_new(tmp, target)
        else:
            replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync:
        try:
            fsync_dir(target.parent)
        except OSError as exc:
            raise DirSyncFailed(exc.errno, exc.strerror or str(exc)) from exc


def write_new_synced(path: Path, data: bytes) -> None:
    """Create ``path`` (never over an existing file) and fsync it; the caller fsyncs the folder
    once after a batch of these (the register's staged files)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
    try:
        write_all(fd, [data])
        os.fsync(fd)
    finally:
        os.close(fd)


def keep_mode_and_owner(fd: int, original: Path | None) -> None:
    """The new file gets the old one's permissions and owner: a session kept 0600 (names, NIPs,
    attendance) must not become world-readable on the next save. A new file gets 0644 minus
    the umask, like any file the user creates."""
    if not hasattr(os, "fchmod"):  # pragma: no cover - Windows keeps its own ACLs
        return
    try:
        st = os.stat(original) if original is not None else None
    except FileNotFoundError:
        st = None
    if st is None:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o644 & ~umask)
        return
    if hasattr(os, "fchown") and (st.st_uid, st.st_gid) != (os.getuid(), os.getgid()):
        with contextlib.suppress(PermissionError):  # only root may give a file away; then keep the mode
            os.fchown(fd, st.st_uid, st.st_gid)
    os.fchmod(fd, st.st_mode & 0o7777)


def write_all(fd: int, chunks: list[bytes] | list[bytes | bytearray | memoryview]) -> None:
    """Write the chunks without first joining them into one big copy (writev where available)."""
    if hasattr(os, "writev"):
        pending = [memoryview(c) for c in chunks if c]
        while pending:
            written = os.writev(fd, pending[:1024])
            while written and pending:
                if written >= len(pending[0]):
                    written -= len(pending.pop(0))
                else:
                    pending[0] = pending[0][written:]
                    written = 0
        return
    view = memoryview(b"".join(chunks))
    while view:
        view = view[os.write(fd, view):]


def replace(src: Path, dst: Path) -> None:
    """os.replace; on Windows retry briefly while a reader (the projector) has ``dst`` open."""
    for attempt in range(20):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 19:
                raise
            time.sleep(0.01)


def _link_new(tmp: Path, target: Path) -> None:
    """Put ``tmp`` in place as ``target`` only if no file of that name exists (hardlink, else check+rename)."""
    if hasattr(os, "link"):
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:
            pass  # FAT and some shares: no hardlinks
        else:
            os.unlink(tmp)
            return
    if target.exists():
        raise FileExistsError(errno.EEXIST, "file exists", str(target))
    os.replace(tmp, target)


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; Windows has no directory handles).

    Some network and FUSE filesystems cannot fsync a directory; there the rename is as
    durable as that filesystem makes it, which is not a reason to refuse every save."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(fd)
