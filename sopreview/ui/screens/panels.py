"""The shared frame of the read-only panels (help, audit log, problems, register): title, body, Esc;
and for the audit log and the register, a table whose highlighted row is shown in full under it."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Footer, Static

from sopreview.ui import keymap


class PanelScreen(Screen[None]):
    """A full screen that only shows something; Esc goes back."""

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("panel")
    PANEL_TITLE: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield Static(self.PANEL_TITLE, id="panel-title", markup=False)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield VerticalScroll(Static(self.body(), id="panel-body"), id="panel-scroll")

    def body(self) -> RenderableType:
        return ""

    def on_mount(self) -> None:
        for widget in self.query("#panel-scroll, DataTable").results(Widget):
            widget.focus()
            break

    def action_close(self) -> None:
        self.dismiss()


class TableDetailScreen(PanelScreen):
    """A table, a note line under it, and the highlighted row in full in a scroll under that.

    Subclasses name the three widgets (their CSS sizes them), fill the table, and say how
    many rows are real (``row_count``; a placeholder row has no detail) and what one row says
    in full (``detail_text``)."""

    TABLE_ID: ClassVar[str]
    NOTE_ID: ClassVar[str]
    DETAIL_ID: ClassVar[str]
    """The detail's Static; its scroll is ``<DETAIL_ID>-scroll``."""

    def compose_body(self) -> ComposeResult:
        table: DataTable[Text] = DataTable(id=self.TABLE_ID, cursor_type="row", zebra_stripes=True)
        self.prepare_table(table)
        yield table
        yield Static(id=self.NOTE_ID, markup=False)
        with VerticalScroll(id=f"{self.DETAIL_ID}-scroll"):
            yield Static(id=self.DETAIL_ID, markup=False)

    def prepare_table(self, table: DataTable[Text]) -> None:
        """Columns known before the data (none by default: ``fill`` adds them)."""

    def row_count(self) -> int:
        raise NotImplementedError

    def detail_text(self, row: int) -> Text:
        raise NotImplementedError

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == self.TABLE_ID:
            self.show_detail(event.cursor_row)

    def show_detail(self, row: int) -> None:
        """Row ``row`` in full under the table (nothing for a placeholder row or an empty table)."""
        detail = self.query_one(f"#{self.DETAIL_ID}", Static)
        detail.update(self.detail_text(row) if 0 <= row < self.row_count() else "")
