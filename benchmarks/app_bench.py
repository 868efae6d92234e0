"""Speed of the careerfit app against a minimal Textual app, per issue 3 "Speed".

Run: ``python benchmarks/app_bench.py [--runs 7]``. Each measurement is a fresh process
(``python app_bench.py --child KIND``) so start-up is whole-process wall time, and peak
memory is that process's own ``ru_maxrss``. Medians of all runs are printed side by side
with their ratios against the targets:

- start: a minimal app (Header, Label, Footer) reaching its first screen under
  ``run_test()`` vs careerfit opened on a profile (``careerfit PROFILE``) reaching its first
  question, interactive; also a new quick check started from the welcome screen, which is
  two screens, so it is also compared with the minimal app pushing a second minimal screen;
- peak memory of the same processes;
- 100 answers through the assessment's own ``answer`` action (each saved to disk, each
  followed by the pilot waiting for idle) vs 100 actions on the minimal app;
- the start and the 100 answers again in CPU time (the child's own user + system time),
  which other processes on a busy machine disturb far less than wall time.

Timings live here, not in the tests: they vary with the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ACTIONS = 100
SIZE = (80, 24)


# --- children: each prints one JSON line ---------------------------------------------------


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def child_minimal(actions: bool, switch: bool = False) -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import Footer, Header, Label

    class Second(Screen[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("second", id="label")
            yield Footer()

    class Minimal(App[None]):
        count = 0

        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("hello", id="label")
            yield Footer()

        def action_bump(self) -> None:
            self.count += 1
            self.query_one("#label", Label).update(f"count {self.count}")

    out: dict[str, float] = {}

    async def main() -> None:
        app = Minimal()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if switch:  # the welcome path's shape: a first screen, then a second one
                app.push_screen(Second())
                await pilot.pause()
            if actions:
                t0, c0 = time.perf_counter(), time.process_time()
                for _ in range(ACTIONS):
                    await app.run_action("bump")
                    await pilot.pause()
                out["actions_s"] = time.perf_counter() - t0
                out["actions_cpu_s"] = time.process_time() - c0

    asyncio.run(main())
    return out


def child_careerfit(profile: Path | None, actions: bool) -> dict[str, float]:
    from careerfit.app.app import CareerfitApp
    from careerfit.app.screens.assessment import AssessmentScreen

    out: dict[str, float] = {}

    async def main() -> None:
        app = CareerfitApp(profile)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            if profile is None:  # new quick check from the welcome screen
                await app.run_action("screen.new")
                await pilot.pause()
            screen = app.screen
            assert isinstance(screen, AssessmentScreen), screen
            if actions:
                total = len(screen.session.questions)
                t0, c0 = time.perf_counter(), time.process_time()
                for i in range(ACTIONS):
                    screen.index = i % (total - 1)  # never past the last question (that opens results)
                    await app.run_action(f"screen.answer({i % 5})")
                    await pilot.pause()
                out["actions_s"] = time.perf_counter() - t0
                out["actions_cpu_s"] = time.process_time() - c0
                touched = {screen.session.questions[i % (total - 1)].id for i in range(ACTIONS)}
                assert touched <= set(screen.session.profile.answers) and app.screen is screen, app.screen

    asyncio.run(main())
    return out


# --- parent ---------------------------------------------------------------------------------


def run_child(kind: str, env: dict[str, str], profile: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--profile", str(profile)]
    t0, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{kind} failed:\n{proc.stderr}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall_s"] = wall
    result["cpu_s"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def make_profile(folder: Path) -> Path:
    from careerfit.formats.bank import load_bank
    from careerfit.session.state import Session

    bank = load_bank()
    session = Session.new(bank, name="Bench", mode="full", current_role="data_scientist")
    session.save_as(folder / "bench.toml")
    for q in bank.questions[:20]:
        session.set_answer(q.id, 2)
    return folder / "bench.toml"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child")
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args()
    if args.child:
        kind = args.child
        if kind.startswith("careerfit"):
            # What careerfit.cli.main sets before opening the app: users always start it through the CLI.
            os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
        if kind.startswith("minimal"):
            result = child_minimal(actions=kind.endswith("actions"), switch=kind == "minimal-switch")
        else:
            profile = None if kind.startswith("careerfit-new") else args.profile
            result = child_careerfit(profile, actions=kind.endswith("actions"))
        result["peak_mib"] = _peak_mib()
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, CAREERFIT_HOME=str(Path(tmp) / "home"))
        os.environ["CAREERFIT_HOME"] = env["CAREERFIT_HOME"]
        profile = make_profile(Path(tmp))
        kinds = ["minimal", "careerfit-profile", "careerfit-new", "minimal-switch", "minimal-actions",
                 "careerfit-profile-actions"]
        samples: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
        run_child("minimal", env, profile)  # warm the OS file cache once
        for _ in range(args.runs):
            for kind in kinds:  # interleaved, so drift hits every kind alike
                samples[kind].append(run_child(kind, env, profile))

    def med(kind: str, key: str) -> float:
        return statistics.median(s[key] for s in samples[kind])

    rows: list[tuple[str, str, str, str, float | None]] = [
        ("start to first screen / question (s)", "wall_s", "minimal", "careerfit-profile", 1.3),
        ("  new quick check from welcome (s)", "wall_s", "minimal", "careerfit-new", 1.3),
        ("  same, vs minimal + 2nd screen (s)", "wall_s", "minimal-switch", "careerfit-new", 1.3),
        ("peak memory (MiB)", "peak_mib", "minimal", "careerfit-profile", 1.3),
        (f"{ACTIONS} actions / answers (s)", "actions_s", "minimal-actions", "careerfit-profile-actions", 1.5),
        # The same two in CPU time (the process's own): no target (the minimal app's actions
        # are mostly idle waiting), but steadier than wall time for an A/B on a shared machine.
        ("start, CPU time (s)", "cpu_s", "minimal", "careerfit-profile", None),
        (f"{ACTIONS} answers, CPU time (s)", "actions_cpu_s", "minimal-actions", "careerfit-profile-actions", None),
    ]
    print(f"medians of {args.runs} runs, Python {sys.version.split()[0]}")
    print(f"{'measure':<40} {'minimal':>9} {'careerfit':>10} {'ratio':>7} {'target':>7}")
    for label, key, base, ours, target in rows:
        b, o = med(base, key), med(ours, key)
        if target is None:
            print(f"{label:<40} {b:>9.3f} {o:>10.3f} {o / b:>6.2f}x       -")
            continue
        verdict = "ok" if o / b <= target else "OVER"
        print(f"{label:<40} {b:>9.3f} {o:>10.3f} {o / b:>6.2f}x {target:>6.1f}x {verdict}")


if __name__ == "__main__":
    main()
