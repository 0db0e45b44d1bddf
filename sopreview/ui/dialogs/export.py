"""Export the notulen: pick a format and a folder that already exists.

The minutes package is imported when the dialog opens, not when the app starts: the agenda
should paint without loading the renderers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar
from weakref import WeakKeyDictionary

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Static

from sopreview.store.session import Session, SessionError

from ._base import SessionDialog
from ._choices import ChoiceList

_PICK = Binding.Group("Format", compact=True)
MAX_FORMATS = 9


@dataclass(frozen=True)
class LastExport:
    """What the previous export of this app run used: the next one starts from it."""

    folder: str
    fmt: str


_LAST: WeakKeyDictionary[App[object], LastExport] = WeakKeyDictionary()
"""Per running app (so tests and a second app never share it); gone when the app is."""


def last_export(app: App[object]) -> LastExport | None:
    return _LAST.get(app)


class ExportDialog(SessionDialog):
    """Write the minutes of the session in one format into a folder the user names."""

    DIALOG_TITLE = "Ekspor Notulen"
    WRITES = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Ekspor", id="export.run"),
        *[
            Binding(str(n), f"choose({n - 1})", f"Format {n}", group=_PICK, key_display=str(n))
            for n in range(1, MAX_FORMATS + 1)
        ],
    ]

    DEFAULT_CSS = """
    ExportDialog #export-formats {
        margin-top: 1;
    }
    ExportDialog #export-file {
        color: $text-muted;
    }
    """

    def __init__(self, session: Session, default_format: str = "docx") -> None:
        super().__init__(session, None)
        from sopreview.minutes.formats import FORMATS

        self._formats: dict[str, str] = {f.key: f.label for f in FORMATS[:MAX_FORMATS]}
        self._keys = tuple(self._formats)
        self._chosen = default_format if default_format in self._formats else self._keys[0]
        self._folder = str(session.path.parent.resolve())
        self._draft_ok = False
        """The meeting is not closed and the operator chose to export a draft anyway."""

    def _remembered(self) -> None:
        """Start from the folder and format of the last export in this app run."""
        last = last_export(self.app)
        if last is not None:
            self._folder = last.folder
            if last.fmt in self._formats:
                self._chosen = last.fmt

    def heading(self) -> str:
        return f"Pilih format (1-{len(self._keys)} atau panah), lalu folder tujuan yang sudah ada."

    def compose_body(self) -> Iterable[Widget]:
        self._remembered()
        yield ChoiceList(
            [(fmt, f"{label} (.{fmt})") for fmt, label in self._formats.items()], self._chosen, id="export-formats"
        )
        yield Label("Folder tujuan", classes="field-label")
        yield Input(self._folder, id="export-folder", compact=True)
        yield Static("", id="export-file", markup=False)

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Ekspor", id="export-run", variant="primary", compact=True)
        yield Button("Batal", id="export-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()
        self._show_file()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters and int(str(parameters[0])) >= len(self._keys):
            return False  # keys past the last format do nothing and are not shown
        return super().check_action(action, parameters)

    # -- choosing -------------------------------------------------------------------------

    def _file_name(self) -> str:
        from sopreview.minutes.export import default_path

        return default_path(self.session.path, self._chosen).name

    def _show_file(self) -> None:
        """Say which file will be written, and that an older export of it is replaced."""
        raw = self.query_one("#export-folder", Input).value.strip()
        target = Path(raw).expanduser() / self._file_name() if raw else None
        note = " (sudah ada, akan ditimpa)" if target is not None and target.is_file() else ""
        self.query_one("#export-file", Static).update(f"Berkas: {self._file_name()}{note}")

    @on(Input.Changed, "#export-folder")
    def _folder_changed(self) -> None:
        self.clear_error()
        self._show_file()

    def action_choose(self, index: int) -> None:
        self.query_one(ChoiceList).choose_index(index)

    @on(ChoiceList.Changed, "#export-formats")
    def _changed(self, event: ChoiceList.Changed) -> None:
        self._chosen = event.value
        self._show_file()

    @on(OptionList.OptionSelected, "#export-formats")
    def _selected(self) -> None:
        self.query_one("#export-folder", Input).focus()

    # -- exporting ------------------------------------------------------------------------

    @on(Input.Submitted, "#export-folder")
    @on(Button.Pressed, "#export-run")
    def action_save(self) -> None:
        from sopreview.minutes.export import ExportError, export_minutes
        from sopreview.store.outputs import output_guard

        raw = self.query_one("#export-folder", Input).value.strip()
        if not raw:
            self.show_error("Isi folder tujuan.")
            return
        folder = Path(raw).expanduser()
        if not folder.is_dir():
            self.show_error(f"{folder} bukan folder yang ada. Buat foldernya dahulu, atau pilih folder lain.")
            self.query_one("#export-folder", Input).focus()
            return
        if self.session.closed_at() is None and not self._draft_ok:
            self._ask_draft()
            return
        try:
            written = export_minutes(self.session, self._chosen, folder / self._file_name(), within=folder,
                                     guard=output_guard(self.session))
        except (ExportError, SessionError, OSError) as error:
            self.show_error(f"Ekspor gagal: {error}")
            return
        _LAST[self.app] = LastExport(raw, self._chosen)
        draft = " (draf: rapat belum ditutup)" if self._draft_ok else ""
        self.dismiss(f"Notulen diekspor ke {written}{draft}")

    def _ask_draft(self) -> None:
        """Minutes come after the read-back (b) and closing (T); before that only as a draft, if asked."""
        from sopreview.ui.screens.confirm import ConfirmDraftExport

        def answered(draft: bool | None) -> None:
            if draft:
                self._draft_ok = True
                self.action_save()

        self.app.push_screen(ConfirmDraftExport(), answered)

    @on(Button.Pressed, "#export-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
