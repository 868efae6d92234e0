"""Loading bank folders: the built-in bank, a user's bank, and every cross-reference problem."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from careerfit.core.errors import BankError
from careerfit.formats.bank import load_bank
from careerfit.formats.locations import builtin_bank


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_bank_loads(bank):
    assert len(bank.areas) == 12 and len(bank.roles) >= 10
    assert bank.source == str(builtin_bank())


def test_a_user_bank_of_questions_adds_to_the_builtin_bank(tmp_path):
    write(tmp_path, "mine.toml", '[[question]]\nid = "sql_window"\nskill = "analysis"\ntext = "Window functions?"\n')
    b = load_bank(tmp_path)
    builtin = load_bank()
    assert [q.id for q in b.questions] == [*(q.id for q in builtin.questions), "sql_window"]
    assert b.builtin_questions == len(builtin.questions)
    assert len(b.roles) >= 10 and len(b.areas) == 12
    assert b.renamed == builtin.renamed  # the built-in questions' renames come with them


def test_a_user_question_reusing_a_builtin_id_names_its_file(tmp_path):
    write(tmp_path, "mine.toml", '[[question]]\nid = "ml.train_validate"\nskill = "ml"\ntext = "Mine?"\n')
    with pytest.raises(BankError) as err:
        load_bank(tmp_path)
    assert err.value.problems == ["mine.toml: question ml.train_validate: the built-in bank already has this id "
                                  "(a folder without areas of its own adds its questions to the built-in ones): "
                                  "choose another"]


def test_a_copy_of_the_builtin_bank_loads(tmp_path):
    shutil.copytree(builtin_bank(), tmp_path / "copy")
    assert len(load_bank(tmp_path / "copy").questions) == len(load_bank().questions)


def test_every_problem_is_reported_at_once(tmp_path):
    shutil.copytree(builtin_bank(), tmp_path / "b")
    write(tmp_path / "b", "zz_broken.toml", """
[[question]]
id = "ml.train_validate"
skill = "ml"
text = "Duplicate id"

[[question]]
id = "ghost.q"
skill = "ghost"
text = "Unknown area"

[[question]]
id = "bad.labels"
skill = "ml"
text = "Four labels"
labels = ["a", "b", "c", "d"]

[[role]]
id = "astronaut"
name = "Astronaut"
description = "Out of range"
[role.requires]
ml = { level = 7, importance = 2 }

[[role]]
id = "diver"
name = "Diver"
description = "Unknown area"
[role.requires]
oceans = { level = 2, importance = 3 }
""")
    with pytest.raises(BankError) as err:
        load_bank(tmp_path / "b")
    text = "\n".join(err.value.problems)
    assert "zz_broken.toml: question bad.labels" in text
    assert "role astronaut" in text and "less than or equal to 4" in text
    problems = err.value.problems  # validation and cross-reference problems, in one run
    assert any("duplicate question id 'ml.train_validate'" in p for p in problems)
    assert any("question ghost.q: unknown area 'ghost'" in p for p in problems)
    assert any("role diver: unknown area 'oceans'" in p for p in problems)
    assert str(err.value).startswith(str(tmp_path / "b"))


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[[question]]\nid = 'a b'\nskill='ml'\ntext='x'\n", "id"),
        ("[[question]]\nid = 'x.y'\nskill='ml'\ntext='x'\ncolour = 'red'\n", "Extra inputs"),
        ("[[question]]\nid = 'x.y'\nskill='ml'\n", "text"),
        ("question = 3\n", "array of tables"),
        ("[[plant]]\nid='x'\n", "unknown table 'plant'"),
        ("[scoring]\nwithin_reach = 120\n", "scoring"),
        ("[[question]\n", "invalid TOML"),
        ("", "file is empty"),
    ],
)
def test_broken_bank_files_name_the_file_and_problem(tmp_path, content, expected):
    write(tmp_path, "bank.toml", content)
    with pytest.raises(BankError) as err:
        load_bank(tmp_path)
    assert "bank.toml" in str(err.value) and expected in str(err.value)


def test_missing_and_empty_folders(tmp_path):
    with pytest.raises(BankError, match="no such folder"):
        load_bank(tmp_path / "nope")
    with pytest.raises(BankError, match=r"no \.toml files"):
        load_bank(tmp_path)
    write(tmp_path, "f.toml", "x = 1\n")
    with pytest.raises(BankError, match="not a folder"):
        load_bank(tmp_path / "f.toml")
