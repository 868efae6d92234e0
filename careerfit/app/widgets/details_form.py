"""The profile's details as a form: name, current role, weekly hours and mode.

One definition for the welcome screen and the settings dialog: the same fields, the same
limits (``careerfit.core.domain``'s, which ``ProfileModel`` applies to a file) and the same
reading of what was typed, checked by ``careerfit.session.modes.check_details``.
"""

from __future__ import annotations

from typing import TypedDict

from textual.app import ComposeResult
from textual.containers import Grid
from textual.content import Content
from textual.widgets import Input, Label

from careerfit.app.widgets.picker import Picker
from careerfit.core.domain import MAX_HOURS, MAX_NAME, MIN_HOURS, Bank
from careerfit.core.errors import ProfileError
from careerfit.session.modes import Mode, check_details, questions_for_mode

#: Characters an hours value can take as typed ("100", "7.5").
HOURS_WIDTH = len(f"{MAX_HOURS:g}") + 2


class Details(TypedDict):
    """The form's details, named as ``Session.new`` and ``update_settings`` take them."""

    name: str
    current_role: str | None
    hours_per_week: float
    mode: Mode


def hours_text(hours: float) -> str:
    return f"{hours:g}"


def mode_options(bank: Bank, open_full: int | None = None) -> list[tuple[str, Mode]]:
    """The mode choices; with ``open_full``, the full assessment says how many questions it adds."""
    quick = len(questions_for_mode(bank, "quick"))
    full = (f"Full assessment: {open_full} more questions" if open_full is not None
            else f"Full assessment, {len(bank.questions)} questions")
    return [(f"Quick check, {quick} questions", "quick"), (full, "full")]


class DetailsForm(Grid):
    """Label / field pairs; ``read()`` gives the checked values or raises ``ProfileError``."""

    def __init__(self, bank: Bank, *, name: str = "", current_role: str | None = None, hours: float = 8,
                 mode: Mode = "quick", open_full: int | None = None, id: str | None = "details") -> None:
        super().__init__(id=id)
        self.bank = bank
        self._initial = (name, current_role, hours, mode)
        self._open_full = open_full

    def compose(self) -> ComposeResult:
        name, role, hours, mode = self._initial
        yield Label("Name", markup=False)
        yield Input(name, placeholder="your name (optional)", id="name", compact=True, max_length=MAX_NAME)
        yield Label("Current role", markup=False)
        yield Picker([(Content(r.name), r.id) for r in self.bank.career_roles], value=role,
                     prompt="not sure / none", id="role")
        yield Label("Hours/week", markup=False)
        yield Input(hours_text(hours), id="hours", type="number", compact=True, max_length=HOURS_WIDTH,
                    tooltip=f"Hours a week you can spend learning ({MIN_HOURS:g} to {MAX_HOURS:g}); "
                    "turns effort into weeks")
        yield Label("Mode", markup=False)
        yield Picker(mode_options(self.bank, self._open_full), value=mode, id="mode")

    def raw(self) -> tuple[str, str | None, str, Mode]:
        role = self.query_one("#role", Picker).value
        mode: Mode = "full" if self.query_one("#mode", Picker).value == "full" else "quick"
        return (self.query_one("#name", Input).value.strip(), role if isinstance(role, str) else None,
                self.query_one("#hours", Input).value.strip(), mode)

    def read(self) -> Details:
        """The values as ``Session.new`` / ``update_settings`` take them; ``ProfileError`` if one is bad."""
        name, role, hours_typed, mode = self.raw()
        try:
            hours = float(hours_typed)
        except ValueError:
            raise ProfileError(f"hours a week must be a number from {MIN_HOURS:g} to {MAX_HOURS:g}") from None
        check_details(self.bank, name, role, hours, mode, what="details")
        return {"name": name, "current_role": role, "hours_per_week": int(hours) if hours == int(hours) else hours,
                "mode": mode}
