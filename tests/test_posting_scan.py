"""Posting analysis takes time linear in its input (issue 8, item 1).

The heading and HTML patterns that backtracked catastrophically are replaced by
``careerfit.postings.markup``. Two kinds of test:

- **Same answers**: on every short line hypothesis draws from the characters that matter
  (spaces, ``#``, ``*``, ``_``, ``:``, ``<``, ``>``, line breaks, Unicode spaces), the scanner
  captures exactly what the old patterns captured. Short lines keep the old patterns fast.
- **Adversarial lines of 10^5 characters**: each is analysed in a child process with a
  timeout of several seconds, so a regression fails instead of hanging the suite; the
  assertions are on what the analysis found, never on how long it took.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from cli_helpers import careerfit_cmd
from hypothesis import given, settings
from hypothesis import strategies as st

from careerfit.postings.markup import bold_line, html_to_lines, md_heading, strip_tags

# The patterns as they were (the reference for what a heading captures).
OLD_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
OLD_BOLD_LINE = re.compile(r"^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
OLD_HTML_BREAK = re.compile(r"<\s*(?:br\s*/?|/p|/li|/h\d|/div|li|p|div)\s*>", re.IGNORECASE)
OLD_HTML_HEADING = re.compile(r"<\s*h\d[^>]*>", re.IGNORECASE)
OLD_HTML_TAG = re.compile(r"<[^>\n]{1,200}>")

N = 100_000
#: Generous: the whole batch takes well under a second of analysis; the old code took hours.
TIMEOUT = 30

LINE_CHARS = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", "\u2028", "\x1c", "#", "##", "*", "**", "_", "__",
                              ":", "a", "Python", "x y"])
HTML_CHARS = st.sampled_from(["<", ">", "<br", "br", "/", " ", "\n", "h1", "<h2 ", "p", "li", "/div", "x", "<li>"])


def _group(m: re.Match[str] | None) -> str | None:
    return m.group(1) if m else None


@settings(max_examples=500, deadline=None)
@given(st.lists(LINE_CHARS, max_size=12).map("".join))
def test_headings_are_read_as_the_old_patterns_read_them(line: str) -> None:
    assert md_heading(line) == _group(OLD_MD_HEADING.match(line))
    assert bold_line(line) == _group(OLD_BOLD_LINE.match(line))


@settings(max_examples=300, deadline=None)
@given(st.lists(HTML_CHARS, max_size=14).map("".join))
def test_html_becomes_the_same_lines_as_before(text: str) -> None:
    old = OLD_HTML_TAG.sub(" ", OLD_HTML_BREAK.sub("\n", OLD_HTML_HEADING.sub("\n## ", text)))
    assert html_to_lines(text) == old


TAG_PIECES = st.sampled_from(["<", ">", "\n", "x", "x" * 50, "x" * 199, "<" * 30, " ", "<\n", "<b>"])


@settings(max_examples=300, deadline=None)
@given(st.lists(TAG_PIECES, max_size=24).map("".join))
def test_tags_are_stripped_as_before_around_the_200_character_limit(text: str) -> None:
    assert strip_tags(text) == OLD_HTML_TAG.sub(" ", text)


def test_examples_of_headings() -> None:
    assert md_heading("## Requirements ##\n") == "Requirements"
    assert md_heading("   # a  #  b ##  ") == "a  #  b"
    assert md_heading("####### seven") is None
    assert md_heading("#no-space") is None
    assert bold_line("**Nice to have:**  ") == "Nice to have:"
    assert bold_line("__Skills__ :") == "Skills"
    assert bold_line("**bold** and more") is None


REQS = "\n\nRequirements\n- Spark and Airflow in production.\n"


def _adversarial() -> dict[str, str]:
    """name -> posting text of 10^5 characters or more, all but one case in a single line."""
    return {
        "issue_repro": "# Python" + " " * N + "x\n",
        "heading_space_hash_runs": "Data Engineer\n\n## Requirements" + " " * N + "#" * N + " " * N
                                   + "\n- Spark and Airflow in production.\n",
        "many_hashes": "Data Engineer\n\n" + "#" * N + " Nice to have" + REQS,
        "bold_space_run": "Data Engineer\n\n**Nice to have**" + " " * N + ":" + " " * N + "\n- Kubernetes\n" + REQS,
        "many_bold_marks": "Data Engineer\n\n" + "** " * (N // 3) + "x" + REQS,
        "bold_then_spaces_then_word": "Data Engineer\n\n**a**" + " " * N + "x" + REQS,
        # Each HTML case has a ">" after its run, so the patterns do scan it.
        "html_br_space_run": "Data Engineer\n<p>\n<br" + " " * N + "x <b>" + REQS,
        "html_br_slash_space_runs": "Data Engineer\n<p>\n<br" + " " * N + "/" + " " * N + "x <b>" + REQS,
        "html_lt_space_run": "Data Engineer\n<p>\n<" + " " * N + "h1 <b>" + REQS,
        "html_headings_unclosed": "Data Engineer\n<p>\n" + "<h1" * (N // 3) + REQS,
        "html_headings_closed": "Data Engineer\n<p>\n" + "<h1" * (N // 3) + ">" + REQS,
        "html_many_lt": "Data Engineer\n<b>\n" + "<" * N + ">" + REQS,
        "html_many_lt_lines": "Data Engineer\n<b>\n" + "<\n" * (N // 2) + ">" + REQS,
        "long_word": "Data Engineer\n\n" + "a" * N + REQS,
        "nested_punctuation": "Data Engineer\n\n" + "([{*_" * (N // 10) + "_*}])" * (N // 10) + REQS,
        "sentence_space_runs": "Data Engineer\n\n" + ("." + " " * 1000 + "x") * (N // 1000) + REQS,
        "level_phrases": "Data Engineer\n\nRequirements\n- " + "leading " * (N // 8)
                         + "Spark\n- Airflow in production.\n",
        "pair_gap": "Data Engineer\n\n- machine" + " -" * (N // 2) + " learning" + REQS,
        "title_line_spaces": "title:" + " " * N + "Data Engineer" + REQS,
        "unicode_spaces": "Data Engineer\n\n#" + "\u00a0\u2003" * (N // 2) + "Requirements\n- Spark and Airflow.\n",
    }


_CHILD = """
import json, sys
from pathlib import Path
from careerfit.formats.bank import load_bank
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.reader import analyse_posting
bank, lexicon = load_bank(), load_lexicon()
for path in sorted(Path(sys.argv[1]).iterdir()):
    a = analyse_posting(path.read_text(), bank, lexicon, source=path.name)
    print(json.dumps({"name": path.stem, "title": a.title, "sections": a.sections,
                      "demands": {k: [d.level, d.main, d.nice] for k, d in a.demands.items()}}))
"""


def test_adversarial_lines_are_analysed_correctly(tmp_path: Path) -> None:
    cases = _adversarial()
    assert all(len(text) >= N for text in cases.values())
    assert sum(max(map(len, text.splitlines())) >= 0.99 * N for text in cases.values()) == len(cases) - 1
    for name, text in cases.items():
        (tmp_path / f"{name}.md").write_text(text)
    done = subprocess.run([sys.executable, "-c", _CHILD, str(tmp_path)], capture_output=True, text=True,
                          timeout=TIMEOUT, env={**os.environ})
    assert done.returncode == 0, done.stderr
    got = {r["name"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert set(got) == set(cases)

    assert got["issue_repro"]["title"] == "Python x"
    assert set(got["issue_repro"]["demands"]) == {"software"}
    for name in set(cases) - {"issue_repro"}:
        assert got[name]["title"] == "Data Engineer", name
        assert "data_eng" in got[name]["demands"], name
    # A heading however padded is a heading; a row of 10^5 hashes is not one.
    assert got["heading_space_hash_runs"]["sections"] == {"general": 2, "required": 2}
    assert got["heading_space_hash_runs"]["demands"]["data_eng"][1:] == [2, 0]  # Spark, Airflow: main
    assert got["many_hashes"]["demands"]["data_eng"][1:] == [2, 0]
    assert got["bold_space_run"]["demands"]["mlops"][1:] == [0, 1]  # Kubernetes under "Nice to have"
    assert got["unicode_spaces"]["sections"]["required"] == 2
    # 12,500 "leading" before Spark: the last one sets level 4 (each mention has a level phrase).
    assert got["level_phrases"]["demands"]["data_eng"] == [4, 2, 0]
    assert "ml" in got["pair_gap"]["demands"]  # "machine - - ... learning" is still machine learning


def test_the_issue_reproduction_through_the_command(tmp_path: Path) -> None:
    posting = tmp_path / "p.md"
    posting.write_text("# Python" + " " * N + "x\n")
    done = subprocess.run([*careerfit_cmd(), "posting", str(posting), "--format", "json"], capture_output=True,
                          text=True, timeout=TIMEOUT, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)["posting"]
    assert (report["title"], report["words"], report["reads_like"]) == ("Python x", 3, "software_engineer")
