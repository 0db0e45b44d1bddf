"""An evaluation meeting by keys (issue 14): SOPs in force on the agenda, criteria form and outcome."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot

from sopreview.cli import main
from sopreview.ui.app import SopReviewApp
from sopreview.ui.dialogs import EvaluationDialog
from sopreview.ui.dialogs.decision import OutcomeDialog
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.proposal import ProposalScreen
from tests.ui.conftest import on_disk, run_app, type_keys

ROOT = Path(__file__).resolve().parents[2]


def test_evaluation_meeting_by_keys(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "sops", tmp_path / "sops")
    monkeypatch.chdir(tmp_path)
    assert main(["new", "ev", "--evaluasi", "hukum-sdm"]) == 0
    path = tmp_path / "sessions" / "ev.json"
    items = [p.id for p in on_disk(path).proposals() if p.jenis == "evaluasi"]
    assert len(items) == 3
    # walk the agenda down to the first evaluation item (proposals come first within a sub bagian)
    order = [p.id for p in on_disk(path).proposals()]
    plan = {items[0]: ("1", ""), items[1]: ("2", "langkah 3 tidak dijalankan"), items[2]: ("3", "tugas dialihkan")}

    async def script(pilot: Pilot[None], app: SopReviewApp) -> None:
        assert isinstance(app.screen, AgendaScreen)
        for pid in order:
            if pid in plan:
                key, note = plan[pid]
                assert app.screen.target_pid() == pid  # type: ignore[attr-defined]
                # one burst: open, evaluate (y y t y y y y), note, save, outcome, its note, save
                await pilot.press("enter", "e")
                assert isinstance(app.screen, EvaluationDialog)
                await type_keys(pilot, "yytyyyy")
                await type_keys(pilot, "formulir belum dipakai")
                await pilot.press("ctrl+s", "d")
                assert isinstance(app.screen, OutcomeDialog)
                await pilot.press(key)
                if note:
                    await type_keys(pilot, note)
                await pilot.press("ctrl+s")
                await pilot.pause()
                assert isinstance(app.screen, ProposalScreen), pid
                await pilot.press("escape")
                await pilot.pause()
            await pilot.press("down")
            await pilot.pause()
        await pilot.press("q")

    run_app(SopReviewApp(path, None), script)
    saved = on_disk(path)
    outcomes = {pid: saved.decision(pid) for pid in items}
    assert [o.keputusan if o else None for o in outcomes.values()] == [
        "masih_sesuai", "perlu_revisi", "tidak_diberlakukan_lagi"]
    assert outcomes[items[1]].catatan == "langkah 3 tidak dijalankan"  # type: ignore[union-attr]
    for pid in items:
        evaluation = saved.evaluation(pid)
        assert evaluation is not None and evaluation.terpenuhi == 6 and evaluation.catatan == "formulir belum dipakai"
