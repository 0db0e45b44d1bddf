"""Saves keep the file's mode and owner; a read-only session opens read-only; a .bak problem names the .bak."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from sopreview.store.session import ReadOnlySession, SaveFailed, Session
from sopreview.store.files import bak_path
from tests.store.builders import ORGANISASI, P1, P3, PROPOSALS, FakeClock


@pytest.fixture
def created(session_path: Path) -> Path:
    with Session.create(session_path, ORGANISASI, PROPOSALS, clock=FakeClock()) as s:
        s.record_decision(P1, "disetujui")
    return session_path


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_mode_0600_stays_0600_after_saves(created: Path) -> None:
    os.chmod(created, 0o600)
    with Session.open(created, clock=FakeClock()) as s:
        s.set_notes(P3, "rahasia")
        s.set_notes(P3, "rahasia lagi")
    assert _mode(created) == 0o600
    assert _mode(bak_path(created)) == 0o600  # the previous version is just as private


def test_owner_is_kept_when_root_saves_someone_elses_session(created: Path) -> None:
    if os.getuid() != 0:
        pytest.skip("only root can save a file owned by someone else")
    os.chown(created, 12345, 23456)
    with Session.open(created, clock=FakeClock()) as s:
        s.set_notes(P3, "x")
    st = created.stat()
    assert (st.st_uid, st.st_gid) == (12345, 23456)


def test_read_only_session_opens_read_only_and_is_never_written(created: Path) -> None:
    os.chmod(created, 0o444)
    before = created.read_bytes()
    with Session.open(created, clock=FakeClock()) as s:
        assert s.readonly and any("hanya-baca" in w for w in s.warnings)
        with pytest.raises(ReadOnlySession, match="berkas hanya-baca.*chmod u\\+w"):
            s.set_notes(P3, "tidak boleh")
    assert created.read_bytes() == before and _mode(created) == 0o444


def test_bak_that_cannot_be_written_is_named(created: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The change itself lands in the journal; the state file's rewrite (here forced after every
    change) cannot keep its .bak, so it is not rewritten, and the notice names the .bak."""
    from sopreview.store import session as session_module

    bak = bak_path(created)
    bak.unlink(missing_ok=True)
    bak.mkdir()  # a .bak that cannot be replaced (a folder stands in for an immutable file)
    (bak / "isi").write_text("x")
    before = created.read_bytes()
    with Session.open(created, clock=FakeClock()) as s:
        monkeypatch.setattr(session_module, "COMPACT_MIN_BYTES", 0)
        s._storage.state_bytes = 0
        s.set_notes(P3, "x")
        notices = s.take_notices()
        assert s.notes(P3) == "x"
    assert len(notices) == 1 and notices[0].startswith(f"{bak}: cadangan tidak dapat diperbarui")
    assert "tersimpan di log audit" in notices[0]
    assert created.read_bytes() == before
    with Session.open(created, readonly=True) as r:
        assert r.notes(P3) == "x"
