"""Recording one monitoring of an SOP in force in the app (issue 14): m on the Daftar SOP.

One row per step of the SOP in force (the monitoring form): Spasi marks the highlighted step
*tidak berjalan dengan baik* (and back), the two fields under the table hold its catatan and
tindakan; tanggal and penilai above. Ctrl+S stores it (appended and fsynced to the monitoring
log: saved means on disk); a refused record says which field and why, and nothing is written.
Esc with unsaved input asks once (a second Esc discards), so a slip loses nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal
from textual.widgets import DataTable, Input, Label, Static

from sopreview.domain.dates import tanggal_teks
from sopreview.domain.monitoring import MonitoringError, build_record, next_due
from sopreview.domain.register import InForce
from sopreview.domain.textsafe import strip_controls
from sopreview.ui import keymap
from sopreview.ui.fmt import fit
from sopreview.ui.screens.panels import PanelScreen

OK_MARK, BAD_MARK = "✓ Berjalan", "✗ Tidak"


class MonitoringScreen(PanelScreen):
    """Fill in and store the monitoring form of one SOP in force."""

    BINDINGS: ClassVar[list[BindingType]] = [*keymap.bindings("monitoring"), *keymap.bindings("panel")]
    PANEL_TITLE = "Monitoring SOP berlaku"

    DEFAULT_CSS = """
    MonitoringScreen #mon-head { height: auto; padding: 0 1; }
    MonitoringScreen .mon-row { height: 3; }
    MonitoringScreen .mon-row Label { width: 10; padding: 1 0 0 1; }
    MonitoringScreen #mon-tanggal { width: 18; }
    MonitoringScreen #mon-penilai { width: 1fr; }
    MonitoringScreen #mon-table { height: 1fr; }
    MonitoringScreen #mon-step { height: auto; padding: 0 1; color: $text-muted; }
    MonitoringScreen #mon-catatan, MonitoringScreen #mon-tindakan { width: 1fr; }
    MonitoringScreen #mon-error { height: auto; padding: 0 1; color: $error; }
    """

    def __init__(self, sops_dir: Path, sop: InForce, today: str, months: int = 6) -> None:
        super().__init__()
        self.sops_dir, self.sop, self.today, self.months = sops_dir, sop, today, months
        self.failing: set[int] = set()
        self.catatan: dict[int, str] = {}
        self.tindakan: dict[int, str] = {}
        self.dirty = False
        self.warned = False
        self._loading = False

    @property
    def steps(self) -> list[int]:
        return [s.nomor for s in self.sop.dokumen.langkah]

    def compose_body(self) -> ComposeResult:
        yield Static(self._head(), id="mon-head", markup=False)
        with Horizontal(classes="mon-row"):
            yield Label("Tanggal")
            yield Input(self.today, id="mon-tanggal", placeholder="YYYY-MM-DD")
            yield Label("Penilai")
            yield Input(id="mon-penilai", placeholder="nama yang memaraf")
        table: DataTable[Text] = DataTable(id="mon-table", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static(id="mon-step", markup=False)
        with Horizontal(classes="mon-row"):
            yield Label("Catatan")
            yield Input(id="mon-catatan", placeholder="catatan hasil penilaian langkah ini")
        with Horizontal(classes="mon-row"):
            yield Label("Tindakan")
            yield Input(id="mon-tindakan", placeholder="tindakan yang harus diambil")
        yield Static(id="mon-error", markup=False)

    def _head(self) -> Text:
        from sopreview.domain.monitoring import history_of
        from sopreview.store.monitoring import read_log

        doc = self.sop.dokumen
        records = history_of(self.sop.sop_id, read_log(self.sops_dir, sop=self.sop.sop_id).records)
        last = records[-1] if records else None
        due = next_due(last, doc.tanggal_efektif, self.months)
        text = Text()
        text.append(doc.nama, style="bold")
        text.append(f"  {doc.nomor or '-'} · revisi ke-{doc.revisi_ke}\n")
        if last is not None:
            text.append(f"Terakhir {tanggal_teks(last.tanggal)} ({last.penilai}): {last.not_running} dari "
                        f"{len(last.langkah)} langkah tidak berjalan baik · ")
        else:
            text.append("Belum pernah dimonitor · ")
        text.append(f"jatuh tempo {tanggal_teks(due.isoformat()) if due else 'segera'}")
        return text

    def on_mount(self) -> None:
        table = self.query_one("#mon-table", DataTable)
        width = self.app.size.width
        name_w = max(width - 46, 14)
        table.add_column("No", width=3, key="no")
        table.add_column("Prosedur", width=name_w, key="prosedur")
        table.add_column("Penilaian", width=len(OK_MARK), key="nilai")
        table.add_column("Catatan", width=16, key="catatan")
        for step in self.sop.dokumen.langkah:
            table.add_row(Text(str(step.nomor)), Text(fit(step.kegiatan, name_w)), Text(OK_MARK, style="green"),
                          Text(""), key=str(step.nomor))
        self._show_step(0)
        self.call_after_refresh(self.query_one("#mon-penilai", Input).focus)  # after the panel's own focus

    # -- the highlighted step -------------------------------------------------------------------
    def _current(self) -> int | None:
        table = self.query_one("#mon-table", DataTable)
        steps = self.steps
        return steps[table.cursor_row] if 0 <= table.cursor_row < len(steps) else None

    @on(DataTable.RowHighlighted, "#mon-table")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_step(event.cursor_row)

    def _show_step(self, index: int) -> None:
        steps = self.sop.dokumen.langkah
        if not 0 <= index < len(steps):
            return
        step = steps[index]
        self.query_one("#mon-step", Static).update(Text.assemble(
            (f"Langkah {step.nomor}: ", "bold"), step.kegiatan,
            (" — tidak berjalan baik: catatan wajib" if step.nomor in self.failing else "", "bold")))
        self._loading = True
        self.query_one("#mon-catatan", Input).value = self.catatan.get(step.nomor, "")
        self.query_one("#mon-tindakan", Input).value = self.tindakan.get(step.nomor, "")
        self._loading = False

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if self._loading:
            return
        self.dirty = True
        self.warned = False
        number = self._current()
        if number is None:
            return
        if event.input.id == "mon-catatan":
            self.catatan[number] = strip_controls(event.value)
            self.query_one("#mon-table", DataTable).update_cell(str(number), "catatan", Text(fit(event.value, 16)))
        elif event.input.id == "mon-tindakan":
            self.tindakan[number] = strip_controls(event.value)

    def action_toggle(self) -> None:
        """Spasi: the highlighted step did (not) run well."""
        number = self._current()
        if number is None:
            return
        self.failing ^= {number}
        bad = number in self.failing
        self.query_one("#mon-table", DataTable).update_cell(
            str(number), "nilai", Text(BAD_MARK if bad else OK_MARK, style="bold red" if bad else "green"))
        self.dirty = True
        self.warned = False
        self._show_step(self.query_one("#mon-table", DataTable).cursor_row)

    # -- saving -------------------------------------------------------------------------------
    def action_save(self) -> None:
        from datetime import datetime

        from sopreview.store.monitoring import append_record

        error = self.query_one("#mon-error", Static)
        tanggal = self.query_one("#mon-tanggal", Input).value.strip()
        penilai = strip_controls(self.query_one("#mon-penilai", Input).value)
        try:
            record = build_record(self.sop.sop_id, self.sop.dokumen, tanggal, penilai, sorted(self.failing),
                                  self.catatan, self.tindakan,
                                  dicatat=datetime.now().astimezone().isoformat(timespec="seconds"))
        except MonitoringError as exc:
            field = {"--date": "Tanggal", "--assessor": "Penilai", "--note": "Catatan"}.get(exc.field, exc.field)
            hint = exc.hint if exc.hint and "--" not in exc.hint else ""  # CLI spellings mean nothing here
            error.update(f"Belum disimpan — {field}: {exc.message}" + (f" ({hint})" if hint else ""))
            return
        try:
            path = append_record(self.sops_dir, record)
        except OSError as exc:
            error.update(f"Belum disimpan — {self.sops_dir}: {exc.strerror or exc}")
            return
        self.dirty = False
        self.app.notify(f"Monitoring {self.sop.sop_id} ({record.tanggal}) dicatat di {path}: "
                        f"{record.not_running} langkah tidak berjalan baik.", title="Tersimpan", markup=False)
        self.dismiss()

    def action_close(self) -> None:
        if self.dirty and not self.warned:
            self.warned = True
            self.query_one("#mon-error", Static).update(
                "Isian belum disimpan: Ctrl+S untuk menyimpan, Esc sekali lagi untuk membuangnya.")
            return
        self.dismiss()
