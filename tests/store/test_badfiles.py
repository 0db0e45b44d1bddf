"""Files the app cannot trust get a clear error and are never written; recovery paths work."""

from __future__ import annotations

import errno
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sopreview.store import storage as storage_module
from sopreview.durable import files as durable_files
from sopreview.store.files import bak_path, journal_path, lock_path
from sopreview.store.session import SaveFailed, Session, SessionError, SessionFileError
from tests.store.builders import ORGANISASI, P1, P2, P3, PROPOSALS, as_single_file, on_disk


@pytest.fixture
def created(session_path: Path) -> Path:
    with Session.create(session_path, ORGANISASI, PROPOSALS) as s:
        s.record_decision(P1, "disetujui")
        s.set_notes(P2, "catatan")
    return session_path


def _assert_refused(path: Path, match: str) -> None:
    before = path.read_bytes()
    for readonly in (False, True):
        with pytest.raises(SessionFileError, match=match) as info:
            Session.open(path, readonly=readonly)
        assert str(path) in str(info.value)
    assert path.read_bytes() == before
    assert not lock_path(path).exists()


def test_invalid_json(created: Path) -> None:
    created.write_text('{"sesi": {"1": {"schema": 1,,}}')
    _assert_refused(created, r"bukan JSON yang sah \(baris 1, kolom 29")
    with pytest.raises(SessionFileError, match=r"rapat\.json\.bak"):
        Session.open(created)


def test_empty_and_binary_files(created: Path) -> None:
    created.write_bytes(b"")
    _assert_refused(created, "kosong")
    created.write_bytes(b"\xff\xfe\x00garbage")
    _assert_refused(created, "UTF-8")


def test_unknown_schema_version(created: Path) -> None:
    data = json.loads(created.read_text())
    data["sesi"]["1"]["schema"] = 99
    created.write_text(json.dumps(data))
    _assert_refused(created, "lebih baru.*skema 99")


def test_not_a_session_at_all(created: Path) -> None:
    created.write_text('{"_default": {"1": {"x": 1}}}')
    _assert_refused(created, "bukan berkas sesi sopreview")
    created.write_text("[1, 2, 3]")
    _assert_refused(created, "objek JSON")


def _set(path: list[Any], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        if value is KeyError:
            del target[path[-1]]
        else:
            target[path[-1]] = value
    return edit


NONSENSE = {
    "unknown decision": (_set(["item", "1", "keputusan"], {"keputusan": "mungkin"}), r"item\[1\]\.keputusan"),
    "agenda order lost an item": (_set(["sesi", "1", "urutan"], [P1]), r"sesi\.urutan"),
    "snapshot broken": (_set(["agenda", "2", "data", "dokumen"], "x"), r"agenda\[2\]\.data"),
    "table missing": (_set(["item"], KeyError), r"item: tabel tidak ada"),
    "meta not text": (_set(["meta", "1", "judul"], 12), r"meta\.judul"),
    "bad attendance": (_set(["kehadiran"], {"1": {"nama": "X", "status": "bolos"}}), r"kehadiran\[1\]"),
    "bad clock": (_set(["item", "1", "jam"], [["pagi", None]]), r"item\[1\]\.jam\[0\]\[0\]"),
    "table of strings": (_set(["meta"], {"1": "judul"}), r"tabel 'meta' rusak"),
    "negative minutes": (_set(["item", "3", "menit"], -5), r"item\[3\]\.menit"),
    "current unknown": (_set(["sesi", "1", "current"], "x/y"), r"sesi\.current"),
    "criteria broken": (_set(["kriteria", "1"], {"id": "K 1", "teks": "a"}), r"kriteria"),
}


@pytest.mark.parametrize("case", sorted(NONSENSE))
def test_hand_edited_nonsense(created: Path, case: str) -> None:
    edit, where = NONSENSE[case]
    data = as_single_file(created)
    edit(data)
    created.write_text(json.dumps(data, indent=1))
    _assert_refused(created, where)


def test_bak_is_the_previous_good_version(created: Path) -> None:
    """The state file is rewritten when the writer closes (and when the journal outgrows it);
    each rewrite keeps the one before as .bak, which opens on its own."""
    with Session.open(created) as s:
        s.set_notes(P3, "satu")
    first = created.read_bytes()
    with Session.open(created) as s:
        s.set_notes(P3, "dua")
    assert bak_path(created).read_bytes() == first
    with Session.open(bak_path(created), readonly=True) as b:
        assert b.notes(P3) == "satu"


def test_recover_from_bak_after_corruption_loses_nothing(created: Path) -> None:
    """The .bak is older than the lost file, but the journal holds every change since: replayed."""
    with Session.open(created) as s:
        s.set_notes(P3, "terakhir")
    created.write_text("{rusak")
    shutil.copyfile(bak_path(created), created)  # what the error message tells the user to do
    with Session.open(created) as s:
        assert s.notes(P3) == "terakhir"
        assert not [w for w in s.warnings if "dipulihkan" in w]
        s.set_notes(P3, "lagi")
    with Session.open(created, readonly=True) as r:
        assert r.notes(P3) == "lagi"
        assert [e.seq for e in r.audit_log()] == list(range(1, len(r.audit_log()) + 1))


def test_restored_bak_with_a_gap_in_the_journal_is_logged_not_hidden(created: Path) -> None:
    """The journal lacks an entry the restored file needs: replay stops there and the log says so."""
    with Session.open(created) as s:
        s.set_notes(P3, "satu")
        s.set_notes(P3, "dua")
    created.write_text("{rusak")
    shutil.copyfile(bak_path(created), created)
    journal = journal_path(created)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-2] + lines[-1:]))  # "satu" is gone from the journal
    with Session.open(created) as s:
        assert s.notes(P3) == ""  # the .bak is behind, and "dua" cannot be applied without "satu"
        assert any("dipulihkan" in w for w in s.warnings) and any("tidak ada" in w for w in s.warnings)
        last = s.audit_log()[-1]
        assert last.aksi == "pulihkan" and "cadangan" in last.ringkasan
        assert s.undo() is None
    with Session.open(created) as s:  # said once, not at every open
        assert not [w for w in s.warnings if "dipulihkan" in w]


def test_missing_file_mentions_bak(created: Path) -> None:
    with pytest.raises(SessionError, match="tidak ditemukan"):
        Session.open(created.with_name("lain.json"))
    with Session.open(created) as s:
        s.set_notes(P3, "x")
    created.unlink()
    with pytest.raises(SessionError, match=r"Cadangan ada di .*\.bak"):
        Session.open(created)


def test_torn_journal_tail(created: Path) -> None:
    journal = journal_path(created)
    good = journal.read_bytes()
    journal.write_bytes(good + b'{"seq": 4, "waktu": "2022')  # killed mid-append
    with Session.open(created, readonly=True) as r:
        assert len(r.audit_log()) == 3
    assert journal.read_bytes().endswith(b'"2022')  # a reader never repairs
    with Session.open(created) as s:
        assert len(s.audit_log()) == 3
        s.set_notes(P3, "x")
    lines = journal.read_bytes().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 2, 3, 4]


def test_journal_one_behind_is_repaired_from_session_file(created: Path) -> None:
    """Killed after the session file was replaced but before the journal append."""
    journal = journal_path(created)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-1]))
    with Session.open(created, readonly=True) as r:
        assert [e.seq for e in r.audit_log()] == [1, 2, 3]
    assert len(journal.read_bytes().splitlines()) == 2
    with Session.open(created) as s:
        assert [e.aksi for e in s.audit_log()] == ["buat", "keputusan", "catatan"]
    assert journal.read_bytes() == b"".join(lines)


def test_journal_lost(created: Path) -> None:
    journal_path(created).unlink()
    with Session.open(created) as s:
        assert any("tidak lengkap" in w for w in s.warnings)
        assert s.audit_log()[-1].aksi == "catatan"
        assert s.undo() is not None and s.notes(P2) == ""


def test_damaged_journal_line(created: Path) -> None:
    """Skipped with a warning naming the line (it used to block every command, export included)."""
    journal = journal_path(created)
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(lines[0] + b"bukan json\n" + b"".join(lines[2:]))
    before = journal.read_bytes()
    with Session.open(created, readonly=True) as r:
        assert any(w.startswith("rapat.audit.jsonl: baris 2") and "dilewati" in w for w in r.warnings)
        assert [e.seq for e in r.audit_log()] == [1, 3]
    assert journal.read_bytes() == before


def test_leftover_temp_files_cleaned_by_writer_only(created: Path) -> None:
    leftovers = [created.with_name("rapat.json.tmp-123-abcd"), created.with_name("rapat.json.bak.tmp-9-ff")]
    for p in leftovers:
        p.write_text("{half")
    unrelated = created.with_name("lain.json.tmp-1-aa")
    unrelated.write_text("x")
    Session.open(created, readonly=True).close()
    assert all(p.exists() for p in leftovers)
    Session.open(created).close()
    assert not any(p.exists() for p in leftovers)
    assert unrelated.exists()


def test_failed_write_is_reported_and_memory_matches_disk(created: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk is full: neither the journal line nor the state file (the fallback) can be written."""
    with Session.open(created) as s:
        real_fsync = os.fsync
        disk = {"full": True}

        def full_disk(fd: int) -> None:
            if disk["full"]:
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(storage_module.os, "fsync", full_disk)
        before, journal_before = created.read_bytes(), journal_path(created).read_bytes()
        with pytest.raises(SaveFailed, match="TIDAK tersimpan"):
            s.record_decision(P3, "disetujui")
        disk["full"] = False
        assert created.read_bytes() == before and journal_path(created).read_bytes() == journal_before
        assert s.decision(P3) is None  # memory was reset to what is on disk
        assert [e.aksi for e in s.audit_log()][-1] == "catatan"
        assert not [p for p in created.parent.iterdir() if ".tmp-" in p.name]
        s.record_decision(P3, "disetujui")  # the next write works
    with Session.open(created, readonly=True) as r:
        assert r.decision(P3) is not None
        assert [e.seq for e in r.audit_log()] == [1, 2, 3, 4]


def test_orphan_journal_is_set_aside_on_create(session_path: Path) -> None:
    with Session.create(session_path, ORGANISASI, PROPOSALS) as s:
        s.set_notes(P1, "lama")
    session_path.unlink()
    with Session.create(session_path, ORGANISASI, PROPOSALS) as s:
        assert [e.aksi for e in s.audit_log()] == ["buat"]
        assert any("dipindahkan" in w for w in s.warnings)
    assert [p for p in session_path.parent.iterdir() if ".audit.jsonl.lama-" in p.name]


def test_failure_after_the_rename_keeps_log_and_state_in_step(created: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The journal refused the line, so the state file was rewritten instead, and the folder fsync
    failed after the new file was in place: the change is on disk, so it must be logged."""
    from sopreview.store.audit import Journal

    def refuse(self: Journal, entries: list[dict[str, Any]], sync: bool = True) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    with Session.open(created) as s:
        monkeypatch.setattr(Journal, "append", refuse)
        monkeypatch.setattr(durable_files, "fsync_dir", lambda folder: (_ for _ in ()).throw(OSError(errno.EIO, "I/O")))
        with pytest.raises(SaveFailed, match="folder gagal disinkronkan"):
            s.record_decision(P3, "disetujui")
        monkeypatch.undo()
        assert s.decision(P3) is not None  # memory = disk, and the disk has it
        assert s.audit_log()[-1].aksi == "keputusan"
        s.set_notes(P3, "sesudahnya")
    with Session.open(created, readonly=True) as r:
        assert [e.seq for e in r.audit_log()] == [1, 2, 3, 4, 5]
        assert not r.warnings


def test_journal_append_failure_is_reported_then_caught_up(created: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Session.open(created) as s:
        s.set_notes(P3, "buka handle")
        real_fsync = os.fsync
        state = {"fail": True}

        def flaky(fd: int) -> None:
            if state["fail"] and s._journal._log._handle is not None and fd == s._journal._log._handle.fileno():
                raise OSError(errno.ENOSPC, "No space left on device")
            real_fsync(fd)

        monkeypatch.setattr(os, "fsync", flaky)
        s.record_decision(P3, "disetujui")  # saved: a journal problem is a notice, not a failed save
        assert any("log audit gagal ditulis" in n and "tetap tersimpan" in n for n in s.take_notices())
        assert s.decision(P3) is not None
        state["fail"] = False
        s.set_notes(P3, "lagi")
    lines = journal_path(created).read_bytes().splitlines()
    assert [json.loads(line)["seq"] for line in lines] == [1, 2, 3, 4, 5, 6]


def test_old_schema_is_migrated_in_memory_and_written_on_open_for_writing(
        created: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sopreview.store import schema

    def one_to_two(data: dict[str, Any]) -> dict[str, Any]:
        data["meta"]["1"]["kesimpulan"] = "ditambahkan oleh migrasi"
        return data

    monkeypatch.setattr(schema, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(schema, "MIGRATIONS", {1: one_to_two})
    before = created.read_bytes()
    with Session.open(created, readonly=True) as r:
        assert r.meta.kesimpulan == "ditambahkan oleh migrasi"
    assert created.read_bytes() == before  # a reader migrates in memory only
    with Session.open(created) as s:
        assert s.audit_log()[-1].aksi == "migrasi"
        assert s.undo() is None
    data = json.loads(created.read_text())
    assert data["sesi"]["1"]["schema"] == 2 and data["meta"]["1"]["kesimpulan"] == "ditambahkan oleh migrasi"
    monkeypatch.setattr(schema, "MIGRATIONS", {})
    monkeypatch.setattr(schema, "SCHEMA_VERSION", 3)
    with pytest.raises(SessionFileError, match="skema 2 tidak dikenal"):
        Session.open(created)


@pytest.mark.parametrize("damage", ["edited", "truncated", "missing"])
def test_a_changed_or_missing_snapshot_file_is_refused_with_its_name(created: Path, damage: str) -> None:
    """The proposals' snapshot is written once; the state names its SHA-256, so any change is caught
    before anything is read from it, and the message says the session's files belong together."""
    from sopreview.store.files import snapshot_path

    snapshot = snapshot_path(created)
    raw = snapshot.read_bytes()
    if damage == "edited":
        snapshot.write_bytes(raw.replace(b"Surat Masuk", b"Surat Masak", 1))
    elif damage == "truncated":
        snapshot.write_bytes(raw[: len(raw) // 2])
    else:
        snapshot.unlink()
    before = created.read_bytes()
    for readonly in (False, True):
        with pytest.raises(SessionFileError, match="snapshot usulan") as info:
            Session.open(created, readonly=readonly)
        assert str(snapshot) in str(info.value) and "bersama-sama" in str(info.value)
    assert created.read_bytes() == before and not lock_path(created).exists()


def test_opening_to_record_one_change_parses_only_that_proposal(created: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The snapshot is verified by its hash, so its proposals are parsed when first used: a CLI
    `record` on a 10,000-proposal agenda does not parse 10,000 proposals."""
    from sopreview.store import schema

    parsed: list[str] = []
    real = schema._proposal
    monkeypatch.setattr(schema, "_proposal", lambda where, doc: parsed.append(doc["pid"]) or real(where, doc))
    with Session.open(created) as s:
        s.record_decision(P3, "ditunda", "belum lengkap")
    assert parsed == [P3]


def test_a_snapshot_rewritten_with_a_matching_hash_is_still_checked_where_used(created: Path) -> None:
    import hashlib

    from sopreview.store.files import snapshot_path

    snapshot = snapshot_path(created)
    lines = snapshot.read_text().splitlines()
    record = json.loads(lines[2])
    record["dok"]["data"]["dokumen"]["langkah"][0]["nomor"] = "satu"
    lines[2] = json.dumps(record)
    raw = ("\n".join(lines) + "\n").encode()
    snapshot.write_bytes(raw)
    state = json.loads(created.read_text())
    state["sesi"]["1"]["usulan"]["sha256"] = hashlib.sha256(raw).hexdigest()
    created.write_text(json.dumps(state))
    with Session.open(created, readonly=True) as r:
        with pytest.raises(SessionFileError, match=r"agenda\[2\]\.data\.dokumen\.langkah\[0\]\.nomor") as info:
            r.proposal(record["dok"]["pid"])
        assert str(created) in str(info.value)
        assert r.proposal(P3).id == P3  # the others are fine
