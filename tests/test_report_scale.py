"""A report's time grows with the bank plus the answers, not their product (issue 8, item 7).

``ignored_answers`` used to build ``bank.question_ids`` (a new frozenset) for every answer:
4,000 answers against a 100,000-question bank took 54 s. Checked two ways, neither timed: the
set is built once per call (counted), and a full Markdown + JSON report for 20,000 answers
against 100,000 questions runs in a child process whose timeout the old way would pass many
times over.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from careerfit.core.domain import Bank, Profile, Question
from careerfit.core.report import ignored_answers

QUESTIONS = 100_000
ANSWERS = 20_000
TIMEOUT = 60


def big_bank(bank: Bank, extra: int) -> Bank:
    """The built-in bank plus ``extra`` questions spread over its areas."""
    areas = [a.id for a in bank.areas]
    added = tuple(Question(f"extra.q{i}", areas[i % len(areas)], f"Question {i}?") for i in range(extra))
    return Bank(areas=bank.areas, questions=bank.questions + added, roles=bank.roles, scoring=bank.scoring,
                source="big")


def test_ignored_answers_builds_the_question_set_once(bank: Bank, monkeypatch: pytest.MonkeyPatch) -> None:
    big = big_bank(bank, 5_000)
    answers = {f"gone.q{i}": 2 for i in range(2_000)} | {f"extra.q{i}": 3 for i in range(0, 5_000, 2)}
    builds = 0
    real = Bank.question_ids

    def counted(self: Bank) -> frozenset[str]:
        nonlocal builds
        builds += 1
        return real.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Bank, "question_ids", property(counted))
    ignored = ignored_answers(big, Profile(answers=answers))
    assert ignored == sorted(f"gone.q{i}" for i in range(2_000))
    assert builds == 1


_CHILD = f"""
import json, sys
from careerfit.formats.bank import load_bank
from careerfit.core.domain import Profile
from careerfit.core.report import to_json, to_markdown
from careerfit.core.scoring import assess
sys.path.insert(0, {os.path.dirname(__file__)!r})
from test_report_scale import big_bank
big = big_bank(load_bank(), {QUESTIONS})
answers = {{f"gone.q{{i}}": 2 for i in range({ANSWERS} // 2)}}
answers |= {{f"extra.q{{i}}": 3 for i in range({ANSWERS} // 2)}}
profile = Profile(name="Big", answers=answers)
a = assess(big, profile)
md = to_markdown(big, profile, a, date="2026-12-01")
data = to_json(big, profile, a)
print(json.dumps({{"ignored": len(data["ignored_answers"]), "first": data["ignored_answers"][0],
                  "line": [ln for ln in md.splitlines() if "questions this bank does not ask" in ln]}}))
"""


def test_a_report_with_many_answers_against_a_large_bank_ends_quickly() -> None:
    done = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, timeout=TIMEOUT,
                          env={**os.environ})
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert got["ignored"] == ANSWERS // 2 and got["first"] == "gone.q0"
    assert len(got["line"]) == 1 and got["line"][0].startswith(f"{ANSWERS // 2} answer(s) in the profile")
