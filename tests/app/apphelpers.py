"""Helpers for the app tests: plain-text screenshots and ways to drive the app fast.

Real key presses cost about 60 ms each under the pilot (it waits for idle after every
key), so tests press a few keys to prove the bindings and drive the rest through the
screens' own actions.
"""

from __future__ import annotations

import io

from rich.console import Console
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.welcome import WelcomeScreen

SIZE = (80, 24)
NASTY_NAME = "Ann[/] [@click=app.quit]x[/] \x1b]0;T\x07 [b]bold[/b] $accent"


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text (what a user reads, without colours)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True,
                      color_system="truecolor", record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def freeze_cursors(app: App) -> None:
    for field in app.screen.query(Input):
        field.cursor_blink = False


async def start_new(pilot: Pilot, *, name: str = "Ada", mode: str = "quick", role: str | None = None,
                    hours: float = 8) -> AssessmentScreen:
    """From the welcome screen to the first question, through the app's own entry point."""
    app = pilot.app
    assert isinstance(app.screen, WelcomeScreen)
    app.start_new(name=name, mode=mode, current_role=role, hours_per_week=hours)  # type: ignore[attr-defined]
    await pilot.pause()
    assert isinstance(app.screen, AssessmentScreen)
    return app.screen


async def answer_many(pilot: Pilot, levels: list[int | None]) -> None:
    """Answer (or skip, for ``None``) the next questions through the screen's actions."""
    screen = pilot.app.screen
    assert isinstance(screen, AssessmentScreen)
    for level in levels:
        if level is None:
            screen.action_skip()
        else:
            screen.action_answer(level)
    await pilot.pause()
