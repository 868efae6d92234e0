"""``careerfit roles``: the role profiles as a table."""

from __future__ import annotations

import argparse
import sys

from careerfit.commands.common import add_bank_arg, bank_from

HELP = "list the role profiles and what each asks of every area"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("roles", help=HELP, description=HELP + ".")
    add_bank_arg(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    bank = bank_from(args)
    table = Table(title="careerfit roles: required level (importance)", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("role")
    for area in bank.areas:
        table.add_column(Text(area.label), justify="center")
    for role in bank.roles:
        cells = []
        for area in bank.areas:
            req = role.requires.get(area.id)
            cells.append(Text(f"{req.level:g} ({req.importance:g})" if req and req.importance else "-"))
        table.add_row(Text(role.id), Text(role.name), *cells)
    console = Console(file=sys.stdout, width=None if sys.stdout.isatty() else 200)
    console.print(table)
    return 0
