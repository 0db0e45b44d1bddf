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


class ConfirmQuit(ModalScreen[bool]):
    """Dismisses with True to quit, False to stay."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,q,enter", "answer(True)", "Keluar", key_display="y/q/Enter", id="keluar.ya"),
        Binding("n,escape", "answer(False)", "Tetap", key_display="n/Esc", id="keluar.tidak"),
    ]

    DEFAULT_CSS = """
    ConfirmQuit { align: center middle; }
    ConfirmQuit > #confirm {
        width: 64; max-width: 100%; height: auto;
        border: round $warning; background: $panel; padding: 0 1;
    }
    """

    def __init__(self, nama: str) -> None:
        super().__init__()
        self.nama = nama

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm") as frame:
            frame.border_title = "Keluar dari aplikasi?"
            yield Static(Text.assemble(
                "Usulan ", (self.nama, "bold"), " sedang dibahas (jamnya berjalan).\n",
                "Semua sudah tersimpan; jamnya dihentikan saat keluar.",
            ))
        yield Footer()

    def action_answer(self, quit_: bool) -> None:
        self.dismiss(quit_)


class ConfirmClose(ModalScreen[bool]):
    """After the read-back: did the room confirm it? Closing sets the meeting's end time (undo reopens)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "answer(True)", "Tutup rapat", key_display="y/Enter", id="tutup_rapat.ya"),
        Binding("n,escape", "answer(False)", "Belum", key_display="n/Esc", id="tutup_rapat.tidak"),
    ]

    DEFAULT_CSS = """
    ConfirmClose { align: center middle; }
    ConfirmClose > #confirm {
        width: 64; max-width: 100%; height: auto;
        border: round $warning; background: $panel; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm") as frame:
            frame.border_title = "Tutup rapat?"
            yield Static(Text.assemble(
                "Peserta sudah menyetujui ", ("pembacaan keputusan", "bold"), ".\n",
                "Waktu selesai rapat diisi jam sekarang; notulen ditulis sesudahnya.",
            ))
        yield Footer()

    def action_answer(self, close: bool) -> None:
        self.dismiss(close)
