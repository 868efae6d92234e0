"""The app applies keymap.toml from the user data dir; a broken one is reported, not fatal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import record_notifications, screen_text, start_new

from careerfit.app.app import CareerfitApp, known_binding_ids
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.results import ResultsScreen

MakeApp = Callable[..., CareerfitApp]


def test_every_binding_has_an_id_the_keymap_can_name() -> None:
    assert {"save", "quit", "answer.3", "skip", "results", "results.export", "posting.analyse"} <= known_binding_ids()


async def test_a_remapped_key_works_and_the_old_one_does_not(make_app: MakeApp, isolated_home: Path) -> None:
    (isolated_home / "keymap.toml").write_text('[keymap]\nresults = "f6"\n')
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await start_new(pilot, name="Keys")
        assert isinstance(app.screen, AssessmentScreen)
        footer = screen_text(app).splitlines()[-1]
        assert "f6 results" in footer and "r results" not in footer  # the footer shows the new key
        await pilot.press("r")  # no longer bound
        assert isinstance(app.screen, AssessmentScreen)
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


async def test_a_broken_keymap_is_shown_and_defaults_stay(make_app: MakeApp, isolated_home: Path) -> None:
    (isolated_home / "keymap.toml").write_text('[keymap]\nteleport = "t"\n')
    app = make_app()
    shown = record_notifications(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        messages = [n.message for n in shown]
        assert any("unknown binding id 'teleport'" in m and "keymap.toml" in m for m in messages)
        await start_new(pilot, name="Keys")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
