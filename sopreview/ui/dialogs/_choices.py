"""A radio list where moving the highlight is choosing: the five decisions, the export formats.

Textual's RadioSet needs Enter or Space after the arrows; in a meeting the secretary presses
a digit or an arrow and moves on, so here the highlighted row is the choice.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ChoiceList(OptionList):
    """Rows ``(●) 1  Label``; arrows, Home/End, a click or :meth:`choose` change the choice."""

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        border: none;
        padding: 0;
        &:focus { border: none; }
    }
    """

    class Changed(Message):
        """The choice changed to ``value``."""

        def __init__(self, choice_list: ChoiceList, value: str) -> None:
            super().__init__()
            self.choice_list = choice_list
            self.value = value

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(
        self,
        choices: Sequence[tuple[str, str]],
        chosen: str | None = None,
        *,
        locked: bool = False,
        id: str | None = None,
    ) -> None:
        self._values = [value for value, _ in choices]
        self._labels = [label for _, label in choices]
        self.chosen = chosen if chosen in self._values else None
        self.locked = locked
        """Read-only: the recorded choice is shown and cannot be changed."""
        self._moving_chooses = False  # OptionList.__init__ highlights the first row: not a choice
        super().__init__(*[Option(self._prompt(i), id=v) for i, v in enumerate(self._values)], id=id)
        self._moving_chooses = True
        self.highlighted = self._values.index(self.chosen) if self.chosen is not None else None

    def _prompt(self, index: int) -> Content:
        chosen = self._values[index] == self.chosen
        mark = ("(●)", "bold") if chosen else ("( )", "")
        return Content.assemble(mark, f" {index + 1}  ", (self._labels[index], "bold" if chosen else ""))

    def choose(self, value: str) -> None:
        """Make ``value`` the choice (and highlight it); posts Changed when it differs."""
        if value not in self._values:
            raise ValueError(f"unknown choice {value!r}; choices: {', '.join(self._values)}")
        index = self._values.index(value)
        self.highlighted = index
        if self.locked or value == self.chosen:
            return
        previous = self.chosen
        self.chosen = value
        for i in {index, self._values.index(previous) if previous is not None else index}:
            self.replace_option_prompt_at_index(i, self._prompt(i))
        self.post_message(self.Changed(self, value))

    def choose_index(self, index: int) -> None:
        self.choose(self._values[index])

    def _choose_highlighted(self) -> None:
        if self._moving_chooses and self.highlighted is not None:
            self.choose_index(self.highlighted)

    def action_cursor_up(self) -> None:
        super().action_cursor_up()
        self._choose_highlighted()

    def action_cursor_down(self) -> None:
        super().action_cursor_down()
        self._choose_highlighted()

    def action_first(self) -> None:
        super().action_first()
        self._choose_highlighted()

    def action_last(self) -> None:
        super().action_last()
        self._choose_highlighted()

    def action_select(self) -> None:
        """Enter (or a click) confirms the highlighted row; the dialog then moves on."""
        self._choose_highlighted()
        super().action_select()
