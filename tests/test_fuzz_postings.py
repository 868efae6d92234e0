"""Fuzzing postings (issue 8, item 5): mutated real postings, hostile Unicode, huge lines, 1 MB.

The contract, for the pure analyser and for the installed command:

- ``analyse_posting`` returns an analysis, or raises a ``CareerfitError``; nothing else, and
  what it renders (Markdown and JSON) holds no raw control character;
- ``careerfit posting FILE`` (and ``-``) exits 0 or 2, writes at most one line to stderr,
  never a traceback, and writes no file (the working folder and the data folder are the same
  before and after).

Kept small for CI. For a release, raise the number of examples::

    CAREERFIT_FUZZ_EXAMPLES=2000 python -m pytest -q tests/test_fuzz_postings.py

(the command-line test runs a tenth as many, each a new process).
"""

from __future__ import annotations

import json
import os
import subprocess
import unicodedata
from pathlib import Path

import pytest
from cli_helpers import careerfit_cmd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.cli.commands.posting import MAX_POSTING_BYTES
from careerfit.core.errors import CareerfitError
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.reader import analyse_posting
from careerfit.postings.report import render

EXAMPLES = int(os.environ.get("CAREERFIT_FUZZ_EXAMPLES", "40"))
CLI_EXAMPLES = max(8, EXAMPLES // 10)
POSTINGS = Path(__file__).parent / "postings"
SEEDS = [p.read_text(encoding="utf-8") for p in sorted(POSTINGS.glob("*.[mt][dx]*"))]
BAD = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

ESCAPES = ["\x1b]52;c;ZXZpbA==\x07", "\x1b[2J", "\x9b31m", "\u202e", "\x00", "\ud800", "\x85", "\u2028", "\r",
           "\ufeff", "\U000e0001", "<h1", "<br  >", "**", "## ", "\t", "é", "中文", "😀"]
#: What a long run is made of: what broke the old patterns, and what a web page pastes.
FLOOD = [" ", "#", "*", "_", "<", "<br ", "-", "a", ". ", "strong ", "lead ", "\u00a0", "\x1b", "\u202e", "\n",
         "nice to have ", "## x ", "** "]
TEXT = st.one_of(st.text(max_size=40), st.sampled_from(ESCAPES), st.lists(st.sampled_from(ESCAPES), max_size=6)
                 .map("".join))


@st.composite
def mutated(draw: st.DrawFn, max_flood: int = 20_000) -> str:
    """A real posting after a few insertions, deletions, repeats and floods."""
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["insert", "delete", "repeat", "flood", "truncate"]))
        i = draw(st.integers(0, len(text)))
        j = min(len(text), i + draw(st.integers(0, 300)))
        if kind == "insert":
            text = text[:i] + draw(TEXT) + text[i:]
        elif kind == "delete":
            text = text[:i] + text[j:]
        elif kind == "repeat":
            text = text[:i] + text[i:j] * draw(st.integers(2, 40)) + text[j:]
        elif kind == "flood":
            text = text[:i] + draw(st.sampled_from(FLOOD)) * draw(st.integers(100, max_flood)) + text[i:]
        else:
            text = text[:i]
    return text


def raw_controls(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if c != "\n" and unicodedata.category(c) in BAD]


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated(max_flood=100_000))
def test_the_analyser_returns_an_analysis_or_a_careerfit_error(bank, text: str) -> None:
    lexicon = load_lexicon()
    try:
        analysis = analyse_posting(text, bank, lexicon, source="fuzz.md")
    except CareerfitError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert analysis.likeness and analysis.role.requires
    for fmt in ("markdown", "json"):
        out = render(analysis, bank, None, fmt=fmt, date="2026-12-01")
        assert raw_controls(out) == []
    assert json.loads(render(analysis, bank, None, fmt="json"))["posting"]["reads_like"] == analysis.reads_like


@pytest.fixture(scope="module")
def workplace(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A working folder and a data folder, warmed by one run (the cache is written once)."""
    work = tmp_path_factory.mktemp("fuzz-work")
    home = tmp_path_factory.mktemp("fuzz-home")
    env = {**os.environ, "CAREERFIT_HOME": str(home), "NO_COLOR": "1"}
    (work / "warm.md").write_text(SEEDS[0], encoding="utf-8")
    subprocess.run([*careerfit_cmd(), "posting", "warm.md"], cwd=work, env=env, capture_output=True, timeout=60,
                   check=True)
    return work, env


def _tree(*folders: Path) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for f in folders for p in sorted(f.rglob("*"))}


def _check_contract(done: subprocess.CompletedProcess[bytes]) -> str:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode in (0, 2), (done.returncode, err[-2000:])
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == (1 if done.returncode == 2 else 0), err
    out = done.stdout.decode("utf-8")
    assert raw_controls(out) == [] and raw_controls(err) == []
    if done.returncode == 2:
        assert out == ""
    return err


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "bytes-flipped"]),
       fmt=st.sampled_from(["markdown", "json"]), stdin=st.booleans(), flip=st.integers(0, 2**32))
def test_the_command_exits_0_or_2_with_one_line_and_writes_nothing(
        workplace: tuple[Path, dict[str, str]], text: str, encoding: str, fmt: str, stdin: bool, flip: int) -> None:
    work, env = workplace
    if encoding == "bytes-flipped":
        data = bytearray(text.encode("utf-8", "surrogatepass") or b"x")
        data[flip % len(data)] = flip % 256
        data = bytes(data)
    else:
        data = text.encode(encoding, "surrogatepass" if encoding.startswith("utf-8") else "replace")
    posting = work / "fuzz.md"
    posting.write_bytes(data)
    before = _tree(work, Path(env["CAREERFIT_HOME"]))
    args = ["posting", "-" if stdin else "fuzz.md", "--format", fmt]
    done = subprocess.run([*careerfit_cmd(), *args], cwd=work, env=env, input=data if stdin else None,
                          capture_output=True, timeout=60)
    _check_contract(done)
    assert _tree(work, Path(env["CAREERFIT_HOME"])) == before


def _sized(size: int, tail: str = "") -> bytes:
    """The test postings repeated to exactly ``size`` bytes, ending with ``tail``."""
    seed = "\n\n".join(SEEDS).encode("utf-8")
    end = tail.encode("utf-8")
    body = (seed * (size // len(seed) + 1))[: size - len(end)]
    return body + end


def test_the_size_limit_is_exact(workplace: tuple[Path, dict[str, str]]) -> None:
    work, env = workplace
    (work / "max.md").write_bytes(_sized(MAX_POSTING_BYTES))
    done = subprocess.run([*careerfit_cmd(), "posting", "max.md"], cwd=work, env=env, capture_output=True,
                          timeout=60)
    assert _check_contract(done) == "" and done.stdout.startswith(b"# Job posting: ")
    # One byte over, on stdin, the last character cut by the limit: a clear refusal.
    over = _sized(MAX_POSTING_BYTES + 2, tail="中")
    done = subprocess.run([*careerfit_cmd(), "posting", "-"], cwd=work, env=env, input=over, capture_output=True,
                          timeout=60)
    assert done.returncode == 2 and "too large" in _check_contract(done)
