"""The Daftar SOP in the app (r): every SOP in force, its status, and the highlighted one's history.

Fits 80×24: the table keeps Nomor, Nama, Revisi, Status; the unit, the meeting that last set it,
the pending proposals and the versions (riwayat) of the highlighted SOP are shown under it.
The register is read from the sops folder (the truth), never from the session.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.binding import BindingType
from textual.widgets import DataTable, Static

from sopreview.domain.register import Register, RegisterRow
from sopreview.ui import keymap
from sopreview.ui.fmt import fit
from sopreview.ui.screens.panels import TableDetailScreen

STATUS_SHORT: dict[str, str] = {"berlaku": "Berlaku", "perlu_revisi": "Perlu revisi", "dicabut": "Dicabut"}


def load_register(sops_dir: Path) -> tuple[Register, list[str]]:
    """The register and its problems as lines (an unfinished apply is finished first, and said)."""
    from sopreview.lifecycle.folder import read_folder
    from sopreview.lifecycle.transaction import recover

    notes = []
    message = recover(sops_dir)
    if message:
        notes.append(message)
    folder = read_folder(sops_dir)
    register = folder.register_with_monitoring()
    notes.extend(str(p).splitlines()[0] for p in folder.problems)
    return register, notes


class RegisterScreen(TableDetailScreen):
    PANEL_TITLE = "Daftar SOP yang berlaku"
    BINDINGS: ClassVar[list[BindingType]] = [*keymap.bindings("daftar"), *keymap.bindings("panel")]
    TABLE_ID, NOTE_ID, DETAIL_ID = "register-table", "register-note", "register-detail"

    DEFAULT_CSS = """
    RegisterScreen #register-table { height: 1fr; }
    RegisterScreen #register-note { height: auto; padding: 0 1; color: $text-muted; }
    RegisterScreen #register-detail-scroll { height: auto; max-height: 9; padding: 0 1; border-top: solid $primary; }
    RegisterScreen #register-detail { height: auto; }
    """

    def __init__(self, sops_dir: Path | None) -> None:
        super().__init__()
        self.sops_dir = sops_dir
        self.register = Register()
        self.notes: list[str] = []

    def on_mount(self) -> None:
        if self.sops_dir is None or not self.sops_dir.is_dir():
            self.notes = ["Folder SOP sesi ini tidak ditemukan; daftar tidak dapat dibaca."]
            self.fill()
            return
        self.query_one("#register-note", Static).update(f"Membaca daftar SOP dari {self.sops_dir} …")
        self._load(self.sops_dir)

    @work(thread=True, exclusive=True, group="daftar-sop")
    def _load(self, sops_dir: Path) -> None:
        """Off the UI thread: an office with thousands of SOPs takes seconds to read."""
        try:
            register, notes = load_register(sops_dir)
        except OSError as error:
            register, notes = Register(), [f"{sops_dir}: tidak terbaca ({error.strerror})"]
        self.app.call_from_thread(self._loaded, register, notes)

    def _loaded(self, register: Register, notes: list[str]) -> None:
        self.register, self.notes = register, notes
        self.fill()

    def fill(self) -> None:
        table = self.query_one("#register-table", DataTable)
        width = self.app.size.width
        name_w = max(width - 56, 16)  # No, Nomor, Rev, Status, cell padding, scrollbar
        rows = [(str(n), fit(row.nomor or "-", 26), fit(row.nama, name_w), str(row.revisi_ke),
                 STATUS_SHORT.get(row.status, row.status)) for n, row in enumerate(self.register.rows, 1)]
        labels = ("No", "Nomor SOP", "Nama SOP", "Rev", "Status")
        table.clear(columns=True)
        # Widths fixed here, not measured by DataTable on its next idle: what is drawn never
        # depends on when the screen is painted (the snapshot raced that idle on a busy machine).
        for n, label in enumerate(labels):
            table.add_column(label, width=max(len(label), *(len(cells[n]) for cells in rows)) if rows
                             else len(label))
        for cells in rows:
            table.add_row(*(Text(cell) for cell in cells))
        counts = self.register.counts()
        summary = (f"{len(self.register.rows)} SOP: {counts.get('berlaku', 0)} berlaku, "
                   f"{counts.get('perlu_revisi', 0)} perlu revisi, {counts.get('dicabut', 0)} dicabut. "
                   "Ekspor: sopreview daftar -f pdf")
        self.query_one("#register-note", Static).update("\n".join([summary, *self.notes]))
        self.show_detail(table.cursor_row)

    def row_count(self) -> int:
        return len(self.register.rows)

    def detail_text(self, row: int) -> Text:
        return self.detail(self.register.rows[row])

    def detail(self, row: RegisterRow) -> Text:
        text = Text()
        text.append(row.nama, style="bold")
        text.append(f"\n{row.subbag_nama} · efektif {row.tanggal_efektif or '-'} · {row.status_label}")
        if row.alasan:
            text.append(f" ({row.alasan})")
        if row.rapat:
            meeting = f"{row.rapat_judul} ({row.rapat})" if row.rapat_judul else row.rapat
            text.append(f"\nDitetapkan/diubah: {meeting}, {row.tanggal_status}")
        if row.tertunda:
            text.append(f"\nUsulan tertunda: {', '.join(row.tertunda)}")
        if self.sops_dir is not None:
            from sopreview.lifecycle.history import sop_history

            history = sop_history(self.sops_dir, row.sop_id)
            text.append(self._results(row, history))
            if history is not None and len(history.versions) > 1:
                text.append("\nRiwayat:", style="bold")
                for version in history.versions:
                    who = version.rapat or "sebelum daftar dicatat"
                    text.append(f"\n  rev {version.revisi_ke} · efektif {version.dokumen.tanggal_efektif or '-'}"
                                f" · {who}")
                    if version.perubahan:
                        text.append(f" · {version.perubahan}")
        return text

    @staticmethod
    def _results(row: RegisterRow, history: object) -> Text:
        """The last monitoring, the next due date and the results over time as a sparkline (issue 14)."""
        from sopreview.domain.results import sparkline
        from sopreview.register.text import monitoring_text

        text = Text(f"\n{monitoring_text(row)[0].upper()}{monitoring_text(row)[1:]} (m: catat monitoring)")
        points = getattr(history, "results", ())
        if points:
            text.append("\nHasil: ", style="bold")
            text.append(sparkline(points), style="bold")
            text.append("  " + " · ".join(f"{p.tanggal} {p.jenis} {p.nilai}/{p.dari}" for p in points[-3:]))
        return text

    def action_monitoring(self) -> None:
        """m: record a monitoring of the highlighted SOP (issue 14); the register reloads after it."""
        from sopreview.lifecycle.folder import read_in_force
        from sopreview.ui.screens.monitoring import MonitoringScreen

        index = self.query_one("#register-table", DataTable).cursor_row
        if self.sops_dir is None or not 0 <= index < len(self.register.rows):
            self.app.notify("Tidak ada SOP berlaku yang disorot.", severity="warning")
            return
        row = self.register.rows[index]
        sop = read_in_force(self.sops_dir, row.sop_id)
        if sop is None or not sop.dokumen.langkah:
            self.app.notify(f"{row.sop_id}: berkas SOP berlaku tidak terbaca atau tanpa langkah.", severity="error",
                            markup=False)
            return
        today = self.app.now().date().isoformat() if hasattr(self.app, "now") else ""
        sops_dir = self.sops_dir
        self.app.push_screen(MonitoringScreen(sops_dir, sop, today, self._months()),
                             lambda _result: self._load(sops_dir))

    def _months(self) -> int:
        from sopreview.lifecycle.folder import read_logs

        return read_logs(self.sops_dir).monitoring_months if self.sops_dir is not None else 6
