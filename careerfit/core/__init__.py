"""The core: records, scoring, the pivot, the report. Pure functions over plain objects.

Where a question is scored: ``scoring`` (one implementation for the app and every command);
the easiest pivot: ``pivot``; why it was chosen, in the words both shells print: ``why``;
the Markdown and JSON report: ``report``.

May import: the standard library and other ``careerfit.core`` modules. Not textual, rich,
pydantic, nor any other careerfit package (``pyproject.toml``'s import-linter contracts).
"""
