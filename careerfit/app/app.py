"""The careerfit Textual app: screens, saving, signals and the command palette.

It owns no scoring and no file formats: a ``Session`` (careerfit.session) holds the
profile and saves it, the core computes every number. What lives here is wiring: which
screen shows, when to ask for a path, how a failed save is reported, and that quitting,
SIGTERM and SIGHUP save before the process ends.

May import: Textual, the app's screens, widgets and messages, ``careerfit.session``, the core
and the file formats; never the command line.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

# Only the assessment is imported up front; the welcome, results and dialogs are imported
# where first used (their widgets' CSS costs start-up time), so a resumed profile's first
# question appears sooner.
from careerfit.app.screens.assessment import AssessmentScreen
from careerfit.core.domain import Bank
from careerfit.core.errors import CareerfitError, SaveError
from careerfit.formats.bank import load_bank
from careerfit.session.drafts import DraftInfo
from careerfit.session.modes import Mode
from careerfit.session.paths import backup_of, default_profile_path, replaces_other_file
from careerfit.session.recent import remember
from careerfit.session.state import Session

if TYPE_CHECKING:
    from careerfit.app.widgets.details_form import Details

HANDLED_SIGNALS = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n))


class CareerfitApp(App[int]):
    """Welcome -> assessment -> results, with save / export / resume from anywhere."""

    CSS_PATH = "careerfit.tcss"
    #: Below 64 columns side panels give way to the main content (see careerfit.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (64, "-normal")]  # noqa: RUF012 (App declares it)
    TITLE = "careerfit"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "save", id="save", tooltip="Save the profile (asks for a path the first time)"),
        Binding("ctrl+q", "quit", "quit", priority=True, id="quit", tooltip="Save and quit"),
        Binding("question_mark,f1", "help", "help", id="help",
                tooltip="Help for this screen: its keys, and on the results what the words mean"),
    ]

    def __init__(self, profile_path: Path | None = None, *, bank: Bank | None = None,
                 handle_signals: bool = False) -> None:
        super().__init__()
        self.bank = bank or load_bank()
        self.profile_path = profile_path
        self.handle_signals = handle_signals
        self.session: Session | None = None
        self.save_failed = False

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every toast (screens' too: theirs call this) with control characters removed:
        messages name files, and a path may hold an escape sequence."""
        from careerfit.core.text import clean_text

        super().notify(clean_text(message), title=clean_text(title, single_line=True), severity=severity,
                       timeout=timeout, markup=markup)

    # --- start --------------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for sig in HANDLED_SIGNALS:
                # Windows' event loops have no signal handlers (NotImplementedError), and a
                # loop outside the main thread refuses them (RuntimeError): the app still runs,
                # only without the save on SIGTERM/SIGHUP.
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.add_signal_handler(sig, self._on_signal, sig)
        self._apply_keymap()
        self._apply_settings()
        path = self.profile_path
        if path is not None and path.exists():
            self.resume_path(path)  # straight to the questions: the welcome is built only if needed
        else:
            self.push_screen(self._welcome(new_path=path))

    def _apply_keymap(self) -> None:
        """The user's ``keymap.toml`` (binding id -> key); a broken one is shown, not fatal."""
        from careerfit.formats.locations import KEYMAP_FILE, user_data_dir

        path = user_data_dir() / KEYMAP_FILE
        if not path.exists():
            return  # the usual case: nothing more is imported just to list binding ids
        from careerfit.formats.keymap import load_keymap
        try:
            keymap = load_keymap(path, known_binding_ids())
        except CareerfitError as exc:
            self.notify(str(exc), title="Keymap not applied", severity="error", markup=False, timeout=10)
            return
        if keymap:
            self.set_keymap(keymap)

    def _apply_settings(self) -> None:
        """The theme chosen last time (``settings.toml``); a broken file: defaults and a notice.
        Every later theme change is written back."""
        from careerfit.formats.locations import SETTINGS_FILE, user_data_dir

        self.theme_changed_signal.subscribe(self, self._remember_theme)
        path = user_data_dir() / SETTINGS_FILE
        if not path.exists():
            return  # the usual first run: pydantic is not imported just to find nothing
        from careerfit.formats.app_settings import load_settings

        try:
            settings = load_settings(path)
        except CareerfitError as exc:
            self.notify(f"{exc}\nUsing the default settings.", title="Settings not applied", severity="warning",
                        markup=False, timeout=10)
        else:
            if settings.theme is not None and settings.theme in self.available_themes:
                self.theme = settings.theme
            elif settings.theme is not None:
                self.notify(f"{path}: unknown theme '{settings.theme}'; using the default.",
                            title="Settings not applied", severity="warning", markup=False, timeout=10)

    def _remember_theme(self, theme: object) -> None:
        from careerfit.formats.app_settings import AppSettings, save_settings, settings_path

        save_settings(settings_path(), AppSettings(theme=self.theme))

    def _welcome(self, new_path: Path | None = None) -> Screen:
        from careerfit.app.screens.welcome import WelcomeScreen

        return WelcomeScreen(self.bank, new_path=new_path)

    def _on_signal(self, signum: int) -> None:
        """Terminal closed or killed: save what there is, restore the terminal, exit."""
        if self.session is not None:
            with contextlib.suppress(CareerfitError, OSError):
                self.session.persist()
        self.exit(return_code=128 + signum)

    # --- sessions -----------------------------------------------------------------------

    def open_session(self, session: Session, *, path_note: str | None = None) -> None:
        self.session = session
        self.save_failed = False
        self._update_title()
        self._reset_to(AssessmentScreen(session))
        if session.profile.answers and session.is_complete:
            self.show_results()  # nothing left to ask: where the person left off is the results
        if path_note:
            self.notify(path_note, markup=False)

    def _reset_to(self, screen: Screen) -> None:
        """Make ``screen`` the only one above Textual's default screen (modals included)."""
        while len(self.screen_stack) > 2:
            self.pop_screen()
        if len(self.screen_stack) == 2:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def start_new(self, *, name: str = "", current_role: str | None = None, hours_per_week: float = 8,
                  mode: Mode = "quick", path: Path | None = None) -> None:
        session = Session.new(self.bank, name=name, current_role=current_role, hours_per_week=hours_per_week,
                              mode=mode)
        self.open_session(session)
        if path is not None:
            self._save_as(path)

    def resume_path(self, path: Path) -> None:
        try:
            session = Session.resume(self.bank, path)
        except CareerfitError as exc:
            self._resume_failed(path, exc)
            return
        remember(path, session.profile)
        self.open_session(session)

    def _resume_failed(self, path: Path, exc: CareerfitError) -> None:
        from careerfit.app.screens.dialogs import ErrorPanel
        if len(self.screen_stack) < 2:
            self.push_screen(self._welcome())
        bak = backup_of(path)
        choices = (("backup", "Open the backup"), ("ok", "Close")) if bak else (("ok", "Close"),)
        message = str(exc) + (f"\n\nA backup exists: {bak}" if bak else "")

        def chosen(choice: str | None) -> None:
            if choice == "backup" and bak is not None:
                try:
                    session = Session.resume(self.bank, bak)
                except CareerfitError as err:
                    self.push_screen(ErrorPanel("The backup cannot be opened either", str(err)))
                    return
                session.path = path
                self.open_session(session, path_note=f"Opened the backup; saving writes {path}")

        self.push_screen(ErrorPanel("Cannot open the profile", message, choices), chosen)

    def resume_draft(self, draft: DraftInfo) -> None:
        self.open_session(Session.from_draft(self.bank, draft))

    # --- saving -------------------------------------------------------------------------

    def record(self, change: Callable[[], Path]) -> bool:
        """Apply a change that saves; report a failed save once, keeping the change in memory."""
        try:
            change()
        except SaveError as exc:
            if not self.save_failed:
                self.notify(f"{exc}\nYour answers are kept; press Ctrl+S to save elsewhere.", title="Not saved",
                            severity="error", timeout=10, markup=False)
            self.save_failed = True
            self._update_title()
            return False
        if self.save_failed:
            self.save_failed = False
            self._update_title()
        self._announce_archived_draft()
        self._announce_merge()
        return True

    def _announce_merge(self) -> None:
        """Say what a save took in from another window on the same file, and show it."""
        s = self.session
        report = s.take_merge_report() if s is not None else None
        if report is None:
            return
        self.notify(report.message(), title="Merged with another window", timeout=10, markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, AssessmentScreen) and screen.is_mounted:
                screen.show_question()

    def _announce_archived_draft(self) -> None:
        """Say where an earlier unsaved draft went when this session's first save moved it aside."""
        s = self.session
        if s is None or s.archived_draft is None:
            return
        self.notify(f"The earlier unsaved draft was kept as {s.archived_draft}. Open it with "
                    "\"Open a profile...\" on the welcome screen.", title="Earlier draft kept",
                    timeout=12, markup=False)
        s.archived_draft = None

    def _update_title(self) -> None:
        s = self.session
        if s is None:
            self.sub_title = ""
            return
        name = s.profile.name or "unnamed"
        where = s.path.name if s.path is not None else "unsaved draft"
        from careerfit.core.text import clean_text  # a file name may hold an escape sequence

        self.sub_title = clean_text(f"{name} · {'NOT SAVED' if self.save_failed else where}", single_line=True)

    def action_save(self) -> None:
        s = self.session
        if s is None:
            self.notify("Nothing to save yet: start or resume an assessment.", markup=False)
            return
        if s.path is None or self.save_failed:
            self._ask_save_path(s.path or default_profile_path(s.profile.name))
        elif self.record(s.persist):
            self.notify(f"Saved to {s.path}", markup=False)

    def _ask_save_path(self, default: Path) -> None:
        from careerfit.app.screens.dialogs import PathDialog
        self.push_screen(PathDialog("Save the profile to", default), self._save_as)

    def _confirm_replace(self, path: Path, replace: Callable[[], None], ask_again: Callable[[], None]) -> None:
        """Ask before writing over an existing file; anything but "Replace" keeps it.

        "Keep it" is the first button, so Enter (and Escape) leave the file alone; the
        path dialog comes back to choose another name.
        """
        from careerfit.app.screens.dialogs import ErrorPanel

        def chosen(choice: str | None) -> None:
            if choice == "replace":
                replace()
            elif choice == "keep":
                ask_again()

        self.push_screen(
            ErrorPanel("Replace the file?", f"{path} already exists. Replacing it loses what it holds.",
                       (("keep", "Keep it, choose another name"), ("replace", "Replace it"))),
            chosen,
        )

    def _save_as(self, path: Path | None, *, confirmed: bool = False) -> None:
        if path is None or self.session is None:
            return
        session = self.session
        if not confirmed and replaces_other_file(path, session.path):
            self._confirm_replace(path, lambda: self._save_as(path, confirmed=True),
                                  lambda: self._ask_save_path(path))
            return
        if self.record(lambda: session.save_as(path)):
            self.notify(f"Saved to {path}", markup=False)
        self._update_title()

    def action_export(self) -> None:
        s = self.session
        if s is None:
            self.notify("Nothing to export yet: start or resume an assessment.", markup=False)
            return
        default = s.exported_to or (s.path.with_suffix(".md") if s.path is not None
                                    else Path.cwd() / "careerfit-report.md")
        self._ask_export_path(default)

    def _ask_export_path(self, default: Path) -> None:
        from careerfit.app.screens.dialogs import PathDialog
        self.push_screen(PathDialog("Export the Markdown report to", default, action="Export"), self._export_to)

    def _export_to(self, path: Path | None, *, confirmed: bool = False) -> None:
        """Write the report; an existing file other than this session's last report is asked about."""
        if path is None or self.session is None:
            return
        if not confirmed and replaces_other_file(path, self.session.exported_to):
            self._confirm_replace(path, lambda: self._export_to(path, confirmed=True),
                                  lambda: self._ask_export_path(path))
            return
        try:
            written = self.session.export(path)
        except CareerfitError as exc:
            self.notify(str(exc), title="Not exported", severity="error", timeout=10, markup=False)
            return
        self.notify(f"Report written to {written}", markup=False)

    # --- navigation ---------------------------------------------------------------------

    def show_results(self) -> None:
        """The results, refreshed; from a screen opened over them (a posting), back to them."""
        from careerfit.app.screens.results import ResultsScreen
        if self.session is None:
            return
        if any(isinstance(s, ResultsScreen) for s in self.screen_stack[:-1]):
            while not isinstance(self.screen, ResultsScreen):
                self.pop_screen()
        if isinstance(self.screen, ResultsScreen):
            self.screen.refresh_results()
        else:
            self.push_screen(ResultsScreen(self.session))

    def show_posting(self) -> None:
        """The job posting screen, over the results (Escape goes back to them)."""
        from careerfit.app.screens.posting import PostingScreen
        from careerfit.app.screens.results import ResultsScreen
        if self.session is None or isinstance(self.screen, PostingScreen):
            return
        if not isinstance(self.screen, ResultsScreen):
            self.show_results()
        results = self.screen_stack[-1]
        assert isinstance(results, ResultsScreen)
        self.push_screen(PostingScreen(self.session), results.posting_closed)

    def show_answers(self) -> None:
        from careerfit.app.screens.results import ResultsScreen
        if isinstance(self.screen, ResultsScreen):
            self.pop_screen()
            if isinstance(self.screen, AssessmentScreen):
                self.screen.show_question()
        elif self.session is not None and not isinstance(self.screen, AssessmentScreen):
            self._reset_to(AssessmentScreen(self.session))

    def action_resume(self) -> None:
        from careerfit.app.screens.dialogs import PathDialog
        default = Path.cwd()
        self.push_screen(PathDialog("Resume the profile at", default, action="Open"),
                         lambda p: self.resume_path(p) if p is not None else None)

    def action_new_assessment(self) -> None:
        """Back to the welcome screen (the current profile stays saved where it is)."""
        if self.session is not None:
            self.record(self.session.persist)
        self.session = None
        self._reset_to(self._welcome())
        self._update_title()

    # --- help, settings, the answers overview, continuing -----------------------------------

    def action_help(self) -> None:
        """Help for the screen shown now: its live keys; on the results, the legend's words."""
        from careerfit.app.screens.help import HelpScreen, legend_lines, screen_keys
        from careerfit.app.screens.results import ResultsScreen

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        words = legend_lines() if isinstance(screen, ResultsScreen) else None
        title = {"WelcomeScreen": "start", "AssessmentScreen": "questions", "ResultsScreen": "results",
                 "PostingScreen": "job posting"}.get(type(screen).__name__, "this screen")
        self.push_screen(HelpScreen(title, screen_keys(self, screen), words))

    def action_settings(self) -> None:
        from careerfit.app.screens.settings import SettingsDialog

        s = self.session
        if s is None:
            self.notify("Start or resume an assessment first; its details are on the welcome screen.",
                        markup=False)
            return

        def chosen(values: Details | None) -> None:
            if values is None:
                return
            self.record(lambda: s.update_settings(**values))
            self._update_title()
            self._questions_changed()
            self.notify("Settings saved.", markup=False)

        self.push_screen(SettingsDialog(s), chosen)

    def _questions_changed(self) -> None:
        """After settings or continuing: the open assessment follows the new question set and
        the results show the new numbers."""
        from careerfit.app.screens.results import ResultsScreen

        for screen in self.screen_stack:
            if isinstance(screen, AssessmentScreen):
                screen.questions_changed()
            elif isinstance(screen, ResultsScreen) and screen.is_mounted:
                screen.refresh_results()

    def action_answers(self) -> None:
        from careerfit.app.screens.answers import AnswersScreen

        if self.session is None:
            self.notify("No answers yet: start or resume an assessment.", markup=False)
            return
        self.push_screen(AnswersScreen(self.session),
                         lambda qid: self.go_to_question(qid) if qid is not None else None)

    def go_to_question(self, question_id: str, *, only_open: bool = False) -> None:
        """The questions at ``question_id`` (back to the open assessment, if there is one)."""
        if self.session is None:
            return
        ids = [q.id for q in self.session.questions]
        index = ids.index(question_id) if question_id in ids else None
        if any(isinstance(s, AssessmentScreen) for s in self.screen_stack):
            while not isinstance(self.screen, AssessmentScreen):
                self.pop_screen()
            assessment = self.screen
            assessment.only_open = only_open
            if index is not None:
                assessment.go_to(index)
            else:
                assessment.show_question()
            # After the screen's own resume, which would give the focus back to where it was.
            self.call_after_refresh(assessment.query_one("#choices").focus)
        else:
            self._reset_to(AssessmentScreen(self.session, index, only_open=only_open))

    def action_continue(self) -> None:
        """Ask only what is unanswered: the rest of the full assessment after a quick check,
        or the questions an old profile never saw."""
        s = self.session
        if s is None:
            return
        open_ = s.open_questions("full")
        if not open_:
            self.notify("Every question is answered, skipped or in an area marked not relevant.", markup=False)
            return
        if s.mode != "full":
            s.set_mode("full")
            self.record(s.persist)
            self._questions_changed()
        self.go_to_question(open_[0].id, only_open=True)

    def on_open_settings(self) -> None:
        self.action_settings()

    def on_open_answers(self) -> None:
        self.action_answers()

    def on_continue_assessment(self) -> None:
        self.action_continue()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's "Keys" panel lists generic widget keys; careerfit's help says what this
        # screen's keys do (and, on the results, what the words mean).
        yield from (c for c in super().get_system_commands(screen) if c.title != "Keys")
        yield SystemCommand("Help", "Keys of this screen and what the results mean (? or F1)", self.action_help)
        yield SystemCommand("Save profile", "Save the profile (Ctrl+S)", self.action_save)
        yield SystemCommand("Export report", "Write the Markdown report to a file", self.action_export)
        yield SystemCommand("Resume a profile", "Open a saved profile file", self.action_resume)
        yield SystemCommand("New assessment", "Back to the welcome screen", self.action_new_assessment)
        if self.session is not None:
            yield SystemCommand("Go to results", "Fit by role, pivot and plan", self.show_results)
            yield SystemCommand("Go to questions", "Change or add answers", self.show_answers)
            yield SystemCommand("Profile settings", "Name, current role, hours a week, mode", self.action_settings)
            yield SystemCommand("Answers overview", "Every question with its answer; jump to any",
                                self.action_answers)
            offer = self.session.continue_offer()
            if offer:
                yield SystemCommand("Continue the assessment", offer[:1].upper() + offer[1:], self.action_continue)
            yield SystemCommand("Analyse a job posting", "Paste a posting: the role it reads like, your fit, "
                                "save it as a target", self.show_posting)

    # --- leaving ------------------------------------------------------------------------

    async def action_quit(self) -> None:
        """Save, then quit; if saving fails, ask rather than lose the answers."""
        from careerfit.app.screens.dialogs import ErrorPanel
        s = self.session
        failed_before = self.save_failed  # e.g. the first "save as" failed: only the draft holds them
        if s is None or (self.record(s.persist) and not failed_before):
            self.exit(return_code=0)
            return

        def chosen(choice: str | None) -> None:
            if choice == "quit":
                self.exit(return_code=0)
            elif choice == "elsewhere":
                self.action_save()

        self.push_screen(
            ErrorPanel("Could not save", f"Saving to {s.save_target} failed. Your answers are still here."
                       if self.save_failed else f"Your last save failed; the answers are only in {s.save_target}.",
                       (("elsewhere", "Save elsewhere"), ("quit", "Quit without saving"), ("cancel", "Cancel"))),
            chosen,
        )


def binding_owners() -> tuple[type[DOMNode], ...]:
    """The app, its screens and its widgets with bindings of their own."""
    from careerfit.app.screens.answers import AnswersScreen
    from careerfit.app.screens.dialogs import ErrorPanel, PathDialog
    from careerfit.app.screens.help import HelpScreen
    from careerfit.app.screens.posting import PostingScreen
    from careerfit.app.screens.results import ResultsScreen
    from careerfit.app.screens.settings import SettingsDialog
    from careerfit.app.screens.welcome import WelcomeScreen
    from careerfit.app.widgets.picker import Picker, PickerList

    return (CareerfitApp, AssessmentScreen, ResultsScreen, PostingScreen, WelcomeScreen, PathDialog, ErrorPanel,
            SettingsDialog, HelpScreen, AnswersScreen, Picker, PickerList)


def known_binding_ids() -> set[str]:
    """Every binding id of the app, its screens and widgets: what ``keymap.toml`` may name."""
    return {b.id for owner in binding_owners() for b in owner.BINDINGS if isinstance(b, Binding) and b.id}


def run(profile_path: Path | None = None, bank: Bank | None = None) -> int:
    app = CareerfitApp(profile_path, bank=bank, handle_signals=True)
    app.run()
    return app.return_code or 0


__all__ = ["CareerfitApp", "run"]
