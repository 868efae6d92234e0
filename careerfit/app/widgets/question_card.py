"""One question: its area, its text, and its five anchored answers to pick from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from careerfit.models import Area, Question


class QuestionCard(Vertical):
    """Question text and the answer list; the text comes from files, so it is never markup."""

    def compose(self) -> ComposeResult:
        yield Label("", id="q-area", markup=False)
        yield Static("", id="q-text", markup=False)
        yield OptionList(id="choices")
        yield Label("", id="q-state", markup=False)

    def show(self, area: Area, question: Question, position: tuple[int, int], answer: int | None,
             not_relevant: bool) -> None:
        number, total = position
        self.query_one("#q-area", Label).update(f"{area.name} · {number} of {total}")
        self.query_one("#q-text", Static).update(question.text)
        choices = self.query_one("#choices", OptionList)
        options = []
        for level, text in enumerate(question.answer_labels):
            mark = "●" if answer == level else " "
            options.append(Option(Content.assemble((f"{mark} {level} ", "bold"), text), id=f"level-{level}"))
        choices.set_options(options)
        choices.highlighted = answer if answer is not None else 0
        if not_relevant:
            state = "Area marked not relevant (counts as 0 unless answered); n to undo."
        elif answer is None:
            state = "Not answered yet."
        else:
            state = f"Your answer: {answer}."
        self.query_one("#q-state", Label).update(state)
