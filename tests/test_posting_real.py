"""Real postings: the content reading stays right for most of the development set, and beats the title.

The figures come from ``benchmarks/posting_accuracy.py`` run as a user would run it, on
``tests/data/postings_real`` (labelled from duties and requirements; ``also`` is a second
acceptable role). The floor is the accuracy reached when the reader was tuned, minus a margin
of about two postings, so a change that costs a few readings fails here.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "tests" / "data" / "postings_real"
SCRIPT = ROOT / "benchmarks" / "posting_accuracy.py"
#: Content reading right on the dev set when this test was written: 70 / 76 (92%); the floor allows two fewer.
#: Unchanged by the platform-work reading (still 70 / 76).
CONTENT_FLOOR_PCT = 89.0
#: Readings that are the first label itself, not its second acceptable role: 55 with the
#: platform-work reading (54 before; a platform posting read as ML engineer is right but not
#: exact); the floor allows two fewer.
EXACT_FLOOR = 53


@pytest.fixture(scope="module")
def result() -> dict:
    done = subprocess.run([sys.executable, str(SCRIPT), str(FOLDER), "--json"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_every_labelled_posting_is_measured(result, bank):
    labels = tomllib.loads((FOLDER / "labels.toml").read_text())["posting"]
    assert result["n"] == len(labels) >= 60 and result["skipped"] == []
    assert {p["label"] for p in labels} == {r.id for r in bank.roles}  # every role has real postings


def test_content_reading_is_right_for_most_of_the_dev_set(result):
    wrong = [(p["file"], p["label"], p["content"]) for p in result["postings"] if not p["content_right"]]
    assert result["content_pct"] >= CONTENT_FLOOR_PCT, wrong


def test_most_readings_are_the_first_label(result):
    assert result["exact"] >= EXACT_FLOOR, [(p["file"], p["label"], p["content"]) for p in result["postings"]
                                            if p["content_right"] and not p["exact"]]


def test_content_reading_beats_the_title_alone(result):
    assert result["content"] > result["title"], (result["content"], result["title"])


def test_per_role_figures_add_up(result):
    per_role = result["per_role"]
    assert sum(r["n"] for r in per_role.values()) == result["n"]
    assert sum(r["content"] for r in per_role.values()) == result["content"]
    assert sum(r["title"] for r in per_role.values()) == result["title"]
    assert sum(r["content_alone"] for r in per_role.values()) == result["content_alone"]
    assert sum(r["exact"] for r in per_role.values()) == result["exact"]


def test_the_table_names_each_role_with_both_figures(tmp_path: Path):
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "a.md").write_text("# Data Engineer\n\n## Requirements\n- Spark, Airflow and Kafka in production.\n")
    (folder / "b.md").write_text("# Data Scientist\n\n## Requirements\n- Spark, Airflow and Kafka pipelines.\n")
    (folder / "labels.toml").write_text(
        '[[posting]]\nfile = "a.md"\ntitle = "Data Engineer"\nlabel = "data_engineer"\n\n'
        '[[posting]]\nfile = "b.md"\ntitle = "Data Scientist"\nlabel = "data_engineer"\nalso = "ml_engineer"\n\n'
        '[[posting]]\nfile = "c.md"\ntitle = "Pastry chef"\nlabel = "pastry_chef"\n'
    )
    done = subprocess.run([sys.executable, str(SCRIPT), str(folder), "-v"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "content reading right: 2 / 2 (100%); title only: 1 / 2 (50%)" in done.stdout
    assert "| data_engineer | 2 | 2 | 1 | 2 |" in done.stdout
    assert "skipped, labelled with a role the bank does not have: c.md (pastry_chef)" in done.stdout


def test_a_broken_labels_file_is_one_line(tmp_path: Path):
    (tmp_path / "labels.toml").write_text("[[posting]]\nfile = 3\n")
    done = subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1 and "labels.toml" in done.stderr and "Traceback" not in done.stderr


HELD_OUT = ROOT / "tests" / "data" / "postings_holdout"
#: The held-out set (40 postings labelled by a second labeller, duplicates of the dev set removed).
#: First look, when the previous reader was done: content 30 / 40 (75%), title only 31 / 40 (78%).
#: Second look, once the platform-work reading was done: content 32 / 40 (80%), title only
#: 30 / 40 (75%), MLOps 4 / 4 (0 / 4 before), the other roles 28 / 36 (30 before; README). This
#: floor, one posting below the second look, keeps it from getting worse; it was 72% before.
HELD_OUT_FLOOR_PCT = 77.0


def _measured(folder: Path) -> dict:
    """The benchmark's JSON figures for a labelled set of 40 postings, every one measured."""
    done = subprocess.run([sys.executable, str(SCRIPT), str(folder), "--json"], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["n"] == 40 and figures["skipped"] == []
    return figures


def test_held_out_set_keeps_its_first_look_figure():
    held = _measured(HELD_OUT)
    assert held["content_pct"] >= HELD_OUT_FLOOR_PCT, [p["file"] for p in held["postings"] if not p["content_right"]]


FRESH = ROOT / "tests" / "data" / "postings_fresh"
#: The third set (40 postings, collected and labelled blind after the platform-work reading was
#: done). First look: content 34 / 40 (85%), title only 31 / 40 (78%); the floor is one below.
FRESH_FLOOR = 33


def test_fresh_set_keeps_its_first_look_figure_and_beats_the_title():
    fresh = _measured(FRESH)
    right = sum(p["content_right"] for p in fresh["postings"])
    assert right >= FRESH_FLOOR, [p["file"] for p in fresh["postings"] if not p["content_right"]]
    assert right > sum(p["title_right"] for p in fresh["postings"])
