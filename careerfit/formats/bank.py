"""Loading a question bank folder: areas, questions, roles and scoring constants.

A bank is every ``*.toml`` file in one folder but ``lexicon.toml`` (the posting lexicon,
loaded by ``careerfit.postings.lexicon``). Each file may hold ``[[area]]``,
``[[question]]``, ``[[role]]``, ``[[renamed]]`` and ``[[move]]`` tables and a ``[scoring]`` table
(``renamed`` maps question ids older profiles hold to their successors: see
``careerfit.core.renamed``; ``move`` is measured evidence of moves between roles). A folder that defines no
areas or no roles borrows the built-in ones, so a user's bank can be just questions.
Every problem in every file is collected and reported together, each naming its file and id.

May import: the file layer (``models``, ``fields`` lazily; ``cache``, ``tomlio``, ``locations``), core records.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from careerfit.core.domain import BUILDERS, Bank, Scoring
from careerfit.core.errors import BankError, CareerfitError
from careerfit.formats import cache
from careerfit.formats.locations import LEXICON_FILE, builtin_bank
from careerfit.formats.tomlio import toml_from_bytes

_KINDS = ("area", "question", "role", "renamed", "scoring", "move")
#: Top-level keys the bank ignores (free-form notes about a file).
_OTHER_KEYS = {"meta"}
_BUILTIN = "(built-in)"


def _entry_id(raw: Any, index: int) -> str:
    if isinstance(raw, dict):
        for key in ("id", "old"):  # a renamed entry is named by its old id
            if isinstance(raw.get(key), str):
                return raw[key]
    return f"#{index + 1}"


def _unreadable(path: Path, exc: CareerfitError) -> dict[str, Any]:
    """A file that could not be read (special, too large, unreadable): one problem."""
    return {"entries": {kind: [] for kind in _KINDS}, "problems": [str(exc)]}


def _validate_file(path: Path, raw: bytes) -> tuple[dict[str, Any], bool]:
    """A bank file's entries, validated, in JSON form, and its problems; cacheable if none.

    The slow path (TOML parsing, pydantic), taken only for files the cache does not hold;
    ``raw`` is the file's bytes as read once by the cache, which keyed the entry by them.
    """
    from pydantic import ValidationError

    from careerfit.formats.fields import format_validation
    from careerfit.formats.models import validate_entry

    entries: dict[str, list[Any]] = {kind: [] for kind in _KINDS}
    problems: list[str] = []
    try:
        data = toml_from_bytes(raw, path, what="bank file")
    except CareerfitError as exc:
        return {"entries": entries, "problems": [str(exc)]}, False
    for key, value in data.items():
        if key in _OTHER_KEYS:
            continue
        if key == "scoring":
            try:
                entries["scoring"].append(validate_entry("scoring", value))
            except ValidationError as exc:
                problems.append(f"{path.name}: [scoring]: {format_validation(exc)}")
            continue
        if key not in _KINDS:
            expected = ", ".join(_KINDS)
            problems.append(f"{path.name}: unknown table '{key}' (expected {expected})")
            continue
        if not isinstance(value, list):
            problems.append(f"{path.name}: '{key}' must be an array of tables ([[{key}]])")
            continue
        for i, raw in enumerate(value):
            try:
                entries[key].append(validate_entry(key, raw))
            except ValidationError as exc:
                problems.append(f"{path.name}: {key} {_entry_id(raw, i)}: {format_validation(exc)}")
    return {"entries": entries, "problems": problems}, not problems


def _build_file(value: dict[str, Any]) -> tuple[dict[str, list[Any]], list[str]]:
    """Domain objects from a file's validated entries (raises on a malformed cache entry)."""
    entries = value["entries"]
    return {kind: [BUILDERS[kind](d) for d in entries[kind]] for kind in _KINDS}, [str(p) for p in value["problems"]]


def _read_folder(folder: Path, problems: list[str]) -> dict[str, list[tuple[str, Any]]]:
    found: dict[str, list[tuple[str, Any]]] = {kind: [] for kind in _KINDS}
    files = sorted(p for p in folder.glob("*.toml") if p.name != LEXICON_FILE)
    if not files:
        problems.append(f"{folder}: no .toml files")
    for path, (objects, file_problems) in cache.per_file(folder, files, kind="bank", compute=_validate_file,
                                                        build=_build_file, unreadable=_unreadable,
                                                        what="bank file"):
        problems.extend(file_problems)
        for kind in _KINDS:
            found[kind].extend((path.name, obj) for obj in objects[kind])
    return found


def _check(bank_parts: dict[str, list[tuple[str, Any]]], problems: list[str]) -> None:
    seen: dict[tuple[str, str], str] = {}
    for kind in ("area", "question", "role"):
        for fname, item in bank_parts[kind]:
            key = (kind, item.id)
            if key in seen and seen[key] == _BUILTIN:
                problems.append(f"{fname}: {kind} {item.id}: the built-in bank already has this id (a folder "
                                "without areas of its own adds its questions to the built-in ones): choose another")
            elif key in seen:
                problems.append(f"{fname}: duplicate {kind} id '{item.id}' (also in {seen[key]})")
            else:
                seen[key] = fname
    area_ids = {a.id for _, a in bank_parts["area"]}
    for fname, q in bank_parts["question"]:
        if q.skill not in area_ids:
            problems.append(f"{fname}: question {q.id}: unknown area '{q.skill}'")
    for fname, r in bank_parts["role"]:
        for area_id in r.requires:
            if area_id not in area_ids:
                problems.append(f"{fname}: role {r.id}: unknown area '{area_id}'")
        if not any(req.importance > 0 and req.level > 0 for req in r.requires.values()):
            problems.append(f"{fname}: role {r.id}: requires nothing (every level or importance is 0)")
    _check_renamed(bank_parts, problems)
    role_ids = {r.id for _, r in bank_parts["role"]}
    seen_moves: set[tuple[str, str]] = set()
    for fname, m in bank_parts["move"]:
        if fname == _BUILTIN:
            continue
        for rid in (m.from_role, m.to_role):
            if rid not in role_ids:
                problems.append(f"{fname}: move {m.from_role} -> {m.to_role}: unknown role '{rid}'")
        if (m.from_role, m.to_role) in seen_moves:
            problems.append(f"{fname}: duplicate move {m.from_role} -> {m.to_role}")
        seen_moves.add((m.from_role, m.to_role))
    if len(bank_parts["scoring"]) > 1:
        problems.append(f"{bank_parts['scoring'][1][0]}: a second [scoring] table")
    asked = {q.skill for _, q in bank_parts["question"]}
    for fname, a in bank_parts["area"]:
        if a.id not in asked and fname != _BUILTIN:
            problems.append(f"{fname}: area {a.id}: has no questions")


def _check_renamed(bank_parts: dict[str, list[tuple[str, Any]]], problems: list[str]) -> None:
    """An old id is listed once, is not asked any more, and hands on to questions that are."""
    asked = {q.id for _, q in bank_parts["question"]}
    seen: dict[str, str] = {}
    for fname, r in bank_parts["renamed"]:
        if r.old in seen:
            problems.append(f"{fname}: duplicate renamed id '{r.old}' (also in {seen[r.old]})")
        seen.setdefault(r.old, fname)
        if r.old in asked:
            problems.append(f"{fname}: renamed {r.old}: is still a question of the bank")
        for successor in r.to:
            if successor not in asked:
                problems.append(f"{fname}: renamed {r.old}: unknown successor question '{successor}'")


def load_bank(folder: Path | None = None) -> Bank:
    """Load and cross-check a bank folder (default: the built-in one). Raises ``BankError``."""
    if folder is None:
        return _builtin()
    return _load(Path(folder), use_builtin_defaults=True)


@lru_cache(maxsize=1)
def _builtin() -> Bank:
    return _load(builtin_bank(), use_builtin_defaults=False)


def _load(folder: Path, *, use_builtin_defaults: bool) -> Bank:
    problems: list[str] = []
    if not folder.exists():
        raise BankError(folder, ["no such folder"])
    if not folder.is_dir():
        raise BankError(folder, ["not a folder"])
    parts = _read_folder(folder, problems)
    unreadable = bool(problems)
    if use_builtin_defaults:
        base = _builtin()
        if not parts["area"]:
            parts["area"] = [(_BUILTIN, a) for a in base.areas]
            parts["question"] = [*((_BUILTIN, q) for q in base.questions), *parts["question"]]
            parts["renamed"] = [*((_BUILTIN, r) for r in base.renamed), *parts["renamed"]]
        if not parts["role"]:
            parts["role"] = [(_BUILTIN, r) for r in base.roles]
        if not parts["scoring"]:
            parts["scoring"] = [(_BUILTIN, base.scoring)]
        if not parts["move"]:
            parts["move"] = [(_BUILTIN, m) for m in base.moves]
    # Cross-check what did validate, so one run reports every problem, not only the first kind.
    _check(parts, problems)
    if not unreadable:
        for kind in ("area", "question", "role"):
            if not parts[kind]:
                problems.append(f"{folder}: no {kind}s defined")
    if problems:
        raise BankError(folder, problems)
    return Bank(
        areas=tuple(a for _, a in parts["area"]),
        questions=tuple(q for _, q in parts["question"]),
        roles=tuple(r for _, r in parts["role"]),
        scoring=parts["scoring"][0][1] if parts["scoring"] else Scoring(),
        source=str(folder),
        renamed=tuple(r for _, r in parts["renamed"]),
        moves=tuple(m for _, m in parts["move"]),
        builtin_questions=sum(1 for fname, _ in parts["question"] if fname == _BUILTIN),
    )
