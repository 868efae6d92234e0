"""Saved profiles keep working when the bank changes: renamed.toml carries old answers on.

``tests/data/profile_v1.toml`` was written by careerfit 0.1.0 and answers every question of
its 66-question bank; it is kept as written.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from cli_helpers import run

from careerfit.core.domain import Bank, Profile
from careerfit.core.errors import BankError
from careerfit.core.renamed import carry_renamed
from careerfit.formats.bank import load_bank
from careerfit.formats.locations import builtin_bank
from careerfit.formats.profile_io import load_profile, open_for_bank
from careerfit.session.drafts import load_draft
from careerfit.session.paths import draft_path
from careerfit.session.state import Session

V1 = Path(__file__).resolve().parent / "data" / "profile_v1.toml"


def v1_answers() -> dict[str, int]:
    return tomllib.loads(V1.read_text(encoding="utf-8"))["answers"]


def test_every_question_of_the_old_bank_is_asked_or_mapped(bank: Bank) -> None:
    mapped = {r.old for r in bank.renamed}
    old = set(v1_answers())
    assert len(old) == 66
    assert old <= bank.question_ids | mapped, sorted(old - bank.question_ids - mapped)
    assert mapped <= old  # every entry is for a question 0.1.0 asked


def test_an_old_profile_opens_with_its_answers_carried(bank: Bank) -> None:
    old = v1_answers()
    profile = open_for_bank(V1, bank)
    for r in bank.renamed:
        for successor in r.to:
            assert profile.answers[successor] == old[r.old], (r.old, successor)
    kept = {q: v for q, v in old.items() if q in bank.question_ids}
    assert {q: profile.answers[q] for q in kept} == kept  # asked answers are untouched
    assert {q: profile.answers[q] for q in old} == old  # the old answers stay in the profile
    assert load_profile(V1).answers == old  # loading alone changes nothing


def test_the_report_of_an_old_profile_scores_the_carried_answers() -> None:
    out = run("report", str(V1), "--format", "json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    bank = load_bank()
    assert data["answered"] == sum(1 for q in open_for_bank(V1, bank).answers if q in bank.question_ids)
    assert data["answered"] == 66 - len(bank.renamed) + sum(len(r.to) for r in bank.renamed)
    assert sorted(data["ignored_answers"]) == sorted(r.old for r in bank.renamed)
    md = run("report", str(V1)).stdout
    assert "`ai_apps.llm_apps` to `llm_apps.ship_feature`" in md
    assert "for questions this bank does not ask" in md


def test_resuming_an_old_profile_saves_the_carried_answers_beside_the_old_ones(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "old.toml"
    shutil.copy(V1, path)
    session = Session.resume(bank, path)
    assert session.answer_of("llm_apps.ship_feature") == v1_answers()["ai_apps.llm_apps"]
    first_new = next(q for q in session.questions if q.id not in session.profile.answers)
    session.set_answer(first_new.id, 2)
    saved = load_profile(path).answers
    assert saved["analytics_eng.transform_models"] == v1_answers()["data_eng.data_modeling"]
    assert saved["data_eng.data_modeling"] == v1_answers()["data_eng.data_modeling"]
    assert saved[first_new.id] == 2


def _bank_with(tmp_path: Path, renamed: str) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(builtin_bank(), folder)
    (folder / "renamed.toml").write_text(renamed, encoding="utf-8")
    return folder


def test_a_successor_answered_already_keeps_its_answer_and_the_lower_old_answer_wins(tmp_path: Path) -> None:
    bank = load_bank(_bank_with(tmp_path, """
[[renamed]]
old = "old.a"
to = ["ml.fairness", "ml.interpretability"]
why = "split"

[[renamed]]
old = "old.b"
to = ["ml.fairness"]
why = "merged"

[[renamed]]
old = "old.gone"
why = "retired"
"""))
    profile = Profile(answers={"old.a": 4, "old.b": 1, "old.gone": 3, "ml.interpretability": 2})
    carried = carry_renamed(profile, bank)
    assert carried.answers == {"old.a": 4, "old.b": 1, "old.gone": 3, "ml.interpretability": 2, "ml.fairness": 1}
    assert profile.answers == {"old.a": 4, "old.b": 1, "old.gone": 3, "ml.interpretability": 2}  # pure
    untouched = Profile(answers={"ml.fairness": 3})
    assert carry_renamed(untouched, bank) is untouched


@pytest.mark.parametrize(
    ("renamed", "fragment"),
    [
        ('[[renamed]]\nold = "ml.fairness"\nwhy = "x"\n', "renamed ml.fairness: is still a question of the bank"),
        ('[[renamed]]\nold = "old.a"\nto = ["ml.nope"]\nwhy = "x"\n', "unknown successor question 'ml.nope'"),
        ('[[renamed]]\nold = "old.a"\nwhy = "x"\n[[renamed]]\nold = "old.a"\nwhy = "y"\n',
         "duplicate renamed id 'old.a'"),
        ('[[renamed]]\nold = "old.a"\nto = ["ml.fairness", "ml.fairness"]\nwhy = "x"\n', "names a successor twice"),
        ('[[renamed]]\nold = "old.a"\nto = ["ml.fairness"]\n', "why"),
        ('[[renamed]]\nold = "old a"\nwhy = "x"\n', "renamed old a"),
    ],
)
def test_bad_renamed_entries_are_refused_naming_the_file(tmp_path: Path, renamed: str, fragment: str) -> None:
    folder = _bank_with(tmp_path, renamed)
    with pytest.raises(BankError) as err:
        load_bank(folder)
    text = "\n".join(err.value.problems)
    assert fragment in text and "renamed.toml" in text, text


def test_careerfit_check_reports_a_bad_successor(tmp_path: Path) -> None:
    folder = _bank_with(tmp_path, '[[renamed]]\nold = "old.a"\nto = ["ml.nope"]\nwhy = "x"\n')
    out = run("check", str(folder))
    assert out.returncode == 2 and "renamed.toml: renamed old.a: unknown successor question 'ml.nope'" in out.stderr
    assert "Traceback" not in out.stderr


def test_an_old_draft_resumes_with_its_answers_carried(bank: Bank) -> None:
    draft_path().parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(V1, draft_path())
    draft = load_draft()
    assert draft is not None
    session = Session.from_draft(bank, draft)
    assert session.answer_of("ai_apps.text_extraction") == v1_answers()["ai_apps.spacy_pipeline"]
    assert session.answer_of("ai_apps.spacy_pipeline") == v1_answers()["ai_apps.spacy_pipeline"]
