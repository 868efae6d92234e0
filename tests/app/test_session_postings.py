"""Postings through the session, without Textual: the same report as the CLI, saved targets."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from careerfit.cli.commands.report import build
from careerfit.core.domain import Bank
from careerfit.core.errors import SaveError, UsageError
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.reader import PostingError
from careerfit.postings.report import posting_report
from careerfit.session.state import Session

POSTINGS = Path(__file__).parent.parent / "postings"


def _session(bank: Bank, path: Path | None = None) -> Session:
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="quick")
    s.profile.answers = {q.id: 2 for q in s.questions}
    if path is not None:
        s.save_as(path)
    return s


def test_the_analysis_is_posting_reports_text(bank: Bank) -> None:
    s = _session(bank)
    text = (POSTINGS / "ds_really_mle.md").read_text(encoding="utf-8")
    analysis, report = s.analyse_posting(text)
    assert report == posting_report(text, profile=s.profile, bank=bank, lexicon=load_lexicon())
    assert analysis.reads_like == "ml_engineer"


@pytest.mark.parametrize(("text", "message"), [
    ("", "the posting is empty"),
    ("We sell shoes. Friendly team, good coffee.", "mentions no skill"),
    ("x" * (1024 * 1024 + 1), r"too large for a posting \(over 1 MB\)"),
    # Fewer than 1 M characters but over 1 MB of UTF-8: the CLI's limit is in bytes.
    ("职" * (1024 * 1024 // 3 + 1), r"too large for a posting \(over 1 MB\)"),
], ids=["empty", "no-skill", "over-1MB", "over-1MB-of-UTF-8"])
def test_bad_postings_raise_a_posting_error(bank: Bank, text: str, message: str) -> None:
    with pytest.raises(PostingError, match=message):
        _session(bank).analyse_posting(text)


def test_a_saved_target_is_on_disk_and_scores_like_report_target(bank: Bank, tmp_path: Path) -> None:
    path = tmp_path / "ada.toml"
    s = _session(bank, path)
    analysis, _ = s.analyse_posting((POSTINGS / "mlops_engineer.md").read_text(encoding="utf-8"))
    assert s.save_posting_as_target("acme-mlops", analysis) == path
    saved = tomllib.loads(path.read_text(encoding="utf-8"))["targets"]["acme-mlops"]
    assert saved["reads_like"] == "mlops_engineer" and saved["source"] == "pasted posting"
    again = Session.resume(bank, path)
    role = again.targets()["acme-mlops"]
    _, a = again.target_assessment(role)
    fit = a.role(role.id).fit
    assert f"fit {fit:.0f}%" in build(path, None, "acme-mlops", "markdown")
    assert again.mode == "quick" and again.profile.answers == s.profile.answers


def test_a_bad_target_name_changes_nothing_and_a_failed_save_keeps_the_target(bank: Bank, tmp_path: Path) -> None:
    s = _session(bank)
    analysis, _ = s.analyse_posting((POSTINGS / "data_engineer.md").read_text(encoding="utf-8"))
    before = s.profile
    with pytest.raises(UsageError, match="letters, digits"):
        s.save_posting_as_target("no spaces", analysis)
    assert s.profile is before
    blocker = tmp_path / "file"
    blocker.write_text("x")
    s.path = blocker / "ada.toml"
    with pytest.raises(SaveError):
        s.save_posting_as_target("de", analysis)
    assert "de" in s.targets()
