"""Role profiles against what practitioners report doing: the Kaggle ML & DS surveys.

``tests/data/kaggle_survey_roles.csv`` is a copy of ``shared/reference/kaggle_survey_roles.csv``:
Kaggle ML & DS Survey 2018, 2019, 2021 (aggregated from the public raw responses; about
70,000 respondents). For every area with a survey signal, the roles the survey has a title
for must be ranked alike by the role profile (level x importance) and by the share of
people with that title who report the matching work: Spearman's rho >= 0.7 in every survey
year that asked it.

The column behind each area was chosen from the column meanings (the file's README) before
any correlation was computed, by one rule: the activity the survey asks directly ("an
important part of your role") where there is one, since it is what people do rather than
which tool they touched, and it was shown to every respondent (the cloud, MLOps-tool and BI
questions were not). Areas without such a column are not checked here:

- software: no column measures engineering practice (coding years measure experience);
  the O*NET Programming order in test_data.py checks it;
- statistics: only a language (R) share, which is a tool; O*NET Mathematics checks it;
- architecture, business, llm_apps, analytics_eng: no matching question (the surveys
  predate LLM applications; SQL is shared by analysis, data and analytics engineering).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

SURVEY_CSV = Path(__file__).resolve().parent / "data" / "kaggle_survey_roles.csv"

#: Area -> the survey columns whose mean is its signal, and why.
SIGNALS: dict[str, tuple[tuple[str, ...], str]] = {
    "data_eng": (("act_build_run_data_infrastructure",),
                 "build / run the infrastructure the business uses for storing and analysing data"),
    "mlops": (("act_build_run_ml_service_in_product",),
              "build / run an ML service that operationally improves a product or workflow"),
    "ml": (("act_build_ml_prototypes_new_areas",),
           "build prototypes to explore applying ML to new areas: choosing and training models, "
           "asked in all three years (improving existing models only in two)"),
    "analysis": (("act_analyze_data_influence_decisions",),
                 "analyse and understand data to influence product or business decisions"),
    "research": (("act_research_advancing_ml_state_of_art",),
                 "research that advances the state of the art of machine learning"),
    "ai_apps": (("share_computer_vision_methods", "share_nlp_methods"),
                "the area is vision and language on pre-trained models: no activity asks it, so the "
                "mean share using computer-vision and NLP methods"),
}
MIN_RHO = 0.7
#: The survey's ``tool_role`` (its rough mapping of titles to careerfit's roles) -> role id.
#: The variants ("data analyst (business/BI variant)", "data engineer (adjacent: DBA)") are
#: left out: they would give one role two points in the same ranking.
TOOL_ROLE = {
    "data scientist": "data_scientist", "ML engineer": "ml_engineer", "data engineer": "data_engineer",
    "software engineer": "software_engineer", "data analyst": "data_analyst",
    "statistician": "statistician", "research scientist": "research_scientist",
}


def _ranks(values: list[float]) -> list[float]:
    """1-based ranks, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / (vx * vy) ** 0.5


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: the Pearson correlation of the ranks (mean ranks for ties)."""
    return _pearson(_ranks(xs), _ranks(ys))


def test_spearman_on_known_values():
    assert spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert spearman([1, 2, 3, 4], [4, 3, 2, 1]) == pytest.approx(-1.0)
    # Textbook case with a tie: ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4).
    assert spearman([1, 2, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486833, abs=1e-6)
    assert _ranks([5, 1, 5, 3]) == [3.5, 1.0, 3.5, 2.0]


def _survey_rows(bank) -> list[dict[str, str]]:
    """The rows of the titles in ``TOOL_ROLE``, with the role id: one row per role and year."""
    with SURVEY_CSV.open(newline="") as fh:
        rows = [dict(r, role_id=TOOL_ROLE[r["tool_role"]]) for r in csv.DictReader(fh) if r["tool_role"] in TOOL_ROLE]
    assert all(bank.has_role(r["role_id"]) for r in rows)
    return rows


def test_survey_titles_map_to_seven_roles(bank):
    rows = _survey_rows(bank)
    years = {r["survey_year"] for r in rows}
    assert years == {"2018", "2019", "2021"}
    assert {r["role_id"] for r in rows} == {"data_scientist", "software_engineer", "data_analyst",
                                             "research_scientist", "ml_engineer", "data_engineer",
                                             "statistician"}
    for year in years:
        ids = [r["role_id"] for r in rows if r["survey_year"] == year]
        assert len(ids) == len(set(ids)) >= 6


def _cases() -> list[tuple[str, str]]:
    """Each area with each survey year that asked its question (ai_apps: not 2018)."""
    with SURVEY_CSV.open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    years = sorted({r["survey_year"] for r in rows})
    return [(area, year) for area, (columns, _) in SIGNALS.items() for year in years
            if any(r["survey_year"] == year and all(r[c] for c in columns) for r in rows)]


def test_every_area_signal_is_checked_in_the_years_asked():
    cases = _cases()
    assert len(cases) == 3 * len(SIGNALS) - 1  # vision / NLP methods were not asked in 2018
    assert ("ai_apps", "2018") not in cases


@pytest.mark.parametrize(("area", "year"), _cases())
def test_role_requirements_rank_like_the_survey(bank, area, year):
    columns, _why = SIGNALS[area]
    rows = [r for r in _survey_rows(bank) if r["survey_year"] == year and all(r[c] for c in columns)]
    assert len(rows) >= 6
    need = [bank.role(r["role_id"]).requires[area].level * bank.role(r["role_id"]).requires[area].importance
            for r in rows]
    share = [sum(float(r[c]) for c in columns) / len(columns) for r in rows]
    rho = spearman(need, share)
    shown = sorted(zip(share, need, (r["role_id"] for r in rows), strict=True), reverse=True)
    assert rho >= MIN_RHO, f"{area} {year}: rho {rho:.2f}; survey share, requirement, role: {shown}"
