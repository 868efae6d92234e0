"""What every careerfit screen shares."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual import events
from textual.screen import Screen

if TYPE_CHECKING:
    from careerfit.app.app import CareerfitApp

ResultType = TypeVar("ResultType")


class FreshScreen(Screen[ResultType]):
    """A screen that is styled once when it first shows, not twice.

    Textual restyles a screen's whole tree on every ``ScreenResume``, in case something
    changed while it was covered. The first one arrives right after the screen was mounted,
    when every widget has just been styled, so that pass only repeats the same work (for
    the welcome form and the assessment, about a third of their time to appear). Later
    resumes, after a dialog or the results, restyle as usual.
    """

    _shown_once = False

    @property
    def careerfit(self) -> CareerfitApp:
        """The running app, typed: the session, saving and navigation the screens call.

        ``self.app`` is typed as any Textual ``App``; this is the same object, checked once
        here rather than with an ``attr-defined`` ignore at every call.
        """
        from careerfit.app.app import CareerfitApp  # at call time: app.py imports the screens

        app = self.app
        if not isinstance(app, CareerfitApp):
            raise TypeError(f"{type(self).__name__} runs only inside CareerfitApp, not {type(app).__name__}")
        return app

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen._on_screen_resume (subclass handlers are dispatched first).
        if not self._shown_once:
            self._shown_once = True
            event.refresh_styles = False
