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

from careerfit.cli.common import COMMANDS, EXIT_USAGE, print_error

TYPE_CHECKING = False  # the typing module costs start-up time
if TYPE_CHECKING:
    from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv in (["--help"], ["-h"]):
        from careerfit.cli.help_text import MAIN_HELP

        sys.stdout.write(MAIN_HELP)
        return 0
    from careerfit.core.errors import CareerfitError

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
    from careerfit.cli.parser import app_parser, build_parser

    if argv and (argv[0] in COMMANDS or (argv[0].startswith("-") and not _is_app_option(argv[0]))):
        parser = build_parser()
        args = parser.parse_args(argv)
        if not hasattr(args, "run"):
            parser.print_help()
            return 0
        return int(args.run(args))
    args = app_parser().parse_args(argv)
    return run_app(args.profile, args.bank)


def _is_app_option(arg: str) -> bool:
    """``careerfit --bank DIR [PROFILE]`` opens the app, like ``careerfit [PROFILE]``."""
    return arg == "--bank" or arg.startswith("--bank=")


def run_app(profile: str | None, bank_dir: str | None = None) -> int:
    """Open the Textual app (imported here, never at module level).

    The bank and the profile's path are checked first, so a broken bank or a mistyped
    profile is one line and exit 2 rather than a screen; a missing profile names a near
    match (``careerfit PROFILE`` resumes a profile; ``careerfit`` alone starts a new one).
    """
    from pathlib import Path

    bank = None
    if bank_dir is not None:
        from careerfit.formats.bank import load_bank

        bank = load_bank(Path(bank_dir))
    path = Path(profile) if profile else None
    if path is not None:
        _check_profile_exists(path)
    from careerfit.app import run as run_textual_app

    return run_textual_app(path, bank=bank)


def _check_profile_exists(path: Path) -> None:
    from careerfit.core.errors import UsageError

    if path.exists() or path.is_symlink():
        return  # a file that cannot be read is the app's error panel (it may offer the .bak)
    import difflib

    folder = path.parent
    try:
        names = [p.name for p in folder.iterdir() if p.suffix == ".toml" and p.is_file()] if folder.is_dir() else []
    except OSError:
        names = []
    near = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    hint = f"did you mean {folder / near[0] if str(folder) != '.' else near[0]}? " if near else ""
    raise UsageError(f"{path}: no such profile ({hint}run 'careerfit' alone to start a new one)")
