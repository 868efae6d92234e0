"""Fuzzing the file contract: mutated profiles and bank files (flipped bytes, truncation,
unicode, huge values, wrong types, duplicate keys), through the loaders and through the
installed command. Whatever the bytes, a load gives valid objects or one ``CareerfitError``;
the command exits 0 or 2 with at most one line on stderr and no traceback; and nothing is
written (the input files keep their bytes).

Small by default so CI stays fast; ``CAREERFIT_FUZZ_EXAMPLES=2000`` runs a release-sized
fuzz (see README, "Run the tests").
"""

from __future__ import annotations

import math
import os
import subprocess
import tempfile
from pathlib import Path

from cli_helpers import run
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from careerfit.core.domain import MAX_HOURS, MAX_LEVEL, MIN_HOURS, Bank, Profile
from careerfit.core.errors import CareerfitError
from careerfit.formats.bank import load_bank
from careerfit.formats.profile_io import load_profile

EXAMPLES = int(os.environ.get("CAREERFIT_FUZZ_EXAMPLES", "40"))
#: Each command example is a process start (a few hundred ms here): a tenth as many.
CLI_EXAMPLES = max(3, EXAMPLES // 10)
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
FUZZ_CLI = settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))

PROFILE = (
    b'schema = 1\nname = "Ann"\ncurrent_role = "data_scientist"\nhours_per_week = 6\n'
    b'not_relevant = ["vision_nlp"]\nnotes = "line one\\nline two"\n\n'
    b'[answers]\n"ml.train_validate" = 3\n"statistics.experiment_design" = 4\n"software.unit_testing" = 0\n'
)
BANK_FILE = (
    b'[[area]]\nid = "analysis"\nname = "Analysis"\nshort = "Ana"\neffort_hours = 40\neffort_rationale = "r"\n'
    b'[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = "First?"\nquick = true\n'
    b'labels = ["a", "b", "c", "d", "e"]\n'
    b'[[role]]\nid = "analyst"\nname = "Analyst"\ndescription = "d"\ntitles = ["Data analyst"]\n'
    b'[role.requires.analysis]\nlevel = 3\nimportance = 4\n'
    b'[scoring]\nstep_multipliers = [1.0, 2.0, 4.0, 8.0]\n'
)

#: Pieces that broke parsers and round trips before (see docs/design reliability notes).
TRICKY = [
    "\r\n", "\r", ".", '"', "'", "[", "]", "#", "|", "=", "\x1b", "\x00", "\x7f", "\u202e", "\x9b", "\ufeff", "é",
    "\U0001d518", "1e999", "-0", "nan", "inf", "-inf", "99", "-1", "5", "0.0001", "true", '"3"', "[]", "{}",
    "[[[[[[[[", "\n[answers]\n", '\n"ml.train_validate" = 4\n', "\nml.train_validate = 2\n", '\nname = "dup"\n',
    "\nschema = 2\n", "\nschema = 0\n", "\\u0000", "\\ud800", "9" * 5000, "1" + "0" * 400 + ".5",
    '\n[[area]]\nid = "analysis"\n', "\nlevel = 9\n", "\nimportance = -5\n", "\neffort_hours = 0\n",
]


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` after one to four edits: flips, cuts, insertions, deletions, huge runs."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "insert", "delete", "huge"]))
        pos = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            data[min(pos, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            piece = draw(st.sampled_from(TRICKY) | st.text(max_size=6))
            data[pos:pos] = piece.encode("utf-8", "surrogatepass")
        elif op == "delete":
            del data[pos:pos + draw(st.integers(1, 12))]
        elif op == "huge":
            data[pos:pos] = draw(st.sampled_from([b"a", b"[", b"9", b" ", b"\xff"])) * draw(st.integers(1, 200_000))
    return bytes(data)


def _write(folder: Path, name: str, data: bytes) -> Path:
    where = Path(tempfile.mkdtemp(dir=folder))
    path = where / name
    path.write_bytes(data)
    return path


def _check_profile(profile: Profile) -> None:
    """What every loaded profile must satisfy, whatever its file held."""
    assert all(type(v) is int and 0 <= v <= MAX_LEVEL for v in profile.answers.values())
    assert isinstance(profile.hours_per_week, int | float) and not isinstance(profile.hours_per_week, bool)
    assert MIN_HOURS <= profile.hours_per_week <= MAX_HOURS and math.isfinite(profile.hours_per_week)
    assert "\x1b" not in profile.name + profile.notes and "\n" not in profile.name


def _check_bank(bank: Bank) -> None:
    for area in bank.areas:
        assert math.isfinite(area.effort_hours) and area.effort_hours > 0
    for role in bank.roles:
        for req in role.requires.values():
            assert 0 <= req.level <= MAX_LEVEL and 0 <= req.importance <= 5
    assert all(m > 0 and math.isfinite(m) for m in bank.scoring.step_multipliers)


@FUZZ
@given(data=mutated(PROFILE))
@example(data=PROFILE.replace(b"hours_per_week = 6", b"hours_per_week = " + b"9" * 5000))
def test_a_mutated_profile_loads_valid_or_fails_cleanly(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "p.toml", data)
    for _ in range(2):  # the second load may come from the cache: it must agree
        try:
            profile = load_profile(path)
        except CareerfitError as exc:
            assert "\n" not in str(exc).strip()
            continue
        _check_profile(profile)
    assert path.read_bytes() == data


@FUZZ
@given(data=mutated(BANK_FILE))
def test_a_mutated_bank_file_loads_valid_or_fails_cleanly(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "b.toml", data)
    results = []
    for _ in range(2):
        try:
            bank = load_bank(path.parent)
        except CareerfitError as exc:
            results.append(exc.problems if hasattr(exc, "problems") else str(exc))
            continue
        _check_bank(bank)
        results.append((bank.areas, bank.questions, bank.roles, bank.scoring))
    assert results[0] == results[1]  # from the cache as validated afresh
    assert path.read_bytes() == data


def _assert_contract(result: subprocess.CompletedProcess[str], *inputs: tuple[Path, bytes]) -> None:
    assert result.returncode in (0, 2), (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    else:
        assert result.stderr == ""
    for path, data in inputs:
        assert path.read_bytes() == data


@FUZZ_CLI
@given(data=mutated(PROFILE), fmt=st.sampled_from(["markdown", "json"]))
def test_report_on_a_mutated_profile_keeps_the_contract(tmp_path: Path, data: bytes, fmt: str) -> None:
    path = _write(tmp_path, "p.toml", data)
    _assert_contract(run("report", str(path), "--format", fmt), (path, data))


@FUZZ_CLI
@given(data=mutated(BANK_FILE), command=st.sampled_from(["report", "check"]))
def test_report_and_check_on_a_mutated_bank_keep_the_contract(tmp_path: Path, data: bytes, command: str) -> None:
    bank_file = _write(tmp_path, "b.toml", data)
    folder = str(bank_file.parent)
    if command == "report":
        profile = _write(tmp_path, "p.toml", b'schema = 1\n[answers]\n"analysis.q1" = 2\n')
        _assert_contract(run("report", str(profile), "--bank", folder), (bank_file, data))
        return
    # ``check`` lists every problem, one a line, then its summary; a single problem is one line.
    check = run("check", folder)
    assert check.returncode in (0, 2) and "Traceback" not in check.stderr, check.stderr
    if check.returncode:
        assert check.stderr.splitlines()[-1].startswith("careerfit: error: "), check.stderr
    assert bank_file.read_bytes() == data
