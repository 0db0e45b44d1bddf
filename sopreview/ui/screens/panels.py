"""The shared frame of the read-only panels (help, audit log, problems): title, body, Esc."""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static

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
