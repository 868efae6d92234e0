"""Scoring: skill levels, fit to each role, effort, and the easiest pivot. Pure functions.

The method (README "How scoring works" says the same in prose):

- Skill level of an area = mean of its answered questions; coverage = answered / asked.
  Skipped questions are left out, not counted as 0. An area with no answer at all is
  *unknown*: shown as unknown, and counted as level 0 in fits and efforts (nothing can be
  credited that was not told), which the report says. Areas marked "not relevant" are 0.
- Fit to a role = importance-weighted share of the role's required levels that are met:
  ``sum(w * min(you, req) / req) / sum(w)`` over areas the role needs, times 100.
- Step cost: going from level k to k+1 in an area costs ``effort_hours * step_multipliers[k]``
  (fractions pro rata), so higher steps and mathematically heavy areas cost more.
- Effort to a role = hours to close its gaps. Unused strength = hours of skill above what
  the role asks that the move would leave idle: all of it in an area the role does not ask,
  less the share it puts to work (``pivot.weight``) in one it does, none of hard-won skill a
  role values (``careerfit.core.pivot``). Distance = effort + weight * unused.
- Current role = the declared one; with none declared, none (you are not assumed to hold
  your best fit, issue 10). Best fit = highest fit (as shown, whole percent), ties broken by
  the smaller distance.
- Easiest pivot = among the other roles that are not a step back (and, with no declared
  role, not already within reach), the smallest pivot distance: gap hours beyond what your
  current job already asks (that part is learnt on the job you have), each by its weight in
  the target, + the hours of level given up in the target's hard-won core when it offers no
  new core work (``pivot.levels_given_up``), + weight * unused, less ``move_weight`` x the
  part of the measured move beyond chance, ``1 - 1/lift`` (``careerfit.core.pivot``); of
  candidates nearly tied with the closest, the one you fit best goes first. The runner-up
  and its margin say how robust it is.
- A posting or saved target added to the bank (``Bank.extra_roles``) is scored and can be
  the target, but is never the current role, best fit, within reach or the pivot.

May import: the core only (``domain``, ``pivot``, ``errors``): no pydantic, no terminal.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from math import floor
from typing import NamedTuple

from careerfit.core import pivot as moves
from careerfit.core.domain import Bank, Profile, Role
from careerfit.core.errors import UsageError

WEEKS_PER_MONTH = 52 / 12
MAX_ACTIONS_PER_STEP = 3


class SkillScore(NamedTuple):
    """A person's level in one area, and how much of it they answered."""

    area: str
    level: float | None
    answered: int
    asked: int
    not_relevant: bool = False

    @property
    def coverage(self) -> float:
        return self.answered / self.asked if self.asked else 0.0

    @property
    def known(self) -> bool:
        return self.level is not None

    @property
    def value(self) -> float:
        """The level used in computations: unknown counts as 0."""
        return self.level if self.level is not None else 0.0


class AreaFit(NamedTuple):
    """One area of one role: you against the requirement."""

    area: str
    you: float | None
    required: float
    importance: float
    gap: float
    gap_hours: float
    unused_hours: float


class RoleScore(NamedTuple):
    role_id: str
    name: str
    fit: float
    effort_hours: float
    unused_hours: float
    distance: float
    areas: tuple[AreaFit, ...]

    @property
    def gaps(self) -> dict[str, float]:
        return {a.area: a.gap for a in self.areas if a.gap > 0}


class PlanStep(NamedTuple):
    """One gap to close, with why it comes where it does and what to do next."""

    area: str
    you: float | None
    target: float
    gap: float
    hours: float
    fit_gain: float
    actions: tuple[str, ...]

    @property
    def value_per_hour(self) -> float:
        return self.fit_gain / self.hours if self.hours else 0.0


class Assessment(NamedTuple):
    """Everything the report and the app show; computed once by ``assess``."""

    skills: dict[str, SkillScore]
    roles: tuple[RoleScore, ...]
    #: The declared role; ``None`` when none is declared (you are not assumed to hold your best fit).
    current_role: str | None
    best_fit: str
    within_reach: tuple[str, ...]
    pivot: str | None
    focus: str | None
    focus_is_target: bool
    plan: tuple[PlanStep, ...]
    hours_per_week: float
    answered: int
    asked: int
    by_id: dict[str, RoleScore]
    #: Pivot candidates, closest first: (role id, distance less the move prior).
    ranking: tuple[tuple[str, float], ...] = ()
    #: Roles left out of the pivot as a step back (they ask no more than you or your job).
    step_backs: tuple[str, ...] = ()
    #: The runner-up is within ``nearly_tied`` of the pivot's distance: say so, not pretend.
    nearly_tied: bool = False

    def role(self, role_id: str) -> RoleScore:
        return self.by_id[role_id]

    @property
    def current_declared(self) -> bool:
        return self.current_role is not None

    @property
    def runner_up(self) -> str | None:
        """The second-easiest pivot, if there is one."""
        return self.ranking[1][0] if len(self.ranking) > 1 else None

    @property
    def margin(self) -> float | None:
        """How much further the runner-up is than the pivot, as a share of the pivot's distance;
        negative (within ``nearly_tied``) when a nearly tied runner-up is closer but fits you less."""
        if len(self.ranking) < 2:
            return None
        best, second = self.ranking[0][1], self.ranking[1][1]
        return (second - best) / best if best > 0 else (1.0 if second > 0 else 0.0)

    @property
    def unknown_areas(self) -> tuple[str, ...]:
        return tuple(a for a, s in self.skills.items() if not s.known)

    def weeks(self, hours: float) -> float:
        return hours / self.hours_per_week

    def months(self, hours: float) -> float:
        return self.weeks(hours) / WEEKS_PER_MONTH


def skill_scores(
    bank: Bank, answers: Mapping[str, int], not_relevant: tuple[str, ...] | list[str] = ()
) -> dict[str, SkillScore]:
    """Per-area level (mean of answered questions) and coverage. Unknown question ids are ignored."""
    totals: dict[str, list[int]] = {a.id: [0, 0, 0] for a in bank.areas}  # sum, answered, asked
    for q in bank.questions:
        t = totals[q.skill]
        t[2] += 1
        level = answers.get(q.id)
        if level is not None:
            t[0] += level
            t[1] += 1
    skipped = set(not_relevant)
    out: dict[str, SkillScore] = {}
    for area_id, (total, answered, asked) in totals.items():
        if answered:
            out[area_id] = SkillScore(area_id, total / answered, answered, asked)
        elif area_id in skipped:
            out[area_id] = SkillScore(area_id, 0.0, 0, asked, not_relevant=True)
        else:
            out[area_id] = SkillScore(area_id, None, 0, asked)
    return out


def step_cost(effort_hours: float, multipliers: tuple[float, ...], lo: float, hi: float) -> float:
    """Hours to go from level ``lo`` to ``hi`` (0 when ``hi <= lo``), step by step."""
    if hi <= lo:
        return 0.0
    hours = 0.0
    x = lo
    while x < hi - 1e-12:
        k = min(floor(x + 1e-12), len(multipliers) - 1)
        nxt = min(float(k + 1), hi)
        hours += (nxt - x) * multipliers[k]
        x = nxt
    return hours * effort_hours


def score_role(bank: Bank, skills: Mapping[str, SkillScore], role: Role) -> RoleScore:
    mult = bank.scoring.step_multipliers
    levels = {a: s.value for a, s in skills.items()}
    values_hard_won = moves.values_hard_won(bank, levels, role)
    weight_sum = 0.0
    met = 0.0
    effort = 0.0
    unused = 0.0
    areas: list[AreaFit] = []
    for area in bank.areas:
        req = role.requires.get(area.id)
        required = float(req.level) if req else 0.0
        importance = float(req.importance) if req else 0.0
        skill = skills[area.id]
        you = skill.value
        counted = importance > 0 and required > 0
        if counted:
            weight_sum += importance
            met += importance * min(you, required) / required
        gap = max(required - you, 0.0) if counted else 0.0
        gap_hours = step_cost(area.effort_hours, mult, you, required) if counted else 0.0
        # Hard-won skill above the bar of a role that values it carries over: not unused.
        # Other skill above the bar is put to work as much as the role weighs the area.
        kept = counted and values_hard_won and moves.hard_won(bank, area)
        idle = 0.0 if kept else 1.0 - moves.weight(role, area.id)
        unused_hours = idle * step_cost(area.effort_hours, mult, required if counted else 0.0, you)
        effort += gap_hours
        unused += unused_hours
        areas.append(AreaFit(area.id, skill.level, required, importance, gap, gap_hours, unused_hours))
    fit = 100.0 * met / weight_sum if weight_sum else 100.0
    distance = effort + bank.scoring.overqualification_weight * unused
    return RoleScore(role.id, role.name, fit, effort, unused, distance, tuple(areas))


def hours_beyond_job(bank: Bank, score: RoleScore, current: Role | None) -> float:
    """Gap hours that count against the move: the part of a gap up to your job's own bar is
    learnt on the job you have, and of the rest only the share the target weighs the area
    (``pivot.weight``): a minor requirement is mostly learnt in the new job, its core is not."""
    mult = bank.scoring.step_multipliers
    role = bank.role(score.role_id)
    return sum(
        moves.weight(role, af.area) * step_cost(bank.area(af.area).effort_hours, mult,
                                                max(af.you or 0.0, moves.asks(current, af.area)), af.required)
        for af in score.areas if af.gap > 0
    )


def hours_given_up(bank: Bank, score: RoleScore, current: Role | None) -> float:
    """Hours of the levels a move would give up in the target's hard-won core
    (``pivot.levels_given_up``): from its bar up to your level, counted once like a gap, since
    you would be hired at its bar and climb back to where your work is."""
    mult = bank.scoring.step_multipliers
    levels = {af.area: af.you or 0.0 for af in score.areas}
    role = bank.role(score.role_id)
    return sum(step_cost(bank.area(a).effort_hours, mult, moves.asks(role, a), levels[a])
               for a in moves.levels_given_up(bank, levels, role, current))


def pivot_distance(bank: Bank, score: RoleScore, current: Role | None, declared: bool) -> float:
    """The distance a pivot is ranked by: hours to learn beyond your job + hours of level given
    up + weight x unused strength, less ``move_weight`` x the part of the measured move beyond
    chance (``pivot.move_prior``)."""
    w = bank.scoring.overqualification_weight
    prior = moves.move_prior(bank, current.id, score.role_id, declared) if current is not None else 0.0
    learn = hours_beyond_job(bank, score, current) + hours_given_up(bank, score, current)
    return (learn + w * score.unused_hours) * (1 - prior)


def plan_for(bank: Bank, answers: Mapping[str, int], score: RoleScore,
             not_relevant: Collection[str] = ()) -> tuple[PlanStep, ...]:
    """The gaps of one role, most fit gained per hour first, each with next actions.

    An area the person marked "not relevant to me" still counts (as 0) in fit and effort,
    but is not put in the plan: they said they will not work on it, and a plan opening with
    it would be advice they already declined.
    """
    weight_sum = sum(a.importance for a in score.areas if a.importance > 0 and a.required > 0)
    declined = set(not_relevant)
    steps = []
    for a in score.areas:
        if a.gap <= 0 or a.area in declined:
            continue
        gain = 100.0 * a.importance * a.gap / a.required / weight_sum if weight_sum else 0.0
        steps.append(PlanStep(a.area, a.you, a.required, a.gap, a.gap_hours, gain, _actions(bank, answers, a.area)))
    steps.sort(key=lambda s: (-s.value_per_hour, s.hours, s.area))
    return tuple(steps)


def _actions(bank: Bank, answers: Mapping[str, int], area_id: str) -> tuple[str, ...]:
    """Next actions of the area's questions answered below 3 (or skipped), weakest first."""
    candidates = []
    for order, q in enumerate(bank.questions_for(area_id)):
        level = answers.get(q.id)
        if q.next_action and (level is None or level < 3):
            candidates.append((level if level is not None else 0, order, q.next_action))
    candidates.sort()
    seen: list[str] = []
    for _, _, action in candidates:
        if action not in seen:
            seen.append(action)
        if len(seen) == MAX_ACTIONS_PER_STEP:
            break
    return tuple(seen)


def shown_fit(fit: float) -> int:
    """A fit as people read it (whole percent): ties and the within-reach line use this, so
    a role shown at 90% is within reach and two roles shown alike are tied."""
    return round(fit)


def _closeness(score: RoleScore) -> tuple[float, float, str]:
    return (score.distance, -score.fit, score.role_id)


def _fits_better(score: RoleScore, here: Role | None, by_id: Mapping[str, RoleScore], best: RoleScore) -> bool:
    """Your fit to the role (as shown) is above your fit to your job; with no declared job,
    the role is (one of) your best fit."""
    bar = shown_fit(by_id[here.id].fit) if here is not None else shown_fit(best.fit) - 1
    return shown_fit(score.fit) > bar


def _fit_first_among_ties(ranking: tuple[tuple[str, float], ...], by_id: Mapping[str, RoleScore],
                          nearly_tied: float) -> tuple[tuple[str, float], ...]:
    """Closest first; but of the candidates nearly tied with the closest (within
    ``nearly_tied`` of its distance), the one you fit best (as shown) goes first.

    Within that band the hours cannot tell the moves apart (one answer moving a step
    reorders them), so the fit, the figure people read first, decides: a bootcamp graduate
    equally far from software engineer, analytics engineer and data analyst is pointed to the
    one whose requirements they already meet most."""
    if not ranking:
        return ranking
    limit = ranking[0][1] * (1 + nearly_tied)
    band = [r for r in ranking if r[1] <= limit]
    first = max(band, key=lambda r: (shown_fit(by_id[r[0]].fit), -r[1]))
    return (first, *(r for r in ranking if r != first))


def assess(bank: Bank, profile: Profile, target: str | None = None) -> Assessment:
    """Score a profile against every role of the bank; the single scoring entry point."""
    if target is not None and not bank.has_role(target):
        known = ", ".join(r.id for r in bank.roles)
        raise UsageError(f"unknown role '{target}' (known roles: {known})")
    skills = skill_scores(bank, profile.answers, profile.not_relevant)
    all_scores = [score_role(bank, skills, role) for role in bank.roles]
    by_id = {s.role_id: s for s in all_scores}
    scores = [s for s in all_scores if s.role_id not in bank.extra_roles]
    ordered = tuple(sorted(scores, key=lambda s: (-s.fit, *_closeness(s))))
    best = min(scores, key=lambda s: (-shown_fit(s.fit), *_closeness(s)))
    declared = profile.current_role is not None and profile.current_role in by_id and (
        profile.current_role not in bank.extra_roles)
    current = profile.current_role if declared else None
    reach = bank.scoring.within_reach
    within = tuple(s.role_id for s in ordered if shown_fit(s.fit) >= reach and s.role_id != current)
    levels = {a: s.value for a, s in skills.items()}
    here = bank.role(current) if current is not None else None
    about = bank.role(best.role_id)
    backs = tuple(s.role_id for s in ordered if s.role_id != current
                  and moves.is_step_back(bank, levels, bank.role(s.role_id), here, _fits_better(s, here, by_id, best),
                                         about))
    # With no declared job, the roles within reach are where you stand (you could apply now):
    # the pivot is the easiest of the others, your best fit included when it is not yet in reach.
    held = set(within) if here is None else set()
    ranked = sorted(
        (pivot_distance(bank, s, here, declared), -s.fit, s.role_id)
        for s in scores if s.role_id != current and s.role_id not in backs and s.role_id not in held
    )
    ranking = _fit_first_among_ties(tuple((rid, d) for d, _, rid in ranked), by_id, bank.scoring.nearly_tied)
    pivot = ranking[0][0] if ranking else None
    focus = target if target is not None else pivot
    plan = plan_for(bank, profile.answers, by_id[focus], profile.not_relevant) if focus is not None else ()
    answered = sum(s.answered for s in skills.values())
    return Assessment(
        skills=skills,
        roles=ordered,
        current_role=current,
        best_fit=best.role_id,
        within_reach=within,
        pivot=pivot,
        focus=focus,
        focus_is_target=target is not None,
        plan=plan,
        hours_per_week=float(profile.hours_per_week),
        answered=answered,
        asked=len(bank.questions),
        by_id=by_id,
        ranking=ranking,
        step_backs=backs,
        nearly_tied=len(ranking) > 1 and abs(ranking[1][1] - ranking[0][1]) <= bank.scoring.nearly_tied * ranking[0][1],
    )


def strengths(assessment: Assessment, role_id: str | None = None, minimum: float = 2.0) -> tuple[str, ...]:
    """Areas at ``minimum`` or above; for a role, those that meet its requirement (what carries over)."""
    if role_id is None:
        items = [(s.value, a) for a, s in assessment.skills.items() if s.known and s.value >= minimum]
    else:
        items = [
            (a.you or 0.0, a.area)
            for a in assessment.role(role_id).areas
            if a.you is not None and a.required >= minimum and a.you >= a.required
        ]
    return tuple(area for _, area in sorted(items, key=lambda t: (-t[0], t[1])))
