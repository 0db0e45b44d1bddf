"""Asking once: before quitting while an item is under discussion, before closing the meeting.

Quitting is safe (every change is on disk and the clock is stopped on the way out), so the
question is only asked when it matters: a clock is running, so the room is mid-discussion
and ``q`` may have been a slip. ``q`` or ``y`` or Enter quits, ``n`` or Esc stays.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question in a framed box; dismisses with the answer (the keys are the subclass's)."""

    QUESTION: ClassVar[str] = ""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #confirm {
        width: 64; max-width: 100%; height: auto;
        border: round $warning; background: $panel; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm") as frame:
            frame.border_title = self.QUESTION
            yield Static(self.message())
        yield Footer()

    def message(self) -> Text:
        raise NotImplementedError

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ConfirmQuit(ConfirmScreen):
    """Dismisses with True to quit, False to stay."""

    QUESTION = "Keluar dari aplikasi?"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q,enter", "answer(True)", "Keluar", key_display="y/q/Enter", id="keluar.ya"),
        Binding("n,escape", "answer(False)", "Tetap", key_display="n/Esc", id="keluar.tidak"),
    ]

    def __init__(self, nama: str) -> None:
        super().__init__()
        self.nama = nama

    def message(self) -> Text:
        return Text.assemble(
            "Usulan ", (self.nama, "bold"), " sedang dibahas (jamnya berjalan).\n",
            "Semua sudah tersimpan; jamnya dihentikan saat keluar.",
        )


class ConfirmClose(ConfirmScreen):
    """After the read-back: did the room confirm it? Closing sets the meeting's end time (undo reopens)."""

    QUESTION = "Tutup rapat?"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Tutup rapat", key_display="y/Enter", id="tutup_rapat.ya"),
        Binding("n,escape", "answer(False)", "Belum", key_display="n/Esc", id="tutup_rapat.tidak"),
    ]

    def message(self) -> Text:
        return Text.assemble(
            "Peserta sudah menyetujui ", ("pembacaan keputusan", "bold"), ".\n",
            "Waktu selesai rapat diisi jam sekarang; notulen ditulis sesudahnya.",
        )


class ConfirmDraftExport(ConfirmScreen):
    """Exporting before the meeting is closed: the minutes would precede the room's read-back."""

    QUESTION = "Rapat belum ditutup"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Ekspor sebagai draf", key_display="y/Enter", id="draf.ya"),
        Binding("n,escape", "answer(False)", "Batal", key_display="n/Esc", id="draf.tidak"),
    ]

    def message(self) -> Text:
        return Text.assemble(
            "Keputusan belum dibacakan dan dikonfirmasi ruangan.\n",
            "Di layar proyektor (p): ", ("b", "bold"), " bacakan keputusan, lalu ", ("T", "bold"),
            " tutup rapat.\n",
            "Ekspor sekarang hanya sebagai ", ("draf", "bold"), " notulen?",
        )
