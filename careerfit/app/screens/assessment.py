"""The assessment: one question at a time, grouped by area, one key per answer.

Every change goes through the ``Session``, which saves at once (to the profile's file, or
the autosave draft before it has one); a failed save is reported by the app and the
answer stays in memory.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Header, OptionList

from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.area_list import AreaList
from careerfit.app.widgets.footer import Footer
from careerfit.app.widgets.progress_line import ProgressLine
from careerfit.app.widgets.question_card import QuestionCard
from careerfit.domain import Question
from careerfit.session import Session


class AssessmentScreen(FreshScreen[None]):
    """Areas on the left, the current question on the right, progress at the bottom."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("0", "answer(0)", "answer", key_display="0-4", id="answer.0",
                tooltip="Answer with the level of the label: 0 not done yet ... 4 set the approach others follow"),
        *[Binding(str(n), f"answer({n})", f"answer {n}", show=False, id=f"answer.{n}",
                  tooltip=f"Answer level {n}") for n in range(1, 5)],
        Binding("s", "skip", "skip", id="skip", tooltip="Skip: not sure (clears any answer; not the same as 0)"),
        Binding("b,left", "back", "back", key_display="b", id="back", tooltip="Back to the previous question"),
        Binding("right", "next", "next", show=False, id="next", tooltip="Next question, keeping the answer"),
        Binding("n", "not_relevant", "n/a", id="not-relevant",
                tooltip="Mark this whole area not relevant to me (or undo)"),
        Binding("a", "areas", "areas", show=False, id="areas", tooltip="Jump to an area (focus the area list)"),
        Binding("r", "results", "results", id="results", tooltip="See the results for what is answered so far"),
    ]

    def __init__(self, session: Session, index: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.index = session.first_open_index() if index is None else index

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="assessment"):
            yield AreaList(self.session, id="areas")
            yield QuestionCard(id="card")
        yield ProgressLine(id="progress")
        yield Footer()

    AUTO_FOCUS = "#choices"

    def on_mount(self) -> None:
        self.show_question()

    @property
    def question(self) -> Question:
        return self.session.questions[self.index]

    def show_question(self) -> None:
        """Redraw the card, the area list and the progress from the session."""
        q = self.question
        area = self.session.bank.area(q.skill)
        in_area = self.session.questions_in(q.skill)
        position = (in_area.index(q) + 1, len(in_area))
        self.query_one(QuestionCard).show(area, q, position, self.session.answer_of(q.id),
                                          self.session.is_not_relevant(q.skill))
        self.query_one(AreaList).refresh_areas(q.skill)
        done, total = self.session.progress()
        self.query_one(ProgressLine).set_progress(done, total)

    # --- moving -------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, len(self.session.questions) - 1))
        self.show_question()

    def advance(self) -> None:
        """Next question; after the last one, the results."""
        if self.index + 1 >= len(self.session.questions):
            self.show_question()
            self.action_results()
        else:
            self.go_to(self.index + 1)

    def action_next(self) -> None:
        self.advance()

    def action_back(self) -> None:
        self.go_to(self.index - 1)

    def action_areas(self) -> None:
        self.query_one(AreaList).focus()

    def jump_to_area(self, area_id: str) -> None:
        """First unanswered question of the area, else its first question."""
        indices = [i for i, q in enumerate(self.session.questions) if q.skill == area_id]
        if not indices:
            return
        open_ = [i for i in indices if self.session.questions[i].id not in self.session.profile.answers]
        self.go_to((open_ or indices)[0])
        self.query_one("#choices", OptionList).focus()

    # --- answering ----------------------------------------------------------------------

    def action_answer(self, level: int) -> None:
        self.app.record(lambda: self.session.set_answer(self.question.id, level))  # type: ignore[attr-defined]
        self.advance()

    def action_skip(self) -> None:
        self.app.record(lambda: self.session.set_answer(self.question.id, None))  # type: ignore[attr-defined]
        self.advance()

    def action_not_relevant(self) -> None:
        area_id = self.question.skill
        self.app.record(lambda: self.session.toggle_not_relevant(area_id))  # type: ignore[attr-defined]
        if self.session.is_not_relevant(area_id):
            later = [i for i, q in enumerate(self.session.questions) if i > self.index and q.skill != area_id]
            if later:
                self.go_to(later[0])
                return
        self.show_question()

    def action_results(self) -> None:
        self.app.show_results()  # type: ignore[attr-defined]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "choices":
            self.action_answer(event.option_index)
        elif event.option_list.id == "areas" and event.option.id:
            self.jump_to_area(event.option.id)
