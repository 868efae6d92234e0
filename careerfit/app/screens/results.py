"""Results: fit for every role, the easiest pivot, its plan, and any role on demand.

The screen holds no numbers of its own: it asks the session for the core's ``Assessment``
(with the highlighted role as target, exactly like ``careerfit report --target``).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, OptionList, Static

from careerfit.app.widgets.role_detail import RoleDetail
from careerfit.app.widgets.role_list import RoleList
from careerfit.scoring import Assessment
from careerfit.session import Session


class ResultsScreen(Screen[None]):
    """Roles on the left (sorted by fit); the highlighted role against you on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "app.export", "export report", id="results.export",
                tooltip="Write the Markdown report (the same as 'careerfit report') to a file"),
        Binding("a,escape", "answers", "answers", key_display="a", id="results.answers",
                tooltip="Back to the questions to change or add answers"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.assessment: Assessment = session.assessment()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="results"):
            with Vertical(id="results-left"):
                yield Label("Fit by role", classes="section-title")
                yield RoleList(id="roles")
                yield Static("", id="reach", markup=False)
            with VerticalScroll(id="results-right"):
                yield RoleDetail("", id="detail")
        yield Footer()

    AUTO_FOCUS = "#roles"

    def on_mount(self) -> None:
        self.refresh_results()

    def refresh_results(self) -> None:
        a = self.assessment = self.session.assessment()
        bank = self.session.bank
        roles = self.query_one(RoleList)
        roles.show(bank, a)
        focus = a.pivot or a.current_role
        roles.highlighted = next(i for i, s in enumerate(a.roles) if s.role_id == focus)
        reach = ", ".join(bank.role(r).name for r in a.within_reach) or "none yet"
        current = bank.role(a.current_role).name
        done, total = self.session.progress()
        self.query_one("#reach", Static).update(
            f"Current role: {current}\nWithin reach (90%+): {reach}\n* pivot  = current\n"
            f"{done} of {total} answered"
        )
        self.show_role(focus)

    def show_role(self, role_id: str) -> None:
        """The pivot uses the plain assessment; any other role is assessed as a target."""
        a = self.assessment if role_id == self.assessment.pivot else self.session.assessment(role_id)
        self.query_one(RoleDetail).show(self.session.bank, a, role_id)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.show_role(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.show_role(event.option.id)

    def action_answers(self) -> None:
        self.app.show_answers()  # type: ignore[attr-defined]
