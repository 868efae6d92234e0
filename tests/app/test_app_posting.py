"""Pilot tests of the job posting screen: paste, analyse (off the UI thread, cancellable),
errors, save as a named target."""

from __future__ import annotations

import asyncio
import threading
import tomllib
from collections.abc import Callable
from pathlib import Path

from apphelpers import SIZE, quick_profile, screen_text
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, TextArea

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.posting import PostingScreen, suggested_name
from careerfit.app.screens.results import ResultsScreen
from careerfit.core.domain import Bank
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.report import posting_report
from careerfit.session.state import Session

MakeApp = Callable[..., CareerfitApp]
POSTINGS = Path(__file__).parent.parent / "postings"
EXPECTED = tomllib.loads((POSTINGS / "expected.toml").read_text(encoding="utf-8"))["postings"]


async def _posting_screen(app: CareerfitApp, pilot: Pilot) -> PostingScreen:
    await pilot.pause()
    app.show_results()
    await pilot.pause()
    await pilot.press("p")  # the results screen's binding
    assert isinstance(app.screen, PostingScreen)
    return app.screen


async def _done(pilot: Pilot) -> None:
    """Wait for the reading worker, then for the screen to show its result."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def _analyse(screen: PostingScreen, pilot: Pilot, text: str) -> None:
    screen.query_one(TextArea).text = text
    screen.action_analyse()
    await _done(pilot)


NASTY_TITLE = "[@click=app.quit]Evil[/] [b]ML[/b] Engineer $accent"
NASTY_POSTING = (f"{NASTY_TITLE}\n\nRequirements\n- PyTorch, model serving, Docker and Kubernetes in production\n"
                 "- Python, CI/CD and [link=file:///etc/passwd]tests[/link]\n")


async def test_a_pasted_posting_shows_posting_reports_numbers_and_text_literally(make_app: MakeApp, bank: Bank,
                                                                                 tmp_path: Path) -> None:
    app = make_app(quick_profile(bank, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen = await _posting_screen(app, pilot)
        text = (POSTINGS / "ds_really_mle.md").read_text(encoding="utf-8")
        screen.query_one(TextArea).text = text
        await pilot.press("ctrl+r")
        await _done(pilot)
        assert screen.report == posting_report(text, profile=app.session.profile, bank=bank, lexicon=load_lexicon())
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
        assert screen.report == posting_report(text, profile=app.session.profile, bank=bank,
                                              lexicon=load_lexicon())  # still the last one
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
    path = quick_profile(bank, tmp_path)
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


class GatedAnalyser:
    """The session's own analyser, held at a gate until the test opens it: a reading that takes
    as long as the test needs, so what the screen shows meanwhile is checked deterministically."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.gate = threading.Event()
        self.finished = threading.Event()
        self.threads: list[threading.Thread] = []

    def __call__(self, text: str):
        self.threads.append(threading.current_thread())
        try:
            assert self.gate.wait(20), "the test never opened the gate"
            return self.session.analyse_posting(text)
        finally:
            self.finished.set()


async def _gated_screen(app: CareerfitApp, pilot: Pilot, text: str) -> tuple[PostingScreen, GatedAnalyser]:
    await pilot.pause()
    app.show_results()
    await pilot.pause()
    gated = GatedAnalyser(app.session)
    screen = PostingScreen(app.session, analyse=gated)
    app.push_screen(screen)
    await pilot.pause()
    screen.query_one(TextArea).text = text
    return screen, gated


def _footer(app: CareerfitApp) -> str:
    return screen_text(app).rstrip().splitlines()[-1]


async def test_a_posting_is_read_off_the_ui_thread_which_stays_responsive(make_app: MakeApp, bank: Bank,
                                                                         tmp_path: Path) -> None:
    app = make_app(quick_profile(bank, tmp_path))
    text = (POSTINGS / "data_engineer.md").read_text(encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        screen, gated = await _gated_screen(app, pilot, text)
        assert "esc results" in _footer(app) and "cancel" not in _footer(app)
        await pilot.press("ctrl+r")
        assert "Reading the posting" in screen_text(app)
        assert "esc cancel" in _footer(app)
        assert screen.query_one("#analyse", Button).disabled
        assert gated.threads and gated.threads[0] is not threading.main_thread()
        # While the analysis waits, the screen takes keys: the target name can be typed.
        screen.query_one("#target-name", Input).focus()
        await pilot.press("a", "b")
        assert screen.query_one("#target-name", Input).value == "ab"
        await pilot.press("ctrl+r")  # one reading at a time: a second press starts nothing
        assert len(gated.threads) == 1
        gated.gate.set()
        await _done(pilot)
        assert screen.report == posting_report(text, profile=app.session.profile, bank=bank, lexicon=load_lexicon())
        role = bank.role(EXPECTED["data_engineer.md"]["role"]).name
        assert f"Reads like {role}" in screen_text(app)
        assert "esc results" in _footer(app) and not screen.query_one("#analyse", Button).disabled
        assert screen.query_one("#target-name", Input).value == "ab"  # typed, so not replaced


async def test_escape_cancels_a_reading_and_its_result_is_dropped(make_app: MakeApp, bank: Bank,
                                                                  tmp_path: Path) -> None:
    app = make_app(quick_profile(bank, tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        screen, gated = await _gated_screen(app, pilot, (POSTINGS / "mlops_engineer.md").read_text(encoding="utf-8"))
        await pilot.press("ctrl+r")
        assert "Reading the posting" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen  # Escape cancelled the reading; it did not close the screen
        assert "Stopped reading the posting" in screen_text(app)
        assert "esc results" in _footer(app) and not screen.query_one("#analyse", Button).disabled
        gated.gate.set()  # the abandoned thread ends; what it found must not be shown
        assert await asyncio.to_thread(gated.finished.wait, 20)
        await pilot.pause()
        await pilot.pause()
        assert screen.analysis is None and screen.report == ""
        assert "Reads like" not in screen_text(app)
        await pilot.press("escape")  # nothing to cancel now: back to the results
        assert isinstance(app.screen, ResultsScreen)
