"""``careerfit report PROFILE``: the gap report without the app."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from careerfit.commands.common import add_bank_arg
from careerfit.output import write_output
from careerfit.profile_io import check_against_bank, load_profile
from careerfit.report import to_json, to_markdown
from careerfit.scoring import assess

HELP = "write the gap report for a saved profile"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=HELP + " (Markdown or JSON).")
    p.add_argument("profile", type=Path, metavar="PROFILE", help="profile TOML file")
    p.add_argument("--target", metavar="ROLE", help="report against this role instead of the easiest pivot")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write to FILE instead of stdout")
    add_bank_arg(p)
    p.set_defaults(run=run)


def build(profile_path: Path, bank_dir: Path | None, target: str | None, fmt: str) -> str:
    """The report text; shared by the command and tests."""
    from careerfit.bank import load_bank

    bank = load_bank(bank_dir)
    profile = load_profile(profile_path)
    check_against_bank(profile, bank, profile_path)
    a = assess(bank, profile, target)
    if fmt == "json":
        return json.dumps(to_json(bank, profile, a), indent=2, ensure_ascii=False) + "\n"
    return to_markdown(bank, profile, a, date=date.today().isoformat())


def run(args: argparse.Namespace) -> int:

    text = build(args.profile, args.bank, args.target, args.format)
    write_output(text, markdown=args.format == "markdown", out=args.output)
    return 0
