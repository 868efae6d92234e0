"""``careerfit posting FILE|-``: which role a job posting reads like, and how you fit it.

May import: anything below the command line (``MAX_POSTING_BYTES`` and ``read_posting`` live in
``careerfit.formats.posting_input``, shared with the app, and are re-exported here for the tests).
"""

from __future__ import annotations

import argparse

from careerfit.cli.commands.common import add_bank_arg
from careerfit.formats.posting_input import MAX_POSTING_BYTES, read_posting

__all__ = ["HELP", "MAX_POSTING_BYTES", "add_parser", "build", "read_posting", "run"]

HELP = "analyse a job posting: the role it reads like, the evidence and, with a profile, your fit"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("posting", help=HELP, description=HELP + ". Plain text or Markdown; '-' reads stdin.")
    p.add_argument("file", metavar="FILE", help="the posting as a text or Markdown file, or - for stdin")
    p.add_argument("--profile", metavar="PROFILE", help="profile TOML: add your fit, gaps and plan")
    p.add_argument("--title", metavar="TEXT", help="the job title, if the posting's first line is not it")
    p.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_bank_arg(p)
    p.set_defaults(run=run)


def build(file: str, *, profile_path: str | None = None, bank_dir: str | None = None, fmt: str = "markdown",
          title: str | None = None) -> str:
    """The posting report as text; shared by the command and tests."""
    from datetime import date
    from pathlib import Path

    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import lexicon_for
    from careerfit.formats.profile_io import open_for_bank
    from careerfit.postings.reader import analyse_posting
    from careerfit.postings.report import render

    folder = Path(bank_dir) if bank_dir else None
    bank = load_bank(folder)
    lexicon = lexicon_for(folder, bank)
    profile = None
    if profile_path is not None:
        profile = open_for_bank(Path(profile_path), bank)
    text, label = read_posting(file)
    analysis = analyse_posting(text, bank, lexicon, title=title, source=label)
    return render(analysis, bank, profile, fmt=fmt, date=date.today().isoformat())


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from careerfit.cli.output import write_output

    text = build(args.file, profile_path=args.profile, bank_dir=args.bank, fmt=args.format, title=args.title)
    inputs = tuple(Path(f) for f in (args.file, args.profile) if f and f != "-")
    out = Path(args.output) if args.output else None
    write_output(text, markdown=args.format == "markdown", out=out, inputs=inputs)
    return 0
