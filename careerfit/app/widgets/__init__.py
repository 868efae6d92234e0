"""Widgets of the careerfit app, one per module; every piece of user text is shown literally.

A widget shows what it is given and posts messages up; it never pushes a screen.

Its modules may import: Textual, other widgets, ``app.messages``, ``careerfit.core`` and the
app state's plain records (``careerfit.session``); not the screens, ``app.app`` nor the
command line (import-linter's app layers contract).
"""
