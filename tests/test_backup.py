"""A ``.bak`` that cannot be refreshed stops the save: the file is left as it was, so the
version before this sitting is never lost, and the error names the backup.

(It was suppressed: on a nearly full disk the first save of a sitting replaced the profile
while ``.bak`` kept last month's version.)"""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from careerfit.core.domain import Bank, Profile
from careerfit.core.errors import SaveError
from careerfit.formats import tomlio
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session

OLD = 'schema = 1\nname = "Ann"\n\n[answers]\n"ml.train_validate" = 1\n'


def _disk_full(src: Path, dst: Path) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failed_backup_copy_leaves_the_file_unchanged_and_says_so(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.toml"
    path.write_text(OLD)
    (tmp_path / "p.toml.bak").write_text("last month\n")
    monkeypatch.setattr(tomlio, "_copy_bytes", _disk_full)
    with pytest.raises(SaveError, match=r"p\.toml\.bak could not be written \(No space left on device\)"):
        save_profile(Profile(name="Bob"), path)
    assert path.read_text() == OLD
    assert (tmp_path / "p.toml.bak").read_text() == "last month\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml", "p.toml.bak"]  # no temp left


def test_a_bak_that_is_a_folder_stops_the_save(tmp_path: Path) -> None:
    path = tmp_path / "p.toml"
    path.write_text(OLD)
    (tmp_path / "p.toml.bak").mkdir()
    with pytest.raises(SaveError, match=r"p\.toml\.bak"):
        save_profile(Profile(name="Bob"), path)
    assert path.read_text() == OLD


def test_saving_without_a_backup_is_not_stopped_by_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.toml"
    path.write_text(OLD)
    monkeypatch.setattr(tomlio, "_copy_bytes", _disk_full)
    save_profile(Profile(name="Bob"), path, backup=False)
    assert load_profile(path).name == "Bob"


def test_a_sitting_keeps_the_answer_and_backs_up_once_the_copy_works(bank: Bank, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.toml"
    path.write_text(OLD)
    session = Session.resume(bank, path)
    first, second = session.questions[0].id, session.questions[1].id
    with monkeypatch.context() as m:
        m.setattr(tomlio, "_copy_bytes", _disk_full)
        with pytest.raises(SaveError, match="backup"):
            session.set_answer(first, 4)
    assert session.answer_of(first) == 4 and path.read_text() == OLD
    session.set_answer(second, 2)  # space again: the backup is taken now, then the save
    assert (tmp_path / "p.toml.bak").read_text() == OLD
    assert load_profile(path).answers == {**load_profile(tmp_path / "p.toml.bak").answers, first: 4, second: 2}
