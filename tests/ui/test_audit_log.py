"""The audit log reads as words, keeps projector navigation out of the way, and the read-only
banner and command palette speak the users' language."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from textual.command import CommandInput, CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from sopreview.store.session import Session
from sopreview.ui.app import PALETTE_PLACEHOLDER, SopReviewApp
from sopreview.ui.fmt import holder_text, waktu_lokal
from sopreview.ui.screens.audit import AuditLogScreen, column_widths, describe
from sopreview.ui.screens.base import ReadOnlyBanner
from tests.ui.conftest import HandClock, run_app


def test_values_are_described_in_words_not_reprs() -> None:
    decision = {"keputusan": "ditunda", "catatan": "lengkapi dasar hukum", "waktu": "2022-06-16T09:40:00+07:00"}
    assert describe(decision, "keputusan") == "Ditunda — lengkapi dasar hukum"
    action = {"tindak_lanjut.3": {"id": 3, "proposal_id": "p1", "apa": "Revisi", "siapa": "Budi", "kapan": "2022-06-30"},
              "sesi.next_action": 4}
    assert describe(action, "tindak_lanjut", "p1") == "apa: Revisi; siapa: Budi; kapan: 30 Juni 2022"
    evaluation = {"jawaban": {"a": True, "b": False, "c": True}, "catatan": "", "tindakan": "ubah langkah 3"}
    assert describe(evaluation, "evaluasi") == "2 dari 3 kriteria terpenuhi; tindakan: ubah langkah 3"
    assert describe({"nama": "Ani", "status": "izin", "keterangan": "dinas"}, "kehadiran") == "Izin (dinas)"
    assert describe(["a", "p2", "b"], "urutan", "p2") == "urutan ke-2 dari 3"
    assert describe([["2022-06-16T09:30:00+07:00", "2022-06-16T09:42:10+07:00"]], "tutup") == "09:30–09:42"
    opened = {"item.p2.jam": [["2022-06-16T09:30:00+07:00", None]], "sesi.current": "p2"}
    assert describe(opened, "buka", "p2") == "jam: 09:30–; dibahas: p2"
    assert describe(None) == describe("") == describe({}) == "–"
    assert describe(15, "menit") == "15 menit"
    assert "{" not in describe({"meta.judul": "Rapat", "meta.tempat": "Aula"}, "meta")


def test_columns_fit_the_screen() -> None:
    for width in (80, 120, 200):
        what, value = column_widths(width)
        assert what + 2 * value + 22 <= max(width, 70)
        assert value >= 14


def test_navigation_is_hidden_until_asked_for(demo: Path, clock: HandClock) -> None:
    session = Session.open(demo, clock=clock)
    pid = session.proposals()[0].id
    for tab in ("flowchart", "perubahan", "ringkasan"):
        session.set_current(pid, tab)
    session.record_decision(pid, "ditunda", "dasar hukum [lampiran 1] belum lengkap")
    session.close()

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AuditLogScreen)
        table = screen.query_one("#audit-table", DataTable)
        rows = [str(table.get_row_at(r)[2]) for r in range(table.row_count)]
        assert not any(r.startswith("Tampilan") for r in rows)
        assert rows[0].startswith("Keputusan")
        assert "3 perpindahan tampilan proyektor disembunyikan" in str(screen.query_one("#audit-hidden", Static).render())
        detail = str(screen.query_one("#audit-detail", Static).render())
        assert "Sesudah: Ditunda — dasar hukum [lampiran 1] belum lengkap" in detail
        assert "Sebelum: –" in detail
        await pilot.press("t")
        await pilot.pause()
        rows_all = [str(table.get_row_at(r)[2]) for r in range(table.row_count)]
        assert len(rows_all) == len(rows) + 3
        assert sum(r.startswith("Tampilan") for r in rows_all) == 3

    run_app(SopReviewApp(demo, None, clock=clock), script)


def test_lock_time_is_local_clock_words() -> None:
    opened = datetime(2026, 11, 29, 14, 26, 7).astimezone()  # local time, with its offset
    now = opened + timedelta(hours=1)
    assert waktu_lokal(opened.isoformat(), now) == "14:26"
    assert waktu_lokal(opened.astimezone(UTC).isoformat(), now) == "14:26"  # a UTC stamp, shown local
    assert waktu_lokal(opened.isoformat(), now + timedelta(days=2)) == "29 Nov 14:26"
    assert waktu_lokal("2025-08-03T01:02:00", datetime(2026, 1, 1)) == "3 Agu 2025 01:02"
    assert waktu_lokal("bukan waktu", now) == "bukan waktu"
    text = holder_text("ani di komputer pc1 (proses 12) sejak 2026-11-28T14:26:07+07:00", now)
    assert "T14" not in text and re.search(r"sejak \d{1,2} Nov \d\d:\d\d$", text), text


def test_readonly_banner_names_the_holder_with_a_readable_time(demo: Path, clock: HandClock) -> None:
    holder = Session.open(demo, clock=clock)  # another window has it open for writing

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        banner = str(app.screen.query_one(ReadOnlyBanner).render())
        assert banner.startswith("HANYA BACA")
        assert re.search(r"sejak (\d\d:\d\d|\d{1,2} \w{3}( \d{4})? \d\d:\d\d)\.", banner), banner
        assert not re.search(r"\d{4}-\d\d-\d\dT", banner), banner

    try:
        run_app(SopReviewApp(demo, None, clock=clock), script)
    finally:
        holder.close()


def test_command_palette_prompt_is_indonesian(demo: Path, clock: HandClock) -> None:
    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(CommandInput).placeholder == PALETTE_PLACEHOLDER
        assert PALETTE_PLACEHOLDER.startswith("Cari perintah")

    run_app(SopReviewApp(demo, None, clock=clock), script)

