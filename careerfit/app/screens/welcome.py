"""Welcome: start a new assessment, or resume the draft, a recent profile or any file.

Starting takes one keystroke: Enter on "New assessment" (or Ctrl+N anywhere) starts with
the details typed so far; Enter in a field moves to the next. The draft and recent
profiles are one line each.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.details_form import Details, DetailsForm
from careerfit.app.widgets.footer import Footer
from careerfit.core.domain import Bank
from careerfit.core.errors import ProfileError
from careerfit.core.text import clean_text
from careerfit.session.drafts import DraftInfo, load_draft
from careerfit.session.recent import RecentEntry, ago, recent_profiles

TAGLINE = "Which role fits you today, and what is the easiest pivot from here?"


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
            yield DetailsForm(self.bank, hours=self.bank.scoring.default_hours_per_week)
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
    def details(self) -> Details:
        """The new profile's details as typed; a bad hours value falls back to the default."""
        form = self.query_one(DetailsForm)
        try:
            return form.read()
        except ProfileError:
            name, role, _hours, mode = form.raw()
            hours = self.bank.scoring.default_hours_per_week
            return {"name": name, "current_role": role, "hours_per_week": int(hours) if hours == int(hours) else hours,
                    "mode": mode}

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
        """Enter in a field moves to the next one: starting is the explicit "New assessment"
        (or Ctrl+N), so a name typed and entered does not start with every other default."""
        event.stop()
        self.focus_next()

    def action_new(self) -> None:
        self.careerfit.start_new(path=self.new_path, **self.details)

    def action_open(self) -> None:
        self.careerfit.action_resume()
