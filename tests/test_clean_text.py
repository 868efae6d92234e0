"""No byte of a file reaches the terminal as a control sequence: text from every file model
is cleaned on load (Cc and Cf but newline and tab, C1 and U+202E included), and paths are
cleaned where they are shown."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from cli_helpers import run

from careerfit.formats.keymap import load_keymap
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.formats.profile_io import load_profile

OSC52 = "\x1b]52;c;ZXZpbA==\x07"  # writes "evil" to the clipboard of a terminal that obeys it
CSI = "\x1b[31m"
C1_CSI = "\x9b31m"
RLO = "\u202e"
TITLE = "\x1b]0;pwned\x07"


def _toml(s: str) -> str:
    """A TOML basic string holding ``s``: controls as \\u escapes, which TOML allows."""
    return '"' + "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in ("Cc", "Cf") or c in '"\\' else c
                         for c in s) + '"'


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c not in "\n\t" and unicodedata.category(c) in ("Cc", "Cf")]


def _hostile_bank(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "b.toml").write_text(
        f'[[area]]\nid = "analysis"\nname = {_toml("Analysis" + RLO)}\nshort = {_toml(CSI + "Ana" + RLO + C1_CSI)}\n'
        f'description = {_toml("d" + C1_CSI)}\neffort_hours = 40\neffort_rationale = {_toml("r" + OSC52)}\n'
        f'[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = {_toml("Line one" + CSI + chr(10) + "two")}\n'
        f'labels = [{_toml("a" + OSC52)}, "b", "c", "d", "e"]\nnext_action = {_toml("act" + RLO)}\n'
        f'[[role]]\nid = "analyst"\nname = {_toml("Analyst" + OSC52)}\ndescription = {_toml("d" + TITLE)}\n'
        f'titles = [{_toml("Data analyst" + RLO)}]\n'
        '[role.requires.analysis]\nlevel = 3\nimportance = 4\n'
        f'[[role.sources]]\ntitle = {_toml("src" + C1_CSI)}\nnote = {_toml("n" + OSC52)}\n',
        encoding="utf-8",
    )
    return folder


def test_bank_text_is_cleaned_on_load(tmp_path: Path) -> None:
    from careerfit.formats.bank import load_bank

    bank = load_bank(_hostile_bank(tmp_path / "bank"))
    area, question, role = bank.area("analysis"), bank.question("analysis.q1"), bank.role("analyst")
    texts = [area.name, area.short, area.description, area.effort_rationale, question.text, *question.answer_labels,
             question.next_action, role.name, role.description, *role.titles, role.sources[0].title,
             role.sources[0].note]
    assert [t for t in texts if _raw_controls(t)] == []
    assert (role.name, area.short, question.text) == ("Analyst]52;c;ZXZpbA==", "[31mAna31m", "Line one[31m\ntwo")


def test_roles_piped_writes_no_control_sequence(tmp_path: Path) -> None:
    """An OSC 52 role name and a CSI / U+202E area short name passed ``check`` and reached the
    terminal intact through ``careerfit roles``."""
    folder = _hostile_bank(tmp_path / "bank")
    result = run("roles", "--bank", str(folder))
    assert result.returncode == 0, result.stderr
    assert "Analyst]52;c;ZXZpbA==" in result.stdout and "Ana" in result.stdout
    assert _raw_controls(result.stdout) == []
    check = run("check", str(folder))
    assert check.returncode == 0 and _raw_controls(check.stdout + check.stderr) == []


def test_report_json_of_a_hostile_bank_has_no_raw_c1(tmp_path: Path) -> None:
    folder = _hostile_bank(tmp_path / "bank")
    profile = tmp_path / "p.toml"
    profile.write_text(f'schema = 1\nname = {_toml("Ann" + C1_CSI + RLO)}\nnotes = {_toml("x" + OSC52)}\n'
                       '[answers]\n"analysis.q1" = 2\n')
    for fmt in ("markdown", "json"):
        result = run("report", str(profile), "--bank", str(folder), "--format", fmt)
        assert result.returncode == 0, result.stderr
        assert _raw_controls(result.stdout) == [], fmt


@pytest.mark.parametrize("where", ["ok", "broken"])
def test_check_cleans_a_folder_path_holding_escapes(tmp_path: Path, where: str) -> None:
    folder = tmp_path / f"bank{TITLE}dir"
    if where == "ok":
        _hostile_bank(folder)
    else:
        folder.mkdir()
        (folder / f"x{CSI}.toml").write_text("[[question]\n")
    result = run("check", str(folder))
    assert result.returncode == (0 if where == "ok" else 2)
    assert "bank]0;pwneddir" in result.stdout + result.stderr
    assert _raw_controls(result.stdout + result.stderr) == []
    if where == "broken":
        assert len(result.stderr.splitlines()) == 1


def test_report_errors_clean_a_path_holding_escapes(tmp_path: Path) -> None:
    folder = tmp_path / f"p{TITLE}"
    folder.mkdir()
    result = run("report", str(folder / "missing.toml"))
    assert result.returncode == 2 and _raw_controls(result.stderr) == [] and "p]0;pwned" in result.stderr


def test_profile_keymap_and_lexicon_text_is_cleaned(tmp_path: Path) -> None:
    profile = tmp_path / "p.toml"
    name, notes = _toml("Ann" + RLO + C1_CSI), _toml("a" + OSC52 + chr(10) + "b")
    profile.write_text(f"schema = 1\nname = {name}\nnotes = {notes}\n")
    loaded = load_profile(profile)
    assert (loaded.name, loaded.notes) == ("Ann31m", "a]52;c;ZXZpbA==\nb")
    keymap = tmp_path / "keymap.toml"
    keymap.write_text(f'[keymap]\n{_toml("sa" + CSI + "ve")} = "ctrl+w"\n')
    assert load_keymap(keymap) == {"sa[31mve": "ctrl+w"}
    bank = tmp_path / "lex"
    bank.mkdir()
    (bank / "lexicon.toml").write_text(
        f'[lexicon.analysis]\nterms = [{{ term = "sql" }}]\n[[level_phrases]]\nlevel = 3\nphrases = ["expert"]\n'
        f'why = {_toml("w" + RLO + OSC52)}\n')
    lexicon = load_lexicon(bank)
    assert lexicon.find_phrases("an expert")  # loaded
    assert all(not _raw_controls(p.why) for p in lexicon.level_phrases)
