"""Building the gap report, as Markdown (GFM) and as a JSON-ready dict. Pure.

Both formats come from one ``Assessment`` so they always carry the same numbers; the app's
export calls ``to_markdown`` too. Every piece of user text goes through ``md_escape``.

May import: the core only (``domain``, ``scoring``, ``why``, ``progress``, ``text``, ``jsonout``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from careerfit import __version__
from careerfit.core.domain import MAX_LEVEL, Bank, Profile
from careerfit.core.scoring import Assessment, PlanStep, RoleScore, hours_beyond_job, plan_for, strengths
from careerfit.core.text import md_escape, plural
from careerfit.core.why import no_pivot, pivot_label, why_pivot

if TYPE_CHECKING:
    from careerfit.core.progress import Progress

REPORT_SCHEMA = 1
#: The summary's current-role line when none is declared: no role is assumed for you.
NO_ROLE = "none declared"
BAR_CELLS = 8  # two cells per level step


def level_text(level: float | None) -> str:
    return "unknown" if level is None else f"{level:.1f}"


def bar(you: float | None, target: float | None = None, cells: int = BAR_CELLS) -> str:
    """``##++....``: '#' what you have, '+' the gap to the target, '.' the rest of 0-4."""
    have = round((you or 0.0) / MAX_LEVEL * cells)
    want = round((target or 0.0) / MAX_LEVEL * cells)
    gap = max(want - have, 0)
    return "#" * have + "+" * gap + "." * (cells - have - gap)


def fit_bar(fit: float, cells: int = 10) -> str:
    filled = round(fit / 100 * cells)
    return "#" * filled + "." * (cells - filled)


def hours_text(hours: float) -> str:
    return f"{hours:,.0f} h"


def effort_text(a: Assessment, hours: float) -> str:
    if hours <= 0:
        return "no gaps"
    weeks = a.weeks(hours)
    return (
        f"about {plural(weeks, 'week')} at {a.hours_per_week:g} h/week "
        f"({hours_text(hours)}, about {a.months(hours):.1f} months)"
    )


def _role_name(bank: Bank, role_id: str) -> str:
    return md_escape(bank.role(role_id).name)


def _area_name(bank: Bank, area_id: str) -> str:
    return md_escape(bank.area(area_id).name)


def to_markdown(bank: Bank, profile: Profile, a: Assessment, *, date: str | None = None,
                progress: Progress | None = None) -> str:
    """The whole report as GFM text."""
    name = md_escape(profile.name) if profile.name else "(no name)"
    out: list[str] = [f"# careerfit report: {name}", ""]
    stamp = f" on {date}" if date else ""
    out += [
        f"_{a.answered} of {a.asked} questions answered; weekly learning time {a.hours_per_week:g} h; "
        f"careerfit {__version__}{stamp}._",
        "",
        "## Summary",
        "",
    ]
    if a.answered == 0:
        out += [
            "> **No answers yet.** Every area is unknown and counts as 0, so every fit is 0% and the "
            "roles are ordered only by how much there is to learn. Answer the questions "
            "(`careerfit PROFILE.toml`) for a real picture.",
            "",
        ]
    best = a.role(a.best_fit)
    if a.current_role is not None:
        out.append(f"- **Current role:** {_role_name(bank, a.current_role)} (declared), "
                   f"fit {a.role(a.current_role).fit:.0f}%")
    else:
        out.append(f"- **Current role:** {NO_ROLE}")
    out.append(f"- **Best fit:** {_role_name(bank, a.best_fit)} ({best.fit:.0f}%)")
    if a.pivot is not None:
        pv = a.role(a.pivot)
        out.append(
            f"- **Easiest pivot:** {md_escape(pivot_label(bank, a))}, fit {pv.fit:.0f}%: "
            f"{effort_text(a, pv.effort_hours)}"
        )
        out.append(f"  - Why: {md_escape(why_pivot(bank, a))}")
        out.append(f"  - {_distance_line(bank, a, pv)}")
    else:
        out.append(f"- **Easiest pivot:** none: {no_pivot(a)}")
    if a.focus_is_target and a.focus is not None:
        tg = a.role(a.focus)
        out.append(f"- **Target:** {_role_name(bank, a.focus)}, fit {tg.fit:.0f}%: {effort_text(a, tg.effort_hours)}")
    reach = ", ".join(_role_name(bank, r) for r in a.within_reach) or "none"
    out += [f"- **Already within reach** (fit of {bank.scoring.within_reach:g}% or more): {reach}", ""]
    if profile.notes.strip():
        out += [f"**Notes:** {md_escape(profile.notes)}", ""]
    out += _fit_table(bank, a)
    if progress is not None:
        out += _since_section(bank, progress)
    if a.focus is not None:
        out += _focus_section(bank, a, a.role(a.focus))
    out += _strengths(bank, a)
    out += _unknown(bank, profile, a)
    out += _method(bank, a)
    return "\n".join(out).rstrip() + "\n"


def _distance_line(bank: Bank, a: Assessment, pv: RoleScore) -> str:
    """The arithmetic behind the pivot, the runner-up it beat, and the step backs left out."""
    w = bank.scoring.overqualification_weight
    job = bank.role(a.current_role) if a.current_role is not None else None
    beyond = hours_beyond_job(bank, pv, job)
    plain = beyond + w * pv.unused_hours
    where = " beyond what your current job asks" if job is not None else ""
    line = (
        f"Distance: {hours_text(beyond)} to learn{where} (each gap by its weight in the role) + {w:g} x "
        f"{hours_text(pv.unused_hours)} of strength it would leave unused = {plain:,.0f}"
    )
    ranked = a.ranking[0][1]
    if ranked < plain - 0.5:
        line += f", {1 - ranked / plain:.0%} off for a measured move = {ranked:,.0f}"
    if a.runner_up is not None:
        closer = " (closer, but a lower fit)" if a.ranking[1][1] < ranked else ""
        line += f"; runner-up: {_role_name(bank, a.runner_up)} at {a.ranking[1][1]:,.0f}{closer}"
    if a.step_backs:
        line += "; left out as a step back: " + ", ".join(_role_name(bank, r) for r in a.step_backs)
    return line + "."


def _fit_table(bank: Bank, a: Assessment) -> list[str]:
    out = ["## Fit by role", "", "| Role | Fit | | Effort | Weeks | Unused strength |", "|---|--:|---|--:|--:|--:|"]
    for s in a.roles:
        marks = []
        if s.role_id == a.current_role:
            marks.append("current")
        if s.role_id == a.pivot:
            marks.append("easiest pivot")
        if s.role_id in a.within_reach:
            marks.append("within reach")
        label = _role_name(bank, s.role_id) + (f" ({', '.join(marks)})" if marks else "")
        out.append(
            f"| {label} | {s.fit:.0f}% | `{fit_bar(s.fit)}` | {hours_text(s.effort_hours)} | "
            f"{a.weeks(s.effort_hours):.1f} | {hours_text(s.unused_hours)} |"
        )
    return [*out, ""]


def _signed(value: float | None, fmt: str) -> str:
    if value is None:
        return ""
    shown = format(value, fmt)
    return "0" if float(shown) == 0 else (f"+{shown}" if value > 0 else shown)


def _since_section(bank: Bank, p: Progress) -> list[str]:
    """Level per area, fit per role and the pivot, at the compared sitting and now."""
    out = [f"## Since {p.since}", "", f"Answers: {p.answered_then} then, {p.answered_now} now.", "",
           "| Area | Then | Now | Change |", "|---|--:|--:|--:|"]
    for c in p.areas:
        if c.then is None and c.now is None:
            continue
        out.append(f"| {_area_name(bank, c.area)} | {level_text(c.then)} | {level_text(c.now)} | "
                   f"{_signed(c.change, '.1f') or '-'} |")
    out += ["", "| Role | Fit then | Fit now | Change |", "|---|--:|--:|--:|"]
    for r in p.roles:
        out.append(f"| {_role_name(bank, r.role)} | {r.then:.0f}% | {r.now:.0f}% | {_signed(r.change, '.0f')} |")
    then = _role_name(bank, p.pivot_then) if p.pivot_then else "none"
    now = _role_name(bank, p.pivot_now) if p.pivot_now else "none"
    same = " (unchanged)" if p.pivot_then == p.pivot_now else ""
    return [*out, "", f"Easiest pivot then: {then}; now: {now}{same}.", ""]


def since_json(p: Progress | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "date": p.since,
        "answered": {"then": p.answered_then, "now": p.answered_now},
        "skills": {c.area: {"then": None if c.then is None else round(c.then, 2),
                            "now": None if c.now is None else round(c.now, 2),
                            "change": None if c.change is None else round(c.change, 2)} for c in p.areas},
        "roles": [{"id": r.role, "then": round(r.then, 1), "now": round(r.now, 1), "change": round(r.change, 1)}
                  for r in p.roles],
        "pivot": {"then": p.pivot_then, "now": p.pivot_now},
    }


def _focus_section(bank: Bank, a: Assessment, s: RoleScore) -> list[str]:
    role = _role_name(bank, s.role_id)
    kind = "target" if a.focus_is_target else "easiest pivot"
    out = [f"## You vs {role} ({kind})", "", "| Area | You | Target | Gap | |", "|---|--:|--:|--:|---|"]
    for af in s.areas:
        if af.importance <= 0 and not af.you:
            continue
        gap = f"+{af.gap:.1f}" if af.gap > 0 else "-"
        out.append(
            f"| {_area_name(bank, af.area)} | {level_text(af.you)} | {af.required:g} | {gap} | "
            f"`{bar(af.you, af.required)}` |"
        )
    out += ["", "`#` your level, `+` the gap to the target, on the 0-4 scale.", ""]
    out += [f"## Learning plan for {role}", ""]
    if not a.plan:
        out += ["No gaps: you meet every requirement of this role.", ""]
        return out
    out.append(
        "Gaps in order of fit gained per hour of practice (cheap, heavily weighted gaps first):"
    )
    out.append("")
    for i, step in enumerate(a.plan, 1):
        out.append(
            f"{i}. **{_area_name(bank, step.area)}**: from {level_text(step.you)} to {step.target:g} "
            f"(+{step.gap:.1f}), {hours_text(step.hours)}, about {plural(a.weeks(step.hours), 'week')}; "
            f"+{step.fit_gain:.0f} fit points ({step.value_per_hour * 10:.1f} per 10 h)."
        )
        for action in step.actions:
            out.append(f"   - {md_escape(action)}")
    return [*out, ""]


def _strengths(bank: Bank, a: Assessment) -> list[str]:
    out = ["## Strengths", ""]
    general = strengths(a, minimum=3.0)
    if general:
        out.append("Areas at level 3 or above: " + ", ".join(
            f"{_area_name(bank, x)} ({a.skills[x].value:.1f})" for x in general) + ".")
    else:
        out.append("No area at level 3 or above yet.")
    if a.focus is not None:
        carried = strengths(a, a.focus)
        if carried:
            out.append("")
            out.append(
                f"Carry over to {_role_name(bank, a.focus)}: "
                + ", ".join(_area_name(bank, x) for x in carried)
                + "."
            )
    return [*out, ""]


def ignored_answers(bank: Bank, profile: Profile) -> list[str]:
    """Answers to questions this bank does not ask: kept in the file, left out of scoring.

    ``bank.question_ids`` builds a set on every call: built once here, not once per answer
    (4,000 answers against a 100,000-question bank took 54 s that way).
    """
    known = bank.question_ids
    return sorted(q for q in profile.answers if q not in known)


def _unknown(bank: Bank, profile: Profile, a: Assessment) -> list[str]:
    unknown = a.unknown_areas
    partial = [x for x, s in a.skills.items() if s.known and s.asked and s.coverage < 1 and not s.not_relevant]
    out = ["## Unanswered areas", ""]
    if unknown:
        out.append(
            "No answer yet, so counted as 0 in every fit and effort until answered: "
            + ", ".join(_area_name(bank, x) for x in unknown)
            + "."
        )
    else:
        out.append("Every area has at least one answer.")
    if partial:
        out.append("")
        out.append(
            "Partly answered (level from the answered questions only): "
            + ", ".join(
                f"{_area_name(bank, x)} ({a.skills[x].answered} of {a.skills[x].asked})" for x in partial
            )
            + "."
        )
    nr = [x for x, s in a.skills.items() if s.not_relevant]
    if nr:
        out += ["", "Marked not relevant (counted as 0): " + ", ".join(_area_name(bank, x) for x in nr) + "."]
    ignored = ignored_answers(bank, profile)
    if ignored:
        # Ids hold no backtick, so they are safe inside a code span (where escapes would show).
        shown = ", ".join(f"`{q}`" for q in ignored[:10]) + (", ..." if len(ignored) > 10 else "")
        out += ["", f"{len(ignored)} answer(s) in the profile are for questions this bank does not ask "
                f"(kept in the file, not scored): {shown}."]
        moved = [r for r in bank.renamed if r.old in profile.answers and r.to]
        if moved:
            out += ["", "Their answers were carried to the questions that replaced them, where not answered "
                    "already: " + "; ".join(f"`{r.old}` to " + ", ".join(f"`{t}`" for t in r.to) for r in moved) + "."]
    return [*out, ""]


def _method(bank: Bank, a: Assessment) -> list[str]:
    m = bank.scoring.step_multipliers
    out = [
        "## How this was computed",
        "",
        "- **Level** in an area: the mean of your answers there (0 not done yet, 1 tried it in a course, "
        "tutorial or side project, 2 at work with help, 3 on your own in production, 4 set the approach "
        "others follow). "
        "Skipped questions are left out, not counted as 0.",
        "- **Fit** to a role: the importance-weighted share of the role's required levels you meet, "
        "`sum(importance x min(you, required) / required) / sum(importance)`.",
        f"- **Effort**: the hours to close each gap. A level step costs the area's base hours times "
        f"{m[0]:g}, {m[1]:g}, {m[2]:g} and {m[3]:g} for the steps 0-1, 1-2, 2-3 and 3-4; weeks divide by "
        f"your {a.hours_per_week:g} h a week.",
        "- **Easiest pivot**: among the other roles that are not a step back (a role asking no more of "
        "you than what you or your job already do, unless it asks more than you somewhere and people from "
        "your role move there beyond chance and at least as often as the way back, or you lead its core, "
        "above its bar, beyond what your job asks; or one with no new work to own that uses none of your "
        "hard-won strengths and asks less than you of your job's core areas, unless you fit it better than "
        "your job), the smallest distance = "
        "gap hours beyond what your current job asks, each counted as far as the role weighs its area "
        "(its importance over that of the role's core, 1 to 5 on O*NET's scale: a minor requirement is "
        "mostly learnt in the new job) + "
        f"{bank.scoring.overqualification_weight:g} x unused-strength hours (skill above what the role asks, "
        "less the share the role puts to work by the same weight; "
        f"hard-won skill, in areas whose first step costs {bank.scoring.hard_won_hours:g} h or more, is not "
        "unused in a role that puts one of your hard-won strengths to work), less "
        f"{bank.scoring.move_weight:g} x (1 - 1/lift) for a measured move, the lift being the share of the "
        "role's people who came from your role over the share of everyone else who had held your title "
        "(Kaggle ML & DS Survey 2017, past titles). With no declared role you are not assumed to hold "
        "your best fit: nothing is learnt on a job, the roles within reach are where you stand, and the "
        "pivot is the easiest other role to get into, your best fit included when it is not yet within "
        "reach; the core areas of your best fit stand in for a job's. The runner-up and its margin say how "
        "robust the choice is; within {:.0%} the two are called nearly tied, and the one you fit better "
        "is named first.".format(bank.scoring.nearly_tied),
        "- **Plan** order: fit points gained per hour of practice.",
        "",
        "| Area | Base hours per step | Why |",
        "|---|--:|---|",
    ]
    for area in bank.areas:
        out.append(f"| {_area_name(bank, area.id)} | {area.effort_hours:g} | {md_escape(area.effort_rationale)} |")
    out.append("")
    if a.focus is not None:
        role = bank.role(a.focus)
        out.append(f"Sources for the {md_escape(role.name)} profile:")
        out.append("")
        for src in role.sources:
            ref = f" ({md_escape(src.ref)})" if src.ref else ""
            note = f": {md_escape(src.note)}" if src.note else ""
            out.append(f"- {md_escape(src.title)}{ref}{note}")
        if role.onet_note:
            out.append(f"- O*NET: {md_escape(role.onet_note)}")
        out.append("")
    out.append(
        "Role profiles are checked against O*NET importance ratings and the Kaggle ML & DS Survey 2018, "
        "2019 and 2021 (aggregated: what people with each title report doing); moves against the Kaggle "
        "2017 survey's past titles and O*NET related occupations. "
        "O*NET ratings: information from the O*NET 30.x and 29.x databases by the U.S. Department of "
        "Labor, Employment and Training Administration (USDOL/ETA), used under CC BY 4.0."
    )
    return out


def to_json(bank: Bank, profile: Profile, a: Assessment, progress: Progress | None = None) -> dict[str, Any]:
    """The same numbers as the Markdown, for scripts."""

    def role_entry(s: RoleScore) -> dict[str, Any]:
        return {
            "id": s.role_id,
            "name": s.name,
            "fit": round(s.fit, 1),
            "effort_hours": round(s.effort_hours, 1),
            "effort_weeks": round(a.weeks(s.effort_hours), 1),
            "unused_hours": round(s.unused_hours, 1),
            "distance": round(s.distance, 1),
            "gaps": {k: round(v, 2) for k, v in s.gaps.items()},
        }

    def plan(steps: tuple[PlanStep, ...]) -> list[dict[str, Any]]:
        return [
            {
                "area": st.area,
                "you": None if st.you is None else round(st.you, 2),
                "target": st.target,
                "gap": round(st.gap, 2),
                "hours": round(st.hours, 1),
                "weeks": round(a.weeks(st.hours), 1),
                "fit_gain": round(st.fit_gain, 1),
                "actions": list(st.actions),
            }
            for st in steps
        ]

    def focus_entry(role_id: str | None) -> dict[str, Any] | None:
        if role_id is None:
            return None
        s = a.role(role_id)
        return {
            "role": role_id,
            "name": s.name,
            "fit": round(s.fit, 1),
            "effort_hours": round(s.effort_hours, 1),
            "effort_weeks": round(a.weeks(s.effort_hours), 1),
            "plan": plan(a.plan if a.focus == role_id else plan_for(bank, profile.answers, s, profile.not_relevant)),
        }

    return {
        "schema": REPORT_SCHEMA,
        "careerfit": __version__,
        "profile": {"name": profile.name, "current_role": profile.current_role},
        "hours_per_week": a.hours_per_week,
        "answered": a.answered,
        "asked": a.asked,
        "skills": {
            k: {
                "level": None if s.level is None else round(s.level, 2),
                "coverage": round(s.coverage, 2),
                "answered": s.answered,
                "asked": s.asked,
                "not_relevant": s.not_relevant,
            }
            for k, s in a.skills.items()
        },
        "roles": [role_entry(s) for s in a.roles],
        "current_role": a.current_role,
        "best_fit": a.best_fit,
        "already_within_reach": list(a.within_reach),
        "easiest_pivot": None if a.pivot is None else {
            **(focus_entry(a.pivot) or {}),
            "label": pivot_label(bank, a),
            "why": why_pivot(bank, a),
            "runner_up": a.runner_up,
            "margin": None if a.margin is None else round(a.margin, 3),
            "nearly_tied": a.nearly_tied,
            "step_backs": list(a.step_backs),
        },
        "target": focus_entry(a.focus) if a.focus_is_target else None,
        "strengths": list(strengths(a, minimum=3.0)),
        "unknown_areas": list(a.unknown_areas),
        "ignored_answers": ignored_answers(bank, profile),
        "since": since_json(progress),
    }
