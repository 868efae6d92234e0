"""SIGTERM in a real pseudo-terminal: the profile is saved and the process exits.

Textual installs no handler for these signals; the app adds its own through the asyncio
loop. This runs ``python -m careerfit PROFILE`` on a pty, waits until the first question
is drawn, changes nothing on screen but sends a signal, then checks the file and the code.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careerfit.core.domain import Bank
from careerfit.formats.profile_io import load_profile, save_profile
from careerfit.session.state import Session

pty = pytest.importorskip("pty")


def _read_until(fd: int, needle: bytes, timeout: float) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while needle not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


def test_sigterm_saves_and_exits(bank: Bank, tmp_path: Path, isolated_home: Path) -> None:
    signum = signal.SIGTERM
    path = tmp_path / "sig.toml"
    session = Session.new(bank, name="Sig", mode="quick")
    save_profile(session.profile, path)
    first = session.questions[0]
    master, slave = pty.openpty()
    env = dict(os.environ, CAREERFIT_HOME=str(isolated_home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    proc = subprocess.Popen([sys.executable, "-m", "careerfit", str(path)], stdin=slave, stdout=slave,
                            stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        shown = _read_until(master, b"Not answered yet", timeout=20)
        assert b"Not answered yet" in shown, shown[-500:]
        os.write(master, b"3")  # answer the first question with a real key
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and load_profile(path).answers.get(first.id) != 3:
            _read_until(master, b"\x00", timeout=0.1)
        assert load_profile(path).answers.get(first.id) == 3
        # Remove the file so only the signal handler's save can bring the answer back (a stale
        # rewrite would not do: the save merges it, as another window clearing the answer).
        path.unlink()
        proc.send_signal(signum)
        deadline = time.monotonic() + 10
        while proc.poll() is None and time.monotonic() < deadline:
            _read_until(master, b"\x00", timeout=0.1)
        assert proc.poll() == 128 + signum
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    assert load_profile(path).answers.get(first.id) == 3


async def test_sighup_and_sigterm_handlers_are_installed_and_save(bank: Bank, tmp_path: Path) -> None:
    """The same handler serves SIGHUP (terminal closed); checked in-process, without a pty."""
    import asyncio

    from careerfit.app.app import CareerfitApp

    path = tmp_path / "hup.toml"
    session = Session.new(bank, name="Hup")
    save_profile(session.profile, path)
    app = CareerfitApp(path, bank=bank, handle_signals=True)
    loop = asyncio.get_running_loop()
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            handlers = getattr(loop, "_signal_handlers", {})
            assert signal.SIGHUP in handlers and signal.SIGTERM in handlers
            app.session.profile.answers = {bank.questions[0].id: 1}
            app._on_signal(signal.SIGHUP)
            await pilot.pause()
    finally:
        for sig in (signal.SIGHUP, signal.SIGTERM):
            loop.remove_signal_handler(sig)
    assert app.return_code == 128 + signal.SIGHUP
    assert load_profile(path).answers == {bank.questions[0].id: 1}
