"""Where careerfit finds its data and keeps its files; nothing else knows these paths.

May import: the standard library and platformdirs.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # careerfit/, beside its questions/

#: The file of a bank folder that holds the posting lexicon; the question bank skips it, so
#: ``careerfit report`` never pays for parsing it.
LEXICON_FILE = "lexicon.toml"
#: The user's key remapping, in the user data folder (see careerfit.formats.keymap).
KEYMAP_FILE = "keymap.toml"
#: The app's own preferences (the theme), beside the keymap (see careerfit.formats.app_settings).
SETTINGS_FILE = "settings.toml"


def builtin_bank() -> Path:
    """The shipped question bank: inside the wheel, or ``questions/`` in a source checkout."""
    packaged = _PACKAGE / "questions"
    if packaged.is_dir():
        return packaged
    return _PACKAGE.parent / "questions"


def user_data_dir() -> Path:
    """Profiles, the autosave draft and the recent list; ``CAREERFIT_HOME`` overrides it."""
    override = os.environ.get("CAREERFIT_HOME")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("careerfit", appauthor=False)


def user_cache_dir() -> Path:
    """Disposable data (parsed banks); under ``CAREERFIT_HOME`` when that is set."""
    override = os.environ.get("CAREERFIT_HOME")
    if override:
        return Path(override) / "cache"
    from platformdirs import user_cache_path

    return user_cache_path("careerfit", appauthor=False)
