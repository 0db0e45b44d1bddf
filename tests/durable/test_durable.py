"""One test per promise of the durable building blocks (``sopreview/durable``).

A register or monitoring record built on these gets the same guarantees as the session:
old-or-new content after a kill, the mode and owner kept, fsyncs in the order that makes a
rename survive a power cut, one writer at a time, a journal whose lines are durable.
"""

from __future__ import annotations

import errno
import os
import random
import select
import signal
import stat
from pathlib import Path

import pytest

from sopreview.durable import files as durable_files
from sopreview.durable.files import DirSyncFailed, atomic_write, remove_temp_files, write_new_synced
from sopreview.durable.journal import AppendLog
from sopreview.durable.lock import FileLock, Locked

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")
posix_modes = pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permission bits")


def content(version: int) -> bytes:
    """Big enough that a write takes several syscalls; every byte says which version it is."""
    return f"v{version:06d};".encode() * 40_000


# -- atomic replace ---------------------------------------------------------------------------


@needs_fork
def test_a_kill_at_any_moment_leaves_old_or_new_content(tmp_path: Path) -> None:
    """A child rewrites the file in a loop and reports each version after atomic_write returned;
    it is SIGKILLed after a random number of reports, so the kill lands inside a write. The file
    must then hold exactly the last reported version or the one after it, never a mix."""
    target = tmp_path / "catatan.json"
    atomic_write(target, content(0))
    rng = random.Random(17)
    version = 0
    for _round in range(25):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_end)
            try:
                v = version + 1
                while True:
                    atomic_write(target, content(v))
                    os.write(write_end, f"{v}\n".encode())
                    v += 1
            finally:
                os._exit(1)
        os.close(write_end)
        acked = version
        wanted = rng.randint(0, 3)
        buffer = b""
        with os.fdopen(read_end, "rb", buffering=0) as pipe:
            while buffer.count(b"\n") < wanted:
                select.select([pipe], [], [])
                chunk = pipe.read(64)
                if not chunk:
                    break
                buffer += chunk
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            buffer += pipe.read() or b""
        if buffer.strip():
            acked = int(buffer.split()[-1])
        data = target.read_bytes()
        assert data in (content(acked), content(acked + 1)), f"round {_round}: torn or lost write"
        version = int(data[1:7])
        remove_temp_files(target)
    assert not [p for p in tmp_path.iterdir() if p.name != target.name]


def test_a_failure_before_the_rename_leaves_the_old_file_and_no_temp(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "daftar.md"
    target.write_bytes(b"lama")

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic_write(target, b"baru")
    assert target.read_bytes() == b"lama"
    assert [p.name for p in tmp_path.iterdir()] == ["daftar.md"]


def test_a_failing_folder_sync_after_the_rename_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The new content is in place: the caller must be told that, not "nothing was saved"."""
    target = tmp_path / "x.json"
    monkeypatch.setattr(durable_files, "fsync_dir", lambda folder: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
    with pytest.raises(DirSyncFailed):
        atomic_write(target, b"baru")
    assert target.read_bytes() == b"baru"


def test_fsync_order_is_file_then_rename_then_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sesi.json"
    target.write_bytes(b"lama")
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        mode = os.fstat(fd).st_mode
        events.append("fsync folder" if stat.S_ISDIR(mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        events.append(f"rename to {Path(dst).name}")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write(target, [b"ba", b"ru"], before_replace=lambda: events.append("before replace"))
    assert events == ["fsync file", "before replace", "rename to sesi.json", "fsync folder"]
    assert target.read_bytes() == b"baru"


def test_without_sync_nothing_is_fsynced_but_the_replace_is_still_atomic(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(os, "fsync", calls.append)
    target = tmp_path / "rapat.json.detak"
    target.write_bytes(b"09:00")
    atomic_write(target, b"09:15", sync=False)
    assert target.read_bytes() == b"09:15" and calls == []
    assert [p.name for p in tmp_path.iterdir()] == ["rapat.json.detak"]


def test_exclusive_never_replaces_a_file_that_appeared(tmp_path: Path) -> None:
    target = tmp_path / "baru.json"
    atomic_write(target, b"pertama", exclusive=True)
    with pytest.raises(FileExistsError):
        atomic_write(target, b"kedua", exclusive=True)
    assert target.read_bytes() == b"pertama"
    assert [p.name for p in tmp_path.iterdir()] == ["baru.json"]


@posix_modes
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o444 | 0o200])
def test_the_mode_of_the_replaced_file_is_kept(tmp_path: Path, mode: int) -> None:
    """A file kept private (names, NIPs) must not become world-readable on the next save."""
    target = tmp_path / "sesi.json"
    target.write_bytes(b"lama")
    os.chmod(target, mode)
    atomic_write(target, b"baru")
    assert stat.S_IMODE(target.stat().st_mode) == mode


@posix_modes
def test_a_new_file_gets_0644_minus_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "a.md", b"x")
        write_new_synced(tmp_path / "b.md", b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.md").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "b.md").stat().st_mode) == 0o640


def test_write_new_synced_never_overwrites_and_is_fsynced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (calls.append(fd), real(fd)))
    path = tmp_path / "000001.baru"
    write_new_synced(path, b"isi")
    assert len(calls) == 1
    with pytest.raises(FileExistsError):
        write_new_synced(path, b"lain")
    assert path.read_bytes() == b"isi"


# -- the append-only journal -------------------------------------------------------------------


def test_append_is_fsynced_and_a_new_journal_fsyncs_its_folder(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    events: list[str] = []
    real = os.fsync

    def fsync(fd: int) -> None:
        events.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    log = AppendLog(tmp_path / "pantau.jsonl")
    log.append(b'{"n":1}\n')
    log.append(b'{"n":2}\n')
    log.close()
    assert events == ["file", "folder", "file"]
    assert log.read_from(0) == b'{"n":1}\n{"n":2}\n' and log.good_end == 16


def test_an_unsynced_append_is_readable_at_once_and_durable_with_the_next_fsync(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(os.fstat(fd).st_size) or real(fd))
    log = AppendLog(tmp_path / "pantau.jsonl")
    log.append(b'{"n":1}\n')
    synced.clear()
    log.append(b'{"n":2}\n', sync=False)
    assert synced == [] and AppendLog(tmp_path / "pantau.jsonl").read_from(0) == b'{"n":1}\n{"n":2}\n'
    log.append(b'{"n":3}\n')
    assert synced == [24]  # one fsync, covering the unsynced line before it
    log.close()


def test_a_failed_append_is_cut_back_so_no_half_line_remains(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    log = AppendLog(tmp_path / "pantau.jsonl")
    log.append(b"satu\n")
    real = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        log.append(b"dua\n")
    monkeypatch.setattr(os, "fsync", real)
    log.append(b"tiga\n")
    log.close()
    assert log.read_from(0) == b"satu\ntiga\n"


def test_a_torn_tail_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "pantau.jsonl"
    path.write_bytes(b"satu\ndu")
    log = AppendLog(path)
    log.good_end = 5  # the owner read one complete line
    log.drop_torn_tail()
    log.append(b"dua\n")
    log.close()
    assert path.read_bytes() == b"satu\ndua\n"


# -- one writer ---------------------------------------------------------------------------------


@pytest.mark.parametrize("use_flock", [True, False])
def test_a_second_writer_is_refused_with_the_holder_named(tmp_path: Path, use_flock: bool) -> None:
    lock_file = tmp_path / "daftar.json.lock"
    first = FileLock(lock_file, use_flock=use_flock)
    first.acquire()
    second = FileLock(lock_file, use_flock=use_flock)
    with pytest.raises(Locked) as refused:
        second.acquire()
    assert refused.value.holder is not None and refused.value.holder.pid == os.getpid()
    assert str(lock_file) in str(refused.value)
    first.release()
    assert not lock_file.exists()
    second.acquire()
    assert second.held
    second.release()
