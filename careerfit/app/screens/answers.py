"""Every question of the sitting with its answer, area by area; Enter jumps to one.

Unanswered questions are marked as such, skipped ones as "skipped", so what is left to
answer is visible at a glance. Question text comes from files: shown as ``Content``, never
read as markup.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from careerfit.session.state import Session

#: Characters of a question shown on its line (the whole text is on the question screen).
TEXT_WIDTH = 52


def answer_state(session: Session, question_id: str) -> str:
    """What the overview says of one question: its level, "skipped" or "not answered yet"."""
    level = session.answer_of(question_id)
    if level is not None:
        return f"answer {level}"
    if session.is_skipped(question_id):
        return "skipped"
    if session.is_not_relevant(session.bank.question(question_id).skill):
        return "area not relevant"
    return "not answered yet"


def _short(text: str, width: int = TEXT_WIDTH) -> str:
    """The question cut at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0]
    return cut + "…"


class AnswersScreen(ModalScreen[str | None]):
    """Dismisses with the chosen question's id, or ``None`` on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="answers.close", tooltip="Close the overview"),
        Binding("o", "next_open", "next open", id="answers.next-open",
                tooltip="Move to the next question not answered yet"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        s = self.session
        done, total = s.progress()
        skipped = sum(1 for q in s.questions if s.is_skipped(q.id))
        options: list[Option | None] = []
        for area in s.areas:
            a_done, a_total = s.progress(area.id)
            note = " · not relevant" if s.is_not_relevant(area.id) else ""
            options.append(Option(Content.styled(f"{area.name}  {a_done}/{a_total}{note}", "bold"), disabled=True))
            for q in s.questions_in(area.id):
                state = answer_state(s, q.id)
                style = "bold" if state.startswith("answer") else "dim"
                options.append(Option(Content.assemble(f"  {_short(q.text):<{TEXT_WIDTH}} ", (state, style)), id=q.id))
        with Vertical(classes="dialog", id="answers"):
            yield Label(f"Your answers: {done} of {total} answered, {skipped} skipped", classes="dialog-title",
                        markup=False)
            yield OptionList(*options, id="answer-list", compact=True)
            yield Static(Content.styled("enter go to question · o next open · esc close", "dim"))

    AUTO_FOCUS = "#answer-list"

    def on_mount(self) -> None:
        self.action_next_open()

    def action_next_open(self) -> None:
        """Highlight the next question without an answer (after the highlighted one, wrapping)."""
        ol = self.query_one(OptionList)
        ids = [ol.get_option_at_index(i).id for i in range(ol.option_count)]
        start = (ol.highlighted if ol.highlighted is not None else -1) + 1
        order = list(range(start, len(ids))) + list(range(start))
        for i in order:
            qid = ids[i]
            if qid is not None and self.session.answer_of(qid) is None:
                ol.highlighted = i
                return
        if ol.highlighted is None:
            ol.highlighted = next((i for i, qid in enumerate(ids) if qid is not None), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
