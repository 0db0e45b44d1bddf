"""The "Rapat baru" form: the notulen header fields, then a session made from sops/.

Each field is checked by the domain's own rule (``validate_meta``) and errors are shown in
place; the session is created by the same function the demo and the CLI use.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from sopreview.demo import CannotStart, create_session
from sopreview.domain.evaluation import SelectionError
from sopreview.domain.header import MeetingMeta, validate_meta
from sopreview.domain.model import Proposal
from sopreview.domain.problems import Problem
from sopreview.store.catalog import is_session_name
from sopreview.store.errors import SessionError
from sopreview.store.session import Session
from sopreview.ui.appref import SopAppAccess

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("judul", "Judul rapat", "Rapat Evaluasi SOP Administrasi Pemerintahan"),
    ("tanggal", "Tanggal (YYYY-MM-DD)", ""),
    ("waktu_mulai", "Waktu mulai (JJ:MM)", ""),
    ("tempat", "Tempat", ""),
    ("ketua", "Pimpinan rapat (ketua)", ""),
    ("notulis", "Notulis", ""),
)
"""(meta field, label, default) in form order; date and time default to now."""

def check_name(name: str, sessions_dir: Path) -> str | None:
    """Error for a session file name, or None (a plain name, not a path, not taken)."""
    if not is_session_name(name):
        return "Nama berkas hanya boleh huruf, angka, titik, - dan _ (tanpa spasi atau garis miring)."
    if (sessions_dir / f"{name}.json").exists():
        return f"{sessions_dir / (name + '.json')} sudah ada; pilih nama lain."
    return None


def free_name(base: str, sessions_dir: Path) -> str:
    name, n = base, 2
    while (sessions_dir / f"{name}.json").exists():
        name, n = f"{base}-{n}", n + 1
    return name


class NewMeetingScreen(SopAppAccess, Screen[tuple[Session, list[Problem]] | None]):
    """Fill in the header of the notulen and create the session."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "create", "Buat sesi", id="baru.buat"),
        Binding("escape", "cancel", "Batal", id="baru.batal"),
    ]

    def __init__(self, sessions_dir: Path, sops_dir: Path) -> None:
        super().__init__()
        self.sessions_dir = sessions_dir
        self.sops_dir = sops_dir

    def compose(self) -> ComposeResult:
        now = self.sop_app.now()
        defaults = {"tanggal": now.strftime("%Y-%m-%d"), "waktu_mulai": now.strftime("%H:%M")}
        yield Static("Rapat baru", id="form-title", markup=False)
        yield Static(f"Usulan dibaca dari {self.sops_dir}; sesi disimpan di {self.sessions_dir}.", id="form-where", markup=False)
        with VerticalScroll(id="form-body"), Grid(id="form-grid"):
            yield Label("Nama berkas sesi", classes="field-label")
            yield Input(free_name(f"rapat-{defaults['tanggal']}", self.sessions_dir), id="f-nama", compact=True)
            for name, label, default in FIELDS:
                yield Label(label, classes="field-label")
                yield Input(defaults.get(name, default), id=f"f-{name}", compact=True)
            yield Label("SOP berlaku dievaluasi", classes="field-label")
            yield Input("", id="f-evaluasi", compact=True,
                        placeholder="kosong, semua, jatuh-tempo, kode sub bagian atau id SOP (pisahkan dengan koma)")
        yield Static("", id="form-error", markup=False)
        with Horizontal(id="form-buttons"):
            yield Button("Buat sesi (Ctrl+S)", id="form-create", variant="primary", compact=True)
            yield Button("Batal (Esc)", id="form-cancel", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        for widget in self.query(Input):
            widget.cursor_blink = self.sop_app.cursor_blink
        self.query_one("#f-judul", Input).focus()

    def _value(self, name: str) -> str:
        return self.query_one(f"#f-{name}", Input).value.strip()

    def _error(self, message: str) -> None:
        self.query_one("#form-error", Static).update(message)

    @on(Button.Pressed, "#form-create")
    def action_create(self) -> None:
        name = self._value("nama")
        problem = check_name(name, self.sessions_dir)
        if problem:
            self._error(problem)
            self.query_one("#f-nama", Input).focus()
            return
        values = {field: self._value(field) for field, _label, _default in FIELDS}
        for field, _label, _default in FIELDS:
            problem = validate_meta(field, values[field])
            if problem:
                self._error(problem)
                self.query_one(f"#f-{field}", Input).focus()
                return
        meta = MeetingMeta.from_dict(values)
        try:
            evaluasi = self._evaluation_items(values["tanggal"])
        except SelectionError as error:
            self._error(str(error).replace("--evaluasi ", "SOP berlaku dievaluasi: ", 1))
            self.query_one("#f-evaluasi", Input).focus()
            return
        try:
            session, result = create_session(self.sessions_dir / f"{name}.json", self.sops_dir, meta,
                                             clock=self.sop_app.clock, evaluasi=evaluasi)
        except (CannotStart, SessionError, OSError) as error:
            self._error(str(error))
            return
        self.dismiss((session, result.problems))
        if result.errors:
            self.notify(
                f"{len(result.errors)} galat di berkas SOP: usulan itu tidak masuk agenda. Tekan g untuk melihat.",
                severity="warning",
                timeout=8,
            )

    def _evaluation_items(self, tanggal: str) -> list[Proposal]:
        """SOPs in force to evaluate, from the form's words (issue 14); SelectionError names what exists."""
        words = self._value("evaluasi")
        if not words:
            return []
        from sopreview.lifecycle.agenda_items import evaluation_items

        return evaluation_items(self.sops_dir, [words], tanggal)[0]

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
