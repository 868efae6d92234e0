"""Widgets of the careerfit app, one per module; every piece of user text is shown literally."""
