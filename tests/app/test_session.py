"""The app's state rules without Textual: question sets, draft, recent list, save, export."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfit.cli.commands.report import build
from careerfit.core.domain import Bank
from careerfit.core.errors import SaveError
from careerfit.formats.profile_io import load_profile
from careerfit.session.drafts import load_draft
from careerfit.session.modes import mode_of, questions_for_mode
from careerfit.session.paths import default_profile_path, draft_path
from careerfit.session.recent import ago, recent_profiles
from careerfit.session.state import Session


def test_quick_check_has_the_flagged_questions_and_covers_every_area(bank: Bank) -> None:
    quick = questions_for_mode(bank, "quick")
    assert len(quick) == sum(1 for q in bank.questions if q.quick) == 18
    assert {q.skill for q in quick} == {a.id for a in bank.areas}
    full = questions_for_mode(bank, "full")
    assert sorted(q.id for q in full) == sorted(q.id for q in bank.questions)
    areas = [a.id for a in bank.areas]
    assert [areas.index(q.skill) for q in full] == sorted(areas.index(q.skill) for q in full)  # area by area


def test_answers_before_a_path_go_to_the_draft(bank: Bank) -> None:
    s = Session.new(bank, name="Ada", mode="quick")
    q = s.questions[0]
    assert s.set_answer(q.id, 3) == draft_path()
    draft = load_draft()
    assert draft is not None and draft.profile.answers == {q.id: 3} and draft.answered == 1
    assert mode_of(draft.profile) == "quick"
    resumed = Session.from_draft(bank, draft)
    assert resumed.answer_of(q.id) == 3 and resumed.mode == "quick" and resumed.path is None


def test_save_as_keeps_saving_there_forgets_the_draft_and_is_remembered(bank: Bank, tmp_path: Path) -> None:
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="full")
    s.set_answer(s.questions[0].id, 2)
    target = tmp_path / "ada.toml"
    s.save_as(target)
    assert load_draft() is None
    s.set_answer(s.questions[1].id, 4)
    assert load_profile(target).answers == {s.questions[0].id: 2, s.questions[1].id: 4}
    assert [e.path for e in recent_profiles()] == [target.resolve()]
    again = Session.resume(bank, target)
    assert again.profile.answers == s.profile.answers and again.mode == "full"
    assert again.first_open_index() == 2


def test_a_failed_save_raises_and_keeps_the_answer(bank: Bank, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    s = Session.new(bank, name="Ada")
    s.path = blocker / "ada.toml"  # its folder is a file: cannot be written, even as root
    with pytest.raises(SaveError):
        s.set_answer(s.questions[0].id, 1)
    assert s.answer_of(s.questions[0].id) == 1


def test_export_is_byte_identical_to_careerfit_report(bank: Bank, tmp_path: Path) -> None:
    s = Session.new(bank, name="Ann | [x](http://e) #1", mode="full", hours_per_week=6)
    for i, q in enumerate(s.questions):
        if i % 5:
            s.set_answer(q.id, i % 5)
    s.toggle_not_relevant("research")
    s.save_as(tmp_path / "ann.toml")
    out = s.export(tmp_path / "ann.md")
    assert out.read_text(encoding="utf-8") == build(tmp_path / "ann.toml", None, None, "markdown")


def test_skip_clears_and_not_relevant_toggles(bank: Bank) -> None:
    s = Session.new(bank)
    q = s.questions[0]
    s.set_answer(q.id, 2)
    s.set_answer(q.id, None)
    assert s.answer_of(q.id) is None
    s.toggle_not_relevant("ml")
    assert s.is_not_relevant("ml")
    s.toggle_not_relevant("ml")
    assert not s.is_not_relevant("ml")


def test_default_path_and_ages() -> None:
    assert default_profile_path("Ann [/] O'Neil").name == "ann-o-neil.toml"
    assert default_profile_path("").name == "profile.toml"
    assert ago(0, now=30) == "just now"
    assert ago(0, now=600) == "10 minutes ago"
    assert ago(0, now=2 * 86400 + 5) == "2 days ago"


def test_a_broken_recent_list_is_empty_not_an_error(bank: Bank) -> None:
    path = draft_path().parent / "recent.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("recent = [ {path = 3}, 'x' ]\nbroken", encoding="utf-8")
    assert recent_profiles() == []


def test_a_new_profile_has_the_limits_of_a_profile_file(bank: Bank) -> None:
    from careerfit.core.domain import MAX_NAME
    from careerfit.core.errors import ProfileError
    from careerfit.formats.profile_io import profile_from_dict

    too_long = "\x1b" + "a" * MAX_NAME  # over the limit as typed, under it once cleaned
    with pytest.raises(ProfileError):
        profile_from_dict({"name": too_long})
    with pytest.raises(ProfileError, match="name"):
        Session.new(bank, name=too_long)
    for hours in ("8", float("nan"), float("inf"), True, 0.4, 101):
        with pytest.raises(ProfileError, match="hours"):
            Session.new(bank, hours_per_week=hours)  # type: ignore[arg-type]
    with pytest.raises(ProfileError, match="role"):
        Session.new(bank, current_role="astronaut")
    assert Session.new(bank, name="a" * MAX_NAME, hours_per_week=0.5).profile.name == "a" * MAX_NAME
