"""The app around files: an earlier draft kept aside, overwriting only when asked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, answer_many, record_notifications, screen_text, start_new
from textual.widgets import Input

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.formats.profile_io import load_profile
from careerfit.session.drafts import load_draft
from careerfit.session.paths import draft_path

MakeApp = Callable[..., CareerfitApp]


async def test_a_new_assessment_keeps_the_earlier_draft_and_says_where(make_app: MakeApp) -> None:
    app = make_app()
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Old")
        await answer_many(pilot, [1, 2, 3])
        app.action_new_assessment()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await start_new(pilot, name="New")
        await answer_many(pilot, [4, 4])
        (archived,) = draft_path().parent.glob("draft-*.toml")
        notes = [n for n in shown if n.title == "Earlier draft kept"]
        assert len(notes) == 1 and str(archived) in notes[0].message
        app.action_new_assessment()
        await pilot.pause()
        text = screen_text(app)
        assert "unsaved draft" in text and "2 answered" in text  # the most recent draft is offered
    draft = load_draft()
    assert draft is not None and draft.profile.name == "New"


async def test_save_as_over_another_file_asks_and_keeps_it_by_default(make_app: MakeApp, tmp_path: Path) -> None:
    other = tmp_path / "other.toml"
    other.write_text('schema = 1\nname = "Someone else"\n', encoding="utf-8")
    before = other.read_bytes()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Ada")
        await answer_many(pilot, [3])
        app.action_save()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(other)
        await pilot.press("enter")
        assert isinstance(app.screen, ErrorPanel) and "already exists" in screen_text(app)
        await pilot.press("enter")  # the focused default: keep the file
        assert isinstance(app.screen, PathDialog)  # back to choose another name
        assert other.read_bytes() == before and app.session.path is None
        app.screen.dismiss(None)
        await pilot.pause()

        app._save_as(other)
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        app.screen.dismiss("replace")
        await pilot.pause()
        assert app.session.path == other and load_profile(other).name == "Ada"
        app._save_as(other)  # its own file now: no question
        await pilot.pause()
        assert not isinstance(app.screen, ErrorPanel)


async def test_export_over_an_existing_file_asks_once(make_app: MakeApp, tmp_path: Path) -> None:
    report = tmp_path / "notes.md"
    report.write_text("my notes", encoding="utf-8")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Ada")
        app._export_to(report)
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        app.screen.dismiss(None)  # Escape keeps it too
        await pilot.pause()
        assert report.read_text(encoding="utf-8") == "my notes"
        app._export_to(report)
        await pilot.pause()
        app.screen.dismiss("replace")
        await pilot.pause()
        assert report.read_text(encoding="utf-8").startswith("#")
        app._export_to(report)  # the report this session wrote: rewritten without asking
        await pilot.pause()
        assert not isinstance(app.screen, ErrorPanel)
