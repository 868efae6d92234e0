"""The smaller things a user hit: quitting after a failed first save, clearing the posting box,
Ctrl+T over a saved target, suggested names, the theme remembered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, answer_many, quick_profile, start_new
from textual.widgets import Button, Input, TextArea

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
from careerfit.app.screens.posting import PostingScreen, suggested_name
from careerfit.core.domain import Bank
from careerfit.formats.profile_io import load_profile

MakeApp = Callable[..., CareerfitApp]
POSTINGS = Path(__file__).parent.parent / "postings"


def test_suggested_names_are_cut_between_words() -> None:
    title = "Senior Machine Learning Engineer Recommendations Platform Team"
    name = suggested_name(title)
    assert name == "senior-machine-learning-engineer"
    assert len(name) <= 40 and title.lower().replace(" ", "-").startswith(name)
    assert suggested_name("x" * 50) == "x" * 40  # one long word: cut where it must be
    assert suggested_name("ML Engineer") == "ml-engineer"


async def test_quitting_after_a_failed_first_save_asks(make_app: MakeApp, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot)
        await answer_many(pilot, [3])
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PathDialog)
        app.screen.dismiss(blocker / "ada.toml")  # the first save fails
        await pilot.pause()
        assert app.save_failed
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel) and app.is_running
        assert "last save failed" in str(app.screen.query_one("#error-message").render())


async def test_posting_box_clears_and_ctrl_t_asks_before_replacing(make_app: MakeApp, bank: Bank,
                                                                   tmp_path: Path) -> None:
    path = quick_profile(bank, tmp_path)
    text = (POSTINGS / "data_engineer.md").read_text(encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        screen = app.screen
        assert isinstance(screen, PostingScreen)
        screen.query_one(TextArea).text = text
        screen.action_analyse()
        await app.workers.wait_for_complete()
        await pilot.pause()
        name = screen.query_one("#target-name", Input)
        name.value = "de"
        await pilot.press("ctrl+t")
        assert set(load_profile(path).extra["targets"]) == {"de"}
        saved = dict(load_profile(path).extra["targets"]["de"])
        await pilot.press("ctrl+t")  # the same name again: asked, and Enter keeps the saved one
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and load_profile(path).extra["targets"]["de"] == saved
        await pilot.press("ctrl+t")
        await pilot.pause()
        app.screen.query_one("#replace", Button).press()
        await pilot.pause()
        assert app.screen is screen and "kept in memory" not in str(screen.query_one("#posting-status").render())
        await pilot.press("ctrl+l")
        assert screen.query_one(TextArea).text == "" and name.value == "" and screen.analysis is None
        assert screen.query_one("#save-target", Button).disabled


async def test_the_theme_is_remembered_and_a_broken_settings_file_is_shown(make_app: MakeApp,
                                                                           isolated_home: Path) -> None:
    from careerfit.formats.app_settings import AppSettings, load_settings

    settings = isolated_home / "settings.toml"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
    assert load_settings(settings) == AppSettings(theme="nord")
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    settings.write_text('theme = 3\ncolour = "red"\n')
    broken = make_app()
    async with broken.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert broken.theme == CareerfitApp().theme  # the default
        notes = [n for n in broken._notifications if n.title == "Settings not applied"]
        assert notes and "settings.toml" in notes[0].message
