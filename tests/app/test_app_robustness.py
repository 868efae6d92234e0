"""The app where the platform or the typed input is unusual: no signal support, odd paths."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from apphelpers import SIZE, answer_many, screen_text, start_new
from textual.widgets import Input, Static

from careerfit.app.app import HANDLED_SIGNALS, CareerfitApp
from careerfit.app.screens.dialogs import PathDialog
from careerfit.app.screens.results import ResultsScreen
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.core.domain import Bank
from careerfit.core.errors import SaveError
from careerfit.core.scoring import Assessment
from careerfit.session.state import Session


@pytest.mark.parametrize("error", [NotImplementedError, RuntimeError])
async def test_an_event_loop_without_signal_handlers_still_runs_the_app(
        bank: Bank, monkeypatch: pytest.MonkeyPatch, error: type[Exception]) -> None:
    """Windows' loops raise NotImplementedError from add_signal_handler; the app must start anyway."""
    tried: list[int] = []

    def refuse(sig: int, *args: object) -> None:
        tried.append(sig)
        raise error("no signals here")

    monkeypatch.setattr(asyncio.get_running_loop(), "add_signal_handler", refuse)
    app = CareerfitApp(bank=bank, handle_signals=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
    assert tried == list(HANDLED_SIGNALS)  # each registration was tried, none stopped the others
    assert app.return_code in (None, 0)




async def test_opening_the_results_assesses_the_profile_once(make_app: Callable[..., CareerfitApp],
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The plain assessment (no target) is the results screen's costliest step: once per opening."""
    plain: list[str | None] = []
    original = Session.assessment

    def counted(self: Session, target: str | None = None) -> Assessment:
        if target is None:
            plain.append(target)
        return original(self, target)

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Ada")
        await answer_many(pilot, [3, 2, 4])
        monkeypatch.setattr(Session, "assessment", counted)
        app.show_results()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert len(plain) == 1
        assert "Fit by role" in screen_text(app)


NO_SUCH_USER_PATH = "~careerfit-no-such-user-x9/ada.toml"


async def test_a_path_under_an_unknown_users_home_is_explained_in_the_dialog(
        make_app: Callable[..., CareerfitApp]) -> None:
    """``Path.expanduser`` raises RuntimeError for ``~nosuchuser``: the dialog says so and stays open."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Ada")
        app.action_save()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        dialog.query_one(Input).value = NO_SUCH_USER_PATH
        await pilot.press("enter")
        assert app.screen is dialog  # not dismissed, not crashed
        problem = dialog.query_one("#path-problem", Static)
        assert problem.display
        assert "cannot use this path" in screen_text(app)
        dialog.query_one(Input).value = "ada.toml"  # editing hides the stale problem
        await pilot.pause()
        assert not problem.display
    assert app.return_code in (None, 0)


def test_save_as_and_export_refuse_an_unknown_users_home_with_a_save_error(bank: Bank) -> None:
    s = Session.new(bank, name="Ada")
    with pytest.raises(SaveError, match="cannot use this path"):
        s.save_as(Path(NO_SUCH_USER_PATH))
    with pytest.raises(SaveError, match="cannot use this path"):
        s.export(Path("~careerfit-no-such-user-x9/ada.md"))
    assert s.path is None
