"""The welcome screen's list: profiles saved or opened lately, then the newest archived drafts.
A convenience: a broken list reads as empty and writing it never fails a save.

May import: ``careerfit.core``, ``careerfit.formats`` and ``session.paths`` / ``session.drafts``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from careerfit.core.domain import Profile
from careerfit.core.errors import CareerfitError
from careerfit.core.text import clean_text
from careerfit.formats.profile_io import load_profile
from careerfit.formats.tomlio import atomic_write, dump_toml, read_toml
from careerfit.session.drafts import MAX_DRAFTS_SHOWN, archived_drafts, is_archived_draft
from careerfit.session.paths import data_dir

RECENT_NAME = "recent.toml"
MAX_RECENT = 8


@dataclass(frozen=True)
class RecentEntry:
    """A line of the welcome screen's list. ``saved_at`` is the file's last change on disk
    (whoever saved it), ``opened_at`` when careerfit last opened or saved it here."""

    path: Path
    name: str
    answered: int
    saved_at: float
    opened_at: float = 0.0
    #: "profile", or "draft" for an archived draft (listed after the profiles).
    kind: str = "profile"

    def when(self, now: float | None = None) -> str:
        """What happened last, truthfully: "saved 2 days ago", or "opened 5 minutes ago"
        when it was opened after its last save."""
        if self.opened_at > self.saved_at + 1:
            return f"opened {ago(self.opened_at, now)}"
        return f"saved {ago(self.saved_at, now)}"


def _recent_raw() -> list[dict[str, object]]:
    path = data_dir() / RECENT_NAME
    if not path.is_file():
        return []
    try:
        raw = read_toml(path, what="recent list").get("recent", [])
    except CareerfitError:
        return []
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []


def recent_profiles() -> list[RecentEntry]:
    """Profiles saved or opened lately, newest first (at most ``MAX_RECENT``), then the newest
    archived drafts (at most ``MAX_DRAFTS_SHOWN``), so drafts never push a profile off the
    list. Files that no longer exist are left out; a broken list is treated as empty."""
    out: list[RecentEntry] = []
    for item in _recent_raw():
        try:
            path = Path(str(item["path"]))
            if is_archived_draft(path):
                continue  # listed with the drafts, below
            opened = float(item.get("opened_at", item.get("saved_at", 0.0)))  # type: ignore[arg-type]
            entry = RecentEntry(path, clean_text(str(item.get("name", "")), single_line=True),
                                int(item.get("answered", 0)), path.stat().st_mtime, opened)  # type: ignore[call-overload]
        except (KeyError, TypeError, ValueError, AttributeError, OSError):
            continue
        out.append(entry)
        if len(out) == MAX_RECENT:
            break
    for path in archived_drafts()[:MAX_DRAFTS_SHOWN]:
        try:
            profile = load_profile(path)
            out.append(RecentEntry(path.resolve(), profile.name, len(profile.answers), path.stat().st_mtime,
                                   kind="draft"))
        except (CareerfitError, OSError):
            continue
    return out


def remember(path: Path, profile: Profile) -> None:
    """Put ``path`` first in the recent list. Never raises: the list is a convenience."""
    try:
        entry = {"path": str(path.resolve()), "name": profile.name, "answered": len(profile.answers),
                 "opened_at": time.time()}
        others = [item for item in _recent_raw() if str(item.get("path")) != entry["path"]]
        # Not fsynced: a convenience list, and the sync would delay opening every profile.
        atomic_write(data_dir(create=True) / RECENT_NAME, dump_toml({"recent": [entry, *others][:MAX_RECENT * 2]}),
                     backup=False, durable=False)
    except (CareerfitError, OSError, TypeError, ValueError):
        pass


def ago(timestamp: float, now: float | None = None) -> str:
    """'10 minutes ago', for the welcome screen's resume entries."""
    seconds = max((now if now is not None else time.time()) - timestamp, 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"
