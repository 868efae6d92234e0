"""Progress over time: the sittings a profile keeps, and what changed since one. Pure.

A profile keeps one ``Sitting`` per day it was answered (``[[sittings]]`` in the file): the
date and the answers, "not relevant" areas, role and hours as they stood at the end of that
day's sitting. At most ``MAX_SITTINGS`` are kept; past that, the sitting closest in time to
the one before it is dropped (never the first nor the latest), so a long history thins
evenly: a year of weekly sittings keeps about one a fortnight, and the first sitting, the
baseline a mentor compares with, always stays.

``since`` compares the profile now with an earlier sitting, scored by the one scoring
implementation: the level in every area, the fit to every role and the pivot, then and now.
``careerfit report`` renders it (the "Since DATE" section, and ``since`` in the JSON); the
app can show ``area_changes`` beside today's bars.

May import: the core (``domain``, ``scoring``) and ``renamed`` (for old answers).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date as Date
from typing import NamedTuple

from careerfit.core.domain import MAX_SITTINGS, Bank, Profile, Sitting
from careerfit.core.errors import UsageError


def sitting_of(profile: Profile, day: str) -> Sitting:
    """The profile as it stands now, as the sitting of ``day`` (YYYY-MM-DD)."""
    return Sitting(day, dict(profile.answers), tuple(profile.not_relevant), profile.current_role,
                   profile.hours_per_week)


def _days(day: str) -> int:
    return Date.fromisoformat(day).toordinal()


def thin(sittings: tuple[Sitting, ...], limit: int = MAX_SITTINGS) -> tuple[Sitting, ...]:
    """At most ``limit`` sittings: drop, one at a time, the one closest to its predecessor
    (the older one on a tie), never the first or the latest."""
    kept = list(sittings)
    while len(kept) > max(limit, 2):
        gaps = [(_days(kept[i].date) - _days(kept[i - 1].date), i) for i in range(1, len(kept) - 1)]
        kept.pop(min(gaps)[1])
    return tuple(kept)


def with_sitting(sittings: tuple[Sitting, ...], sitting: Sitting, limit: int = MAX_SITTINGS) -> tuple[Sitting, ...]:
    """``sittings`` with ``sitting`` recorded: it replaces one of the same day, in date order.
    A day that changed nothing since the sitting before it (a profile opened and closed) adds
    no sitting, so the kept ones are days something changed."""
    by_day = {s.date: s for s in sittings}
    if sitting.date not in by_day:
        earlier = [d for d in sorted(by_day) if d < sitting.date]
        if earlier and by_day[earlier[-1]]._replace(date=sitting.date) == sitting:
            return tuple(sittings)
    by_day[sitting.date] = sitting
    return thin(tuple(by_day[d] for d in sorted(by_day)), limit)


def as_of(profile: Profile, sitting: Sitting) -> Profile:
    """The profile as it was at ``sitting`` (settings a sitting did not record stay as now)."""
    return replace(
        profile, answers=dict(sitting.answers), not_relevant=list(sitting.not_relevant),
        current_role=sitting.current_role if sitting.current_role is not None else profile.current_role,
        hours_per_week=sitting.hours_per_week if sitting.hours_per_week is not None else profile.hours_per_week,
    )


def parse_day(text: str) -> str:
    """``--since``'s date, checked: YYYY-MM-DD (``UsageError`` otherwise)."""
    try:
        if len(text) != 10:
            raise ValueError
        return Date.fromisoformat(text).isoformat()
    except ValueError:
        raise UsageError(f"--since: '{text}' is not a date (use YYYY-MM-DD, e.g. 2026-11-02)") from None


def pick_sitting(profile: Profile, since: str | None = None) -> Sitting | None:
    """The sitting to compare with: the latest on or before ``since``; without ``since``,
    the latest before the last sitting's day (``None`` with fewer than two sittings).

    ``UsageError`` when ``since`` is not a date or no sitting is that old.
    """
    sittings = sorted(profile.sittings, key=lambda s: s.date)
    if since is None:
        if len(sittings) < 2:
            return None
        return [s for s in sittings if s.date < sittings[-1].date][-1]
    day = parse_day(since)
    earlier = [s for s in sittings if s.date <= day]
    if not earlier:
        first = f"; the first is {sittings[0].date}" if sittings else "; this profile has none recorded yet"
        raise UsageError(f"--since {day}: no sitting on or before that day{first}")
    return earlier[-1]


class AreaChange(NamedTuple):
    area: str
    then: float | None  # None: not answered then
    now: float | None

    @property
    def change(self) -> float | None:
        return None if self.then is None or self.now is None else self.now - self.then


class RoleChange(NamedTuple):
    role: str
    then: float  # fit, 0-100
    now: float

    @property
    def change(self) -> float:
        return self.now - self.then


class Progress(NamedTuple):
    """The profile now against one earlier sitting."""

    since: str
    areas: tuple[AreaChange, ...]
    roles: tuple[RoleChange, ...]  # in today's order (best fit first)
    pivot_then: str | None
    pivot_now: str | None
    answered_then: int
    answered_now: int


def compare(bank: Bank, profile: Profile, then: Sitting) -> Progress:
    """Level per area, fit per career role and the pivot, at ``then`` and now."""
    from careerfit.core.renamed import carry_renamed
    from careerfit.core.scoring import assess

    before = assess(bank, carry_renamed(as_of(profile, then), bank))
    now = assess(bank, profile)
    areas = tuple(AreaChange(a.id, before.skills[a.id].level, now.skills[a.id].level) for a in bank.areas)
    career = {r.id for r in bank.career_roles}
    roles = tuple(RoleChange(s.role_id, before.role(s.role_id).fit, s.fit) for s in now.roles if s.role_id in career)
    return Progress(then.date, areas, roles, before.pivot, now.pivot, before.answered, now.answered)


def since(bank: Bank, profile: Profile, day: str | None = None) -> Progress | None:
    """What changed since the sitting ``pick_sitting`` picks; ``None`` when there is none."""
    sitting = pick_sitting(profile, day)
    return None if sitting is None else compare(bank, profile, sitting)


def area_changes(bank: Bank, profile: Profile, day: str | None = None) -> dict[str, float | None]:
    """Area id -> level now minus level at the compared sitting (``None``: unknown then or
    now), for the app's bars; empty when there is no earlier sitting."""
    progress = since(bank, profile, day)
    return {} if progress is None else {c.area: c.change for c in progress.areas}
