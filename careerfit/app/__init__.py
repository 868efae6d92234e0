"""The Textual shell of careerfit. ``run`` imports Textual only when called, so importing
this package (or the CLI) never pays for it.

May import: anything; only this package imports Textual, and only ``careerfit.cli.main`` imports it (lazily).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from careerfit.core.domain import Bank


def run(profile_path: Path | None = None, bank: Bank | None = None) -> int:
    """Open the app (on ``profile_path`` if given, on ``bank`` if given) and return the exit code."""
    from careerfit.app.app import run as _run

    return _run(profile_path, bank)


__all__ = ["run"]
