"""SVG snapshots at 80x24 of the settings dialog, the help, the answers overview and the
confirm dialog for replacing a saved target (fixed data; no paths shown).

Update after an intended change with ``pytest tests/app/test_snapshots_ux.py --snapshot-update``
and look at the SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from apphelpers import SIZE, freeze_cursors
from textual.pilot import Pilot

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.posting import PostingScreen
from careerfit.core.domain import Bank
from careerfit.formats.profile_io import save_profile
from careerfit.session.state import Session


def _profile(bank: Bank, folder: Path) -> Path:
    """A fixed data scientist part-way through the quick check: answered, skipped and open questions."""
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="quick")
    levels = {"ml": 3, "statistics": 3, "analysis": 3, "software": 2}
    s.profile.answers = {q.id: levels[q.skill] for q in s.questions if q.skill in levels}
    s.profile.extra["skipped"] = [q.id for q in s.questions if q.skill == "business"]
    path = folder / "ada.toml"
    save_profile(s.profile, path)
    return path


def _then(step: Callable[[Pilot], Awaitable[None]]) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        pilot.app.show_results()  # type: ignore[attr-defined]
        await pilot.pause()
        await step(pilot)
        await pilot.pause()
        freeze_cursors(pilot.app)
        await pilot.pause()

    return run


def _snap(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank, tmp_path: Path,
          step: Callable[[Pilot], Awaitable[None]]) -> bool:
    return snap_compare(make_app(_profile(bank, tmp_path)), terminal_size=SIZE, run_before=_then(step))


async def _keys(pilot: Pilot, *keys: str) -> None:
    await pilot.press(*keys)


def test_settings_dialog(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                         tmp_path: Path) -> None:
    assert _snap(snap_compare, make_app, bank, tmp_path, lambda p: _keys(p, "comma"))


def test_help_on_the_results(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                             tmp_path: Path) -> None:
    assert _snap(snap_compare, make_app, bank, tmp_path, lambda p: _keys(p, "question_mark"))


def test_answers_overview(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                          tmp_path: Path) -> None:
    assert _snap(snap_compare, make_app, bank, tmp_path, lambda p: _keys(p, "a"))


def test_confirm_replacing_a_saved_target(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp],
                                          bank: Bank, tmp_path: Path) -> None:
    async def step(pilot: Pilot) -> None:
        await pilot.press("p")
        screen = pilot.app.screen
        assert isinstance(screen, PostingScreen)
        screen._confirm_replace("ml-engineer")
        await pilot.pause()

    assert _snap(snap_compare, make_app, bank, tmp_path, step)
