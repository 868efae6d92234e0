"""Welcome: start a new assessment, or resume the draft, a recent profile or any file.

Starting takes one keystroke: Enter on "New assessment" (or in any field) starts with the
details typed so far; the draft and recent profiles are one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, TypedDict

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.footer import Footer
from careerfit.app.widgets.picker import Picker
from careerfit.domain import MAX_NAME, Bank, hours_ok
from careerfit.session import DraftInfo, Mode, RecentEntry, ago, load_draft, questions_for_mode, recent_profiles
from careerfit.text import clean_text

TAGLINE = "Which role fits you today, and what is the easiest pivot from here?"


class NewDetails(TypedDict):
    """The form's details, named as ``CareerfitApp.start_new`` takes them."""

    name: str
    current_role: str | None
    hours_per_week: float
    mode: Mode


class WelcomeScreen(FreshScreen[None]):
    """The start: new / resume draft / resume recent / open a file, and the new profile's details."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new", "Start", id="welcome.new", tooltip="Start a new assessment with these details"),
        Binding("ctrl+o", "open", "Open", id="welcome.open", tooltip="Resume a profile from a file path"),
    ]

    def __init__(self, bank: Bank, new_path: Path | None = None) -> None:
        super().__init__()
        self.bank = bank
        self.new_path = new_path
        self.draft: DraftInfo | None = load_draft()
        self.recent: list[RecentEntry] = [e for e in recent_profiles() if e.path != new_path]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome"):
            yield Static(TAGLINE, id="tagline", markup=False)
            yield OptionList(*self._start_options(), id="start")
            with Grid(id="details"):
                yield Label("Name", markup=False)
                yield Input(placeholder="your name (optional)", id="name", compact=True, max_length=MAX_NAME)
                yield Label("Current role", markup=False)
                yield Picker([(Content(r.name), r.id) for r in self.bank.roles], prompt="not sure / none", id="role")
                yield Label("Hours/week", markup=False)
                yield Input("8", id="hours", type="number", compact=True, max_length=5,
                            tooltip="Hours a week you can spend learning; turns effort into weeks")
                yield Label("Mode", markup=False)
                quick = len(questions_for_mode(self.bank, "quick"))
                yield Picker(
                    [(f"Quick check, {quick} questions", "quick"),
                     (f"Full assessment, {len(self.bank.questions)} questions", "full")],
                    value="quick", id="mode",
                )
        yield Footer()

    def _start_options(self) -> list[Option]:
        target = f"  → {self.new_path}" if self.new_path else ""
        options = [Option(Content("New assessment" + target), id="new")]
        if self.draft is not None:
            d = self.draft
            label = f"Resume  unsaved draft  {ago(d.saved_at)} · {d.answered} answered"
            if d.profile.name:
                label += f" · {d.profile.name}"
            options.append(Option(Content(label), id="draft"))
        for i, e in enumerate(self.recent):
            file_name = clean_text(e.path.name, single_line=True)
            label = f"Resume  {file_name}  saved {ago(e.saved_at)} · {e.answered} answered"
            options.append(Option(Content(label), id=f"recent-{i}"))
        options.append(Option(Content("Open a profile..."), id="open"))
        return options

    AUTO_FOCUS = "#start"

    # --- reading the form ---------------------------------------------------------------

    @property
    def details(self) -> NewDetails:
        """The new profile's details as typed; a bad hours value falls back to the default."""
        role = self.query_one("#role", Picker).value
        try:
            hours = float(self.query_one("#hours", Input).value)
        except ValueError:
            hours = self.bank.scoring.default_hours_per_week
        if not hours_ok(hours):
            hours = self.bank.scoring.default_hours_per_week
        mode: Mode = "full" if self.query_one("#mode", Picker).value == "full" else "quick"
        return {
            "name": self.query_one("#name", Input).value.strip(),
            "current_role": role if isinstance(role, str) else None,
            "hours_per_week": int(hours) if hours == int(hours) else hours,
            "mode": mode,
        }

    # --- actions ------------------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        if choice == "new":
            self.action_new()
        elif choice == "draft" and self.draft is not None:
            self.careerfit.resume_draft(self.draft)
        elif choice.startswith("recent-"):
            self.careerfit.resume_path(self.recent[int(choice.removeprefix("recent-"))].path)
        elif choice == "open":
            self.action_open()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_new()

    def action_new(self) -> None:
        self.careerfit.start_new(path=self.new_path, **self.details)

    def action_open(self) -> None:
        self.careerfit.action_resume()
