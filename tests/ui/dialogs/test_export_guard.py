"""The export dialog refuses the sops/ folder in use, like `export -o` (issue 10 item 1)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from sopreview.store.session import Session
from sopreview.ui.dialogs import ExportDialog

from .conftest import ORGANISASI, PROPOSALS, DialogHost, FixedClock, run_dialog


def test_export_into_the_sops_folder_is_refused_in_place(tmp_path: Path) -> None:
    sops = tmp_path / "sops"
    sops.mkdir()
    (sops / "organisasi.yaml").write_text("nama: KPU\n")
    session = Session.create(tmp_path / "sessions" / "rapat.json", ORGANISASI, PROPOSALS, clock=FixedClock(),
                             sops_dir=sops)
    session.close_meeting()  # the read-back was confirmed: this test is about the folder only
    seen: dict[str, str] = {}

    async def script(pilot: Pilot[None], app: DialogHost) -> None:
        folder = app.screen.query_one("#export-folder", Input)
        folder.value = str(sops)
        await pilot.press("2", "ctrl+s")
        await pilot.pause()
        seen["error"] = str(app.screen.query_one("#dialog-message", Static).render())
        folder.value = str(tmp_path)
        await pilot.press("ctrl+s")

    try:
        app = run_dialog(lambda: ExportDialog(session), script)
    finally:
        session.close()
    assert "folder usulan SOP" in seen["error"]
    assert sorted(p.name for p in sops.iterdir()) == ["organisasi.yaml"]
    assert len(app.results) == 1 and str(app.results[0]).startswith("Notulen diekspor ke")
