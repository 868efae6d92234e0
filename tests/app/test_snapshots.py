"""SVG snapshots at 80x24 of the welcome screen, a question and the results.

Update after an intended change with ``pytest tests/app --snapshot-update`` and look at
the SVGs under ``__snapshots__`` before committing them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, freeze_cursors
from textual.pilot import Pilot

from careerfit.app.app import CareerfitApp
from careerfit.domain import Bank
from careerfit.profile_io import save_profile
from careerfit.session import Session


def _profile(bank: Bank, folder: Path) -> Path:
    """A fixed data scientist, part-way through the quick check."""
    s = Session.new(bank, name="Ada [b]Lovelace[/b]", current_role="data_scientist", mode="quick")
    levels = {"ml": 3, "statistics": 3, "analysis": 3, "software": 2, "business": 2, "data_eng": 1}
    answers = {q.id: levels[q.skill] for q in s.questions if q.skill in levels}
    s.profile.answers = answers
    path = folder / "ada.toml"
    save_profile(s.profile, path)
    return path


async def _settle(pilot: Pilot) -> None:
    freeze_cursors(pilot.app)
    await pilot.pause()


def test_welcome(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp]) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_settle)


def test_question(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                  tmp_path: Path) -> None:
    assert snap_compare(make_app(_profile(bank, tmp_path)), terminal_size=SIZE, run_before=_settle)


def test_results(snap_compare: Callable[..., bool], make_app: Callable[..., CareerfitApp], bank: Bank,
                 tmp_path: Path) -> None:
    async def to_results(pilot: Pilot) -> None:
        pilot.app.show_results()  # type: ignore[attr-defined]
        await _settle(pilot)

    assert snap_compare(make_app(_profile(bank, tmp_path)), terminal_size=SIZE, run_before=to_results)
