"""Amending an SOP in the meeting by keys (issue 15): edit a time, move a step to another actor,
insert a decision step, decide "disetujui dengan perbaikan", export the minutes, read them back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs.amendment import AmendmentDialog
from sopreview.ui.screens.proposal import ProposalScreen
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView
from sopreview.ui.widgets.proposal_detail import StepsTable, recorded_table, steps_table

from .conftest import HandClock, burst, on_disk, plain, run_app, type_keys

JDIH = "hukum-sdm/jdih"
KASUBBAG = "Kepala Sub Bagian Hukum dan SDM"


def test_amend_by_keys_decide_and_read_the_minutes_back(demo: Path, clock: HandClock, tmp_path: Path) -> None:
    out = tmp_path / "keluar"
    out.mkdir()
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen) and screen.pid == JDIH
        # 1. the time of step 3, typed ahead in one burst
        await burst(pilot, "2", *"]]]", "u", "tab", "tab", "tab", "ctrl+u")
        assert isinstance(app.screen, AmendmentDialog)
        assert app.focused is not None and app.focused.id == "amend-waktu"
        await type_keys(pilot, "2 jam")
        seen["check"] = str(app.screen.query_one("#amend-check").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)
        # 2. step 5 goes to the Kasubbag (the actor Select: open, one down, choose)
        await burst(pilot, "]", "]", "u", "tab")
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        # 3. a decision step after step 5: a refused answer first, then a valid one
        await burst(pilot, "i")
        await type_keys(pilot, "Perlu diunggah ulang?")
        await burst(pilot, *["tab"] * 6)
        assert app.focused is not None and app.focused.id == "amend-keputusan"
        await type_keys(pilot, "ya=7")
        seen["refused"] = str(app.screen.query_one("#amend-check").render())
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AmendmentDialog)  # refused: the dialog stays, nothing saved
        await type_keys(pilot, ", tidak=5")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)
        table = screen.query_one(StepsTable)
        seen["table"] = (table.tandai, plain(steps_table(table.doc, 120, tandai=table.tandai, pilih=table.pilih)))
        seen["ringkasan"] = plain(recorded_table(screen.session, JDIH))
        await burst(pilot, "3")  # lazy tabs (issue 17): the flowchart is built when first shown, amended
        flow = screen.query_one(FlowchartView)
        seen["flow"] = (flow.tandai, len(flow.dokumen.langkah))
        # 4. the decision cites the amendments: no note needed
        await burst(pilot, "d", "2", "ctrl+s")
        assert isinstance(app.screen, ProposalScreen)
        # 5. the Perubahan tab compares with the version in force, then with the proposal as submitted
        await burst(pilot, "4")
        changes = screen.query_one(ChangeView)
        seen["berlaku"] = (changes.label_lama, changes.proposal.sebelumnya == on_disk(demo).proposal(JDIH).sebelumnya)
        await burst(pilot, "c")
        seen["diajukan"] = (changes.label_lama, changes.diff.diubah if changes.diff else None,
                            changes.diff.ditambah if changes.diff else None)
        # 6. export the minutes as Markdown and CSV by keys
        for key in ("1", "4"):
            await burst(pilot, "x")
            app.screen.query_one("#export-folder", Input).value = str(out)
            await burst(pilot, key, "ctrl+s", "y")  # y: a draft, the meeting is not closed (room)

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert "✓ Diperiksa: Langkah 3: waktu 1 jam → 2 jam" in str(seen["check"])
    assert "✗ Ditolak" in str(seen["refused"]) and "tepat dua jawaban" in str(seen["refused"])
    assert seen["flow"] == (frozenset({3, 5, 6}), 9)
    assert "Amandemen" in str(seen["ringkasan"]) and "1. Langkah 3: waktu 1 jam → 2 jam" in str(seen["ringkasan"])
    marks, text = seen["table"]  # type: ignore[misc]
    assert marks == frozenset({3, 5, 6}) and "✎3" in text and "✎6" in text and "Perlu diunggah ulang?" in text
    assert seen["berlaku"] == ("Berlaku", True)
    assert seen["diajukan"] == ("Diajukan", 2, 1)  # steps 3 and 5 changed, the decision step added

    saved = on_disk(demo)
    words = saved.amended(JDIH).uraian
    assert words == (
        "Langkah 3: waktu 1 jam → 2 jam",
        f"Langkah 5: pelaksana Staf Hukum → {KASUBBAG}",
        f"Langkah baru 6 (keputusan) disisipkan: Perlu diunggah ulang? — {KASUBBAG}",
    )
    assert saved.decision(JDIH).keputusan == "disetujui_dengan_perbaikan"  # type: ignore[union-attr]
    assert saved.proposal(JDIH).dokumen.step(3).waktu == "1 jam"  # the submitted version is untouched
    md = next(out.glob("*.md")).read_text(encoding="utf-8")
    for n, line in enumerate(words, start=1):
        assert f"{n}\\. {line}" in md
    assert "Perbaikan sesuai 3 amandemen yang dicatat dalam rapat." in md
    rows = list(csv.DictReader(io.StringIO(next(out.glob("*.csv")).read_text(encoding="utf-8-sig"))))
    counts = {r["ID Usulan"]: r["Jumlah Amandemen"] for r in rows}
    assert counts[JDIH] == "3" and set(counts.values()) == {"0", "3"}


def test_amendment_keys_need_a_selected_step_and_the_steps_tab(demo: Path, clock: HandClock) -> None:
    seen: dict[str, object] = {}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        seen["ringkasan"] = screen.check_action("amend", ("ubah",))
        await burst(pilot, "3", "u")
        seen["unselected"] = [n.message for n in app._notifications]
        await burst(pilot, "[", "delete")
        assert isinstance(app.screen, AmendmentDialog)
        seen["end"] = str(app.screen.query_one("#amend-check").render())
        await burst(pilot, "escape")
        await burst(pilot, "[", "delete", "ctrl+s")
        seen["undo"] = len(on_disk(demo).amendments(JDIH))
        await burst(pilot, "ctrl+z")

    run_app(SopReviewApp(demo, None, clock=clock), script)
    assert seen["ringkasan"] is False
    assert any("Pilih langkah dulu" in m for m in seen["unselected"])  # type: ignore[union-attr]
    assert "terminator" in str(seen["end"])  # step 8 is selesai: refused with the reason
    assert seen["undo"] == 1
    assert on_disk(demo).amendments(JDIH) == []  # ctrl+z took the deletion back
