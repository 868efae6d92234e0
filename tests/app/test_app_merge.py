"""Two windows on one profile: the app merges what the other window saved, and says so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, record_notifications

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.core.domain import Bank, Profile
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session

MakeApp = Callable[..., CareerfitApp]


async def test_an_answer_given_in_another_window_is_kept_and_announced(
    make_app: MakeApp, bank: Bank, tmp_path: Path
) -> None:
    path = tmp_path / "shared.toml"
    save_profile(Profile(name="Ann", current_role="data_scientist", extra={"mode": "quick"}), path)
    app = make_app(path)
    shown = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, AssessmentScreen)
        first, second = screen.session.questions[0].id, screen.session.questions[1].id
        other = Session.resume(bank, path)  # the second window
        other.set_answer(second, 4)
        await pilot.press("3")  # this window answers the first question
        await pilot.pause()
        notes = [n for n in shown if n.title == "Merged with another window"]
        assert len(notes) == 1 and "another window" in notes[0].message
        assert screen.session.answer_of(second) == 4  # shown here too
    answers = load_profile(path).answers
    assert answers[first] == 3 and answers[second] == 4  # neither window's answer lost
