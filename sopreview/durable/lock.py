"""One writer per record: a lock file beside it says who holds it and since when.

The session's ``<name>.json.lock`` is one; ``store/lock.py`` adds the session's words to it.

On POSIX the holder also keeps an OS lock (``flock``) on that file. The kernel drops it when
the process dies, so a crash can never leave the record locked for a live process to miss;
the JSON in the file only tells the next person who held it. A holder record whose flock is
free is stale. Where flock is not available (Windows, some network shares) the file is
created with O_EXCL and a record counts as stale only when it names this computer and a
process that is no longer running; a record from another computer is never taken over
automatically (the message says how to remove it).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


def _hostname() -> str:
    """This machine's name (socket imported on first use: read-only commands never lock)."""
    import socket

    return socket.gethostname()


try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

_NO_FLOCK_ERRNOS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS, errno.EINVAL}
_REMOVE_HINT = "Jika komputer itu tidak lagi membuka berkas ini, hapus berkas {lock}."


@dataclass(frozen=True)
class LockHolder:
    """Who holds a record open for writing (written into its lock file)."""

    host: str
    pid: int
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user or '?'} di komputer {self.host or '?'} (proses {self.pid}) sejak {self.since or '?'}"


class Locked(Exception):
    """Another process holds the lock; ``hint`` says how to remove a lock left by another computer."""

    def __init__(self, lock_file: Path, holder: LockHolder | None, hint: str = "") -> None:
        who = holder.describe() if holder else "proses lain (data pemegang tidak terbaca)"
        super().__init__(f"{lock_file}: dipegang oleh {who}. {hint}".strip())
        self.lock_file = lock_file
        self.holder = holder
        self.hint = hint


class _NoFlock(Exception):
    """The filesystem does not support flock; use the O_EXCL record instead."""


def this_holder() -> LockHolder:
    try:
        import getpass  # here, like socket (_hostname): only a writer's lock names its holder

        user = getpass.getuser()
    except Exception:  # getuser raises a bare OSError/KeyError when no name is known
        user = ""
    since = datetime.now().astimezone().isoformat(timespec="seconds")
    return LockHolder(host=_hostname(), pid=os.getpid(), user=user, since=since)


def read_holder(lock_file: Path) -> LockHolder | None:
    """The holder recorded in a lock file (None if missing, empty or unreadable); never writes."""
    try:
        text = Path(lock_file).read_text(encoding="utf-8")
        data = json.loads(text) if text.strip() else None
        if not isinstance(data, dict):
            return None
        return LockHolder(str(data.get("host", "")), int(data.get("pid", 0)), str(data.get("user", "")),
                          str(data.get("since", "")))
    except (OSError, ValueError, TypeError):
        return None


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - os.kill(pid, 0) would send CTRL_C there
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(holder: LockHolder) -> bool:
    """Only a record from this computer naming a dead process is provably stale."""
    return holder.host == _hostname() and holder.pid != os.getpid() and not pid_alive(holder.pid)


def flock_held(lock_file: Path) -> bool | None:
    """Whether some process holds the flock on a lock file, read from /proc/locks.

    Looking is enough: probing with flock() ourselves would, for an instant, make a writer
    opening the record at that moment fail. None where the kernel does not tell (not Linux)."""
    try:
        st = os.stat(lock_file)
        with open("/proc/locks", encoding="ascii") as handle:
            table = handle.read()
    except OSError:
        return None
    wanted = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
    return any(line.split()[1:2] == ["FLOCK"] and wanted in line.split() for line in table.splitlines())


def holder_state(lock_file: Path) -> tuple[LockHolder | None, bool]:
    """The recorded holder and whether it still holds the lock (False: a stale record)."""
    holder = read_holder(lock_file)
    if holder is None:
        return None, False
    # The kernel only knows this computer's locks (a share's other clients are invisible).
    held = flock_held(lock_file) if holder.host == _hostname() else None
    if held is None:
        held = not is_stale(holder)
    return holder, held


def live_holder(lock_file: Path) -> str | None:
    """Who holds the lock, for a read-only opener; a holder that is gone is not shown."""
    holder, held = holder_state(lock_file)
    return holder.describe() if holder is not None and held else None


class FileLock:
    """Acquire with ``acquire()`` (Locked if held); ``taken_over`` names a crashed holder whose lock
    was reclaimed. ``lock_file`` is the record's companion, named by its owner (``store/files.py``)."""

    def __init__(self, lock_file: Path, *, use_flock: bool = True) -> None:
        self.path = Path(lock_file)
        self.use_flock = use_flock and fcntl is not None
        self.taken_over: LockHolder | None = None
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self.use_flock:
            try:
                self._acquire_flock()
                return
            except _NoFlock:
                self.use_flock = False
        self._acquire_exclusive()

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if self.use_flock:
            with contextlib.suppress(OSError):
                os.unlink(self.path)  # still under our flock, so nobody can adopt this inode meanwhile
            with contextlib.suppress(OSError):
                os.close(fd)
            return
        with contextlib.suppress(OSError):
            os.close(fd)  # Windows cannot unlink a file that is still open
        with contextlib.suppress(OSError):
            os.unlink(self.path)

    # -- flock ----------------------------------------------------------------
    def _acquire_flock(self) -> None:
        for _ in range(20):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                raise Locked(self.path, read_holder(self.path)) from None
            except OSError as exc:
                os.close(fd)
                if exc.errno in _NO_FLOCK_ERRNOS:
                    raise _NoFlock from exc
                raise
            except BaseException:
                os.close(fd)
                raise
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if not same:  # the previous holder unlinked it between our open and flock
                os.close(fd)
                continue
            # A record left behind while the flock is free belongs to a dead process (the kernel
            # drops flocks on exit), even if its pid has been reused since.
            self.taken_over = _read_fd(fd)
            self._write_record(fd)
            self._fd = fd
            return
        raise Locked(self.path, read_holder(self.path))

    # -- O_EXCL fallback -------------------------------------------------------
    def _acquire_exclusive(self) -> None:
        for _ in range(20):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.path)
                if holder is None or not is_stale(holder):
                    hint = "" if holder and holder.host == _hostname() else \
                        _REMOVE_HINT.format(lock=self.path)
                    raise Locked(self.path, holder, hint) from None
                # Stale: move it aside under a unique name, then check we moved the record we judged.
                aside = self.path.with_name(f"{self.path.name}.stale-{os.getpid()}")
                try:
                    os.replace(self.path, aside)
                except FileNotFoundError:
                    continue
                moved = read_holder_file(aside)
                if moved != holder:  # we grabbed someone's fresh lock: put it back (never over a newer one)
                    with contextlib.suppress(OSError):
                        os.link(aside, self.path)
                    with contextlib.suppress(OSError):
                        os.unlink(aside)
                    continue
                with contextlib.suppress(OSError):
                    os.unlink(aside)
                self.taken_over = holder
                continue
            self._write_record(fd)
            self._fd = fd
            return
        raise Locked(self.path, read_holder(self.path))

    def _write_record(self, fd: int) -> None:
        record = json.dumps(this_holder().__dict__, ensure_ascii=False).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, record)
        os.fsync(fd)


def _read_fd(fd: int) -> LockHolder | None:
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 4096):
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks) or b"null")
        if not isinstance(data, dict):
            return None
        return LockHolder(str(data.get("host", "")), int(data.get("pid", 0)), str(data.get("user", "")),
                          str(data.get("since", "")))
    except (ValueError, TypeError):
        return None


def read_holder_file(path: Path) -> LockHolder | None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return None
    try:
        return _read_fd(fd)
    finally:
        os.close(fd)
