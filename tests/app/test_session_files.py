"""Which files a sitting writes: backups, the autosave draft, and suggested file names."""

from __future__ import annotations

import re
from pathlib import Path

from careerfit.core.domain import Bank
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.drafts import load_draft
from careerfit.session.paths import MAX_SLUG, backup_of, default_profile_path, draft_path, replaces_other_file
from careerfit.session.recent import recent_profiles
from careerfit.session.state import Session


def _bak(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def test_the_backup_is_the_file_before_this_sitting_not_one_answer_ago(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "ada.toml"
    save_profile(Session.new(bank, name="Ada").profile, path)
    before = path.read_bytes()
    s = Session.resume(bank, path)
    first, second, third = s.questions[:3]
    s.set_answer(first.id, 3)
    assert _bak(path).read_bytes() == before
    stamp = _bak(path).stat().st_mtime_ns
    s.set_answer(second.id, 2)
    s.toggle_not_relevant(third.skill)
    assert _bak(path).read_bytes() == before  # not rewritten by later answers
    assert _bak(path).stat().st_mtime_ns == stamp
    assert load_profile(path).answers == {first.id: 3, second.id: 2}

    # The next sitting backs up what this one left.
    after_first_sitting = path.read_bytes()
    again = Session.resume(bank, path)
    again.set_answer(third.id, 1)
    assert _bak(path).read_bytes() == after_first_sitting


def test_draft_answers_do_not_back_up_the_draft_they_just_wrote(bank: Bank) -> None:
    s = Session.new(bank, name="Ada")
    s.set_answer(s.questions[0].id, 3)
    s.set_answer(s.questions[1].id, 2)
    assert backup_of(draft_path()) is None
    assert load_profile(draft_path()).answers == {s.questions[0].id: 3, s.questions[1].id: 2}


def test_save_as_backs_up_an_existing_file_once_then_saves_without_copying(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "ada.toml"
    path.write_text('schema = 1\nname = "Old"\n', encoding="utf-8")
    before = path.read_bytes()
    s = Session.new(bank, name="Ada")
    s.save_as(path)
    s.set_answer(s.questions[0].id, 4)
    assert _bak(path).read_bytes() == before


def _archived() -> list[Path]:
    return sorted(draft_path().parent.glob("draft-*.toml"))


def test_a_new_assessment_keeps_the_previous_draft_aside(bank: Bank) -> None:
    old = Session.new(bank, name="Old")
    old.set_answer(old.questions[0].id, 3)
    old.set_answer(old.questions[1].id, 2)
    old_answers = dict(old.profile.answers)

    new = Session.new(bank, name="New")
    new.set_answer(new.questions[2].id, 1)
    (archived,) = _archived()
    assert re.fullmatch(r"draft-\d{8}-\d{6}\.toml", archived.name)
    assert new.archived_draft == archived
    assert load_profile(draft_path()).answers == {new.questions[2].id: 1}
    assert load_draft() is not None and load_draft().profile.name == "New"  # the welcome offers the newest

    new.set_answer(new.questions[3].id, 4)  # later answers archive nothing more
    assert _archived() == [archived]
    assert recent_profiles()[0].path == archived.resolve()  # the welcome screen offers it
    assert recent_profiles()[0].name == "Old" and recent_profiles()[0].answered == 2
    reopened = Session.resume(bank, archived)  # an ordinary profile file
    assert reopened.profile.name == "Old" and reopened.profile.answers == old_answers


def test_continuing_the_draft_and_replacing_an_empty_one_archive_nothing(bank: Bank) -> None:
    Session.new(bank, name="Blank").persist()  # a draft with no answers: nothing to keep
    first = Session.new(bank, name="Ada")
    first.set_answer(first.questions[0].id, 3)
    assert _archived() == [] and first.archived_draft is None
    draft = load_draft()
    assert draft is not None
    resumed = Session.from_draft(bank, draft)
    resumed.set_answer(resumed.questions[1].id, 2)
    assert _archived() == []
    assert load_profile(draft_path()).answers == {first.questions[0].id: 3, first.questions[1].id: 2}


def test_save_as_of_a_new_profile_leaves_another_sittings_draft(bank: Bank, tmp_path: Path) -> None:
    old = Session.new(bank, name="Old")
    old.set_answer(old.questions[0].id, 3)
    new = Session.new(bank, name="New")
    new.save_as(tmp_path / "new.toml")
    draft = load_draft()
    assert draft is not None and draft.profile.name == "Old"
    # Its own draft, though, is dropped once it has a file.
    resumed = Session.from_draft(bank, draft)
    resumed.save_as(tmp_path / "old.toml")
    assert load_draft() is None and _archived() == []


def test_suggested_names_keep_any_script_and_never_collide(bank: Bank) -> None:
    assert default_profile_path("李雷").name == "李雷.toml"
    assert default_profile_path("王芳").name == "王芳.toml"
    assert default_profile_path("Zoe\u0308 Ünal").name == "zoë-ünal.toml"  # decomposed ë stays one letter
    assert default_profile_path("").name == "profile.toml"
    assert default_profile_path("Ann [/] O'Neil").name == "ann-o-neil.toml"
    long = default_profile_path("𝔄" * 300)
    assert len(long.stem) == MAX_SLUG and len(long.name.encode("utf-8")) <= 255

    folder = default_profile_path("Ann").parent
    folder.mkdir(parents=True)
    (folder / "ann.toml").write_text("x", encoding="utf-8")
    assert default_profile_path("ann").name == "ann-2.toml"
    assert default_profile_path("Ann").name == "ann-2.toml"
    (folder / "ann-2.toml").write_text("x", encoding="utf-8")
    assert default_profile_path("ANN").name == "ann-3.toml"
    (folder / "profile.toml").write_text("x", encoding="utf-8")
    assert default_profile_path("").name == "profile-2.toml"


def test_replacing_another_file_is_detected_but_not_ones_own(tmp_path: Path) -> None:
    own = tmp_path / "own.toml"
    other = tmp_path / "other.toml"
    for p in (own, other):
        p.write_text("x", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(own)
    assert replaces_other_file(other, own) and replaces_other_file(other, None)
    assert not replaces_other_file(own, own) and not replaces_other_file(link, own)
    assert not replaces_other_file(tmp_path / "new.toml", own)
    assert not replaces_other_file(tmp_path, own)  # a folder: the save itself says why not


def test_quitting_a_new_session_before_any_answer_keeps_the_earlier_draft(bank) -> None:
    from careerfit.session.drafts import load_draft
    from careerfit.session.state import Session

    old = Session.new(bank, name="Old", mode="quick")
    for q in old.questions[:3]:
        old.set_answer(q.id, 2)
    new = Session.new(bank, name="New", mode="quick")
    new.persist()  # what quitting does
    info = load_draft()
    assert info is not None and info.profile.name == "Old" and len(info.profile.answers) == 3


def _archive_drafts(bank: Bank, count: int) -> list[Path]:
    """``count`` new assessments, each with one answer, each archiving the one before."""
    import os

    for i in range(count + 1):
        s = Session.new(bank, name=f"D{i}")
        s.set_answer(s.questions[0].id, 1)
        stamp = 1_700_000_000 + i * 60  # distinct archive names, oldest first
        os.utime(draft_path(), (stamp, stamp))
    return _archived()


def test_drafts_never_push_real_profiles_off_the_recent_list(bank: Bank, tmp_path: Path) -> None:
    from careerfit.session.drafts import MAX_DRAFTS_SHOWN
    from careerfit.session.recent import MAX_RECENT

    real = []
    for i in range(MAX_RECENT):
        s = Session.new(bank, name=f"P{i}")
        s.save_as(tmp_path / f"p{i}.toml")
        real.append((tmp_path / f"p{i}.toml").resolve())
    drafts = _archive_drafts(bank, 4)
    assert len(drafts) == 4
    entries = recent_profiles()
    assert [e.path for e in entries[:MAX_RECENT]] == real[::-1]  # every profile, newest first
    assert [e.kind for e in entries[MAX_RECENT:]] == ["draft"] * MAX_DRAFTS_SHOWN  # then the newest drafts


def test_recent_entries_say_opened_or_saved_truthfully(bank: Bank, tmp_path: Path) -> None:
    import os
    import time

    from careerfit.session.recent import remember

    path = tmp_path / "ada.toml"
    s = Session.new(bank, name="Ada")
    s.save_as(path)
    assert recent_profiles()[0].when().startswith("saved ")
    old = time.time() - 3 * 86400
    os.utime(path, (old, old))
    remember(path, Session.resume(bank, path).profile)  # what the app does on opening
    entry = recent_profiles()[0]
    assert entry.when() == "opened just now" and abs(entry.saved_at - old) < 1  # the file's own time
    Session.resume(bank, path).set_answer(s.questions[0].id, 2)
    assert recent_profiles()[0].when() == "saved just now"


def test_old_drafts_are_kept_until_asked_and_empty_ones_go(bank: Bank) -> None:
    from careerfit.session.drafts import MAX_DRAFTS, archived_drafts, discard_drafts, stale_drafts

    drafts = _archive_drafts(bank, MAX_DRAFTS + 2)
    assert len(drafts) == MAX_DRAFTS + 2  # each holds an answer saved nowhere else: none deleted
    stale = stale_drafts()
    assert stale == archived_drafts()[MAX_DRAFTS:] and len(stale) == 2
    assert sorted(stale) == sorted(drafts)[:2]  # the oldest
    discard_drafts(stale)
    assert len(_archived()) == MAX_DRAFTS and stale_drafts() == []
    empty = draft_path().with_name("draft-20200101-000000.toml")
    empty.write_text('schema = 1\nname = "Nothing"\n', encoding="utf-8")
    assert empty not in archived_drafts() and not empty.exists()  # held nothing unsaved
    outside = draft_path().parent / "profiles"
    outside.mkdir(exist_ok=True)
    keep = outside / "draft-x.toml"
    keep.write_text('schema = 1\nname = "Mine"\n', encoding="utf-8")
    discard_drafts([keep])
    assert keep.exists()  # only archived drafts in the data dir are ever deleted


def test_an_archived_draft_saved_as_a_profile_is_removed(bank: Bank, tmp_path: Path) -> None:
    (archived,) = _archive_drafts(bank, 1)
    s = Session.resume(bank, archived)
    s.set_answer(s.questions[1].id, 3)
    assert archived.exists()  # still unsaved elsewhere
    s.save_as(tmp_path / "kept.toml")
    assert not archived.exists() and load_profile(tmp_path / "kept.toml").answers == s.profile.answers
    assert all(e.kind == "profile" for e in recent_profiles())
