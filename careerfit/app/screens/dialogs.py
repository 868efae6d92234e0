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

    def _accept(self) -> None:
        value = self.query_one(Input).value.strip()
        if value:
            self.dismiss(Path(value).expanduser())

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
        self.error_title = title
        self.message = message
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
