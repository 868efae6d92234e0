"""Pilot tests of whole flows: new -> answer -> results -> save; resume; export; failures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import NASTY_NAME, SIZE, answer_many, record_notifications, screen_text, start_new
from textual.widgets import Input, OptionList

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
from careerfit.app.screens.results import ResultsScreen
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.cli.commands.report import build
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.drafts import load_draft
from careerfit.session.state import Session

MakeApp = Callable[..., CareerfitApp]


async def test_new_assessment_answer_results_save_and_reload(make_app: MakeApp, tmp_path: Path) -> None:
    target = tmp_path / "ada.toml"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot, name="Ada", role="data_scientist")
        # A handful of real keys proves the bindings: 3, skip, back, 4, Enter on the highlighted label.
        await pilot.press("3", "s", "b", "4")
        first, second = screen.session.questions[:2]
        assert screen.session.answer_of(first.id) == 3
        assert screen.session.answer_of(second.id) == 4
        assert screen.index == 2
        await pilot.press("down", "enter")
        assert screen.session.answer_of(screen.session.questions[2].id) == 1
        quick = len(screen.session.questions)  # the quick check: 18 questions
        await answer_many(pilot, [2] * (quick - 3))
        assert isinstance(app.screen, ResultsScreen)  # after the last question
        text = screen_text(app)
        detail = str(app.screen.query_one("#detail").render())  # scrolls below the fold at 80x24
        assert "Fit by role" in text and "Plan" in detail
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        assert "ada.toml" in app.sub_title
        answers = dict(app.session.profile.answers)
    assert load_profile(target).answers == answers
    assert len(answers) == quick == 18

    again = make_app(target)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, ResultsScreen)  # complete: reopens where it ended
        await pilot.press("escape")
        assert isinstance(again.screen, AssessmentScreen)
        assert again.session.profile.answers == answers
        assert again.session.mode == "quick"
        first = again.session.questions[0]
        again.screen.go_to(0)
        await pilot.pause()
        assert f"● {answers[first.id]} " in screen_text(again)
        # A resumed answer can be changed, and is saved at once.
        again.screen.action_answer(0)
        assert load_profile(target).answers[first.id] == 0


async def test_results_numbers_and_export_equal_careerfit_report(make_app: MakeApp, tmp_path: Path,
                                                                 bank) -> None:
    s = Session.new(bank, name="Bo", current_role="data_scientist", mode="full")
    for i, q in enumerate(bank.questions):
        s.profile.answers = {**s.profile.answers, q.id: (i * 7) % 5}
    profile_path = tmp_path / "bo.toml"
    save_profile(s.profile, profile_path)
    app = make_app(profile_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        a = app.screen.assessment
        shown = screen_text(app)
        for role in a.roles[:5]:
            assert f"{role.fit:>3.0f}%" in shown
        await pilot.press("e")
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(tmp_path / "bo.md")
        app.screen._accept()
        await pilot.pause()
        # Selecting another role shows its gaps and plan.
        roles = app.screen.query_one("#roles", OptionList)
        other = next(r.role_id for r in a.roles if r.role_id != a.pivot)
        roles.highlighted = [r.role_id for r in a.roles].index(other)
        await pilot.pause()
        detail = str(app.screen.query_one("#detail").render())
        assert detail.startswith(("Selected: " + bank.role(other).name, "Current role: "))
        assert "You vs " + bank.role(other).name in detail
    assert (tmp_path / "bo.md").read_text(encoding="utf-8") == build(profile_path, None, None, "markdown")


async def test_a_failed_save_shows_an_error_and_keeps_the_answers(make_app: MakeApp, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    app = make_app()
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        app.session.path = blocker / "ada.toml"
        await answer_many(pilot, [3, 2])
        assert app.save_failed and "NOT SAVED" in app.sub_title
        assert any(n.severity == "error" and "Not saved" in n.title for n in shown)
        assert len(screen.session.profile.answers) == 2
        # Ctrl+S asks for another path; saving there works and clears the error.
        app.action_save()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.dismiss(tmp_path / "elsewhere.toml")
        await pilot.pause()
        assert not app.save_failed
        assert len(load_profile(tmp_path / "elsewhere.toml").answers) == 2
        # Quitting with a broken path asks instead of losing answers.
        app.session.path = blocker / "again.toml"
        await app.action_quit()
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)


async def test_resume_from_the_autosave_draft(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Cy")
        await answer_many(pilot, [1, 2, 3])
        answers = dict(app.session.profile.answers)
    assert load_draft() is not None

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WelcomeScreen)
        assert "unsaved draft" in screen_text(again) and "3 answered" in screen_text(again)
        start = again.screen.query_one("#start", OptionList)
        start.highlighted = [o.id for o in start.options].index("draft")
        await pilot.press("enter")
        assert isinstance(again.screen, AssessmentScreen)
        assert again.session.profile.answers == answers and again.session.path is None
        assert again.screen.index == 3


async def test_markup_and_escapes_in_a_name_are_shown_literally(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name=NASTY_NAME)
        await answer_many(pilot, [2, 3])
        assert app.is_running
        assert "Ann[/] [@click=app.quit]x[/]" in screen_text(app)
        assert "\x1b" not in app.sub_title and "\x07" not in app.sub_title
        app.show_results()
        await pilot.pause()
        await pilot.click("Header")
        assert app.is_running
        app.session.save_as(tmp_path / "nasty[b]]].toml")
    again = make_app(tmp_path / "nasty[b]]].toml")
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.is_running and isinstance(again.screen, AssessmentScreen)
        again.action_new_assessment()
        await pilot.pause()
        assert "Ann[/] [@click" in screen_text(again) or "nasty[b]]].toml" in screen_text(again)


async def test_a_broken_profile_shows_the_problem_and_offers_the_backup(make_app: MakeApp, tmp_path: Path,
                                                                        bank) -> None:
    path = tmp_path / "eve[b].toml"
    s = Session.new(bank, name="Eve")
    s.save_as(path)
    # A later sitting's first save keeps the version before it as the .bak.
    Session.resume(bank, path).set_answer(bank.questions[0].id, 4)
    path.write_text("schema = 1\nname = [unclosed\n", encoding="utf-8")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        await pilot.pause()
        message = str(app.screen.query_one("#error-message").render())
        assert str(path) in message and "invalid TOML" in message and "backup" in message
        assert "Open the backup" in screen_text(app)
        app.screen.dismiss("backup")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert app.session.path == path and app.session.profile.name == "Eve"


async def test_quit_saves(make_app: MakeApp, tmp_path: Path, bank) -> None:
    path = tmp_path / "q.toml"
    save_profile(Session.new(bank, name="Q").profile, path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.session.profile.answers = {bank.questions[0].id: 2}  # changed without a save
        await pilot.press("ctrl+q")
    assert load_profile(path).answers == {bank.questions[0].id: 2}
    assert app.return_code == 0


async def test_a_missing_profile_path_starts_a_new_one_saved_there(make_app: MakeApp, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        app.screen.query_one("#name", Input).value = "Neo"
        app.screen.action_new()
        await pilot.pause()
        await answer_many(pilot, [1])
    assert load_profile(path).name == "Neo" and len(load_profile(path).answers) == 1
