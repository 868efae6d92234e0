"""The app around files: an earlier draft kept aside, overwriting only when asked."""

from __future__ import annotations

from collections.abc import Callable

from apphelpers import SIZE, answer_many, screen_text, start_new

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.session import draft_path, load_draft

MakeApp = Callable[..., CareerfitApp]


async def test_a_new_assessment_keeps_the_earlier_draft_and_says_where(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Old")
        await answer_many(pilot, [1, 2, 3])
        app.action_new_assessment()
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await start_new(pilot, name="New")
        await answer_many(pilot, [4, 4])
        (archived,) = draft_path().parent.glob("draft-*.toml")
        notes = [n for n in app._notifications if n.title == "Earlier draft kept"]
        assert len(notes) == 1 and str(archived) in notes[0].message
        app.action_new_assessment()
        await pilot.pause()
        text = screen_text(app)
        assert "unsaved draft" in text and "2 answered" in text  # the most recent draft is offered
    draft = load_draft()
    assert draft is not None and draft.profile.name == "New"
