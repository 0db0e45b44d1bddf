"""Sessions written before the snapshot had its own file (issue 17) still open, and nothing is lost.

``legacy/rapat-lama.json`` (+ its journal) was written by the release before: the proposals'
snapshot is the ``agenda`` table inside the session file. A reader uses it as it is; the first
writer moves the snapshot to ``rapat-lama.usulan.jsonl``, keeps the old file as
``rapat-lama.json.v1.bak`` and logs the move.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.store.files import SessionFiles
from sopreview.store.session import Session

LEGACY = Path(__file__).resolve().parent / "legacy"
P1, P2 = "hukum-sdm/jdih", "hukum-sdm/penyusunan-keputusan"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    for name in ("rapat-lama.json", "rapat-lama.audit.jsonl"):
        shutil.copyfile(LEGACY / name, tmp_path / name)
    return tmp_path / "rapat-lama.json"


def _what_it_says(s: Session) -> tuple[object, ...]:
    return (s.meta.tempat, s.decision(P1).keputusan if s.decision(P1) else None, s.notes(P2),
            [a.apa for a in s.actions()], sorted(s.attendance()), [g.nama for g in s.guests()], s.current(),
            [p.id for p in s.proposals()], [e.seq for e in s.audit_log()])


def test_a_reader_uses_the_old_file_as_it_is(old: Path) -> None:
    before = old.read_bytes()
    with Session.open(old, readonly=True) as r:
        assert r.meta.tempat == "Ruang Rapat Lantai 2" and r.decision(P1) is not None
        assert r.notes(P2) == "Perbaiki langkah 3."
    assert old.read_bytes() == before
    assert sorted(p.name for p in old.parent.iterdir()) == ["rapat-lama.audit.jsonl", "rapat-lama.json"]


def test_the_first_writer_moves_the_snapshot_out_and_keeps_the_old_file(old: Path) -> None:
    before = old.read_bytes()
    with Session.open(old, readonly=True) as r:
        seen = _what_it_says(r)
    files = SessionFiles(old)
    with Session.open(old) as s:
        assert _what_it_says(s)[:-1] == seen[:-1]
        last = s.audit_log()[-1]
        assert last.aksi == "migrasi" and files.snapshot.name in last.ringkasan and files.legacy.name in last.ringkasan
        assert s.undo() is None  # the move is not a change of the meeting's records
    assert files.legacy.read_bytes() == before  # never rotated away
    state = json.loads(old.read_text())
    assert "agenda" not in state and files.snapshot.exists()
    assert old.stat().st_size < len(before) / 2
    with Session.open(old, readonly=True) as r:
        assert _what_it_says(r)[:-1] == seen[:-1]
        assert r.change_summary(P1) == json.loads(before)["agenda"]["1"]["perubahan"]
    with Session.open(old) as s:  # moved once: the second writer finds nothing to move
        assert [e.aksi for e in s.audit_log()].count("migrasi") == 1
        s.record_decision(P2, "ditolak", "Belum sesuai")
    with Session.open(files.legacy, readonly=True) as r:  # the kept copy still opens as it was
        assert r.decision(P2) is None and r.notes(P2) == "Perbaiki langkah 3."


def test_a_move_interrupted_after_the_snapshot_was_written_is_finished(old: Path) -> None:
    """Killed after the snapshot file was written but before the state was: the next writer reuses it."""
    from sopreview.store.storage import DurableStorage

    storage = DurableStorage(old)
    storage.split_snapshot()  # what the killed writer got done
    assert old.read_text().count('"agenda"') == 1  # the state file still has its table
    with Session.open(old) as s:
        assert s.notes(P2) == "Perbaiki langkah 3."
    assert "agenda" not in json.loads(old.read_text())


def test_cli_record_on_an_old_session(old: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["record", "decision", str(old), P2, "disetujui"]) == 0
    with Session.open(old, readonly=True) as r:
        assert r.decision(P2) is not None
    assert SessionFiles(old).legacy.exists() and SessionFiles(old).snapshot.exists()
