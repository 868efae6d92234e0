"""Argument helpers shared by sub-commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from careerfit.bank import load_bank
from careerfit.models import Bank


def add_bank_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bank", type=Path, metavar="DIR", help="question bank folder (default: the built-in one)"
    )


def bank_from(args: argparse.Namespace) -> Bank:
    return load_bank(args.bank)
