"""`sopreview open`, `sopreview demo` and the bare `sopreview`: clear errors, a scratch demo."""

from __future__ import annotations

import fcntl
import hashlib
import os
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from sopreview.cli import build_parser
from sopreview.cli.app_cmds import run_open, run_picker
from sopreview.demo import DEMO_META, bundled_sops, create_demo


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_open_parses_readonly_and_sops() -> None:
    args = build_parser().parse_args(["open", "sessions/rapat.json", "--readonly", "--sops", "lain/sops"])
    assert args.func is run_open and args.readonly and args.sops == "lain/sops"


def test_open_missing_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["open", str(tmp_path / "tidak-ada.json")])
    assert run_open(args) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_open_a_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_open(build_parser().parse_args(["open", str(tmp_path)])) == 2
    assert "folder" in capsys.readouterr().err


def test_bare_command_outside_a_meeting_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_picker(build_parser().parse_args([])) == 2
    assert "sopreview demo" in capsys.readouterr().err


def test_demo_works_on_a_copy_and_leaves_the_repository_alone(tmp_path: Path) -> None:
    before = _tree_hash(bundled_sops())
    session, result = create_demo(tmp_path)
    try:
        assert session.path == tmp_path / "sessions" / "demo.json"
        assert (tmp_path / "sops" / "organisasi.yaml").is_file()
        assert len(session.proposals()) == 14 and not result.errors
        meta = session.meta
        assert (meta.judul, meta.tanggal, meta.tempat, meta.ketua) == (
            DEMO_META.judul, "2022-06-16", "Ruang Rapat KPU Kota Mojokerto", "M. Awaludin Zahroni")
        assert "M. Awaludin Zahroni" in meta.pembukaan
    finally:
        session.close()
    assert _tree_hash(bundled_sops()) == before


def _run_in_pty(argv: list[str], cwd: Path, **extra_env: str) -> tuple[int, str]:
    """Run a command in a 120x36 pseudo-terminal; return its exit code and everything it wrote."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 36, 120, 0, 0))
    env = {**os.environ, "SOPREVIEW_EXIT_AFTER_PAINT": "1", "TERM": "xterm-256color", **extra_env}
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, cwd=cwd, env=env)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=60), out.decode("utf-8", "replace")


def test_demo_command_paints_the_agenda_and_says_where_the_copy_is(tmp_path: Path) -> None:
    here, scratch = tmp_path / "di-sini", tmp_path / "tmp"
    here.mkdir()
    scratch.mkdir()
    code, out = _run_in_pty([sys.executable, "-m", "sopreview", "demo"], here, TMPDIR=str(scratch))
    assert code == 0, out[-2000:]
    assert "Jaringan Dokumentasi" in out  # the agenda was painted
    assert "Sesi demo tersimpan di" in out and "repo tidak berubah" in out
    assert not list(here.iterdir())  # nothing written where it was run
    assert list(scratch.glob("sopreview-demo-*/sessions/demo.json"))


def test_open_command_paints_the_agenda(demo: Path) -> None:
    code, out = _run_in_pty([sys.executable, "-m", "sopreview", "open", str(demo)], demo.parent)
    assert code == 0, out[-2000:]
    assert "Jaringan Dokumentasi" in out
