"""The app where the platform or the typed input is unusual: no signal support, odd paths."""

from __future__ import annotations

import asyncio

import pytest
from apphelpers import SIZE

from careerfit.app.app import HANDLED_SIGNALS, CareerfitApp
from careerfit.app.screens.welcome import WelcomeScreen
from careerfit.models import Bank


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


