"""The autosave draft (``draft.toml``: every profile without a file of its own) and the
drafts moved aside so that starting anew never loses earlier answers.

May import: ``careerfit.core``, ``careerfit.formats`` and ``session.paths``.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

from careerfit.core.domain import Profile
from careerfit.core.errors import CareerfitError, SaveError
from careerfit.formats.profile_io import load_profile, load_profile_seen
from careerfit.formats.tomlio import clean_stale_temps
from careerfit.session.paths import DRAFT_NAME, data_dir, draft_path, free_path, resolved


@dataclass(frozen=True)
class DraftInfo:
    profile: Profile
    saved_at: float
    #: Digest of the text read, so a session resumed from it merges what others write later.
    digest: str = ""

    @property
    def answered(self) -> int:
        return len(self.profile.answers)


def load_draft() -> DraftInfo | None:
    """The autosave draft, or ``None`` when there is none or it cannot be read."""
    path = draft_path()
    if not path.is_file():
        return None
    clean_stale_temps(path.parent, path.name)
    try:
        profile, digest = load_profile_seen(path)
        return DraftInfo(profile, path.stat().st_mtime, digest)
    except (CareerfitError, OSError):
        return None


def archive_draft() -> Path | None:
    """Move an answered draft aside as ``draft-<YYYYmmdd-HHMMSS>.toml``, before it is overwritten.

    Every profile without a file shares ``draft.toml``, so a new assessment would otherwise
    write over the previous one's answers. The archived copy is an ordinary profile file,
    named by when it was last saved and offered after the recent profiles (``archived_drafts``);
    its ``.bak`` goes with it. A draft with no answers is left to be replaced. ``SaveError``
    when the move fails, so the caller does not overwrite it either.
    """
    path = draft_path()
    if not path.is_file():
        return None
    info = load_draft()
    if info is not None and info.answered == 0 and not info.profile.not_relevant:
        return None  # nothing to lose; an unreadable draft is kept, it may hold answers
    try:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
        target = free_path(path.with_name(f"{ARCHIVED_PREFIX}{stamp}.toml"))
        path.rename(target)
    except OSError as exc:
        raise SaveError(f"cannot keep the previous draft: {exc.strerror or exc}", path) from None
    with contextlib.suppress(OSError):
        path.with_name(DRAFT_NAME + ".bak").rename(target.with_name(target.name + ".bak"))
    return target


#: Archived drafts are ``draft-<date-time>.toml`` in the data dir.
ARCHIVED_PREFIX = "draft-"
#: Archived drafts offered after the recent profiles (never instead of them).
MAX_DRAFTS_SHOWN = 2
#: Archived drafts kept before the welcome screen offers to clear the older ones: they are
#: never deleted without asking, since each holds answers saved nowhere else.
MAX_DRAFTS = 5


def is_archived_draft(path: Path) -> bool:
    return (path.name.startswith(ARCHIVED_PREFIX) and path.suffix == ".toml"
            and resolved(path.parent) == resolved(data_dir()))


def archived_drafts() -> list[Path]:
    """Archived drafts, newest first. Those holding nothing (no answer, no "not relevant":
    nothing unsaved) are removed as they are found; every other one is kept."""
    folder = data_dir()
    found: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{ARCHIVED_PREFIX}*.toml"):
            try:
                mtime = path.stat().st_mtime
                profile = load_profile(path)
            except (CareerfitError, OSError):
                found.append((0.0, path))  # unreadable: kept, it may hold answers
                continue
            if not profile.answers and not profile.not_relevant:
                discard_drafts([path])
                continue
            found.append((mtime, path))
    return [p for _, p in sorted(found, key=lambda x: (x[0], x[1].name), reverse=True)]


def stale_drafts() -> list[Path]:
    """Archived drafts beyond the ``MAX_DRAFTS`` newest: what the welcome screen may offer to
    delete (``discard_drafts``), asking first."""
    return archived_drafts()[MAX_DRAFTS:]


def discard_drafts(paths: list[Path]) -> None:
    """Delete archived drafts and their backups (the user asked, or they held nothing)."""
    for path in paths:
        if not is_archived_draft(path):
            continue  # only ever draft-*.toml in the data dir
        for p in (path, path.with_name(path.name + ".bak")):
            with contextlib.suppress(OSError):
                p.unlink()


def discard_draft() -> None:
    for path in (draft_path(), draft_path().with_name(DRAFT_NAME + ".bak")):
        with contextlib.suppress(OSError):
            path.unlink()
