"""Small apps that mount the flowchart widgets directly (independent of the main app)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from textual.app import App, ComposeResult

from sopreview.domain.model import Proposal, SopDocument
from sopreview.store.session import Session
from sopreview.ui.screens.projector import ProjectorScreen
from sopreview.ui.theme import PROJECTOR_THEME, register_themes
from sopreview.ui.widgets.changes import ChangeView
from sopreview.ui.widgets.flowchart import FlowchartView

WIB = timezone(timedelta(hours=7))
T0 = datetime(2022, 6, 16, 9, 0, tzinfo=WIB)


class FlowchartApp(App[None]):
    def __init__(self, dokumen: SopDocument, *, theme: str | None = None, **kwargs: object) -> None:
        super().__init__()
        self.dokumen = dokumen
        self.kwargs = kwargs
        self._theme_name = theme

    def compose(self) -> ComposeResult:
        yield FlowchartView(self.dokumen, **self.kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        register_themes(self)
        if self._theme_name:
            self.theme = self._theme_name


class ChangeApp(App[None]):
    def __init__(self, proposal: Proposal, **kwargs: object) -> None:
        super().__init__()
        self.proposal = proposal
        self.kwargs = kwargs

    def compose(self) -> ComposeResult:
        yield ChangeView(self.proposal, **self.kwargs)  # type: ignore[arg-type]

    def on_mount(self) -> None:
        register_themes(self)
        self.theme = PROJECTOR_THEME


class ProjectorApp(App[None]):
    """Pushes the projector screen for one item of an open session, as the main app does with p."""

    def __init__(self, session: Session, pid: str | None, tab: str | None = None) -> None:
        super().__init__()
        self.session = session
        self.pid = pid
        self.tab = tab

    def on_mount(self) -> None:
        self.push_screen(ProjectorScreen(self.session, self.pid, tab=self.tab))


class FixedClock:
    """A settable clock so the countdown is deterministic."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_session(path: Path, proposals: list[Proposal], organisasi: object, clock: FixedClock) -> Session:
    return Session.create(path, organisasi, proposals, clock=clock)  # type: ignore[arg-type]
