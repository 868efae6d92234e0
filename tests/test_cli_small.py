"""Small command-line things a user hit: a custom bank everywhere, roles at 80 columns,
"1 week", a mistyped profile path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from careerfit.core.domain import Bank
from careerfit.formats.bank import load_bank
from tests.cli_helpers import assert_one_line_error, run

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_bank(tmp_path: Path) -> Path:
    block = README.split("# mybank/sql.toml\n", 1)[1].split("```", 1)[0]
    folder = tmp_path / "mybank"
    folder.mkdir()
    (folder / "sql.toml").write_text(block, encoding="utf-8")
    return folder


def test_readme_bank_example_adds_its_question_to_the_builtin_ones(tmp_path: Path) -> None:
    folder = _readme_bank(tmp_path)
    check = run("check", "mybank", cwd=tmp_path)
    claimed = re.search(r"careerfit check mybank +# (.*)\n", README)
    assert claimed is not None and check.stdout.strip() == claimed.group(1)
    report = run("report", str(ROOT / "examples" / "ada.toml"), "--bank", str(folder))
    plain = run("report", str(ROOT / "examples" / "ada.toml"))
    answered = int(re.search(r"_(\d+) of (\d+) questions answered", plain.stdout).group(1))  # type: ignore[union-attr]
    assert f"_{answered} of {len(load_bank().questions) + 1} questions answered" in report.stdout
    assert f'"{answered} of {len(load_bank().questions) + 1} questions answered"' in README


def test_a_bank_question_reusing_a_builtin_id_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "b"
    folder.mkdir()
    (folder / "mine.toml").write_text('[[question]]\nid = "ml.train_validate"\nskill = "ml"\ntext = "Mine?"\n')
    assert_one_line_error(run("check", str(folder)), "mine.toml", "ml.train_validate", "built-in")
    assert_one_line_error(run("report", str(ROOT / "examples" / "ada.toml"), "--bank", str(folder)), "mine.toml")


def test_the_app_opens_on_a_custom_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import careerfit.app
    from careerfit.cli.main import main

    folder = _readme_bank(tmp_path)
    profile = tmp_path / "ada.toml"
    profile.write_text((ROOT / "examples" / "ada.toml").read_text(encoding="utf-8"), encoding="utf-8")
    seen: dict[str, object] = {}

    def fake_run(path: Path | None = None, bank: Bank | None = None) -> int:
        seen.update(path=path, bank=bank)
        return 0

    monkeypatch.setattr(careerfit.app, "run", fake_run)
    assert main(["--bank", str(folder), str(profile)]) == 0
    bank = seen["bank"]
    assert isinstance(bank, Bank) and "analysis.window_functions" in bank.question_ids
    assert seen["path"] == profile
    assert main([f"--bank={folder}"]) == 0 and seen["path"] is None


def test_the_app_on_a_broken_bank_is_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run("--bank", str(tmp_path / "nope")), "nope", "no such folder")


def test_roles_is_readable_at_80_columns(bank: Bank) -> None:
    out = run("roles", env={"COLUMNS": "80"})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 80
    assert "…" not in out.stdout  # nothing cut
    for role in bank.roles:
        assert sum(role.id in line for line in lines) >= 2  # in every part
    for area in bank.areas:
        assert area.label in out.stdout


def test_one_week_is_singular(tmp_path: Path) -> None:
    profile = tmp_path / "fast.toml"
    text = (ROOT / "examples" / "ada.toml").read_text(encoding="utf-8")
    profile.write_text(re.sub(r"(?m)^hours_per_week = .*$", "hours_per_week = 100", text), encoding="utf-8")
    out = run("report", str(profile)).stdout
    assert "about 1 week;" in out or "about 1 week " in out
    assert not re.search(r"\b1 weeks\b", out)
    data = json.loads(run("report", str(profile), "--format", "json").stdout)
    assert data["hours_per_week"] == 100


def test_a_mistyped_profile_path_is_an_error_not_a_new_profile(tmp_path: Path) -> None:
    (tmp_path / "ada.toml").write_text((ROOT / "examples" / "ada.toml").read_text(encoding="utf-8"))
    done = run("ada.tml", cwd=tmp_path)
    assert_one_line_error(done, "ada.tml", "did you mean ada.toml?", "'careerfit' alone")
    assert not (tmp_path / "ada.tml").exists()
    assert_one_line_error(run(str(tmp_path / "zzz" / "x.toml")), "no such profile", "'careerfit' alone")
