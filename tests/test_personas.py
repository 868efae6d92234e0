"""Personas a practitioner would recognise, and the pivot each should get.

When one of these fails, fix the role data or the model, not the expectation.
"""

from __future__ import annotations

import pytest

from careerfit.scoring import assess

PERSONAS = {
    # The headline case of the seeds: strong statistics and ML, weak software engineering and
    # architecture; has shipped a model and a pipeline with help.
    "data scientist, strong in statistics": (
        dict(ml=3, statistics=4, analysis=3, business=3, research=2, software=1, architecture=0,
             mlops=2, data_eng=2, ai_apps=2),
        "data_scientist", {"ml_engineer"},
    ),
    # The same, but who has never deployed anything: the pivot must still not throw away ML.
    "data scientist who never deployed": (
        dict(ml=3, statistics=4, analysis=3, business=3, research=2, software=1, architecture=0,
             mlops=1, data_eng=1, ai_apps=1),
        "data_scientist", {"ml_engineer"},
    ),
    "actuary": (
        dict(statistics=4, analysis=3, business=3, ml=2, software=1, data_eng=1, ai_apps=0,
             architecture=0, mlops=0, research=1),
        "statistician", {"data_scientist"},
    ),
    "backend developer": (
        dict(software=4, architecture=3, data_eng=2, mlops=1, business=2, ml=0, ai_apps=0,
             statistics=1, analysis=1, research=0),
        "software_engineer", {"data_engineer", "mlops_engineer", "solutions_architect", "ml_engineer"},
    ),
    "PhD student in machine learning": (
        dict(ml=3, research=3, statistics=3, software=2, ai_apps=2, analysis=1, business=1,
             architecture=0, mlops=0, data_eng=0),
        None, {"data_scientist", "ml_engineer"},
    ),
    "data analyst": (
        dict(analysis=4, business=3, statistics=2, data_eng=1, software=1, ml=1, ai_apps=0,
             architecture=0, mlops=0, research=0),
        "data_analyst", {"data_scientist"},
    ),
    "data engineer": (
        dict(data_eng=4, software=3, architecture=3, mlops=1, ml=1, analysis=2, business=2,
             statistics=1, ai_apps=0, research=0),
        "data_engineer", {"mlops_engineer", "ml_engineer", "solutions_architect"},
    ),
    "statistician with some ML": (
        dict(statistics=4, analysis=3, ml=2, software=1, business=2, research=2, data_eng=1,
             ai_apps=0, architecture=0, mlops=0),
        "statistician", {"data_scientist"},
    ),
    "DevOps engineer": (
        dict(mlops=3, software=3, architecture=3, data_eng=2, ml=1, business=2, ai_apps=0,
             statistics=0, analysis=1, research=0),
        "software_engineer", {"mlops_engineer", "ml_engineer", "solutions_architect", "data_engineer"},
    ),
    "ML engineer": (
        dict(ml=3, software=3, architecture=3, mlops=3, ai_apps=2, data_eng=2, statistics=2,
             business=2, analysis=1, research=1),
        "ml_engineer", {"solutions_architect", "data_scientist", "research_scientist"},
    ),
}


@pytest.mark.parametrize("name", list(PERSONAS))
def test_persona_gets_a_sensible_pivot(bank, make_profile, name):
    levels, current, expected = PERSONAS[name]
    a = assess(bank, make_profile(levels, current_role=current))
    assert a.pivot in expected, f"{name}: pivot {a.pivot}, ranking {[(s.role_id, round(s.distance)) for s in a.roles]}"


def test_headline_pivot_keeps_ml_and_plans_software_and_architecture(bank, make_profile):
    levels, current, _ = PERSONAS["data scientist, strong in statistics"]
    a = assess(bank, make_profile(levels, current_role=current))
    assert a.current_role == "data_scientist" and a.current_declared
    planned = [step.area for step in a.plan]
    assert {"software", "architecture"} <= set(planned)
    carried = {af.area for af in a.role("ml_engineer").areas if af.required >= 2 and (af.you or 0) >= af.required}
    assert "ml" in carried
    assert all(step.actions for step in a.plan)


def test_vision_language_specialist_best_fit_is_ai_engineer(bank, make_profile):
    """Several roles can be fully met; the tie goes to the closest one, not the undemanding one."""
    levels = dict(ai_apps=4, ml=3, software=3, mlops=2, architecture=2, business=2, statistics=1,
                  data_eng=1, analysis=1, research=1)
    a = assess(bank, make_profile(levels))
    assert a.best_fit == "ai_engineer"
    assert a.current_role == "ai_engineer" and not a.current_declared
    assert a.pivot == "ml_engineer"


def test_analyst_pivot_is_not_software_engineering(bank, make_profile):
    """The subset-role trap: least gap effort alone sends analysts to undemanding roles."""
    levels, current, _ = PERSONAS["data analyst"]
    a = assess(bank, make_profile(levels, current_role=current))
    assert a.pivot != "software_engineer"
