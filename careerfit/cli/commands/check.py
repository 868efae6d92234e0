"""``careerfit check [DIR]``: validate a question bank and list every problem."""

from __future__ import annotations

import argparse
import sys

HELP = "validate a question bank folder"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help=HELP, description=HELP + " (default: the built-in bank).")
    p.add_argument("folder", nargs="?", metavar="DIR", help="bank folder")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from careerfit.core.errors import BankError
    from careerfit.core.text import clean_text
    from careerfit.formats.bank import load_bank

    try:
        bank = load_bank(Path(args.folder) if args.folder else None)
    except BankError as exc:
        where = clean_text(str(exc.path), single_line=True)
        problems = [clean_text(problem, single_line=True) for problem in exc.problems]
        if len(problems) == 1:  # one problem, one line
            sys.stderr.write(f"careerfit: error: {where}: {problems[0]}\n")
            return 2
        for problem in problems:
            sys.stderr.write(f"{where}: {problem}\n")
        sys.stderr.write(f"careerfit: error: {where}: {len(problems)} problems in the question bank\n")
        return 2
    where = clean_text(args.folder, single_line=True) if args.folder else "built-in bank"
    questions = f"{len(bank.questions)} questions"
    if bank.builtin_questions:
        own = len(bank.questions) - bank.builtin_questions
        questions += f" ({own} of its own added to the {bank.builtin_questions} built-in)"
    print(f"{where}: ok: {len(bank.areas)} areas, {questions}, {len(bank.roles)} roles")
    return 0
