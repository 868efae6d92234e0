"""Which questions a sitting asks (quick check or full assessment), and the checks on the
details a person types (name, role, hours, mode) before any file is written.

May import: ``careerfit.core``.
"""

from __future__ import annotations

from typing import Literal

from careerfit.core.domain import MAX_HOURS, MAX_NAME, MIN_HOURS, Bank, Profile, Question, hours_ok
from careerfit.core.errors import ProfileError
from careerfit.core.text import clean_text

Mode = Literal["quick", "full"]
MODES: tuple[Mode, ...] = ("quick", "full")
#: The profile key (an extra key, kept on round trips) remembering which set was asked.
MODE_KEY = "mode"


def questions_for_mode(bank: Bank, mode: Mode) -> tuple[Question, ...]:
    """Quick check: the bank's ``quick = true`` questions (one or two per area); full: all.

    Both go area by area in the bank's area order (the order of the area list beside the
    questions), not file order. An area without any quick question still gets its first
    question, so the quick check never leaves an area unknown just because a user's bank
    forgot to flag one.
    """
    chosen: list[Question] = []
    for area in bank.areas:
        qs = bank.questions_for(area.id)
        if mode == "full":
            chosen.extend(qs)
        else:
            quick = [q for q in qs if q.quick]
            chosen.extend(quick or qs[:1])
    return tuple(chosen)


def mode_of(profile: Profile) -> Mode:
    value = profile.extra.get(MODE_KEY)
    return value if value in MODES else "full"


def check_details(bank: Bank, name: str, current_role: str | None, hours_per_week: float, mode: str,
                  *, what: str = "profile settings") -> str:
    """The welcome form's and the settings dialog's values checked against the limits
    ``ProfileModel`` applies to a file (``careerfit.core.domain``'s constants); the cleaned name.
    ``ProfileError`` naming the first problem."""
    if len(name) > MAX_NAME:  # before cleaning, as ProfileModel checks a file's name
        raise ProfileError(f"invalid {what}: the name is over {MAX_NAME} characters")
    if not hours_ok(hours_per_week):
        raise ProfileError(f"invalid {what}: hours a week must be {MIN_HOURS:g} to {MAX_HOURS:g}")
    if current_role and not bank.has_role(current_role):
        raise ProfileError(f"invalid {what}: unknown role '{current_role}'")
    if mode not in MODES:
        raise ProfileError(f"invalid {what}: mode must be one of {', '.join(MODES)}")
    return clean_text(name, single_line=True)
