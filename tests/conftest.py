"""Shared fixtures: the built-in bank, profiles built from per-area levels, an isolated home."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from careerfit.core.domain import Bank, Profile
from careerfit.formats.bank import load_bank
from careerfit.formats.profile_io import profile_from_dict

_SESSION_HOME = ""


def pytest_configure(config: pytest.Config) -> None:
    """A home for the whole run, set before any fixture: session-wide fixtures (the bank) are
    set up before the per-test ``isolated_home``, and must not write the real user cache."""
    global _SESSION_HOME
    _SESSION_HOME = tempfile.mkdtemp(prefix="careerfit-tests-")
    os.environ["CAREERFIT_HOME"] = _SESSION_HOME


def pytest_unconfigure(config: pytest.Config) -> None:
    if _SESSION_HOME:
        shutil.rmtree(_SESSION_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def bank() -> Bank:
    return load_bank()


def profile_from_levels(bank: Bank, levels: Mapping[str, int], **fields: object) -> Profile:
    """A profile answering every question of each named area at that level."""
    answers = {q.id: levels[q.skill] for q in bank.questions if q.skill in levels}
    return profile_from_dict({"name": "Test", **fields, "answers": answers})


@pytest.fixture
def make_profile(bank: Bank) -> Callable[..., Profile]:
    def make(levels: Mapping[str, int], **fields: object) -> Profile:
        return profile_from_levels(bank, levels, **fields)

    return make


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real user data dir (recent list, autosave draft)."""
    home = tmp_path_factory.mktemp("careerfit-home")
    monkeypatch.setenv("CAREERFIT_HOME", str(home))
    return home
