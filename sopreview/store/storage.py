"""A TinyDB storage that cannot leave a half-written file behind.

TinyDB's JSONStorage re-parses the whole file on every read and rewrites it in place, so a
process killed mid-write leaves a file that no longer parses. Here the data is parsed once
and kept in memory; each write serialises it to a temp file in the same folder, flushes,
fsyncs, atomically replaces the old file and fsyncs the folder. Tables whose dict object is
unchanged since the last write (TinyDB replaces a table's dict whenever it touches it) reuse
their cached JSON text, so the large, never-changing proposal snapshot costs nothing per write.
The previous good version is kept as ``<name>.json.bak`` (a hardlink, so rotating it is two
metadata operations).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sopreview.domain.limits import TooLarge, check_json_bytes
from sopreview.durable.files import DirSyncFailed, atomic_write, fsync_dir, remove_temp_files, replace, temp_path
from sopreview.store.errors import ReadOnlySession, SaveFailed, SessionError, SessionFileError
from sopreview.store.files import bak_path

Data = dict[str, dict[str, Any]]

COPY_BAK_EVERY = 20
"""Where hardlinks are impossible (FAT USB sticks) the .bak is a copy made every N writes."""


def is_read_only_file(path: Path) -> bool:
    """No write permission bit set (chmod a-w), or not writable for us: such a session is opened
    read-only. The bits are checked too because root may write anything, yet a file someone made
    read-only is a decision to respect; replacing it by rename would ignore it silently."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not st.st_mode & 0o222 or not os.access(path, os.W_OK)


def parse_file(path: Path) -> Data:
    """Parse a session file; SessionFileError names the file, the position and the way out."""
    recover = f"Salinan terakhir yang baik ada di {bak_path(path)} (jika ada)."
    try:
        size = os.stat(path).st_size
        check_json_bytes(size)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise SessionError(f"{path}: berkas sesi tidak ditemukan") from None
    except OSError as exc:
        raise SessionError(f"{path}: tidak dapat dibaca ({exc.strerror})") from None
    except TooLarge as exc:
        raise SessionFileError(f"{path}: {exc}. {recover}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionFileError(f"{path}: bukan teks UTF-8 (bita ke-{exc.start}). {recover}") from None
    if not text.strip():
        raise SessionFileError(f"{path}: berkas kosong. {recover}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SessionFileError(
            f"{path}: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno}: {exc.msg}). {recover}"
        ) from None
    except RecursionError:  # deeper than Python's parser goes; shallower free-form parts: see schema
        raise SessionFileError(f"{path}: bersarang terlalu dalam. {recover}") from None
    if not isinstance(data, dict):
        raise SessionFileError(f"{path}: isi teratas harus objek JSON {{...}}, bukan {type(data).__name__}. {recover}")
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise SessionFileError(f"{path}: tabel {name!r} rusak (harus objek berisi dokumen). {recover}")
    return data


class DurableStorage(Storage):
    """In-memory TinyDB storage with atomic, fsynced whole-file writes (see module doc)."""

    def __init__(self, path: Path, *, readonly: bool = False, create: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.readonly = readonly
        self._exists = not create
        # The file's identity before its bytes: a writer replacing it in between leaves an old
        # signature, so a follower's next reload() sees the change instead of missing it.
        self._signature = self._stat_signature() if not create else None
        self._data: Data | None = None if create else parse_file(self.path)
        self._cache: dict[str, tuple[dict[str, Any], bytes]] = {}
        self._batch_depth = 0
        self._pending = False
        self._writes = 0
        self._can_link = hasattr(os, "link")

    # -- TinyDB interface -------------------------------------------------
    def read(self) -> Data | None:
        if self._data is None and self._exists:
            self._data = parse_file(self.path)
        return self._data

    def write(self, data: Data) -> None:
        if self.readonly:
            raise ReadOnlySession(f"{self.path}: sesi dibuka hanya-baca; perubahan tidak disimpan")
        self._data = data
        if self._batch_depth:
            self._pending = True
            return
        self._flush()

    def close(self) -> None:
        self._cache.clear()

    # -- extras -------------------------------------------------------------
    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group several TinyDB operations into one durable write; on error nothing is written."""
        self._batch_depth += 1
        ok = False
        try:
            yield
            ok = True
        finally:
            self._batch_depth -= 1
            if self._batch_depth == 0 and self._pending:
                self._pending = False
                if ok:
                    self._flush()
                else:
                    self._forget()

    def cleanup_temp_files(self) -> list[Path]:
        """Remove temp files a killed writer left behind (call only while holding the lock)."""
        return remove_temp_files(self.path) + remove_temp_files(bak_path(self.path))

    def changed_on_disk(self) -> bool:
        return self._stat_signature() != self._signature

    def install(self, data: Data, signature: tuple[int, int, int] | None) -> None:
        """Take data a follower re-read and checked (see Session.reload); the cached JSON is dropped."""
        self._data = data
        self._cache.clear()
        self._signature = signature

    def signature(self) -> tuple[int, int, int] | None:
        return self._stat_signature()

    @property
    def read_signature(self) -> tuple[int, int, int] | None:
        """The identity of the file as it was when the data in memory was read."""
        return self._signature

    # -- internals ----------------------------------------------------------
    def _stat_signature(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _forget(self) -> None:
        """Drop the in-memory state so the next read comes from the last durable file."""
        self._data = None
        self._cache.clear()

    def _serialize(self, data: Data) -> list[bytes]:
        """The file as byte chunks; a table whose dict is the same object as last time reuses its bytes."""
        cache: dict[str, tuple[dict[str, Any], bytes]] = {}
        chunks = [b"{"]
        for name, table in data.items():
            hit = self._cache.get(name)
            if hit is not None and hit[0] is table:
                encoded = hit[1]
            else:
                encoded = json.dumps(table, separators=(",", ":")).encode("ascii")
            cache[name] = (table, encoded)
            chunks += [b"\n" if len(chunks) == 1 else b",\n", json.dumps(name).encode("ascii"), b":", encoded]
        chunks.append(b"\n}\n")
        self._cache = cache
        return chunks

    def _flush(self) -> None:
        assert self._data is not None
        try:
            atomic_write(self.path, self._serialize(self._data), exclusive=not self._exists,
                         before_replace=self._rotate_bak_or_refuse if self._exists else None)
        except BaseException as exc:
            if self._exists:
                self._forget()
            if isinstance(exc, SessionError):
                raise
            if isinstance(exc, FileExistsError) and not self._exists:
                raise SessionError(f"{self.path}: berkas sudah ada; tidak ditimpa") from None
            if isinstance(exc, DirSyncFailed):
                raise SaveFailed(
                    f"{self.path}: berkas sudah diganti, tetapi folder gagal disinkronkan ({exc.strerror or exc}); "
                    "perubahan terakhir bisa hilang bila listrik padam sekarang") from exc
            if isinstance(exc, OSError):
                raise SaveFailed(
                    f"{self.path}: gagal menyimpan ({exc.strerror or exc}); perubahan terakhir TIDAK tersimpan"
                ) from exc
            raise
        self._exists = True
        self._writes += 1
        self._signature = self._stat_signature()

    def _rotate_bak_or_refuse(self) -> None:
        try:
            self._rotate_bak()
        except OSError as exc:
            raise SaveFailed(
                f"{bak_path(self.path)}: cadangan tidak dapat diperbarui ({exc.strerror or exc}); "
                f"perubahan terakhir TIDAK disimpan ke {self.path.name}. Periksa izin berkas cadangan "
                "itu (atau pindahkan), lalu ulangi") from exc

    def _rotate_bak(self) -> None:
        """Keep the version about to be replaced as .bak (hardlink; a copy every N writes if no links)."""
        bak = bak_path(self.path)
        tmp = temp_path(bak)
        if self._can_link:
            try:
                os.link(self.path, tmp)
                replace(tmp, bak)
                return
            except OSError:
                self._can_link = False
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        if self._writes % COPY_BAK_EVERY == 0:
            shutil.copyfile(self.path, tmp)
            replace(tmp, bak)
