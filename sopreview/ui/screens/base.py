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
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from sopreview.domain.records import evaluation_refusal
from sopreview.domain.vocab import EVALUATION_JENIS
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
    if session.readonly_reason:  # the file itself is read-only (chmod a-w)
        return f"HANYA BACA — {session.readonly_reason}. Perubahan tidak dapat disimpan (chmod u+w untuk mencatat)."
    return "HANYA BACA — sesi dibuka tanpa izin menulis. Perubahan tidak dapat disimpan."


class SessionScreen(SopAppAccess, Screen[None]):
    """A screen over the open session with the recording keys of scope ``sesi``."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As Textual's, without redrawing the whole screen when the focus moves: the widgets that
    gain and lose focus (and any ``:focus-within`` styling) are restyled and redrawn by Textual
    anyway, and the whole-screen redraw cost each tab switch a second full render (issue 17)."""

    @staticmethod
    def screen_bindings(scope: str) -> list[BindingType]:
        """Help first, then the screen's own keys, then the recording keys: the footer order."""
        return [*keymap.help_first(), *keymap.bindings(scope), *keymap.bindings("sesi")]

    @property
    def is_shown(self) -> bool:
        """True unless an opaque screen covers this one (a dialog over it leaves it in view).
        Textual's ``is_current`` is also true under an opaque screen, one level down."""
        for screen in reversed(self.app.screen_stack):
            if screen is self:
                return True
            if screen.styles.background.a == 1:
                return False
        return False

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
            on_disk = "berkas sudah diganti" in str(error)  # saved; only the folder sync failed
            self.notify(str(error), title="Tersimpan, dengan peringatan" if on_disk else "Tidak tersimpan",
                        severity="error", markup=False)
            if on_disk:
                self.sop_app.session_changed()
            return False
        self.notify(done, markup=False)
        for notice in self.session.take_notices():  # saved, but e.g. the audit log lags behind
            self.notify(notice, title="Tersimpan, dengan peringatan", severity="warning", markup=False)
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
        jenis = session.proposal(pid).jenis if pid is not None and kind in ("decision", "evaluation") else None
        if kind == "decision" and pid is not None:
            from sopreview.ui.dialogs.decision import DecisionDialog, OutcomeDialog

            screen = OutcomeDialog(session, pid) if jenis == EVALUATION_JENIS else DecisionDialog(session, pid)
        elif kind == "evaluation" and pid is not None:
            from sopreview.ui.dialogs.evaluation import EvaluationDialog

            if (refusal := evaluation_refusal(jenis or "")) is not None:
                self.notify(refusal[0].upper() + refusal[1:] + ".", severity="warning", markup=False)
                return
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

    def action_perbaikan_done(self) -> None:
        """Mark the perbaikan of a 'disetujui dengan perbaikan' done: the file as it is now is what
        `tetapkan` will adopt (and it refuses if the file changes again afterwards)."""
        pid = self._need_pid()
        if pid is None:
            return
        decision = self.session.decision(pid)
        if decision is None or decision.keputusan != "disetujui_dengan_perbaikan":
            self.notify("Hanya untuk usulan yang 'disetujui dengan perbaikan'.", severity="warning")
            return
        from sopreview.domain.loader import load_sops
        from sopreview.domain.records import proposal_hash
        from sopreview.store.penetapan import mark_perbaikan_done

        sops_dir = self.sop_app.sops_dir or self.session.sops_dir
        current = next((p for p in load_sops(sops_dir).proposals if p.id == pid), None) if sops_dir else None
        if current is None:
            self.notify(f"Berkas usulan {pid} tidak ada atau bergalat; perbaiki dulu (g: masalah).",
                        severity="error", markup=False)
            return
        self.write(lambda: mark_perbaikan_done(self.session, pid, proposal_hash(current)),
                   f"Perbaikan {pid} ditandai selesai; siap ditetapkan (sopreview tetapkan)")

    def action_register(self) -> None:
        from sopreview.ui.screens.register import RegisterScreen

        self.app.push_screen(RegisterScreen(self.sop_app.sops_dir or self.session.sops_dir))

    def action_problems(self) -> None:
        from sopreview.ui.screens.problems import ProblemsScreen

        self.app.push_screen(ProblemsScreen(self.sop_app.problems, self.sop_app.changed))

    # -- the clock (rules in sopreview/domain/clock.py) ----------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``s`` and ``j`` mean one thing at a time: the footer shows the one that applies."""
        session = self.sop_app.session
        if session is None or action not in ("start_clock", "stop_clock", "pause", "resume"):
            return True
        paused = session.pause_state() is not None
        if action in ("pause", "resume"):
            return paused == (action == "resume")
        pid = self.target_pid()
        running = pid is not None and session.clock(pid).running
        return running == (action == "stop_clock")

    def action_start_clock(self) -> None:
        pid = self._need_pid()
        if pid is None:
            return
        nama = self.session.proposal(pid).nama
        self.write(lambda: self.session.open_item(pid), f"Mulai membahas {nama}: jam berjalan")

    def action_stop_clock(self) -> None:
        running = self.session.running_item()
        if running is None:
            self.notify("Tidak ada jam usulan yang sedang berjalan.", severity="warning")
            return
        self.write(lambda: self.session.close_item(running), "Jam usulan dihentikan")

    def action_pause(self, jenis: str) -> None:
        from sopreview.domain.clock import PAUSES

        if self.session.pause_state() is not None:
            self.action_resume()
            return
        self.write(lambda: self.session.pause(jenis), f"{PAUSES[jenis]}: semua jam berhenti. Tekan j untuk melanjutkan.")

    def action_resume(self) -> None:
        self.write(self.session.resume, "Rapat dilanjutkan")

    def action_meta(self) -> None:
        from sopreview.ui.dialogs.meta import MetaDialog

        self.app.push_screen(MetaDialog(self.session), self._after_dialog)
