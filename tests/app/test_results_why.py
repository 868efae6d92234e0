"""The results screen says why the pivot is the easiest, in the report's own words."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.results import ResultsScreen
from careerfit.cli.commands.report import build
from careerfit.core.text import md_escape
from careerfit.core.why import LEGEND, pivot_label, why_pivot
from careerfit.formats.profile_io import save_profile
from careerfit.session.state import Session

DATA = Path(__file__).resolve().parents[1] / "data"
HEADLINE = next(p for p in tomllib.loads((DATA / "personas_dev.toml").read_text(encoding="utf-8"))["persona"]
                if p["id"] == "headline_ds")


def _saved(bank, path: Path, levels: dict[str, int], name: str, current_role: str | None = None) -> Path:
    """A full profile answering every question of an area at the persona's level, on disk."""
    s = Session.new(bank, name=name, current_role=current_role, mode="full")
    s.profile.answers = {q.id: levels[q.skill] for q in bank.questions}
    save_profile(s.profile, path)
    return path


async def test_results_show_the_why_line_and_the_legend(make_app: Callable[..., CareerfitApp], tmp_path: Path,
                                                        bank) -> None:
    path = _saved(bank, tmp_path / "ada.toml", HEADLINE["levels"], name="Ada", current_role="data_scientist")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        a = app.screen.assessment
        assert a.pivot == "ml_engineer"
        detail = str(app.screen.query_one("#detail").render())
        why = why_pivot(bank, a)
        assert detail.startswith("Easiest pivot: " + pivot_label(bank, a)) and why in detail
        legend = str(app.screen.query_one("#reach").render())
        assert all(part in legend for part in LEGEND.split(" · "))
    # The report says the same, in the same words.
    assert f"  - Why: {md_escape(why)}" in build(path, None, None, "markdown")


async def test_with_no_declared_role_the_results_claim_no_current_role(make_app: Callable[..., CareerfitApp],
                                                                       tmp_path: Path, bank) -> None:
    """Issue 10: the product manager of the personas declares no role; the screen says
    "Best fit: Data analyst (83%)", not "Current role: ...", and agrees with the report."""
    pm = next(p for p in tomllib.loads((DATA / "personas_holdout.toml").read_text(encoding="utf-8"))["persona"]
              if p["id"] == "nr_product_manager")
    path = _saved(bank, tmp_path / "pat.toml", pm["levels"], name="Pat")
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r")
        assert isinstance(app.screen, ResultsScreen)
        a = app.screen.assessment
        assert a.current_role is None and a.pivot == a.best_fit == "data_analyst"
        side = str(app.screen.query_one("#reach").render())
        assert side.startswith("Best fit: Data analyst (83%)\n") and "Current role" not in side
        assert "= current" not in side
        detail = str(app.screen.query_one("#detail").render())
        assert detail.startswith("Easiest pivot: Data analyst") and why_pivot(bank, a) in detail
    md = build(path, None, None, "markdown")
    assert "- **Current role:** none declared" in md and "- **Best fit:** Data analyst (83%)" in md
    assert f"  - Why: {md_escape(why_pivot(bank, a))}" in md
