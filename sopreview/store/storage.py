"""A session on disk: a snapshot written once, a small state replaced now and then, a journal.

Rewriting the whole session on every change made a write cost grow with the agenda (7.4 MB
at 1,000 proposals, for one decision). Now:

* ``rapat.usulan.jsonl``: the proposals as they were when the session was made, one line each,
  written once (exclusive, fsynced) and never again; the state names its SHA-256, so a changed
  or damaged snapshot is refused with its name, not misread.
* ``rapat.json``: everything that changes (TinyDB's layout, one JSON object of tables), kept in
  memory and replaced atomically (``durable.files.atomic_write``, previous version as ``.bak``)
  only when it is *compacted*: when the writer closes, when the journal since the last
  compaction outgrows the state, and when the journal cannot be written.
* ``rapat.audit.jsonl`` (``audit.py``): every change is one fsynced line there first; between
  compactions it is the record, replayed on top of the state on the next open.

So a change costs one fsynced append whatever the agenda's size. A session from before the
snapshot had its own file (the agenda as a table inside ``rapat.json``) still opens; a writer
moves the table out and keeps the old file as ``rapat.json.v1.bak`` (see Session._load).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from sopreview.domain.limits import TooLarge, check_json_bytes
from sopreview.domain.model import Proposal
from sopreview.durable.files import DirSyncFailed, atomic_write, remove_temp_files, replace, temp_path
from sopreview.store.errors import ReadOnlySession, SaveFailed, SessionError, SessionFileError
from sopreview.store.files import SessionFiles, bak_path

Data = dict[str, dict[str, Any]]
Signature = tuple[int, int, int]

SNAPSHOT_TABLE = "agenda"
"""The table kept in the snapshot file, not in the state (in memory it sits beside the others)."""
SNAPSHOT_KEY = "usulan"
"""``sesi.usulan``: ``{"sha256": ..., "jumlah": N}`` of the snapshot file this state belongs to."""
SNAPSHOT_KIND = "sopreview-usulan"

COPY_BAK_EVERY = 20
"""Where hardlinks are impossible (FAT USB sticks) the .bak is a copy made every N compactions."""


def is_read_only_file(path: Path) -> bool:
    """No write permission bit set (chmod a-w), or not writable for us: such a session is opened
    read-only. The bits are checked too because root may write anything, yet a file someone made
    read-only is a decision to respect; replacing it by rename would ignore it silently."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    return not st.st_mode & 0o222 or not os.access(path, os.W_OK)


def _read_bounded(path: Path, missing: SessionError, recover: str) -> bytes:
    """The file's bytes, after its size was checked against the limit; errors name the file."""
    try:
        check_json_bytes(os.stat(path).st_size)
        return path.read_bytes()
    except FileNotFoundError:
        raise missing from None
    except OSError as exc:
        raise SessionError(f"{path}: tidak dapat dibaca ({exc.strerror})") from None
    except TooLarge as exc:
        raise SessionFileError(f"{path}: {exc}. {recover}") from None


def parse_file(path: Path) -> Data:
    """Parse a session file; SessionFileError names the file, the position and the way out."""
    recover = f"Salinan terakhir yang baik ada di {bak_path(path)} (jika ada)."
    raw = _read_bounded(path, SessionError(f"{path}: berkas sesi tidak ditemukan"), recover)
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


def snapshot_info(data: Data) -> dict[str, Any] | None:
    """The ``sesi.usulan`` record of a state in the split layout; None for the old single file."""
    sesi = data.get("sesi", {}).get("1")
    info = sesi.get(SNAPSHOT_KEY) if isinstance(sesi, dict) else None
    return info if isinstance(info, dict) else None


def is_single_file(data: Data) -> bool:
    """The layout before the snapshot had its own file: the agenda is a table of the state."""
    return SNAPSHOT_TABLE in data


SNAPSHOT_VERSION = 2
"""1: a header line, then one line per proposal. 2: the header also holds the index (below)."""


def encode_snapshot(agenda: dict[str, Any], proposals: Mapping[str, Proposal] | None = None) -> bytes:
    """A header line with the index, then one line per agenda document (``{"id": doc_id, "dok": ...}``).

    The index gives each line's proposal id, hash, change summary and head (what the agenda and
    the minutes list): opening a session parses that one line, and a proposal's own line only
    when it is opened. Parsing every line made the app's first paint and ``export`` cost about
    a second more at 10,000 proposals than reading the files (issue 17)."""
    index = [_index_entry(doc_id, doc, proposals) for doc_id, doc in agenda.items()]
    header = {"jenis": SNAPSHOT_KIND, "versi": SNAPSHOT_VERSION, "jumlah": len(agenda), "indeks": index}
    lines = [json.dumps(header, separators=(",", ":")).encode("ascii")]
    lines += [json.dumps({"id": doc_id, "dok": doc}, separators=(",", ":")).encode("ascii")
              for doc_id, doc in agenda.items()]
    return b"\n".join(lines) + b"\n"


def _index_entry(doc_id: str, doc: dict[str, Any], proposals: Mapping[str, Proposal] | None) -> dict[str, Any]:
    proposal = proposals[doc["pid"]] if proposals is not None else Proposal.from_dict(doc["data"])
    entry = {"id": doc_id, "pid": doc["pid"], "hash": doc["hash"], "kepala": proposal.head().to_dict()}
    if "perubahan" in doc:
        entry["perubahan"] = doc["perubahan"]
    return entry


def read_snapshot(session_path: Path, info: dict[str, Any]) -> Mapping[str, dict[str, Any]]:
    """The agenda table from the snapshot file named by ``info`` (its hash checked first): an
    index-backed ``LazyAgenda`` for version 2, every line parsed for version 1."""
    path = SessionFiles(session_path).snapshot
    way_out = (f"Snapshot usulan adalah bagian dari sesi {session_path.name}: simpan, salin, dan pindahkan "
               "berkas-berkas sesi bersama-sama.")
    raw = _read_bounded(path, SessionFileError(f"{path}: snapshot usulan sesi {session_path} tidak ada. {way_out}"),
                        way_out)
    if hashlib.sha256(raw).hexdigest() != info.get("sha256"):
        raise SessionFileError(f"{path}: isi snapshot usulan tidak sama dengan yang dicatat di {session_path} "
                               f"(diubah atau rusak; sidik SHA-256 berbeda). Berkas tidak diubah. {way_out}")
    lines = raw.split(b"\n")
    body = lines[1:-1]
    header = _parse_line(path, 1, lines[0])
    if header.get("versi") == SNAPSHOT_VERSION:
        agenda: Mapping[str, dict[str, Any]] = LazyAgenda(path, header.get("indeks"), body, str(info["sha256"]))
    else:
        agenda = {doc_id: doc for doc_id, doc in (_record(path, n, line) for n, line in enumerate(body, 2))}
    if len(agenda) != info.get("jumlah") or len(body) != len(agenda):
        raise SessionFileError(f"{path}: berisi {len(body)} usulan, {session_path} mencatat {info.get('jumlah')}")
    return agenda


def _parse_line(path: Path, number: int, line: bytes) -> dict[str, Any]:
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise SessionFileError(f"{path}: baris {number} bukan JSON yang sah ({exc})") from None
    if not isinstance(record, dict):
        raise SessionFileError(f"{path}: baris {number} harus objek JSON {{...}}")
    return record


def _record(path: Path, number: int, line: bytes) -> tuple[str, dict[str, Any]]:
    record = _parse_line(path, number, line)
    if not isinstance(record.get("dok"), dict) or not isinstance(record.get("id"), str):
        raise SessionFileError(f"{path}: baris {number} harus {{\"id\": ..., \"dok\": {{...}}}}")
    return record["id"], record["dok"]


class LazyAgenda(Mapping[str, dict[str, Any]]):
    """Doc id -> agenda document of a version-2 snapshot, each line parsed when first asked for.

    ``entry(doc_id)`` is the index entry (pid, hash, perubahan, kepala) without parsing the line.
    The whole file's hash was checked before this is made; a line that does not match its
    index entry is still refused, naming the line, when it is read."""

    def __init__(self, path: Path, index: Any, body: list[bytes], sha256: str) -> None:
        self.path = path
        self.sha256 = sha256
        if not isinstance(index, list) or len(index) != len(body):
            raise SessionFileError(f"{path}: baris 1: indeks harus daftar satu butir per usulan ({len(body)})")
        self._entries: dict[str, dict[str, Any]] = {}
        self._lines: dict[str, tuple[int, bytes]] = {}
        for n, (entry, line) in enumerate(zip(index, body, strict=True)):
            doc_id = entry.get("id") if isinstance(entry, dict) else None
            if not isinstance(doc_id, str) or doc_id in self._entries:
                raise SessionFileError(f"{path}: baris 1: indeks[{n}].id harus teks dan tidak ganda")
            self._entries[doc_id] = entry
            self._lines[doc_id] = (n + 2, line)
        self._docs: dict[str, dict[str, Any]] = {}

    def entry(self, doc_id: str) -> dict[str, Any]:
        return self._entries[doc_id]

    def __getitem__(self, doc_id: str) -> dict[str, Any]:
        doc = self._docs.get(doc_id)
        if doc is None:
            number, line = self._lines[doc_id]
            found, doc = _record(self.path, number, line)
            entry = self._entries[doc_id]
            if found != doc_id or doc.get("pid") != entry.get("pid") or doc.get("hash") != entry.get("hash"):
                raise SessionFileError(f"{self.path}: baris {number} tidak cocok dengan indeksnya (baris 1)")
            self._docs[doc_id] = doc
        return doc

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __eq__(self, other: object) -> bool:
        """Two reads of the same snapshot are equal without parsing its lines (a follower's reload)."""
        if isinstance(other, LazyAgenda):
            return self.sha256 == other.sha256
        return super().__eq__(other)

    __hash__ = None  # type: ignore[assignment]


def load(path: Path) -> tuple[Data, bool]:
    """State and snapshot as one set of tables (the agenda beside the others), either layout;
    and whether the file is an old single-file session."""
    data = parse_file(path)
    if is_single_file(data):
        return data, True
    info = snapshot_info(data)
    if info is not None:
        data[SNAPSHOT_TABLE] = read_snapshot(path, info)
    return data, False


class DurableStorage(Storage):
    """The session's tables in memory for TinyDB to read; changes are made by ``Session`` (its
    ``_set``, logged in the journal) and written here only by ``compact`` (see module doc)."""

    def __init__(self, path: Path, *, readonly: bool = False, create: bool = False) -> None:
        super().__init__()
        self.path = Path(path)
        self.readonly = readonly
        self._exists = not create
        # The file's identity before its bytes: a writer replacing it in between leaves an old
        # signature, so a follower's next reload() sees the change instead of missing it.
        self._signature = self._stat_signature() if not create else None
        self._data: Data = {}
        self.single_file = False
        """Read from an old single-file session (the agenda inside the state)."""
        if not create:
            self._data, self.single_file = load(self.path)
        self._compactions = 0
        self._can_link = hasattr(os, "link")
        self.state_bytes = 0
        """Size of the state as last written or read (compaction is due when the journal outgrows it)."""
        if not create:
            with contextlib.suppress(OSError):
                self.state_bytes = os.stat(self.path).st_size

    # -- TinyDB interface -------------------------------------------------
    def read(self) -> Data:
        return self._data

    def write(self, data: Data) -> None:
        raise SessionError("perubahan sesi dicatat lewat Session._commit (log dulu), bukan lewat TinyDB")

    def close(self) -> None:
        pass

    # -- writing --------------------------------------------------------------
    def create(self, data: Data, proposals: Mapping[str, Proposal] | None = None) -> None:
        """A new session: the snapshot file first (fsynced), then the state, both never over a file.
        ``proposals``: the agenda's proposals when at hand (their heads go into the index)."""
        self._data = data
        agenda = data.get(SNAPSHOT_TABLE, {})
        snapshot = encode_snapshot(agenda, proposals)
        data["sesi"]["1"][SNAPSHOT_KEY] = {"sha256": hashlib.sha256(snapshot).hexdigest(), "jumlah": len(agenda)}
        target = SessionFiles(self.path).snapshot
        try:
            atomic_write(target, snapshot, exclusive=True)
        except FileExistsError:
            raise SessionError(f"{target}: sudah ada; tidak ditimpa (hapus atau pindahkan bila bukan milik sesi "
                               "lain)") from None
        except OSError as exc:
            raise SaveFailed(f"{target}: gagal menyimpan snapshot usulan ({exc.strerror or exc})") from exc
        self.compact()

    def split_snapshot(self) -> Path:
        """Move the agenda of an old single-file session into its own snapshot file (writers only).

        The old file is kept as ``.v1.bak`` (a hardlink or copy), never rotated away; a snapshot
        left by an interrupted earlier attempt is reused when it holds the same agenda."""
        files = SessionFiles(self.path)
        if not files.legacy.exists():
            tmp = temp_path(files.legacy)
            try:
                os.link(self.path, tmp)
            except OSError:
                shutil.copyfile(self.path, tmp)
            replace(tmp, files.legacy)
        snapshot = encode_snapshot(self._data[SNAPSHOT_TABLE])
        info = {"sha256": hashlib.sha256(snapshot).hexdigest(), "jumlah": len(self._data[SNAPSHOT_TABLE])}
        try:
            atomic_write(files.snapshot, snapshot, exclusive=True)
        except FileExistsError:
            if hashlib.sha256(files.snapshot.read_bytes()).hexdigest() != info["sha256"]:
                raise SessionError(f"{files.snapshot}: sudah ada dengan isi lain; sesi {self.path.name} tidak "
                                   "dimigrasi. Pindahkan berkas itu, lalu buka lagi") from None
        self._data["sesi"]["1"][SNAPSHOT_KEY] = info
        self.single_file = False
        return files.legacy

    def compact(self) -> None:
        """Write the state (every table but the snapshot) atomically; the old one becomes .bak."""
        if self.readonly:
            raise ReadOnlySession(f"{self.path}: sesi dibuka hanya-baca; perubahan tidak disimpan")
        chunks = self._serialize()
        try:
            atomic_write(self.path, chunks, exclusive=not self._exists,
                         before_replace=self._rotate_bak_or_refuse if self._exists else None)
        except SessionError:
            raise
        except FileExistsError:
            raise SessionError(f"{self.path}: berkas sudah ada; tidak ditimpa") from None
        except DirSyncFailed as exc:
            self._written(chunks)
            failed = SaveFailed(
                f"{self.path}: berkas sudah diganti, tetapi folder gagal disinkronkan ({exc.strerror or exc}); "
                "perubahan terakhir bisa hilang bila listrik padam sekarang")
            failed.replaced = True
            raise failed from exc
        except OSError as exc:
            raise SaveFailed(
                f"{self.path}: gagal menyimpan ({exc.strerror or exc}); perubahan terakhir TIDAK tersimpan"
            ) from exc
        self._written(chunks)

    def cleanup_temp_files(self) -> list[Path]:
        """Remove temp files a killed writer left behind (call only while holding the lock)."""
        files = SessionFiles(self.path)
        return [*remove_temp_files(self.path), *remove_temp_files(files.bak), *remove_temp_files(files.snapshot),
                *remove_temp_files(files.legacy)]

    # -- following --------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        return self._stat_signature() != self._signature

    def install(self, data: Data, signature: Signature | None) -> None:
        """Take data a follower re-read and checked (see Session.reload)."""
        self._data = data
        self._signature = signature

    def signature(self) -> Signature | None:
        return self._stat_signature()

    @property
    def read_signature(self) -> Signature | None:
        """The identity of the file as it was when the data in memory was read."""
        return self._signature

    # -- internals ----------------------------------------------------------
    def _written(self, chunks: list[bytes]) -> None:
        self._exists = True
        self._compactions += 1
        self.state_bytes = sum(len(c) for c in chunks)
        self._signature = self._stat_signature()

    def _stat_signature(self) -> Signature | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_size, st.st_mtime_ns)

    def _serialize(self) -> list[bytes]:
        """The state file as byte chunks, one table per line (the snapshot table left out)."""
        chunks = [b"{"]
        for name, table in self._data.items():
            if name == SNAPSHOT_TABLE:
                continue
            encoded = json.dumps(table, separators=(",", ":")).encode("ascii")
            chunks += [b"\n" if len(chunks) == 1 else b",\n", json.dumps(name).encode("ascii"), b":", encoded]
        chunks.append(b"\n}\n")
        return chunks

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
        if self._compactions % COPY_BAK_EVERY == 0:
            shutil.copyfile(self.path, tmp)
            replace(tmp, bak)
