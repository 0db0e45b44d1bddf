"""What the agenda and proposal screens share: the recording keys and the read-only guard.

Both screens act on "the proposal in front of the user" (the highlighted row, or the one
shown), so the actions live here once and each screen only says which proposal that is.
Dialogs are imported when first used: they are not needed to paint the agenda.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual.binding import BindingType
from textual.screen import Screen
from textual.widgets import Static

from sopreview.store.errors import SessionError
from sopreview.ui import keymap
from sopreview.ui.fmt import holder_text
from sopreview.ui.appref import SopAppAccess

if TYPE_CHECKING:
    from sopreview.store.session import Session


class ReadOnlyBanner(Static):
    """A warning strip naming who holds the session; hidden for a writable session."""

    DEFAULT_CSS = """
    ReadOnlyBanner {
        background: $warning 30%;
        color: $text;
        text-style: bold;
        padding: 0 1;
        height: auto;
        display: none;
    }
    ReadOnlyBanner.-shown {
        display: block;
    }
    """

    def show_for(self, session: Session) -> None:
        if session.readonly:
            now = getattr(self.app, "now", datetime.now)()
            self.update(Text(readonly_message(session, now)))  # the holder's name is not markup
        self.set_class(session.readonly, "-shown")


def readonly_message(session: Session, now: datetime | None = None) -> str:
    """Who holds the session, with the time in local clock words (not the lock file's ISO stamp)."""
    if session.lock_holder:
        holder = holder_text(session.lock_holder, now or datetime.now().astimezone())
        return f"HANYA BACA — sesi ini sedang dibuka oleh {holder}. Perubahan tidak dapat disimpan."
    return "HANYA BACA — sesi dibuka tanpa izin menulis. Perubahan tidak dapat disimpan."


class SessionScreen(SopAppAccess, Screen[None]):
    """A screen over the open session with the recording keys of scope ``sesi``."""

    @staticmethod
    def screen_bindings(scope: str) -> list[BindingType]:
        """Help first, then the screen's own keys, then the recording keys: the footer order."""
        return [*keymap.help_first(), *keymap.bindings(scope), *keymap.bindings("sesi")]

    @property
    def session(self) -> Session:
        session = self.sop_app.session
        assert session is not None, "a SessionScreen is only shown with a session open"
        return session

    def target_pid(self) -> str | None:
        """The proposal the keys act on."""
        raise NotImplementedError

    def refresh_from_session(self) -> None:
        """Re-read what the screen shows after the session changed."""

    # -- helpers ------------------------------------------------------------------------------

    def can_write(self) -> bool:
        """False (with a notice) for a read-only session."""
        if self.session.readonly:
            self.notify(readonly_message(self.session, self.sop_app.now()), title="Hanya baca", severity="warning",
                        markup=False)
            return False
        return True

    def write(self, change: Callable[[], Any], done: str) -> bool:
        """Run one session write; show the confirmation or the store's message."""
        if not self.can_write():
            return False
        try:
            change()
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="error", markup=False)
            return False
        self.notify(done, markup=False)
        self.sop_app.session_changed()
        return True

    def _need_pid(self) -> str | None:
        pid = self.target_pid()
        if pid is None:
            self.notify("Pilih usulan dulu (panah atas/bawah).", severity="warning")
        return pid

    def _after_dialog(self, result: str | None) -> None:
        if result:
            self.notify(result, markup=False)
        self.sop_app.session_changed()

    # -- actions ------------------------------------------------------------------------------

    def open_dialog(self, kind: str, pid: str | None = None) -> None:
        """Push one recording dialog; on return, confirm on screen and re-read the session."""
        session = self.session
        screen: Screen[Any]
        if kind == "decision" and pid is not None:
            from sopreview.ui.dialogs.decision import DecisionDialog

            screen = DecisionDialog(session, pid)
        elif kind == "evaluation" and pid is not None:
            from sopreview.ui.dialogs.evaluation import EvaluationDialog

            screen = EvaluationDialog(session, pid)
        elif kind == "notes" and pid is not None:
            from sopreview.ui.dialogs.notes import NotesDialog

            screen = NotesDialog(session, pid)
        elif kind == "actions":
            from sopreview.ui.dialogs.actions import ActionsDialog

            screen = ActionsDialog(session, pid)
        elif kind == "attendance":
            from sopreview.ui.dialogs.attendance import AttendanceDialog

            screen = AttendanceDialog(session)
        elif kind == "export":
            from sopreview.ui.dialogs.export import ExportDialog

            screen = ExportDialog(session)
        else:
            raise ValueError(f"unknown dialog {kind!r} (pid={pid!r})")
        self.app.push_screen(screen, self._after_dialog)

    def _dialog_for_target(self, kind: str) -> None:
        if (pid := self._need_pid()) is not None:
            self.open_dialog(kind, pid)

    def action_decision(self) -> None:
        self._dialog_for_target("decision")

    def action_evaluation(self) -> None:
        self._dialog_for_target("evaluation")

    def action_notes(self) -> None:
        self._dialog_for_target("notes")

    def action_actions(self) -> None:
        self._dialog_for_target("actions")

    def action_attendance(self) -> None:
        self.open_dialog("attendance")

    def action_export(self) -> None:
        self.open_dialog("export")

    def action_projector(self) -> None:
        if (pid := self._need_pid()) is not None:
            from sopreview.ui.screens.projector import ProjectorScreen

            self.app.push_screen(ProjectorScreen(self.session, pid))

    def action_undo(self) -> None:
        if not self.can_write():
            return
        try:
            entry = self.session.undo()
        except SessionError as error:
            self.notify(str(error), title="Tidak tersimpan", severity="error", markup=False)
            return
        if entry is None:
            self.notify("Tidak ada perubahan yang bisa diurungkan.", severity="warning")
            return
        self.notify(f"Diurungkan: {entry.ringkasan or entry.aksi}", markup=False)  # logged text is the users'
        self.sop_app.session_changed()

    def action_audit_log(self) -> None:
        from sopreview.ui.screens.audit import AuditLogScreen

        self.app.push_screen(AuditLogScreen(self.session))

    def action_problems(self) -> None:
        from sopreview.ui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.sop_app.problems, self.sop_app.changed))

    def action_stop_clock(self) -> None:
        current = self.session.current().pid
        if current is None or not self.session.clock(current).running:
            self.notify("Tidak ada jam usulan yang sedang berjalan.", severity="warning")
            return
        self.write(lambda: self.session.close_item(current), "Jam usulan dihentikan")
