"""The shipped data: enough concrete questions, anchored labels, next actions, roles from the brief."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from careerfit.core.domain import DEFAULT_LABELS

#: The ten areas of careerfit 0.1.0 keep their ids (saved profiles and roles refer to them);
#: the two added for today's work follow them.
OLD_AREAS = ["ml", "ai_apps", "software", "architecture", "mlops", "data_eng", "statistics", "analysis", "research",
             "business"]
AREAS = [*OLD_AREAS, "llm_apps", "analytics_eng"]
ROLES = ["data_scientist", "ml_engineer", "data_engineer", "software_engineer", "data_analyst", "statistician",
         "ai_engineer", "mlops_engineer", "research_scientist", "solutions_architect"]
SEED_000_TITLES = {
    "AI Engineer & Analyst": "ai_engineer",
    "Data engineer and machine learning specialist": "ml_engineer",
    "AI and data engineer": "ai_engineer",
    "Data Scientist / Machine Learning Expert": "ml_engineer",
    "Software Development Engineer - Deep Learning AWS AI": "ml_engineer",
    "Machine Learning Developer": "ml_engineer",
    "Data Scientist / Machine Learning": "data_scientist",
    "Data / Machine Learning Engineer": "ml_engineer",
    "Data Engineer & AI Expert": "ai_engineer",
    "Applied Machine Learning Engineer": "ml_engineer",
    "Software Engineer: Machine Intelligence": "ml_engineer",
}
#: A copy of shared/reference/onet_ratings.csv (O*NET 30.x/29.x, USDOL/ETA, CC BY 4.0).
ONET_CSV = Path(__file__).resolve().parent / "data" / "onet_ratings.csv"


def test_the_twelve_areas_in_order(bank):
    assert [a.id for a in bank.areas] == AREAS
    assert all(a.effort_rationale and a.description for a in bank.areas)


def test_at_least_a_hundred_questions_six_per_area(bank):
    assert len(bank.questions) >= 100
    per_area = Counter(q.skill for q in bank.questions)
    assert all(per_area[a] >= 6 for a in AREAS), per_area


def test_every_ladder_runs_from_not_yet_to_setting_the_approach(bank):
    """0 is 'not done yet', never a bad practice that invites the answer that sounds good; 4 is
    the scope of one's work (what others follow), not teaching, which a lecturer who never
    shipped could claim."""
    for q in bank.questions:
        labels = q.answer_labels
        assert labels[0].startswith("Not yet"), q.id
        assert not any(word in labels[4].lower() for word in ("teach", "taught", "coach")), q.id
        assert any(word in labels[4].lower() for word in ("other", "team", "organisation", "every", "across")), q.id
        assert "at work" in labels[2].lower(), q.id


def test_soft_skills_are_not_tried_in_a_course(bank):
    for q in bank.questions_for("business"):
        assert "course" not in q.answer_labels[1].lower(), q.id


def test_dated_examples_are_gone(bank):
    """Tools may be named as examples, never as the only way to qualify, and not as if the
    field stopped in 2019."""
    for q in bank.questions:
        text = " ".join((q.text, *q.answer_labels))
        assert "GPT-2" not in text and "face recognition" not in text.lower(), q.id
        if "HDFS" in text or "Hive" in text:
            assert "Parquet" in text or "Iceberg" in text, q.id


def test_every_question_has_tailored_labels_and_a_next_action(bank):
    for q in bank.questions:
        assert q.answer_labels != DEFAULT_LABELS, q.id
        assert len(q.answer_labels) == 5
        assert q.next_action, q.id
        assert len(q.text) <= 200


def test_quick_check_has_one_or_two_per_area(bank):
    quick = Counter(q.skill for q in bank.questions if q.quick)
    assert all(1 <= quick[a] <= 2 for a in AREAS), quick
    assert 15 <= sum(quick.values()) <= 20


def test_maths_costs_most_and_software_less(bank):
    hours = {a.id: a.effort_hours for a in bank.areas}
    assert hours["statistics"] == max(hours.values())
    assert hours["research"] == max(hours.values())
    assert hours["software"] < hours["ml"] < hours["statistics"]


def test_the_roles_of_the_brief(bank):
    ids = [r.id for r in bank.roles]
    assert set(ROLES) <= set(ids)
    for r in bank.roles:
        assert r.titles and r.sources and r.description
        # Every role states the ten original areas; the new ones are added to roles.toml apart
        # (an area a role does not state counts as not part of the job).
        assert set(OLD_AREAS) <= set(r.requires) <= set(AREAS), r.id
        assert any(s.ref.endswith(".txt") for s in r.sources), f"{r.id} cites no seed"


def test_seed_000_title_variants_are_mapped(bank):
    owner = {t: r.id for r in bank.roles for t in r.titles}
    for title, role in SEED_000_TITLES.items():
        assert owner.get(title) == role, title


@pytest.mark.parametrize(
    ("role", "codes"),
    [("data_scientist", {"15-2051.00"}), ("data_analyst", {"15-2051.01"}), ("data_engineer", {"15-1243.01"}),
     ("software_engineer", {"15-1252.00"}), ("statistician", {"15-2041.00", "15-2011.00"}),
     ("research_scientist", {"15-1221.00"}), ("solutions_architect", {"15-1299.08"})],
)
def test_onet_codes(bank, role, codes):
    assert codes <= set(bank.role(role).onet)


def test_blended_roles_say_which_codes_they_blend(bank):
    for rid in ("ml_engineer", "mlops_engineer", "ai_engineer"):
        role = bank.role(rid)
        assert len(role.onet) >= 2 and "blend" in role.onet_note


def _onet_importance(element: str) -> dict[str, float]:
    with ONET_CSV.open() as fh:
        return {r["soc_code"]: float(r["value"]) for r in csv.DictReader(fh)
                if r["element_name"] == element and r["scale"] == "IM" and r["element_id"].startswith("2.")}


@pytest.mark.parametrize(("element", "area"), [("Programming", "software"), ("Mathematics", "statistics")])
def test_role_weights_agree_with_onet_order(bank, element, area):
    """Where O*NET rates two roles' occupations clearly apart (by 0.3 or more), our weights agree."""
    ratings = _onet_importance(element)
    roles = {}
    for r in bank.roles:
        rated = [ratings[c] for c in r.onet if c in ratings]
        if rated and len(rated) == len(r.onet):  # own codes only, not blends
            roles[r.id] = (sum(rated) / len(rated), r.requires[area].importance)
    assert len(roles) >= 6
    for a, (oa, wa) in roles.items():
        for b, (ob, wb) in roles.items():
            if oa - ob >= 0.3:
                assert wa >= wb, f"{element}: {a} ({oa}) vs {b} ({ob}) but weights {wa} < {wb}"
