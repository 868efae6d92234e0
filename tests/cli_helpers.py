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


def run_on_a_terminal(*args: str, stdout: bool = True) -> tuple[int, str]:
    """The installed command with stderr (and, unless ``stdout`` is False, stdout) on a
    pseudo-terminal, as a person runs it: (exit code, what the terminal received)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen([*careerfit_cmd(), *args], stdout=slave if stdout else subprocess.DEVNULL,
                            stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")
