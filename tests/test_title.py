"""Job titles: the eleven variants of seed 000 and other titles map to sensible roles."""

from __future__ import annotations

import json

import pytest
from cli_helpers import assert_one_line_error, run

from careerfit.core.errors import UsageError
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.titles import match_title

#: Seed 000's list, spelled as there (en dash included), with the role each one means.
SEED_000_VARIANTS = [
    ("AI Engineer & Analyst", "ai_engineer"),
    ("Data engineer and machine learning specialist", "ml_engineer"),
    ("AI and data engineer", "ai_engineer"),
    ("Data Scientist / Machine Learning Expert", "ml_engineer"),
    ("Software Development Engineer \u2013 Deep Learning AWS AI", "ml_engineer"),
    ("Machine Learning Developer", "ml_engineer"),
    ("Data Scientist / Machine Learning", "data_scientist"),
    ("Data / Machine Learning Engineer", "ml_engineer"),
    ("Data Engineer & AI Expert", "ai_engineer"),
    ("Applied Machine Learning Engineer", "ml_engineer"),
    ("Software Engineer: Machine Intelligence", "ml_engineer"),
]


@pytest.mark.parametrize(("title", "role"), SEED_000_VARIANTS)
def test_seed_000_variants_name_their_role_first(bank, title, role):
    matches = match_title(title, bank, load_lexicon())
    assert matches[0].role_id == role
    assert matches[0].variant_score == pytest.approx(100)
    assert matches[0].words  # the deciding words are reported


def test_seed_000_list_has_eleven_variants():
    assert len(SEED_000_VARIANTS) == 11


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Senior ML Engineer", "ml_engineer"),
        ("Lead Data Engineer", "data_engineer"),
        ("Staff Software Engineer, Payments", "software_engineer"),
        ("Actuarial Associate", "statistician"),
        ("Computer Vision Researcher", "research_scientist"),
        ("MLOps Platform Engineer", "mlops_engineer"),
        ("Cloud Architect (AWS)", "solutions_architect"),
        ("Product Analyst II", "data_analyst"),
        ("Senior Data Scientist, Experimentation", "data_scientist"),
        ("Big Data Developer (Spark)", "data_engineer"),
        ("Principal Solutions Architect \u2014 Machine Learning", "solutions_architect"),
    ],
)
def test_titles_not_listed_verbatim_still_land_sensibly(bank, title, role):
    assert match_title(title, bank, load_lexicon())[0].role_id == role


def test_lexicon_places_a_title_no_role_lists(bank):
    best = match_title("NLP Specialist", bank, load_lexicon())[0]
    assert best.role_id == "ai_engineer"
    assert ("ai_apps", "natural language processing") in best.terms


def test_empty_title_is_a_usage_error(bank):
    with pytest.raises(UsageError):
        match_title("  \x1b ", bank, load_lexicon())


def test_title_matching_nothing_returns_no_roles(bank):
    assert match_title("Barista", bank, load_lexicon()) == []


def test_cli_title_markdown_and_json():
    r = run("title", "Software Development Engineer \u2013 Deep Learning AWS AI")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Job title:")
    assert "| ML engineer | 95 |" in r.stdout
    j = run("title", "Data Scientist / Machine Learning", "--format", "json")
    assert j.returncode == 0, j.stderr
    doc = json.loads(j.stdout)
    assert doc["roles"][0]["id"] == "data_scientist"
    assert "Scientist" in doc["roles"][0]["words"]


def test_cli_title_errors_are_one_line():
    assert_one_line_error(run("title", "Barista"), "no role matches")
    assert_one_line_error(run("title", ""), "empty")
