"""How real postings' messy structure is read: headings, boilerplate, repeats, people, platform work, title."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfit.core.errors import FileFormatError
from careerfit.formats.lexicon_file import build_lexicon, load_lexicon
from careerfit.postings.reader import (
    ABOUT,
    DOMAIN_WEIGHT,
    DUTIES,
    GENERAL,
    NICE,
    PLATFORM_PRIOR,
    REQUIRED,
    analyse_posting,
    drop_repeats,
    find_title,
    heading_kind,
)
from careerfit.postings.report import posting_markdown


def analyse(bank, text: str, **kw):
    return analyse_posting(text, bank, load_lexicon(), **kw)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("About Acme Robotics", ABOUT),  # a company blurb, whatever the company is called
        ("About the role", DUTIES),  # the longer heading word wins over "^about"
        ("About the team", DUTIES),
        ("About you", REQUIRED),
        ("What you'll need", REQUIRED),  # not duties, though it says "you'll"
        ("What you’ll do", DUTIES),  # typographic apostrophe
        ("Preferred qualifications", NICE),  # a nice word decides first
        ("You'll have an edge if you have", NICE),
        ("Conditions of Employment", ABOUT),
        ("Pay and benefits", ABOUT),
        ("Our culture", ABOUT),
        ("Summary", GENERAL),
    ],
)
def test_heading_kinds(heading, kind):
    assert heading_kind(heading, load_lexicon().sections) == kind


def test_boilerplate_lines_count_as_about_wherever_they_sit(bank):
    text = ("Data Engineer\n\n## Requirements\n- Spark and Airflow pipelines.\n"
            "- You must be a U.S. citizen and pass a background investigation; Python and Kafka skills welcome.\n")
    a = analyse(bank, text)
    assert a.demands["data_eng"].main == 3 and a.demands["data_eng"].about == 1  # Kafka sits in boilerplate
    assert "software" not in a.demands  # Python only in boilerplate: below notice


def test_inline_nice_phrases_come_from_the_lexicon(bank):
    text = "Data Engineer\n\nRequirements\n- Spark and Airflow.\n- Strong plus: Docker and Kubernetes.\n"
    a = analyse(bank, text)
    assert a.demands["mlops"].nice_only and a.demands["mlops"].nice == 2


def test_a_run_in_label_gives_its_kind_to_the_whole_line(bank):
    text = ("Data Engineer\n\n## Requirements\n- Spark and Airflow in production.\n"
            "Nice to have: Kafka streams. Docker images; Kubernetes.\n- Note: Snowflake. dbt.\n")
    a = analyse(bank, text)
    assert a.demands["mlops"].nice_only and a.demands["data_eng"].nice == 1  # every sentence of the line
    assert a.demands["data_eng"].main == 3 and a.demands["analytics_eng"].main == 1  # "Note:" is no kind


def test_a_tech_stack_section_is_nice_to_have(bank):
    """It lists what the company uses, not what the job asks."""
    text = "## Requirements\n- Java microservices.\n\n## Our scale and stack\nSpark, Airflow and Snowflake.\n"
    a = analyse(bank, text)
    assert a.demands["data_eng"].nice_only and a.demands["data_eng"].nice == 3
    assert heading_kind("Full Stack Developer", load_lexicon().sections) == GENERAL  # a job, not a stack section


def test_repeated_paragraphs_count_once(bank):
    para = "We build Spark and Kafka pipelines that move billions of events every single day."
    text = f"Data Engineer\n\n{para}\n\n## Requirements\n- Airflow.\n\n{para}\n"
    assert drop_repeats(text).count(para) == 1
    assert drop_repeats(text).count("\n") == text.count("\n")  # lines stay where they were
    assert analyse(bank, text).demands["data_eng"].mentions == 4  # not 7
    short = "Python.\nPython.\n"  # short lines (bullets) may repeat on purpose
    assert drop_repeats(short) == short


def test_people_named_in_a_posting_are_not_skills(bank):
    text = ("Platform Engineer\n\n## What you'll do\n"
            "- Build the Kubernetes platform that ML engineers and data scientists use to ship models.\n"
            "- Support machine learning engineers with Docker images and model serving.\n")
    a = analyse(bank, text)
    assert "ml" not in a.demands
    assert "platform for other teams" in dict(a.demands["mlops"].terms)


def test_machine_learning_named_as_what_a_platform_serves_counts_less(bank):
    """The same ML words count half in a sentence of platform work ("infrastructure", a platform term)."""
    model = "## What you'll do\n- Train and evaluate deep learning models with PyTorch for our product.\n"
    platform = "## What you'll do\n- Run the tooling that trains deep learning models with PyTorch.\n"
    a, b = analyse(bank, model), analyse(bank, platform)
    assert (a.demands["ml"].domain, b.demands["ml"].domain) == (0, 2)
    assert b.demands["ml"].mentions == a.demands["ml"].mentions
    assert b.demands["ml"].score == pytest.approx(a.demands["ml"].score * DOMAIN_WEIGHT)
    assert "tooling" not in str(b.demands)  # the platform word itself counts for no area
    # a platform term marks its sentence too; a sentence without one is untouched
    infra = analyse(bank, "## Duties\n- Infrastructure for deep learning models.\n- PyTorch models.\n")
    assert infra.demands["ml"].domain == 1 and infra.demands["ml"].mentions == 2
    assert "infrastructure" in dict(infra.demands["architecture"].terms)


def test_platform_sentences_are_evidence_for_the_platform_role(bank):
    """Who the work is for: the share of the posting in platform sentences adds points to the
    lexicon's platform role, and the report names the words that made them platform work."""
    platform = ("## What you'll do\n- Run the Kubernetes tooling that other teams use to train PyTorch models.\n"
                "- Own the infrastructure for model serving.\n\n## Requirements\n- Python and SQL.\n")
    a = analyse(bank, platform)
    points = {x.role_id: x.platform for x in a.likeness}
    assert 0.5 < a.platform_share < 1
    assert points["mlops_engineer"] == pytest.approx(100 * PLATFORM_PRIOR * a.platform_share)
    assert set(points.values()) == {0.0, points["mlops_engineer"]}
    assert {"Kubernetes", "tooling", "infrastructure", "platform for other teams"} <= dict(a.platform_evidence).keys()
    md = posting_markdown(a, bank)
    assert "Platform work: " in md and "points to MLOps engineer" in md and "tooling" in md
    model = analyse(bank, "## What you'll do\n- Train PyTorch models for our product.\n- Python and SQL.\n")
    assert model.platform_share == 0 and all(x.platform == 0 for x in model.likeness)
    assert "Platform work: " not in posting_markdown(model, bank)


def test_training_language_models_is_research_and_building_on_them_is_ai_engineering(bank):
    train = ("## What you will do\n- Pre-training and post-training of large language models; RLHF and DPO at scale.\n"
             "- Fine-tune LLMs and study scaling laws.\n")
    build = ("## What you will do\n- Build RAG features on large language models with prompt engineering, LLM "
             "evaluation and guardrails.\n- Fine-tune LLMs.\n")
    assert analyse(bank, train).reads_like == "research_scientist"
    assert analyse(bank, build).reads_like == "ai_engineer"


def test_the_work_table_is_validated_and_inherited(tmp_path: Path):
    with pytest.raises(FileFormatError, match="domain area 'colour'"):
        build_lexicon([("lex.toml", {"lexicon": {"ml": {"terms": [{"term": "PyTorch"}]}},
                                     "work": {"platform": ["tooling"], "domain": ["colour"]}})])
    with pytest.raises(FileFormatError, match="repeats"):
        build_lexicon([("lex.toml", {"lexicon": {"ml": {"terms": [{"term": "tooling"}]}},
                                     "work": {"platform": ["Tooling"], "domain": ["ml"]}})])
    with pytest.raises(FileFormatError, match="work"):
        build_lexicon([("lex.toml", {"lexicon": {"ml": {"terms": [{"term": "PyTorch", "work": "model"}]}}})])
    (tmp_path / "lexicon.toml").write_text('[lexicon.ml]\nterms = [{ term = "PyTorch" }]\n')
    own = load_lexicon(tmp_path)  # a lexicon of terms only reads platform sentences the built-in way
    assert own.work.platform == load_lexicon().work.platform and own.work.domain == ("ml",)


def test_the_title_is_evidence_beside_the_content(bank):
    body = ("\n\n## Requirements\n- Docker and model monitoring in production.\n"
            "- PyTorch and machine learning models.\n- CI/CD and AWS.\n")  # no platform work: areas alone
    as_mlops = analyse(bank, "MLOps Engineer" + body)
    as_mle = analyse(bank, "Machine Learning Engineer" + body)
    assert as_mlops.reads_like != as_mle.reads_like  # the content alone is a near tie
    assert {as_mlops.reads_like, as_mle.reads_like} == {"mlops_engineer", "ml_engineer"}
    # the content similarity shown is the content's alone; only the ranking score adds the title
    assert as_mlops.likeness[0].score > as_mlops.likeness[0].similarity
    by_content = max(as_mle.likeness, key=lambda x: x.similarity).role_id  # the same content in both
    tipped = as_mle if as_mle.reads_like != by_content else as_mlops
    md = posting_markdown(tipped, bank)
    assert "By the content alone it is closest to" in md and "the title tips it to" in md


def test_strong_content_outweighs_a_misleading_title(bank):
    text = ("Data Scientist\n\n## Requirements\n- Spark, Kafka, Airflow and Hadoop pipelines in production.\n"
            "- Data warehouse and data lake design; dbt; batch processing and ETL.\n- Snowflake and BigQuery.\n")
    assert analyse(bank, text).reads_like in {"data_engineer", "analytics_engineer"}


def test_section_rules_and_neutral_names_are_validated(tmp_path: Path):
    with pytest.raises(FileFormatError, match="sections"):
        build_lexicon([("lex.toml", {"sections": {"nice": ["plus"], "colour": ["red"]}})])
    with pytest.raises(FileFormatError, match="repeats"):
        build_lexicon([("lex.toml", {"lexicon": {"ml": {"terms": [{"term": "ML engineers"}]}},
                                     "neutral": {"terms": ["ml engineers"]}})])


def test_a_user_lexicon_without_sections_reads_sections_the_built_in_way(tmp_path: Path):
    (tmp_path / "lexicon.toml").write_text('[lexicon.ml]\nterms = [{ term = "PyTorch" }]\n')
    own = load_lexicon(tmp_path)
    assert own.sections == load_lexicon().sections
    assert own.neutral == ()  # the built-in names belong to the built-in terms


def test_about_text_weighs_nothing_unless_it_is_all_there_is(bank):
    text = ("Data Analyst\n\n## About us\nWe are a machine learning, deep learning and PyTorch company.\n\n"
            "## Requirements\n- SQL, Tableau dashboards and KPIs.\n")
    a = analyse(bank, text)
    assert "ml" not in a.demands and a.reads_like == "data_analyst"
    only_about = analyse(bank, "## About us\nWe are a machine learning and PyTorch company.\n")
    assert only_about.demands["ml"].about == 2 and only_about.demands["ml"].score > 0


def test_heading_kind_and_find_title_with_the_built_in_rules():
    rules = load_lexicon().sections
    assert heading_kind("About Acme Robotics", rules) == ABOUT
    assert find_title("# Data Engineer\n\n## Requirements\n- Spark\n", rules) == "Data Engineer"
    # a heading word inside a job title ("Experienced") does not make the first line a heading
    assert find_title("# Experienced Software Engineer - ML\n\nSpark\n", rules) == "Experienced Software Engineer - ML"
    assert find_title("# Requirements\n\n- Spark\n", rules) == ""
