"""Pilot tests of the job posting screen: paste, analyse, errors, save as a named target."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, screen_text
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.posting import PostingScreen, suggested_name
from careerfit.app.screens.results import ResultsScreen
from careerfit.domain import Bank
from careerfit.posting_report import posting_report
from careerfit.profile_io import save_profile
from careerfit.session import Session

MakeApp = Callable[..., CareerfitApp]
POSTINGS = Path(__file__).parent.parent / "postings"
EXPECTED = tomllib.loads((POSTINGS / "expected.toml").read_text(encoding="utf-8"))["postings"]


def _profile(bank: Bank, folder: Path) -> Path:
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="quick")
    s.profile.answers = {q.id: 2 for q in s.questions}
    path = folder / "ada.toml"
    save_profile(s.profile, path)
    return path


async def _posting_screen(app: CareerfitApp, pilot: Pilot) -> PostingScreen:
    await pilot.pause()
    app.show_results()
    await pilot.pause()
    await pilot.press("p")  # the results screen's binding
    assert isinstance(app.screen, PostingScreen)
    return app.screen


async def _analyse(screen: PostingScreen, pilot: Pilot, text: str) -> None:
    screen.query_one(TextArea).text = text
    screen.action_analyse()
    await pilot.pause()


NASTY_TITLE = "[@click=app.quit]Evil[/] [b]ML[/b] Engineer $accent"
NASTY_POSTING = (f"{NASTY_TITLE}\n\nRequirements\n- PyTorch, model serving, Docker and Kubernetes in production\n"
                 "- Python, CI/CD and [link=file:///etc/passwd]tests[/link]\n")


async def test_a_pasted_posting_shows_posting_reports_numbers_and_text_literally(make_app: MakeApp, bank: Bank,
                                                                                 tmp_path: Path) -> None:
    app = make_app(_profile(bank, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _posting_screen(app, pilot)
        text = (POSTINGS / "ds_really_mle.md").read_text(encoding="utf-8")
        screen.query_one(TextArea).text = text
        await pilot.press("ctrl+r")
        assert screen.report == posting_report(text, profile=app.session.profile, bank=bank)
        role = bank.role(EXPECTED["ds_really_mle.md"]["role"]).name
        best = screen.analysis.likeness[0]
        shown = screen_text(app)
        assert f"Reads like: {role} ({best.similarity:.0f}% similar)" in shown
        assert f"Reads like {role}" in shown  # the status line
        # An empty posting, then one matching nothing: a message, the app carries on.
        await _analyse(screen, pilot, "   \n")
        assert "the posting is empty" in screen_text(app)
        await _analyse(screen, pilot, "Friendly shoe shop seeks cheerful people.")
        assert "mentions no skill" in screen_text(app)
        assert app.is_running and app.screen is screen
        assert screen.report == posting_report(text, profile=app.session.profile, bank=bank)  # still the last one
        # Markup in the posting is text: in the text area as typed, in the report as written.
        await _analyse(screen, pilot, NASTY_POSTING)
        shown = screen_text(app)
        assert f"Job posting: {NASTY_TITLE}" in shown
        assert NASTY_TITLE in shown.split("Job posting")[0]
        await pilot.click("#posting-report")
        assert app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, ResultsScreen)


async def test_save_as_target_is_on_disk_and_listed_after_reload(make_app: MakeApp, bank: Bank,
                                                                 tmp_path: Path) -> None:
    path = _profile(bank, tmp_path)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _posting_screen(app, pilot)
        await pilot.press("ctrl+t")
        assert "Analyse a posting first" in screen_text(app)
        await _analyse(screen, pilot, (POSTINGS / "mlops_engineer.md").read_text(encoding="utf-8"))
        name = screen.query_one("#target-name", Input)
        assert name.value == suggested_name(screen.analysis.title)
        name.value = "no spaces!"  # typed keys are restricted; a set value is checked by with_target
        screen.action_save_target()
        await pilot.pause()
        assert "letters, digits" in screen_text(app)
        name.value = "acme-mlops"
        await pilot.press("ctrl+t")
        assert "Saved as target 'acme-mlops'" in screen_text(app)
        app.show_results()  # the palette's "Go to results", from over the posting
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "acme-mlops" in screen_text(app)
    saved = tomllib.loads(path.read_text(encoding="utf-8"))
    assert saved["targets"]["acme-mlops"]["reads_like"] == "mlops_engineer"

    again = make_app(path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        again.show_results()
        await pilot.pause()
        results = again.screen
        assert isinstance(results, ResultsScreen)
        roles = results.query_one("#roles", OptionList)
        ids = [o.id for o in roles.options]
        roles.highlighted = ids.index("target-acme-mlops")
        await pilot.pause()
        detail = str(results.query_one("#detail").render())
        role = results.targets["target-acme-mlops"]
        fit = again.session.target_assessment(role)[1].role(role.id).fit
        assert detail.startswith("Selected: " + role.name) and f"fit {fit:.0f}%" in detail
