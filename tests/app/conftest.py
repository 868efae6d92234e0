"""App test fixtures, and running ``async def`` tests with ``asyncio.run`` (no plugin needed)."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Callable
from pathlib import Path

import pytest

from careerfit.app.app import CareerfitApp
from careerfit.core.domain import Bank


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        wanted = inspect.signature(pyfuncitem.obj).parameters
        args = {name: value for name, value in pyfuncitem.funcargs.items() if name in wanted}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture
def make_app(bank: Bank) -> Callable[..., CareerfitApp]:
    """A fresh app on the shared bank (loading the bank once keeps tests fast)."""

    def make(path: Path | None = None) -> CareerfitApp:
        return CareerfitApp(path, bank=bank)

    return make
