"""The left side of the results: every role, sorted by fit, with a bar and its marks.

Saved targets (postings kept in the profile) follow the roles under their own heading,
each with its fit from its own assessment, so they can be selected like any role.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careerfit.core.domain import Bank
from careerfit.core.report import fit_bar
from careerfit.core.scoring import Assessment

#: (role id, name, fit) of a saved target.
TargetLine = tuple[str, str, float]


def _line(mark: str, name: str, fit: float) -> Content:
    return Content.assemble(f"{mark}{name[:18]:<18} {fit:>3.0f}% ", (fit_bar(fit, 5), "bold"))


class RoleList(OptionList):
    """Roles in the core's order (fit, then closeness); the option id is the role id."""

    def show(self, bank: Bank, a: Assessment, targets: Sequence[TargetLine] = ()) -> None:
        options: list[Option | None] = []
        for s in a.roles:
            mark = "*" if s.role_id == a.pivot else ("=" if s.role_id == a.current_role else " ")
            options.append(Option(_line(mark, bank.role(s.role_id).name, s.fit), id=s.role_id))
        if targets:
            options += [None, Option(Content.styled("Saved targets", "bold"), disabled=True)]
            options += [Option(_line(" ", name, fit), id=role_id) for role_id, name, fit in targets]
        self.set_options(options)
