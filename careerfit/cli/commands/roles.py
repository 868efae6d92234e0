"""``careerfit roles``: the role profiles as a table."""

from __future__ import annotations

import argparse
import sys

from careerfit.cli.commands.common import add_bank_arg, bank_from

HELP = "list the role profiles and what each asks of every area"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roles", help=HELP, description=HELP + ".")
    add_bank_arg(p)
    p.set_defaults(run=run)


#: Width when stdout is neither a terminal nor given ``COLUMNS``: one table, as the README shows.
PIPE_WIDTH = 200


def _width() -> int | None:
    import os

    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    return None if sys.stdout.isatty() else PIPE_WIDTH


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.measure import Measurement
    from rich.table import Table
    from rich.text import Text

    bank = bank_from(args)
    console = Console(file=sys.stdout, width=_width())
    title = "careerfit roles: required level (importance)"

    def table(areas: list, with_names: bool, part: str = "") -> Table:
        t = Table(title=title + part, title_justify="left")
        t.add_column("id", no_wrap=True)
        if with_names:
            t.add_column("role")
        for area in areas:
            t.add_column(Text(area.label), justify="center", no_wrap=True)
        for role in bank.roles:
            cells = []
            for area in areas:
                req = role.requires.get(area.id)
                cells.append(Text(f"{req.level:g} ({req.importance:g})" if req and req.importance else "-"))
            t.add_row(Text(role.id), *([Text(role.name)] if with_names else []), *cells)
        return t

    def fits(t: Table) -> bool:
        natural = Measurement.get(console, console.options.update_width(100_000), t).maximum
        return natural <= console.width

    whole = table(list(bank.areas), True)
    if fits(whole):
        console.print(whole)
        return 0
    # Too narrow for every area at once: the areas in groups that fit, each with the role ids.
    groups: list[list] = []
    for area in bank.areas:
        if groups and fits(table([*groups[-1], area], False)):
            groups[-1].append(area)
        else:
            groups.append([area])
    shown = 0
    for i, group in enumerate(groups):
        part = f", areas {shown + 1}-{shown + len(group)} of {len(bank.areas)}"
        console.print(table(group, False, part))
        shown += len(group)
        if i < len(groups) - 1:
            console.print()
    return 0
