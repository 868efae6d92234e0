"""Help, undo, skipped, settings, the answers overview and continuing, as a user presses keys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, screen_text, start_new
from textual.widgets import Input, OptionList

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.answers import AnswersScreen
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.help import HelpScreen
from careerfit.app.screens.results import ResultsScreen
from careerfit.app.screens.settings import SettingsDialog
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.app.widgets.picker import Picker
from careerfit.core.domain import MAX_HOURS, Bank
from careerfit.core.why import LEGEND
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session

MakeApp = Callable[..., CareerfitApp]


def _saved(bank: Bank, folder: Path, *, complete: bool = False, mode: str = "quick") -> Path:
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode=mode)  # type: ignore[arg-type]
    qs = s.questions if complete else s.questions[:3]
    s.profile.answers = {q.id: 2 for q in qs}
    path = folder / "ada.toml"
    save_profile(s.profile, path)
    return path


async def test_enter_in_the_name_field_moves_on_and_does_not_start(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.screen.query_one("#name", Input).focus()
        await pilot.press("A", "d", "a", "enter")
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is not None and app.focused.id == "role"
        await pilot.press("ctrl+n")  # starting is the explicit key
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen) and app.session.profile.name == "Ada"  # type: ignore[union-attr]


async def test_help_lists_the_live_keys_and_the_results_words(make_app: MakeApp, isolated_home: Path) -> None:
    (isolated_home / "keymap.toml").write_text('[keymap]\nskip = "k"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await start_new(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.keys
        assert any(k.key == "k" and k.what.startswith("Skip: not sure") for k in keys)  # the remapped key
        assert any(k.key == "u ^z" and "last answer" in k.what for k in keys)
        assert any(k.key == "0-4" for k in keys) and not any(k.key == "1" for k in keys)  # one line for 0-4
        assert any("Help for this screen" in k.what for k in keys) and not any(k.what == "Down" for k in keys)
        assert not app.screen.query("#help-words")
        await pilot.press("escape")
        assert isinstance(app.screen, AssessmentScreen)
        app.show_results()
        await pilot.pause()
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        words = str(app.screen.query_one("#help-words").render())
        assert all(part in words for part in LEGEND.split(" · "))
        whats = " ".join(k.what for k in app.screen.keys)
        assert "Profile settings" in whats and "Every question with its answer" in whats


async def test_undo_takes_back_answer_and_skip_and_saves(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    path = _saved(bank, tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        q = screen.question
        await pilot.press("s")  # skip: shown as skipped, not as unseen
        screen.go_to(screen.index - 1)
        await pilot.pause()
        assert "Skipped" in screen_text(app) and "Not answered yet" not in screen_text(app)
        assert app.session.is_skipped(q.id)  # type: ignore[union-attr]
        screen.go_to(screen.index + 1)
        await pilot.press("3")
        assert load_profile(path).answers[screen.session.questions[screen.index - 1].id] == 3
        await pilot.press("u")  # the 3 is taken back, in the file too
        assert screen.session.questions[screen.index].id not in load_profile(path).answers
        await pilot.press("ctrl+z")  # then the skip
        assert screen.question.id == q.id and not app.session.is_skipped(q.id)  # type: ignore[union-attr]
        assert "Not answered yet" in screen_text(app)
        assert "skipped" not in load_profile(path).extra


async def test_settings_from_the_results_and_the_palette(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    path = _saved(bank, tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_results()
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SettingsDialog)
        hours = dialog.query_one("#hours", Input)
        hours.value = str(MAX_HOURS * 2)
        await pilot.press("ctrl+s")  # over the limit: explained in place, nothing saved
        assert isinstance(app.screen, SettingsDialog)
        assert f"{MAX_HOURS:g}" in str(dialog.query_one("#settings-problem").render())
        hours.value = "12"
        dialog.query_one("#name", Input).value = "Ada L"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        saved = load_profile(path)
        assert (saved.name, saved.hours_per_week) == ("Ada L", 12)
        assert "12 h/week" in str(app.screen.query_one("#detail").render())
        app.action_settings()  # what the palette's "Profile settings" runs
        await pilot.pause()
        assert isinstance(app.screen, SettingsDialog)
        await pilot.press("escape")
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert {"Profile settings", "Answers overview", "Continue the assessment", "Help"} <= set(commands)
        assert "Keys" not in commands  # Textual's generic panel gives way to careerfit's help


async def test_answers_overview_lists_states_and_jumps(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    path = _saved(bank, tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        assert session is not None
        session.set_answer(session.questions[3].id, None)
        app.show_results()
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AnswersScreen)
        text = screen_text(app)
        assert "answer 2" in text and "skipped" in text and "not answered yet" in text
        ol = app.screen.query_one(OptionList)
        highlighted = ol.get_option_at_index(ol.highlighted or 0).id
        assert highlighted == session.questions[3].id  # the first one without an answer: the skipped one
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen) and app.screen.question.id == highlighted


async def test_a_quick_check_continues_with_only_the_open_questions(make_app: MakeApp, bank: Bank,
                                                                     tmp_path: Path) -> None:
    path = _saved(bank, tmp_path, complete=True)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)  # a complete profile reopens on the results
        assert "c: continue with the full assessment" in " ".join(str(app.screen.query_one("#reach").render()).split())
        answered = set(app.session.profile.answers)  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen) and screen.session.mode == "full"
        assert load_profile(path).extra["mode"] == "full"
        assert app.focused is not None and app.focused.id == "choices"  # ready for the next answer key
        seen = []
        for _ in range(5):
            seen.append(screen.question.id)
            screen.action_answer(1)
        assert not answered & set(seen)  # nothing answered before is asked again


async def test_an_old_profile_is_offered_the_new_areas(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    s = Session.new(bank, name="Old", mode="full")
    s.profile.answers = {q.id: 2 for q in bank.questions if q.skill not in ("llm_apps", "analytics_eng")}
    save_profile(s.profile, tmp_path / "old.toml")
    n = len(bank.questions_for("llm_apps")) + len(bank.questions_for("analytics_eng"))
    app = make_app(tmp_path / "old.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_results()
        await pilot.pause()
        assert f"c: answer the {n} new questions" in " ".join(str(app.screen.query_one("#reach").render()).split())
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert app.screen.question.skill in ("llm_apps", "analytics_eng")


async def test_focus_is_back_on_the_roles_after_the_questions(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    app = make_app(_saved(bank, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and app.focused is app.screen.query_one("#roles")
        await pilot.press("escape", "2", "r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen) and app.focused is app.screen.query_one("#roles")
        await pilot.press("a", "escape")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#roles")


async def test_switching_the_mode_keeps_the_question_shown(make_app: MakeApp, bank: Bank, tmp_path: Path) -> None:
    app = make_app(_saved(bank, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        shown = screen.question.id
        session = app.session
        assert session is not None
        app.action_settings()  # the palette's "Profile settings"
        await pilot.pause()
        app.screen.query_one("#mode", Picker).value = "full"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.question.id == shown and len(session.questions) == len(bank.questions)
