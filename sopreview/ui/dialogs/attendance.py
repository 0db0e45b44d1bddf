"""Daftar hadir: mark each person's attendance with one key, add guests on the spot."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Label, Static

from sopreview.domain.records import attendance_sentence
from sopreview.domain.vocab import ATTENDANCE_STATUSES, attendance_label
from sopreview.domain.model import Orang
from sopreview.store.session import Session
from sopreview.store.writing import EMPTY_PEOPLE
from sopreview.ui.fmt import fit

from ._base import SessionDialog

STATUS_WIDTH = max(len(s.label) for s in ATTENDANCE_STATUSES)

STATUS_KEYS: dict[str, str] = {s.letter: s.key for s in ATTENDANCE_STATUSES}
"""Letter keys, beside the number keys (the letters are part of the vocabulary table)."""


_STATUS_GROUP = Binding.Group("Status", compact=True)
KEY_HINT = "  ".join(
    f"{number}/{letter} {attendance_label(status)}"
    for number, (letter, status) in enumerate(STATUS_KEYS.items(), start=1)
) + "  g Tamu"
"""The heading line: the footer groups the status keys as ``12345 Status``."""


def _status_bindings() -> list[BindingType]:
    return [
        Binding(
            f"{number},{letter}",
            f"mark('{status}')",
            attendance_label(status),
            key_display=str(number),
            group=_STATUS_GROUP,
            id=f"attendance.{status}",
        )
        for number, (letter, status) in enumerate(STATUS_KEYS.items(), start=1)
    ]


class AttendanceDialog(SessionDialog):
    """The people of the organisasi plus guests, each with a status saved as soon as it is set."""

    DIALOG_TITLE = "Daftar Hadir"
    DIALOG_WIDTH = 110
    BODY_SCROLLS = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Tutup", id="dialog.cancel"),
        *_status_bindings(),
        Binding("g", "guest", "Tamu", id="attendance.guest"),
    ]
    WRITE_ACTIONS = frozenset({"mark", "guest"})

    DEFAULT_CSS = """
    AttendanceDialog #dialog-body {
        height: auto;
    }
    AttendanceDialog #attendance-table {
        height: auto;
        margin-top: 1;
    }
    AttendanceDialog #attendance-summary {
        text-style: bold;
        width: 1fr;
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(session, None)
        self.changes = 0

    def heading(self) -> str:
        return KEY_HINT

    def compose_body(self) -> Iterable[Widget]:
        yield DataTable(id="attendance-table", cursor_type="row", zebra_stripes=True)

    def compose_buttons(self) -> Iterable[Widget]:
        yield Static("", id="attendance-summary")
        yield Button("Tamu baru", id="attendance-guest", compact=True, disabled=self.readonly)
        yield Button("Tutup", id="attendance-close", compact=True)

    def on_mount(self) -> None:
        self._fill()
        self.query_one(DataTable).focus()
        if not self.session.people():  # say why at once, not only when a status key finds nobody
            self.show_error(f"Belum ada orang di daftar. {EMPTY_PEOPLE} Tekan g untuk menambah tamu.")

    _built_for: tuple[int, ...] = ()

    def on_resize(self) -> None:
        table = self.query_one(DataTable)
        if self._widths() != self._built_for:
            self._fill(cursor_row=table.cursor_row)

    def scrolling_part(self) -> Widget:
        return self.query_one(DataTable)

    def _widths(self) -> tuple[int, ...]:
        """Column widths (nama, jabatan, unit) that fit the dialog: no sideways scrolling."""
        inner = min(self.DIALOG_WIDTH, self.app.size.width) - 4 - 2  # border+padding, scrollbar
        people = self.session.people()
        nama = min(max([len("Nama"), *(cell_len(o.nama) for o in people)]), 30)
        rest = inner - nama - 3 - STATUS_WIDTH - 2 * 4
        if rest >= 60:  # room for a unit column too
            unit = min(max([len("Unit"), *(cell_len(o.unit) for o in people)]), rest // 3)
            return (nama, rest - unit - 2, unit)
        return (nama, max(rest, 10), 0)

    def _fill(self, cursor_row: int = 0, cursor_name: str | None = None) -> None:
        table = self.query_one(DataTable)
        widths = self._widths()
        self._built_for = widths
        nama_w, jabatan_w, unit_w = widths
        table.clear(columns=True)
        table.add_column("No", key="no", width=3)
        table.add_column("Nama", key="nama", width=nama_w)
        table.add_column("Status", key="status", width=STATUS_WIDTH)
        table.add_column("Jabatan", key="jabatan", width=jabatan_w)
        if unit_w:
            table.add_column("Unit", key="unit", width=unit_w)
        attendance = self.session.attendance()
        for number, orang in enumerate(self.session.people(), start=1):
            entry = attendance.get(orang.nama)
            status = attendance_label(entry.status) if entry else "-"
            # Names are data, never markup: Text cells are shown as typed.
            cells = [str(number), Text(fit(orang.nama, nama_w)), status, Text(fit(orang.jabatan, jabatan_w))]
            if unit_w:
                cells.append(Text(fit(orang.unit, unit_w)))
            table.add_row(*cells, key=orang.nama)
            if orang.nama == cursor_name:
                cursor_row = number - 1
        if table.row_count:
            table.move_cursor(row=min(cursor_row, table.row_count - 1))
        self._update_summary()

    def _update_summary(self) -> None:
        invited, guests = self.session.organisasi.orang, self.session.guests()
        attendance = self.session.attendance()

        def present(people: Iterable[Orang]) -> int:
            return sum(1 for orang in people if (e := attendance.get(orang.nama)) and e.status == "hadir")

        self._summary = attendance_sentence(present(invited), len(invited), present(guests))
        belum = sum(1 for orang in (*invited, *guests) if orang.nama not in attendance)
        text = self._summary + (f" · {belum} belum dicatat" if belum else "")
        self.query_one("#attendance-summary", Static).update(text)

    # -- marking --------------------------------------------------------------------------

    def action_mark(self, status: str) -> None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            self.show_error(f"Belum ada orang di daftar. {EMPTY_PEOPLE} Tekan g untuk menambah tamu.")
            return
        row = table.cursor_row
        row_key, _ = table.coordinate_to_cell_key(Coordinate(row, 0))
        nama = str(row_key.value)
        done, _ = self.write(lambda: self.session.set_attendance(nama, status))
        if not done:
            return
        self.changes += 1
        table.update_cell(row_key, "status", attendance_label(status))
        self._update_summary()
        self.show_status(f"{nama}: {attendance_label(status)}")
        if row + 1 < table.row_count:
            table.move_cursor(row=row + 1)

    # -- guests ---------------------------------------------------------------------------

    @on(Button.Pressed, "#attendance-guest")
    def action_guest(self) -> None:
        self.app.push_screen(GuestDialog(self.session), self._guest_added)

    def _guest_added(self, nama: str | None) -> None:
        if nama is None:
            return
        # A guest added on the spot is in the room.
        done, _ = self.write(lambda: self.session.set_attendance(nama, "hadir"))
        self.changes += 1
        self._fill(cursor_name=nama)
        if done:
            self.show_status(f"Tamu ditambahkan: {nama} (Hadir)")
        self.query_one(DataTable).focus()

    # -- leaving --------------------------------------------------------------------------

    @on(Button.Pressed, "#attendance-close")
    def action_cancel(self) -> None:
        if not self.changes:
            self.dismiss(None)
            return
        self.dismiss(f"Daftar hadir disimpan: {self._summary}")


class GuestDialog(SessionDialog):
    """Nama, jabatan and unit of someone not in organisasi.yaml; dismisses with the name."""

    DIALOG_TITLE = "Tamu Baru"
    DIALOG_WIDTH = 60

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Simpan", id="guest.save"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(session, None)

    def compose_body(self) -> Iterable[Widget]:
        for name, label in (("nama", "Nama (wajib)"), ("jabatan", "Jabatan"), ("unit", "Unit / instansi")):
            yield Label(label, classes="field-label")
            yield Input(id=f"guest-{name}", compact=True, disabled=self.readonly)

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Simpan", id="guest-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="guest-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one("#guest-nama", Input).focus()

    @on(Input.Submitted, "#guest-nama")
    def _to_jabatan(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self.show_error("Nama tamu wajib diisi.")
            return
        self.clear_error()
        self.query_one("#guest-jabatan", Input).focus()

    @on(Input.Submitted, "#guest-jabatan")
    def _to_unit(self) -> None:
        self.query_one("#guest-unit", Input).focus()

    @on(Input.Submitted, "#guest-unit")
    @on(Button.Pressed, "#guest-save")
    def action_save(self) -> None:
        nama, jabatan, unit = (
            self.query_one(f"#guest-{name}", Input).value.strip() for name in ("nama", "jabatan", "unit")
        )
        if not nama:
            self.show_error("Nama tamu wajib diisi.")
            self.query_one("#guest-nama", Input).focus()
            return
        done, _ = self.write(lambda: self.session.add_guest(Orang(nama=nama, jabatan=jabatan, unit=unit)))
        if done:
            self.dismiss(nama)

    @on(Button.Pressed, "#guest-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
