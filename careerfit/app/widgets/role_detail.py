"""The right side of the results: one role against you, its effort and its plan.

Every number comes from the core's ``Assessment`` and is formatted with the report's own
helpers, so the app shows what ``careerfit report`` prints.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from careerfit.core.domain import Bank
from careerfit.core.progress import Progress
from careerfit.core.report import bar, effort_text, level_text
from careerfit.core.scoring import Assessment, strengths
from careerfit.core.text import plural
from careerfit.core.why import pivot_label, short_list, why_pivot


def role_detail(bank: Bank, a: Assessment, role_id: str, progress: Progress | None = None) -> Content:
    """``a`` must be assessed with ``role_id`` as its focus (the pivot or a target); with
    ``progress`` (``careerfit.core.progress.since``), each bar says how the area moved since then."""
    s = a.role(role_id)
    role = bank.role(role_id)
    is_pivot = role_id == a.pivot and not a.focus_is_target
    if is_pivot:
        heading, title = "Easiest pivot: ", pivot_label(bank, a)
    elif role_id == a.current_role:
        heading, title = "Current role: ", role.name
    else:
        heading, title = "Selected: ", role.name
    parts: list[str | tuple[str, str]] = [(heading, "bold"), (title, "bold"), "\n"]
    parts.append(f"  fit {s.fit:.0f}% · {effort_text(a, s.effort_hours)}\n")
    if is_pivot:  # the why names what it keeps, capped, in the report's words
        parts.append(("  Why: ", "bold"))
        parts.append(why_pivot(bank, a) + "\n")
    else:
        carried = strengths(a, role_id)
        if carried:
            parts.append("  keeps: " + short_list(bank, carried) + "\n")
    # The plan first: it is what to do, and it shows without scrolling at 80x24.
    parts += [("Plan", "bold"), "\n"]
    if not a.plan:
        parts.append("  No gaps: you meet every requirement of this role.\n")
    for i, step in enumerate(a.plan, 1):
        parts.append(
            f"  {i}. {bank.area(step.area).name}: {level_text(step.you)} -> {step.target:g}, "
            f"about {plural(a.weeks(step.hours), 'week')} ({step.hours:,.0f} h)\n"
        )
        for action in step.actions[:1]:
            parts.append(("     next: ", "dim"))
            parts.append(action + "\n")
    moved = {c.area: c.change for c in progress.areas} if progress is not None else {}
    parts += ["\n", ("You vs " + role.name, "bold")]
    if moved:
        parts.append((f" · ▲▼ since {progress.since}" if progress else "", "dim"))
    parts.append("\n")
    for af in s.areas:
        if af.importance <= 0 and not af.you:
            continue
        gap = f" +{af.gap:.1f}" if af.gap > 0 else ""
        label = bank.area(af.area).label[:12]
        parts.append(f"  {label:<12} {bar(af.you, af.required)} {level_text(af.you):>7} / {af.required:g}")
        parts.append((gap, "bold") if gap else "")
        change = moved.get(af.area)
        if change:
            parts.append((f" {'▲' if change > 0 else '▼'}{abs(change):.1f}", "dim"))
        parts.append("\n")
    return Content.assemble(*parts)


class RoleDetail(Static):
    """Shows ``role_detail``; built from Content, so no markup in names is ever parsed."""

    def show(self, bank: Bank, a: Assessment, role_id: str, progress: Progress | None = None) -> None:
        self.update(role_detail(bank, a, role_id, progress))
