"""Personas as the specification of the easiest pivot.

``tests/data/personas_dev.toml`` was written by a hiring practitioner before the model was
scored: per persona, the levels it answers at (every question of an area at that level),
the acceptable pivots and the nonsense ones, each justified by the seeds, the surveys or
O*NET. ``tests/data/personas_holdout.toml`` (same format) was kept aside until the model
was done; ``tests/data/personas_fresh.toml`` was written blind by a second practitioner after
that (its header records the first look). When a persona fails, fix the role data or the
model, never the expectation; what cannot be fixed on principle gets a ruling.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.app.widgets.role_detail import role_detail
from careerfit.core.report import to_json, to_markdown
from careerfit.core.scoring import assess, shown_fit
from careerfit.core.text import md_escape
from careerfit.core.why import pivot_label, why_pivot

DATA = Path(__file__).resolve().parent / "data"
FILES = ("personas_dev.toml", "personas_holdout.toml", "personas_fresh.toml")


def _load() -> dict[str, dict]:
    personas: dict[str, dict] = {}
    for name in FILES:
        path = DATA / name
        if path.exists():
            for p in tomllib.loads(path.read_text(encoding="utf-8"))["persona"]:
                assert p["id"] not in personas, f"duplicate persona id {p['id']}"
                personas[p["id"]] = {**p, "file": name}
    return personas


PERSONAS = _load()
HEADLINE = "headline_ds"
#: The lead's rulings where the model and a written expectation disagree (see the file).
_RULINGS_DOC = tomllib.loads((DATA / "persona_rulings.toml").read_text(encoding="utf-8"))
RULINGS = {r["persona"]: r for r in _RULINGS_DOC.get("ruling", [])}


def _assess(bank, make_profile, persona: dict, **kw):
    return assess(bank, make_profile(persona["levels"], current_role=persona.get("current")), **kw)


def test_the_specification_is_complete(bank):
    dev = [p for p in PERSONAS.values() if p["file"] == "personas_dev.toml"]
    assert len(dev) >= 30
    roles = {r.id for r in bank.career_roles}
    areas = {a.id for a in bank.areas}
    for p in PERSONAS.values():
        assert p["acceptable"] and p["why"] and p["summary"], p["id"]
        assert set(p["acceptable"]) <= roles and set(p["nonsense"]) <= roles, p["id"]
        assert not set(p["acceptable"]) & set(p["nonsense"]), p["id"]
        assert set(p["levels"]) == areas, p["id"]
        assert p.get("current") is None or p["current"] in roles, p["id"]
    declared = {p.get("current") for p in dev}
    assert roles <= declared | {None}, roles - declared  # every role appears as a current role
    assert any(p.get("current") is None for p in dev)


@pytest.mark.parametrize("pid", sorted(PERSONAS))
def test_persona_gets_an_acceptable_pivot(bank, make_profile, pid):
    p = PERSONAS[pid]
    a = _assess(bank, make_profile, p)
    shown = [(r, round(d)) for r, d in a.ranking[:4]]
    assert a.pivot not in p["nonsense"], f"{pid}: nonsense pivot {a.pivot}; ranking {shown}"
    ruling = RULINGS.get(pid)
    if ruling is None:
        assert a.pivot in p["acceptable"], f"{pid}: pivot {a.pivot} not in {p['acceptable']}; ranking {shown}"
    elif ruling["kind"] == "contract":  # the expectation is met where the contract puts it
        assert a.best_fit == ruling["best_fit"] and ruling["best_fit"] in p["acceptable"], (pid, a.best_fit)
    elif ruling["kind"] == "disputed":  # another practitioner signs this pivot for a near-identical person
        twin = PERSONAS[ruling["twin"]]
        assert twin["file"] != p["file"] and twin.get("current") == p.get("current"), (pid, twin["id"])
        assert all(abs(twin["levels"][k] - v) <= 1 for k, v in p["levels"].items()), (pid, twin["id"])
        assert a.pivot in twin["acceptable"] and a.pivot not in p["nonsense"], (pid, a.pivot)
        assert a.pivot not in p["acceptable"], f"{pid}: now passes; remove its ruling"
    else:  # open: not yet right; an acceptable role must be the runner-up
        assert a.pivot not in p["acceptable"], f"{pid}: now passes; remove its ruling"
        assert a.runner_up == ruling["runner_up"] in p["acceptable"], (pid, a.runner_up, shown)


def test_rulings_name_real_personas_and_say_why():
    kinds = {"contract", "open", "disputed"}
    for pid, r in RULINGS.items():
        assert pid in PERSONAS and r["kind"] in kinds and len(r["why"]) > 40, pid


@pytest.mark.parametrize("pid", sorted(PERSONAS))
def test_every_persona_is_told_how_robust_its_pivot_is(bank, make_profile, pid):
    """The runner-up and its margin, in the report and on the results screen alike."""
    p = PERSONAS[pid]
    profile = make_profile(p["levels"], current_role=p.get("current"))
    a = assess(bank, profile)
    assert a.runner_up is not None and a.margin is not None
    runner = bank.role(a.runner_up).name
    why = why_pivot(bank, a)
    if a.margin < 0:  # a closer runner-up, nearly tied, that fits you less: the pivot is named first
        assert a.nearly_tied and -a.margin <= bank.scoring.nearly_tied
        assert shown_fit(a.role(a.runner_up).fit) < shown_fit(a.role(a.pivot).fit)
        assert f"Nearly tied with {runner}: {-a.margin:.0%} closer, but a fit of {a.role(a.runner_up).fit:.0f}%." in why
    elif a.nearly_tied:
        assert a.margin <= bank.scoring.nearly_tied
        assert pivot_label(bank, a) == f"{bank.role(a.pivot).name}, nearly tied with {runner}"
        assert f"Nearly tied with {runner}, {a.margin:.0%} further." in why
    else:
        assert pivot_label(bank, a) == bank.role(a.pivot).name
        assert f"Next: {runner}, {a.margin:.0%} further." in why
    md = to_markdown(bank, profile, a)
    assert f"- **Easiest pivot:** {md_escape(pivot_label(bank, a))}, fit" in md
    assert f"  - Why: {md_escape(why)}" in md
    screen = role_detail(bank, a, a.pivot).plain
    assert f"Easiest pivot: {pivot_label(bank, a)}" in screen and why in screen
    data = to_json(bank, profile, a)["easiest_pivot"]
    assert (data["role"], data["runner_up"], data["why"]) == (a.pivot, a.runner_up, why)


def test_headline_case_is_the_issue_s_exactly(bank):
    """The seeds' headline persona, as issue 10 states it (plus the two new areas at 0)."""
    levels = PERSONAS[HEADLINE]["levels"]
    assert levels == dict(statistics=4, ml=3, analysis=3, business=3, research=2, software=1, data_eng=1,
                          ai_apps=1, architecture=0, mlops=0, llm_apps=0, analytics_eng=0)
    assert PERSONAS[HEADLINE]["current"] == "data_scientist"


def test_headline_pivot_keeps_ml_and_plans_software_and_architecture(bank, make_profile):
    a = _assess(bank, make_profile, PERSONAS[HEADLINE])
    assert a.pivot == "ml_engineer" and a.current_role == "data_scientist" and a.current_declared
    assert not a.nearly_tied and a.margin is not None and a.margin >= 0.10
    planned = [step.area for step in a.plan]
    assert {"software", "architecture", "mlops"} <= set(planned)
    carried = {af.area for af in a.role("ml_engineer").areas if af.required >= 2 and (af.you or 0) >= af.required}
    assert "ml" in carried
    assert all(step.actions for step in a.plan)
    # The statistics above ML engineer's bar is valued, not counted as unused strength.
    stats = next(af for af in a.role("ml_engineer").areas if af.area == "statistics")
    assert stats.unused_hours == 0
    assert {"data_analyst", "statistician"} <= set(a.step_backs)
    why = why_pivot(bank, a)
    keeps, learn, move = why.split(". ")[0].split("; ")
    assert keeps.startswith("Keeps ML & DL") and learn.startswith("learn ") and "Software" in learn
    assert move == "24% of ML engineers were data scientists, Kaggle 2017"


#: The development personas' stability (README "How scoring works"): of every one-level move of
#: one area, the share that keeps an acceptable pivot, and the share that gives a nonsense one.
#: Measured 600 / 633 and 3 / 633 (issue 10's model, and again with the fresh set's changes),
#: 601 / 633 and 3 / 633 with the level given up (``pivot.levels_given_up``); a change to the
#: model must not make either worse.
STABLE_AT_LEAST = 601 / 633
NONSENSE_AT_MOST = 3 / 633


def one_level_moves(persona: dict) -> list[dict[str, int]]:
    """The persona's levels with one area moved one level up or down (within 0-4)."""
    moved = []
    for area, level in persona["levels"].items():
        for step in (-1, 1):
            if 0 <= level + step <= 4:
                moved.append({**persona["levels"], area: level + step})
    return moved


def test_one_level_moves_of_the_development_personas_keep_an_acceptable_pivot(bank, make_profile):
    cases = acceptable = nonsense = 0
    for p in PERSONAS.values():
        if p["file"] != "personas_dev.toml":
            continue
        for levels in one_level_moves(p):
            pivot = assess(bank, make_profile(levels, current_role=p.get("current"))).pivot
            cases += 1
            acceptable += pivot in p["acceptable"]
            nonsense += pivot in p["nonsense"]
    assert cases == 633
    assert acceptable / cases >= STABLE_AT_LEAST - 1e-9, (acceptable, cases)
    assert nonsense / cases <= NONSENSE_AT_MOST + 1e-9, (nonsense, cases)


_MOVABLE = sorted(set(PERSONAS[HEADLINE]["levels"]) - {"software", "architecture", "mlops"})


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(area=st.sampled_from(_MOVABLE), step=st.sampled_from((-1, 1)))
def test_headline_keeps_ml_engineer_when_one_other_area_moves_one_level(bank, make_profile, area, step):
    levels = dict(PERSONAS[HEADLINE]["levels"])
    levels[area] = min(max(levels[area] + step, 0), 4)
    a = assess(bank, make_profile(levels, current_role="data_scientist"))
    assert a.pivot == "ml_engineer", (area, levels[area], a.ranking[:3])


def test_vision_and_llm_specialist_best_fit_is_ai_engineer(bank, make_profile):
    """Several roles can be fully met; the tie goes to the closest one, not the undemanding one."""
    levels = dict(ai_apps=4, llm_apps=3, ml=3, software=3, mlops=2, architecture=2, business=2, statistics=1,
                  data_eng=1, analysis=1, research=1, analytics_eng=0)
    a = assess(bank, make_profile(levels))
    assert a.best_fit == "ai_engineer"
    assert a.current_role is None and not a.current_declared  # no role is assumed for you
    assert "ai_engineer" in a.within_reach and a.pivot == "ml_engineer"


def test_a_role_you_fit_better_than_your_job_is_back_only_when_it_asks_no_more(bank, make_profile):
    """The fit table and the step-back rule never contradict each other: a role a persona fits
    better than its own job is left out only when it asks no more than them anywhere."""
    from careerfit.core.pivot import asks

    checked = 0
    for p in PERSONAS.values():
        a = _assess(bank, make_profile, p)
        job = bank.role(a.current_role) if a.current_role is not None else None
        # With no declared job, the best fit is where your answers are: it plays the job's part.
        bar = shown_fit(a.role(a.current_role).fit) if a.current_role is not None else shown_fit(
            a.role(a.best_fit).fit) - 1
        for rid in a.step_backs:
            if shown_fit(a.role(rid).fit) > bar:
                checked += 1
                assert all(asks(bank.role(rid), ar.id) <= max(p["levels"][ar.id], asks(job, ar.id))
                           for ar in bank.areas), (p["id"], rid)
    assert checked  # data scientists fit data analyst better than their own job, and it is still back
    bi = _assess(bank, make_profile, PERSONAS["sp_bi_developer"])
    assert "analytics_engineer" not in bi.step_backs and bi.pivot == "analytics_engineer"


def test_keeps_names_two_areas_and_counts_the_rest(bank, make_profile):
    """The results screen stays compact: 'keeps ML & DL, Statistics and 3 more', never the full list."""
    from careerfit.core.scoring import strengths
    from careerfit.core.why import short_list

    p = PERSONAS["ds_senior_shipped"]
    a = _assess(bank, make_profile, p, target="data_analyst")
    kept = strengths(a, "data_analyst")
    assert len(kept) > 2
    text = short_list(bank, kept)
    assert text == f"{bank.area(kept[0]).label}, {bank.area(kept[1]).label} and {len(kept) - 2} more"
    assert f"keeps: {text}\n" in role_detail(bank, a, "data_analyst").plain
