"""Speed of posting analysis: a 10,000-word posting should take under 50 ms beyond start-up.

    python benchmarks/posting_bench.py [--runs N]

Measured side by side in one run, medians:

1. **In process**: ``analyse_posting`` + Markdown rendering of a 10,000-word posting (built by
   concatenating the test postings), the bank and lexicon already loaded, against a baseline
   of one pass of ``re.findall(r"\\w+")`` plus ``str.lower`` over the same text, so the figure
   can be read relative to the machine's speed.
2. **Command**: ``careerfit posting BIG.txt`` minus ``careerfit posting SMALL.txt`` (a
   three-line posting), run alternately: start-up, imports and loading cancel out, and what
   remains is the time the 10,000 words cost the command.

Nothing here is a test: these machines are noisy, so the figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TARGET_MS = 50.0
WORDS = 10_000
SMALL = "Data Engineer\n\nRequirements\n- Spark and Airflow in production.\n"


def big_posting(words: int = WORDS) -> str:
    """A long posting made of the test postings, repeated until it has ``words`` words."""
    parts = [p.read_text() for p in sorted((ROOT / "tests" / "postings").glob("*.[mt][dx]*"))]
    out: list[str] = ["Machine Learning Engineer", ""]
    count = 0
    i = 0
    while count < words:
        chunk = parts[i % len(parts)]
        out.append(chunk)
        count += len(chunk.split())
        i += 1
    text = "\n".join(out)
    return " ".join(text.split(" ")[: words + text.count("\n")])


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def careerfit_exe() -> list[str]:
    exe = Path(sys.executable).parent / "careerfit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "careerfit"]


def command_ms(path: Path) -> float:
    t = time.perf_counter()
    subprocess.run([*careerfit_exe(), "posting", str(path)], check=True, capture_output=True)
    return (time.perf_counter() - t) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()

    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import load_lexicon
    from careerfit.postings.reader import analyse_posting
    from careerfit.postings.report import render

    text = big_posting()
    bank, lexicon = load_bank(), load_lexicon()
    print(f"posting: {len(text.split()):,} words, {len(text):,} characters")

    def analyse() -> None:
        render(analyse_posting(text, bank, lexicon), bank)

    def baseline() -> None:
        re.findall(r"\w+", text.lower())

    analyse()  # first use compiles the spellings the text touches
    a = median_ms(analyse, args.runs)
    b = median_ms(baseline, args.runs)
    verdict = "ok" if a < TARGET_MS else "OVER TARGET"
    print(f"in process: analyse + render {a:.1f} ms (median of {args.runs}); baseline tokenise {b:.1f} ms; "
          f"ratio {a / b:.1f}x; target {TARGET_MS:.0f} ms: {verdict}")

    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp, "big.txt"), Path(tmp, "small.txt")
        big.write_text(text)
        small.write_text(SMALL)
        runs = max(args.runs // 2, 5)
        bigs, smalls = [], []
        for _ in range(runs):
            bigs.append(command_ms(big))
            smalls.append(command_ms(small))
        mb, ms = statistics.median(bigs), statistics.median(smalls)
        extra = mb - ms
        verdict = "ok" if extra < TARGET_MS else "OVER TARGET"
        print(f"command: careerfit posting big {mb:.0f} ms, small {ms:.0f} ms (medians of {runs}); "
              f"beyond start-up {extra:.0f} ms; target {TARGET_MS:.0f} ms: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
