"""Argument helpers shared by sub-commands; imports stay lazy so ``--help`` starts fast."""

from __future__ import annotations

import argparse

TYPE_CHECKING = False  # typing costs milliseconds at start-up; see cli.py
if TYPE_CHECKING:
    from careerfit.core.domain import Bank


def add_bank_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bank", metavar="DIR", help="question bank folder (its questions join the built-in ones)"
    )


def bank_from(args: argparse.Namespace) -> Bank:
    from pathlib import Path

    from careerfit.formats.bank import load_bank

    return load_bank(Path(args.bank) if args.bank else None)
