"""Profiles on disk: TOML in, validated ``Profile`` out, and back, atomically.

Loading is strict (a level of ``true`` or ``"3"`` is refused) and lossless (unknown keys
are kept and written back). The ``schema`` number is checked first: an older version is
migrated, a newer one refused rather than misread or overwritten.

May import: the file layer (``models``, ``fields``, ``tomlio``, ``cache``), ``merge`` and the core.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from careerfit.core.domain import PROFILE_SCHEMA, Bank, Profile, is_valid_id, profile_from
from careerfit.core.errors import CareerfitError, ProfileError, SaveError
from careerfit.core.renamed import carry_renamed
from careerfit.formats import cache
from careerfit.formats.tomlio import atomic_write, dump_toml, parse_toml, read_text

if TYPE_CHECKING:
    from careerfit.core.merge import MergeReport

#: Schemas this version can read; 0 is the unnumbered draft format (no ``schema`` key).
READABLE_SCHEMAS = (0, 1)


def _flatten_answers(raw: Any, prefix: str = "") -> Any:
    """Fold ``q.1 = 3`` written unquoted (a nested table to TOML) back into ``"q.1" = 3``."""
    if not isinstance(raw, dict):
        return raw
    flat: dict[str, Any] = {}
    for key, value in raw.items():
        full = f"{prefix}.{key}" if prefix else str(key)
        for item_key, item in (_flatten_answers(value, full) if isinstance(value, dict) else {full: value}).items():
            if item_key in flat:
                raise ProfileError(f"answers: '{item_key}' is given twice (quoted and as a dotted key)")
            flat[item_key] = item
    return flat


def migrate(data: dict[str, Any], path: Path | None = None) -> dict[str, Any]:
    """Bring an older profile document to the current schema; refuse a newer one."""
    schema = data.get("schema", 0)
    if isinstance(schema, bool) or not isinstance(schema, int):
        raise ProfileError("'schema' must be a whole number", path)
    if schema > PROFILE_SCHEMA:
        raise ProfileError(
            f"written by a newer careerfit (profile schema {schema}; this version reads up to "
            f"{PROFILE_SCHEMA}): upgrade careerfit to open it",
            path,
        )
    if schema not in READABLE_SCHEMAS:
        raise ProfileError(f"unknown profile schema {schema}", path)
    data = dict(data)
    if schema == 0 and "hours" in data and "hours_per_week" not in data:
        # Drafts before numbering called the weekly hours 'hours'.
        data["hours_per_week"] = data.pop("hours")
    data["schema"] = PROFILE_SCHEMA
    return data


def validated_document(data: dict[str, Any], path: Path | None = None) -> dict[str, Any]:
    """A profile document migrated and validated (``ProfileError`` naming ``path`` if not)."""
    from pydantic import ValidationError

    from careerfit.formats.fields import format_validation
    from careerfit.formats.models import validate_profile

    data = migrate(data, path)
    try:
        if "answers" in data:
            data["answers"] = _flatten_answers(data["answers"])
        history = data.get("sittings")
        if isinstance(history, list):
            data["sittings"] = [
                {**s, "answers": _flatten_answers(s["answers"])} if isinstance(s, dict) and "answers" in s else s
                for s in history
            ]
    except ProfileError as exc:
        raise ProfileError(exc.problem, path) from None
    try:
        return validate_profile(data)
    except ValidationError as exc:
        raise ProfileError(format_validation(exc), path) from None


def profile_from_dict(data: dict[str, Any], path: Path | None = None) -> Profile:
    return profile_from(validated_document(data, path))


def load_profile(path: Path) -> Profile:
    """Read and validate a profile file. Raises ``ProfileError``/``FileFormatError``.

    A file whose text is exactly what careerfit last validated or wrote there is taken from
    the cache (``careerfit.formats.cache``) without parsing or validating it again.
    """
    return load_profile_seen(path)[0]


def text_digest(text: str) -> str:
    """What identifies one version of a profile file: BLAKE2b of its text."""
    return cache.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def load_profile_seen(path: Path) -> tuple[Profile, str]:
    """The profile and the digest of exactly the text it was read from (read once), so a
    later save can tell whether someone else has written the file since."""
    text = read_text(path, what="profile")
    return _profile_of_text(path, text), text_digest(text)


def _profile_of_text(path: Path, text: str) -> Profile:
    known = cache.known_profile(path, text)
    if known is not None:
        try:
            return profile_from(known)
        except cache.MALFORMED:
            pass
    document = validated_document(parse_toml(text, path), path)
    cache.remember_profile(path, text, document)
    return profile_from(document)


def check_against_bank(profile: Profile, bank: Bank, path: Path | None = None) -> None:
    """Refuse a profile that names a role the bank does not have."""
    if profile.current_role is not None and not bank.has_role(profile.current_role):
        known = ", ".join(r.id for r in bank.roles)
        raise ProfileError(f"current_role: unknown role '{profile.current_role}' (known: {known})", path)


def open_for_bank(path: Path, bank: Bank) -> Profile:
    """Load a profile for use with ``bank``: checked against it, renamed answers carried."""
    profile = load_profile(path)
    check_against_bank(profile, bank, path)
    return carry_renamed(profile, bank)


# --- saving with others writing the same file ----------------------------------------------

#: How long a save waits for another careerfit saving the same file (each save takes ms).
LOCK_TIMEOUT = 5.0


@contextmanager
def profile_lock(path: Path, timeout: float | None = None) -> Iterator[None]:
    """Hold ``NAME.toml.lock`` beside the file (``fcntl.flock``) for a read-merge-write.

    flock is released by the kernel when its holder dies, so a crashed careerfit never
    leaves the file locked. Where there is no ``fcntl`` (Windows), or the lock file cannot be
    created (a read-only folder: the save itself will then say why it fails), the save goes
    ahead unlocked. ``SaveError`` if another process holds the lock for ``timeout`` seconds.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    try:
        target = path.resolve() if path.is_symlink() else path
        fd = os.open(target.with_name(target.name + ".lock"), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except (OSError, RuntimeError):
        yield
        return
    try:
        deadline = time.monotonic() + (LOCK_TIMEOUT if timeout is None else timeout)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise SaveError("another careerfit has been saving this file for too long; not saved "
                                    "(your answers are kept; try again)", path) from None
                time.sleep(0.005)
        yield
    finally:
        os.close(fd)  # releases the lock


@dataclass(frozen=True)
class SaveOutcome:
    """What ``save_merged`` wrote: the path, the profile as written (merged), the digest of
    the file's new text, and what the merge took from another writer (``None``: no merge)."""

    written: Path
    profile: Profile
    digest: str
    merge: MergeReport | None = None


def save_merged(profile: Profile, path: Path, *, base: Profile | None, seen: str | None,
                backup: bool = True, finish: Callable[[Profile], Profile] | None = None) -> SaveOutcome:
    """Save ``profile``, merging in whatever someone else wrote to ``path`` since this
    writer last read or wrote it (the text whose digest is ``seen``, holding ``base``).

    Under ``profile_lock`` the file is read once; if its digest is not ``seen``, it is parsed
    and merged three-way (``careerfit.core.merge``): both sides' changes are kept, this save wins
    where both changed the same thing. A changed file that cannot be read now is not
    overwritten (``SaveError``): it may hold answers this writer never saw. ``finish`` is
    applied to the merged profile before it is written (the session records the sitting).
    """
    from careerfit.core.merge import merge_profiles

    with profile_lock(path):
        report = None
        if seen is not None and base is not None:
            try:
                text: str | None = read_text(path, what="profile")
            except CareerfitError as exc:
                if path.exists():
                    raise SaveError(f"changed by another program and cannot be read now ({exc}); not "
                                    "overwritten: save under another name", path) from None
                text = None
            if text is not None and text_digest(text) != seen:
                try:
                    theirs = _profile_of_text(path, text)
                except CareerfitError as exc:
                    raise SaveError(f"changed by another program and cannot be read now ({exc}); not "
                                    "overwritten: save under another name", path) from None
                profile, report = merge_profiles(base, profile, theirs)
        if finish is not None:
            profile = finish(profile)
        written, payload = _write(profile, path, backup=backup)
    return SaveOutcome(written, profile, text_digest(payload.decode("utf-8")), report)


def profile_to_dict(profile: Profile) -> dict[str, Any]:
    """The TOML document: ``schema`` first, no ``None`` values, answers last."""
    return profile.to_document()


def dumps_profile(profile: Profile) -> bytes:
    return dump_toml(profile_to_dict(profile))


def save_profile(profile: Profile, path: Path, *, backup: bool = True) -> Path:
    """Write atomically; refuse to overwrite a file from a newer careerfit. Returns the path
    written (a symlink's target).

    ``backup`` keeps the previous version as ``NAME.bak``. The app passes it only on its
    first save to a file in a sitting, so the ``.bak`` is the file as it was before, not the
    answer before last (and each answer costs one fsynced write, not two).
    """
    return _write(profile, path, backup=backup)[0]


def _write(profile: Profile, path: Path, *, backup: bool) -> tuple[Path, bytes]:
    _refuse_newer(path)
    document = profile.to_document()
    payload = dump_toml(document)
    try:
        written = atomic_write(path, payload, backup=backup)
    except SaveError as exc:
        if exc.path is None:
            raise SaveError(exc.problem, path) from None
        raise
    _OWN_WRITES[str(path)] = _stamp(path)
    # Reopening this file (the next sitting) then needs neither TOML parsing nor pydantic.
    cache.remember_profile(written, payload.decode("utf-8"), document)
    return written, payload


#: Files this process wrote last, by path, with their (size, mtime): the app saves on every
#: answer, and a file unchanged since our own write need not be parsed again for its schema.
_OWN_WRITES: dict[str, tuple[int, int] | None] = {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns)


def _refuse_newer(path: Path) -> None:
    stamp = _stamp(path)
    if stamp is None or _OWN_WRITES.get(str(path)) == stamp:
        return
    try:
        text = read_text(path, what="profile")
        if cache.known_profile(path, text) is not None:
            return  # a profile this careerfit validated or wrote: not from a newer one
        data = parse_toml(text, path)
    except Exception:  # an unreadable old file is replaced (its copy goes to .bak)
        return
    schema = data.get("schema")
    if isinstance(schema, int) and not isinstance(schema, bool) and schema > PROFILE_SCHEMA:
        raise SaveError(f"holds a profile from a newer careerfit (schema {schema}); not overwritten", path)


__all__ = [
    "check_against_bank",
    "dumps_profile",
    "is_valid_id",
    "load_profile",
    "load_profile_seen",
    "migrate",
    "open_for_bank",
    "profile_from_dict",
    "profile_to_dict",
    "save_merged",
    "save_profile",
    "validated_document",
]
