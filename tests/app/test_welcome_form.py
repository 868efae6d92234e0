"""The welcome form's pickers (current role, mode) by keys and by mouse, into a new assessment."""

from __future__ import annotations

from collections.abc import Callable

from apphelpers import SIZE, screen_text

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.app.widgets.picker import Picker, PickerList
from careerfit.core.domain import Bank

MakeApp = Callable[..., CareerfitApp]


async def test_keys_pick_a_role_and_the_full_assessment(make_app: MakeApp, bank: Bank) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WelcomeScreen)
        role, mode = screen.query_one("#role", Picker), screen.query_one("#mode", Picker)
        assert role.value is None and mode.value == "quick"
        assert not role.query(PickerList)  # the list is built only when first opened

        role.focus()
        await pilot.press("enter")
        assert role.expanded and isinstance(app.focused, PickerList)
        await pilot.press("down", "down", "enter")  # past "not sure / none" and the first role
        assert not role.expanded and app.focused is role
        assert role.value == bank.roles[1].id
        assert bank.roles[1].name in screen_text(app)

        await pilot.press("enter", "escape")  # opened and closed: unchanged
        assert not role.expanded and role.value == bank.roles[1].id

        mode.focus()
        await pilot.press("down", "down", "enter")
        assert mode.value == "full"

        await pilot.press("ctrl+n")
        await pilot.pause()
        assert isinstance(app.screen, AssessmentScreen)
        session = app.screen.session
        assert session.profile.current_role == bank.roles[1].id
        assert session.mode == "full" and len(session.questions) == len(bank.questions)


async def test_typing_in_the_open_list_jumps_to_a_role(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        role = app.screen.query_one("#role", Picker)
        role.focus()
        await pilot.press("enter", "s", "t", "a", "t", "enter")
        assert role.value == "statistician"


async def test_the_mouse_opens_the_list_and_picks(make_app: MakeApp, bank: Bank) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        role = app.screen.query_one("#role", Picker)
        await pilot.click(role)
        assert role.expanded
        options = role.query_one(PickerList)
        await pilot.click(options, offset=(2, 3))  # the prompt, then the roles: row 3 is the third role
        await pilot.pause()
        assert not role.expanded and role.value == bank.roles[2].id
        await pilot.click(role)
        assert role.expanded
        await pilot.click(app.screen.query_one("#name"))  # a click elsewhere closes it unchanged
        await pilot.pause()
        assert not role.expanded and role.value == bank.roles[2].id
