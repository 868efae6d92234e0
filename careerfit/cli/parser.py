"""The argparse definitions, apart from ``cli`` so a plain ``--help`` need not import argparse.

May import: the standard library, ``cli_common`` and ``careerfit.cli.commands`` (never ``cli``).
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from careerfit import __version__
from careerfit.cli.common import COMMANDS, EXIT_USAGE, print_error

DESCRIPTION = (
    "Which data/ML role fits you today, and what is the easiest pivot from here? "
    "Run without a command to open the assessment app."
)
EPILOG = ("Examples: careerfit | careerfit ada.toml | careerfit --bank mybank ada.toml | "
          "careerfit report ada.toml --target ml_engineer | careerfit roles")
#: The width MAIN_HELP is rendered at, whatever the terminal.
HELP_WIDTH = 80


def version_text() -> str:
    from importlib import metadata

    try:
        textual = metadata.version("textual")
    except metadata.PackageNotFoundError:
        textual = "not installed"
    return f"careerfit {__version__} (textual {textual}, Python {sys.version.split()[0]})"


class _VersionAction(argparse.Action):
    """``--version``, computed only when asked (reading package metadata costs start-up time)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **_kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(version_text())
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2, like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print_error(f"{message} (see 'careerfit --help')")
        raise SystemExit(EXIT_USAGE)


def _formatter(prog: str) -> argparse.HelpFormatter:
    return argparse.HelpFormatter(prog, width=HELP_WIDTH)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="careerfit", description=DESCRIPTION, epilog=EPILOG, formatter_class=_formatter)
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        import_module(f"careerfit.cli.commands.{name}").add_parser(sub)
    return parser


def app_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="careerfit", description="Open the assessment app.")
    parser.add_argument("profile", nargs="?", metavar="PROFILE", help="profile to resume")
    parser.add_argument("--bank", metavar="DIR", help="question bank folder (its questions join the built-in ones)")
    parser.add_argument("--version", action=_VersionAction)
    return parser


def render_main_help() -> str:
    """What ``help_text.MAIN_HELP`` must hold; ``python -m careerfit.cli.parser`` rewrites it."""
    return build_parser().format_help()


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).with_name("help_text.py")
    lines = "".join(f"    {line!r}\n" for line in render_main_help().splitlines(keepends=True))
    target.write_text(
        '"""``careerfit --help``, pre-rendered by ``python -m careerfit.cli.parser`` (a test keeps it current).\n'
        '\nMay import: nothing (data)."""\n\n'
        f"MAIN_HELP = (\n{lines})\n"
    )
    print(f"wrote {target}")
