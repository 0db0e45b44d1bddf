"""Record what the meeting decided about one proposal (one decision kind from the vocabulary plus a note)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingsMap, BindingType
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, TextArea

from sopreview.domain.records import validate_decision
from sopreview.domain.vocab import DecisionKind, decision_kinds, decision_label, evaluation_outcomes, note_required
from sopreview.store.session import Session

from ._base import SessionDialog, sentence
from ._choices import ChoiceList

_PICK = Binding.Group("Pilih", compact=True)
_SAVE = Binding("ctrl+s", "save", "Simpan", id="decision.save")


def choice_bindings(kinds: tuple[DecisionKind, ...] | None = None) -> list[Binding]:
    """Digits 1-9 for the decision kinds as the vocabulary stands *now*.

    Called when a dialog is built (not only at import), so a row added to the vocabulary at run
    time gets its number key too.
    """
    return [
        Binding(str(n), f"choose({n - 1})", k.label, group=_PICK, id=f"decision.{k.key}")
        for n, k in enumerate((decision_kinds() if kinds is None else kinds)[:9], start=1)
    ]


def _is_choice(binding: Binding) -> bool:
    return binding.action.startswith("choose(")


def _with_current_choices(bindings: BindingsMap, kinds: tuple[DecisionKind, ...] | None = None) -> BindingsMap:
    """``bindings`` with its digit keys rebuilt from the vocabulary, in the same place in the order."""
    fresh = choice_bindings(kinds)
    keys: dict[str, list[Binding]] = {}
    for key, rows in bindings.key_to_bindings.items():
        if fresh and any(_is_choice(b) for b in rows):
            for binding in fresh:
                keys.setdefault(binding.key, []).append(binding)
            fresh = []
        kept = [b for b in rows if not _is_choice(b)]
        if kept:
            keys.setdefault(key, []).extend(kept)
    for binding in fresh:
        keys.setdefault(binding.key, []).append(binding)
    return BindingsMap.from_keys(keys)


class DecisionDialog(SessionDialog):
    """Pick one of the decision kinds (number keys or arrows) and write the catatan."""

    DIALOG_TITLE = "Keputusan"

    BINDINGS: ClassVar[list[BindingType]] = [
        *choice_bindings(),
        _SAVE,
    ]
    WRITE_ACTIONS = frozenset({"save", "choose"})

    DEFAULT_CSS = """
    DecisionDialog #decision-choices {
        margin-top: 1;
    }
    DecisionDialog #decision-note {
        height: 6;
    }
    """

    NOUN = "keputusan"

    @classmethod
    def kinds(cls) -> tuple[DecisionKind, ...]:
        """The rows this dialog offers (read at call time, like every vocabulary reader)."""
        return decision_kinds()

    @classmethod
    def current_bindings(cls) -> list[Binding]:
        """The dialog's own keys as they are now (the key help reads this, not the import-time list)."""
        return [*choice_bindings(cls.kinds()), _SAVE]

    def __init__(self, session: Session, proposal_id: str) -> None:
        super().__init__(session, proposal_id)
        self._bindings = _with_current_choices(self._bindings, self.kinds())
        self._jenis = self.read(lambda: session.proposal(proposal_id).jenis, None)
        existing = self.read(lambda: session.decision(proposal_id), None)
        self._initial = existing.keputusan if existing else None
        self._initial_note = existing.catatan if existing else ""

    def compose_body(self) -> Iterable[Widget]:
        yield ChoiceList(
            [(k.key, k.label) for k in self.kinds()],
            self._initial,
            locked=self.readonly,
            id="decision-choices",
        )
        yield Label(self._note_label(self._initial), id="decision-note-label", classes="field-label")
        yield TextArea(
            self._initial_note,
            id="decision-note",
            read_only=self.readonly,
            soft_wrap=True,
            show_line_numbers=False,
            placeholder="Alasan keputusan atau daftar perbaikan yang diminta.",
        )

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Simpan", id="decision-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="decision-cancel", compact=True)

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    @property
    def chosen(self) -> str | None:
        return self.query_one(ChoiceList).chosen

    # -- choosing -------------------------------------------------------------------------

    @staticmethod
    def _note_label(keputusan: str | None) -> str:
        if note_required(keputusan):
            return "Catatan (wajib untuk keputusan ini: alasan atau perbaikan)"
        return "Catatan (opsional)"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters and int(str(parameters[0])) >= len(self.kinds()):
            return False  # a number past the last row does nothing and is not shown
        return super().check_action(action, parameters)

    def action_choose(self, index: int) -> None:
        """A digit chooses; where a note is required the cursor moves there so typing goes into it.

        For a decision without a required note the choice list keeps the focus, so ``1`` then
        Ctrl+S still records "Disetujui" in two keys.
        """
        choices = self.query_one(ChoiceList)
        choices.choose_index(index)
        if note_required(choices.chosen) and not self.readonly:
            self.query_one("#decision-note", TextArea).focus()

    @on(ChoiceList.Changed, "#decision-choices")
    def _changed(self, event: ChoiceList.Changed) -> None:
        self.query_one("#decision-note-label", Label).update(self._note_label(event.value))
        self.clear_error()

    @on(TextArea.Changed, "#decision-note")
    def _note_edited(self) -> None:
        """The error about a missing note goes as soon as the note is being written."""
        self.clear_error()

    @on(OptionList.OptionSelected, "#decision-choices")
    def _selected(self) -> None:
        self.query_one("#decision-note", TextArea).focus()

    # -- saving ---------------------------------------------------------------------------

    @on(Button.Pressed, "#decision-save")
    def action_save(self) -> None:
        keputusan = self.chosen
        if keputusan is None:
            self.show_error(f"Pilih {self.NOUN} dahulu: tombol 1-{min(len(self.kinds()), 9)} atau panah atas/bawah.")
            self.query_one(ChoiceList).focus()
            return
        note = self.query_one("#decision-note", TextArea)
        catatan = note.text.strip()
        problem = validate_decision(keputusan, catatan, self._jenis)
        if problem:
            self.show_error(sentence(problem) + ".")
            note.focus()
            return
        done, _ = self.write(lambda: self.session.record_decision(self.proposal_id or "", keputusan, catatan))
        if done:
            self.dismiss(f"Keputusan disimpan: {decision_label(keputusan)}")

    @on(Button.Pressed, "#decision-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)


class OutcomeDialog(DecisionDialog):
    """The outcome of evaluating an SOP in force: masih sesuai / perlu revisi / tidak diberlakukan lagi."""

    DIALOG_TITLE = "Hasil evaluasi"
    NOUN = "hasil evaluasi"
    BINDINGS: ClassVar[list[BindingType]] = [*choice_bindings(evaluation_outcomes()), _SAVE]

    @classmethod
    def kinds(cls) -> tuple[DecisionKind, ...]:
        return evaluation_outcomes()
