"""Shared fixtures: the built-in bank, profiles built from per-area levels, an isolated home."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

from careerfit.bank import load_bank
from careerfit.domain import Bank, Profile
from careerfit.profile_io import profile_from_dict


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
