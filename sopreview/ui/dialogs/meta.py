"""Data rapat: the meeting header of the notulen, editable for the whole meeting.

The new-meeting form asks only what is needed to start; sekretaris, surat undangan, waktu
selesai, pembukaan and kesimpulan are known later (kesimpulan only at the end), so they are
filled in here. Each field is checked with the domain's ``validate_meta`` (the same rule the
store applies) and only the changed fields are written, in one ``Session.set_meta`` call.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Button, Input, Label, TextArea

from sopreview.domain.header import META_LABEL, MeetingMeta, validate_meta
from sopreview.store.session import Session

from ._base import SessionDialog, continue_after, end_of, sentence

LINE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("judul", META_LABEL["judul"], "Rapat Evaluasi SOP"),
    ("tanggal", META_LABEL["tanggal"], "TTTT-BB-HH, misalnya 2022-06-16"),
    ("tempat", META_LABEL["tempat"], "Ruang rapat"),
    ("waktu_mulai", META_LABEL["waktu_mulai"], "JJ:MM, misalnya 09:00"),
    ("waktu_selesai", META_LABEL["waktu_selesai"], "JJ:MM, misalnya 12:00"),
    ("surat_undangan", META_LABEL["surat_undangan"], "Nomor dan tanggal surat undangan"),
    ("ketua", META_LABEL["ketua"], "Nama (daftar peserta disarankan)"),
    ("sekretaris", META_LABEL["sekretaris"], "Nama (daftar peserta disarankan)"),
    ("notulis", META_LABEL["notulis"], "Nama (daftar peserta disarankan)"),
)
"""One-line fields: (meta field, label, placeholder), in the order of the notulen header.

Labels are the domain's META_LABEL, so an error message names the label on the form."""

TEXT_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("pembukaan", META_LABEL["pembukaan"], "Pembukaan oleh ketua rapat: maksud dan tujuan rapat."),
    ("kesimpulan", META_LABEL["kesimpulan"], "Kesimpulan rapat (diisi di akhir rapat)."),
)
"""Multi-line fields (paragraphs of the notulen)."""

_PEOPLE_FIELDS = frozenset({"ketua", "sekretaris", "notulis"})


def field_problem(name: str, value: str) -> str | None:
    """validate_meta's message, starting with the field's label (users never see field ids)."""
    problem = validate_meta(name, value)
    return None if problem is None else sentence(problem)


class MetaDialog(SessionDialog):
    """The meeting header; Ctrl+S saves the changed fields, Esc twice drops unsaved edits."""

    DIALOG_TITLE = "Data Rapat"
    DIALOG_WIDTH = 90

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Simpan", id="meta.save"),
    ]

    DEFAULT_CSS = """
    MetaDialog .meta-row {
        height: auto;
    }
    MetaDialog .meta-row Label {
        width: 22;  /* "Nomor surat undangan" on one line */
        color: $text-muted;
    }
    MetaDialog .meta-row Input {
        width: 1fr;
    }
    MetaDialog #meta-rows {
        height: auto;
        margin-top: 1;
    }
    MetaDialog TextArea {
        height: 4;
    }
    """

    def __init__(self, session: Session) -> None:
        super().__init__(session, None)
        self._saved: MeetingMeta = self.read(lambda: session.meta, MeetingMeta())
        self._people: list[str] = self.read(lambda: [o.nama for o in session.people()], [])
        self._warned = False

    def heading(self) -> str:
        return "Kepala notulen. Enter: kolom berikut · Ctrl+S: simpan perubahan."

    def compose_body(self) -> Iterable[Widget]:
        suggester = SuggestFromList(self._people, case_sensitive=False) if self._people else None
        for name, label, placeholder in LINE_FIELDS:
            with Horizontal(classes="meta-row"):
                yield Label(label)
                yield Input(
                    str(getattr(self._saved, name)),
                    placeholder=placeholder,
                    id=f"meta-{name}",
                    compact=True,
                    disabled=self.readonly,
                    suggester=suggester if name in _PEOPLE_FIELDS else None,
                )
        for name, label, placeholder in TEXT_FIELDS:
            yield Label(label, classes="field-label")
            yield end_of(TextArea(
                continue_after(str(getattr(self._saved, name))),
                id=f"meta-{name}",
                read_only=self.readonly,
                soft_wrap=True,
                show_line_numbers=False,
                placeholder=placeholder,
            ))

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Simpan", id="meta-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="meta-cancel", compact=True)

    def on_mount(self) -> None:
        if not self.readonly:
            self.query_one("#meta-judul", Input).focus()

    # -- reading the form -----------------------------------------------------------------

    def values(self) -> dict[str, str]:
        """Every field as typed (trimmed)."""
        out = {name: self.query_one(f"#meta-{name}", Input).value.strip() for name, _, _ in LINE_FIELDS}
        out.update({name: self.query_one(f"#meta-{name}", TextArea).text.strip() for name, _, _ in TEXT_FIELDS})
        return out

    def changed(self) -> dict[str, str]:
        return {name: value for name, value in self.values().items() if value != getattr(self._saved, name).strip()}

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        self._warned = False
        if isinstance(event, Input.Changed) and event.input.has_class("-invalid"):
            name = (event.input.id or "").removeprefix("meta-")
            event.input.set_class(field_problem(name, event.value.strip()) is not None, "-invalid")
        self.clear_error()

    # -- saving ---------------------------------------------------------------------------

    @on(Button.Pressed, "#meta-save")
    def action_save(self) -> None:
        changed = self.changed()
        problems: list[tuple[str, str]] = []
        for name, value in changed.items():
            problem = field_problem(name, value)
            widget = self.query_one(f"#meta-{name}")
            widget.set_class(problem is not None, "-invalid")
            if problem:
                problems.append((name, problem))
        if problems:
            name, first = problems[0]
            more = f" (dan {len(problems) - 1} kolom lain)" if len(problems) > 1 else ""
            self.show_error(sentence(first) + more)
            self.query_one(f"#meta-{name}").focus()
            return
        if not changed:
            self.dismiss("Data rapat tidak berubah")
            return
        done, _ = self.write(lambda: self.session.set_meta(**changed))
        if done:
            names = ", ".join(META_LABEL[name].lower() for name in changed)
            self.dismiss(f"Data rapat disimpan: {names}")

    @on(Button.Pressed, "#meta-cancel")
    def action_cancel(self) -> None:
        """Leave; unsaved edits are only dropped on the second Esc, so one slip loses nothing."""
        if self.readonly or self._warned or not self.changed():
            self.dismiss(None)
            return
        self._warned = True
        self.show_error("Data rapat belum disimpan. Ctrl+S untuk menyimpan, Esc sekali lagi untuk membuang.")
