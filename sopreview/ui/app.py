"""The meeting app: opens one session (or lets the user pick one) and shows the agenda.

The app owns the open :class:`Session` and the loader's problems; screens read the session
and write through it, then call :meth:`SopReviewApp.session_changed` so every screen on the
stack re-reads what it shows. No business rule lives here.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from sopreview.domain.problems import Problem
from sopreview.store.errors import SessionError, SessionLocked
from sopreview.store.files import SESSIONS_DIR
from sopreview.store.reading import sops_touched_since
from sopreview.store.session import Session
from sopreview.ui import keymap, textual_fixes
from sopreview.ui.commands import SopCommands
from sopreview.ui.fmt import holder_text
from sopreview.ui.keygate import KeyGate
from sopreview.ui.screens.agenda import AgendaScreen
from sopreview.ui.screens.base import SessionScreen
from sopreview.ui.theme import OPERATOR_THEME, start_in_theme

EXIT_AFTER_PAINT_ENV = "SOPREVIEW_EXIT_AFTER_PAINT"
"""Set to 1 to exit right after the agenda is first painted (start-up benchmark)."""
PAINT_STAMP_ENV = "SOPREVIEW_PAINT_STAMP"
"""With EXIT_AFTER_PAINT: a file to write the wall-clock time of the first paint and the process's
CPU seconds by then to (bench/: start to paint without the shutdown, whose thread join adds up to
a quarter second either way)."""
GC_PAUSE_AT_MOST_SECONDS = 5.0
"""The longest the cyclic collector stays paused at start (``sopreview open`` pauses it)."""

textual_fixes.apply()

PALETTE_PLACEHOLDER = "Cari perintah… (mis. buka usulan, catat keputusan, ekspor)"


class SopReviewApp(KeyGate, App[None]):
    """Run an SOP review meeting from the keyboard."""

    CSS_PATH = "app.tcss"
    TITLE = "sopreview"
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("app")
    COMMANDS = App.COMMANDS | {SopCommands}
    cursor_blink: ClassVar[bool] = True
    """Blinking text cursors (snapshot tests turn this off)."""

    def __init__(
        self,
        session_path: Path | None,
        sops_dir: Path | None,
        *,
        clock: Callable[[], datetime] | None = None,
        readonly: bool = False,
        sessions_dir: Path | None = None,
    ) -> None:
        super().__init__()
        self.session_path = session_path
        self.sops_dir = sops_dir
        self.sessions_dir = sessions_dir or (session_path.parent if session_path else SESSIONS_DIR)
        self._clock: Callable[[], datetime] = clock or datetime.now
        self.want_readonly = readonly
        self.session: Session | None = None
        self.problems: list[Problem] = []
        self.changed: list[str] = []
        self.exit_after_paint = os.environ.get(EXIT_AFTER_PAINT_ENV) == "1"
        self._picker_shown = False
        self._load_problems = True
        self._heartbeat: Timer | None = None
        self._start_error: SessionError | None = None
        """Why the session named at start could not be opened (see get_default_screen)."""
        self._gc_frozen = False
        """The start-up's objects are frozen out of the cyclic collector's sight (resume_gc)."""
        # 7:1 everywhere: the operator's screen is often the one mirrored.
        start_in_theme(self, OPERATOR_THEME)

    @property
    def clock(self) -> Callable[[], datetime]:
        return self._clock

    def now(self) -> datetime:
        return self._clock()

    # -- start --------------------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """The agenda itself as the first screen when a session is named: Textual's blank default
        screen under it was styled, laid out and resumed for nothing (issue 17: start at 1,000).
        A session that cannot be opened ends the app from ``on_mount`` (nothing is mounted yet)."""
        if self.session_path is None:
            return super().get_default_screen()
        try:
            session = self._open(self.session_path)
        except SessionError as error:
            self._start_error = error
            return super().get_default_screen()
        self._adopt(session)
        return AgendaScreen()

    def on_mount(self) -> None:
        self.set_timer(GC_PAUSE_AT_MOST_SECONDS, self.resume_gc)  # the picker, or a start that fails
        if self._start_error is not None:
            self.exit(return_code=1, message=str(self._start_error))
        elif self.session_path is None:
            from sopreview.ui.screens.picker import SessionPickerScreen

            self.push_screen(SessionPickerScreen(self.sessions_dir, self.sops_dir))
            self._picker_shown = True
        elif self.session is not None:  # opened for the first screen
            self._session_started(self.session)

    def open_session(self, path: Path) -> bool:
        """Open a session file (read-only, with a banner, when another process holds it)."""
        try:
            session = self._open(path)
        except SessionError as error:
            self.notify(str(error), title="Sesi tidak dapat dibuka", severity="error", timeout=10, markup=False)
            return False
        self.start_session(session)
        return True

    def _open(self, path: Path) -> Session:
        """The session, every head checked (SessionError says why not)."""
        try:
            session = Session.open(path, readonly=self.want_readonly, clock=self._clock)
        except SessionLocked:
            session = Session.open(path, readonly=True, clock=self._clock)
        try:
            session.heads()  # the agenda lists them all: a bad snapshot index is refused here, not mid-draw
        except SessionError:
            session.close()
            raise
        return session

    def _adopt(self, session: Session, problems: list[Problem] | None = None) -> None:
        self.session = session
        self.session_path = session.path
        if problems is not None:
            self.problems = list(problems)
        self._load_problems = problems is None

    def start_session(self, session: Session, problems: list[Problem] | None = None) -> None:
        """Show the agenda of a session just opened or created."""
        self._adopt(session, problems)
        if self._picker_shown:
            self._picker_shown = False
            self.switch_screen(AgendaScreen())
        else:
            self.push_screen(AgendaScreen())
        self._session_started(session)

    def _session_started(self, session: Session) -> None:
        """What follows showing a session's agenda: the heartbeat and the opening warnings."""
        self.beat()
        if self._heartbeat is None and not session.readonly:
            from sopreview.store.heartbeat import INTERVAL_SECONDS

            self._heartbeat = self.set_interval(INTERVAL_SECONDS, self.beat)
        for warning in session.warnings:
            self.notify(holder_text(warning, self.now()), title="Perhatian", severity="warning", timeout=10, markup=False)

    def resume_gc(self) -> None:
        """The cyclic collector back on, if the command paused it for the start (cli/app_cmds.py)."""
        if not gc.isenabled():
            gc.enable()

    def freeze_start_up(self) -> None:
        """Once an agenda is painted: one collection of the start-up's garbage, then what is left
        (the session, the stylesheet, the modules) is frozen out of the collector's sight until
        the app ends. It lives as long as the app, and every full collection traversed it: 60-90
        ms pauses at 1,000 items, in the middle of whatever the operator did next (issue 17).
        After the picker it runs again for the session opened there (one ``unfreeze`` undoes all)."""
        self._gc_frozen = True
        gc.collect()
        gc.freeze()

    def agenda_painted(self) -> None:
        """After the agenda's first frame: check sops/ (not before, so it does not slow the start),
        then let the collector catch up with the start-up (its first run takes tens of ms)."""
        if self.exit_after_paint:
            stamp = os.environ.get(PAINT_STAMP_ENV)
            if stamp:
                import time

                Path(stamp).write_text(f"{time.time()!r} {time.process_time()!r}", encoding="utf-8")
            self.exit()
            return
        session = self.session
        sops_dir = self.sops_dir or (session.sops_dir if session is not None else None)
        if sops_dir is not None and sops_dir.is_dir():
            self._check_sops(sops_dir, self._load_problems, session.created if session is not None else None)
        self.call_later(self.freeze_start_up)
        self.call_later(self.resume_gc)

    @work(thread=True, exclusive=True, group="periksa-sops")
    def _check_sops(self, sops_dir: Path, load: bool, created: str | None) -> None:
        """Read sops/ once, off the UI thread, for its problems and what changed since the snapshot.

        A session just created from the form (``load`` False) has its problems already and
        cannot have changed yet. The session itself is only touched on the UI thread."""
        if not load:
            return
        from sopreview.domain.loader import load_sops
        from sopreview.domain.records import proposal_hash

        try:
            result = load_sops(sops_dir)
        except OSError as error:
            self.call_from_thread(
                self.notify, f"{sops_dir}: tidak terbaca ({error.strerror})", severity="error", markup=False
            )
            return
        try:  # a stat walk first: nothing touched since the session was made, nothing to compare
            touched = created is None or sops_touched_since(sops_dir, created)
        except (OSError, ValueError):
            touched = True
        hashes = {p.id: proposal_hash(p) for p in result.proposals} if touched else None
        self.call_from_thread(self._show_check, result.problems, hashes)

    def _show_check(self, problems: list[Problem], hashes: dict[str, str] | None) -> None:
        """Show what the check found; nothing new (the usual case) re-reads nothing."""
        session = self.session
        if session is None:
            return
        changed = session.changed_against(hashes) if hashes is not None else []
        if problems == self.problems and changed == self.changed:
            return
        self.problems = problems
        self.changed = changed
        self.session_changed()
        errors = sum(1 for p in self.problems if p.is_error)
        if errors or self.changed:
            self.notify(
                f"{errors} galat berkas SOP, {len(self.changed)} usulan berubah sejak sesi dibuat. "
                "Tekan g untuk melihat.",
                title="Periksa folder sops/",
                severity="warning",
            )

    # -- shared by the screens ----------------------------------------------------------------

    def session_changed(self) -> None:
        """Every screen showing the session re-reads it; an agenda hidden under a proposal does so
        when it is shown again (its N rows are the costly part of opening a proposal at 10,000)."""
        hidden = self._hidden_screens()
        for screen in self.screen_stack:
            if not screen.is_mounted:
                continue
            if isinstance(screen, AgendaScreen) and screen in hidden:
                screen.mark_stale()
                continue
            if isinstance(screen, SessionScreen):
                screen.refresh_from_session()
                screen.refresh_bindings()  # s and j change meaning with the clock
            elif callable(refresh := getattr(screen, "refresh_from_session", None)):
                refresh()  # the projector over the agenda

    def _hidden_screens(self) -> set[Screen]:
        """Screens no one sees: below the top one and below every modal screen over it."""
        stack = list(self.screen_stack)
        visible = len(stack) - 1
        while visible > 0 and isinstance(stack[visible], ModalScreen):
            visible -= 1
        return set(stack[:visible])

    def top_session_screen(self) -> SessionScreen | None:
        for screen in reversed(self.screen_stack):
            if isinstance(screen, SessionScreen):
                return screen
        return None

    def open_proposal(self, pid: str, *, replace: bool = False, tab: str = "ringkasan") -> None:
        """Show a proposal; viewing never starts (or restarts) a clock, starting is offered.

        The proposal becomes the session's current item, so the projector follows and the
        agenda's highlight is on it when the operator goes back."""
        from sopreview.domain.clock import offer_start
        from sopreview.ui.screens.proposal import ProposalScreen

        session = self.session
        assert session is not None
        if not session.readonly and session.current().pid != pid:
            try:
                session.set_current(pid)
            except SessionError as error:
                self.notify(str(error), title="Tidak tersimpan", severity="error", markup=False)
        screen = ProposalScreen(pid, tab)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        self.session_changed()
        if not session.readonly and offer_start(session.decision(pid) is not None, session.clock(pid).running):
            self.notify("Tekan s untuk mulai membahas usulan ini (jamnya mulai berjalan).", title="Belum dibahas",
                        markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in Indonesian (quit and help come from the keymap)."""
        yield SystemCommand("Tema warna", "Ganti tema warna aplikasi", self.action_change_theme)
        yield SystemCommand(
            "Tangkapan layar", "Simpan gambar SVG layar ini", lambda: self.set_timer(0.1, self.deliver_screenshot)
        )

    def action_command_palette(self) -> None:
        """Textual's palette with an Indonesian prompt (its own default is English)."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(CommandPalette(placeholder=PALETTE_PLACEHOLDER, id="--command-palette"))

    def action_help(self) -> None:
        from sopreview.ui.screens.help import HelpScreen

        self.push_screen(HelpScreen())

    # -- stop ---------------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Quit at once, except mid-discussion: then ask once (the answer ``q`` again quits)."""
        from sopreview.ui.screens.confirm import ConfirmQuit  # not needed to start (issue 17)

        session = self.session
        if (session is not None and not session.readonly and session.running_item() is not None
                and not isinstance(self.screen, ConfirmQuit)):
            nama = session.proposal(session.running_item() or "").nama
            self.push_screen(ConfirmQuit(nama), self._quit_answer)
            return
        self.exit(message=self.close_session())

    def _quit_answer(self, confirmed: bool | None) -> None:
        if confirmed:
            self.exit(message=self.close_session())

    def action_help_quit(self) -> None:
        """Ctrl+C with nothing to copy (in a field with a selection it copies): say, in Indonesian,
        what it does here and how to quit, instead of Textual's English hint."""
        self.notify("Ctrl+C menyalin teks yang dipilih (Shift+panah) di kolom isian. Untuk keluar tekan q "
                    "di luar kolom isian.", title="Keluar?", markup=False)

    def beat(self) -> None:
        """The operator is here (``store/heartbeat.py``): a crash stops the clock at the last beat."""
        from sopreview.store import heartbeat

        session = self.session
        if session is not None and not session.readonly:
            heartbeat.beat(session.path, self.now())

    def on_unmount(self) -> None:
        try:
            self.close_session()
        finally:
            if self._gc_frozen:  # the app's objects become collectable again (tests run many apps per process)
                self._gc_frozen = False
                gc.unfreeze()

    def close_session(self) -> str | None:
        """Stop the running clock (time away is not meeting time) and release the lock.

        Returns the store's message when the clock could not be saved, so quitting says so."""
        from sopreview.store import heartbeat

        session = self.session
        if session is None:
            return None
        self.session = None
        try:
            running = session.running_item()
            if not session.readonly and running is not None:
                session.close_item(running)
            if not session.readonly:
                heartbeat.clear(session.path)
        except SessionError as error:
            return f"Jam usulan tidak tersimpan: {error}"
        finally:
            session.close()
        return None
