"""The problems panel (m): what the loader found wrong in sops/, and proposals changed since.

The meeting goes on with the valid proposals; this panel is where the secretariat sees, in
the validator's own words (file, line, field, how to fix), why one is missing or stale.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from sopreview.domain.problems import Problem, summary
from sopreview.ui.screens.panels import PanelScreen


def problems_renderable(problems: Sequence[Problem], changed: Sequence[str]) -> RenderableType:
    parts: list[RenderableType] = []
    if not problems and not changed:
        return Text("Tidak ada masalah: semua berkas SOP terbaca dan sama dengan saat sesi dibuat.")
    if problems:
        parts.append(
            Text(
                f"{summary(problems)}. "
                "Usulan yang bergalat tidak masuk agenda; rapat tetap bisa berjalan dengan usulan lainnya.",
                style="bold",
            )
        )
        for problem in problems:
            style = "red" if problem.is_error else "yellow"
            parts.append(Text(""))
            parts.append(Text(str(problem), style=style))
    if changed:
        parts.append(Text(""))
        parts.append(
            Text(
                f"{len(changed)} usulan berubah (atau hilang) di folder sops/ sejak sesi ini dibuat. "
                "Agenda tetap memakai isi saat sesi dibuat; buat sesi baru bila isi terbaru yang harus dibahas:",
                style="bold",
            )
        )
        parts.extend(Text(f"  • {pid}") for pid in changed)
    return Group(*parts)


class ProblemsScreen(PanelScreen):
    PANEL_TITLE = "Masalah berkas SOP"

    def __init__(self, problems: Sequence[Problem], changed: Sequence[str]) -> None:
        super().__init__()
        self.problems = list(problems)
        self.changed = list(changed)

    def body(self) -> RenderableType:
        return problems_renderable(self.problems, self.changed)
