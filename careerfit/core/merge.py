"""Three-way merge of a profile changed in two places at once. Pure.

Two windows (or a window and an editor) on one profile each hold the file as they last
read or wrote it (the *base*). When a window saves and finds the file changed since, its
own profile (*mine*) and the file's (*theirs*) are merged against that base, field by
field: answers, saved targets and every other table key by key, "not relevant" area by
area, the settings (name, role, hours, mode, notes) one by one. A change made on one side
only is kept; where both sides changed the same thing differently, the save in progress
is the later change and wins, and the merge says so (``MergeReport``), so the app can tell
the person rather than lose the other window's answer silently.

May import: the core only (``domain``): a pure three-way merge, no file I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from careerfit.core.domain import Profile

#: The profile's own settings, merged one by one ("mode" lives among the extra keys).
SETTINGS = ("name", "current_role", "hours_per_week", "notes")
_MISSING = object()


@dataclass(frozen=True)
class MergeReport:
    """What a save took from the other writer, and where both changed the same thing."""

    #: Question ids whose answer (or clearing) came from the other window.
    taken: tuple[str, ...] = ()
    #: Question ids changed in both windows differently: this window's answer was kept.
    conflicts: tuple[str, ...] = ()
    #: Settings and other keys taken from the other window / changed in both (this one kept).
    settings_taken: tuple[str, ...] = ()
    settings_conflicts: tuple[str, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.taken or self.conflicts or self.settings_taken or self.settings_conflicts)

    def message(self) -> str:
        """One short paragraph for the person: what came from elsewhere, what was overruled."""
        parts: list[str] = []
        if self.taken or self.settings_taken:
            got = [f"{len(self.taken)} answer{'' if len(self.taken) == 1 else 's'}"] if self.taken else []
            got += list(self.settings_taken)
            parts.append("The file was changed in another window meanwhile; kept its " + ", ".join(got) + " too.")
        if self.conflicts:
            ids = ", ".join(self.conflicts[:5]) + (", ..." if len(self.conflicts) > 5 else "")
            which = "question" if len(self.conflicts) == 1 else "questions"
            parts.append(f"{which.capitalize()} {ids} also changed in another window; kept yours.")
        if self.settings_conflicts:
            parts.append(", ".join(self.settings_conflicts).capitalize()
                         + " also changed in another window; kept yours.")
        return " ".join(parts)


def _pick(base: Any, mine: Any, theirs: Any) -> tuple[Any, str]:
    """The merged value and how it was chosen: "" (agreed or mine), "taken", "conflict"."""
    if mine == theirs or theirs == base:
        return mine, ""
    if mine == base:
        return theirs, "taken"
    return mine, "conflict"


def merge_maps(base: dict[str, Any], mine: dict[str, Any], theirs: dict[str, Any]
               ) -> tuple[dict[str, Any], list[str], list[str]]:
    """Key by key (a missing key is a value too: a cleared answer stays cleared). Order:
    mine's keys, then keys only the other side has."""
    out: dict[str, Any] = {}
    taken: list[str] = []
    conflicts: list[str] = []
    for key in [*mine, *(k for k in theirs if k not in mine), *(k for k in base if k not in mine and k not in theirs)]:
        value, how = _pick(base.get(key, _MISSING), mine.get(key, _MISSING), theirs.get(key, _MISSING))
        if value is not _MISSING:
            out[key] = value
        if how == "taken":
            taken.append(key)
        elif how == "conflict":
            conflicts.append(key)
    return out, taken, conflicts


def _merge_members(base: list[str], mine: list[str], theirs: list[str]) -> tuple[list[str], bool]:
    """Set membership, one member at a time; True when the result differs from ``mine``."""
    b, m, t = set(base), set(mine), set(theirs)
    out = [x for x in dict.fromkeys([*mine, *theirs]) if ((x in m) if (x in m) != (x in b) else (x in t))]
    return out, set(out) != m


def merge_profiles(base: Profile, mine: Profile, theirs: Profile) -> tuple[Profile, MergeReport]:
    """``mine`` and ``theirs``, both changed from ``base``, as one profile; ``mine`` wins a clash."""
    answers, taken, conflicts = merge_maps(base.answers, mine.answers, theirs.answers)
    settings: dict[str, Any] = {}
    s_taken: list[str] = []
    s_conflicts: list[str] = []
    for key in SETTINGS:
        value, how = _pick(getattr(base, key), getattr(mine, key), getattr(theirs, key))
        settings[key] = value
        (s_taken if how == "taken" else s_conflicts if how == "conflict" else []).append(key.replace("_", " "))
    extra: dict[str, Any] = {}
    for key in [*mine.extra, *(k for k in theirs.extra if k not in mine.extra),
                *(k for k in base.extra if k not in mine.extra and k not in theirs.extra)]:
        b, m, t = (p.extra.get(key, _MISSING) for p in (base, mine, theirs))
        if all(isinstance(v, dict) or v is _MISSING for v in (b, m, t)) and not (m is _MISSING or t is _MISSING):
            sub, got, clash = merge_maps(b if isinstance(b, dict) else {}, m, t)
            extra[key] = sub
            how = "conflict" if clash else "taken" if got else ""
        else:
            value, how = _pick(b, m, t)
            if value is not _MISSING:
                extra[key] = value
        (s_taken if how == "taken" else s_conflicts if how == "conflict" else []).append(key.replace("_", " "))
    not_relevant, nr_taken = _merge_members(base.not_relevant, mine.not_relevant, theirs.not_relevant)
    if nr_taken:
        s_taken.append("not relevant areas")
    sittings = merge_sittings(base.sittings, mine.sittings, theirs.sittings)
    merged = replace(mine, answers=answers, not_relevant=not_relevant, extra=extra, sittings=sittings, **settings)
    return merged, MergeReport(tuple(taken), tuple(conflicts), tuple(s_taken), tuple(s_conflicts))


def merge_sittings(base: tuple[Any, ...], mine: tuple[Any, ...], theirs: tuple[Any, ...]) -> tuple[Any, ...]:
    """Sittings by date: both sides' kept, mine's version of a date both changed."""
    b = {s.date: s for s in base}
    out = {s.date: s for s in theirs}
    for s in mine:
        if s.date not in out or b.get(s.date) != s:
            out[s.date] = s
    return tuple(out[d] for d in sorted(out))
