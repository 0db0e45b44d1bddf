"""The meeting's session: everything recorded, kept in ``sessions/<name>.json`` and its companions.

Every write method goes through ``_commit``, which logs the change with its old and new
values as one fsynced journal line (audit.py) before it returns: that line is what makes it
durable, so a write costs the same for 14 or 10,000 proposals. The state file is rewritten
only now and then (storage.py, "compaction"); opening replays the journal lines written since.
``undo`` is just "write the old values back". One process writes at a time (lock.py); others
may open read-only and follow the journal.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from tinydb import Query, TinyDB
from tinydb.table import Document, Table

from sopreview.domain import clock as clock_rules
from sopreview.domain.audit import NAVIGATION_ACTIONS, AuditEntry
from sopreview.domain.criteria import Criterion
from sopreview.domain.header import DEFAULT_ACARA, DEFAULT_JUDUL, MeetingMeta, with_defaults
from sopreview.domain.model import Organisasi, Proposal
from sopreview.domain.textsafe import strip_tree, visible
from sopreview.store import heartbeat, schema
from sopreview.store.audit import Journal, entry_problem, to_entry
from sopreview.store.files import bak_path, journal_path, snapshot_path
from sopreview.store.errors import (
    AlreadySaved,
    InvalidValue,
    ReadOnlySession,
    SaveFailed,
    SessionError,
    SessionFileError,
    SessionLocked,
    UnknownProposal,
)
from sopreview.store.lock import SessionLock, live_holder
from sopreview.store.reading import SessionReading
from sopreview.durable.files import fsync_dir
from sopreview.store.storage import DurableStorage, is_read_only_file, is_single_file, read_snapshot, snapshot_info
from sopreview.store.writing import SessionWriting

__all__ = [
    "InvalidValue", "ReadOnlySession", "SaveFailed", "Session", "SessionError", "SessionFileError",
    "SessionLocked", "UnknownProposal", "DEFAULT_ACARA", "DEFAULT_JUDUL",
]

Clock = Callable[[], datetime]
Key = tuple[Any, ...]

NOT_UNDOABLE = frozenset({"buat", "pulihkan", "migrasi", "tetapkan"})
"""Undo stops at these: creation, a restore from backup, a schema upgrade."""
NOT_REVERTED = frozenset({(schema.T_SESI, "next_action")})
"""Undo never hands out an action id twice."""
SKIPPED_BY_UNDO = NAVIGATION_ACTIONS | clock_rules.CLOCK_EVENTS
"""Navigation (what the projector shows) and clock events are logged but undo passes over them:
undo reverts only what the secretary recorded."""
NAVIGATION = frozenset({(schema.T_SESI, "current"), (schema.T_SESI, "tab"), (schema.T_SESI, "sorot"),
                        (schema.T_SESI, "layar"), (schema.T_SESI, "zoom")})
"""What the projector shows; navigation after a change moves it, so undo does not require it unchanged."""
OP_WINDOW = 50
"""How far back a retried operation id is looked for (a retry follows its original closely)."""
COMPACT_MIN_BYTES = 256 * 1024
COMPACT_RATIO = 1.0
"""The state is rewritten once the journal since its last rewrite holds COMPACT_MIN_BYTES, or
COMPACT_RATIO times the state's size if that is more: the rewrite then costs at most as much as
the lines did, so a write's cost stays flat on average, and replay at open never reads more
than the state. (The crash test sets both to 0: a rewrite after every change.)"""


def _default_clock() -> datetime:
    return datetime.now().astimezone()


class Session(SessionReading, SessionWriting):
    """Open with ``Session.open`` or ``Session.create``; use as a context manager."""

    def __init__(self, *, path: Path, storage: DurableStorage, lock: SessionLock | None, journal: Journal,
                 entries: list[dict[str, Any]], static: schema.Static, clock: Clock | None,
                 lock_holder: str | None = None, warnings: list[str] | None = None) -> None:
        self.path = path
        self.readonly = lock is None
        self.lock_holder = lock_holder
        """Who holds the session for writing, when it was opened read-only (None otherwise)."""
        self.notices: list[str] = []
        """Warnings from writes since ``take_notices`` (the change itself was saved)."""
        self.readonly_reason: str | None = None
        """Why a session asked for writing was opened read-only anyway (the file's permissions)."""
        self.warnings: list[str] = warnings or []
        """Things the user should know that did not stop the session from opening."""
        self.carried_over: list[str] = []
        """After ``create(carry_over_from=...)``: the deferred proposals taken over."""
        self.skipped: list[str] = []
        """After ``create(carry_over_from=...)``: proposals left out (decided before, unchanged)."""
        self._storage = storage
        self._lock = lock
        self._journal = journal
        self.warnings.extend(journal.damaged)
        self._entries = entries
        self._journal_seq = entries[-1]["seq"] if entries else 0
        self._static = static
        self._clock_fn: Clock = clock or _default_clock
        self._db = TinyDB(storage=lambda: storage)
        self._tables: dict[str, Table] = {}
        self._bind_tables()
        self._seq: int = self._doc(schema.T_SESI)["audit_seq"]
        self._compacted_seq = self._seq
        """The last entry the state file on disk holds; later ones are only in the journal."""
        self._journal_since_compaction = 0
        """Bytes appended to the journal since the state file was last written."""
        if lock is not None and lock.taken_over is not None:
            self.warnings.append(
                f"Kunci lama dari {lock.taken_over.describe()} diambil alih (proses itu sudah tidak berjalan).")

    # -- opening and closing -------------------------------------------------------
    @classmethod
    def open(cls, path: Path, *, readonly: bool = False, clock: Clock | None = None) -> Session:
        """Open for writing (takes the lock; SessionLocked if held) or read-only (never writes)."""
        path = Path(path)
        if not path.exists():
            hint = f" Cadangan ada di {bak_path(path)}." if bak_path(path).exists() else ""
            raise SessionError(f"{path}: berkas sesi tidak ditemukan.{hint}")
        if readonly:
            return cls._load(path, None, clock)
        if is_read_only_file(path):
            session = cls._load(path, None, clock)
            session.readonly_reason = f"berkas hanya-baca (izin {oct(path.stat().st_mode & 0o777)[2:]})"
            session.warnings.insert(0, f"{path}: {session.readonly_reason}; sesi dibuka hanya-baca. "
                                       "Ubah izin berkas (chmod u+w) untuk mencatat.")
            return session
        lock = _acquire(path)
        try:
            return cls._load(path, lock, clock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _load(cls, path: Path, lock: SessionLock | None, clock: Clock | None) -> Session:
        storage = DurableStorage(path, readonly=lock is None)
        data = storage.read()
        found_version = schema.schema_version(data)
        single_file = storage.single_file
        migrated = schema.migrate(data, path)
        static = schema.check(migrated, path, snapshot_verified=not single_file)
        storage.install(migrated, storage.read_signature)  # not a fresh stat: see DurableStorage
        journal = Journal(journal_path(path))
        entries = journal.load()
        holder = None
        if lock is None:
            holder = live_holder(path)
        else:
            storage.cleanup_temp_files()
            journal.drop_torn_tail()
        session = cls(path=path, storage=storage, lock=lock, journal=journal, entries=entries, static=static,
                      clock=clock, lock_holder=holder)
        if session._replay():
            try:  # the journal's lines are checked as they are applied; the result as a whole here
                session._static = schema.check(storage.read(), path, previous=static)
            except SessionFileError as exc:  # the caller releases the lock
                raise SessionFileError(f"{exc} (setelah menerapkan {journal.path.name}: periksa baris "
                                       "terakhirnya)") from None
        session._reconcile_journal()
        if single_file and lock is not None:
            session._split_snapshot()
        if lock is not None:
            session._close_stale_clock()
        if found_version != schema.SCHEMA_VERSION and lock is not None:
            session._commit("migrasi", "sesi", [], f"Skema berkas diperbarui dari {found_version} ke "
                            f"{schema.SCHEMA_VERSION}", force=True)
        return session

    @classmethod
    def create(cls, path: Path, organisasi: Organisasi, proposals: list[Proposal], *,
               meta: MeetingMeta | None = None, sops_dir: Path | None = None,
               carry_over_from: Path | None = None, clock: Clock | None = None,
               criteria: tuple[Criterion, ...] | None = None) -> Session:
        """Write a new session (refuses an existing file) and return it open for writing."""
        from sopreview.store.create import build_session_data, prepare_agenda, set_aside_orphan_journal

        path = Path(path)
        if path.exists():
            raise SessionError(f"{path}: sudah ada; pilih nama lain (sesi yang ada tidak ditimpa)")
        now = (clock or _default_clock)()
        now = now if now.tzinfo is not None else now.astimezone()  # every stored stamp has its offset
        plan = prepare_agenda(proposals, carry_over_from, lambda p: cls.open(p, readonly=True))
        try:
            if not path.parent.is_dir():
                path.parent.mkdir(parents=True)
                fsync_dir(path.parent.parent)  # the new folder itself must survive a power cut
        except OSError as exc:
            raise SessionError(f"{path.parent}: folder tidak dapat dibuat ({exc.strerror})") from None
        lock = _acquire(path)
        try:
            if path.exists():
                raise SessionError(f"{path}: sudah ada; pilih nama lain (sesi yang ada tidak ditimpa)")
            warnings = set_aside_orphan_journal(path, now)
            meta = with_defaults(meta or MeetingMeta(), organisasi.orang, now.date().isoformat())
            data, entry = build_session_data(organisasi, plan, meta, criteria, sops_dir, now)
            static = schema.check(data, path, built_from={p.id: p for p in plan.agenda})
            storage = DurableStorage(path, create=True)
            storage.create(data, static.proposals)
            journal = Journal(journal_path(path))
            journal.append([entry])
            session = cls(path=path, storage=storage, lock=lock, journal=journal, entries=[entry], static=static,
                          clock=clock, warnings=warnings)
            session.carried_over = list(plan.carried)
            session.skipped = list(plan.skipped)
            return session
        except BaseException:
            lock.release()
            raise

    def close(self) -> None:
        if self._lock is not None and self._seq > self._compacted_seq:
            # The journal already holds every change; a complete state file is a convenience
            # (hand edits, a quick listing), so a failure here is left for the next open.
            with contextlib.suppress(SessionError, OSError):
                self._compact()
        self._journal.close()
        self._storage.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reload(self) -> bool:
        """Read-only followers: take what the writer saved since the last look; True if anything changed.

        New journal lines are applied as they come (one line per change, whatever the agenda's
        size); a replaced state file (the writer compacted, or someone restored it) or a journal
        that shrank is read again from the start. A bad file raises; the old state stays."""
        if not self.readonly:
            return False
        changed = False
        if self._storage.changed_on_disk() or self._journal.shrank():
            self._read_again()
            changed = True
        else:
            before = len(self._entries)
            if self._journal.follow(self._entries):
                changed = True
                if self._replay() < len(self._entries) - before:
                    self._read_again()  # a line that does not apply: trust the files, not the increment
        for message in self._journal.damaged:
            self._warn(message)
        if changed:
            self.lock_holder = live_holder(self.path)
            self._reconcile_journal()
        return changed

    def _read_again(self) -> None:
        """Follower: the state file and journal read afresh, checked before anything is replaced."""
        signature = self._storage.signature()
        data = schema.migrate(_load_reusing_snapshot(self.path, self._storage.read()), self.path)
        old = self._static
        static = schema.check(data, self.path, previous=old,  # a bad file raises; the old state stays
                              snapshot_verified=not is_single_file(data))
        if static.hashes == old.hashes:  # the snapshot never changes: keep parsed proposals
            static = schema.Static(old.organisasi, old.criteria, old.proposals, old.hashes, static.item_ids,
                                   old.summaries, static.agenda_raw)
        entries = self._journal.load()
        self._storage.install(data, signature)
        self._static = static
        self._entries = entries
        self._bind_tables()
        self._seq = self._compacted_seq = self._doc(schema.T_SESI)["audit_seq"]
        self._replay()

    # -- internals shared by the reading and writing halves ---------------------------
    def _bind_tables(self) -> None:
        self._tables = {name: self._db.table(name, cache_size=0) for name in (
            schema.T_SESI, schema.T_META, schema.T_ORGANISASI, schema.T_KRITERIA, schema.T_AGENDA,
            schema.T_ITEM, schema.T_AKSI, schema.T_HADIR, schema.T_TAMU)}

    def _doc(self, table: str) -> Document:
        doc = self._tables[table].get(doc_id=1)
        assert isinstance(doc, Document)
        return doc

    def _now(self) -> datetime:
        now = self._clock_fn()
        return now if now.tzinfo is not None else now.astimezone()

    def _stamp(self) -> str:
        return self._now().isoformat(timespec="seconds")

    def _require(self, pid: str) -> None:
        if pid not in self._static.item_ids:  # the same ids as the agenda's, in a plain dict (drawn per row)
            ids = self._doc(schema.T_SESI)["urutan"]
            raise UnknownProposal(f"usulan {pid!r} tidak ada di agenda {self.path.name}; pilihan: {', '.join(ids)}")

    def _item(self, pid: str) -> Mapping[str, Any]:
        """The item's stored document, read-only and not copied: drawing the agenda reads five
        fields of every item (TinyDB's ``get`` copied each, 50,000 copies at 10,000 items)."""
        self._require(pid)
        return MappingProxyType(self._raw(schema.T_ITEM)[str(self._static.item_ids[pid])])

    def _raw(self, table: str) -> dict[str, Any]:
        """The stored documents of a table, as they are (writes change them in place; reads copy)."""
        return self._storage.read().setdefault(table, {})

    def _get(self, key: Key) -> Any:
        kind = key[0]
        if kind in (schema.T_META, schema.T_SESI):
            return copy.deepcopy(self._raw(kind)["1"].get(key[1]))
        if kind == schema.T_ITEM:
            return copy.deepcopy(self._item(key[1]).get(key[2]))
        if kind == schema.T_AKSI:
            doc = self._raw(kind).get(str(int(key[1])))
        else:
            doc = next((d for d in self._raw(kind).values() if d.get("nama") == key[1]), None)
        return copy.deepcopy(dict(doc)) if isinstance(doc, dict) else None

    def _set(self, key: Key, value: Any) -> None:
        """Change one slot in memory, O(1) for every kind but the small by-name tables (attendance,
        guests). Not TinyDB's ``update``: that rebuilds the whole table on each call."""
        kind, value = key[0], copy.deepcopy(value)
        docs = self._raw(kind)
        if kind in (schema.T_META, schema.T_SESI):
            docs["1"][key[1]] = value
        elif kind == schema.T_ITEM:
            self._require(key[1])
            docs[str(self._static.item_ids[key[1]])][key[2]] = value
        elif kind == schema.T_AKSI:
            if value is None:
                docs.pop(str(int(key[1])), None)
            else:
                docs[str(int(key[1]))] = value
        else:
            found = [doc_id for doc_id, doc in docs.items() if doc.get("nama") == key[1]]
            if value is None:
                for doc_id in found:
                    del docs[doc_id]
            elif found:
                for doc_id in found:
                    docs[doc_id].update(value)
            else:
                docs[str(max((int(d) for d in docs), default=0) + 1)] = value

    def _writable(self) -> None:
        if self.readonly or self._lock is None:
            who = f" (dipegang oleh {self.lock_holder})" if self.lock_holder else ""
            if self.readonly_reason:
                who = f" ({self.readonly_reason}; chmod u+w untuk mencatat)"
            raise ReadOnlySession(f"{self.path}: sesi dibuka hanya-baca{who}; perubahan tidak disimpan")

    @property
    def _session_id(self) -> str:
        """Stamped on every log entry, so undo can refuse a line copied from another session."""
        sesi = self._doc(schema.T_SESI)
        return str(sesi.get("id") or sesi["dibuat"])

    def _commit(self, aksi: str, target: str, sets: list[tuple[Key, Any]], ringkasan: str, *,
                batal: int | None = None, force: bool = False, verify: bool = False,
                op: str | None = None) -> AuditEntry | None:
        """Apply the changes and their log entry in one durable write, then append the journal.

        ``verify``: check the whole result with the session check before anything is written
        (undo writes values taken from the journal, which a hand edit may have changed).
        ``op``: an operation id for appends (a note paragraph, a follow-up); when the log already
        holds it, the change is a retry of one that reached the disk and AlreadySaved is raised."""
        self._writable()
        if op is not None:
            for earlier in reversed(self._entries[-OP_WINDOW:]):
                if earlier.get("op") == op:
                    raise AlreadySaved(f"sudah tersimpan sebelumnya (entri log #{earlier['seq']}: "
                                       f"{visible(str(earlier.get('ringkasan', '')))}); tidak dicatat dua kali",
                                       int(earlier["seq"]))
        changes = []
        for key, new in sets:
            new = strip_tree(new)  # typed or pasted: a control character is never stored
            old = self._get(key)
            if old != new:
                changes.append([list(key), old, copy.deepcopy(new)])
        if not changes and not force:
            return None
        if len(changes) == 1:
            lama, baru = changes[0][1], changes[0][2]
        else:
            lama = {_key_label(k): o for k, o, _ in changes}
            baru = {_key_label(k): n for k, _, n in changes}
        entry = {"seq": self._seq + 1, "waktu": self._stamp(), "aksi": aksi, "target": strip_tree(target),
                 "lama": lama, "baru": baru, "ringkasan": strip_tree(ringkasan), "batal": batal, "perubahan": changes,
                 "sesi": self._session_id}
        if op is not None:
            entry["op"] = op
        self._apply(changes, entry)
        if verify:
            try:
                schema.check(self._storage.read(), self.path, previous=self._static)
            except SessionFileError as exc:
                self._revert(changes)
                raise InvalidValue(f"{ringkasan} ditolak: hasilnya tidak sah "
                                   f"({str(exc).split(' — ', 1)[-1]}); berkas tidak diubah") from None
        self._entries.append(entry)
        self._log_or_save(changes, durable=aksi not in NAVIGATION_ACTIONS)
        return to_entry(entry)

    def _apply(self, changes: list[list[Any]], entry: dict[str, Any]) -> None:
        """Put the changes and the entry into memory (nothing on disk yet)."""
        for key, _old, new in changes:
            self._set(tuple(key), new)
        sesi = self._raw(schema.T_SESI)["1"]
        sesi["audit_seq"], sesi["audit_last"] = entry["seq"], entry
        self._seq = entry["seq"]

    def _revert(self, changes: list[list[Any]]) -> None:
        """Memory back to before ``_apply`` (the change did not reach the disk)."""
        for key, old, _new in reversed(changes):
            self._set(tuple(key), old)
        self._seq -= 1
        previous = self._entries[-1] if self._entries and self._entries[-1]["seq"] == self._seq else None
        sesi = self._raw(schema.T_SESI)["1"]
        sesi["audit_seq"] = self._seq
        if previous is not None:
            sesi["audit_last"] = previous

    def _log_or_save(self, changes: list[list[Any]], durable: bool = True) -> None:
        """Make the newest entry durable: one fsynced journal line, or else the whole state file
        (the entries the journal could not take ride along in it). A change that reached neither
        is reverted in memory and SaveFailed raised. ``durable=False`` (navigation): written for
        followers to read, fsynced with the next change (see NAVIGATION_ACTIONS)."""
        pending = self._unlogged()
        try:
            size = self._journal.append(pending, sync=durable)
        except OSError as exc:
            self._raw(schema.T_SESI)["1"]["audit_tertunda"] = pending
            try:
                self._compact()
            except SaveFailed as failed:
                if not failed.replaced:  # the state file still holds the version before
                    self._raw(schema.T_SESI)["1"]["audit_tertunda"] = pending[:-1] or None
                    self._entries.pop()
                    self._revert(changes)
                raise
            self._notice(f"{self._journal.path}: log audit gagal ditulis ({exc.strerror or exc}); perubahan "
                         f"tetap tersimpan di {self.path.name} dan log dilengkapi pada penyimpanan berikutnya")
            return
        self._journal_seq = pending[-1]["seq"]
        if self._raw(schema.T_SESI)["1"].get("audit_tertunda"):
            self._raw(schema.T_SESI)["1"]["audit_tertunda"] = None
        self._journal_since_compaction += size
        if self._journal_since_compaction > max(COMPACT_MIN_BYTES, COMPACT_RATIO * self._storage.state_bytes):
            try:
                self._compact()
            except SessionError as exc:  # the change is in the journal: saved; the state catches up later
                self._notice(f"{str(exc).split('; perubahan terakhir', 1)[0]}; perubahan tersimpan di log audit "
                             f"{self._journal.path.name}, {self.path.name} ditulis ulang pada kesempatan berikutnya")

    def _compact(self) -> None:
        """Write the state file now (storage.compact); afterwards the journal holds nothing it lacks."""
        self._storage.compact()
        self._compacted_seq = self._seq
        self._journal_since_compaction = 0

    def _replay(self) -> int:
        """Apply the journal's entries written after the state file (changes since its last
        compaction, or a crash); returns how many. Stops, with a warning, at a gap in the
        numbering or a line whose slots do not exist (hand-edited)."""
        applied = 0
        for entry in self._entries:
            if entry["seq"] <= self._seq:
                continue
            if entry["seq"] != self._seq + 1:
                self._warn(f"{self._journal.path.name}: entri {self._seq + 1}–{entry['seq'] - 1} tidak ada; "
                           f"perubahan sejak entri {entry['seq']} tidak diterapkan")
                break
            try:
                for key, _old, _new in entry["perubahan"]:
                    self._get(tuple(key))  # every slot exists before any is written
            except (SessionError, KeyError, ValueError, TypeError, IndexError):
                self._warn(f"{self._journal.path.name}: entri {entry['seq']} menunjuk bagian sesi yang tidak ada; "
                           "perubahan sejak entri itu tidak diterapkan")
                break
            self._apply(entry["perubahan"], entry)
            applied += 1
        if applied:
            self._journal_seq = max(self._journal_seq, self._seq)
        return applied

    def _split_snapshot(self) -> None:
        """An old single-file session opened for writing: its agenda moves to its own file."""
        legacy = self._storage.split_snapshot()
        self._commit("migrasi", "sesi", [], f"Snapshot usulan dipindah ke {self._storage_snapshot_name()}; "
                     f"berkas lama disimpan sebagai {legacy.name}", force=True)
        self._compact()

    def _storage_snapshot_name(self) -> str:
        return snapshot_path(self.path).name

    def _unlogged(self) -> list[dict[str, Any]]:
        """Entries the journal does not have yet (usually none: found from the end)."""
        start = len(self._entries)
        while start > 0 and self._entries[start - 1]["seq"] > self._journal_seq:
            start -= 1
        return self._entries[start:]

    def _sync_journal(self) -> None:
        """Append what the journal lacks. A failure never undoes or hides a save: the change is
        in the session file (with the entries still to log), so it becomes a notice, and the
        next save or open tries again."""
        pending = self._unlogged()
        if not pending:
            return
        try:
            self._journal_since_compaction += self._journal.append(pending)
        except OSError as exc:
            self._notice(f"{self._journal.path}: log audit gagal ditulis ({exc.strerror or exc}); perubahan "
                         f"tetap tersimpan di {self.path.name} dan log dilengkapi pada penyimpanan berikutnya")
            return
        self._journal_seq = pending[-1]["seq"]

    def _notice(self, message: str) -> None:
        self._warn(message)
        if message not in self.notices:
            self.notices.append(message)

    def take_notices(self) -> list[str]:
        """Warnings raised by the last writes (e.g. the journal is unwritable); cleared on reading."""
        notices, self.notices = self.notices, []
        return notices

    def _reconcile_journal(self) -> None:
        """Make the journal agree with the session file after a crash or a restore (see audit.py)."""
        last = self._doc(schema.T_SESI).get("audit_last")
        have = self._entries[-1]["seq"] if self._entries else 0
        if have < self._seq:
            in_journal = have
            waiting = self._doc(schema.T_SESI).get("audit_tertunda") or []
            for kept in [*waiting, last]:  # entries the journal could not take, kept in the session file
                if isinstance(kept, dict) and have < kept.get("seq", 0) <= self._seq:
                    if kept["seq"] > have + 1:
                        self._warn(f"{self._journal.path.name}: log audit tidak lengkap "
                                   f"(entri {have + 1}–{kept['seq'] - 1} hilang).")
                    self._entries.append(copy.deepcopy(kept))
                    have = kept["seq"]
            if not self.readonly:
                self._journal_seq = in_journal
                self._sync_journal()
        elif have > self._seq:
            note = (f"berkas sesi lebih lama dari log audit (entri {self._seq + 1}–{have} tidak ada di berkas); "
                    "mungkin dipulihkan dari cadangan")
            if self.readonly:
                self._warn(f"{self.path.name}: {note}.")
            else:
                self._seq = have
                self._commit("pulihkan", "sesi", [], f"Berkas sesi dipulihkan: {note}", force=True)
                self._warn(f"{self.path.name}: {note}; dicatat di log audit.")
                try:  # the state file must now say so, or the next open would find the same gap
                    self._compact()
                except SessionError as exc:
                    self._warn(str(exc))

    def _close_stale_clock(self) -> None:
        """A clock still running at open was left by an app that died: stop it at the last sign
        of its operator (heartbeat or last recorded change), never at now."""
        signs = [heartbeat.last_beat(self.path)]
        if self._entries:
            signs.append(datetime.fromisoformat(self._entries[-1]["waktu"]))
        message = self.close_stale_clock(clock_rules.last_seen(signs))
        if message:
            self._warn(message)

    def _warn(self, message: str) -> None:
        if message not in self.warnings:  # a follower reconciles on every reload
            self.warnings.append(message)

    def _last_undoable(self) -> dict[str, Any] | None:
        undone: set[int] = set()
        for entry in reversed(self._entries):
            if entry["aksi"] == "batal":
                undone.add(entry["batal"])
            elif entry["seq"] in undone or entry["aksi"] in SKIPPED_BY_UNDO:
                continue
            elif entry["aksi"] in NOT_UNDOABLE:
                return None
            else:
                return entry
        return None

    def undo(self) -> AuditEntry | None:
        """Revert the last change (skipping navigation); returns the entry reverted, None if none.

        The undo itself is logged (aksi ``batal``), so repeated undo walks back through the log.
        The entry comes from a file a person can edit, so it is trusted only when it belongs to
        this session, every value it replaces is still the current one, and the result passes
        the session check; otherwise InvalidValue says why and nothing is written."""
        self._writable()
        entry = self._last_undoable()
        if entry is None:
            return None
        label = f"#{entry['seq']}"
        problem = entry_problem(entry)
        if problem:
            raise InvalidValue(f"entri log {label} tidak dapat dibatalkan: {problem}")
        owner = entry.get("sesi")
        if owner is not None and owner != self._session_id:
            raise InvalidValue(f"entri log {label} berasal dari sesi lain; tidak dibatalkan")
        sets = []
        for key, old, new in reversed(entry["perubahan"]):
            key = tuple(key)
            if key in NOT_REVERTED:
                continue
            try:
                current = self._get(key)
            except (SessionError, KeyError, ValueError, TypeError):
                raise InvalidValue(f"entri log {label} menunjuk {_key_label(list(key))} yang tidak ada; "
                                   "tidak dibatalkan") from None
            if current != new and key not in NAVIGATION:
                raise InvalidValue(f"entri log {label} tidak cocok dengan isi sesi ({_key_label(list(key))} "
                                   "sudah berubah sejak itu, atau log diubah tangan); tidak dibatalkan")
            sets.append((key, old))
        self._commit("batal", str(entry["target"]), sets, f"Membatalkan {label}: {entry['ringkasan']}",
                     batal=entry["seq"], force=True, verify=True)
        return to_entry(entry)

    def audit_log(self) -> list[AuditEntry]:
        return [to_entry(e) for e in self._entries]


def _load_reusing_snapshot(path: Path, current: dict[str, Any]) -> dict[str, Any]:
    """A follower's re-read: the state file, and the snapshot only if the state names another one."""
    from sopreview.store.storage import SNAPSHOT_TABLE, parse_file

    data = parse_file(path)
    info = snapshot_info(data)
    if info is None or is_single_file(data):
        return data
    if info == snapshot_info(current) and SNAPSHOT_TABLE in current:
        data[SNAPSHOT_TABLE] = current[SNAPSHOT_TABLE]
    else:
        data[SNAPSHOT_TABLE] = read_snapshot(path, info)
    return data


def _acquire(path: Path) -> SessionLock:
    lock = SessionLock(path)
    try:
        lock.acquire()
    except OSError as exc:
        raise SessionError(f"{lock.path}: berkas kunci tidak dapat dibuat ({exc.strerror})") from None
    return lock


def _key_label(key: list[Any]) -> str:
    return ".".join(str(k) for k in key)
