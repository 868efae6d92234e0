"""Small terminals, themes, NO_COLOR, the command palette and the bindings' ids and tooltips."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from apphelpers import SIZE, answer_many, screen_text, start_new
from textual.binding import Binding

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
from careerfit.app.screens.posting import PostingScreen
from careerfit.app.screens.results import ResultsScreen
from careerfit.app.screens.welcome import WelcomeScreen

MakeApp = Callable[..., CareerfitApp]


@pytest.mark.parametrize("size", [(40, 12), (120, 40)])
async def test_every_screen_survives_small_and_large_terminals(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await start_new(pilot, name="Tiny")
        await answer_many(pilot, [1, 2, None])
        app.show_posting()
        await pilot.pause()
        assert isinstance(app.screen, PostingScreen)
        app.screen.action_analyse()  # empty: an error line, no crash
        await pilot.pause()
        app.show_results()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        app.action_export()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.dismiss(None)
        await pilot.pause()
        app.show_answers()
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        assert screen_text(app).strip()


async def test_themes_switch_on_every_screen(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await start_new(pilot)
        app.show_results()
        await pilot.pause()
        app.theme = "nord"
        await pilot.pause()
        assert app.current_theme.name == "nord" and app.is_running


async def test_no_color_is_usable(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.no_color
        await start_new(pilot)
        await pilot.press("2")
        app.screen.go_to(0)
        await pilot.pause()
        assert "● 2 " in screen_text(app)  # the chosen answer is a mark, not only a colour


async def test_palette_offers_the_main_actions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await start_new(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert {"Save profile", "Export report", "Resume a profile", "New assessment", "Go to results",
                "Analyse a job posting"} <= titles
        commands = {c.title: c.callback for c in app.get_system_commands(app.screen)}
        commands["Go to results"]()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        commands["New assessment"]()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen) and app.session is None


def test_every_binding_has_an_id_and_a_tooltip() -> None:
    from careerfit.app.app import binding_owners
    from careerfit.app.widgets.picker import Picker

    owners = binding_owners()
    screens = {WelcomeScreen, AssessmentScreen, ResultsScreen, PostingScreen, PathDialog, ErrorPanel}
    assert screens | {Picker} <= set(owners)
    for owner in owners:
        for binding in owner.BINDINGS:
            assert isinstance(binding, Binding)
            assert binding.id and binding.tooltip, (owner.__name__, binding.key)


async def test_resume_by_typed_path_and_a_missing_file(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_resume()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.dismiss(tmp_path / "nope.toml")
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        assert "no such profile" in str(app.screen.query_one("#error-message").render())


async def test_the_footer_shows_the_keys_and_answers_the_mouse(make_app: MakeApp) -> None:
    """The one-widget footer: keys with descriptions, the palette key, click, hover tooltip."""
    from careerfit.app.widgets.footer import Footer

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        bottom = screen_text(app).splitlines()[-1]
        for shown in ("0-4 answer", "s skip", "b back", "n n/a", "r results", "^s save", "^p palette"):
            assert shown in bottom, (shown, bottom)
        footer = screen.query_one(Footer)
        column = bottom.index(" s skip") + 1
        await pilot.hover(footer, offset=(column, 0))
        assert footer.tooltip == "Skip: not sure (clears any answer; not the same as 0)"
        await pilot.hover(footer, offset=(bottom.index(" 0-4 answer") + 1, 0))
        assert footer.tooltip is not None and footer.tooltip.startswith("Answer")
        assert screen.index == 0
        await pilot.click(footer, offset=(column, 0))
        await pilot.pause()
        assert screen.index == 1  # the click pressed "s": the first question was skipped


async def test_a_screen_is_styled_once_when_it_first_shows_and_again_when_it_returns(
        make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    """FreshScreen skips the restyle of the first resume (everything was just styled) only."""
    from textual import events

    restyled: list[str] = []
    original = AssessmentScreen.update_node_styles

    def spy(self: AssessmentScreen, animate: bool = True) -> None:
        restyled.append(type(self).__name__)
        original(self, animate)

    monkeypatch.setattr(AssessmentScreen, "update_node_styles", spy)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await start_new(pilot)
        # Once: for the width class Textual sets on the first Resize (HORIZONTAL_BREAKPOINTS);
        # the first resume, right after mounting, adds no second pass.
        assert restyled == ["AssessmentScreen"]
        screen.post_message(events.ScreenResume())  # as Textual sends on a switch back to it
        await pilot.pause()
        assert restyled == ["AssessmentScreen"] * 2
