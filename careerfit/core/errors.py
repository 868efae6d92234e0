"""The project's exception types: each carries a message fit for one line on stderr.

The shells (CLI, app) catch ``CareerfitError`` and show ``str(error)``; nothing below them
prints. Messages name the file first, then the problem.

May import: the standard library only (every layer raises these; pydantic's errors are
turned into a line by ``careerfit.formats.fields.format_validation``, in the file layer).
"""

from __future__ import annotations

from pathlib import Path


class CareerfitError(Exception):
    """Base of every error the user can cause; ``str()`` is the one-line message."""

    def __init__(self, message: str, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.problem = message
        super().__init__(f"{path}: {message}" if path is not None else message)


class FileFormatError(CareerfitError):
    """A file that cannot be read or parsed, or whose content is invalid."""


class ProfileError(FileFormatError):
    """A profile file that cannot be used (bad values, unknown schema, ...)."""


class BankError(CareerfitError):
    """A question bank with one or more problems; ``problems`` lists all of them."""

    def __init__(self, folder: Path | str, problems: list[str]) -> None:
        self.problems = problems
        first = problems[0] if problems else "unknown problem"
        more = f" (and {len(problems) - 1} more; run 'careerfit check {folder}')" if len(problems) > 1 else ""
        super().__init__(f"broken question bank: {first}{more}", folder)


class SaveError(CareerfitError):
    """Writing a file failed; the data is still in memory."""


class UsageError(CareerfitError):
    """A command-line argument that names something that does not exist."""

