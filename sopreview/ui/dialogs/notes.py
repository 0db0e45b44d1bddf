"""The discussion notes of one agenda item (what was said, for the Pembahasan of the notulen)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, TextArea

from sopreview.store.session import Session

from ._base import SessionDialog, continue_after


class NotesDialog(SessionDialog):
    """A text area over the item's notes; Ctrl+S saves, Esc twice throws unsaved text away."""

    DIALOG_TITLE = "Catatan Pembahasan"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Simpan", id="notes.save"),
    ]

    DEFAULT_CSS = """
    NotesDialog #notes-text {
        height: 12;
        margin-top: 1;
    }
    """

    def __init__(self, session: Session, proposal_id: str) -> None:
        super().__init__(session, proposal_id)
        self._saved_text = self.read(lambda: session.notes(proposal_id), "")
        self._warned = False

    def compose_body(self) -> Iterable[Widget]:
        yield TextArea(
            continue_after(self._saved_text),
            id="notes-text",
            read_only=self.readonly,
            soft_wrap=True,
            show_line_numbers=False,
            placeholder="Pokok pembahasan: pendapat peserta, usulan perbaikan, hal yang perlu dicek.",
        )

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Simpan", id="notes-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="notes-cancel", compact=True)

    def on_mount(self) -> None:
        area = self.query_one("#notes-text", TextArea)
        area.move_cursor(area.document.end)
        area.focus()

    def _text(self) -> str:
        return self.query_one("#notes-text", TextArea).text

    @on(TextArea.Changed, "#notes-text")
    def _edited(self) -> None:
        self._warned = False
        self.clear_error()

    @on(Button.Pressed, "#notes-save")
    def action_save(self) -> None:
        text = self._text().strip()
        if text == self._saved_text.strip():
            self.dismiss("Catatan tidak berubah")
            return
        done, _ = self.write(lambda: self.session.set_notes(self.proposal_id or "", text))
        if done:
            self.dismiss("Catatan disimpan")

    @on(Button.Pressed, "#notes-cancel")
    def action_cancel(self) -> None:
        """Leave; unsaved typing is only dropped on the second Esc, so one slip loses nothing."""
        if self.readonly or self._warned or self._text().strip() == self._saved_text.strip():
            self.dismiss(None)
            return
        self._warned = True
        self.show_error("Catatan belum disimpan. Ctrl+S untuk menyimpan, Esc sekali lagi untuk membuang.")
