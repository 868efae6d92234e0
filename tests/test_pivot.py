"""The pivot model's two issue-10 rules, tested directly (the personas test them in context).

1. A gap counts, and skill above a bar is put to work, as far as the target weighs the area:
   a minor requirement is mostly learnt in the new job.
2. With no declared role you are not assumed to hold your best fit: no "current role" is
   claimed, nothing is learnt on a job, the roles within reach are where you stand, and the
   pivot is the easiest role to get into, which may be your best fit.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from careerfit.core.domain import Area, Bank, Profile, Question, Requirement, Role
from careerfit.core.pivot import weight
from careerfit.core.report import NO_ROLE, to_json, to_markdown
from careerfit.core.scoring import assess, hours_beyond_job, shown_fit, step_cost
from careerfit.core.why import why_pivot

DATA = Path(__file__).resolve().parent / "data"
PERSONAS = {p["id"]: p for name in ("personas_dev.toml", "personas_holdout.toml")
            for p in tomllib.loads((DATA / name).read_text(encoding="utf-8"))["persona"]}


def _two_area_bank() -> Bank:
    """Areas ``a`` and ``b`` (10 h a first step); role ``r`` weighs ``a`` 5 (its core) and ``b`` 1."""
    areas = tuple(Area(id=x, name=x.upper(), effort_hours=10, effort_rationale="test") for x in "ab")
    qs = tuple(Question(id=f"{x}.q", skill=x, text="?") for x in "ab")
    roles = (
        Role(id="r", name="R", description="d",
             requires={"a": Requirement(level=2, importance=5), "b": Requirement(level=2, importance=1)}),
        Role(id="s", name="S", description="d", requires={"a": Requirement(level=1, importance=5)}),
    )
    return Bank(areas=areas, questions=qs, roles=roles)


def test_weight_is_the_importance_over_the_role_s_core(bank):
    mle = bank.role("ml_engineer")
    assert weight(mle, "ml") == 1.0  # core (importance 5)
    assert weight(mle, "research") == pytest.approx(1 / 5)  # "not important" on O*NET's scale
    assert weight(bank.role("data_analyst"), "mlops") == 0.0  # not asked at all


def test_a_minor_requirement_s_gap_counts_by_its_weight():
    bank = _two_area_bank()
    a = assess(bank, Profile(answers={"a.q": 0, "b.q": 0}))
    r = a.role("r")
    full = step_cost(10, bank.scoring.step_multipliers, 0, 2)
    assert r.effort_hours == pytest.approx(2 * full)  # the plan still shows every hour
    assert hours_beyond_job(bank, r, None) == pytest.approx(full + full / 5)


def test_skill_above_a_bar_is_idle_by_what_the_role_does_not_weigh():
    bank = _two_area_bank()
    a = assess(bank, Profile(answers={"a.q": 3, "b.q": 3}))
    above = step_cost(10, bank.scoring.step_multipliers, 2, 3)
    by_area = {af.area: af.unused_hours for af in a.role("r").areas}
    assert by_area["a"] == 0  # the role's core: all of it put to work
    assert by_area["b"] == pytest.approx(above * 4 / 5)
    s = {af.area: af.unused_hours for af in a.role("s").areas}
    assert s["b"] == pytest.approx(step_cost(10, bank.scoring.step_multipliers, 0, 3))  # not asked: all idle


def test_an_mlops_engineer_keeps_ml_engineer_ahead_of_data_engineer(bank, make_profile):
    """The held-out defect: ML engineer's minor bars (research 1, statistics 2) no longer
    outweigh what data engineering would leave idle of a serving engineer's MLOps and ML."""
    p = PERSONAS["mlops_mid_serving"]
    a = assess(bank, make_profile(p["levels"], current_role=p["current"]))
    assert a.pivot == "ml_engineer" and a.margin is not None and a.margin > bank.scoring.nearly_tied
    assert dict(a.ranking)["data_engineer"] > dict(a.ranking)["ml_engineer"]


def _undeclared(bank, make_profile, pid: str):
    p = PERSONAS[pid]
    assert p.get("current") is None
    profile = make_profile(p["levels"])
    return profile, assess(bank, profile)


def test_no_declared_role_means_no_current_role_and_the_best_fit_can_be_the_pivot(bank, make_profile):
    profile, a = _undeclared(bank, make_profile, "nr_product_manager")
    assert a.current_role is None and not a.current_declared
    assert a.best_fit == a.pivot == "data_analyst" and shown_fit(a.role("data_analyst").fit) == 83
    assert shown_fit(a.role(a.pivot).fit) < bank.scoring.within_reach  # not yet within reach
    why = why_pivot(bank, a)
    assert "your best fit, not yet within reach" in why and "Kaggle 2017" not in why  # no measured move
    md = to_markdown(bank, profile, a)
    assert f"- **Current role:** {NO_ROLE}\n" in md and "- **Best fit:** Data analyst (83%)" in md
    told = md.split("## How this was computed")[0]  # the method describes both cases
    assert "(current" not in told and "beyond what your current job asks" not in told
    data = json.loads(json.dumps(to_json(bank, profile, a)))
    assert data["current_role"] is None and data["best_fit"] == "data_analyst"
    assert data["easiest_pivot"]["role"] == "data_analyst"


def test_no_declared_role_learns_nothing_on_a_job(bank, make_profile):
    """Every gap hour counts (by its weight): no job's bar is assumed to be learnt where you are."""
    _, a = _undeclared(bank, make_profile, "nr_product_manager")
    for rid, _ in a.ranking:
        s = a.role(rid)
        role = bank.role(rid)
        expected = sum(weight(role, af.area) * af.gap_hours for af in s.areas if af.gap > 0)
        assert hours_beyond_job(bank, s, None) == pytest.approx(expected)


def test_with_no_declared_role_a_role_within_reach_is_where_you_stand(bank, make_profile):
    """An SRE already within reach of software engineering is pointed further, to data engineering."""
    _, a = _undeclared(bank, make_profile, "cc_sre_devops")
    assert a.best_fit == "software_engineer" and "software_engineer" in a.within_reach
    assert all(rid not in a.within_reach for rid, _ in a.ranking)
    assert a.pivot in PERSONAS["cc_sre_devops"]["acceptable"]


def test_the_bootcamp_graduate_is_not_called_a_statistician(bank, make_profile):
    profile, a = _undeclared(bank, make_profile, "cc_bootcamp_grad")
    md = to_markdown(bank, profile, a)
    assert "Current role:** Statistician" not in md and f"- **Current role:** {NO_ROLE}" in md
    assert a.best_fit == "statistician"  # an honest fit, shown as such: "Best fit: ... (53%)"
    assert f"- **Best fit:** Statistician / actuarial analyst ({a.role('statistician').fit:.0f}%)" in md


def test_of_nearly_tied_pivots_the_one_you_fit_better_is_named_first(bank, make_profile):
    """The bootcamp graduate is about as far from software engineer, analytics engineer and
    data analyst (within 5%): the hours cannot tell them apart, the fit can."""
    _, a = _undeclared(bank, make_profile, "cc_bootcamp_grad")
    nearest = min(a.ranking, key=lambda r: r[1])
    assert nearest[0] != a.pivot == "data_analyst"
    assert a.ranking[0][1] <= nearest[1] * (1 + bank.scoring.nearly_tied)
    assert shown_fit(a.role(a.pivot).fit) > shown_fit(a.role(nearest[0]).fit)
    assert a.nearly_tied and a.margin is not None and a.margin < 0
    runner = bank.role(a.runner_up).name if a.runner_up else ""
    assert f"Nearly tied with {runner}: {-a.margin:.0%} closer, but a fit of" in why_pivot(bank, a)
