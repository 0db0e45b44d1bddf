"""The audit log (l): every change to the session, newest first, with the value before and after."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import DataTable

from sopreview.store.session import Session
from sopreview.ui.fmt import fit
from sopreview.ui.screens.panels import PanelScreen


def _short(value: Any, width: int = 40) -> str:
    if value is None or value == "" or value == {} or value == []:
        return "–"
    text = value if isinstance(value, str) else str(value)
    return fit(" ".join(text.split()), width).rstrip()


def _time(waktu: str) -> str:
    """``2022-06-16T09:42:10`` → ``09:42:10`` (the date is the meeting's)."""
    return waktu[11:19] if len(waktu) >= 19 else waktu


class AuditLogScreen(PanelScreen):
    PANEL_TITLE = "Log perubahan (terbaru di atas)"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose_body(self) -> ComposeResult:
        table: DataTable[str] = DataTable(id="audit-table", cursor_type="row", zebra_stripes=True)
        table.add_columns("No", "Jam", "Perubahan", "Sebelum", "Sesudah")
        entries = self.session.audit_log()
        for entry in reversed(entries):
            what = entry.ringkasan or f"{entry.aksi} {entry.target}".strip()
            if entry.batal is not None:
                what = f"↶ {what}"
            table.add_row(str(entry.seq), _time(entry.waktu), _short(what, 60), _short(entry.lama, 28), _short(entry.baru, 28))
        if not entries:
            table.add_row("", "", "Belum ada perubahan.", "", "")
        yield table
