"""README examples are run, not imagined: the excerpts it shows must match real output."""

from __future__ import annotations

import re
from pathlib import Path

from cli_helpers import run

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str, lang: str) -> list[str]:
    tail = README.split(marker, 1)[1]
    match = re.search(rf"```{lang}\n(.*?)```", tail, re.S)
    assert match, f"no {lang} block after {marker!r}"
    return [line for line in match.group(1).splitlines() if line.strip()]


def test_report_excerpt_is_real_output():
    out = run("report", str(ROOT / "examples" / "ada.toml")).stdout
    lines = out.splitlines()
    for line in _block_after("An excerpt of the real output", "markdown"):
        assert line in lines, line


def test_check_example_is_real_output():
    out = run("check").stdout.strip()
    assert out.startswith("built-in bank: ok: 12 areas, ")
    assert f"$ careerfit check\n{out}\n" in README


def test_readme_counts_are_the_bank_s():
    """The area count, question count and quick-check size README states are the bank's."""
    from careerfit.formats.bank import load_bank

    bank = load_bank()
    quick = sum(1 for q in bank.questions if q.quick)
    assert f"quick check**, {quick} questions" in README
    assert f"all {len(bank.questions)})" in README
    count = ["ten", "eleven", "twelve", "thirteen"][len(bank.areas) - 10]
    assert f"across the {count} skill" in README.replace("\n", " ")


def test_readme_names_the_two_commands_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'python -m pip install ".[test]" && python -m pytest' in README
    assert 'python -m pip install --quiet ".[test]"' in ci and "python -m pytest" in ci
    assert "python -m pip install . && careerfit" in README


def _console_block(command: str) -> list[str]:
    """Lines a README console block shows after ``$ command`` (up to the next prompt or end)."""
    block = README.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return [line for line in block.split("\n$ ", 1)[0].splitlines() if line.strip() and line != "..."]


def test_title_example_is_real_output():
    shown = _console_block('careerfit title "Data Scientist / Machine Learning Expert"')
    out = run("title", "Data Scientist / Machine Learning Expert").stdout.splitlines()
    assert shown and all(line in out for line in shown), shown


def test_posting_example_lines_are_real_output():
    shown = _console_block("careerfit posting tests/postings/ds_really_mle.md")
    out = run("posting", str(ROOT / "tests" / "postings" / "ds_really_mle.md")).stdout.splitlines()
    # The evidence column is trimmed in README ("..."); every other line is verbatim.
    for line in shown:
        if ", ..." in line:
            assert any(o.startswith(line.split(", ...")[0]) for o in out), line
        else:
            assert line in out, line


def test_posting_from_stdin_with_a_profile_is_real_output():
    command = "cat tests/postings/ds_really_mle.md | careerfit posting - --profile examples/ada.toml"
    shown = _console_block(command)
    posting = (ROOT / "tests" / "postings" / "ds_really_mle.md").read_text(encoding="utf-8")
    done = run("posting", "-", "--profile", "examples/ada.toml", stdin=posting, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    out = done.stdout.splitlines()
    assert len(shown) >= 4 and all(line in out for line in shown), [x for x in shown if x not in out]


def test_area_table_is_the_bank_s():
    from careerfit.formats.bank import load_bank

    bank = load_bank()
    rows = README.split("The built-in bank's areas", 1)[1].split("\n\n")[1].splitlines()[2:]
    shown = [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in rows]
    real = [[a.name, a.id, str(len(bank.questions_for(a.id))), str(sum(q.quick for q in bank.questions_for(a.id))),
             f"{a.effort_hours:g}"] for a in bank.areas]
    assert shown == real
