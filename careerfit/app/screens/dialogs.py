"""Modal dialogs: ask for a path (save, export, open) and show an error with choices.

Messages carry file names and problems that may hold any characters, so everything is
shown with ``markup=False``.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from careerfit.core.errors import CareerfitError
from careerfit.core.text import clean_text
from careerfit.session.paths import expand_path


class PathDialog(ModalScreen[Path | None]):
    """Ask for a file path; Enter accepts, Escape cancels (dismissing with ``None``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel", tooltip="Close without doing anything")
    ]

    def __init__(self, title: str, default: Path, action: str = "Save") -> None:
        super().__init__()
        self.dialog_title = title
        self.default = default
        self.action_label = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.dialog_title, classes="dialog-title", markup=False)
            yield Input(str(self.default), id="path", compact=True)
            problem = Static("", id="path-problem", markup=False)
            problem.display = False  # shown only when a typed path cannot be used
            yield problem
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.action_label, id="ok", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    AUTO_FOCUS = "#path"

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._accept()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._accept()
        else:
            self.dismiss(None)

    def on_input_changed(self, event: Input.Changed) -> None:
        """A problem shown for the path typed before no longer applies once it is edited."""
        event.stop()
        self.query_one("#path-problem", Static).display = False

    def _accept(self) -> None:
        """Dismiss with the expanded path; a path that cannot be used is explained in place.

        ``~nosuchuser/x`` or a symlink loop would otherwise raise in whichever caller first
        expands or resolves it, ending the app; here the user can correct it.
        """
        value = self.query_one(Input).value.strip()
        if not value:
            return
        try:
            path = expand_path(Path(value))
        except CareerfitError as exc:
            problem = self.query_one("#path-problem", Static)
            problem.update(exc.problem)
            problem.display = True
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ErrorPanel(ModalScreen[str | None]):
    """A problem in words, and what can be done about it: one button per choice.

    Dismisses with the chosen button's id (``None`` on Escape).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="error.close", tooltip="Close this message")
    ]

    def __init__(self, title: str, message: str, choices: tuple[tuple[str, str], ...] = (("ok", "OK"),)) -> None:
        super().__init__()
        # Messages name files: a path may hold escape sequences, which would reach the terminal.
        self.error_title = clean_text(title, single_line=True)
        self.message = clean_text(message)
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-panel"):
            yield Label(self.error_title, classes="dialog-title", markup=False)
            yield Static(self.message, id="error-message", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for choice_id, label in self.choices:
                    yield Button(label, id=choice_id, compact=True)

    AUTO_FOCUS = "Button"

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
