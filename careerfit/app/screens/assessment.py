"""The assessment: one question at a time, grouped by area, one key per answer.

Every change goes through the ``Session``, which saves at once (to the profile's file, or
the autosave draft before it has one); a failed save is reported by the app and the
answer stays in memory.
"""

from __future__ import annotations

from pathlib import Path
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
from careerfit.core.domain import Question
from careerfit.session.state import Session, Undo


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
        Binding("u,ctrl+z", "undo", "undo", id="undo", show=False,
                tooltip="Take back the last answer, skip or 'not relevant' (saved like any answer)"),
    ]

    def __init__(self, session: Session, index: int | None = None, *, only_open: bool = False) -> None:
        super().__init__()
        self.session = session
        #: Continuing a sitting: answering moves on to the next question still open, past
        #: those answered before, so only what is unanswered is asked.
        self.only_open = only_open
        if index is None:
            open_ = session.open_questions()
            index = session.questions.index(open_[0]) if only_open and open_ else session.first_open_index()
        self.index = index
        #: The question on the card (kept by id: a mode switch renumbers the questions).
        self.shown_id: str | None = None

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
        self.shown_id = q.id
        area = self.session.bank.area(q.skill)
        in_area = self.session.questions_in(q.skill)
        position = (in_area.index(q) + 1, len(in_area))
        self.query_one(QuestionCard).show(area, q, position, self.session.answer_of(q.id),
                                          self.session.is_not_relevant(q.skill), self.session.is_skipped(q.id))
        self.query_one(AreaList).refresh_areas(q.skill)
        done, total = self.session.progress()
        self.query_one(ProgressLine).set_progress(done, total)

    # --- moving -------------------------------------------------------------------------

    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, len(self.session.questions) - 1))
        self.show_question()

    def questions_changed(self) -> None:
        """The session's question set changed (the mode was switched): stay on this question
        if it is still asked, else the first open one."""
        current = self.shown_id
        ids = [q.id for q in self.session.questions]
        self.index = ids.index(current) if current in ids else self.session.first_open_index()
        if self.is_mounted:
            self.show_question()

    def go_to_question(self, question_id: str) -> None:
        ids = [q.id for q in self.session.questions]
        if question_id in ids:
            self.go_to(ids.index(question_id))

    def advance(self) -> None:
        """Next question; after the last one, the results. Continuing, the next open one."""
        if self.only_open:
            ids = {q.id for q in self.session.open_questions()}
            later = [i for i, q in enumerate(self.session.questions) if i > self.index and q.id in ids]
            if later:
                self.go_to(later[0])
                return
            self.only_open = False
            self.show_question()
            self.action_results()
            return
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
        self.careerfit.record(lambda: self.session.set_answer(self.question.id, level))
        self.advance()

    def action_skip(self) -> None:
        self.careerfit.record(lambda: self.session.set_answer(self.question.id, None))
        self.advance()

    def action_not_relevant(self) -> None:
        area_id = self.question.skill
        self.careerfit.record(lambda: self.session.toggle_not_relevant(area_id))
        if self.session.is_not_relevant(area_id):
            later = [i for i, q in enumerate(self.session.questions) if i > self.index and q.skill != area_id]
            if later:
                self.go_to(later[0])
                return
        self.show_question()

    def action_undo(self) -> None:
        """Back to the question whose answer (or skip) was taken back, shown as it is now."""
        undone: list[object] = []

        def change() -> Path:
            last, path = self.session.undo()
            undone.append(last)
            return path if path is not None else self.session.save_target

        if not self.session.can_undo:
            self.notify("Nothing to undo in this sitting.", markup=False)
            return
        self.app.record(change)  # type: ignore[attr-defined]
        last = undone[0] if undone else None
        if isinstance(last, Undo) and last.question_id is not None:
            self.go_to_question(last.question_id)
        else:
            self.show_question()
        if isinstance(last, Undo):
            self.notify(f"Undone: the last {last.what}.", markup=False)

    def action_results(self) -> None:
        self.careerfit.show_results()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "choices":
            self.action_answer(event.option_index)
        elif event.option_list.id == "areas" and event.option.id:
            self.jump_to_area(event.option.id)
