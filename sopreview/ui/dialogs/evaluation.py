"""The Evaluasi Penerapan SOP AP form: each criterion answered Ya / Tidak, plus catatan and tindakan."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from sopreview.domain.criteria import Criterion
from sopreview.domain.records import evaluation_sentence
from sopreview.store.session import Session

from ._base import SessionDialog, continue_after, end_of

_ANSWER = {
    True: ("✓ Ya   ", "$text-success bold"),
    False: ("✗ Tidak", "$text-error bold"),
    None: ("· belum", "$text-muted"),
}


def _prompt(number: int, criterion: Criterion, answer: bool | None) -> Content:
    """``✓ Ya    1. Mudah dipahami``; criterion text is data, so it is never read as markup."""
    return Content.assemble(_ANSWER[answer], f"  {number}. {criterion.teks}")


class CriteriaList(OptionList):
    """The criteria as rows; y / t answer the highlighted one and move on, space toggles it.

    Answering the last criterion, or Enter, posts :class:`Done`: the dialog moves the cursor to
    Catatan, so the note typed next never lands on the answers.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Ya", id="evaluation.yes"),
        Binding("t", "answer(False)", "Tidak", id="evaluation.no"),
        Binding("space", "toggle_answer", "Ya/Tidak", id="evaluation.toggle"),
    ]

    class Answered(Message):
        """The user answered (or toggled) the criterion at ``index``."""

        def __init__(self, index: int, answer: bool | None) -> None:
            super().__init__()
            self.index = index
            self.answer = answer

    class Done(Message):
        """Every criterion has been gone through (the last one answered, or Enter)."""

    def __init__(
        self, criteria: tuple[Criterion, ...], answers: dict[str, bool | None], *, id: str
    ) -> None:
        self.criteria = criteria
        self.answers: dict[str, bool | None] = {c.id: answers.get(c.id) for c in criteria}
        super().__init__(
            *[Option(_prompt(i, c, self.answers[c.id]), id=c.id) for i, c in enumerate(criteria, 1)],
            id=id,
        )
        self.read_only = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("answer", "toggle_answer") and self.read_only:
            return None
        return True

    def _set(self, index: int, answer: bool | None) -> None:
        criterion = self.criteria[index]
        self.answers[criterion.id] = answer
        self.replace_option_prompt_at_index(index, _prompt(index + 1, criterion, answer))
        self.post_message(self.Answered(index, answer))

    def action_answer(self, answer: bool) -> None:
        index = self.highlighted if self.highlighted is not None else 0
        self._set(index, answer)
        if index + 1 < len(self.criteria):
            self.highlighted = index + 1
        else:
            self.post_message(self.Done())

    def action_select(self) -> None:
        """Enter: the answers are done; on to Catatan."""
        self.post_message(self.Done())

    def action_toggle_answer(self) -> None:
        if self.highlighted is None:
            self.highlighted = 0
        index = self.highlighted
        self._set(index, self.answers[self.criteria[index].id] is not True)


class EvaluationDialog(SessionDialog):
    """Answer the evaluation criteria for one proposal and note what should be done."""

    DIALOG_TITLE = "Evaluasi Penerapan SOP"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Simpan", id="evaluation.save"),
    ]

    DEFAULT_CSS = """
    EvaluationDialog #evaluation-criteria {
        height: auto;
        border: none;
        padding: 0;
        margin-top: 1;
    }
    EvaluationDialog #evaluation-summary {
        text-style: bold;
        margin-top: 1;
    }
    EvaluationDialog .field-label {
        margin-top: 0;
    }
    EvaluationDialog TextArea {
        height: 3;
    }
    """

    def __init__(self, session: Session, proposal_id: str) -> None:
        super().__init__(session, proposal_id)
        self._existing = self.read(lambda: session.evaluation(proposal_id), None)
        self._criteria = session.criteria

    def compose_body(self) -> Iterable[Widget]:
        answers = dict(self._existing.jawaban) if self._existing else {}
        criteria = CriteriaList(self._criteria, answers, id="evaluation-criteria")
        criteria.read_only = self.readonly
        yield criteria
        yield Static(self._summary(criteria.answers), id="evaluation-summary")
        yield Label("Catatan hasil penilaian", classes="field-label")
        for name, text in (("note", self._existing.catatan if self._existing else ""),
                           ("action", self._existing.tindakan if self._existing else "")):
            if name == "action":
                yield Label("Tindakan yang harus diambil", classes="field-label")
            yield end_of(TextArea(continue_after(text), id=f"evaluation-{name}", read_only=self.readonly,
                                  soft_wrap=True, show_line_numbers=False, compact=True))

    def compose_buttons(self) -> Iterable[Widget]:
        yield Button("Simpan", id="evaluation-save", variant="primary", compact=True, disabled=self.readonly)
        yield Button("Batal", id="evaluation-cancel", compact=True)

    def on_mount(self) -> None:
        criteria = self.query_one(CriteriaList)
        criteria.highlighted = 0
        criteria.focus()

    def _summary(self, answers: dict[str, bool | None]) -> str:
        met = sum(1 for value in answers.values() if value is True)
        unanswered = sum(1 for value in answers.values() if value is None)
        return evaluation_sentence(met, len(self._criteria), unanswered)

    @on(CriteriaList.Answered)
    def _answered(self) -> None:
        self.query_one("#evaluation-summary", Static).update(
            self._summary(self.query_one(CriteriaList).answers)
        )
        self.clear_error()

    @on(CriteriaList.Done)
    def _to_note(self) -> None:
        if not self.readonly:
            self.query_one("#evaluation-note", TextArea).focus()

    @on(Button.Pressed, "#evaluation-save")
    def action_save(self) -> None:
        answers = dict(self.query_one(CriteriaList).answers)
        catatan = self.query_one("#evaluation-note", TextArea).text.strip()
        tindakan = self.query_one("#evaluation-action", TextArea).text.strip()
        done, _ = self.write(
            lambda: self.session.record_evaluation(self.proposal_id or "", answers, catatan, tindakan)
        )
        if done:
            self.dismiss(f"Evaluasi disimpan: {self._summary(answers)}")

    @on(Button.Pressed, "#evaluation-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)
