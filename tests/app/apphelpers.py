"""Helpers for the app tests: plain-text screenshots and ways to drive the app fast.

Real key presses cost about 60 ms each under the pilot (it waits for idle after every
key), so tests press a few keys to prove the bindings and drive the rest through the
screens' own actions.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.core.domain import Bank
from careerfit.formats.profile_io import save_profile
from careerfit.session.state import Session

SIZE = (80, 24)
NASTY_NAME = "Ann[/] [@click=app.quit]x[/] \x1b]0;T\x07 [b]bold[/b] $accent"


#: One run of text in the SVG that ``App.export_screenshot`` writes (Rich's ``export_svg``):
#: its x in pixels (12.2 per cell at Rich's 20 px font, 0.61 aspect) and its terminal line.
_SVG_TEXT = re.compile(r'<text class="[^"]*" x="([0-9.]+)" y="[0-9.]+" textLength="[0-9.]+" '
                       r'clip-path="url\(#[^)]*-line-(\d+)\)">(.*?)</text>')
_CELL_PX = 20 * 0.61


def screen_text(app: App) -> str:
    """What the terminal shows, as plain text (what a user reads, without colours).

    Read back from the app's public SVG screenshot, so the tests see exactly what a
    snapshot would, screens below a dialog included, without Textual's compositor.
    """
    width, height = app.size
    rows: list[list[str]] = [[" "] * width for _ in range(height)]
    for x, line, text in _SVG_TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL_PX)
        row = rows[int(line)]
        for char in html.unescape(text).replace("\xa0", " "):
            if column < width:
                row[column] = char
            column += cell_len(char)
            if cell_len(char) == 2 and column - 1 < width:
                row[column - 1] = ""  # the second cell of a wide character
    return "\n".join("".join(row).rstrip() for row in rows)


class Note(NamedTuple):
    message: str
    title: str
    severity: str


def freeze_cursors(app: App) -> None:
    """Snapshots draw no blinking cursor: drawn or not by the clock, it would make them flaky."""
    from textual.widgets import Input, TextArea

    for field in app.screen.query("Input, TextArea"):
        assert isinstance(field, Input | TextArea)
        field.cursor_blink = False
        field.refresh()  # TextArea does not repaint for it: lines drawn mid-blink would stay


def record_notifications(app: App) -> list[Note]:
    """Notifications the app raises from now on, through its public ``notify``."""
    notes: list[Note] = []
    notify = app.notify

    def recording(message: str, *, title: str = "", severity: str = "information", **kwargs: object) -> None:
        notes.append(Note(message, title, severity))
        notify(message, title=title, severity=severity, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]
    return notes


async def start_new(pilot: Pilot, *, name: str = "Ada", mode: str = "quick", role: str | None = None,
                    hours: float = 8) -> AssessmentScreen:
    """From the welcome screen to the first question, through the app's own entry point."""
    app = pilot.app
    assert isinstance(app, CareerfitApp) and isinstance(app.screen, WelcomeScreen)
    app.start_new(name=name, mode="full" if mode == "full" else "quick", current_role=role, hours_per_week=hours)
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


def quick_profile(bank: Bank, folder: Path) -> Path:
    """A data scientist who answered every quick-check question at 2, saved as ``ada.toml``."""
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="quick")
    s.profile.answers = {q.id: 2 for q in s.questions}
    path = folder / "ada.toml"
    save_profile(s.profile, path)
    return path
