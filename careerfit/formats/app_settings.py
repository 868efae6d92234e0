"""The app's preferences: ``settings.toml`` in the user data folder, beside ``keymap.toml``.

Only the theme for now::

    theme = "nord"

Reading validates the file with a pydantic model; a broken file is a ``FileFormatError``
naming it, which the app shows before carrying on with the defaults. Writing is atomic, and
never raises: losing a theme choice is not worth an error on every change.

May import: pydantic and the file layer (``fields``, ``tomlio``, ``locations``); the app reads it.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerfit.core.errors import CareerfitError, FileFormatError
from careerfit.formats.fields import Line, format_validation
from careerfit.formats.locations import SETTINGS_FILE, user_data_dir
from careerfit.formats.tomlio import atomic_write, dump_toml, read_toml

__all__ = ["SETTINGS_FILE", "AppSettings", "load_settings", "save_settings", "settings_path"]


class AppSettings(BaseModel):
    """``settings.toml``: unknown keys are reported (a typo would otherwise be ignored silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    theme: Annotated[Line, Field(min_length=1, max_length=60)] | None = None


def settings_path() -> Path:
    return user_data_dir() / SETTINGS_FILE


def load_settings(path: Path) -> AppSettings:
    """The settings in ``path`` (the defaults when it does not exist)."""
    if not path.exists():
        return AppSettings()
    data = read_toml(path, what="settings")
    try:
        return AppSettings.model_validate(data)
    except ValidationError as exc:
        raise FileFormatError(format_validation(exc), path) from None


def save_settings(path: Path, settings: AppSettings) -> None:
    with contextlib.suppress(CareerfitError, OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, dump_toml(settings.model_dump(exclude_none=True)), backup=False, durable=False)
