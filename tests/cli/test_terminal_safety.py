"""Nothing a command prints can drive the terminal; ``sessions`` tells a stale lock from a held one."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from sopreview.cli import main
from sopreview.store.files import journal_path
from sopreview.store.files import lock_path
from sopreview.store.session import Session

JDIH = "hukum-sdm/jdih"
RAW = ("\x1b", "\x07", "\x9b")


@pytest.fixture
def rapat(workdir: Path) -> Path:
    assert main(["new", "rapat", "--date", "2022-06-16"]) == 0
    return workdir / "sessions" / "rapat.json"


def _out(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    return captured.out + captured.err


def test_record_confirmation_and_stored_text_carry_no_escape(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["record", "note", "rapat", JDIH, "catatan \x1b]0;PWNED\x07 \x1b[2J selesai"]) == 0
    assert main(["record", "action", "rapat", JDIH, "--what", "Cek \x1b]52;c;aGk=\x07", "--who", "Budi",
                 "--when", "2022-07-01"]) == 0
    out = _out(capsys)
    assert not any(c in out for c in RAW), repr(out)
    with Session.open(rapat, readonly=True) as r:
        assert r.notes(JDIH) == "catatan ]0;PWNED [2J selesai"  # stored without the control characters
        assert r.actions()[0].apa == "Cek ]52;c;aGk="


def test_log_shows_a_hand_edited_escape_visibly(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    entries = [json.loads(line) for line in journal_path(rapat).read_text().splitlines()]
    entries[0]["ringkasan"] = "Sesi \x1b]0;PWNED\x07 dibuat"
    journal_path(rapat).write_text("".join(json.dumps(e) + "\n" for e in entries))
    capsys.readouterr()
    assert main(["log", "rapat"]) == 0
    out = _out(capsys)
    assert not any(c in out for c in RAW) and "Sesi \\x1b]0;PWNED\\x07 dibuat" in out


def test_error_messages_quoting_an_argument_are_visible(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["record", "decision", "rapat", "x\x1b[2J", "disetujui"]) == 2
    out = _out(capsys)
    assert not any(c in out for c in RAW) and "\\x1b[2J" in out


def test_sessions_tells_a_stale_lock_from_a_held_one(rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    record = {"host": socket.gethostname(), "pid": 2**22 + 12345, "user": "operator", "since": "2022-06-16T09:00"}
    lock_path(rapat).write_text(json.dumps(record))  # a crashed app's record: no process holds it
    capsys.readouterr()
    assert main(["sessions"]) == 0
    out = _out(capsys)
    assert "kunci lama dari operator" in out and "tidak dipegang lagi" in out and "dibuka oleh" not in out
    os.unlink(lock_path(rapat))
    with Session.open(rapat):
        assert main(["sessions"]) == 0
        out = _out(capsys)
    assert "[dibuka oleh" in out and "kunci lama" not in out


def test_stale_record_from_a_live_pid_is_still_stale_when_nobody_holds_the_flock(
        rapat: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The pid in the record may have been reused by another program: the flock decides."""
    record = {"host": socket.gethostname(), "pid": os.getppid(), "user": "operator", "since": "2022-06-16T09:00"}
    lock_path(rapat).write_text(json.dumps(record))
    capsys.readouterr()
    assert main(["sessions"]) == 0
    assert "tidak dipegang lagi" in _out(capsys)
