"""Job postings: paste one, read what ``careerfit posting -`` prints, keep it as a named target.

The screen has no analysis of its own: the session calls the core (``analyse_posting`` and
the report's ``render``), so the text shown is byte for byte ``posting_report``'s.

It is shown with rich's Markdown renderer in one ``Static``, not Textual's ``Markdown``
widget: that widget mounts a widget per block and table cell (over 300 for a report with
a profile) and took about a second to appear; one renderable takes a tenth of that. Every
piece of posting text went through ``md_escape``, no Textual markup is parsed in a
renderable, and terminal hyperlinks are off, so a posting cannot add links or styles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static, TextArea

from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.footer import Footer
from careerfit.errors import CareerfitError, UsageError
from careerfit.session import Session

if TYPE_CHECKING:
    from careerfit.posting import PostingAnalysis

HELP = """\
Paste a job posting above (plain text or Markdown, title on the first line) and press
**Ctrl+R** to see the role it really reads like, the evidence, and your fit, gaps and plan
for it: the same report as `careerfit posting - --profile PROFILE`.

To keep it, type a name and press **Ctrl+T**: it is saved in your profile as a target and
listed with the roles on the results screen (and `careerfit report PROFILE --target NAME`
scores it).
"""
#: A suggested target name from the posting's title; ``with_target`` checks the final name.
_NOT_NAME = re.compile(r"[^A-Za-z0-9_-]+")


def suggested_name(title: str) -> str:
    """``"Senior ML Engineer (Search)"`` -> ``"senior-ml-engineer-search"`` (at most 40 characters)."""
    return _NOT_NAME.sub("-", title).strip("-").lower()[:40].rstrip("-") or "posting"


class PostingScreen(FreshScreen[bool]):
    """A text area for the posting, its report below; dismisses with whether a target was saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "analyse", "analyse", id="posting.analyse",
                tooltip="Analyse the pasted posting: the role it reads like, the evidence, your fit and plan"),
        Binding("ctrl+t", "save_target", "save as target", id="posting.save-target",
                tooltip="Keep this posting in the profile as a named target, listed with the roles"),
        Binding("escape", "close", "results", id="posting.close", tooltip="Back to the results"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.analysis: PostingAnalysis | None = None
        self.report = ""
        self.saved: list[str] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(id="posting-text", soft_wrap=True, placeholder="Paste a job posting here, then press Ctrl+R")
        with Horizontal(id="posting-actions"):
            yield Button("Analyse", id="analyse", compact=True, tooltip="Ctrl+R")
            yield Input(placeholder="target name", id="target-name", compact=True, max_length=60,
                        restrict=r"[A-Za-z0-9_-]*", tooltip="Letters, digits, _ and -")
            yield Button("Save as target", id="save-target", compact=True, disabled=True, tooltip="Ctrl+T")
        yield Label("", id="posting-status", markup=False)
        with VerticalScroll(id="posting-result"):
            yield Static(Markdown(HELP, hyperlinks=False), id="posting-report")
        yield Footer()

    AUTO_FOCUS = "#posting-text"

    # --- analysing ----------------------------------------------------------------------

    def action_analyse(self) -> None:
        text = self.query_one("#posting-text", TextArea).text
        try:
            analysis, report = self.session.analyse_posting(text)
        except CareerfitError as exc:
            self._status(f"Cannot analyse: {exc}", error=True)
            self.notify(str(exc), title="Cannot analyse the posting", severity="error", markup=False)
            return
        self.analysis, self.report = analysis, report
        best = analysis.likeness[0]
        self._status(f"Reads like {best.name} ({best.similarity:.0f}% similar). Name it to save it as a target.")
        name_input = self.query_one("#target-name", Input)
        if not name_input.value:
            name_input.value = suggested_name(analysis.title)
        self.query_one("#save-target", Button).disabled = False
        self.query_one("#posting-report", Static).update(Markdown(report, hyperlinks=False))
        self.query_one("#posting-result", VerticalScroll).scroll_home(animate=False)

    # --- saving as a target -------------------------------------------------------------

    def action_save_target(self) -> None:
        if self.analysis is None:
            self._status("Analyse a posting first (Ctrl+R).", error=True)
            return
        name = self.query_one("#target-name", Input).value.strip()
        analysis = self.analysis
        try:
            saved = self.careerfit.record(
                lambda: self.session.save_posting_as_target(name, analysis))
        except UsageError as exc:
            self._status(str(exc), error=True)
            return
        self.saved.append(name)
        if saved:
            self._status(f"Saved as target '{name}' in {self.session.save_target.name}.")
            self.notify(f"Saved as target '{name}'", markup=False)
        else:
            self._status(f"Target '{name}' kept in memory; the profile could not be saved.", error=True)

    # --- the rest -----------------------------------------------------------------------

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#posting-status", Label)
        status.update(text)
        status.set_class(error, "-error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "analyse":
            self.action_analyse()
        elif event.button.id == "save-target":
            self.action_save_target()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save_target()

    def action_close(self) -> None:
        self.dismiss(bool(self.saved))
