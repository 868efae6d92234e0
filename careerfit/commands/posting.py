"""``careerfit posting FILE|-``: which role a job posting reads like, and how you fit it."""

from __future__ import annotations

import argparse

from careerfit.commands.common import add_bank_arg

TYPE_CHECKING = False  # typing costs start-up time; see cli.py
if TYPE_CHECKING:
    from typing import BinaryIO

HELP = "analyse a job posting: the role it reads like, the evidence and, with a profile, your fit"
#: A real posting is a few KB; 1 MB leaves room for pasted pages while refusing runaway input.
MAX_POSTING_BYTES = 1024 * 1024


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


def read_posting(name: str, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """(text, label) of a posting file or of stdin for '-', with the checks of every file read."""
    import sys
    from pathlib import Path

    from careerfit.tomlio import decode_text, read_text

    if name == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_POSTING_BYTES + 1)
        return decode_text(data, "<stdin>", max_bytes=MAX_POSTING_BYTES, what="posting"), "<stdin>"
    path = Path(name)
    return read_text(path, max_bytes=MAX_POSTING_BYTES, what="posting file"), name


def build(file: str, *, profile_path: str | None = None, bank_dir: str | None = None, fmt: str = "markdown",
          title: str | None = None) -> str:
    """The posting report as text; shared by the command and tests."""
    from datetime import date
    from pathlib import Path

    from careerfit.bank import load_bank
    from careerfit.lexicon import lexicon_for
    from careerfit.posting import analyse_posting
    from careerfit.posting_report import render
    from careerfit.profile_io import open_for_bank

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

    from careerfit.output import write_output

    text = build(args.file, profile_path=args.profile, bank_dir=args.bank, fmt=args.format, title=args.title)
    inputs = tuple(Path(f) for f in (args.file, args.profile) if f and f != "-")
    out = Path(args.output) if args.output else None
    write_output(text, markdown=args.format == "markdown", out=out, inputs=inputs)
    return 0
