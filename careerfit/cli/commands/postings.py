"""``careerfit postings PATH...``: scan a market of postings (folders, JSON Lines, CSV exports).

The shell around ``careerfit.postings.market``: it checks the paths, streams the postings
(``market_sources``) through the analysis (``market_run``), shows a progress bar when stderr is
a terminal, names every posting it cannot read on stderr as the scan goes, and writes the
report. Bad postings never stop the scan; only a scan with nothing readable exits 2.
"""

from __future__ import annotations

import argparse

from careerfit.cli.commands.common import add_bank_arg

TYPE_CHECKING = False  # typing costs start-up time; see cli.py
if TYPE_CHECKING:
    from rich.progress import Progress

    from careerfit.postings.market import MarketScan, PostingSummary, Problem

HELP = "scan many postings: which roles they really are, what the market asks, and what to learn"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "postings", help=HELP,
        description=HELP + ". PATH is a folder of .txt/.md postings (read recursively), a JSON Lines "
        "(.jsonl) or CSV (.csv) export, or a posting file; give as many as you like.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="folder, .jsonl, .csv or posting file")
    p.add_argument("--text-column", metavar="NAME",
                   help="CSV column / JSON key holding the posting text (default: description, "
                        "job_description, text, body, content, ...)")
    p.add_argument("--title-column", metavar="NAME",
                   help="CSV column / JSON key holding the title (default: title, job_title, position, ...; "
                        "without one, the posting's first line)")
    p.add_argument("--profile", metavar="PROFILE", help="profile TOML: your closest postings and what to learn")
    p.add_argument(
        "--format", choices=("markdown", "json"), default="markdown", help="output format (default: markdown)"
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--jobs", type=int, metavar="N", help="worker processes (default: one per core)")
    add_bank_arg(p)
    p.set_defaults(run=run)


class _Stderr:
    """Where bad postings are named: above the progress bar on a terminal, plain lines when piped.

    Until the first posting is read, problems are held back (up to ``HOLD`` of them): if nothing
    at all can be read, the one error line says so instead of a list followed by the same news.
    """

    HOLD = 20

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.held: list[str] = []
        self.live = False

    def problem(self, p: Problem) -> None:
        line = "careerfit: warning: " + p.line
        if not self.live:
            self.held.append(line)
            if len(self.held) >= self.HOLD:
                self.started()
            return
        self._write(line)

    def started(self) -> None:
        if not self.live:
            self.live = True
            for line in self.held:
                self._write(line)
            self.held = []

    def _write(self, line: str) -> None:
        import sys

        if self.progress is not None:
            from rich.text import Text

            self.progress.console.print(Text(line), soft_wrap=True)
        else:
            sys.stderr.write(line + "\n")


def _progress() -> Progress | None:
    """A progress bar on stderr if it is a terminal. It refreshes only when told (no thread of its
    own), because the worker processes are forked while it runs."""
    import sys

    if not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("scanning postings"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[bad]}"), TimeElapsedColumn(), console=Console(stderr=True),
                    transient=True, auto_refresh=False)


#: Seconds between redraws of the progress bar.
REFRESH = 0.1


def build(paths: list[str], *, profile_path: str | None = None, bank_dir: str | None = None,
          text_column: str | None = None, title_column: str | None = None, jobs: int | None = None,
          fmt: str = "markdown", progress: Progress | None = None) -> tuple[str, MarketScan]:
    """Scan ``paths`` and return the report text; raises ``UsageError`` when nothing was readable."""
    import contextlib
    import time
    from pathlib import Path

    from careerfit.cli.market_run import scan
    from careerfit.cli.market_sources import check_paths, count_postings, iter_postings
    from careerfit.core.errors import UsageError
    from careerfit.core.scoring import skill_scores
    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import lexicon_for
    from careerfit.formats.profile_io import check_against_bank, load_profile
    from careerfit.postings.market import MarketScan, Problem, one_line
    from careerfit.postings.market_report import market_json, market_markdown

    check_paths(paths)
    folder = Path(bank_dir) if bank_dir else None
    bank = load_bank(folder)
    lexicon = lexicon_for(folder, bank)
    skills, name = None, ""
    if profile_path is not None:
        profile = load_profile(Path(profile_path))
        check_against_bank(profile, bank, Path(profile_path))
        skills, name = skill_scores(bank, profile.answers, profile.not_relevant), profile.name
    market = MarketScan(bank, skills, profile_name=name, sources=tuple(paths))
    err = _Stderr(progress)
    task = None
    if progress is not None:
        task = progress.add_task("scan", total=count_postings(paths), bad="")
    last = [0.0]

    def on_result(item: PostingSummary | Problem) -> None:
        market.add(item)
        if isinstance(item, Problem):
            err.problem(item)
        else:
            err.started()
        if progress is not None and task is not None:
            progress.update(task, advance=1, bad=f"{market.bad:,} bad" if market.bad else "")
            now = time.monotonic()
            if now - last[0] >= REFRESH:
                last[0] = now
                progress.refresh()

    items = iter_postings(paths, text_column=text_column, title_column=title_column)
    with progress if progress is not None else contextlib.nullcontext():
        scan(items, bank=bank, lexicon=lexicon, skills=skills, on_result=on_result, jobs=jobs, bank_dir=bank_dir)
    if market.read == 0:
        where = " ".join(one_line(p) for p in paths)
        if market.bad == 0:
            raise UsageError(f"{where}: no posting found (a folder is searched for .txt, .md and .markdown files)")
        first = market.bad_listed[0].line
        more = f" (and {market.bad - 1:,} more)" if market.bad > 1 else ""
        raise UsageError(f"no readable posting: {first}{more}")
    doc = market.result()
    text = market_json(doc) if fmt == "json" else market_markdown(doc, bank)
    return text, market


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from careerfit.cli.output import write_output
    from careerfit.core.errors import SaveError, UsageError

    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    out = Path(args.output) if args.output else None
    if out is not None and not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise SaveError("folder does not exist", out.parent)  # before the scan, not after it
    from careerfit.cli.market_sources import check_paths

    check_paths(args.paths)
    progress = _progress()
    text, _ = build(args.paths, profile_path=args.profile, bank_dir=args.bank, text_column=args.text_column,
                    title_column=args.title_column, jobs=args.jobs, fmt=args.format, progress=progress)
    inputs = tuple(Path(p) for p in (*args.paths, args.profile) if p)
    write_output(text, markdown=args.format == "markdown", out=out, inputs=inputs)
    return 0
