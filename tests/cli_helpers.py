"""Running the installed ``careerfit`` console script as a user would."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def careerfit_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "careerfit"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("careerfit")
    return [found] if found else [sys.executable, "-m", "careerfit"]


def run(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict[str, str] | None = None
        ) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", **(env or {})}
    return subprocess.run(
        [*careerfit_cmd(), *args], cwd=cwd, input=stdin, capture_output=True, text=True, env=full_env, timeout=60
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
