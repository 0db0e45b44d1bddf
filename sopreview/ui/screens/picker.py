"""The start screen: recent sessions (date, progress) and "Rapat baru" to start one.

What `sopreview` shows when run without a subcommand in a folder with sops/ and sessions/.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from sopreview.domain.problems import Problem
from sopreview.domain.dates import hari_tanggal, parse_iso_date
from sopreview.store.catalog import SessionSummary, list_sessions
from sopreview.store.errors import SessionError
from sopreview.store.session import Session
from sopreview.ui import keymap
from sopreview.ui.fmt import fit
from sopreview.ui.appref import SopAppAccess

NEW_ID = "__rapat_baru__"


def _modified(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value).strftime("%d-%m-%Y %H:%M")
    return str(value or "")


def session_prompt(summary: SessionSummary, width: int) -> Content:
    day = parse_iso_date(summary.tanggal)
    when = hari_tanggal(day) if day else (summary.tanggal or "tanpa tanggal")
    progress = f"{summary.decided}/{summary.total} diputuskan"
    detail = f"{when} · {progress} · {summary.path.name} · diubah {_modified(summary.modified)}"
    parts: list[str | tuple[str, str]] = [
        (fit(summary.judul or summary.path.stem, width).rstrip(), "bold"),
        "\n",
        (fit(detail, width).rstrip(), "$text-muted"),
    ]
    if summary.masalah:
        parts += ["\n", (fit(f"Tidak dapat dibuka: {summary.masalah}", width).rstrip(), "$text-error")]
    elif summary.dipegang:
        parts += ["\n", (fit(f"Sedang dibuka oleh {summary.dipegang} (akan dibuka hanya-baca)", width).rstrip(),
                          "$text-warning")]
    return Content.assemble(*parts)


class SessionList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("pemilih", target="list")


class SessionPickerScreen(SopAppAccess, Screen[None]):
    """Choose a session from ``sessions_dir`` or start a new meeting from ``sops_dir``."""

    BINDINGS: ClassVar[list[BindingType]] = keymap.bindings("pemilih")

    def __init__(self, sessions_dir: Path, sops_dir: Path | None) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.sops_dir = sops_dir
        self._paths: dict[str, Path] = {}

    def compose(self) -> ComposeResult:
        yield Static("sopreview — Rapat evaluasi SOP", id="picker-title", markup=False)
        yield Static(id="picker-where", markup=False)
        yield SessionList(id="sessions")
        yield Static(id="picker-error", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        sops = str(self.sops_dir) if self.sops_dir else "tidak ada (Rapat baru tidak tersedia)"
        self.query_one("#picker-where", Static).update(f"Folder sesi: {self.sessions_dir}   ·   Folder SOP: {sops}")
        self.reload()
        self.query_one(SessionList).focus()

    def reload(self) -> None:
        """Re-list the sessions folder (newest first)."""
        listing = self.query_one(SessionList)
        width = max(self.size.width - 4, 40)
        options = [Option(Content.styled("+ Rapat baru…  (buat sesi dari folder sops/)", "bold $accent"), id=NEW_ID)]
        error = ""
        self._paths = {}
        summaries: list[SessionSummary] = []
        if self.sessions_dir.is_dir():
            try:
                summaries = list(list_sessions(self.sessions_dir))
            except SessionError as exc:
                error = str(exc)
        for index, summary in enumerate(summaries):
            option_id = f"sesi{index}"
            self._paths[option_id] = summary.path
            options.append(Option(session_prompt(summary, width), id=option_id))
        if not summaries:
            error = error or f"Belum ada sesi di {self.sessions_dir}. Pilih “Rapat baru” untuk memulai."
        listing.set_options(options)
        listing.highlighted = 1 if summaries else 0
        self.query_one("#picker-error", Static).update(error)

    @on(OptionList.OptionSelected, "#sessions")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id == NEW_ID:
            self.action_new()
        elif event.option.id in self._paths:
            self.sop_app.open_session(self._paths[event.option.id])

    def action_new(self) -> None:
        if self.sops_dir is None or not self.sops_dir.is_dir():
            self.notify(
                "Folder sops/ tidak ditemukan: jalankan sopreview dari folder yang berisi sops/.",
                severity="error",
            )
            return
        from sopreview.ui.screens.new_meeting import NewMeetingScreen

        self.app.push_screen(NewMeetingScreen(self.sessions_dir, self.sops_dir), self._created)

    def _created(self, created: tuple[Session, list[Problem]] | None) -> None:
        if created is not None:
            session, problems = created
            self.sop_app.start_session(session, problems)
