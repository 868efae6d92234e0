"""Profiles behind links and lost folders: a loop, a link swapped in mid-session, a deleted
working folder. Each ends in one clean error; no other file is ever overwritten."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from careerfit.core.domain import Bank, Profile
from careerfit.core.errors import FileFormatError, SaveError
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session

GOOD = 'schema = 1\nname = "Ann"\n\n[answers]\n"ml.train_validate" = 3\n'


def _loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def test_saving_onto_a_symlink_loop_is_a_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="symlink"):
        save_profile(Profile(name="Ann"), _loop(tmp_path))


def test_loading_a_symlink_loop_is_a_file_error(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match=r"a\.toml"):
        load_profile(_loop(tmp_path))


def test_a_session_saving_to_a_symlink_loop_keeps_the_answer_and_raises_save_error(bank: Bank, tmp_path: Path
                                                                                  ) -> None:
    session = Session(bank, Profile(name="Ann"), _loop(tmp_path))
    with pytest.raises(SaveError):
        session.set_answer(session.questions[0].id, 2)
    assert session.profile.answers == {session.questions[0].id: 2}


def test_report_to_a_symlink_loop_is_one_line(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text(GOOD)
    result = run("report", str(profile), "-o", str(_loop(tmp_path)))
    assert_one_line_error(result, "a.toml")
    assert result.stdout == ""


def test_a_profile_swapped_for_a_link_mid_session_never_overwrites_the_other_file(bank: Bank, tmp_path: Path
                                                                                 ) -> None:
    path = tmp_path / "p.toml"
    path.write_text(GOOD)
    other = tmp_path / "thesis.txt"
    other.write_text("my thesis, not a profile\n")
    session = Session.resume(bank, path)
    session.set_answer(session.questions[0].id, 1)
    path.unlink()
    path.symlink_to(other)  # someone (or something) swaps the file for a link meanwhile
    with pytest.raises(SaveError, match=r"thesis\.txt"):
        session.set_answer(session.questions[1].id, 2)
    assert other.read_text() == "my thesis, not a profile\n"
    assert path.is_symlink()


def test_a_profile_opened_through_a_link_keeps_saving_through_it(bank: Bank, tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text(GOOD)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    session = Session.resume(bank, link)
    session.set_answer(session.questions[0].id, 4)
    session.set_answer(session.questions[1].id, 0)
    assert link.is_symlink() and load_profile(real).answers[session.questions[1].id] == 0


def test_a_relative_profile_whose_working_folder_was_deleted(bank: Bank, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "p.toml").write_text(GOOD)
    monkeypatch.chdir(work)
    session = Session.resume(bank, Path("p.toml"))
    shutil.rmtree(work)
    with pytest.raises(SaveError):
        session.set_answer(session.questions[0].id, 2)
    with pytest.raises(SaveError):
        save_profile(Profile(name="Ann"), Path("p.toml"))
    with pytest.raises(FileFormatError):
        load_profile(Path("p.toml"))
    assert not work.exists()


def test_report_in_a_deleted_working_folder_is_one_line(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "p.toml").write_text(GOOD)
    # The shell is in the folder when it is deleted, then runs the command there.
    script = f"cd {str(work)!r} && rm -rf {str(work)!r} && exec \"$@\""
    import subprocess

    from cli_helpers import careerfit_cmd

    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run(["sh", "-c", script, "sh", *careerfit_cmd(), "report", "p.toml"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert_one_line_error(result, "p.toml")
