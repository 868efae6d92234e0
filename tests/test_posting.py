"""Job postings: reads-like on fifteen written postings, sections and levels, fit, bad input."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from careerfit.core.errors import ProfileError, UsageError
from careerfit.core.scoring import score_role, skill_scores
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.formats.profile_io import dumps_profile, profile_from_dict
from careerfit.formats.targets import role_from_target, saved_targets, with_target
from careerfit.postings.reader import PostingError, analyse_posting, fit_posting
from careerfit.postings.report import posting_report

POSTINGS = Path(__file__).parent / "postings"
EXPECTED = tomllib.loads((POSTINGS / "expected.toml").read_text())["postings"]


def analyse(bank, text: str, **kw):
    return analyse_posting(text, bank, load_lexicon(), **kw)


def test_fixtures_cover_all_ten_roles_and_some_misleading_titles(bank):
    assert len(EXPECTED) >= 12
    assert {e["role"] for e in EXPECTED.values()} == {r.id for r in bank.roles}
    assert sum("title_role" in e for e in EXPECTED.values()) >= 3


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_posting_reads_like_its_role(bank, name):
    expected = EXPECTED[name]
    a = analyse(bank, (POSTINGS / name).read_text(), source=name)
    assert a.reads_like == expected["role"], [(x.role_id, round(x.score)) for x in a.likeness[:3]]
    if "title_role" in expected:  # misleadingly titled: the title names another role
        assert a.title_role == expected["title_role"]
        assert a.title_role != a.reads_like


def test_required_and_nice_to_have_sections(bank):
    text = (
        "Data Engineer\n\n## Requirements\n- Strong Spark and Airflow.\n- Kafka in production.\n\n"
        "## Nice to have\n- Familiarity with Docker.\n- Kubernetes.\n"
    )
    a = analyse(bank, text)
    de, ops = a.demands["data_eng"], a.demands["mlops"]
    assert (de.main, de.nice) == (3, 0)
    assert (ops.main, ops.nice) == (0, 2) and ops.nice_only
    assert ops.level <= 2 and ops.importance <= 2
    assert de.level >= 3 and de.importance == 5


def test_inline_plus_marks_a_line_nice_and_about_us_weighs_little(bank):
    text = ("Requirements:\n- SQL and Tableau dashboards.\n- Python is a plus.\n\n"
            "About us:\nWe are an AI company using machine learning and deep learning everywhere.\n")
    a = analyse(bank, text)
    assert a.demands["software"].nice == 1 and a.demands["software"].main == 0
    assert "ml" not in a.demands or a.demands["ml"].importance <= 2


def test_level_phrases_set_levels_and_terms_are_not_phrases(bank):
    text = ("Requirements\n- Lead the design of our data pipelines and Airflow.\n"
            "- Familiarity with Docker.\n- Experimental design and hypothesis testing.\n")
    a = analyse(bank, text)
    assert a.demands["data_eng"].level == 4
    assert a.demands["mlops"].level == 1
    # "design" inside "experimental design" is the term, so no level-4 phrase for statistics
    assert "design" not in a.demands["statistics"].phrases


def test_differences_name_what_the_posting_asks_beyond_the_role(bank):
    a = analyse(bank, (POSTINGS / "ds_really_mle.md").read_text())
    assert a.reads_like == "ml_engineer"
    kinds = {(d.area, d.kind) for d in a.differences}
    assert all(kind in {"more", "less", "extra", "missing"} for _, kind in kinds)


def test_fit_goes_through_the_existing_scoring(bank, make_profile):
    a = analyse(bank, (POSTINGS / "mle_recsys.txt").read_text())
    person = make_profile({"ml": 3, "statistics": 4, "analysis": 3, "software": 1}, current_role="data_scientist")
    extended, assessment = fit_posting(a, bank, person)
    assert assessment.focus == a.role.id and assessment.focus_is_target
    direct = score_role(extended, skill_scores(extended, person.answers), a.role)
    assert assessment.role(a.role.id).fit == pytest.approx(direct.fit)
    assert [s.area for s in assessment.plan]  # gaps to close, in plan order
    assert "software" in assessment.role(a.role.id).gaps


def test_markdown_and_json_for_the_app(bank, make_profile):
    text = (POSTINGS / "data_analyst.md").read_text()
    md = posting_report(text, bank=bank, lexicon=load_lexicon())
    assert md.startswith("# Job posting: Data Analyst, Growth")
    assert "## Reads like: Data analyst" in md and "## What it asks for" in md
    person = make_profile({"analysis": 2, "business": 2})
    full = posting_report(text, profile=person, bank=bank, lexicon=load_lexicon())
    assert "# careerfit report: Test" in full and "Posting: Data Analyst" in full
    doc = json.loads(posting_report(text, profile=person, fmt="json", bank=bank, lexicon=load_lexicon()))
    assert doc["posting"]["reads_like"] == "data_analyst"
    assert doc["report"]["target"]["role"] == "posting"


def test_posting_text_is_escaped_in_markdown(bank):
    text = "# Data Analyst [x](http://evil) | \x1b]0;t\x07\n\nRequirements\n- SQL and Tableau.\n"
    md = posting_report(text, bank=bank, lexicon=load_lexicon())
    first = md.splitlines()[0]
    assert "\x1b" not in md and "\\[x\\]\\(http" in first and "\\|" in first


def test_html_postings_are_read_as_lines(bank):
    html = ("<h2>Requirements</h2><ul><li>Spark and Airflow</li><li>Kafka</li></ul>"
            "<h2>Nice to have</h2><ul><li>Docker</li></ul>")
    a = analyse(bank, html)
    assert a.demands["data_eng"].main == 3 and a.demands["mlops"].nice == 1


def test_empty_and_unmatched_postings_are_errors(bank):
    with pytest.raises(PostingError, match="empty"):
        analyse(bank, " \n\t ")
    with pytest.raises(PostingError, match="no skill"):
        analyse(bank, "Barista wanted. Must love coffee and early mornings.")


def test_saved_target_round_trip_through_the_profile_file(bank, make_profile):
    a = analyse(bank, (POSTINGS / "mlops_engineer.md").read_text(), source="mlops_engineer.md")
    person = with_target(make_profile({"software": 3}), "acme-mlops", a, saved="2025-01-31", source="mlops_engineer.md")
    reloaded = profile_from_dict(tomllib.loads(dumps_profile(person).decode()))
    roles = saved_targets(reloaded, bank)
    role = roles["acme-mlops"]
    assert role.id == "target-acme-mlops" and role.name == "Saved posting: MLOps Engineer"
    assert {k: (v.level, v.importance) for k, v in role.requires.items()} == {
        k: (d.level, d.importance) for k, d in a.demands.items()
    }
    with pytest.raises(UsageError):
        with_target(person, "bad name!", a)


@pytest.mark.parametrize(
    ("entry", "fragment"),
    [
        ({}, "requires"),
        ({"requires": {"ml": {"level": 9, "importance": 1}}}, "level"),
        ({"requires": {"cooking": {"level": 2, "importance": 1}}}, "unknown area"),
        ({"requires": {"ml": {"level": 0, "importance": 0}}}, "requires nothing"),
        ({"title": 3, "requires": {"ml": {"level": 2, "importance": 1}}}, "title"),
    ],
)
def test_malformed_saved_targets_are_profile_errors(bank, entry, fragment):
    with pytest.raises(ProfileError, match=fragment):
        role_from_target("t", entry, bank)


# --- the installed command ---------------------------------------------------------------------

PROFILE = 'schema = 1\nname = "Ada"\ncurrent_role = "data_scientist"\n[answers]\n"ml.train_validate" = 3\n'


def test_cli_posting_file_stdin_profile_json_and_output(tmp_path):
    path = POSTINGS / "ds_really_mle.md"
    r = run("posting", str(path))
    assert r.returncode == 0, r.stderr
    assert "## Reads like: ML engineer" in r.stdout and "The title says Data scientist" in r.stdout
    s = run("posting", "-", stdin=path.read_text())
    assert s.returncode == 0 and s.stdout == r.stdout
    prof = tmp_path / "ada.toml"
    prof.write_text(PROFILE)
    out = tmp_path / "out.json"
    j = run("posting", str(path), "--profile", str(prof), "--format", "json", "-o", str(out))
    assert j.returncode == 0, j.stderr
    doc = json.loads(out.read_text())
    assert doc["posting"]["reads_like"] == "ml_engineer" and doc["report"]["target"]["role"] == "posting"


def test_cli_posting_bad_input_is_one_line_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x7fELF\x00\x01\x02")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.write(b"Spark and Airflow. " * (10 * 1024 * 1024 // 19 + 1))
    coffee = tmp_path / "coffee.txt"
    coffee.write_text("Barista wanted. Must love coffee.\n")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\u00e9 data engineer".encode("latin-1"))
    assert_one_line_error(run("posting", str(empty)), "empty")
    assert_one_line_error(run("posting", str(binary)), "binary")
    assert_one_line_error(run("posting", str(huge)), "too large")
    assert_one_line_error(run("posting", str(coffee)), "no skill")
    assert_one_line_error(run("posting", str(tmp_path / "missing.txt")), "no such posting file")
    assert_one_line_error(run("posting", str(tmp_path)), "folder")
    assert_one_line_error(run("posting", str(latin)), "UTF-8")
    assert_one_line_error(run("posting", "-", stdin=""), "empty")


def test_title_and_posting_never_import_textual():
    import subprocess

    code = (
        "import sys\n"
        "from careerfit.cli.main import main\n"
        "for argv in (['title', 'ML Engineer'], ['posting', sys.argv[1]]):\n"
        "    main(argv)\n"
        "print('TEXTUAL', sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(POSTINGS / "cv_engineer.txt")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "TEXTUAL []" in r.stdout


def test_a_bank_with_its_own_areas_borrows_the_builtin_lexicon(tmp_path):
    """`check` accepts such a bank, so `title` and `posting` must too (built-in terms of
    areas the bank lacks are simply left out)."""
    bank = tmp_path / "b"
    bank.mkdir()
    (bank / "bank.toml").write_text(
        '[[area]]\nid = "ml"\nname = "ML"\neffort_hours = 10\neffort_rationale = "x"\n'
        '[[question]]\nid = "ml.q"\nskill = "ml"\ntext = "?"\n'
        '[[role]]\nid = "mle"\nname = "Machine Learning Engineer"\ndescription = "d"\n'
        'titles = ["Machine Learning Engineer"]\n[role.requires]\nml = { level = 3, importance = 5 }\n'
    )
    assert run("check", str(bank)).returncode == 0
    title = run("title", "Machine Learning Engineer", "--bank", str(bank))
    assert title.returncode == 0, title.stderr
    posting = run("posting", "-", "--bank", str(bank), stdin="ML Engineer\n\nWe train PyTorch models and use SQL.\n")
    assert posting.returncode == 0, posting.stderr
    assert "## Reads like: Machine Learning Engineer" in posting.stdout
