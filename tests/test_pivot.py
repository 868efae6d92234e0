"""The pivot model's issue-10 rules, tested directly (the personas test them in context).

1. A gap counts, and skill above a bar is put to work, as far as the target weighs the area:
   a minor requirement is mostly learnt in the new job.
2. With no declared role you are not assumed to hold your best fit: no "current role" is
   claimed, nothing is learnt on a job, the roles within reach are where you stand, and the
   pivot is the easiest role to get into, which may be your best fit.
3. A role your job covers (though not you) is a step back, unless the move is measured with
   the flow or you already lead the role's core beyond your job; one asking no more than you
   anywhere always is.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from careerfit.core.domain import Area, Bank, Move, Profile, Question, Requirement, Role
from careerfit.core.pivot import asks, is_step_back, leads_its_core, levels_given_up, weight, with_the_flow
from careerfit.core.report import NO_ROLE, to_json, to_markdown
from careerfit.core.scoring import assess, hours_beyond_job, hours_given_up, shown_fit, step_cost
from careerfit.core.why import why_pivot

DATA = Path(__file__).resolve().parent / "data"
PERSONAS = {p["id"]: p for name in ("personas_dev.toml", "personas_holdout.toml", "personas_fresh.toml")
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


def _declared(bank, make_profile, pid: str, **levels: int):
    p = PERSONAS[pid]
    return assess(bank, make_profile({**p["levels"], **levels}, current_role=p["current"]))


def test_a_move_with_the_flow_is_read_from_the_measured_lifts(bank):
    """Beyond chance and at least as often as the way back: peers, or forward."""
    role = bank.role
    assert with_the_flow(bank, role("data_engineer"), role("software_engineer"))  # 1.85 against 1.76
    assert with_the_flow(bank, role("data_scientist"), role("ml_engineer"))  # 2.15 against 1.31
    assert not with_the_flow(bank, role("ml_engineer"), role("data_scientist"))  # the way back
    assert not with_the_flow(bank, role("data_scientist"), role("statistician"))  # 1.38 against 1.74
    assert not with_the_flow(bank, role("data_scientist"), role("data_analyst"))  # 0.89: below chance
    assert not with_the_flow(bank, role("solutions_architect"), role("data_engineer"))  # no title in 2017
    assert not with_the_flow(bank, None, role("software_engineer"))  # no declared role, no measured move


def test_with_the_flow_needs_the_lift_above_one_and_not_below_the_way_back():
    areas = (Area(id="a", name="A", effort_hours=10, effort_rationale="test"),)
    roles = tuple(Role(id=x, name=x, description="d", requires={"a": Requirement(level=1, importance=5)})
                  for x in ("p", "q", "r"))
    moves = (Move("p", "q", lift=1.5), Move("q", "p", lift=1.5), Move("p", "r", lift=1.2), Move("r", "p", lift=1.3),
             Move("q", "r", lift=1.0))
    b = Bank(areas=areas, questions=(Question(id="a.q", skill="a", text="?"),), roles=roles, moves=moves)
    assert with_the_flow(b, b.role("p"), b.role("q")) and with_the_flow(b, b.role("q"), b.role("p"))  # a tie: peers
    assert not with_the_flow(b, b.role("p"), b.role("r"))  # more people come the other way
    assert not with_the_flow(b, b.role("q"), b.role("r"))  # no more often than chance


def test_a_junior_data_engineer_from_backend_work_goes_back_to_software_engineering(bank, make_profile):
    """Software engineer asks nothing a data engineer's job does not, but more than this junior
    (architecture 3 against 1), and data engineers move there with the flow: not a step back."""
    a = _declared(bank, make_profile, "de_junior_streaming")
    se, de = bank.role("software_engineer"), bank.role("data_engineer")
    assert all(asks(se, ar.id) <= max(PERSONAS["de_junior_streaming"]["levels"][ar.id], asks(de, ar.id))
               for ar in bank.areas)  # covered by the job: what made it a step back before
    assert "software_engineer" not in a.step_backs and a.pivot == "software_engineer"
    assert "Kaggle 2017" in why_pivot(bank, a)


def test_a_role_asking_no_more_than_you_anywhere_stays_a_step_back(bank, make_profile):
    """The exceptions are for a role your job covers, never for one you already cover."""
    p = PERSONAS["sp_recsys_engineer"]
    levels = {k: float(v) for k, v in p["levels"].items()}
    mlops, mle = bank.role("mlops_engineer"), bank.role("ml_engineer")
    assert all(asks(mlops, ar.id) <= levels[ar.id] for ar in bank.areas)
    assert is_step_back(bank, levels, mlops, mle, fits_better=True)
    de_senior = {k: float(v) for k, v in PERSONAS["de_senior_platform"]["levels"].items()}
    assert with_the_flow(bank, bank.role("data_engineer"), bank.role("software_engineer"))
    assert is_step_back(bank, de_senior, bank.role("software_engineer"), bank.role("data_engineer"), True)


def test_leading_a_role_s_core_beyond_your_job_is_sideways(bank, make_profile):
    """A solutions architect of lakehouse migrations (data engineering 4, where the job asks 2)
    goes to data engineer, whose core asks 3; at the bar it is not leading it, and the data
    scientist at the statistician's bar of 4 stays a step back from statistician."""
    sa, de, stat, ds = (bank.role(r) for r in ("solutions_architect", "data_engineer", "statistician",
                                               "data_scientist"))
    levels = PERSONAS["sa_senior_data_platform"]["levels"]
    assert leads_its_core(levels, de, sa)
    a = _declared(bank, make_profile, "sa_senior_data_platform")
    assert "data_engineer" not in a.step_backs and a.pivot == "data_engineer"
    assert not leads_its_core({**levels, "data_eng": 3}, de, sa)  # meeting the bar is not leading it
    assert "data_engineer" in _declared(bank, make_profile, "sa_senior_data_platform", data_eng=3).step_backs
    assert not leads_its_core(levels, de, None)  # no job to lead beyond
    headline = PERSONAS["headline_ds"]["levels"]
    assert not leads_its_core(headline, stat, ds)
    senior = PERSONAS["ds_senior_shipped"]["levels"]
    assert not leads_its_core(senior, bank.role("data_analyst"), ds)  # above its bars, but its core is the job's


def test_a_role_whose_core_you_already_exceed_gives_up_your_level(bank, make_profile):
    """An ML engineer at ML 4 who already meets data scientist's statistics bar would do its
    core (ML 3, statistics 3) a level below their work: the hours from its ML bar to theirs
    count once, and AI engineer (a core of software at their level) is the pivot. A data
    scientist at ML 4 still has ML engineer's software and MLOps to grow into, so their ML
    above its bar carries over; a statistician moves to data scientist with the flow."""
    ds, mle, stat = (bank.role(r) for r in ("data_scientist", "ml_engineer", "statistician"))
    recsys = {k: float(v) for k, v in PERSONAS["sp_recsys_engineer"]["levels"].items()}
    assert levels_given_up(bank, recsys, ds, mle) == ("ml",)
    assert levels_given_up(bank, recsys, ds, None) == ()  # no declared job, no level paid
    a = _declared(bank, make_profile, "sp_recsys_engineer")
    assert hours_given_up(bank, a.role("data_scientist"), mle) == step_cost(40, (1.0, 2.0, 4.0, 8.0), 3, 4)
    assert a.pivot == "ai_engineer" and a.runner_up == "data_scientist" and not a.nearly_tied
    senior = {k: float(v) for k, v in PERSONAS["ds_senior_shipped"]["levels"].items()}
    assert levels_given_up(bank, senior, mle, ds) == ()  # software and MLOps at 3 are new core work
    assert _declared(bank, make_profile, "ds_senior_shipped").pivot == "ml_engineer"
    methods = {k: float(v) for k, v in PERSONAS["stat_senior_methods"]["levels"].items()}
    assert with_the_flow(bank, stat, ds) and levels_given_up(bank, methods, ds, stat) == ()
    assert levels_given_up(bank, methods, ds, bank.role("research_scientist")) == ("statistics",)


def test_the_evidence_for_a_move_is_said_in_plain_words(bank):
    """The measured share where Kaggle has it, else O*NET's tier of relatedness in words a
    reader understands (no 'Primary-Short'), else that there is no data."""
    from careerfit.core.why import move_evidence

    said = {(m.from_role, m.to_role): move_evidence(bank, m.from_role, m.to_role) for m in bank.moves}
    shares = [s for (a, b), s in said.items() if bank.move(a, b).share]
    onet = [s for (a, b), s in said.items() if not bank.move(a, b).share and bank.move(a, b).onet]
    assert shares and all("Kaggle 2017" in s and "%" in s for s in shares)
    assert onet and all(s.startswith("O*NET lists ") and "Primary" not in s and "Supplemental" not in s for s in onet)
    assert move_evidence(bank, "statistician", "statistician") == "no data on this move"
