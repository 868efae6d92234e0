"""Files in the user data folder, the names proposed for new profiles, and paths typed into a
dialog made safe to use (``~`` expanded, loops and missing users turned into ``SaveError``).

May import: ``careerfit.core`` and ``careerfit.formats.locations``.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from careerfit.core.errors import SaveError
from careerfit.core.text import clean_text
from careerfit.formats.locations import user_data_dir

DRAFT_NAME = "draft.toml"
#: Characters kept of a name in a suggested file name (at most 4 bytes each in UTF-8).
MAX_SLUG = 60


def data_dir(create: bool = False) -> Path:
    folder = user_data_dir()
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"cannot create the data folder: {exc.strerror or exc}", folder) from None
    return folder


def draft_path() -> Path:
    """Where a profile with no file of its own is autosaved after every answer."""
    return data_dir() / DRAFT_NAME


def free_path(path: Path) -> Path:
    """``path``, or ``<stem>-2<suffix>``, ``-3``...: the first name not taken in its folder."""
    candidate, n = path, 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def profile_slug(name: str) -> str:
    """A file name stem from a person's name: letters and digits of any script, ``-`` between.

    ASCII-only slugs sent every Chinese, Greek or Arabic name (and the empty one) to the
    same ``profile.toml``. The name is NFC-normalised first so a decomposed "ë" stays one
    letter, lower-cased, and cut to ``MAX_SLUG`` characters so the name fits a file system's
    255-byte limit even at four UTF-8 bytes a character.
    """
    text = unicodedata.normalize("NFC", clean_text(name, single_line=True)).lower()
    slug = re.sub(r"-{2,}", "-", "".join(c if c.isalnum() or c in "_-" else "-" for c in text)).strip("-")
    if len(slug) > MAX_SLUG:  # cut between words; a single word longer than the limit where it must
        head = slug[: MAX_SLUG + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:MAX_SLUG]
    return slug.strip("-")


def default_profile_path(name: str) -> Path:
    """The save path proposed the first time: ``<data dir>/profiles/<name>.toml``, not yet taken.

    "Ann" and "ann" (or two people with one name) get ``ann.toml`` and ``ann-2.toml``
    rather than one profile proposed over the other.
    """
    return free_path(data_dir() / "profiles" / f"{profile_slug(name) or 'profile'}.toml")


def replaces_other_file(path: Path, own: Path | None) -> bool:
    """Whether writing ``path`` would replace an existing file other than ``own``.

    The app asks before doing that. A folder or a path that cannot be used is not "another
    file": writing it fails with its own message.
    """
    try:
        path = expand_path(path)
        if not path.exists() or path.is_dir():
            return False
    except (SaveError, OSError):
        return False
    return own is None or resolved(path) != resolved(own)


def expand_path(path: Path) -> Path:
    """``path`` with ``~`` expanded, or a ``SaveError`` saying why it cannot be used.

    ``Path.expanduser`` raises ``RuntimeError`` for ``~nosuchuser/...`` and ``resolve``
    raises for a symlink loop; typed into a dialog, either would end the app. The path is
    returned unresolved, so messages show it as typed.
    """
    try:
        expanded = path.expanduser()
        expanded.resolve()
    except RuntimeError as exc:
        raise SaveError(f"cannot use this path: {exc}", path) from None
    except OSError as exc:
        raise SaveError(f"cannot use this path: {exc.strerror or exc}", path) from None
    return expanded


def resolved(path: Path) -> Path:
    """The file a path names (symlinks followed), or the path made absolute if that fails,
    or the path itself when even that fails (the working folder was deleted): never raises,
    the save that follows says what is wrong."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        try:
            return path.absolute()
        except OSError:
            return path


def backup_of(path: Path) -> Path | None:
    """The ``.bak`` ``save_profile`` keeps beside a profile, if there is one."""
    bak = path.with_name(path.name + ".bak")
    return bak if bak.is_file() else None
