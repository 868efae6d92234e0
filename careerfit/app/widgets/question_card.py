"""One question: its area, its text, and its five anchored answers to pick from."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careerfit.domain import Area, Question


class Hanging(Visual):
    """``head`` then ``body``, the body's wrapped lines aligned under its first character.

    Content alone wraps continuation lines back to column 0, under the answer's number,
    which makes a long label hard to tell from the next answer.
    """

    def __init__(self, head: Content, body: Content) -> None:
        self.head = head
        self.body = body
        self.indent = head.cell_length

    def _body_width(self, width: int) -> int:
        return max(width - self.indent, 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, self._body_width(container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, self._body_width(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines = self.body.render_strips(self._body_width(width), height, style, options)
        head = self.head.render_strips(self.indent, 1, style, options)[:1] or [Strip.blank(self.indent)]
        gap = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([head[0] if i == 0 else gap, line]) for i, line in enumerate(lines)]


class QuestionCard(Vertical):
    """Question text and the answer list; the text comes from files, so it is never markup.

    Three widgets, not five: the area heading shares the question's Static, and the state
    line has a fixed size so updating it needs no relayout. Every widget here is restyled
    and revisited on each answer, so fewer of them make answering quicker.
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="q-text")
        yield OptionList(id="choices")
        yield Static("", id="q-state")

    def show(self, area: Area, question: Question, position: tuple[int, int], answer: int | None,
             not_relevant: bool) -> None:
        number, total = position
        self.query_one("#q-text", Static).update(
            Content.assemble((f"{area.name} · {number} of {total}", "bold $accent"), "\n\n", question.text))
        choices = self.query_one("#choices", OptionList)
        options = []
        for level, text in enumerate(question.answer_labels):
            mark = "●" if answer == level else " "
            head = Content.assemble((f"{mark} {level} ", "bold"))
            options.append(Option(Hanging(head, Content(text)), id=f"level-{level}"))
        choices.set_options(options)
        choices.highlighted = answer if answer is not None else 0
        if not_relevant:
            state = "Area not relevant (0 unless answered); n undoes."
        elif answer is None:
            state = "Not answered yet."
        else:
            state = f"Your answer: {answer}."
        self.query_one("#q-state", Static).update(Content(state), layout=False)
