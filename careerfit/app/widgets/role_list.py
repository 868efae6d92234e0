"""The left side of the results: every role, sorted by fit, with a bar and its marks."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careerfit.models import Bank
from careerfit.report import fit_bar
from careerfit.scoring import Assessment


class RoleList(OptionList):
    """Roles in the core's order (fit, then closeness); the option id is the role id."""

    def show(self, bank: Bank, a: Assessment) -> None:
        options = []
        for s in a.roles:
            mark = "*" if s.role_id == a.pivot else ("=" if s.role_id == a.current_role else " ")
            name = bank.role(s.role_id).name[:18]
            options.append(Option(Content.assemble(f"{mark}{name:<18} {s.fit:>3.0f}% ", (fit_bar(s.fit, 5), "bold")),
                                  id=s.role_id))
        self.set_options(options)
