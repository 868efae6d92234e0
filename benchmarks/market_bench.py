"""Speed and memory of a market scan: 10,000 postings of ~600 words in under 10 s, memory flat.

    python benchmarks/market_bench.py [--count N] [--jobs N] [--sample N] [--runs N]

Measured side by side, ``--runs`` times (default 3), alternating, so that a slow spell of the
machine falls on both; the figures shown are the median and the range over the runs:

1. **Baseline**: one posting's analysis (``read_record``: ``analyse_posting`` and the summary the
   scan keeps) in this process, the mean over ``--sample`` generated postings (after one pass
   over them, so that what a long scan remembers, its titles and headings, is remembered here
   too), times the count: what a scan would cost with no parallelism and no overhead.
2. **Command**: ``careerfit postings BIG.jsonl --format json -o OUT`` as a user runs it (start-up,
   reading, analysis on every core, the report) on ``--count`` distinct postings: wall and CPU
   seconds (the command and its workers), and the **ratio** of its wall time to the baseline's
   (0.5x would be two cores with no overhead at all). The CPU ratio (its CPU over the
   baseline's) moves less when other processes share the machine.
3. Once: the same on a market where each posting appears three times (reposts, analysed once);
   ``--jobs 1`` on 1,000 postings (the overhead of start-up, reading and the report); and the
   peak RSS (the largest of the command and its workers) at 1,000 and at the full count: a scan
   that streams keeps it flat.

The postings are made from the development set of real postings (``tests/data/postings_real``):
each takes one posting, shuffles the lines of each of its sections, repeats some of them (real
postings repeat paragraphs) until it has about 400 words, and adds company, benefits and
equal-opportunity boilerplate, shuffled, until it has about 600; a seeded random generator makes
every run read the same postings, every one of them distinct (only 76 distinct titles, though:
a scan remembers the reading of each). Nothing here is a test: these machines are noisy, so the
figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_S = 10.0
#: Each generated posting stops adding text past this; they average about 600 words.
WORDS = 520

BOILERPLATE = (
    "We are a fast-growing company with offices in three countries and a team of more than four hundred people.",
    "Our mission is to make everyday services simpler, fairer and more reliable for millions of customers.",
    "We offer a competitive salary, an annual bonus, and a generous pension contribution.",
    "Enjoy 28 days of paid holiday plus public holidays, and an extra day off for your birthday.",
    "We support flexible and hybrid working, with a modern office in the city centre.",
    "Private health insurance, a wellbeing allowance and an employee assistance programme are included.",
    "Every employee gets a yearly learning budget and time to attend conferences.",
    "We are an equal opportunity employer and value diversity at our company.",
    "We do not discriminate on the basis of race, religion, colour, national origin, gender, sexual orientation, "
    "age, marital status, veteran status, or disability status.",
    "If you need reasonable adjustments during the application process, please let us know.",
    "Our values are ownership, curiosity and kindness, and we hire people who live them.",
    "We were founded ten years ago by two friends who wanted to fix a problem they saw every day.",
    "The hiring process has three steps: a call with a recruiter, a conversation with the team, and a final "
    "meeting with a manager.",
    "Please apply with your CV; a cover letter is optional.",
    "We are proud to have been named one of the best places to work for three years in a row.",
    "Parental leave, cycle-to-work schemes and regular team events are part of life here.",
)
#: The development set of real postings (``tests/data/postings_real``) the market is made from.
DEV_SET = ROOT / "tests" / "data" / "postings_real"
HEADINGS = ("## About us", "## What we offer", "## Benefits", "## Equal opportunities")


def _sections(text: str) -> tuple[str, list[list[str]]]:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    title, body = lines[0].lstrip("# "), lines[1:]
    sections: list[list[str]] = [[]]
    for line in body:
        if line.startswith("#") or (line.strip().endswith(":") and len(line.split()) <= 6):
            sections.append([line])
        elif line.strip():
            sections[-1].append(line)
    return title, [s for s in sections if s]


def make_posting(rng: random.Random, sources: list[tuple[str, list[list[str]]]], words: int = WORDS) -> str:
    """About half the words from one test posting (its sections' lines shuffled, some repeated,
    as real postings repeat paragraphs), the rest company, benefits and equal-opportunity text."""
    title, sections = rng.choice(sources)
    out = [title, ""]
    count = 0
    while count < words * 3 // 4:
        for sec in sections:
            head, rest = (sec[0], sec[1:]) if sec[0].startswith("#") or sec[0].strip().endswith(":") else ("", sec)
            rest = rest[:]
            rng.shuffle(rest)
            rest = rest[: max(1, len(rest) - rng.randrange(2))]
            out += ([head] if head else []) + rest + [""]
            count += sum(len(x.split()) for x in rest)
    while count < words:
        para = rng.sample(BOILERPLATE, k=4)
        out += [rng.choice(HEADINGS), "", " ".join(para), ""]
        count += 2 + sum(len(p.split()) for p in para)
    return "\n".join(out)


def write_jsonl(path: Path, count: int, seed: int = 12, copies: int = 1) -> float:
    """``count`` generated postings as JSON Lines, each distinct one appearing ``copies`` times
    (in shuffled order: reposts); returns their mean word count."""
    rng = random.Random(seed)
    sources = [_sections(p.read_text()) for p in sorted(DEV_SET.glob("*.md"))]
    distinct = -(-count // copies)
    order = [i % distinct for i in range(count)]
    if copies > 1:
        rng.shuffle(order)
    texts = [make_posting(rng, sources) for _ in range(distinct)] if copies > 1 else None
    total = 0
    with path.open("w", encoding="utf-8") as fh:
        for i, k in enumerate(order):
            text = texts[k] if texts is not None else make_posting(rng, sources)
            total += len(text.split())
            title, _, body = text.partition("\n")
            fh.write(json.dumps({"id": i, "title": title.lstrip("# "), "description": body}) + "\n")
    return total / count


def careerfit_exe() -> list[str]:
    exe = Path(sys.executable).parent / "careerfit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "careerfit"]


_PEAK = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter(); r = subprocess.run(sys.argv[1:]); w = time.perf_counter() - t\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(r.returncode, w, u.ru_maxrss, u.ru_utime + u.ru_stime)\n"
)


def run_command(src: Path, out: Path, jobs: int | None) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MB, the largest of the command and its workers) and CPU seconds
    (the command and its workers together) of one scan."""
    cmd = [*careerfit_exe(), "postings", str(src), "--format", "json", "-o", str(out)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    res = subprocess.run([sys.executable, "-c", _PEAK, *cmd], capture_output=True, text=True, check=True)
    code, wall, rss, cpu = res.stdout.split()
    if code != "0":
        raise SystemExit(f"careerfit postings failed: {code}")
    return float(wall), int(rss) / 1024, float(cpu)


def baseline_ms(records: list, bank: object, lexicon: object) -> tuple[float, float, float]:
    """One posting's analysis in this process: mean and median wall ms, mean CPU ms, over the sample."""
    from careerfit.postings.market import read_record

    for r in records:  # what a long scan has remembered by then (titles, headings, compiled spellings)
        read_record(r, bank, lexicon)
    times, cpu_start = [], time.process_time()
    for r in records:
        t = time.perf_counter()
        read_record(r, bank, lexicon)
        times.append(time.perf_counter() - t)
    cpu = (time.process_time() - cpu_start) / len(records)
    # a scan's cost is the sum, so the mean, not the median
    return statistics.fmean(times) * 1000, statistics.median(times) * 1000, cpu * 1000


def spread(values: list[float], fmt: str = "{:.1f}") -> str:
    """The median, and the range when there is more than one value."""
    med = fmt.format(statistics.median(values))
    return med if len(values) == 1 else f"{med} (range {fmt.format(min(values))}-{fmt.format(max(values))})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=None, help="workers for the command (default: its own)")
    parser.add_argument("--sample", type=int, default=300, help="postings timed one by one for the baseline")
    parser.add_argument("--runs", type=int, default=3, help="runs of the baseline and the distinct scan, alternating")
    args = parser.parse_args()

    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import load_lexicon
    from careerfit.postings.market import Record

    bank, lexicon = load_bank(), load_lexicon()
    n = args.count
    with tempfile.TemporaryDirectory() as tmp:
        names = ("small.jsonl", "big.jsonl", "reposts.jsonl", "out.json")
        small, big, reposts, out = (Path(tmp, name) for name in names)
        write_jsonl(small, 1_000)
        mean_words = write_jsonl(big, n)
        write_jsonl(reposts, n, copies=3)
        print(f"postings: {n:,} distinct, mean {mean_words:.0f} words, {big.stat().st_size / 1e6:.1f} MB of JSON Lines"
              f"; {max(args.runs, 1)} runs, alternating, median (range)")

        sample = [json.loads(line) for _, line in zip(range(args.sample), big.open(), strict=False)]
        records = [Record("bench", "", d["description"], d["title"]) for d in sample]
        base, base_median, base_cpu, walls, cpus, ratios, cpu_ratios, rss_big = [], [], [], [], [], [], [], 0.0
        for _ in range(max(args.runs, 1)):
            mean_ms, median_ms, cpu_ms = baseline_ms(records, bank, lexicon)
            base.append(mean_ms)
            base_median.append(median_ms)
            base_cpu.append(cpu_ms)
            wall, rss, cpu = run_command(big, out, args.jobs)
            doc = json.loads(out.read_text())
            assert doc["postings"] + doc["bad"]["count"] == n, doc["postings"]
            walls.append(wall)
            cpus.append(cpu)
            ratios.append(wall / (mean_ms / 1000 * n))
            cpu_ratios.append(cpu / (cpu_ms / 1000 * n))
            rss_big = max(rss_big, rss)
        baseline_s = statistics.median(base) / 1000 * n
        print(f"baseline: one posting {spread(base, '{:.3f}')} ms (mean of {len(records)}; median "
              f"{spread(base_median, '{:.3f}')} ms; CPU {spread(base_cpu, '{:.3f}')} ms) x {n:,} = {baseline_s:.1f} s")
        wall = statistics.median(walls)
        verdict = "ok" if wall < TARGET_S else "OVER TARGET"
        print(f"command, every core, {n:,} distinct postings: {spread(walls)} s wall, {spread(cpus)} s CPU "
              f"({statistics.median(cpus) / n * 1000:.2f} ms a posting); target {TARGET_S:.0f} s: {verdict}")
        print(f"ratio to the baseline: wall {spread(ratios, '{:.2f}')}x ({1 / statistics.median(ratios):.1f}x faster "
              f"than one posting's analysis x {n:,}), CPU {spread(cpu_ratios, '{:.2f}')}x")

        wall, rss, cpu = run_command(reposts, out, args.jobs)
        print(f"command, every core, {n:,} postings, each 3 times (reposts): {wall:.1f} s wall, {cpu:.1f} s CPU; "
              f"{wall / baseline_s:.2f}x the baseline")
        wall_one, _, cpu_one = run_command(small, out, 1)
        print(f"command, one process, 1,000 postings: {wall_one:.1f} s wall, {cpu_one:.1f} s CPU; "
              f"{wall_one / (statistics.median(base) / 1000 * 1_000):.2f}x the baseline "
              "(start-up, reading and the report included)")
        wall_small, rss_small, _ = run_command(small, out, args.jobs)
        print(f"memory: peak RSS {rss_small:.0f} MB at 1,000 postings, {rss_big:.0f} MB at {n:,} "
              f"({rss_big / rss_small:.2f}x for {n / 1000:.0f}x the postings); "
              f"1,000 postings took {wall_small:.1f} s on every core")
        print(f"load average after: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              "(other processes slow the wall times; the CPU times are steadier)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
