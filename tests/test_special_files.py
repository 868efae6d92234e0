"""Special files where careerfit expects a TOML file: a FIFO, a link to /dev/zero, a 3 GB sparse
file. Each is refused before it is read, in one line with exit 2, through the installed command;
as a cache file each is only a miss."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

from careerfit.core.errors import FileFormatError
from careerfit.formats import cache
from careerfit.formats.tomlio import MAX_BYTES, read_bytes

PROFILE = 'schema = 1\nname = "Ann"\n[answers]\n"ml.train_validate" = 3\n'


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _sparse(path: Path) -> None:
    with path.open("wb") as fh:
        fh.truncate(3 * 1024**3)  # 3 GB that take no disk: read in full, it took 25 s and 3 GB


SPECIAL: dict[str, tuple[Callable[[Path], None], str]] = {
    "fifo": (_fifo, "not a regular file"),
    "dev-zero": (_dev_zero, "not a regular file"),
    "sparse-3gb": (_sparse, "too large"),
}


@pytest.mark.parametrize("kind", SPECIAL)
def test_check_refuses_a_special_bank_file_in_one_line(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    make(tmp_path / "x.toml")
    result = run("check", str(tmp_path))
    assert_one_line_error(result, "x.toml", problem)


@pytest.mark.parametrize("kind", SPECIAL)
def test_report_with_a_special_bank_file_is_one_line(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    bank = tmp_path / "bank"
    bank.mkdir()
    make(bank / "x.toml")
    profile = tmp_path / "p.toml"
    profile.write_text(PROFILE)
    result = run("report", str(profile), "--bank", str(bank))
    assert_one_line_error(result, "x.toml", problem)
    assert result.stdout == ""


def test_report_on_a_profile_linked_to_dev_zero_is_one_line(tmp_path: Path) -> None:
    _dev_zero(tmp_path / "p.toml")
    assert_one_line_error(run("report", str(tmp_path / "p.toml")), "p.toml", "not a regular file")


@pytest.mark.parametrize("kind", SPECIAL)
def test_load_profile_refuses_a_special_profile(tmp_path: Path, kind: str) -> None:
    from careerfit.formats.profile_io import load_profile

    make, problem = SPECIAL[kind]
    make(tmp_path / "p.toml")
    with pytest.raises(FileFormatError, match=problem):
        load_profile(tmp_path / "p.toml")


@pytest.mark.parametrize("kind", SPECIAL)
def test_read_bytes_refuses_before_reading(tmp_path: Path, kind: str) -> None:
    make, problem = SPECIAL[kind]
    make(tmp_path / "x.toml")
    with pytest.raises(FileFormatError, match=problem):
        read_bytes(tmp_path / "x.toml", max_bytes=MAX_BYTES)


def test_a_file_at_the_cap_is_read_and_one_byte_over_is_not(tmp_path: Path) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(b"a" * 10)
    assert read_bytes(path, max_bytes=10) == b"a" * 10
    with pytest.raises(FileFormatError, match="too large"):
        read_bytes(path, max_bytes=9)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_special_cache_file_is_a_miss(tmp_path: Path, isolated_home: Path, kind: str) -> None:
    """A cache file that is a FIFO hung every report; one linked to /dev/zero ran out of memory."""
    profile = tmp_path / "p.toml"
    profile.write_text(PROFILE)
    env = {"CAREERFIT_HOME": str(isolated_home)}
    first = run("report", str(profile), "--format", "json", env=env)
    assert first.returncode == 0, first.stderr
    caches = sorted((isolated_home / "cache").glob("*.json"))
    assert caches
    for path in caches:
        path.unlink()
        SPECIAL[kind][0](path)
    again = run("report", str(profile), "--format", "json", env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")
    # Replaced by good cache files (a link's target is never written), and read as such.
    assert all(p.is_file() and not p.is_symlink() for p in caches)
    assert Path("/dev/zero").is_char_device()
    assert all(p.read_bytes().startswith(cache._MAGIC) for p in caches)


def test_a_cache_file_linked_to_another_file_never_overwrites_it(tmp_path: Path, isolated_home: Path) -> None:
    from careerfit.formats.bank import load_bank

    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "q.toml").write_text('[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = "First?"\n')
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me\n")
    cache_file = cache._cache_file(folder)
    cache_file.parent.mkdir(parents=True, exist_ok=True)
    cache_file.symlink_to(victim)
    assert load_bank(folder).question("analysis.q1").text == "First?"
    assert victim.read_text() == "keep me\n"
