"""Screens of the careerfit app: welcome, assessment, results, posting, settings, help, and
the dialogs. A screen composes widgets, reads and changes the app state (``careerfit.session``)
and posts messages (``app.messages``) for anything that changes which screen shows.

Its modules may import: Textual, ``app.widgets``, ``app.messages``, ``careerfit.session``,
``careerfit.core``, ``careerfit.formats`` and ``careerfit.postings``; not ``app.app`` (the
typed ``careerfit`` property in ``base`` alone, at call time) nor the command line.
"""
