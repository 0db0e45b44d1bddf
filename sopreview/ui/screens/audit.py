"""The audit log (l): every change to the session, newest first, with the value before and after.

The store keeps each value as it was saved (dicts, lists, ISO stamps); the secretariat reads
them here as short words ("Disetujui — catatan …", "apa: …; siapa: …"), with the whole value
of the highlighted row under the table. Projector navigation ("tampil") is logged too, but it
is not a meeting record: it is hidden unless asked for (key ``t``).
Every logged text is the users' own, so it goes into the table as ``Text``, never as markup.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Static

from sopreview.domain.audit import NAVIGATION_ACTIONS, AuditEntry
from sopreview.domain.records import Decision, Evaluation
from sopreview.domain.vocab import attendance_label
from sopreview.domain.dates import tanggal_teks
from sopreview.store.session import Session
from sopreview.ui.fmt import fit
from sopreview.ui.screens.panels import PanelScreen, TableDetailScreen

NAVIGATION = NAVIGATION_ACTIONS
"""Actions that only move what is shown (projector item/tab): hidden by default."""

HIDDEN_FIELDS = frozenset({"id", "proposal_id", "waktu", "next_action"})
"""Bookkeeping fields a reader does not need in the summary (still in the full value)."""

FIELD_LABEL: dict[str, str] = {"current": "dibahas", "tab": "tampilan", "sorot": "langkah disorot", "jam": "jam", "urutan": "urutan"}


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == {} or value == []


def _clock(stamp: Any) -> str:
    """``2022-06-16T09:42:10+07:00`` → ``09:42``."""
    text = str(stamp or "")
    return text[11:16] if len(text) >= 16 and text[10] == "T" else text


def _is_clock_list(value: list[Any]) -> bool:
    """An item's clock: ``[[start, end|None], ...]``."""
    return bool(value) and all(isinstance(x, list) and len(x) == 2 for x in value)


def _field(key: str, target: str) -> str:
    """``item.P7.jam`` → ``jam`` (``jam P7`` when it is another item's), ``meta.tempat`` → ``tempat``."""
    parts = key.split(".")
    name = FIELD_LABEL.get(parts[-1], parts[-1])
    if len(parts) == 3 and parts[1] != target:
        return f"{name} {parts[1]}"
    return name


def describe(value: Any, aksi: str = "", target: str = "") -> str:
    """A logged value in words; empty values are a dash."""
    if _empty(value):
        return "–"
    if isinstance(value, dict):
        return _describe_dict(value, aksi, target)
    if isinstance(value, list):
        if aksi == "urutan" and target in value:
            return f"urutan ke-{value.index(target) + 1} dari {len(value)}"
        if _is_clock_list(value):
            return ", ".join(f"{_clock(a)}–{_clock(b)}" for a, b in value)
        return ", ".join(describe(x) for x in value)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if aksi == "menit" and isinstance(value, int):
        return f"{value} menit"
    return " ".join(str(value).split())


def _describe_dict(value: dict[str, Any], aksi: str, target: str) -> str:
    if "keputusan" in value and isinstance(value.get("keputusan"), str):
        decision = Decision.from_dict(value)
        return decision.label + (f" — {decision.catatan}" if decision.catatan else "")
    if "jawaban" in value:
        evaluation = Evaluation.from_dict(value)
        parts = [evaluation.ringkasan]
        parts += [f"{label}: {text}" for label, text in (("catatan", evaluation.catatan),
                                                         ("tindakan", evaluation.tindakan)) if text]
        return "; ".join(parts)
    if "status" in value and "nama" in value:  # kehadiran
        status = attendance_label(str(value["status"]))
        return status + (f" ({value['keterangan']})" if value.get("keterangan") else "")
    parts = []
    for key, item in value.items():
        label = _field(key, target) if "." in key else key
        if key.rsplit(".", 1)[-1] in HIDDEN_FIELDS or _empty(item):
            continue
        if key == "kapan":
            item = tanggal_teks(str(item)) or item
        words = describe(item, aksi, target)
        parts.append(words if key.rsplit(".", 1)[-1].isdigit() else f"{label}: {words}")  # a record: its own fields
    return "; ".join(parts) or "–"


def _time(waktu: str) -> str:
    """``2022-06-16T09:42:10`` → ``09:42:10`` (the date is the meeting's)."""
    return waktu[11:19] if len(waktu) >= 19 else waktu


def _stamp(waktu: str) -> str:
    """``2022-06-16T09:42:10+07:00`` → ``16-06-2022 09:42:10``."""
    if len(waktu) >= 19 and waktu[10] == "T":
        return f"{waktu[8:10]}-{waktu[5:7]}-{waktu[:4]} {waktu[11:19]}"
    return waktu


def _what(entry: AuditEntry) -> str:
    what = entry.ringkasan or f"{entry.aksi} {entry.target}".strip()
    return f"↶ {what}" if entry.batal is not None else what


def column_widths(width: int) -> tuple[int, int]:
    """Cells for Perubahan and for each of Sebelum/Sesudah, so the row fits the screen (No, Jam,
    the cell padding and the scrollbar take about 22); the detail line has the rest."""
    free = max(width - 22, 48)
    what = free // 2
    return what, (free - what) // 2


def _cell(text: str, width: int) -> Text:
    return Text(fit(" ".join(text.split()), width).rstrip())


class AuditLogScreen(TableDetailScreen):
    PANEL_TITLE = "Log perubahan (terbaru di atas)"
    TABLE_ID, NOTE_ID, DETAIL_ID = "audit-table", "audit-hidden", "audit-detail"

    DEFAULT_CSS = """
    AuditLogScreen #audit-hidden { height: auto; padding: 0 1; color: $text-muted; }
    AuditLogScreen #audit-detail-scroll { height: auto; max-height: 8; padding: 0 1; border-top: solid $primary; }
    AuditLogScreen #audit-detail { height: auto; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *PanelScreen.BINDINGS,
        Binding("t", "toggle_navigation", "Navigasi", tooltip="Tampilkan/sembunyikan perpindahan tampilan proyektor",
                id="log.navigasi"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.show_navigation = False
        self._shown: list[AuditEntry] = []

    def prepare_table(self, table: DataTable[Text]) -> None:
        table.add_columns("No", "Jam", "Perubahan", "Sebelum", "Sesudah")

    def on_mount(self) -> None:
        """Runs before PanelScreen.on_mount (Textual calls each class's handler), which focuses the table."""
        self.fill()

    def entries(self) -> list[AuditEntry]:
        """The rows shown, newest first."""
        log = reversed(self.session.audit_log())
        return [e for e in log if self.show_navigation or e.aksi not in NAVIGATION]

    def fill(self) -> None:
        table = self.query_one("#audit-table", DataTable)
        table.clear()
        self._shown = self.entries()
        what_w, value_w = column_widths(self.app.size.width)
        for entry in self._shown:
            table.add_row(
                Text(str(entry.seq)),
                Text(_time(entry.waktu)),
                _cell(_what(entry), what_w),
                _cell(describe(entry.lama, entry.aksi, entry.target), value_w),
                _cell(describe(entry.baru, entry.aksi, entry.target), value_w),
            )
        if not self._shown:
            table.add_row(Text(""), Text(""), Text("Belum ada perubahan."), Text(""), Text(""))
        hidden = sum(1 for e in self.session.audit_log() if e.aksi in NAVIGATION)
        note = self.query_one("#audit-hidden", Static)
        if self.show_navigation:
            note.update(f"Perpindahan tampilan proyektor ikut ditampilkan ({hidden}). Tekan t untuk menyembunyikan.")
        else:
            note.update(f"{hidden} perpindahan tampilan proyektor disembunyikan. Tekan t untuk menampilkan."
                        if hidden else "")
        note.display = bool(hidden)
        self.show_detail(table.cursor_row)

    def action_toggle_navigation(self) -> None:
        self.show_navigation = not self.show_navigation
        self.fill()

    def row_count(self) -> int:
        return len(self._shown)

    def detail_text(self, row: int) -> Text:
        """The highlighted change in full: what, who/which item, and both values uncut."""
        entry = self._shown[row]
        text = Text()
        text.append(f"#{entry.seq} {_stamp(entry.waktu)}  ", style="dim")
        text.append(_what(entry), style="bold")
        text.append(f"  ({entry.aksi} · {entry.target})", style="dim")
        for label, value in (("Sebelum", entry.lama), ("Sesudah", entry.baru)):
            text.append(f"\n{label}: ", style="bold")
            text.append(describe(value, entry.aksi, entry.target))
        return text
