"""Follow-up actions (tindak lanjut) of one agenda item: what, who, by when."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.containers import Grid
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, DataTable, Input, Label, Static

from sopreview.domain.records import Action, validate_kapan
from sopreview.domain.dates import tanggal_teks
from sopreview.store.session import Session
from sopreview.ui.fmt import fit

from ._base import SessionDialog

def kapan_problem(kapan: str) -> str | None:
    """Why ``kapan`` cannot be stored, or None (the domain's rule, shared with the CLI)."""
    return validate_kapan(kapan)


class ActionTable(DataTable[str | Text]):
    """The item's actions; Delete or d asks the dialog to remove the highlighted one."""

    class RemoveRequested(Message):
        """Delete / d was pressed on a row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,d", "remove", "Hapus", id="actions.remove"),
        Binding("a", "add_new", "Tambah baru", id="actions.new"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "remove" and getattr(self.screen, "readonly", False):
            return None
        return True

    def action_remove(self) -> None:
        self.post_message(self.RemoveRequested())

    def action_add_new(self) -> None:
        self.screen.query_one("#action-apa", Input).focus()


class ActionsDialog(SessionDialog):
    """List, add and delete the follow-up actions; each add or delete is saved at once."""

    DIALOG_TITLE = "Tindak Lanjut"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Tutup", id="dialog.cancel"),
        Binding("ctrl+s", "save", "Tambah", id="actions.add"),
    ]
    WRITE_ACTIONS = frozenset({"save"})

    DEFAULT_CSS = """
    ActionsDialog #actions-table {
        height: auto;
        max-height: 9;
        margin-top: 1;
    }
    ActionsDialog #actions-empty {
        color: $text-muted;
        margin-top: 1;
    }
    ActionsDialog #actions-form {
        grid-size: 3 2;
        grid-columns: 1fr 22 20;
        grid-gutter: 0 1;
        height: auto;
        margin-top: 1;
    }
    ActionsDialog #actions-form Label {
        color: $text-muted;
    }
    """

    def __init__(self, session: Session, proposal_id: str | None) -> None:
        super().__init__(session, proposal_id)
        if proposal_id is not None:
            self.read(lambda: session.actions(proposal_id), list[Action]())  # an unknown item blocks saving up front
        self.added = 0
        self.removed = 0

    def heading(self) -> str:
        if self.proposal_id is None:
            return "Tindak lanjut umum rapat (tidak terkait satu SOP)"
        return super().heading()

    def compose_body(self) -> Iterable[Widget]:
        yield ActionTable(id="actions-table", cursor_type="row", zebra_stripes=True)
        yield Static("Belum ada tindak lanjut.", id="actions-empty")
        with Grid(id="actions-form"):
            yield Label("Apa")
            yield Label("Siapa")
            yield Label("Kapan")
            yield Input(id="action-apa", compact=True, disabled=self.readonly, placeholder="tindakan")
            yield Input(id="action-siapa", compact=True, disabled=self.readonly, placeholder="penanggung jawab")
            yield Input(id="action-kapan", compact=True, disabled=self.readonly, placeholder="YYYY-MM-DD / teks")

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Tambah", id="actions-add", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Tutup", id="actions-close", compact=True)

    def on_mount(self) -> None:
        self._refresh_table()
        if self.readonly:
            self.query_one(ActionTable).focus()
        else:
            self.query_one("#action-apa", Input).focus()

    def _actions(self) -> list[Action]:
        """This item's actions; without an item, the meeting-wide ones (``actions(None)`` is all)."""
        if self.proposal_id is None:
            return [a for a in self.session.actions(None) if a.proposal_id is None]
        pid = self.proposal_id
        return self.read(lambda: self.session.actions(pid), [])

    def on_resize(self) -> None:
        self._refresh_table(highlight=self.query_one(ActionTable).cursor_row)

    def _refresh_table(self, highlight: int | None = None) -> None:
        """Rebuild the rows with columns cut to the dialog's width (long text ends in an ellipsis)."""
        table = self.query_one(ActionTable)
        actions = self._actions()
        rows = [(a.apa, a.siapa, tanggal_teks(a.kapan)) for a in actions]
        inner = min(self.DIALOG_WIDTH, self.app.size.width) - 4 - 2  # border+padding, scrollbar
        siapa_w = min(max([5, *(cell_len(r[1]) for r in rows)]), 22)
        kapan_w = min(max([5, *(cell_len(r[2]) for r in rows)]), 18)
        apa_w = max(inner - 3 - siapa_w - kapan_w - 2 * 4, 10)
        table.clear(columns=True)
        table.add_column("No", key="no", width=3)
        table.add_column("Apa", key="apa", width=apa_w)
        table.add_column("Siapa", key="siapa", width=siapa_w)
        table.add_column("Kapan", key="kapan", width=kapan_w)
        for number, (action, (apa, siapa, kapan)) in enumerate(zip(actions, rows, strict=True), start=1):
            cells = (Text(fit(apa, apa_w)), Text(fit(siapa, siapa_w)), Text(fit(kapan, kapan_w)))  # never markup
            table.add_row(str(number), *cells, key=str(action.id))
        table.display = bool(actions)
        self.query_one("#actions-empty", Static).display = not actions
        if actions and highlight is not None:
            table.move_cursor(row=max(0, min(highlight, len(actions) - 1)))

    # -- adding ---------------------------------------------------------------------------

    @on(Input.Submitted, "#action-apa")
    def _to_siapa(self, event: Input.Submitted) -> None:
        if self._required(event.value, "Apa"):
            self.query_one("#action-siapa", Input).focus()

    @on(Input.Submitted, "#action-siapa")
    def _to_kapan(self, event: Input.Submitted) -> None:
        if self._required(event.value, "Siapa"):
            self.query_one("#action-kapan", Input).focus()

    def _required(self, value: str, label: str) -> bool:
        """Enter on an empty required field stays there and says so."""
        if value.strip():
            self.clear_error()
            return True
        self.show_error(f"{label} wajib diisi.")
        return False

    @on(Input.Submitted, "#action-kapan")
    @on(Button.Pressed, "#actions-add")
    def action_save(self) -> None:
        fields = {name: self.query_one(f"#action-{name}", Input) for name in ("apa", "siapa", "kapan")}
        apa, siapa, kapan = (fields[name].value.strip() for name in ("apa", "siapa", "kapan"))
        for name, value in (("apa", apa), ("siapa", siapa)):
            if not self._required(value, name.capitalize()):
                fields[name].focus()
                return
        problem = kapan_problem(kapan)
        if problem:
            self.show_error(problem)
            fields["kapan"].focus()
            return
        done, _ = self.write(lambda: self.session.add_action(self.proposal_id, apa, siapa, kapan))
        if not done:
            return
        self.added += 1
        for field in fields.values():
            field.value = ""
        self._refresh_table(highlight=len(self._actions()) - 1)
        self.show_status(f"Tindak lanjut ditambahkan: {apa}")
        fields["apa"].focus()

    # -- deleting -------------------------------------------------------------------------

    @on(ActionTable.RemoveRequested)
    def remove_highlighted(self) -> None:
        table = self.query_one(ActionTable)
        if self.readonly:
            self.show_error(self.readonly_reason())
            return
        if table.row_count == 0:
            return
        row = table.cursor_row
        row_key, _ = table.coordinate_to_cell_key(Coordinate(row, 0))
        action_id = int(str(row_key.value))
        apa = next((a.apa for a in self._actions() if a.id == action_id), "")
        done, _ = self.write(lambda: self.session.remove_action(action_id))
        if not done:
            return
        self.removed += 1
        self._refresh_table(highlight=row)
        self.show_status(f"Tindak lanjut dihapus: {apa}")
        if table.row_count == 0:
            self.query_one("#action-apa", Input).focus()

    # -- leaving --------------------------------------------------------------------------

    @on(Button.Pressed, "#actions-close")
    def action_cancel(self) -> None:
        if not (self.added or self.removed):
            self.dismiss(None)
            return
        parts = []
        if self.added:
            parts.append(f"{self.added} ditambah")
        if self.removed:
            parts.append(f"{self.removed} dihapus")
        self.dismiss("Tindak lanjut disimpan: " + ", ".join(parts))
