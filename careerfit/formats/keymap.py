"""The user's key remapping: ``keymap.toml`` in the user data folder.

Every binding of the app has an id (``save``, ``quit``, ``answer.3``, ``results.export``,
...), so a user whose terminal or keyboard layout swallows a key can move it::

    [keymap]
    save = "ctrl+w"
    "results.export" = "x"

Pure: reading and validating the file; the app applies the result with Textual's
``set_keymap``. A broken file is an error naming the file, never a crash: the app shows it
and keeps its default keys.

May import: pydantic and the file layer (``fields``, ``tomlio``, ``locations``), ``errors``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from careerfit.core.errors import FileFormatError
from careerfit.formats.fields import Line, format_validation
from careerfit.formats.locations import KEYMAP_FILE
from careerfit.formats.tomlio import read_toml

__all__ = ["KEYMAP_FILE", "KeymapFile", "load_keymap"]

#: Textual key names, comma-separated alternatives: "ctrl+s", "f2", "x,ctrl+x".
_KEYS = re.compile(r"[a-z0-9_+\-]+(,[a-z0-9_+\-]+)*")

Keys = Annotated[Line, Field(min_length=1, max_length=60)]


class KeymapFile(BaseModel):
    """``keymap.toml``: binding id -> key(s)."""

    model_config = ConfigDict(extra="forbid")

    keymap: dict[Annotated[Line, Field(min_length=1, max_length=60)], Keys] = Field(default_factory=dict)


def load_keymap(path: Path, known_ids: set[str] | None = None) -> dict[str, str]:
    """The remapping in ``path`` ({} when the file does not exist)."""
    if not path.exists():
        return {}
    data = read_toml(path, what="keymap")
    try:
        keymap = KeymapFile.model_validate(data).keymap
    except ValidationError as exc:
        raise FileFormatError(format_validation(exc), path) from None
    for binding_id, keys in keymap.items():
        if not _KEYS.fullmatch(keys.replace(" ", "").lower()):
            raise FileFormatError(f"keymap -> {binding_id}: '{keys}' is not a key name such as 'ctrl+s' or 'f2'", path)
        if known_ids is not None and binding_id not in known_ids:
            known = ", ".join(sorted(known_ids))
            raise FileFormatError(f"keymap: unknown binding id '{binding_id}' (known: {known})", path)
    return {binding_id: keys.replace(" ", "").lower() for binding_id, keys in keymap.items()}
