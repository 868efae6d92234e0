"""The command line: a thin shell over the core that turns errors into one line and exit 2.

``careerfit`` alone (or with a profile path) opens the Textual app, imported lazily so that
``report``, ``roles``, ``check`` and ``--help`` never load Textual.
"""

from __future__ import annotations

import argparse
import sys

from careerfit import __version__
from careerfit.commands import check, report, roles

COMMANDS = {"report": report, "roles": roles, "check": check}

EXIT_USAGE = 2


def _version() -> str:
    from importlib import metadata

    try:
        textual = metadata.version("textual")
    except metadata.PackageNotFoundError:
        textual = "not installed"
    return f"careerfit {__version__} (textual {textual}, Python {sys.version.split()[0]})"


class _VersionAction(argparse.Action):
    """``--version``, computed only when asked (reading package metadata costs start-up time)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest=dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        print(_version())
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit 2, like every other error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print_error(f"{message} (see 'careerfit --help')")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="careerfit",
        description="Which data/ML role fits you today, and what is the easiest pivot from here? "
        "Run without a command to open the assessment app.",
        epilog="Examples: careerfit | careerfit ada.toml | careerfit report ada.toml --target ml_engineer"
        " | careerfit roles",
    )
    parser.add_argument("--version", action=_VersionAction)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS.values():
        module.add_parser(sub)
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="careerfit", description="Open the assessment app.")
    parser.add_argument("profile", nargs="?", metavar="PROFILE", help="profile to resume")
    parser.add_argument("--version", action=_VersionAction)
    return parser


def main(argv: list[str] | None = None) -> int:
    from careerfit.errors import CareerfitError

    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
            args = build_parser().parse_args(argv)
            if not hasattr(args, "run"):
                build_parser().print_help()
                return 0
            return int(args.run(args))
        args = _app_parser().parse_args(argv)
        return run_app(args.profile)
    except CareerfitError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


def print_error(message: str) -> None:
    """One line on stderr; never through markup, never with control characters."""
    from careerfit.text import clean_text

    sys.stderr.write("careerfit: error: " + clean_text(message, single_line=True) + "\n")
    sys.stderr.flush()


def run_app(profile: str | None) -> int:
    """Open the Textual app (imported here, never at module level)."""
    from pathlib import Path

    try:
        from careerfit.app import run as run_textual_app
    except ImportError:
        print("careerfit: the assessment app is not available yet; use 'careerfit report PROFILE.toml'.")
        return 0
    return run_textual_app(Path(profile) if profile else None)
