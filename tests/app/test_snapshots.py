"""SVG snapshots of every screen and dialog, the error panel, the light theme and 40x12.

Each scene is a profile written from fixed data, opened at a path relative to the test's
own folder (so no temporary path, date or clock is drawn), and brought to the state shown
through the app's own actions. The answers are derived from the bank's areas, not from
question ids, so a rewritten question bank needs no edit here; after an intended change
regenerate all of them with one command and look at the SVGs under ``__snapshots__``::

    python -m pytest tests/app/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import NamedTuple

import pytest
from apphelpers import SIZE, freeze_cursors
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
from careerfit.app.screens.posting import PostingScreen
from careerfit.app.widgets.picker import Picker
from careerfit.core.domain import Bank
from careerfit.formats.profile_io import save_profile
from careerfit.session.state import Session

NARROW = (40, 12)
#: Per-area levels of the fixed data scientist, by the area's place in the bank: strong in
#: the first areas, weaker later, the last ones left open (so the app opens on a question).
LEVELS = (3, 3, 3, 2, 2, 1)
POSTING = """Senior Machine Learning Engineer

You will train, deploy and monitor models in production: build feature pipelines, serve
models behind low-latency APIs, run A/B tests, and own CI/CD for ML with Docker and
Kubernetes. Python and SQL required; PyTorch, MLflow and a cloud platform a plus.
"""

Scene = Callable[[Pilot], Awaitable[None]]


def _app(pilot: Pilot) -> CareerfitApp:
    app = pilot.app
    assert isinstance(app, CareerfitApp)
    return app


def write_profile(bank: Bank, path: Path) -> Path:
    """A fixed data scientist, part-way through the quick check."""
    s = Session.new(bank, name="Ada [b]Lovelace[/b]", current_role="data_scientist", mode="quick")
    levels = dict(zip((a.id for a in bank.areas), LEVELS, strict=False))
    s.profile.answers = {q.id: levels[q.skill] for q in s.questions if q.skill in levels}
    save_profile(s.profile, path)
    return path


async def _type_path(pilot: Pilot, value: str) -> None:
    """Replace the dialog's proposed path (it names the test's temporary folder)."""
    screen = pilot.app.screen
    assert isinstance(screen, PathDialog)
    field = screen.query_one("#path", Input)
    field.value = value
    field.cursor_position = len(value)


# --- scenes: from the app as opened to the state the snapshot shows -------------------------


async def nothing(pilot: Pilot) -> None:
    return None


async def open_picker(pilot: Pilot) -> None:
    picker = pilot.app.screen.query_one("#role", Picker)
    picker.focus()
    await pilot.press("enter")  # the binding a user presses, not the action


async def results(pilot: Pilot) -> None:
    _app(pilot).show_results()


async def posting(pilot: Pilot) -> None:
    _app(pilot).show_posting()


async def posting_analysed(pilot: Pilot) -> None:
    app = _app(pilot)
    app.show_posting()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, PostingScreen)
    screen.query_one("#posting-text", TextArea).load_text(POSTING)
    await app.run_action("screen.analyse")
    await app.workers.wait_for_complete()
    await pilot.pause()  # the worker's result is shown by a message handled after it ends


async def save_as(pilot: Pilot) -> None:
    app = _app(pilot)
    app.start_new(name="Ada", mode="quick")
    await pilot.pause()
    app.action_save()  # an unsaved draft: asks where
    await pilot.pause()
    await _type_path(pilot, "~/careerfit/profiles/ada.toml")


async def export(pilot: Pilot) -> None:
    _app(pilot).action_export()  # proposes ada.md beside ada.toml


async def open_file(pilot: Pilot) -> None:
    _app(pilot).action_resume()
    await pilot.pause()
    await _type_path(pilot, "~/careerfit/profiles/")


async def unusable_path(pilot: Pilot) -> None:
    await open_file(pilot)
    await _type_path(pilot, "~nosuchuser/ada.toml")
    await pilot.press("enter")


async def confirm_replace(pilot: Pilot) -> None:
    Path("taken.toml").write_text("# someone else's file\n", encoding="utf-8")
    _app(pilot)._save_as(Path("taken.toml"))


async def confirm_quit(pilot: Pilot) -> None:
    app = _app(pilot)
    Path("blocker").write_text("a file, not a folder\n", encoding="utf-8")
    assert app.session is not None
    app.session.path = Path("blocker/ada.toml")
    await app.action_quit()  # the save fails: ask rather than lose the answers


async def light(pilot: Pilot) -> None:
    pilot.app.theme = "textual-light"


class Case(NamedTuple):
    scene: Scene
    profile: str | None = "ada.toml"  # the file the app opens (None: the welcome screen)
    size: tuple[int, int] = SIZE
    dialog: type | None = None  # the screen on top once the scene is set


CASES: dict[str, Case] = {
    "welcome": Case(nothing, profile=None),
    "welcome_picker_open": Case(open_picker, profile=None),
    "question": Case(nothing),
    "results": Case(results),
    "posting": Case(posting),
    "posting_analysed": Case(posting_analysed),
    "save_as": Case(save_as, profile=None, dialog=PathDialog),
    "export": Case(export, dialog=PathDialog),
    "open_file": Case(open_file, dialog=PathDialog),
    "unusable_path": Case(unusable_path, dialog=PathDialog),
    "confirm_replace": Case(confirm_replace, dialog=ErrorPanel),
    "confirm_quit": Case(confirm_quit, dialog=ErrorPanel),
    "broken_profile": Case(nothing, profile="broken.toml", dialog=ErrorPanel),
    "broken_profile_backup": Case(nothing, profile="backed-up.toml", dialog=ErrorPanel),
    "light_theme": Case(light),
    "narrow_welcome": Case(nothing, profile=None, size=NARROW),
    "narrow_question": Case(nothing, size=NARROW),
    "narrow_results": Case(results, size=NARROW),
}


@pytest.mark.parametrize("name", list(CASES))
def test_screen(name: str, snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = CASES[name]
    monkeypatch.chdir(tmp_path)  # paths are drawn as given: relative, the same on every run
    write_profile(bank, Path("ada.toml"))
    Path("broken.toml").write_text("name = 'Ada'\nanswers = [unclosed\n", encoding="utf-8")
    Path("backed-up.toml").write_text("not toml at all = = =\n", encoding="utf-8")
    write_profile(bank, Path("backed-up.toml.bak"))

    async def run_before(pilot: Pilot) -> None:
        await pilot.pause()
        await case.scene(pilot)
        await pilot.pause()
        freeze_cursors(pilot.app)
        await pilot.pause()
        if case.dialog is not None:
            assert isinstance(pilot.app.screen, case.dialog), pilot.app.screen

    app = make_app(Path(case.profile) if case.profile else None)
    assert snap_compare(app, terminal_size=case.size, run_before=run_before)


def test_readme_gives_the_command_that_regenerates_them() -> None:
    command = "python -m pytest tests/app/test_snapshots.py --snapshot-update"
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert __doc__ is not None and command in __doc__ and command in readme
