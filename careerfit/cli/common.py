"""What the command line's two halves (``cli`` and ``cli_parser``) share, so neither imports the other.

May import: the standard library and ``careerfit.core.text`` (lazily: ``--help`` stays instant).
"""

from __future__ import annotations

import sys

#: Sub-command modules under ``careerfit.cli.commands``; each offers ``add_parser`` and ``run``.
COMMANDS = ("report", "roles", "check", "title", "posting", "postings")

EXIT_USAGE = 2


def print_error(message: str) -> None:
    """One line on stderr; never through markup, never with control characters."""
    from careerfit.core.text import clean_text

    sys.stderr.write("careerfit: error: " + clean_text(message, single_line=True) + "\n")
    sys.stderr.flush()
