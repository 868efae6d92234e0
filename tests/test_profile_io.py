"""Profile files: strict loading, lossless and atomic saving, schema versions, hostile input."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.core.domain import PROFILE_SCHEMA, Profile
from careerfit.core.errors import FileFormatError, ProfileError, SaveError
from careerfit.formats.profile_io import (
    check_against_bank,
    dumps_profile,
    load_profile,
    profile_from_dict,
    save_profile,
)
from careerfit.formats.tomlio import atomic_write, clean_stale_temps

GOOD = """schema = 1
name = "Ada"
current_role = "data_scientist"
hours_per_week = 6
[answers]
"software.unit_testing" = 2
"ml.train_validate" = 4
"""


def write(tmp_path: Path, text: str | bytes, name: str = "p.toml") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


def test_load_a_hand_written_profile(tmp_path):
    p = load_profile(write(tmp_path, GOOD))
    assert p.name == "Ada" and p.current_role == "data_scientist" and p.hours_per_week == 6
    assert p.answers == {"software.unit_testing": 2, "ml.train_validate": 4}


def test_hours_per_week_defaults_to_eight(tmp_path):
    assert load_profile(write(tmp_path, "schema = 1\n")).hours_per_week == 8


def test_unquoted_dotted_ids_fold_back(tmp_path):
    p = load_profile(write(tmp_path, "schema = 1\n[answers]\nsoftware.unit_testing = 3\nml.train_validate = 1\n"))
    assert p.answers == {"software.unit_testing": 3, "ml.train_validate": 1}


def test_unknown_keys_survive_a_round_trip(tmp_path):
    path = write(tmp_path, GOOD.replace("[answers]", 'mentor = "Grace"\n[history]\nruns = [1, 2]\n[answers]'))
    save_profile(load_profile(path), path)
    data = tomllib.loads(path.read_text())
    assert data["mentor"] == "Grace" and data["history"] == {"runs": [1, 2]}
    assert next(iter(data)) == "schema"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ('schema = 1\n[answers]\n"a.b" = true\n', "answers -> a.b"),
        ('schema = 1\n[answers]\n"a.b" = "3"\n', "valid integer"),
        ('schema = 1\n[answers]\n"a.b" = 3.0\n', "valid integer"),
        ('schema = 1\n[answers]\n"a.b" = 5\n', "less than or equal to 4"),
        ('schema = 1\n[answers]\n"a.b" = -1\n', "greater than or equal to 0"),
        ('schema = 1\nhours_per_week = 0\n', "hours_per_week"),
        ('schema = 1\nname = 3\n', "name"),
        ('schema = 1\ncurrent_role = "a role"\n', "current_role"),
        ('schema = 1\ncurrent_role = "ml_engineer\\n"\n', "current_role"),
        ('schema = 1\n[answers]\n"" = 2\n', "answers"),
        ("schema = 1\nanswers = 3\n", "answers"),
        ('schema = "1"\n', "whole number"),
        ("schema = 99\n", "newer careerfit"),
        ("schema = -3\n", "unknown profile schema"),
    ],
)
def test_bad_values_are_refused_with_the_file_named(tmp_path, text, fragment):
    path = write(tmp_path, text)
    with pytest.raises(ProfileError) as err:
        load_profile(path)
    assert str(err.value).startswith(str(path)) and fragment in str(err.value)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (b"", "file is empty"),
        (b"   \n", "file is empty"),
        (b"name = \xff\xfe\n", "not valid UTF-8"),
        (b"\x00\x01\x02binary", "binary"),
        (b"name = 'a'\nname = 'b'\n", "invalid TOML"),
        (b"x = " + b"[" * 2000 + b"]" * 2000 + b"\n", "invalid TOML"),
        (b"[answers\n", "invalid TOML"),
    ],
)
def test_unreadable_files(tmp_path, content, fragment):
    with pytest.raises(FileFormatError, match=fragment):
        load_profile(write(tmp_path, content))


def test_a_bom_is_accepted(tmp_path):
    assert load_profile(write(tmp_path, "\ufeff" + GOOD)).name == "Ada"


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileFormatError, match="no such profile"):
        load_profile(tmp_path / "nope.toml")
    with pytest.raises(FileFormatError, match="is a folder"):
        load_profile(tmp_path)


def test_oversized_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    with pytest.raises(FileFormatError, match="too large"):
        load_profile(path)


def test_older_schema_is_migrated(tmp_path):
    p = load_profile(write(tmp_path, 'name = "Old"\nhours = 5\n[answers]\n"ml.x" = 2\n'))
    assert p.schema == PROFILE_SCHEMA and p.hours_per_week == 5 and p.answers == {"ml.x": 2}


def test_unknown_role_is_refused_against_the_bank(bank, tmp_path):
    path = write(tmp_path, 'schema = 1\ncurrent_role = "astronaut"\n')
    with pytest.raises(ProfileError, match="unknown role 'astronaut'"):
        check_against_bank(load_profile(path), bank, path)


def test_save_keeps_a_backup_and_leaves_no_temp_files(tmp_path):
    path = write(tmp_path, GOOD)
    before = path.read_bytes()
    p = load_profile(path)
    p.answers["analysis.sql"] = 3
    save_profile(p, path)
    assert (tmp_path / "p.toml.bak").read_bytes() == before
    assert load_profile(path).answers["analysis.sql"] == 3
    assert sorted(x.name for x in tmp_path.iterdir()) == ["p.toml", "p.toml.bak"]


def test_save_through_a_symlink_updates_the_target(tmp_path):
    real = write(tmp_path, GOOD, "real.toml")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    p = load_profile(link)
    p.name = "Linked"
    written = save_profile(p, link)
    assert link.is_symlink() and written == real.resolve()
    assert load_profile(real).name == "Linked"


def test_refuses_to_overwrite_a_profile_from_a_newer_version(tmp_path):
    path = write(tmp_path, "schema = 7\n")
    with pytest.raises(SaveError, match="newer careerfit"):
        save_profile(Profile(name="x"), path)
    assert path.read_text() == "schema = 7\n"


def test_save_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        save_profile(Profile(), tmp_path / "no" / "p.toml")


def test_save_under_a_file_fails_cleanly(tmp_path):
    blocker = write(tmp_path, "x")
    with pytest.raises(SaveError, match="folder does not exist"):
        save_profile(Profile(), blocker / "p.toml")


def test_a_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    path = write(tmp_path, GOOD)

    def boom(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(SaveError, match="No space left"):
        atomic_write(path, b"new", backup=False)
    assert path.read_text() == GOOD
    assert [x.name for x in tmp_path.iterdir()] == ["p.toml"]


def test_stale_temp_files_are_cleaned(tmp_path):
    (tmp_path / ".p.toml.abc123.tmp").write_text("half")
    clean_stale_temps(tmp_path, "p.toml")
    assert list(tmp_path.iterdir()) == []


def test_control_characters_are_removed_from_names():
    p = profile_from_dict({"name": "Ann\x1b]0;TITLE\x07\u202e\x00 Lee\r\nJr"})
    assert p.name == "Ann]0;TITLE Lee Jr"


def test_lone_surrogates_never_reach_the_disk(tmp_path):
    with pytest.raises(ProfileError):
        profile_from_dict({"name": "a\ud800b"})
    path = write(tmp_path, GOOD)
    p = load_profile(path)
    p.extra["mentor"] = "x\udfffy"  # extras are kept unvalidated
    with pytest.raises(SaveError, match="cannot be written"):
        save_profile(p, path)
    assert path.read_text() == GOOD


TRICKY = st.sampled_from(["\r\n", "\r", "\n", ".", '"', "[", "]", "#", "|", "\x1b", "\x00", "'''", '"""', "\\", "\t"])
text_st = st.lists(st.one_of(st.text(max_size=5), TRICKY), max_size=8).map("".join)
ids_st = st.from_regex(r"[a-z_]{1,8}(\.[a-z0-9_-]{1,8})?", fullmatch=True)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    name=text_st,
    notes=text_st,
    hours=st.integers(1, 100) | st.floats(0.5, 100, allow_nan=False),
    answers=st.dictionaries(ids_st, st.integers(0, 4), max_size=12),
    role=st.none() | st.sampled_from(["data_scientist", "ml_engineer"]),
    extra=st.dictionaries(st.from_regex(r"x_[a-z]{1,5}", fullmatch=True), text_st | st.integers(), max_size=3),
)
def test_round_trip(tmp_path, monkeypatch, name, notes, hours, answers, role, extra):
    p = profile_from_dict(
        {"name": name, "notes": notes, "hours_per_week": hours, "answers": answers, "current_role": role, **extra}
    )
    path = tmp_path / "rt.toml"
    save_profile(p, path)
    cached = load_profile(path)  # what the save remembered (careerfit.formats.cache)
    with monkeypatch.context() as m:
        m.setenv("CAREERFIT_NO_CACHE", "1")
        again = load_profile(path)  # parsed and validated afresh
    assert again == p == cached
    assert dumps_profile(again) == dumps_profile(p)


def test_a_newer_file_written_by_someone_else_after_our_save_is_still_refused(tmp_path):
    path = tmp_path / "p.toml"
    save_profile(Profile(name="a"), path)
    save_profile(Profile(name="b"), path)  # unchanged since our write: no re-read needed
    path.write_text("schema = 9\n")  # another (newer) careerfit wrote it meanwhile
    with pytest.raises(SaveError, match="newer careerfit"):
        save_profile(Profile(name="c"), path)
    assert path.read_text() == "schema = 9\n"


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "p.toml"
    os.mkfifo(fifo)
    with pytest.raises(FileFormatError, match="not a regular file"):
        load_profile(fifo)


def test_saving_onto_a_special_file_is_refused(tmp_path):
    fifo = tmp_path / "out.md"
    os.mkfifo(fifo)
    with pytest.raises(SaveError, match="not a regular file"):
        atomic_write(fifo, b"x", backup=False)
    assert fifo.exists() and not fifo.is_file()


def test_tiny_weekly_hours_are_refused(tmp_path):
    with pytest.raises(ProfileError, match="hours_per_week"):
        load_profile(write(tmp_path, "schema = 1\nhours_per_week = 1e-300\n"))


def test_save_without_backup_leaves_the_bak_alone(tmp_path):
    path = write(tmp_path, GOOD)
    p = load_profile(path)
    save_profile(p, path)  # .bak = GOOD
    p.answers["analysis.sql"] = 1
    save_profile(p, path, backup=False)
    assert (tmp_path / "p.toml.bak").read_text() == GOOD
    assert load_profile(path).answers["analysis.sql"] == 1


def test_one_answer_given_twice_is_refused_not_settled_by_order(tmp_path):
    path = write(tmp_path, 'schema = 1\n[answers]\n"ml.train_validate" = 4\nml.train_validate = 0\n')
    with pytest.raises(ProfileError, match=r"'ml\.train_validate' is given twice"):
        load_profile(path)


def test_saving_keeps_the_file_mode(tmp_path):
    path = write(tmp_path, GOOD)
    path.chmod(0o644)
    save_profile(load_profile(path), path)
    assert path.stat().st_mode & 0o777 == 0o644
    fresh = tmp_path / "new.toml"
    old = os.umask(0o022)
    try:
        save_profile(Profile(), fresh)
    finally:
        os.umask(old)
    assert fresh.stat().st_mode & 0o777 == 0o644


def test_stale_temps_of_names_with_glob_characters(tmp_path):
    (tmp_path / ".ann[1].toml.x1.tmp").write_text("half")
    (tmp_path / ".ann1.toml.x2.tmp").write_text("someone else's")
    clean_stale_temps(tmp_path, "ann[1].toml")
    assert [p.name for p in tmp_path.iterdir()] == [".ann1.toml.x2.tmp"]
