"""The Textual shell of careerfit. ``run`` imports Textual only when called, so importing
this package (or the CLI) never pays for it."""

from __future__ import annotations

from pathlib import Path


def run(profile_path: Path | None = None) -> int:
    """Open the app (on ``profile_path`` if given) and return the process exit code."""
    from careerfit.app.app import run as _run

    return _run(profile_path)


__all__ = ["run"]
