"""The command line: a thin shell over the core that turns errors into one line and exit 2.

Start-up time is part of the product (``careerfit --help`` should feel instant), so this
module imports nothing but ``sys`` (and the tiny ``cli_common``): argparse lives in
``cli_parser``, Textual is imported only when the app opens (``run_app``, the one import of
``careerfit.app``), and plain ``--help`` prints text pre-rendered from the parser
(``help_text.MAIN_HELP``, kept identical to argparse's output by a test).

May import: anything (it is the outermost shell), but only ``sys`` and ``cli_common`` at
module level.
"""

from __future__ import annotations

import sys

from careerfit.cli_common import COMMANDS, EXIT_USAGE, print_error


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--help"], ["-h"]):
        from careerfit.help_text import MAIN_HELP

        sys.stdout.write(MAIN_HELP)
        return 0
    from careerfit.errors import CareerfitError

    try:
        return _dispatch(argv)
    except CareerfitError as exc:
        print_error(str(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, without Python's shutdown warning.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _dispatch(argv: list[str]) -> int:
    import os

    # careerfit uses no pydantic plugins; looking for them scans every installed package's
    # metadata on the first model, a cost paid on every start. Set it to "" to re-enable.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from careerfit.cli_parser import app_parser, build_parser

    if argv and (argv[0] in COMMANDS or argv[0].startswith("-")):
        parser = build_parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help()
            return 0
        return int(args.run(args))
    args = app_parser().parse_args(argv)
    return run_app(args.profile)


def run_app(profile: str | None) -> int:
    """Open the Textual app (imported here, never at module level)."""
    from pathlib import Path

    from careerfit.app import run as run_textual_app

    return run_textual_app(Path(profile) if profile else None)
