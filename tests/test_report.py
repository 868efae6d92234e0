"""The report builders: sections, numbers shared by Markdown and JSON, escaping of user text."""

from __future__ import annotations

import json

from careerfit.core.domain import Profile
from careerfit.core.report import bar, to_json, to_markdown
from careerfit.core.scoring import assess
from careerfit.core.text import md_escape

HEADLINE = dict(ml=3, statistics=4, analysis=3, business=3, research=2, software=1, architecture=0, mlops=2,
                data_eng=2, ai_apps=2)


def test_headline_report_names_ml_engineer_with_weeks(bank, make_profile):
    p = make_profile(HEADLINE, current_role="data_scientist", name="Ada")
    a = assess(bank, p)
    md = to_markdown(bank, p, a)
    assert "- **Easiest pivot:** ML engineer" in md
    weeks = a.weeks(a.role("ml_engineer").effort_hours)
    assert f"about {weeks:.0f} weeks at 8 h/week" in md
    assert "## You vs ML engineer (easiest pivot)" in md
    assert "## Learning plan for ML engineer" in md
    assert "Carry over to ML engineer: " in md and "Machine learning" in md.split("Carry over to ML engineer: ")[1]


def test_markdown_and_json_carry_the_same_numbers(bank, make_profile):
    p = make_profile(HEADLINE, current_role="data_scientist")
    a = assess(bank, p)
    md = to_markdown(bank, p, a)
    data = json.loads(json.dumps(to_json(bank, p, a)))
    for role in data["roles"]:  # the JSON's one decimal and the Markdown's whole percent, from one fit
        fit = a.role(role["id"]).fit
        assert role["fit"] == round(fit, 1) and f"| {fit:.0f}% |" in md
    assert data["easiest_pivot"]["role"] == a.pivot
    assert data["easiest_pivot"]["effort_hours"] == round(a.role(a.pivot).effort_hours, 1)
    assert [s["area"] for s in data["easiest_pivot"]["plan"]] == [s.area for s in a.plan]
    assert data["already_within_reach"] == list(a.within_reach)


def test_every_role_appears_once_in_the_fit_table(bank, make_profile):
    p = make_profile(HEADLINE)
    md = to_markdown(bank, p, assess(bank, p))
    table = md.split("## Fit by role")[1].split("\n## ")[0]
    for role in bank.roles:
        assert sum(1 for line in table.splitlines() if line.startswith(f"| {md_escape(role.name)}")) == 1


def test_unknown_areas_are_listed_not_zeroed(bank):
    p = Profile(answers={bank.questions_for("ml")[0].id: 3})
    a = assess(bank, p)
    md = to_markdown(bank, p, a)
    assert "counted as 0 in every fit and effort until answered" in md
    assert "| Statistics & mathematical modeling |" not in md  # escaped
    data = to_json(bank, p, a)
    assert data["skills"]["statistics"]["level"] is None
    assert data["skills"]["statistics"]["coverage"] == 0


def test_user_text_cannot_break_the_markdown(bank):
    p = Profile(name="Ann | Admin\n# Heading [x](http://evil) <script>", notes="```\nfence\n- [ ] item | cell")
    md = to_markdown(bank, p, assess(bank, p))
    first = md.splitlines()[0]
    assert first == r"# careerfit report: Ann \| Admin \# Heading \[x\]\(http://evil\) \<script\>"
    assert "<script>" not in md and "](http" not in md
    assert "```" not in md
    assert md.count("\n# ") == 0  # the only H1 is the title on line 1


def test_md_escape_examples():
    assert md_escape("a|b") == r"a\|b"
    assert md_escape("- item") == r"\- item"
    assert md_escape("1. first") == r"1\. first"
    assert md_escape("line\nbreak\r\nagain") == "line break again"
    assert md_escape("\x1b[31mred") == r"\[31mred"


def test_bar_shows_you_and_the_gap():
    assert bar(1.0, 3.0) == "##++++.."
    assert bar(4.0, 2.0) == "########"
    assert bar(None, 2.0) == "++++...."


def test_target_report_has_its_own_plan(bank, make_profile):
    p = make_profile(HEADLINE)
    a = assess(bank, p, target="research_scientist")
    md = to_markdown(bank, p, a)
    assert "## You vs Research scientist (target)" in md
    assert to_json(bank, p, a)["target"]["role"] == "research_scientist"


def test_report_cites_sources_of_the_focus_role(bank, make_profile):
    p = make_profile(HEADLINE, current_role="data_scientist")
    md = to_markdown(bank, p, assess(bank, p))
    method = md.split("## How this was computed")[1]
    assert md_escape("002_bb1f774ac35e961b.txt") in method and "15-1252.00" in method
    assert "CC BY 4.0" in method


def test_a_profile_without_answers_says_so(bank):
    p = Profile(name="New")
    md = to_markdown(bank, p, assess(bank, p))
    assert "**No answers yet.**" in md
    answered = Profile(answers={bank.questions[0].id: 2})
    assert "No answers yet" not in to_markdown(bank, answered, assess(bank, answered))


def test_answers_the_bank_does_not_ask_are_reported_not_scored(bank):
    p = Profile(answers={"old.question": 4, bank.questions[0].id: 2})
    a = assess(bank, p)
    assert a.answered == 1
    md = to_markdown(bank, p, a)
    assert "1 answer(s) in the profile are for questions this bank does not ask" in md and "`old.question`" in md
    assert to_json(bank, p, a)["ignored_answers"] == ["old.question"]


def test_json_keeps_the_pivot_plan_when_a_target_is_given(bank, make_profile):
    p = make_profile(HEADLINE, current_role="data_scientist")
    plain = to_json(bank, p, assess(bank, p))
    targeted = to_json(bank, p, assess(bank, p, target="data_engineer"))
    assert targeted["easiest_pivot"] == plain["easiest_pivot"]
    assert targeted["target"]["plan"] and targeted["target"]["role"] == "data_engineer"
