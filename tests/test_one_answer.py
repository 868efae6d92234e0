"""One answer everywhere: the app and ``careerfit report`` agree on best fit and pivot for the
same file, saved targets included; a saved posting is a target, never a career move."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from cli_helpers import assert_one_line_error, run

from careerfit.app.widgets.role_detail import role_detail
from careerfit.core.domain import Bank
from careerfit.session.state import Session

DATA = Path(__file__).resolve().parent / "data"
HEADLINE = next(p for p in tomllib.loads((DATA / "personas_dev.toml").read_text(encoding="utf-8"))["persona"]
                if p["id"] == "headline_ds")
#: A saved posting close to this person: were it a career role, it would be within reach and
#: the cheapest move (distance 270 against ML engineer's 917).
TARGET = (
    '\n[targets.acme]\ntitle = "Data Scientist"\nreads_like = "data_scientist"\n'
    "[targets.acme.requires]\n"
    "ml = { level = 3, importance = 5 }\nstatistics = { level = 4, importance = 5 }\n"
    "analysis = { level = 3, importance = 4 }\nbusiness = { level = 3, importance = 4 }\n"
    "data_eng = { level = 3, importance = 2 }\nresearch = { level = 2, importance = 2 }\n"
)


def _profile_file(bank: Bank, tmp_path: Path) -> Path:
    """The headline persona saved by the app's session, with a saved posting added by hand."""
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="full")
    s.profile.answers = {q.id: HEADLINE["levels"][q.skill] for q in bank.questions}
    path = tmp_path / "ada.toml"
    s.save_as(path)
    path.write_text(path.read_text(encoding="utf-8") + TARGET, encoding="utf-8")
    return path


def _report(path: Path, *args: str) -> dict:
    r = run("report", str(path), "--format", "json", *args)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_app_and_report_agree_with_and_without_the_saved_target(bank: Bank, tmp_path: Path) -> None:
    path = _profile_file(bank, tmp_path)
    session = Session.resume(bank, path)
    role = session.targets()["acme"]
    plain = session.assessment()
    ext_bank, with_target = session.target_assessment(role)
    cli_plain = _report(path)
    cli_target = _report(path, "--target", "acme")
    for a in (plain, with_target):
        assert (a.best_fit, a.pivot) == ("statistician", "ml_engineer")
    for data in (cli_plain, cli_target):
        assert (data["best_fit"], data["easiest_pivot"]["role"]) == (plain.best_fit, plain.pivot)
        assert all(r["id"] != role.id for r in data["roles"])
    assert cli_target["target"]["role"] == role.id == with_target.focus
    assert cli_target["target"]["fit"] == round(with_target.role(role.id).fit, 1)
    # The saved posting is within 90% and cheap to reach, yet it is neither within reach nor a pivot.
    assert with_target.role(role.id).fit >= bank.scoring.within_reach
    assert with_target.role(role.id).distance < with_target.role("ml_engineer").distance
    assert role.id not in with_target.within_reach and role.id not in dict(with_target.ranking)
    # The results screen shows the target as a target, under its own name, not as the pivot.
    shown = role_detail(ext_bank, with_target, role.id).plain
    assert shown.startswith("Selected: Saved posting: Data Scientist") and "Easiest pivot" not in shown


def test_a_saved_target_is_reported_as_a_target_with_one_prefix(bank: Bank, tmp_path: Path) -> None:
    path = _profile_file(bank, tmp_path)
    md = run("report", str(path), "--target", "acme").stdout
    assert "- **Target:** Saved posting: Data Scientist, fit" in md
    assert "Target: Target:" not in md and "Saved posting: Saved posting:" not in md
    assert "- **Easiest pivot:** ML engineer, fit" in md
    assert "## You vs Saved posting: Data Scientist (target)" in md


def test_unknown_target_lists_roles_and_saved_targets(bank: Bank, tmp_path: Path) -> None:
    path = _profile_file(bank, tmp_path)
    r = run("report", str(path), "--target", "nope")
    assert_one_line_error(r, "unknown role 'nope'", "known roles: data_scientist", "saved targets: acme")
