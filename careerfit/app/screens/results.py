"""Results: fit for every role, the easiest pivot, its plan, and any role on demand.

The screen holds no numbers of its own: it asks the session for the core's ``Assessment``
(with the highlighted role as target, exactly like ``careerfit report --target``).
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Label, OptionList, Static

from careerfit.app.messages import ContinueAssessment, OpenAnswers, OpenSettings
from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.footer import Footer
from careerfit.app.widgets.role_detail import RoleDetail
from careerfit.app.widgets.role_list import RoleList
from careerfit.core.domain import Role
from careerfit.core.errors import ProfileError
from careerfit.core.progress import Progress, since
from careerfit.core.scoring import Assessment
from careerfit.core.why import LEGEND
from careerfit.formats.targets import TARGET_PREFIX
from careerfit.session.state import Session


class ResultsScreen(FreshScreen[None]):
    """Roles on the left (sorted by fit); the highlighted role against you on the right."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "posting", "job posting", id="results.posting",
                tooltip="Paste a job posting: the role it reads like, your fit, and save it as a target"),
        Binding("e", "app.export", "export report", id="results.export",
                tooltip="Write the Markdown report (the same as 'careerfit report') to a file"),
        Binding("a", "answers", "answers", id="results.answers",
                tooltip="Every question with its answer; jump to any to change it"),
        Binding("escape", "questions", "questions", id="results.questions", show=False,
                tooltip="Back to the questions to change or add answers"),
        Binding("comma", "settings", "settings", id="results.settings",
                tooltip="Profile settings: name, current role, hours a week, mode"),
        Binding("c", "continue", "continue", id="results.continue",
                tooltip="Continue: ask only the questions not answered yet (the full assessment's, new areas')"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        #: Computed in ``refresh_results`` when the screen mounts, not here as well: the
        #: assessment is the screen's costliest step and nothing reads it before then.
        self.assessment: Assessment
        #: The profile now against its last earlier sitting (``None``: no earlier one).
        self.progress: Progress | None = None
        #: Saved targets by role id (``target-NAME``), shown after the roles.
        self.targets: dict[str, Role] = {}

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
        self.progress = since(bank, self.session.profile)  # the last earlier sitting, if any
        roles = self.query_one(RoleList)
        self.targets = self._targets()
        lines = [(r.id, r.id.removeprefix(TARGET_PREFIX), self.session.target_assessment(r)[1].role(r.id).fit)
                 for r in self.targets.values()]
        roles.show(bank, a, lines)
        focus = a.pivot or a.current_role or a.best_fit
        roles.highlighted = next(i for i, s in enumerate(a.roles) if s.role_id == focus)
        reach = ", ".join(bank.role(r).name for r in a.within_reach) or "none yet"
        if a.current_role is not None:
            where, marks = f"Current role: {bank.role(a.current_role).name}", "* pivot  = current"
        else:  # no role is assumed for you: the best fit is what your answers say
            where, marks = f"Best fit: {bank.role(a.best_fit).name} ({a.role(a.best_fit).fit:.0f}%)", "* pivot"
        done, total = self.session.progress()
        self.query_one("#reach", Static).update(
            f"{where}\nWithin reach: {reach}\n{done} of {total} answered{self._offer()}\n"
            f"{marks}\n{LEGEND.replace(' · ', chr(10))}"
        )
        self.show_role(focus)

    def _offer(self) -> str:
        """The "continue" line: what ``c`` would ask, when anything is left."""
        offer = self.session.continue_offer()
        return f"\nc: {offer}" if offer else ""

    def _targets(self) -> dict[str, Role]:
        """The profile's saved targets; a hand-broken one is reported, not fatal."""
        try:
            return {r.id: r for r in self.session.targets().values()}
        except ProfileError as exc:
            self.notify(f"Saved targets not shown: {exc}", severity="warning", markup=False)
            return {}

    def show_role(self, role_id: str) -> None:
        """The pivot uses the plain assessment; any other role (or saved target) is assessed as a target."""
        if role_id in self.targets:
            bank, a = self.session.target_assessment(self.targets[role_id])
        else:
            bank = self.session.bank
            a = self.assessment if role_id == self.assessment.pivot else self.session.assessment(role_id)
        self.query_one(RoleDetail).show(bank, a, role_id, self.progress)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id:
            self.show_role(event.option.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.show_role(event.option.id)

    def action_posting(self) -> None:
        self.careerfit.show_posting()

    def posting_closed(self, saved: bool | None) -> None:
        """Back from the posting screen: list any target saved there."""
        if saved:
            self.refresh_results()

    def action_questions(self) -> None:
        self.careerfit.show_answers()

    def action_answers(self) -> None:
        self.post_message(OpenAnswers())

    def action_settings(self) -> None:
        self.post_message(OpenSettings())

    def action_continue(self) -> None:
        self.post_message(ContinueAssessment())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "continue":
            return bool(self.session.open_questions("full"))  # hidden when nothing is left to ask
        return True

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Back from a dialog or another screen: the role list has the focus again, visibly."""
        self.call_after_refresh(self._keep_focus)

    def _keep_focus(self) -> None:
        if self.is_current and self.focused is None:
            self.query_one(RoleList).focus()
