"""Job postings: paste one, read what ``careerfit posting -`` prints, keep it as a named target.

The screen has no analysis of its own: the session calls the core (``analyse_posting`` and
the report's ``render``), so the text shown is byte for byte ``posting_report``'s.

It is shown with rich's Markdown renderer in one ``Static``, not Textual's ``Markdown``
widget: that widget mounts a widget per block and table cell (over 300 for a report with
a profile) and took about a second to appear; one renderable takes a tenth of that. Every
piece of posting text went through ``md_escape``, no Textual markup is parsed in a
renderable, and terminal hyperlinks are off, so a posting cannot add links or styles.

The analysis runs in a thread worker, so a long paste never freezes the screen: the status
says it is reading, Escape cancels. Python cannot stop a running thread, so cancelling
abandons the reading (its result is dropped when it ends) and the screen is usable at once;
analysis is linear in the text (``careerfit.postings.markup``), so an abandoned one does not linger.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from rich.markdown import Markdown
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, Label, Static, TextArea
from textual.worker import Worker, WorkerState

from careerfit.app.screens.base import FreshScreen
from careerfit.app.widgets.footer import Footer
from careerfit.core.errors import CareerfitError, UsageError
from careerfit.session.state import Session

if TYPE_CHECKING:
    from careerfit.postings.reader import PostingAnalysis

#: Text -> (analysis, report Markdown); ``Session.analyse_posting`` unless a test passes its own.
Analyser: TypeAlias = "Callable[[str], tuple[PostingAnalysis, str]]"

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


#: Characters of a suggested target name (a saved name may be up to 60).
SUGGESTED_LENGTH = 40


def suggested_name(title: str) -> str:
    """``"Senior ML Engineer (Search)"`` -> ``"senior-ml-engineer-search"``: at most 40 characters,
    cut between words (a single word longer than that is cut at 40)."""
    name = _NOT_NAME.sub("-", title).strip("-").lower()
    if len(name) > SUGGESTED_LENGTH:
        head = name[: SUGGESTED_LENGTH + 1]
        name = head.rsplit("-", 1)[0] if "-" in head else name[:SUGGESTED_LENGTH]
    return name.strip("-") or "posting"


class PostingScreen(FreshScreen[bool]):
    """A text area for the posting, its report below; dismisses with whether a target was saved."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "analyse", "analyse", id="posting.analyse",
                tooltip="Analyse the pasted posting: the role it reads like, the evidence, your fit and plan"),
        Binding("ctrl+t", "save_target", "save as target", id="posting.save-target",
                tooltip="Keep this posting in the profile as a named target, listed with the roles"),
        Binding("ctrl+l", "clear", "clear", id="posting.clear",
                tooltip="Clear the posting box and its report, to paste another"),
        # Listed before "close": while a posting is being read, Escape cancels the reading.
        Binding("escape", "cancel", "cancel", id="posting.cancel",
                tooltip="Stop reading this posting; the last report stays"),
        Binding("escape", "close", "results", id="posting.close", tooltip="Back to the results"),
    ]

    def __init__(self, session: Session, analyse: Analyser | None = None) -> None:
        super().__init__()
        self.session = session
        self._analyse: Analyser = analyse or session.analyse_posting
        self.analysis: PostingAnalysis | None = None
        self.report = ""
        self.saved: list[str] = []
        self.reading: Worker[tuple[PostingAnalysis, str] | CareerfitError] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield TextArea(id="posting-text", soft_wrap=True, placeholder="Paste a job posting here, then press Ctrl+R")
        with Horizontal(id="posting-actions"):
            yield Button("Analyse", id="analyse", compact=True, tooltip="Ctrl+R")
            yield Input(placeholder="target name", id="target-name", compact=True, max_length=60,
                        restrict=r"[A-Za-z0-9_-]*", tooltip="Letters, digits, _ and -")
            yield Button("Save as target", id="save-target", compact=True, disabled=True, tooltip="Ctrl+T")
            yield Button("Clear", id="clear", compact=True, tooltip="Ctrl+L")
        yield Label("", id="posting-status", markup=False)
        with VerticalScroll(id="posting-result"):
            yield Static(Markdown(HELP, hyperlinks=False), id="posting-report")
        yield Footer()

    AUTO_FOCUS = "#posting-text"

    # --- analysing ----------------------------------------------------------------------

    def action_analyse(self) -> None:
        """Start reading the pasted posting in a thread; the result arrives as a worker state change."""
        if self.reading is not None:
            return
        text = self.query_one("#posting-text", TextArea).text
        self.reading = self.run_worker(lambda: self._read(text), name="read posting", group="posting",
                                       thread=True, exit_on_error=True)
        self._busy(True)
        self._status("Reading the posting… (Esc cancels)")

    def _read(self, text: str) -> tuple[PostingAnalysis, str] | CareerfitError:
        """In the worker thread: the analysis, or the error to show (bugs still fail loudly)."""
        try:
            return self._analyse(text)
        except CareerfitError as exc:
            return exc

    def action_cancel(self) -> None:
        if self.reading is None:
            return
        self.reading.cancel()
        self.reading = None
        self._busy(False)
        self._status("Stopped reading the posting." + (" The report below is the last one." if self.report else ""))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self.reading or event.state != WorkerState.SUCCESS:
            return  # an abandoned reading, or one still running
        result = event.worker.result
        self.reading = None
        self._busy(False)
        if isinstance(result, CareerfitError):
            self._status(f"Cannot analyse: {result}", error=True)
            self.notify(str(result), title="Cannot analyse the posting", severity="error", markup=False)
        elif result is not None:
            self._show(*result)

    def _show(self, analysis: PostingAnalysis, report: str) -> None:
        self.analysis, self.report = analysis, report
        best = analysis.likeness[0]
        self._status(f"Reads like {best.name} ({best.similarity:.0f}% similar). Name it to save it as a target.")
        name_input = self.query_one("#target-name", Input)
        if not name_input.value:
            name_input.value = suggested_name(analysis.title)
        self.query_one("#save-target", Button).disabled = False
        self.query_one("#posting-report", Static).update(Markdown(report, hyperlinks=False))
        self.query_one("#posting-result", VerticalScroll).scroll_home(animate=False)

    def _busy(self, busy: bool) -> None:
        """Show the reading state: the result area loading, Analyse off, Escape as "cancel"."""
        self.query_one("#posting-result", VerticalScroll).loading = busy
        self.query_one("#analyse", Button).disabled = busy
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cancel":
            return self.reading is not None  # hidden when there is nothing to cancel
        if action == "analyse" and self.reading is not None:
            return None  # shown, dimmed: one reading at a time
        return True

    # --- saving as a target -------------------------------------------------------------

    def action_clear(self) -> None:
        """An empty box, the help back in place of the report, no target name: a fresh start."""
        self.action_cancel()
        self.query_one("#posting-text", TextArea).clear()
        self.query_one("#target-name", Input).value = ""
        self.analysis, self.report = None, ""
        self.query_one("#save-target", Button).disabled = True
        self.query_one("#posting-report", Static).update(Markdown(HELP, hyperlinks=False))
        self._status("")
        self.query_one("#posting-text", TextArea).focus()

    def action_save_target(self) -> None:
        if self.analysis is None:
            self._status("Analyse a posting first (Ctrl+R).", error=True)
            return
        name = self.query_one("#target-name", Input).value.strip()
        if name in self._saved_names():
            self._confirm_replace(name)
            return
        self._save_target(name)

    def _saved_names(self) -> set[str]:
        raw = self.session.profile.extra.get("targets")
        return set(raw) if isinstance(raw, dict) else set()

    def _confirm_replace(self, name: str) -> None:
        """A target of that name is saved already: "Keep it" (first, so Enter keeps it) or replace."""
        from careerfit.app.screens.dialogs import ErrorPanel

        def chosen(choice: str | None) -> None:
            if choice == "replace":
                self._save_target(name)
            else:
                self._status(f"Target '{name}' kept as it was; choose another name to save this posting.")
                self.query_one("#target-name", Input).focus()

        self.app.push_screen(
            ErrorPanel("Replace the saved target?", f"A target named '{name}' is saved in this profile. "
                       "Replacing it loses the posting it holds.",
                       (("keep", "Keep it, choose another name"), ("replace", "Replace it"))),
            chosen,
        )

    def _save_target(self, name: str) -> None:
        analysis = self.analysis
        if analysis is None:
            return
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
        elif event.button.id == "clear":
            self.action_clear()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save_target()

    def action_close(self) -> None:
        self.action_cancel()
        self.dismiss(bool(self.saved))
