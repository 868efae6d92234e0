"""``careerfit report PROFILE``: the gap report without the app."""

from __future__ import annotations

import argparse

from careerfit.commands.common import add_bank_arg

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from careerfit.domain import Bank, Profile

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
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    add_bank_arg(p)
    p.set_defaults(run=run)


def build(profile_path: str | Path, bank_dir: str | Path | None, target: str | None, fmt: str) -> str:
    """The report text; shared by the command, the app's export and tests."""
    from datetime import date
    from pathlib import Path

    from careerfit.bank import load_bank
    from careerfit.jsonout import dumps
    from careerfit.profile_io import open_for_bank
    from careerfit.report import to_json, to_markdown
    from careerfit.scoring import assess

    bank = load_bank(Path(bank_dir) if bank_dir else None)
    path = Path(profile_path)
    profile = open_for_bank(path, bank)
    if target is not None and not bank.has_role(target):
        bank, target = _with_saved_target(bank, profile, target, path)
    a = assess(bank, profile, target)
    if fmt == "json":
        return dumps(to_json(bank, profile, a))
    return to_markdown(bank, profile, a, date=date.today().isoformat())


def _with_saved_target(bank: Bank, profile: Profile, name: str, path: Path) -> tuple[Bank, str]:
    """``--target NAME`` may name a posting saved in the profile (``[targets.NAME]``)."""
    from careerfit.errors import ProfileError
    from careerfit.targets import TARGET_PREFIX, bank_with_role, saved_targets

    try:
        saved = saved_targets(profile, bank)
    except ProfileError as exc:
        raise ProfileError(exc.problem, path) from None
    role = saved.get(name.removeprefix(TARGET_PREFIX))
    if role is None:
        from careerfit.errors import UsageError

        known = ", ".join(r.id for r in bank.career_roles)
        targets = f"; saved targets: {', '.join(saved)}" if saved else ""
        raise UsageError(f"unknown role '{name}' (known roles: {known}{targets})")
    return bank_with_role(bank, role), role.id


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from careerfit.output import write_output


    text = build(args.profile, args.bank, args.target, args.format)
    out = Path(args.output) if args.output else None
    write_output(text, markdown=args.format == "markdown", out=out, inputs=(Path(args.profile),))
    return 0
