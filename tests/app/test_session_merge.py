"""Two windows on one profile: every answer given in either ends up in the file."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from careerfit.core.domain import Bank
from careerfit.core.merge import merge_profiles
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session


def _two_windows(bank: Bank, tmp_path: Path) -> tuple[Path, Session, Session]:
    path = tmp_path / "shared.toml"
    save_profile(Session.new(bank, name="Ada", mode="full").profile, path)
    return path, Session.resume(bank, path), Session.resume(bank, path)


def test_two_sessions_answering_in_turn_keep_every_answer(bank: Bank, tmp_path: Path) -> None:
    path, first, second = _two_windows(bank, tmp_path)
    given: dict[str, int] = {}
    for i, q in enumerate(bank.questions[:12]):
        window = first if i % 2 == 0 else second
        window.set_answer(q.id, i % 5)
        given[q.id] = i % 5
        assert load_profile(path).answers == given  # the file never goes back
    assert first.take_merge_report() is not None  # it took the other window's answers
    assert first.take_merge_report() is None  # reported once


def test_the_same_answer_changed_in_both_keeps_the_later_and_says_so(bank: Bank, tmp_path: Path) -> None:
    path, first, second = _two_windows(bank, tmp_path)
    q = bank.questions[0]
    first.set_answer(q.id, 1)
    second.set_answer(q.id, 4)  # later
    assert load_profile(path).answers[q.id] == 4
    report = second.take_merge_report()
    assert report is not None and report.conflicts == (q.id,)
    assert q.id in report.message() and "kept yours" in report.message()


def test_a_cleared_answer_and_settings_merge_too(bank: Bank, tmp_path: Path) -> None:
    path, first, second = _two_windows(bank, tmp_path)
    a, b = bank.questions[:2]
    first.set_answer(a.id, 3)
    second.set_answer(b.id, 2)
    first.set_answer(a.id, None)  # cleared in one window: stays cleared, b kept
    assert load_profile(path).answers == {b.id: 2}
    second.profile.hours_per_week = 12
    second.persist()
    first.toggle_not_relevant("research")
    saved = load_profile(path)
    assert saved.hours_per_week == 12 and saved.not_relevant == ["research"] and saved.answers == {b.id: 2}
    report = first.take_merge_report()
    assert report is not None and "hours per week" in report.settings_taken


def test_merge_is_three_way_per_key(bank: Bank) -> None:
    base = Session.new(bank, name="A").profile
    base.answers = {"x": 1, "y": 1, "z": 1}
    from dataclasses import replace

    mine = replace(base, answers={"x": 2, "y": 1, "w": 0}, name="A")  # z cleared, w added
    theirs = replace(base, answers={"x": 1, "y": 3, "z": 1, "v": 4}, name="B")
    merged, report = merge_profiles(base, mine, theirs)
    assert merged.answers == {"x": 2, "y": 3, "w": 0, "v": 4}
    assert merged.name == "B" and report.taken == ("y", "v") and report.conflicts == ()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from careerfit.formats.bank import load_bank
    from careerfit.session.state import Session

    session = Session.resume(load_bank(), Path(sys.argv[1]))
    print("ready", flush=True)
    for line in sys.stdin:
        qid, level = line.split()
        session.set_answer(qid, int(level))
        print("ok", flush=True)
    """
)


def test_two_processes_answering_alternately_lose_nothing(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "shared.toml"
    save_profile(Session.new(bank, name="Ada", mode="full").profile, path)
    script = tmp_path / "window.py"
    script.write_text(CHILD, encoding="utf-8")
    windows = [subprocess.Popen([sys.executable, str(script), str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True) for _ in range(2)]
    try:
        for w in windows:
            assert w.stdout is not None and w.stdout.readline().strip() == "ready"
        given = {q.id: i % 5 for i, q in enumerate(bank.questions[:40])}
        for i, (qid, level) in enumerate(given.items()):
            w = windows[i % 2]
            assert w.stdin is not None and w.stdout is not None
            w.stdin.write(f"{qid} {level}\n")
            w.stdin.flush()
            assert w.stdout.readline().strip() == "ok"  # saved before the other window answers
    finally:
        for w in windows:
            if w.stdin is not None:
                w.stdin.close()
            w.wait(timeout=30)
    assert load_profile(path).answers == given


def test_a_save_waits_for_the_lock_and_gives_up_cleanly(bank: Bank, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    fcntl = pytest.importorskip("fcntl")
    import os

    from careerfit.core.errors import SaveError
    from careerfit.formats import profile_io

    path, first, _ = _two_windows(bank, tmp_path)
    before = path.read_bytes()
    monkeypatch.setattr(profile_io, "LOCK_TIMEOUT", 0.1)
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # another careerfit in the middle of its save
        with pytest.raises(SaveError, match="another careerfit"):
            first.set_answer(bank.questions[0].id, 2)
        assert path.read_bytes() == before and first.answer_of(bank.questions[0].id) == 2  # kept in memory
    finally:
        os.close(fd)
    first.persist()  # the lock is free again: saved
    assert load_profile(path).answers == {bank.questions[0].id: 2}


def test_settings_changed_in_both_keep_this_windows_and_say_so(bank: Bank, tmp_path: Path) -> None:
    path, first, second = _two_windows(bank, tmp_path)
    first.profile.name = "Ada L."
    first.persist()
    second.profile.name = "Ada Lovelace"
    second.persist()
    report = second.take_merge_report()
    assert load_profile(path).name == "Ada Lovelace"
    assert report is not None and report.settings_conflicts == ("name",)
    assert "Name also changed in another window; kept yours." in report.message()


def test_two_windows_on_one_draft_keep_every_answer(bank: Bank) -> None:
    from careerfit.session.drafts import load_draft
    from careerfit.session.paths import draft_path

    start = Session.new(bank, name="Ada")
    start.set_answer(bank.questions[0].id, 1)
    draft = load_draft()
    assert draft is not None
    first, second = Session.from_draft(bank, draft), Session.from_draft(bank, draft)
    given = {bank.questions[0].id: 1}
    for i, q in enumerate(bank.questions[1:9]):
        (first if i % 2 else second).set_answer(q.id, 3)
        given[q.id] = 3
    assert load_profile(draft_path()).answers == given


def test_a_new_assessment_in_another_window_does_not_take_this_drafts_answers(bank: Bank) -> None:
    from careerfit.session.paths import draft_path

    a = Session.new(bank, name="A")
    a.set_answer(bank.questions[0].id, 1)
    b = Session.new(bank, name="B")  # another window, another person
    b.set_answer(bank.questions[1].id, 2)  # moves A's draft aside, takes draft.toml
    a.set_answer(bank.questions[2].id, 3)  # A goes on saving where its draft went
    assert a.path is not None and a.moved_aside == a.path and a.path == b.archived_draft
    assert load_profile(a.path).answers == {bank.questions[0].id: 1, bank.questions[2].id: 3}
    assert load_profile(draft_path()).answers == {bank.questions[1].id: 2}
    assert load_profile(draft_path()).name == "B"
