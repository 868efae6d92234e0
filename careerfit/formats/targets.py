"""Saved targets: postings kept in a profile as ``[targets.NAME]`` and read back as roles.

A profile keeps unknown keys, so a saved posting is plain TOML in the person's own file,
scored later like any role through ``careerfit.core.role_fit``.

May import: the core, ``careerfit.core.errors`` and, lazily, the file models (a saved target is
validated as a role). ``bank_with_role`` and ``assess_role`` moved to ``careerfit.core.role_fit``
(pure, so the posting reader scores a posting without this module) and are re-exported here.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Any

from careerfit.core.domain import Bank, Profile, Role
from careerfit.core.errors import ProfileError, UsageError
from careerfit.core.role_fit import assess_role, bank_with_role
from careerfit.core.text import clean_text
from careerfit.postings.titles import MAX_TITLE, clean_title

if TYPE_CHECKING:
    from careerfit.postings.reader import PostingAnalysis

#: Saved targets become roles with this id prefix, so they never clash with the bank's roles.
TARGET_PREFIX = "target-"

__all__ = ["TARGET_PREFIX", "assess_role", "bank_with_role", "role_from_target", "saved_targets",
           "target_entry", "with_target"]


_TARGET_NAME = re.compile(r"[A-Za-z0-9_-]{1,60}")


def target_entry(analysis: PostingAnalysis, saved: str = "", source: str = "") -> dict[str, Any]:
    """The ``[targets.NAME]`` table a profile stores for a posting (plain TOML types only)."""
    entry: dict[str, Any] = {
        "title": analysis.title,
        "reads_like": analysis.reads_like,
        "requires": {a: {"level": d.level, "importance": d.importance} for a, d in analysis.demands.items()},
    }
    if saved:
        entry["saved"] = saved
    if source:
        entry["source"] = clean_text(source, single_line=True)[:200]
    return entry


def role_from_target(name: str, entry: Any, bank: Bank | None = None) -> Role:
    """A saved target back as a ``Role`` (id ``target-NAME``); ``ProfileError`` if malformed."""
    if not _TARGET_NAME.fullmatch(name):
        raise ProfileError(f"targets: '{name}' is not a valid target name (letters, digits, _ and -)")
    if not isinstance(entry, dict) or not isinstance(entry.get("requires"), dict):
        raise ProfileError(f"targets -> {name}: needs a 'requires' table")
    title = entry.get("title", "")
    if not isinstance(title, str):
        raise ProfileError(f"targets -> {name} -> title: must be text")
    title = clean_title(title)[:MAX_TITLE]
    from pydantic import ValidationError

    from careerfit.formats.fields import format_validation
    from careerfit.formats.models import validate_role

    try:
        role = validate_role({
            "id": f"{TARGET_PREFIX}{name}",
            "name": f"Saved posting: {title or name}",
            "description": f"Saved target '{name}', read from a job posting.",
            "titles": (title,) if title else (),
            "sources": ({"title": "Saved job posting", "ref": str(entry.get("source", ""))[:200]},),
            "requires": entry["requires"],
        })
    except ValidationError as exc:
        raise ProfileError(f"targets -> {name}: {format_validation(exc)}") from None
    if bank is not None:
        unknown = sorted(set(role.requires) - {a.id for a in bank.areas})
        if unknown:
            raise ProfileError(f"targets -> {name}: unknown area '{unknown[0]}'")
    if not any(r.level > 0 and r.importance > 0 for r in role.requires.values()):
        raise ProfileError(f"targets -> {name}: requires nothing")
    return role


def saved_targets(profile: Profile, bank: Bank | None = None) -> dict[str, Role]:
    """Every ``[targets.NAME]`` of a profile as a role, in file order."""
    raw = profile.extra.get("targets", {})
    if not isinstance(raw, dict):
        raise ProfileError("targets: must be a table of named targets")
    return {name: role_from_target(name, entry, bank) for name, entry in raw.items()}


def with_target(profile: Profile, name: str, analysis: PostingAnalysis, *, saved: str = "",
                source: str = "") -> Profile:
    """A copy of the profile with the posting saved as ``[targets.NAME]`` (replacing one of that name)."""
    if not _TARGET_NAME.fullmatch(name):
        raise UsageError(f"target name '{name}' must be 1-60 letters, digits, '_' or '-'")
    targets = dict(profile.extra.get("targets") or {})
    targets[name] = target_entry(analysis, saved=saved, source=source)
    return dataclasses.replace(profile, extra={**profile.extra, "targets": targets})
