"""``careerfit report PROFILE``: the gap report without the app."""

from __future__ import annotations

import argparse

from careerfit.cli.commands.common import add_bank_arg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from careerfit.core.domain import Bank, Profile

HELP = "write the gap report for a saved profile"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help=HELP, description=HELP + " (Markdown or JSON).")
    p.add_argument("profile", metavar="PROFILE", help="profile TOML file")
    p.add_argument(
        "--target",
        metavar="ROLE",
        help="report against this role (or a posting saved in the profile) instead of the easiest pivot",
    )
    p.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)"
    )
    p.add_argument(
        "--since", metavar="DATE",
        help="compare with the sitting on or before DATE (YYYY-MM-DD; default: the one before the last)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_bank_arg(p)
    p.set_defaults(run=run)


def build(profile_path: str | Path, bank_dir: str | Path | None, target: str | None, fmt: str,
          since: str | None = None) -> str:
    """The report text; shared by the command, the app's export and tests."""
    from datetime import date
    from pathlib import Path

    from careerfit.core.jsonout import dumps
    from careerfit.core.progress import parse_day
    from careerfit.core.progress import since as progress_since
    from careerfit.core.report import to_json, to_markdown
    from careerfit.core.scoring import assess
    from careerfit.formats.bank import load_bank
    from careerfit.formats.profile_io import open_for_bank

    if since is not None:
        parse_day(since)  # a bad date is the first thing said
    bank = load_bank(Path(bank_dir) if bank_dir else None)
    path = Path(profile_path)
    profile = open_for_bank(path, bank)
    if target is not None and not bank.has_role(target):
        bank, target = _with_saved_target(bank, profile, target, path)
    a = assess(bank, profile, target)
    progress = progress_since(bank, profile, since)
    if fmt == "json":
        return dumps(to_json(bank, profile, a, progress))
    return to_markdown(bank, profile, a, date=date.today().isoformat(), progress=progress)


def _with_saved_target(bank: Bank, profile: Profile, name: str, path: Path) -> tuple[Bank, str]:
    """``--target NAME`` may name a posting saved in the profile (``[targets.NAME]``)."""
    from careerfit.core.errors import ProfileError
    from careerfit.formats.targets import TARGET_PREFIX, bank_with_role, saved_targets

    try:
        saved = saved_targets(profile, bank)
    except ProfileError as exc:
        raise ProfileError(exc.problem, path) from None
    role = saved.get(name.removeprefix(TARGET_PREFIX))
    if role is None:
        from careerfit.core.errors import UsageError

        known = ", ".join(r.id for r in bank.career_roles)
        targets = f"; saved targets: {', '.join(saved)}" if saved else ""
        raise UsageError(f"unknown role '{name}' (known roles: {known}{targets})")
    return bank_with_role(bank, role), role.id


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from careerfit.cli.output import write_output


    text = build(args.profile, args.bank, args.target, args.format, args.since)
    out = Path(args.output) if args.output else None
    write_output(text, markdown=args.format == "markdown", out=out, inputs=(Path(args.profile),))
    return 0
