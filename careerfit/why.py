"""Why the pivot is the easiest, in words: one builder for the report and the results screen.

Pure: every sentence comes from the ``Assessment`` and the bank's measured moves, so the app
and ``careerfit report`` say the same thing in the same words.
"""

from __future__ import annotations

from careerfit.domain import Bank, Role
from careerfit.scoring import Assessment, strengths

#: A measured share at or above this is "a common move".
COMMON_MOVE = 0.10
MAX_NAMED = 3

LEGEND = (
    "fit: share of the role's requirements you meet, weighted by importance · "
    "effort: hours (and weeks at your pace) to close the gaps · "
    "within reach: fit of 90% or more, you could apply now · "
    "keeps: your strengths the role puts to work"
)


def _people(role: Role) -> str:
    """'ML engineers', 'data scientists', 'statisticians': the role's people, in a sentence."""
    name = role.name.split(" / ")[0]
    if not (len(name) > 1 and name[1].isupper()):
        name = name[:1].lower() + name[1:]
    return name + "s"


def _names(bank: Bank, areas: tuple[str, ...] | list[str]) -> str:
    names = [bank.area(a).label for a in areas[:MAX_NAMED]]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def move_evidence(bank: Bank, current: str, target: str) -> str:
    """What the measured data says about this move, as a clause."""
    move = bank.move(current, target)
    here, there = bank.role(current), bank.role(target)
    if move is not None and move.share:
        kind = "a common move" if move.share >= COMMON_MOVE else "a less common move"
        return f"{kind}: {move.share:.0%} of {_people(there)} were {_people(here)} before, Kaggle 2017"
    if move is not None and move.onet:
        return f"O*NET lists their occupations as related, {move.onet}"
    return "no measured data on this move"


def pivot_label(bank: Bank, a: Assessment) -> str:
    """'ML engineer', or 'ML engineer, nearly tied with AI engineer' when the runner-up is close."""
    if a.pivot is None:
        return ""
    name = bank.role(a.pivot).name
    if a.nearly_tied and a.runner_up is not None:
        return f"{name}, nearly tied with {bank.role(a.runner_up).name}"
    return name


def why_pivot(bank: Bank, a: Assessment) -> str:
    """One or two sentences: what carries over, what must be learnt, that people make the move."""
    if a.pivot is None:
        return "Every other role asks no more of you than what you already do: no pivot to suggest."
    s = a.role(a.pivot)
    kept = strengths(a, a.pivot)
    gaps = sorted((af for af in s.areas if af.gap > 0), key=lambda af: -af.gap_hours)
    name = bank.role(a.pivot).name
    parts = [f"{name} keeps your {_names(bank, kept)}" if kept else f"{name} keeps little of what you do now"]
    if gaps:
        learn = ", ".join(f"{bank.area(af.area).label} {_lvl(af.you)} to {af.required:g}" for af in gaps[:MAX_NAMED])
        more = f" and {len(gaps) - MAX_NAMED} more" if len(gaps) > MAX_NAMED else ""
        parts.append(f"to learn on the job: {learn}{more}")
    else:
        parts.append("nothing to learn")
    parts.append(move_evidence(bank, a.current_role, a.pivot) if a.current_declared
                 else "declare your current role to compare this move with the moves people make")
    text = "; ".join(parts) + "."
    if a.runner_up is not None and a.margin is not None:
        runner = bank.role(a.runner_up).name
        text += (f" Nearly tied with {runner}, {a.margin:.0%} further." if a.nearly_tied
                 else f" Next: {runner}, {a.margin:.0%} further.")
    return text


def _lvl(level: float | None) -> str:
    return "unknown" if level is None else f"{level:.1f}".removesuffix(".0")
