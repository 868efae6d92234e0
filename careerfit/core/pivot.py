"""How people really move: the rules behind the easiest pivot. Pure functions.

Four principles a practitioner uses when advising a move (README "How scoring works"):

1. **Forward or sideways, never back.** A role that asks no more than you, or than your
   current job, in any area is a *step back* (a data scientist to data analyst); so is one
   that gives you no new work to own at production level, puts none of your hard-won
   strengths to work and asks less than you of your job's core areas (an analytics engineer
   to data analyst), unless your answers fit it better than your own job (a BI developer,
   analyst by title, to analytics engineer: you already do more of that job than of yours).
   A role your job covers (though not you) is not back when people from your role are
   measured to move there beyond chance and at least as often as the other way
   (``with_the_flow``: a data engineer to software engineer), nor when you already lead its
   core work, above its bar, beyond what your job asks (``leads_its_core``: an architect of
   data platforms to data engineer). A step back is never the pivot, however few hours it
   would take.
2. **Hard-won strengths carry over.** The areas that cost most to learn (mathematics,
   research, ML: a first step of ``hard_won_hours`` or more) are valued by a role that puts
   them to work: when it asks one of them at your level (or at 3, the mid-level bar), your
   hard-won skill above its bars in the areas it uses is not counted as unused. A role that
   asks none of them at your level leaves them idle, and they count as unused strength.
3. **Gaps are learnt on the job**: the distance counts the gap hours beyond what your current
   job already asks (up to its bar you learn where you are), each level step costing more
   than the one before, plus twice the unused strength. Both are weighed by how much the
   target weighs each area (``weight``: its importance, on O*NET's 1-5 scale, over that of
   the target's core): a gap to a minor requirement (a research bar of 1 for an ML engineer,
   importance 1) is mostly learnt in the new job, a gap in its core is not; and skill above
   a bar is put to work in that same share, so only the rest of it is unused.
   A role that asks nothing of its core beyond where you stand, while you are above its bar
   in a hard-won core area, hires you a level below your work (``levels_given_up``: an ML
   engineer at ML 4 to data scientist, whose core asks ML 3): the hours of the levels given
   up count once, like a gap, since you would climb back to them, unless the move is with
   the flow.
4. **Moves people make.** A move measured in ``questions/moves.toml`` (Kaggle 2017: the share
   of the target's people who came from your role, and its lift over the base rate of your
   title) takes ``move_weight`` x ``(1 - 1 / lift)`` off its distance, when you declared your role.

With no declared role you are not assumed to hold your best fit (issue 10): nothing is learnt
on a job, there is no measured move, the core areas of your best fit stand in for a job's in
rule 1 (what your answers are about, not its bars), and the pivot is the easiest role to get
into, your best fit included while it is not within reach (``scoring.assess``).

May import: the core only (``domain``): no pydantic, no terminal, no file I/O.
"""

from __future__ import annotations

from collections.abc import Mapping

from careerfit.core.domain import Area, Bank, Move, Role

#: A role's bar at mid level: a role asking an area at 3 puts all of a hard-won strength to work.
MID_LEVEL = 3.0
#: A role uses an area when it asks it at least "done it at work, with help".
AT_WORK = 2.0


def asks(role: Role | None, area_id: str) -> float:
    """The level a role asks of an area (0 when the area is not part of the job, or no job)."""
    req = role.requires.get(area_id) if role is not None else None
    return float(req.level) if req is not None and req.importance > 0 else 0.0


def weight(role: Role, area_id: str) -> float:
    """How much of an area the role puts to work: its importance against the role's core
    (the areas it weighs most), 0 for an area it does not ask, 1 for its core."""
    top = max((r.importance for r in role.requires.values() if r.level > 0), default=0.0)
    req = role.requires.get(area_id)
    return req.importance / top if req is not None and req.level > 0 and top > 0 else 0.0


def hard_won(bank: Bank, area: Area) -> bool:
    return area.effort_hours >= bank.scoring.hard_won_hours


def hard_won_strengths(bank: Bank, levels: Mapping[str, float]) -> tuple[str, ...]:
    """Hard-won areas you work in (level 2 or more)."""
    return tuple(a.id for a in bank.areas if hard_won(bank, a) and levels.get(a.id, 0.0) >= AT_WORK)


def values_hard_won(bank: Bank, levels: Mapping[str, float], role: Role) -> bool:
    """Does the role put one of your hard-won strengths to work at your level (up to mid level)?"""
    return any(asks(role, a) >= min(levels[a], MID_LEVEL) for a in hard_won_strengths(bank, levels))


def is_step_back(bank: Bank, levels: Mapping[str, float], role: Role, current: Role | None,
                 fits_better: bool = False, best_fit: Role | None = None) -> bool:
    """A role that asks no more than you or your job anywhere; or one that gives you no new
    work to own, puts none of your hard-won strengths to work and asks less than you of what
    your work is about.

    Your job's bars count as where you stand (you learn them where you are), so a role your
    job covers narrows your work, with two exceptions, where the rest of this rule decides:
    a move measured with the flow (``with_the_flow``), and a role whose core you already
    lead beyond your job (``leads_its_core``). A role asking no more than you anywhere is
    always back.

    No new work to own: it asks nothing at production level (3, "on my own") above where you
    stand (your level, or what your current job asks, whichever is higher); growing only to
    "tried it" or "with help" somewhere is not a step forward. What your work is about: your
    job's core areas, those it weighs most; with no declared job, those of ``best_fit``, the
    role your answers fit best (only its core is read, not its bars: you are not assumed to
    hold it). A role asking one of them at your level (up to the mid-level bar) is a sideways
    move, not back. ``fits_better``: your fit to the role (as shown) is above your fit to your
    current job, or with no declared job it is your best fit; a move to where your answers
    already are is sideways, whatever your title, and the fit table would contradict calling
    it back.
    """
    you = {a.id: levels.get(a.id, 0.0) for a in bank.areas}
    if all(asks(role, a) <= you[a] for a in you):
        return True
    stand = {a: max(you[a], asks(current, a)) for a in you}
    if all(asks(role, a) <= stand[a] for a in stand) and not (
            with_the_flow(bank, current, role) or leads_its_core(you, role, current)):
        return True
    if any(asks(role, a) >= MID_LEVEL and asks(role, a) > stand[a] for a in stand):
        return False
    if values_hard_won(bank, levels, role) or fits_better:
        return False
    about = current if current is not None else best_fit
    core = core_areas(about) if about is not None else ()
    return bool(core) and all(asks(role, a) < min(levels.get(a, 0.0), MID_LEVEL) for a in core)


def with_the_flow(bank: Bank, current: Role | None, role: Role) -> bool:
    """Do people from your role move to this one beyond chance (lift above 1), and at least as
    often as people move the other way (Kaggle 2017)?

    Where your job covers a role, the measured flow says whether people read the move as a
    step back: 13.5% of software engineers had been DBA / database engineers (lift 1.85,
    against 1.76 the other way: peers), while data scientist to statistician (1.38, against
    1.74 from statistician to data scientist) and to data analyst (0.89) go against it or
    below chance, and stay steps back."""
    move = bank.move(current.id, role.id) if current is not None else None
    if move is None or move.lift is None or move.lift <= 1:
        return False
    back = bank.move(role.id, move.from_role)
    return back is None or back.lift is None or move.lift >= back.lift


def leads_its_core(levels: Mapping[str, float], role: Role, current: Role | None) -> bool:
    """Do you already do the role's core work above its (mid-level) bar, in areas your job
    asks less of than the role does?

    Then the role's core is your strongest work beyond your title: at your level its core is
    asked above the mid-level profile, so the profile asking no more than you and your job
    does not make it a step back (an architect of lakehouse migrations, data engineering 4
    where the architect's job asks 2, to data engineer, whose core asks 3). Meeting the bar is
    not leading it: a data scientist at the statistician's statistics bar of 4 (the study
    design others follow is that job at mid level) stays a step back from their job."""
    core = core_areas(role)
    return current is not None and bool(core) and all(
        levels.get(a, 0.0) > asks(role, a) > asks(current, a) for a in core)


def levels_given_up(bank: Bank, levels: Mapping[str, float], role: Role, current: Role | None) -> tuple[str, ...]:
    """The role's hard-won core areas you would do below your level: a step down in seniority.

    When a role asks nothing of its core (the areas it weighs most) beyond where you stand,
    the move gives you none of its main work to grow into; if you are then above its
    (mid-level) bar in a hard-won core area, you would be hired at that bar, a level below the
    one your work is at, and would have to climb back: an ML engineer at ML 4 (setting the
    approach others follow) to data scientist, whose core asks ML 3 and statistics 3, which
    they already have. Where the role's core still asks more of you (a data scientist at
    ML 4 to ML engineer, whose core also asks software and MLOps at 3), the move is a real
    step forward and your level above its ML bar is a hard-won strength that carries over.
    Not with the flow (``with_the_flow``): where people from your role are measured to move
    there more than the other way (statistician to data scientist, 1.74 against 1.38), the
    market does not read it as a step down. With no declared job, none: no level is paid."""
    core = core_areas(role)
    if current is None or not core or with_the_flow(bank, current, role):
        return ()
    if any(asks(role, a) > max(levels.get(a, 0.0), asks(current, a)) for a in core):
        return ()
    return tuple(a for a in core if hard_won(bank, bank.area(a)) and levels.get(a, 0.0) > asks(role, a))


def core_areas(role: Role) -> tuple[str, ...]:
    """What a job is about: the areas it weighs most."""
    top = max((r.importance for r in role.requires.values() if r.level > 0), default=0.0)
    return tuple(a for a, r in role.requires.items() if r.level > 0 and r.importance == top > 0)


def move_prior(bank: Bank, current: str, target: str, declared: bool) -> float:
    """The share taken off a move's distance for being a measured move beyond chance (0 if none).

    ``move_weight`` x the part of the measured flow that is not explained by how common your
    past title is: ``1 - 1 / lift`` (0 at or below chance). The raw share would favour common
    past titles (22% of everyone had been a Researcher, so 37% of statisticians is a lift of
    only 1.7) and small target titles; the lift is the same read from either side.
    """
    move = bank.move(current, target)
    if not declared or move is None or move.lift is None or move.lift <= 1:
        return 0.0
    return bank.scoring.move_weight * (1 - 1 / move.lift)


def evidence(bank: Bank, current: str, target: str) -> Move | None:
    """The measured evidence of this move, if any (shown to the person)."""
    return bank.move(current, target)
