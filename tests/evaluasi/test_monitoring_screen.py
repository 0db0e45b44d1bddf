"""The monitoring screen (issue 14): m on the Daftar SOP, by keys; what it shows as saved is on disk,
a refused record writes nothing and says why, Esc with unsaved input asks once. Snapshots at
120x36 and 80x24 (look at them as PNG when they move)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot

from sopreview.cli import main
from sopreview.store.monitoring import MONITORING_FILE, read_log
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.monitoring import MonitoringScreen
from sopreview.ui.screens.register import RegisterScreen
from tests.ui.conftest import HandClock, run_app, type_keys

ROOT = Path(__file__).resolve().parents[2]
JDIH = "hukum-sdm/jdih"
SIZES = {"120x36": (120, 36), "80x24": (80, 24)}


@pytest.fixture
def session_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "r", "--date", "2022-06-16"]) == 0
    return tmp_path / "sessions" / "r.json"


async def open_monitoring(pilot: Pilot[None], app: SopReviewApp, sop_id: str = JDIH) -> MonitoringScreen:
    """r, wait for the register (read in a worker), highlight ``sop_id``, m."""
    await pilot.press("r")
    screen = app.screen
    assert isinstance(screen, RegisterScreen)
    for _ in range(400):  # bounded by steps, not by the clock
        if screen.register.rows:
            break
        await pilot.pause(0.05)
    index = [r.sop_id for r in screen.register.rows].index(sop_id)
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, MonitoringScreen)
    return app.screen


def test_a_monitoring_recorded_by_keys_is_on_disk(session_path: Path) -> None:
    before = len(read_log(session_path.parent.parent / "sops").records)

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await open_monitoring(pilot, app)
        # one burst: penilai, to the table, step 2 fails, its note and action, save
        await type_keys(pilot, "Sri Wahyuni")
        await pilot.press("tab", "down", "space", "tab")
        await type_keys(pilot, "nomor inventaris terlambat")
        await pilot.press("tab")
        await type_keys(pilot, "ingatkan petugas")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
        await pilot.press("escape", "q")

    run_app(SopReviewApp(session_path, None, clock=HandClock()), script)
    log = read_log(session_path.parent.parent / "sops")
    assert len(log.records) == before + 1
    record = log.records[-1]
    assert (record.sop, record.tanggal, record.penilai) == (JDIH, "2022-06-16", "Sri Wahyuni")
    assert [s.no for s in record.langkah if not s.berjalan] == [2]
    assert (record.langkah[1].catatan, record.langkah[1].tindakan) == ("nomor inventaris terlambat", "ingatkan petugas")


def test_a_refused_record_writes_nothing_and_esc_asks_once(session_path: Path) -> None:
    log_file = session_path.parent.parent / "sops" / MONITORING_FILE
    before = log_file.read_bytes()

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        screen = await open_monitoring(pilot, app)
        await type_keys(pilot, "Sri")
        await pilot.press("tab", "space", "ctrl+s")  # step 1 fails without a note
        await pilot.pause()
        assert app.screen is screen
        error = str(screen.query_one("#mon-error").render())
        assert "Catatan" in error and "langkah 1" in error
        await pilot.press("escape")
        assert app.screen is screen  # asked, not discarded
        assert "Esc sekali lagi" in str(screen.query_one("#mon-error").render())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RegisterScreen)
        await pilot.press("escape", "q")

    run_app(SopReviewApp(session_path, None, clock=HandClock()), script)
    assert log_file.read_bytes() == before


@pytest.mark.parametrize("size", SIZES)
def test_monitoring_screen_snapshot(snap_compare, session_path: Path, size: str) -> None:  # type: ignore[no-untyped-def]
    async def fill(pilot: Pilot[None]) -> None:
        await open_monitoring(pilot, pilot.app)  # type: ignore[arg-type]
        await type_keys(pilot, "Dwi Astuti, S.H.")
        await pilot.press("tab", "down", "down", "down", "down", "space", "tab")
        await type_keys(pilot, "unggahan tertunda karena akses laman")
        await pilot.press("tab")
        await type_keys(pilot, "ajukan perbaikan akses")
        await pilot.press("shift+tab", "shift+tab")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = SopReviewApp(session_path, None, clock=HandClock())
    assert snap_compare(app, terminal_size=SIZES[size], run_before=fill)
