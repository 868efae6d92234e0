"""Profile settings at any time: the welcome form's fields in a dialog, checked the same way."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from careerfit.app.widgets.details_form import Details, DetailsForm
from careerfit.core.errors import ProfileError
from careerfit.session.state import Session


class SettingsDialog(ModalScreen[Details | None]):
    """Name, current role, weekly hours and mode; dismisses with the checked values or ``None``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="settings.cancel", tooltip="Close, changing nothing"),
        Binding("ctrl+s", "accept", "Save", id="settings.save", priority=True,
                tooltip="Save these settings to the profile"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        p = self.session.profile
        with Vertical(classes="dialog"):
            yield Label("Profile settings", classes="dialog-title", markup=False)
            yield DetailsForm(self.session.bank, name=p.name, current_role=p.current_role, hours=p.hours_per_week,
                              mode=self.session.mode, open_full=len(self.session.open_questions("full")),
                              id="settings-form")
            problem = Static("", id="settings-problem", markup=False)
            problem.display = False
            yield problem
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    AUTO_FOCUS = "#name"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a field moves on, as on the welcome form; Save (or Ctrl+S) saves."""
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_accept()
        else:
            self.dismiss(None)

    def action_accept(self) -> None:
        try:
            values = self.query_one(DetailsForm).read()
        except ProfileError as exc:
            problem = self.query_one("#settings-problem", Static)
            problem.update(str(exc))
            problem.display = True
            return
        self.dismiss(values)

    def action_cancel(self) -> None:
        self.dismiss(None)
