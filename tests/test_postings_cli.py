"""``careerfit postings`` through the installed command, on real folders and exports in tmp."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

from cli_helpers import assert_one_line_error, run, run_on_a_terminal
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.cli.market_run import PARALLEL_MIN

POSTINGS = Path(__file__).parent / "postings"
EXPECTED = tomllib.loads((POSTINGS / "expected.toml").read_text())["postings"]
MISLEADING = {n for n, e in EXPECTED.items() if "title_role" in e}


def _json(*args: str) -> dict:
    r = run("postings", *args, "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return json.loads(r.stdout)


def _folder(tmp_path: Path) -> Path:
    """The test postings spread over a folder and a subfolder, with files that are not postings."""
    root = tmp_path / "market"
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for i, name in enumerate(sorted(EXPECTED)):
        shutil.copy(POSTINGS / name, (root / "sub" if i % 2 else root) / name)
    shutil.copy(POSTINGS / "data_analyst.md", root / ".hidden" / "copy.md")
    (root / "notes.csv").write_text("title,description\nx,Spark and Airflow\n")
    (root / "logo.png").write_bytes(b"\x89PNG\x00\x00")
    return root


def test_a_folder_is_read_recursively_and_misleading_titles_are_named(tmp_path):
    doc = _json(str(_folder(tmp_path)))
    assert doc["postings"] == len(EXPECTED) and doc["bad"]["count"] == 0  # .hidden, .csv and .png skipped
    named = {Path(e["where"]).name for e in doc["misleading"]["listed"]}
    assert named == MISLEADING and doc["misleading"]["count"] == len(MISLEADING)
    reads = {}
    for row in doc["titles"]:
        reads[row["reads_as"]] = reads.get(row["reads_as"], 0) + row["postings"]
    want = {}
    for e in EXPECTED.values():
        want[e["role"]] = want.get(e["role"], 0) + 1
    assert reads == want
    assert {r: v["postings"] for r, v in doc["roles"].items()} == want


def test_markdown_tables_name_the_misleading_postings(tmp_path):
    r = run("postings", str(_folder(tmp_path)))
    assert r.returncode == 0 and r.stderr == ""  # piped: no progress bar, nothing extra
    out = r.stdout
    assert f"### Misleadingly titled: {len(MISLEADING)} of {len(EXPECTED)}" in out
    assert "| Data scientist | ML engineer | 1 |" in out
    line = next(ln for ln in out.splitlines() if "ds\\_really\\_mle.md" in ln)
    assert "| Data Scientist | Data scientist | ML engineer (" in line
    assert "### ML engineer: 2 postings" in out


def _csv(path: Path, rows: list[list[str]], header=("Job Title", "Job Description", "id")) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


def test_csv_with_aliased_columns_and_bad_rows_named(tmp_path):
    text = (POSTINGS / "ds_really_mle.md").read_text()
    src = _csv(tmp_path / "export.csv", [
        ["Data Scientist", text, "1"],
        ["Barista", "", "2"],
        ["Barista", "Make great coffee and smile.", "3"],
        ["Data Engineer", (POSTINGS / "data_engineer.md").read_text(), "4"],
    ])
    with src.open("ab") as fh:  # a row whose bytes are not UTF-8
        fh.write(b"Analyst,\"SQL and \xff\xfe dashboards\",5\r\n")
    r = run("postings", str(src), "--format", "json")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["postings"] == 2 and doc["bad"]["count"] == 3
    bad = {(e["row"], e["why"].split(" (")[0].split(";")[0]) for e in doc["bad"]["listed"]}
    assert bad == {("row 3", "no text in 'Job Description'"),
                   ("row 4", "the posting mentions no skill the lexicon knows"),
                   ("row 6", "not valid UTF-8 text")}
    warnings = r.stderr.splitlines()
    assert len(warnings) == 3 and all(w.startswith(f"careerfit: warning: {src}: row ") for w in warnings)
    assert doc["misleading"]["count"] == 1 and doc["misleading"]["listed"][0]["row"] == "row 2"
    assert doc["misleading"]["listed"][0]["title"] == "Data Scientist"  # from the title column


def test_jsonl_with_named_columns_and_bad_lines(tmp_path):
    src = tmp_path / "export.jsonl"
    lines = [
        json.dumps({"heading": "Machine Learning Engineer",
                    "body_html": (POSTINGS / "mle_really_data_eng.txt").read_text()}),
        "[1, 2, 3]",
        "{not json",
        "",
        json.dumps({"heading": "x", "other": "no text key"}),
        json.dumps({"heading": "y", "body_html": 42}),
        json.dumps({"heading": "MLOps", "body_html": "x" * (1024 * 1024 + 10)}),
        json.dumps({"heading": "Data Analyst", "body_html": (POSTINGS / "data_analyst.md").read_text()}),
    ]
    src.write_text("\n".join(lines) + "\n")
    doc = _json(str(src), "--text-column", "body_html", "--title-column", "Heading")
    assert doc["postings"] == 2
    why = {e["row"]: e["why"] for e in doc["bad"]["listed"]}
    assert set(why) == {"line 2", "line 3", "line 5", "line 6", "line 7"}  # the blank line 4 is no posting
    assert why["line 2"].startswith("not a JSON object (a list")
    assert why["line 3"].startswith("not valid JSON")
    assert why["line 5"] == "no text: no key 'body_html'"
    assert why["line 6"] == "'body_html' is a number, not text"
    assert "over 1 MB" in why["line 7"]
    assert doc["misleading"]["listed"][0]["title"] == "Machine Learning Engineer"


def test_nothing_readable_is_one_line_and_exit_2(tmp_path):
    assert_one_line_error(run("postings", str(tmp_path / "missing")), "missing", "no such file or folder")
    (tmp_path / "empty").mkdir()
    assert_one_line_error(run("postings", str(tmp_path / "empty")), "no posting found")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    assert_one_line_error(run("postings", str(tmp_path / "b.txt")), "no readable posting", "binary file")
    src = _csv(tmp_path / "e.csv", [["a", "", "1"], ["b", "", "2"]])
    assert_one_line_error(run("postings", str(src)), "no readable posting", "row 2", "and 1 more")
    assert_one_line_error(run("postings", str(src), "--text-column", "nope"), "no column 'nope'", "Job Title")
    assert_one_line_error(run("postings", str(POSTINGS), "-o", str(tmp_path / "no" / "r.md")), "does not exist")
    # a missing path among good ones still stops before anything is scanned
    assert_one_line_error(run("postings", str(POSTINGS), str(tmp_path / "missing")), "missing")


def _constructed_market(tmp_path: Path) -> Path:
    """5 MLOps postings, 3 research postings, 2 analyst postings, each a separate file."""
    root = tmp_path / "constructed"
    root.mkdir()
    for name, copies in (("mlops_engineer.md", 5), ("research_scientist.txt", 3), ("data_analyst.md", 2)):
        for i in range(copies):
            shutil.copy(POSTINGS / name, root / f"{i}-{name}")
    return root


def test_profile_closest_postings_and_the_one_area_to_learn(tmp_path, bank):
    """Strong everywhere but MLOps and research: the analyst postings are within reach; each
    MLOps posting lacks only MLOps and each research posting only research, and there are more
    MLOps postings, so MLOps is the one to learn: within reach goes from 2 to 7."""
    levels = {a.id: 4 for a in bank.areas if a.id not in ("mlops", "research")} | {"mlops": 0, "research": 0}
    answers = "\n".join(f'"{q.id}" = {levels[q.skill]}' for q in bank.questions)
    profile = tmp_path / "p.toml"
    profile.write_text(f'schema = 1\nname = "Kim"\n[answers]\n{answers}\n')
    root = _constructed_market(tmp_path)
    doc = _json(str(root), "--profile", str(profile))
    p = doc["profile"]
    assert p["within_reach"] == 2
    assert (p["learn"]["area"], p["learn"]["postings_gained"], p["learn"]["within_reach_after"]) == ("mlops", 5, 7)
    assert [a["area"] for a in p["alternatives"]] == ["research"] and p["alternatives"][0]["postings_gained"] == 3
    assert [Path(e["where"]).name.split("-", 1)[1] for e in p["closest"][:2]] == ["data_analyst.md"] * 2
    assert p["closest"][0]["fit"] == 100
    md = run("postings", str(root), "--profile", str(profile), "-o", str(tmp_path / "r.md"))
    assert md.returncode == 0 and md.stdout == ""
    text = (tmp_path / "r.md").read_text()
    assert "## Postings closest to Kim" in text
    assert "**Learn ML in production** to the level the postings ask: within reach goes from 2 to **7**" in text


def test_one_worker_or_two_give_the_same_report(tmp_path):
    root = tmp_path / "many"
    root.mkdir()
    names = sorted(EXPECTED)
    for i in range(PARALLEL_MIN + 10):  # enough for the pool
        shutil.copy(POSTINGS / names[i % len(names)], root / f"{i:03d}-{names[i % len(names)]}")
    one = run("postings", str(root), "--format", "json", "--jobs", "1")
    two = run("postings", str(root), "--format", "json", "--jobs", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout and json.loads(two.stdout)["postings"] == PARALLEL_MIN + 10


def test_control_characters_never_reach_the_output(tmp_path):
    text = (POSTINGS / "data_engineer.md").read_text()
    src = _csv(tmp_path / "e.csv", [["Data\u2028Engineer \x1b[2J\u0085x", text, "1"], ["ML\x07 Engineer", "", "2"]])
    r = run("postings", str(src), "--format", "json")
    assert r.returncode == 0
    for ch in ("\u2028", "\x1b", "\u0085", "\x07"):
        assert ch not in r.stdout and ch not in r.stderr
    md = run("postings", str(src)).stdout
    assert "\x1b" not in md and "\x07" not in md


def test_progress_bar_only_on_a_terminal(tmp_path):
    code, shown = run_on_a_terminal("postings", str(POSTINGS), "-o", str(tmp_path / "r.md"), stdout=False)
    assert code == 0 and "scanning postings" in shown, shown
    piped = run("postings", str(POSTINGS), "-o", str(tmp_path / "r2.md"))
    assert piped.returncode == 0 and piped.stderr == "" and piped.stdout == ""


def test_help_lists_postings_and_postings_never_imports_textual(tmp_path):
    assert "postings" in run("--help").stdout
    h = run("postings", "--help")
    assert h.returncode == 0 and "--text-column" in h.stdout and "--title-column" in h.stdout
    code = (
        "import sys\nfrom careerfit.cli.main import main\n"
        "main(['postings', sys.argv[1], '-o', sys.argv[2]])\n"
        "print('TEXTUAL', sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')))\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(POSTINGS), str(tmp_path / "o.md")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "TEXTUAL []" in r.stdout


_FUZZ = settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
_SEED = {
    "csv": b"title,description\nData Engineer,Spark and Airflow in production\n",
    "jsonl": json.dumps({"title": "Data Engineer", "description": "Spark, Airflow and SQL in production."}).encode()
    + b"\n",
}
_BYTES = st.binary(max_size=600) | st.text(
    alphabet=st.sampled_from('a,"{}[]:\n\r\x00;é\u2028 SQLSpark\\'), max_size=300
).map(lambda s: s.encode("utf-8", "surrogatepass"))


@_FUZZ
@given(files=st.lists(st.tuples(st.sampled_from(["csv", "jsonl"]), st.booleans(), _BYTES), min_size=1, max_size=5))
def test_fuzzed_exports_never_give_a_traceback(tmp_path_factory, files):
    """Several fuzzed CSV and JSON Lines files in one scan (each run of the command is costly):
    exit 0 with a JSON report, or 2 with the error as the last line; never a traceback."""
    folder = tmp_path_factory.mktemp("fz")
    paths = []
    for i, (kind, seeded, data) in enumerate(files):
        path = folder / f"f{i}.{kind}"
        path.write_bytes((_SEED[kind] if seeded else b"") + data)
        paths.append(str(path))
    r = run("postings", *paths, "--format", "json")
    assert r.returncode in (0, 2), r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    if r.returncode == 0:
        doc = json.loads(r.stdout)
        assert doc["bad"]["count"] == len(lines)  # every bad row named on stderr, once
    else:
        assert lines[-1].startswith("careerfit: error: ")
    assert all(line.startswith("careerfit: warning: ") for line in lines[:-1])


def _readme_block(command: str) -> list[str]:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return [line for line in block.splitlines() if line.strip() and line != "..."]


def test_readme_postings_examples_are_real_output():
    root = Path(__file__).resolve().parents[1]
    for command in ("careerfit postings tests/postings",
                    "careerfit postings tests/postings --profile examples/ada.toml"):
        shown = _readme_block(command)
        out = run(*command.split()[1:], cwd=root).stdout.splitlines()
        assert shown and all(line in out for line in shown), [line for line in shown if line not in out]


def test_many_bad_lines_before_the_first_good_one_are_all_named(tmp_path):
    src = tmp_path / "e.jsonl"
    good = json.dumps({"title": "Data Engineer", "description": (POSTINGS / "data_engineer.md").read_text()})
    src.write_text("\n".join(["[0]"] * 25 + [good]) + "\n")
    r = run("postings", str(src), "--format", "json")
    assert r.returncode == 0, r.stderr
    warnings = r.stderr.splitlines()
    assert [w.split(": ")[3] for w in warnings] == [f"line {i}" for i in range(1, 26)]
    assert json.loads(r.stdout)["bad"]["count"] == 25


def test_bank_and_jobs_options(tmp_path):
    bank = tmp_path / "bank"
    shutil.copytree(Path(__file__).resolve().parents[1] / "questions", bank)
    doc = _json(str(POSTINGS), "--bank", str(bank), "--jobs", "1")
    assert doc["postings"] == len(EXPECTED)
    assert_one_line_error(run("postings", str(POSTINGS), "--jobs", "0"), "--jobs")
    assert_one_line_error(run("postings", str(POSTINGS), "--bank", str(tmp_path / "nobank")), "nobank")


def test_the_markdown_names_a_posting_within_the_folder_scanned_and_the_json_keeps_its_path(tmp_path):
    folder = tmp_path / "a long folder name" / "saved"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "ds_really_mle.md").write_text((POSTINGS / "ds_really_mle.md").read_text())
    md = run("postings", str(folder)).stdout
    assert "| 2024/ds\\_really\\_mle.md | Data Scientist |" in md
    assert "a long folder name/saved/2024" not in md.split("## Titles", 1)[1]
    doc = json.loads(run("postings", str(folder), "--format", "json").stdout)
    assert doc["misleading"]["listed"][0]["where"] == str(folder / "2024" / "ds_really_mle.md")
