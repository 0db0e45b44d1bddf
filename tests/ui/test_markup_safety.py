"""Text from SOP files and from the meeting is shown as written, never read as Rich markup.

A SOP whose activity says ``Mengisi formulir [lampiran 1]`` or a guest typed as ``Tamu [/] dua``
used to crash the app (MarkupError) or lose the bracketed words. Here every kind of user text
carries markup-looking strings and the app is driven through the screens that show them.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static, TextArea

from sopreview.demo import DEMO_META, bundled_sops, create_session
from sopreview.domain.model import Orang
from sopreview.ui.app import SopReviewApp
from sopreview.ui.screens.audit import AuditLogScreen
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.widgets.agenda import AgendaList
from tests.ui.conftest import HandClock, on_disk, plain, run_app, type_keys

NAME = "SOP JDIH [lampiran 1] <script>"
ACTOR = "Staf [/] Hukum"
ACTIVITY = "Mengisi formulir [lampiran 1] lalu kirim [/] <script>"
KELENGKAPAN = "[bold]x[/bold] berkas"
RINGKASAN = "Ringkasan [/] dengan [lampiran 1] dan <script>"
PENGUSUL = "Noor Ifah [bold]x[/bold]"
GUEST = "Tamu [/] dua [bold]x"
NOTES = "Catatan [/] tentang [lampiran 1]"
ACTION = "Kirim [lampiran 1] [/]"
DECISION_NOTE = "perbaiki [/] lampiran"


def screen_text(app: SopReviewApp) -> str:
    """Every character on the terminal, as the user sees it (what export_screenshot draws)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, record=True,
                      legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text(styles=False)


def _rename(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace("Staf Hukum", ACTOR)
    if isinstance(value, list):
        return [_rename(v) for v in value]
    if isinstance(value, dict):
        return {k: _rename(v) for k, v in value.items()}
    return value


@pytest.fixture
def marked(tmp_path: Path, clock: HandClock) -> tuple[Path, str]:
    """A session whose first proposal (JDIH) and records are full of markup-like text."""
    sops = tmp_path / "sops"
    shutil.copytree(bundled_sops(), sops)
    path = sops / "hukum-sdm" / "jdih.yaml"
    data = _rename(yaml.safe_load(path.read_text(encoding="utf-8")))
    data["nama"] = NAME
    data["pengusul"] = PENGUSUL
    data["ringkasan"] = RINGKASAN
    data["peringatan"] = [*data["peringatan"], "Lihat [lampiran 1]"]
    data["langkah"][0]["kegiatan"] = ACTIVITY
    data["langkah"][0]["kelengkapan"] = KELENGKAPAN
    data["langkah"][1]["keterangan"] = "[/] <script>"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    session, result = create_session(tmp_path / "sessions" / "s.json", sops, DEMO_META, clock=clock)
    pid = next(p.id for p in session.proposals() if p.nama == NAME)
    session.add_guest(Orang(GUEST, jabatan="[bold]Narasumber"))
    session.set_notes(pid, NOTES)
    session.add_action(pid, ACTION, ACTOR, "2022-06-30")
    session.close()
    assert not [p for p in result.errors if "jdih" in str(p)], result.errors
    return session.path, pid


def test_markup_in_sop_and_session_text_is_shown_literally(marked: tuple[Path, str], clock: HandClock) -> None:
    path, pid = marked

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        agenda = app.screen.query_one(AgendaList)
        agenda.highlight_pid(pid)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.pid == pid
        shown = screen_text(app)
        assert NAME in shown and PENGUSUL in shown  # the heading

        ringkasan = plain(screen.query_one("#ringkasan-body", Static).content, width=400)
        for text in (RINGKASAN, NOTES, ACTION, ACTOR, "Lihat [lampiran 1]"):
            assert text in ringkasan, text

        await pilot.press("2")
        await pilot.pause()
        steps = plain(screen.query_one("#langkah-body", Static).content, width=400)
        for text in (ACTIVITY, ACTOR, KELENGKAPAN, "[/] <script>"):
            assert text in steps, text
        assert "[/]" in screen_text(app) and "<script>" in screen_text(app)

        await pilot.press("3")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        changes = plain(screen.query_one("#changes-body", Static).content, width=400)
        assert ACTOR in changes and ACTIVITY in changes
        assert ACTOR in str(screen.query_one("#changes-summary", Static).render())

        # A decision whose note looks like markup, then undo it: both confirmations are shown as typed.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("2")  # disetujui dengan perbaikan: a note is required
        await pilot.pause()
        app.screen.query_one("#decision-note", TextArea).focus()
        await type_keys(pilot, DECISION_NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert on_disk(path).decision(pid).catatan == DECISION_NOTE
        assert DECISION_NOTE in plain(screen.query_one("#ringkasan-body", Static).content, width=400)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert on_disk(path).decision(pid) is None
        assert any(n.message == f"Diurungkan: Keputusan {NAME}: Disetujui dengan perbaikan" for n in app._notifications)

        await pilot.press("l")
        await pilot.pause()
        log = app.screen
        assert isinstance(log, AuditLogScreen)
        table = log.query_one("#audit-table", DataTable)
        cells = "\n".join(" ".join(str(c) for c in table.get_row_at(r)) for r in range(table.row_count))
        assert f"Tamu ditambahkan: {GUEST}" in cells
        assert "Disetujui dengan perbaikan — perbaiki [/]" in cells  # the undone decision, as words
        assert GUEST in screen_text(app)
        table.move_cursor(row=next(r for r in range(table.row_count) if ACTION in str(table.get_row_at(r)[4])))
        await pilot.pause()
        detail = str(log.query_one("#audit-detail", Static).render())
        assert f"apa: {ACTION}; siapa: {ACTOR}; kapan: 30 Juni 2022" in detail
        assert "[lampiran 1]" in screen_text(app)

        await pilot.press("escape", "escape")
        await pilot.pause()
        await pilot.press("slash")
        await type_keys(pilot, "[")
        await pilot.pause()
        assert app.screen.query_one("#search", Input).value == "["
        assert [r.pid for r in app.screen.query_one(AgendaList).rows] == [pid]
        assert "[lampiran 1]" in screen_text(app)

    run_app(SopReviewApp(path, None, clock=clock), script, size=(200, 60))
