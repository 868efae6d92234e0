"""``careerfit title "TEXT"``: which roles a job title names, with the words that decided it."""

from __future__ import annotations

import argparse

from careerfit.cli.commands.common import add_bank_arg

HELP = "name the roles closest to a job title, with the deciding words"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("title", help=HELP, description=HELP + ".")
    p.add_argument("title", metavar="TEXT", help='the job title, e.g. "Software Engineer: Machine Intelligence"')
    p.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)"
    )
    p.add_argument("--limit", type=int, default=3, metavar="N", help="how many roles to show (default: 3)")
    add_bank_arg(p)
    p.set_defaults(run=run)


def build(title: str, bank_dir: str | None, fmt: str, limit: int = 3) -> str:
    """The title analysis as text; shared by the command and tests."""
    from pathlib import Path

    from careerfit.core.errors import UsageError
    from careerfit.core.jsonout import dumps
    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import lexicon_for
    from careerfit.postings.report import title_json, title_markdown
    from careerfit.postings.titles import clean_title, match_title

    folder = Path(bank_dir) if bank_dir else None
    bank = load_bank(folder)
    lexicon = lexicon_for(folder, bank)
    title = clean_title(title)
    matches = match_title(title, bank, lexicon, limit=max(limit, 1))
    if not matches:
        raise UsageError(
            f"no role matches the job title '{title}': none of its words is a role title word or a skill term"
        )
    if fmt == "json":
        return dumps(title_json(title, matches))
    return title_markdown(title, matches, bank)


def run(args: argparse.Namespace) -> int:
    from careerfit.cli.output import write_output

    text = build(args.title, args.bank, args.format, args.limit)
    write_output(text, markdown=args.format == "markdown", out=None)
    return 0
