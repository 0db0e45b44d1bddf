"""Amend one step in the meeting (issue 15): edit, insert, delete or move, checked as you type.

The dialog builds one :class:`~sopreview.domain.amendment.Amendment` from its fields and asks
the domain what it would give: the same check the CLI and the session store run, so the line
under the fields says exactly why a result would be refused (a ``lanjut`` to nowhere, a
decision without two answers, an actor left without a step) before anything is saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static

from sopreview.domain.amendment import (
    HAPUS, PINDAH, SISIP, TEXT_FIELDS, UBAH, Amendment, AmendmentError, branches_of, check_amendment,
    parse_branches,
)
from sopreview.domain.model import SopDocument, Step
from sopreview.store.session import Session

from ._base import SessionDialog

TITLES: dict[str, str] = {
    UBAH: "Ubah Langkah", SISIP: "Sisipkan Langkah", HAPUS: "Hapus Langkah", PINDAH: "Pindahkan Langkah",
}
FIELD_LABEL: dict[str, str] = {
    "kegiatan": "Kegiatan", "pelaksana": "Pelaksana", "kelengkapan": "Kelengkapan", "waktu": "Waktu",
    "output": "Output", "keterangan": "Keterangan", "keputusan": "Keputusan",
    "lanjut": "Lanjut ke langkah",
}
PLACEHOLDER: dict[str, str] = {
    "keputusan": "kosong: bukan keputusan; mis. ya=5, tidak=3", "lanjut": "kosong: ke langkah berikutnya",
}
INPUTS = ("kegiatan", "kelengkapan", "waktu", "output", "keterangan", "keputusan", "lanjut")
"""Text fields in Tab order (the actor is a Select after the activity)."""


class AmendmentDialog(SessionDialog):
    """One amendment of the step ``nomor`` of the version under discussion."""

    DIALOG_TITLE = "Amandemen Langkah"
    DIALOG_WIDTH = 90

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Catat", id="amandemen.save"),
    ]

    DEFAULT_CSS = """
    AmendmentDialog #amend-form {
        grid-size: 2;
        grid-columns: 24 1fr;
        grid-gutter: 0 1;
        height: auto;
        margin-top: 1;
    }
    AmendmentDialog #amend-form Label { color: $text-muted; }
    AmendmentDialog #amend-step { margin-top: 1; height: auto; }
    AmendmentDialog #amend-check { margin-top: 1; height: auto; }
    AmendmentDialog #amend-check.-ok { color: $text-success; }
    AmendmentDialog #amend-check.-refused { color: $text-error; }
    """

    def __init__(self, session: Session, proposal_id: str, jenis: str, nomor: int) -> None:
        super().__init__(session, proposal_id)
        self.jenis = jenis
        self.nomor = nomor
        self.DIALOG_TITLE = TITLES[jenis]
        self.doc: SopDocument = self.read(lambda: session.amended(proposal_id).dokumen, SopDocument(nama=""))
        self.step: Step | None = self.doc.step(nomor)
        self.amendment: Amendment | None = None
        self.words = ""

    # -- layout ---------------------------------------------------------------------------
    def compose_body(self) -> Iterable[Widget]:
        step = self.step
        if step is None:
            yield Static(f"Langkah {self.nomor} tidak ada.", id="amend-step", markup=False)
            return
        where = {UBAH: f"Langkah {step.nomor}", HAPUS: f"Langkah {step.nomor}", PINDAH: f"Langkah {step.nomor}",
                 SISIP: f"Langkah baru di posisi {self.position}, sesudah langkah {self.position - 1}"}[self.jenis]
        yield Static(f"{where}: {step.kegiatan} — {step.pelaksana}" if self.jenis != SISIP else where,
                     id="amend-step", markup=False)
        if self.jenis in (UBAH, SISIP):
            source = step if self.jenis == UBAH else Step(0, "", step.pelaksana)
            with Grid(id="amend-form"):
                for name in INPUTS:
                    yield Label(FIELD_LABEL[name])
                    yield Input(self._initial(source, name), id=f"amend-{name}", compact=True,
                                disabled=self.readonly, placeholder=PLACEHOLDER.get(name, ""))
                    if name == "kegiatan":
                        yield Label(FIELD_LABEL["pelaksana"])
                        yield Select([(a, a) for a in self.doc.pelaksana], value=source.pelaksana,
                                     allow_blank=False, id="amend-pelaksana", compact=True, disabled=self.readonly)
        elif self.jenis == PINDAH:
            with Grid(id="amend-form"):
                yield Label(f"Ke posisi (2–{len(self.doc.langkah) - 1})")
                yield Input(str(max(2, step.nomor - 1)), id="amend-ke", compact=True, disabled=self.readonly)
        yield Static("", id="amend-check", markup=False)

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Catat", id="amend-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="amend-cancel", compact=True)

    def on_mount(self) -> None:
        for field in self.query("#amend-form Input").results(Input):
            field.cursor_position = 0  # long activities show their start, not their end
        self._check()
        first = self.query("#amend-form Input").first(Input) if self.query("#amend-form Input") else None
        if first is not None and not self.readonly:
            first.focus()
        elif not self.readonly and self.query("#amend-save"):
            self.query_one("#amend-save", Button).focus()

    @property
    def position(self) -> int:
        """Where an inserted step goes: after the selected one, before the end terminator."""
        return min(self.nomor + 1, max(2, len(self.doc.langkah)))

    @staticmethod
    def _initial(step: Step, name: str) -> str:
        if name == "keputusan":
            return branches_of(step)
        if name == "lanjut":
            return "" if step.lanjut is None else str(step.lanjut)
        return str(getattr(step, name))

    # -- the amendment the fields describe ---------------------------------------------------
    def _value(self, name: str) -> Any:
        if name == "pelaksana":
            return str(self.query_one("#amend-pelaksana", Select).value)
        text = self.query_one(f"#amend-{name}", Input).value.strip()
        if name == "keputusan":
            return parse_branches(text)
        if name == "lanjut":
            if not text:
                return None
            if not text.isdigit():
                raise AmendmentError(f"lanjut {text!r}: tulis nomor langkah")
            return int(text)
        return text

    def build(self) -> Amendment:
        """The amendment the fields say; AmendmentError for what cannot even be read."""
        assert self.step is not None
        if self.jenis == HAPUS:
            return Amendment(HAPUS, self.step.nomor)
        if self.jenis == PINDAH:
            text = self.query_one("#amend-ke", Input).value.strip()
            if not text.isdigit():
                raise AmendmentError("posisi baru: tulis nomor langkah")
            return Amendment(PINDAH, self.step.nomor, int(text))
        nilai: dict[str, Any] = {}
        for name in (*TEXT_FIELDS, "keputusan", "lanjut"):
            value = self._value(name)
            if self.jenis == UBAH:
                before: Any = {"keputusan": [list(b) for b in self.step.keputusan],
                               "lanjut": self.step.lanjut}.get(name, getattr(self.step, name, None))
                if value == before:
                    continue
            elif value in ("", None, []):
                continue
            nilai[name] = value
        return Amendment(self.jenis, self.step.nomor if self.jenis == UBAH else self.position, 0, nilai)

    def _check(self) -> None:
        """Say now what saving would do: the amendment in words, or why it is refused."""
        line = self.query_one("#amend-check", Static) if self.query("#amend-check") else None
        if line is None or self.step is None or self.proposal_id is None:
            return
        try:
            self.amendment = self.build()
            if self.jenis == UBAH and not self.amendment.nilai:
                self.amendment, self.words = None, ""
                line.update("Ubah isi kolom; baris ini memeriksa hasilnya sebelum dicatat.")
                line.set_class(False, "-ok")
                line.set_class(False, "-refused")
                return
            result = check_amendment(self.session.proposal(self.proposal_id).dokumen,
                                     self.session.amendments(self.proposal_id), self.amendment)
            self.words = result.uraian[-1]
            line.update(f"✓ Diperiksa: {self.words}")
            ok = True
        except AmendmentError as exc:
            self.amendment, self.words = None, ""
            line.update(f"✗ Ditolak: {exc}")
            ok = False
        line.set_class(ok, "-ok")
        line.set_class(not ok, "-refused")
        self.call_after_refresh(self._fit_height)

    @on(Input.Changed)
    @on(Select.Changed)
    def _edited(self) -> None:
        self.clear_error()
        self._check()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        """Enter goes to the next field; on the last one it saves."""
        event.stop()
        inputs = list(self.query("#amend-form Input").results(Input))
        if event.input is inputs[-1]:
            self.action_save()
        else:
            self.focus_next()

    @on(Button.Pressed, "#amend-save")
    def action_save(self) -> None:
        self._check()
        if self.amendment is None or self.proposal_id is None:
            self.show_error("Belum dapat dicatat: perbaiki dulu yang ditolak di atas.")
            return
        amendment, pid = self.amendment, self.proposal_id
        done, words = self.write(lambda: self.session.record_amendment(pid, amendment))
        if done:
            self.dismiss(f"Amandemen dicatat: {words}")

    @on(Button.Pressed, "#amend-cancel")
    def _cancel_button(self) -> None:
        self.dismiss(None)
