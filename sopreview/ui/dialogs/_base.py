"""What every recording dialog shares: the frame, the read-only banner and safe writes.

A dialog writes through the :class:`Session` itself (each call is durable when it returns), so
the only thing left to the dialog is to show what went wrong in place instead of crashing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TextArea

from sopreview.domain.vocab import item_kind_label
from sopreview.store.session import Session, SessionError
from sopreview.ui.fmt import holder_text

T = TypeVar("T")


def continue_after(text: str) -> str:
    """Saved text reopened for more typing: new words start on a line of their own.

    Without it the cursor sits right after the last word and new typing joins it ("…terbit.teks").
    """
    return text if not text.strip() or text.endswith("\n") else text + "\n"


def end_of(area: TextArea) -> TextArea:
    """The text area with its cursor after the last character (where typing continues)."""
    area.move_cursor(area.document.end)
    return area


def sentence(message: str) -> str:
    """Store messages start in lower case (they are also used mid-sentence); a line starts upper."""
    return message[:1].upper() + message[1:]


class SessionDialog(ModalScreen[str | None]):
    """A modal over one session (and usually one agenda item) that dismisses with a confirmation.

    Subclasses implement :meth:`compose_body` (and optionally :meth:`compose_buttons`) and
    call :meth:`write` for every change so that a :class:`SessionError` becomes an inline message.
    """

    CURSOR_BLINK: ClassVar[bool] = True
    """Blinking text cursors; snapshot tests (and users who dislike blinking) turn it off."""

    DIALOG_TITLE: ClassVar[str] = ""
    DIALOG_WIDTH: ClassVar[int] = 84
    """Columns the dialog takes when the terminal is wide enough (it shrinks to fit)."""
    BODY_SCROLLS: ClassVar[bool] = True
    """False when the body holds its own scrolling widget (a table) that should take the room."""
    WRITES: ClassVar[bool] = True
    """False for dialogs that only read the session (export): no read-only banner then."""
    WRITE_ACTIONS: ClassVar[frozenset[str]] = frozenset({"save"})
    """Actions refused (and greyed out in the Footer) when nothing may be saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Batal", id="dialog.cancel"),
    ]

    DEFAULT_CSS = """
    SessionDialog {
        align: center middle;
    }
    SessionDialog > #dialog {
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        border-title-color: $text;
        border-title-style: bold;
        background: $panel;
        padding: 0 1;
    }
    SessionDialog #dialog-body {
        height: auto;
    }
    SessionDialog #dialog-heading {
        color: $text-muted;
        width: 1fr;
        height: auto;
    }
    SessionDialog #readonly-banner {
        background: $warning 20%;
        color: $text;
        padding: 0 1;
        height: auto;
    }
    SessionDialog #dialog-message {
        height: auto;
        display: none;
    }
    SessionDialog #dialog-message.-error {
        display: block;
        color: $text-error;
    }
    SessionDialog #dialog-message.-ok {
        display: block;
        color: $text-success;
    }
    SessionDialog Input.-textual-compact {
        padding: 0 1;
    }
    SessionDialog .field-label {
        color: $text-muted;
        margin-top: 1;
    }
    SessionDialog #dialog-buttons {
        height: auto;
        align-horizontal: right;
        margin-top: 1;
    }
    SessionDialog #dialog-buttons Button {
        margin-left: 2;
    }
    """

    def __init__(self, session: Session, proposal_id: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.proposal_id = proposal_id
        self.load_error: str | None = None
        """Why the dialog's data could not be read (e.g. an unknown proposal): nothing is saved then."""

    def read(self, load: Callable[[], T], default: T) -> T:
        """Read from the session for the dialog; a SessionError blocks saving instead of crashing."""
        try:
            return load()
        except SessionError as error:
            self.load_error = sentence(str(error))
            return default

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as frame:
            frame.border_title = self.DIALOG_TITLE
            heading = self.heading()
            if heading:
                yield Static(heading, id="dialog-heading", markup=False)
            if self.readonly:
                yield Static(self.readonly_reason(), id="readonly-banner", markup=False)
            with (VerticalScroll if self.BODY_SCROLLS else Vertical)(id="dialog-body") as body:
                body.can_focus = False  # Tab goes field to field; a focused field scrolls into view
                yield from self.compose_body()
            yield Static("", id="dialog-message", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield from self.compose_buttons()
        yield Footer()

    def compose_body(self) -> Iterable[Widget]:
        """The dialog's own fields."""
        return ()

    def compose_buttons(self) -> Iterable[Widget]:
        """The row of buttons under the body (right-aligned)."""
        return ()

    def heading(self) -> str:
        """One line naming the agenda item the dialog works on."""
        if self.proposal_id is None:
            return ""
        try:
            proposal = self.session.proposal(self.proposal_id)
        except SessionError:
            return self.proposal_id
        jenis = item_kind_label(proposal.jenis)
        return f"{proposal.nama} · {jenis}"

    def readonly_reason(self) -> str:
        """Why nothing can be saved, in the users' words."""
        if self.load_error:
            return f"{self.load_error} Tidak ada yang dapat disimpan di sini."
        holder = self.session.lock_holder
        if holder:
            holder = holder_text(holder, self.app.now()) if hasattr(self.app, "now") else holder
            return f"Hanya-baca: sesi ini sedang dibuka oleh {holder}. Perubahan tidak dapat disimpan."
        return "Hanya-baca: sesi ini dibuka tanpa izin menulis. Perubahan tidak dapat disimpan."

    def on_mount(self) -> None:
        """Runs after a subclass's ``on_mount`` (Textual calls the handler of every class in the MRO)."""
        self.query_one("#dialog").styles.width = self.DIALOG_WIDTH
        if not self.CURSOR_BLINK:
            for widget in self.query(Input):
                widget.cursor_blink = False
            for area in self.query(TextArea):
                area.cursor_blink = False
        self.call_after_refresh(self._fit_height)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fit_height)

    def scrolling_part(self) -> Widget:
        """The widget that gives up rows (and scrolls) when the terminal is short."""
        return self.query_one("#dialog-body")

    def _fit_height(self) -> None:
        """Cap the scrolling part so the heading, message and buttons always stay on screen.

        CSS cannot say "auto height, but no taller than what the rest leaves", so the rest (the
        chrome: everything around the scrolling part) is measured and the part gets what remains.
        """
        if not self.is_attached or not self.is_active:
            return  # dismissed meanwhile: its widgets may already be gone
        try:
            frame = self.query_one("#dialog")
            part = self.scrolling_part()
            footer = self.query_one(Footer).outer_size.height
        except NoMatches:
            return
        chrome = part.styles.margin.height
        node: Widget = part
        while node is not frame and isinstance(node.parent, Widget):
            parent = node.parent
            chrome += parent.styles.gutter.height
            chrome += sum(
                child.outer_size.height + child.styles.margin.height
                for child in parent.children
                if child is not node and child.display
            )
            node = parent
        room = max(self.size.height - footer - chrome, 3)
        current = part.styles.max_height
        if current is None or current.value != room:
            part.styles.max_height = room

    # -- state ----------------------------------------------------------------------------

    @property
    def readonly(self) -> bool:
        """Nothing may be saved: the session is read-only, or the dialog's data could not be read."""
        return self.load_error is not None or (self.WRITES and self.session.readonly)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Writing actions are greyed out in the Footer of a read-only session."""
        if self.readonly and action in self.WRITE_ACTIONS:
            return None
        return True

    def _message(self, text: str, kind: str) -> None:
        line = self.query_one("#dialog-message", Static)
        line.update(text)
        line.set_class(bool(text) and kind == "error", "-error")
        line.set_class(bool(text) and kind == "ok", "-ok")
        self.call_after_refresh(self._fit_height)

    def show_error(self, message: str) -> None:
        """A problem the user must fix, shown under the fields (the dialog stays open)."""
        self._message(message, "error")

    def show_status(self, message: str) -> None:
        """A confirmation for dialogs that stay open after a write (actions, attendance)."""
        self._message(message, "ok")

    def clear_error(self) -> None:
        self._message("", "")

    def write(self, change: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one session write; a SessionError is shown in place and reported as failure."""
        if self.readonly:
            self.show_error(self.readonly_reason())
            return False, None
        try:
            result = change()
        except SessionError as error:
            self.show_error(sentence(str(error)))
            return False, None
        self.clear_error()
        return True, result

    def action_cancel(self) -> None:
        self.dismiss(None)
