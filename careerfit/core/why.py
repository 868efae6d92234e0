"""Why the pivot is the easiest, in words: one builder for the report and the results screen.

Pure: every sentence comes from the ``Assessment`` and the bank's measured moves, so the app
and ``careerfit report`` say the same thing in the same words.

May import: the core only (``domain``, ``scoring``, ``text``): no pydantic, no terminal.
"""

from __future__ import annotations

from careerfit.core.domain import Bank, Role
from careerfit.core.scoring import Assessment, strengths

#: Areas named in a list before "and N more": the why fits two lines of the results screen.
MAX_NAMED = 2

#: What the results screen's words mean, one short line each (the report's method says more).
LEGEND = (
    "fit: requirements met, by weight · "
    "effort: hours to close the gaps · "
    "within reach: fit 90%+, apply now · "
    "keeps: your strengths it uses"
)


def _people(role: Role) -> str:
    """'ML engineers', 'data scientists', 'statisticians': the role's people, in a sentence."""
    name = role.name.split(" / ")[0]
    if not (len(name) > 1 and name[1].isupper()):
        name = name[:1].lower() + name[1:]
    return name + "s"


def short_list(bank: Bank, areas: tuple[str, ...] | list[str]) -> str:
    """'ML & DL', 'ML & DL and Statistics', 'ML & DL, Statistics and 3 more' (short labels)."""
    names = [bank.area(a).label for a in areas[:MAX_NAMED]]
    rest = len(areas) - len(names)
    if rest > 0:
        return ", ".join(names) + f" and {rest} more"
    return names[0] if len(names) == 1 else " and ".join(names)


def move_evidence(bank: Bank, current: str, target: str) -> str:
    """What the measured data says about this move, as a short clause."""
    move = bank.move(current, target)
    here, there = bank.role(current), bank.role(target)
    if move is not None and move.share:
        return f"{move.share:.0%} of {_people(there)} were {_people(here)}, Kaggle 2017"
    if move is not None and move.onet:
        return f"O*NET lists {_people(there)} {_ONET_TIER.get(move.onet, 'as related')} to {_people(here)}"
    return "no data on this move"


#: O*NET's tiers of related occupations in plain words (Primary-Short: its closest few).
_ONET_TIER = {"Primary-Short": "among the occupations closest", "Primary-Long": "among the occupations related",
              "Supplemental": "as loosely related"}


def pivot_label(bank: Bank, a: Assessment) -> str:
    """'ML engineer', or 'ML engineer, nearly tied with AI engineer' when the runner-up is close."""
    if a.pivot is None:
        return ""
    name = bank.role(a.pivot).name
    if a.nearly_tied and a.runner_up is not None:
        return f"{name}, nearly tied with {bank.role(a.runner_up).name}"
    return name


def no_pivot(a: Assessment) -> str:
    """Why there is no pivot: every candidate is a step back (or, with no declared role, within reach)."""
    if a.current_role is None:
        return "every role is within reach or asks no more of you than what you already do"
    return "every other role asks no more of you than what you already do"


def why_pivot(bank: Bank, a: Assessment) -> str:
    """Two short lines: what carries over, what must be learnt, whether people make the move,
    and the runner-up with its margin. The report's Why line and the results screen both use it."""
    if a.pivot is None:
        reason = no_pivot(a)
        return f"{reason[:1].upper()}{reason[1:]}: no pivot to suggest."
    s = a.role(a.pivot)
    weight = {af.area: af.importance for af in s.areas}
    kept = sorted(strengths(a, a.pivot), key=lambda x: -weight[x])  # what the role weighs most first
    gaps = [af.area for af in sorted((af for af in s.areas if af.gap > 0), key=lambda af: -af.gap_hours)]
    parts = [f"keeps {short_list(bank, kept)}" if kept else "keeps little of what you do"]
    parts.append(f"learn {short_list(bank, gaps)}" if gaps else "nothing to learn")
    if a.current_role is not None:
        parts.append(move_evidence(bank, a.current_role, a.pivot))
    elif a.pivot == a.best_fit:
        parts.append("your best fit, not yet within reach")
    text = "; ".join(parts) + "."
    if a.runner_up is not None and a.margin is not None:
        runner = bank.role(a.runner_up).name
        if a.margin < 0:  # nearly tied and closer, but you fit the pivot better
            text += f" Nearly tied with {runner}: {-a.margin:.0%} closer, but a fit of {a.role(a.runner_up).fit:.0f}%."
        elif a.nearly_tied:
            text += f" Nearly tied with {runner}, {a.margin:.0%} further."
        else:
            text += f" Next: {runner}, {a.margin:.0%} further."
    return text[:1].upper() + text[1:]


def _lvl(level: float | None) -> str:
    return "unknown" if level is None else f"{level:.1f}".removesuffix(".0")
