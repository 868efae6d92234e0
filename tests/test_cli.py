"""The installed command as users touch it: subprocesses, real files, another working folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from cli_helpers import assert_one_line_error, run

PROFILE = """schema = 1
name = "Ada"
current_role = "data_scientist"
[answers]
"ml.train_validate" = 3
"statistics.experiment_design" = 4
"software.unit_testing" = 1
"""


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    path = tmp_path / "ada.toml"
    path.write_text(PROFILE)
    return path


def test_report_markdown_from_another_folder(tmp_path, profile):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = run("report", str(profile), cwd=elsewhere)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# careerfit report: Ada\n")
    for heading in ("## Summary", "## Fit by role", "## Learning plan", "## Strengths", "## Unanswered areas",
                    "## How this was computed"):
        assert heading in r.stdout
    assert "\x1b[" not in r.stdout  # plain when piped


def test_report_json_has_the_contract_keys(profile):
    r = run("report", str(profile), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert {"schema", "profile", "skills", "roles", "current_role", "best_fit", "already_within_reach",
            "easiest_pivot"} <= set(data)
    assert data["profile"] == {"name": "Ada", "current_role": "data_scientist"}
    assert set(data["skills"]["ml"]) >= {"level", "coverage"}
    fits = [r["fit"] for r in data["roles"]]
    assert fits == sorted(fits, reverse=True)
    assert set(data["roles"][0]) >= {"id", "name", "fit", "effort_hours", "effort_weeks", "gaps"}
    assert set(data["easiest_pivot"]) >= {"role", "effort_hours", "effort_weeks", "plan"}


def test_report_target_and_output_file(tmp_path, profile):
    out = tmp_path / "r.md"
    r = run("report", str(profile), "--target", "data_engineer", "-o", str(out))
    assert r.returncode == 0 and r.stdout == ""
    text = out.read_text()
    assert "## You vs Data engineer (target)" in text and "**Target:** Data engineer" in text


def test_roles_lists_every_role():
    r = run("roles")
    assert r.returncode == 0
    for rid in ("data_scientist", "ml_engineer", "solutions_architect"):
        assert rid in r.stdout


def test_check_builtin_and_broken_bank(tmp_path):
    ok = run("check")
    assert ok.returncode == 0 and "ok:" in ok.stdout
    (tmp_path / "b.toml").write_text('[[question]]\nid = "x.y"\nskill = "nope"\ntext = "?"\n'
                                     '[[question]]\nid = "x.y"\nskill = "ml"\ntext = "?"\n')
    bad = run("check", str(tmp_path))
    assert bad.returncode == 2
    assert "unknown area 'nope'" in bad.stderr and "duplicate question id 'x.y'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_version_names_textual_and_help_lists_commands():
    v = run("--version")
    assert v.returncode == 0 and "careerfit" in v.stdout and "textual" in v.stdout
    h = run("--help")
    assert h.returncode == 0
    for cmd in ("report", "roles", "check"):
        assert cmd in h.stdout


def test_python_dash_m(profile):
    import subprocess

    r = subprocess.run([sys.executable, "-m", "careerfit", "report", str(profile), "--format", "json"],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and json.loads(r.stdout)["profile"]["name"] == "Ada"


@pytest.mark.parametrize(
    ("content", "fragments"),
    [
        (b"\xff\xfe\x00garbage", ["not"]),
        (b"[answers\n", ["invalid TOML", "line 1"]),
        (b"x = " + b"[" * 3000 + b"]" * 3000, ["nested too deeply"]),
        (b'schema = 1\n[answers]\n"ml.train_validate" = true\n', ["answers -> ml.train_validate"]),
        (b'schema = 1\n[answers]\n"ml.train_validate" = 9\n', ["less than or equal to 4"]),
        (b'schema = 1\n[answers]\n"ml.train_validate" = 2.5\n', ["integer"]),
        (b'schema = 1\ncurrent_role = "astronaut"\n', ["unknown role 'astronaut'"]),
        (b"schema = 42\n", ["newer careerfit"]),
        (b"", ["file is empty"]),
    ],
)
def test_bad_profiles_exit_2_with_one_line_and_are_not_modified(tmp_path, content, fragments):
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    r = run("report", str(path))
    assert_one_line_error(r, str(path), *fragments)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.toml"]


def test_missing_profile_and_folder(tmp_path):
    assert_one_line_error(run("report", str(tmp_path / "nope.toml")), "nope.toml", "no such profile")
    assert_one_line_error(run("report", str(tmp_path)), "is a folder")


def test_unknown_target(profile):
    assert_one_line_error(run("report", str(profile), "--target", "astronaut"), "unknown role 'astronaut'")


def test_output_into_missing_folder(tmp_path, profile):
    r = run("report", str(profile), "-o", str(tmp_path / "no" / "r.md"))
    assert_one_line_error(r, "folder does not exist")
    assert not (tmp_path / "no").exists()


def test_broken_bank_for_report(tmp_path, profile):
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "q.toml").write_text("[[question]]\nid = 'bad id'\n")
    assert_one_line_error(run("report", str(profile), "--bank", str(bank)), "broken question bank", "q.toml")


def test_usage_errors_are_one_line_exit_2(profile):
    assert_one_line_error(run("report"), "required")
    assert_one_line_error(run("report", str(profile), "--format", "pdf"), "invalid choice")


def test_markup_and_escapes_in_a_name_are_inert(tmp_path):
    path = tmp_path / "evil.toml"
    path.write_text(
        'schema = 1\nname = "Ann[/] [link=file:///etc/passwd]x[/link] | Admin <b>hi</b> \\u001b]0;T\\u0007"\n'
        '[answers]\n"ml.train_validate" = 3\n'
    )
    r = run("report", str(path))
    assert r.returncode == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert r"Ann\[/\] \[link=file:///etc/passwd\]x\[/link\] \| Admin \<b\>hi\</b\>" in first


def test_rendered_on_a_terminal(tmp_path):
    """On a tty the Markdown is rendered by rich (no '#' headings left); the name is not markup."""
    from cli_helpers import run_on_a_terminal

    profile = tmp_path / "ann.toml"
    profile.write_text('schema = 1\nname = "Ann[/] [bold red]x[/bold red] [link=file:///etc]y[/link]"\n'
                       '[answers]\n"ml.train_validate" = 3\n')

    code, out = run_on_a_terminal("report", str(profile))
    assert code == 0, out
    assert "careerfit report: Ann[/] [bold red]x[/bold red] [link=file:///etc]y[/link]" in out
    assert "# careerfit report" not in out
    assert "\x1b]8;" not in out  # no terminal hyperlink was emitted


def test_non_app_commands_never_import_textual(tmp_path, profile):
    import subprocess

    code = (
        "import sys\n"
        "from careerfit.cli.main import main\n"
        "for argv in ([ 'report', sys.argv[1], '-o', sys.argv[2]], ['roles'], ['check'], ['--help'], ['--version']):\n"
        "    try:\n"
        "        main(argv)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL', loaded)\n"
    )
    r = subprocess.run([sys.executable, "-c", code, str(profile), str(tmp_path / "o.md")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "TEXTUAL []" in r.stdout


def test_prerendered_main_help_matches_the_parser():
    """``careerfit --help`` prints a pre-rendered text for speed; it must be argparse's own output."""
    from careerfit.cli.help_text import MAIN_HELP
    from careerfit.cli.parser import render_main_help

    assert render_main_help() == MAIN_HELP, "run: python -m careerfit.cli.parser"


def test_help_and_subcommand_help():
    assert run("-h").stdout == run("--help").stdout
    r = run("report", "--help")
    assert r.returncode == 0 and "--target ROLE" in r.stdout and "--format" in r.stdout


def test_target_can_name_a_posting_saved_in_the_profile(tmp_path):
    path = tmp_path / "t.toml"
    path.write_text(
        'schema = 1\nname = "Kim"\n[answers]\n"software.unit_testing" = 2\n'
        '[targets.acme]\ntitle = "Platform ML Engineer"\n'
        '[targets.acme.requires]\nsoftware = { level = 4, importance = 5 }\nmlops = { level = 3, importance = 4 }\n'
    )
    r = run("report", str(path), "--target", "acme", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["target"]["role"] == "target-acme"
    # A saved posting is a target, never a career role: not in the role list, never the pivot.
    assert all(role["id"] != "target-acme" for role in data["roles"])
    assert data["easiest_pivot"]["role"] != "target-acme" and data["best_fit"] != "target-acme"
    bad = tmp_path / "bad.toml"
    bad.write_text('schema = 1\n[targets.acme]\ntitle = "x"\n')
    assert_one_line_error(run("report", str(bad), "--target", "acme"), str(bad), "requires")


def test_output_onto_the_input_profile_is_refused(profile):
    before = profile.read_bytes()
    assert_one_line_error(run("report", str(profile), "-o", str(profile)), "is an input of this command")
    assert profile.read_bytes() == before
    link = profile.with_name("link.toml")
    link.symlink_to(profile)
    assert_one_line_error(run("report", str(profile), "-o", str(link)), "is an input")
    assert profile.read_bytes() == before
