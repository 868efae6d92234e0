"""Help for the screen underneath: its keys as they are bound now, and what the words mean.

The keys are read from the screen's live bindings (``Screen.active_bindings``), so a key
moved in ``keymap.toml`` shows where it is; the results' words are ``careerfit.core.why.LEGEND``,
the same text the results screen shows.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar, NamedTuple

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from careerfit.core.why import LEGEND

_RANGE = re.compile(r"\w-\w")


class KeyHelp(NamedTuple):
    key: str
    what: str


def screen_keys(app: App[Any], screen: Screen[Any]) -> list[KeyHelp]:
    """Every careerfit key that acts on ``screen`` now (its own, its widgets', the app's): the
    bindings with an id, which ``keymap.toml`` can move, one line per action, described by
    the binding's tooltip (else its footer description); then the command palette's key.
    Textual's own keys of a focused list or field (arrows, Tab) are left out as noise."""
    shown: dict[tuple[int, str], list[str]] = {}
    what: dict[tuple[int, str], str] = {}
    active = list(screen.active_bindings.values())
    # A key shown as a range ("0-4") stands for the hidden keys it spans (answer.1 ... answer.4).
    covered = {chr(c) for _n, b, _e, _t in active if b.key_display and _RANGE.fullmatch(b.key_display)
               for c in range(ord(b.key_display[0]) + 1, ord(b.key_display[-1]) + 1)}
    for node, binding, enabled, tooltip in active:
        if not enabled or binding.system or not binding.id or (not binding.show and binding.key in covered):
            continue
        key = (id(node), binding.action)
        display = app.get_key_display(binding)
        if display not in shown.setdefault(key, []):
            shown[key].append(display)
        what.setdefault(key, tooltip or binding.tooltip or binding.description)
    keys = [KeyHelp(" ".join(displays), what[key]) for key, displays in shown.items()]
    palette = screen.active_bindings.get(app.COMMAND_PALETTE_BINDING)
    if app.ENABLE_COMMAND_PALETTE and palette is not None:
        keys.append(KeyHelp(app.get_key_display(palette.binding), "Command palette: every action by name"))
    return keys


def legend_lines() -> list[str]:
    return LEGEND.split(" · ")


class HelpScreen(ModalScreen[None]):
    """A title, the keys, and for the results the meaning of fit, effort, within reach, keeps."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1,q", "close", "Close", id="help.close", tooltip="Close the help"),
    ]

    def __init__(self, title: str, keys: list[KeyHelp], words: list[str] | None = None) -> None:
        super().__init__()
        self.help_title = title
        self.keys = keys
        self.words = words or []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="help"):
            yield Label(f"Help: {self.help_title}", classes="dialog-title", markup=False)
            with VerticalScroll(id="help-body"):
                with Grid(id="help-keys"):
                    for k in self.keys:
                        yield Static(Content.styled(k.key, "bold"), classes="help-key")
                        yield Static(Content(k.what), classes="help-what")
                if self.words:
                    yield Label("What the results mean", classes="dialog-title", markup=False)
                    yield Static(Content("\n").join(Content(w) for w in self.words), id="help-words")
            yield Static(Content.styled("esc closes", "dim"))

    def action_close(self) -> None:
        self.dismiss(None)
