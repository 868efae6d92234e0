"""Undo, skipped questions, settings and "continue" in the session, without Textual (real files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfit.core.domain import MAX_HOURS, MAX_NAME, MIN_HOURS, Bank
from careerfit.core.errors import ProfileError
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.modes import questions_for_mode
from careerfit.session.state import Session


def _saved(bank: Bank, tmp_path: Path, mode: str = "quick") -> Session:
    s = Session.new(bank, name="Ada", mode=mode)  # type: ignore[arg-type]
    s.save_as(tmp_path / "ada.toml")
    return s


def test_undo_takes_back_answer_skip_and_not_relevant_and_saves(bank: Bank, tmp_path: Path) -> None:
    s = _saved(bank, tmp_path)
    q1, q2 = s.questions[0], s.questions[1]
    s.set_answer(q1.id, 3)
    s.set_answer(q1.id, 1)
    s.set_answer(q2.id, None)
    s.toggle_not_relevant("ml")
    assert load_profile(s.path).not_relevant == ["ml"]  # type: ignore[arg-type]
    undone, _ = s.undo()
    assert undone is not None and undone.what == "not relevant"
    assert load_profile(s.path).not_relevant == []  # type: ignore[arg-type]
    undone, _ = s.undo()
    assert undone is not None and undone.question_id == q2.id and not s.is_skipped(q2.id)
    undone, _ = s.undo()
    assert s.answer_of(q1.id) == 3 and load_profile(s.path).answers == {q1.id: 3}  # type: ignore[arg-type]
    s.undo()
    assert s.profile.answers == {} and not s.can_undo
    assert s.undo() == (None, None)


def test_skipped_is_saved_and_distinct_from_unseen(bank: Bank, tmp_path: Path) -> None:
    s = _saved(bank, tmp_path)
    q1, q2 = s.questions[0], s.questions[1]
    s.set_answer(q1.id, None)
    again = Session.resume(bank, s.path)  # type: ignore[arg-type]
    assert again.is_skipped(q1.id) and not again.is_skipped(q2.id)
    again.set_answer(q1.id, 2)
    assert not again.is_skipped(q1.id) and "skipped" not in load_profile(again.path).extra  # type: ignore[arg-type]


def test_settings_change_any_time_with_the_form_limits(bank: Bank, tmp_path: Path) -> None:
    s = _saved(bank, tmp_path)
    s.update_settings(name="Ada L", current_role="data_scientist", hours_per_week=MAX_HOURS, mode="full")
    p = load_profile(s.path)  # type: ignore[arg-type]
    assert (p.name, p.current_role, p.hours_per_week, p.extra["mode"]) == ("Ada L", "data_scientist", MAX_HOURS, "full")
    assert len(s.questions) == len(bank.questions)
    for bad in ({"hours_per_week": MIN_HOURS / 2}, {"name": "x" * (MAX_NAME + 1)}, {"current_role": "nope"}):
        values = {"name": "Ada", "current_role": None, "hours_per_week": 8, "mode": "quick"} | bad
        with pytest.raises(ProfileError):
            s.update_settings(**values)  # type: ignore[arg-type]
    assert load_profile(s.path).hours_per_week == MAX_HOURS  # type: ignore[arg-type]


def test_open_questions_after_a_quick_check_and_for_new_areas(bank: Bank, tmp_path: Path) -> None:
    s = _saved(bank, tmp_path)
    for q in s.questions:
        s.set_answer(q.id, 2)
    assert s.is_complete
    full_open = s.open_questions("full")
    assert len(full_open) == len(bank.questions) - len(questions_for_mode(bank, "quick"))
    # An old profile: every area answered but the two new ones.
    old = s.profile
    old.answers = {q.id: 2 for q in bank.questions if q.skill not in ("llm_apps", "analytics_eng")}
    old.extra["mode"] = "full"
    save_profile(old, tmp_path / "old.toml")
    again = Session.resume(bank, tmp_path / "old.toml")
    assert {q.skill for q in again.open_questions()} == {"llm_apps", "analytics_eng"}
    assert not again.is_complete


def test_a_long_name_gives_a_file_name_cut_between_words() -> None:
    from careerfit.session.paths import MAX_SLUG, profile_slug

    name = "Maria Guadalupe Fernandez de la Concepcion Rodriguez Villanueva y Montenegro"
    slug = profile_slug(name)
    assert len(slug) <= MAX_SLUG and name.lower().replace(" ", "-").startswith(slug + "-")
    assert slug.endswith("rodriguez")  # not "...rodriguez-villanue"
