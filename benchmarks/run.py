"""Speed targets of the engine issue, measured side by side in one run (medians, ratios).

    python benchmarks/run.py [--runs N]

- ``careerfit --help`` within 2x of ``python -c pass``;
- ``careerfit report`` (piped) within 1.3x of ``python -c "import rich.markdown, pydantic"``;
- scoring 10,000 questions x 100 roles under 100 ms, growing linearly.

Start-up commands are run alternately so both sides see the same machine load. Nothing here
is a test: these machines are noisy, so the figures are read, not asserted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROFILE = """schema = 1
name = "Bench"
current_role = "data_scientist"
[answers]
"ml.train_validate" = 3
"statistics.experiment_design" = 4
"software.unit_testing" = 1
"architecture.system_blueprint" = 0
"""


def careerfit_exe() -> list[str]:
    exe = Path(sys.executable).parent / "careerfit"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "careerfit"]


def time_cmd(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def side_by_side(a: list[str], b: list[str], runs: int) -> tuple[float, float]:
    time_cmd(a), time_cmd(b)  # warm the file cache
    ta, tb = [], []
    for _ in range(runs):
        ta.append(time_cmd(a))
        tb.append(time_cmd(b))
    return statistics.median(ta), statistics.median(tb)


def synthetic(n_questions: int, n_roles: int):
    from careerfit.core.domain import Area, Bank, Profile, Question, Requirement, Role

    areas = tuple(
        Area(id=f"a{i}", name=f"Area {i}", effort_hours=10 + i, effort_rationale="synthetic") for i in range(10)
    )
    questions = tuple(Question(id=f"q{i}", skill=f"a{i % 10}", text="Synthetic?") for i in range(n_questions))
    roles = tuple(
        Role(
            id=f"r{j}",
            name=f"Role {j}",
            description="synthetic",
            requires={a.id: Requirement(level=(i + j) % 5, importance=1 + (i * j) % 5) for i, a in enumerate(areas)},
        )
        for j in range(n_roles)
    )
    bank = Bank(areas=areas, questions=questions, roles=roles)
    profile = Profile(answers={q.id: (k * 7) % 5 for k, q in enumerate(questions) if k % 3})
    return bank, profile


def time_scoring(n_questions: int, n_roles: int, runs: int) -> float:
    from careerfit.core.scoring import assess

    bank, profile = synthetic(n_questions, n_roles)
    assess(bank, profile)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        assess(bank, profile)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    py = sys.executable
    rows: list[tuple[str, str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "bench.toml"
        profile.write_text(PROFILE)
        base, help_ = side_by_side([py, "-c", "pass"], [*careerfit_exe(), "--help"], args.runs)
        rows.append(("careerfit --help", f"{help_ * 1000:.1f} ms", "python -c pass", f"{base * 1000:.1f} ms",
                     f"{help_ / base:.2f}x (target <= 2x)"))
        base, rep = side_by_side([py, "-c", "import rich.markdown, pydantic"],
                                 [*careerfit_exe(), "report", str(profile)], args.runs)
        rows.append(("careerfit report (piped)", f"{rep * 1000:.1f} ms", "import rich.markdown, pydantic",
                     f"{base * 1000:.1f} ms", f"{rep / base:.2f}x (target <= 1.3x)"))
    small = time_scoring(10_000, 100, 15)
    rows.append(("scoring 10,000 q x 100 roles", f"{small * 1000:.1f} ms", "target", "100 ms",
                 f"{small / 0.1:.2f}x of budget"))
    double_q = time_scoring(20_000, 100, 9)
    rows.append(("scoring 20,000 q x 100 roles", f"{double_q * 1000:.1f} ms", "10,000 q x 100 roles",
                 f"{small * 1000:.1f} ms", f"{double_q / small:.2f}x (linear: ~2x)"))
    double_r = time_scoring(10_000, 200, 9)
    rows.append(("scoring 10,000 q x 200 roles", f"{double_r * 1000:.1f} ms", "10,000 q x 100 roles",
                 f"{small * 1000:.1f} ms", f"{double_r / small:.2f}x (linear: <= 2x)"))
    print(f"Machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    print()
    print("| measure | median | baseline | baseline median | ratio |")
    print("|---|--:|---|--:|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
