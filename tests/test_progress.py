"""Progress over time: sittings recorded by the session, bounded, compared by the report."""

from __future__ import annotations

import itertools
import json
import os
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from careerfit.core.domain import MAX_SITTINGS, Bank, Sitting
from careerfit.core.progress import area_changes, pick_sitting, thin, with_sitting
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session import state as session_mod
from careerfit.session.state import Session
from tests.cli_helpers import assert_one_line_error, run


def _answer_area(s: Session, bank: Bank, area: str, level: int) -> None:
    for q in bank.questions_for(area):
        s.set_answer(q.id, level)


@pytest.fixture
def two_sittings(bank: Bank, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Ada answers on 2026-09-03 (software 1), and again on 2026-12-01 (software 3)."""
    path = tmp_path / "ada.toml"
    save_profile(Session.new(bank, name="Ada", current_role="data_scientist", mode="full").profile, path)
    monkeypatch.setattr(session_mod, "today", lambda: "2026-09-03")
    first = Session.resume(bank, path)
    for area, level in (("ml", 3), ("statistics", 4), ("software", 1), ("mlops", 1)):
        _answer_area(first, bank, area, level)
    monkeypatch.setattr(session_mod, "today", lambda: "2026-12-01")
    second = Session.resume(bank, path)
    _answer_area(second, bank, "software", 3)
    _answer_area(second, bank, "mlops", 3)
    return path


def test_each_sitting_is_recorded_with_its_answers(bank: Bank, two_sittings: Path) -> None:
    profile = load_profile(two_sittings)
    assert [s.date for s in profile.sittings] == ["2026-09-03", "2026-12-01"]
    first, last = profile.sittings
    software = bank.questions_for("software")[0].id
    assert first.answers[software] == 1 and last.answers[software] == 3
    assert last.answers == profile.answers
    changes = area_changes(bank, profile)
    assert changes["software"] == pytest.approx(2.0) and changes["ml"] == pytest.approx(0.0)
    assert changes["research"] is None  # never answered


def test_report_says_what_changed_since_the_last_sitting(two_sittings: Path) -> None:
    out = run("report", str(two_sittings))
    assert out.returncode == 0, out.stderr
    section = out.stdout.split("## Since 2026-09-03", 1)[1].split("\n## ", 1)[0]
    assert "| Software engineering | 1.0 | 3.0 | +2.0 |" in section
    assert "| ML engineer |" in section and "Easiest pivot then:" in section
    data = json.loads(run("report", str(two_sittings), "--format", "json").stdout)
    assert data["since"]["date"] == "2026-09-03"
    assert data["since"]["skills"]["software"] == {"then": 1.0, "now": 3.0, "change": 2.0}
    ml_engineer = next(r for r in data["since"]["roles"] if r["id"] == "ml_engineer")
    assert ml_engineer["now"] > ml_engineer["then"]
    assert set(data["since"]["pivot"]) == {"then", "now"}


def test_since_picks_the_nearest_sitting_on_or_before(two_sittings: Path) -> None:
    picked = json.loads(run("report", str(two_sittings), "--since", "2026-11-30", "--format", "json").stdout)
    assert picked["since"]["date"] == "2026-09-03"
    same_day = json.loads(run("report", str(two_sittings), "--since", "2026-12-01", "--format", "json").stdout)
    assert same_day["since"]["date"] == "2026-12-01"
    assert all(s["change"] in (0, None) for s in same_day["since"]["skills"].values())
    assert_one_line_error(run("report", str(two_sittings), "--since", "2026-02-30"), "--since", "not a date")
    assert_one_line_error(run("report", str(two_sittings), "--since", "2020-01-01"), "the first is 2026-09-03")


def test_a_profile_with_one_sitting_has_no_since_section(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    s = Session.new(bank, name="New")
    s.save_as(path)
    s.set_answer(bank.questions[0].id, 2)
    out = run("report", str(path))
    assert out.returncode == 0 and "## Since" not in out.stdout
    assert json.loads(run("report", str(path), "--format", "json").stdout)["since"] is None


def test_an_old_profile_without_sittings_opens_as_one_sitting(bank: Bank, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.toml"
    q = bank.questions[0]
    path.write_text(f'schema = 1\nname = "Old"\n[answers]\n"{q.id}" = 1\n', encoding="utf-8")
    stamp = time.time() - 40 * 86400
    os.utime(path, (stamp, stamp))
    then = date.fromtimestamp(stamp).isoformat()
    s = Session.resume(bank, path)
    assert [x.date for x in s.profile.sittings] == [then]
    monkeypatch.setattr(session_mod, "today", lambda: "2026-12-01")
    s.set_answer(q.id, 3)
    saved = load_profile(path)
    assert [x.date for x in saved.sittings] == [then, "2026-12-01"]
    assert saved.sittings[0].answers == {q.id: 1}
    assert pick_sitting(saved) == saved.sittings[0]


def test_sittings_are_bounded_keeping_the_first_and_the_latest() -> None:
    start = date(2025, 1, 1)
    sittings: tuple[Sitting, ...] = ()
    for week in range(60):
        sittings = with_sitting(sittings, Sitting((start + timedelta(weeks=week)).isoformat(), {"q": week % 5}))
    assert len(sittings) == MAX_SITTINGS
    assert sittings[0].date == "2025-01-01" and sittings[-1].date == (start + timedelta(weeks=59)).isoformat()
    gaps = [date.fromisoformat(b.date) - date.fromisoformat(a.date) for a, b in itertools.pairwise(sittings)]
    assert max(gaps) <= timedelta(weeks=4)  # thinned evenly, not by dropping a whole stretch
    assert thin(sittings, MAX_SITTINGS) == sittings


def test_a_day_that_changed_nothing_adds_no_sitting() -> None:
    first = Sitting("2026-09-03", {"q": 1})
    assert with_sitting((first,), first._replace(date="2026-10-01")) == (first,)
    changed = Sitting("2026-10-01", {"q": 2})
    assert with_sitting((first,), changed) == (first, changed)


def test_a_broken_sitting_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('schema = 1\nname = "B"\n[[sittings]]\ndate = "yesterday"\n', encoding="utf-8")
    assert_one_line_error(run("report", str(path)), "bad.toml", "sittings", "YYYY-MM-DD")


def test_the_apps_export_carries_the_same_since_section(bank: Bank, two_sittings: Path, tmp_path: Path) -> None:
    s = Session.resume(bank, two_sittings)
    exported = s.export(tmp_path / "ada.md").read_text(encoding="utf-8")
    assert "## Since 2026-09-03" in exported
    assert exported == run("report", str(two_sittings)).stdout
    progress = s.since()
    assert progress is not None and progress.since == "2026-09-03"
