"""Requests a screen sends up to the app: screens ask, the app decides which screen shows.

Posted on a screen, a message bubbles to the app, so a screen never calls the app's
methods for navigation and can be tested by the messages it posts.

May import: Textual only.
"""

from __future__ import annotations

from textual.message import Message


class OpenSettings(Message):
    """Show the profile settings dialog."""


class OpenAnswers(Message):
    """Show the overview of every answer."""


class ContinueAssessment(Message):
    """Ask the questions still open in the full assessment (after a quick check, or new ones)."""
