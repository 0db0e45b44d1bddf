"""Follow mode: a read-only projector window on a second screen (or in a browser).

It opens the session read-only, polls the file every ~250 ms (a stat, so it is cheap) and
shows whatever the operator's instance shows: the current item and projector tab, and the
decision as soon as it is recorded. It never writes to the session and never touches the
operator's lock, so it can run beside the operator for the whole meeting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from sopreview.store.session import Session, SessionError
from sopreview.ui import textual_fixes
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.theme import PROJECTOR_THEME, start_in_theme

POLL_SECONDS = 0.25

textual_fixes.apply()


class FollowApp(App[None]):
    """Shows the operator's current item on the projector, read-only.

    ``locked`` (serve): anyone in the room can reach the browser's keyboard, so no key does
    anything: not quit, not change the view, not open the command palette."""

    TITLE = "sopreview — proyektor"
    BINDINGS = [
        Binding("ctrl+q", "quit", "Keluar", priority=True),
        Binding("q", "quit", "Keluar", show=False),  # Esc quits too (ProjectorScreen in follow mode)
    ]

    def __init__(
        self,
        session_path: Path,
        *,
        poll_seconds: float = POLL_SECONDS,
        clock: Callable[[], datetime] | None = None,
        locked: bool = False,
    ) -> None:
        super().__init__()
        self.locked = locked
        if locked:
            self.ENABLE_COMMAND_PALETTE = False
        self.session_path = Path(session_path)
        self.poll_seconds = poll_seconds
        self._clock = clock
        self.session: Session | None = None
        self.projector: ProjectorScreen | None = None
        self._read_error: str | None = None
        start_in_theme(self, PROJECTOR_THEME)  # as SopReviewApp: one CSS build

    async def on_mount(self) -> None:
        try:
            self.session = Session.open(self.session_path, readonly=True, clock=self._clock)
        except SessionError as error:
            self.exit(return_code=1, message=str(error))
            return
        pid, tab = self.session.current()
        self.projector = ProjectorScreen(self.session, pid, tab=tab, follow=True, locked=self.locked)
        await self.push_screen(self.projector)
        self.set_interval(self.poll_seconds, self.poll)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Locked: every key binding is refused (quit, help-quit, palette, screenshots)."""
        return not self.locked

    async def poll(self) -> None:
        """Re-read the session if the operator saved something, and show it."""
        if self.session is None or self.projector is None:
            return
        try:
            changed = self.session.reload()
        except SessionError as error:  # e.g. caught mid-replace: try again on the next tick
            if str(error) != self._read_error:
                self._read_error = str(error)
                self.notify(str(error), title="Sesi tidak terbaca", severity="warning", markup=False)
            return
        self._read_error = None
        if changed:
            pid, tab = self.session.current()
            await self.projector.follow_current(pid, tab)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()
