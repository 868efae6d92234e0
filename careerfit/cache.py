"""A cache of what was read and validated from unchanged files, so start-up skips the work.

tomllib is pure Python and pydantic costs a third of the app's start-up to import and build,
yet the bank rarely changes and a profile is mostly reopened as careerfit last wrote it. So:

- bank files (``per_file``) are keyed by name, size and CRC-32 of their bytes; the cache keeps
  each file's validated entries, so an unchanged bank needs neither TOML parsing nor pydantic;
- profiles (``known_profile`` / ``remember_profile``) are keyed by path and their exact text:
  a profile whose text is the one last validated or written by careerfit is not validated
  again.

Everything lives in the user cache folder and is tied to this careerfit's version and to its
model definitions, so an upgrade or an edited model never reads an old result. Only files that
validated cleanly are cached; a broken file is read, and reported, every time. Cross-checks
between files (unknown areas, duplicate ids) still run on every load. Failing to read or
write the cache is never an error, and a malformed entry is a miss. ``CAREERFIT_NO_CACHE=1``
turns the cache off.
"""

from __future__ import annotations

import atexit
import json
import os
import zlib
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from careerfit import __version__
from careerfit.errors import CareerfitError
from careerfit.locations import user_cache_dir
from careerfit.tomlio import atomic_write

T = TypeVar("T")
#: What a cached entry's builder may raise on a malformed (hand-edited, truncated) entry.
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError)
PROFILES_FILE = "profiles.json"
MAX_PROFILES = 8
#: Larger profiles (long notes) are simply validated each time, and kept out of the cache file.
MAX_PROFILE_TEXT = 64 * 1024
#: Modules whose code decides what is valid, beside the models: their stamps are part of the
#: fingerprint, so an edited checkout never reads what an older version accepted.
_VALIDATING = ("models.py", "fields.py", "domain.py", "text.py", "bank.py", "profile_io.py", "lexicon.py")


def enabled() -> bool:
    return not os.environ.get("CAREERFIT_NO_CACHE")


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _content_key(path: Path) -> str | None:
    """The file's size and CRC-32: an edit is seen even when it keeps the size and the
    modification time (``cp -p``, ``tar x``, ``touch -r``, coarse file-system clocks). CRC-32
    catches every edit confined to 32 consecutive bits, and others bar a 1-in-4-billion
    chance; zlib is loaded anyway, where a cryptographic hash would load OpenSSL's."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return f"{len(data)}:{zlib.crc32(data):08x}"


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    """careerfit's version, and the stamps of the code that defines what 'valid' means: the
    validating modules and the installed pydantic (found without importing it)."""
    from importlib.machinery import PathFinder  # loaded at start-up, unlike importlib.util

    here = Path(__file__).parent
    stamps = [_stamp(here / name) for name in _VALIDATING]
    for package in ("pydantic", "pydantic_core"):
        spec = PathFinder.find_spec(package)
        stamps.append(_stamp(Path(spec.origin)) if spec is not None and spec.origin else None)
    return f"{__version__} {stamps}"


def _cache_file(folder: Path, kind: str = "bank") -> Path:
    key = f"{zlib.crc32(str(folder.resolve()).encode('utf-8', 'surrogateescape')):08x}"
    return user_cache_dir() / f"{kind}-{key}.json"


def _load(cache: Path, key: str) -> dict[str, Any]:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("careerfit") != _fingerprint() or not isinstance(data.get(key), dict):
        return {}
    return data[key]


def _save(cache: Path, key: str, entries: dict[str, Any]) -> None:
    """Write a cache file; never raises. ASCII JSON: a file name that is not valid UTF-8
    (kept by Python as lone surrogates) round-trips as an escape instead of failing."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"careerfit": _fingerprint(), key: entries}).encode("ascii")
        atomic_write(cache, payload, backup=False, durable=False)
    except (OSError, ValueError, CareerfitError):
        pass


def per_file(folder: Path, paths: list[Path], *, kind: str, compute: Callable[[Path], tuple[Any, bool]],
             build: Callable[[Any], T]) -> list[tuple[Path, T]]:
    """``build(compute(path))`` for each path, reusing ``compute``'s result for unchanged files.

    ``compute`` does the slow work (parse, validate) and says whether its JSON-able result may
    be cached; ``build`` turns a result into objects and raises one of ``MALFORMED`` on a
    cached entry it cannot use, which is then computed afresh. ``kind`` separates caches of
    one folder read for different purposes (the bank, the lexicon), so neither evicts the other.
    """
    use_cache = enabled()
    cache = _cache_file(folder, kind)
    cached = _load(cache, "files") if use_cache else {}
    fresh: dict[str, Any] = {}
    out: list[tuple[Path, T]] = []
    dirty = False
    for path in paths:
        stamp = _content_key(path)
        entry = cached.get(path.name)
        if stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp and "data" in entry:
            try:
                out.append((path, build(entry["data"])))
                fresh[path.name] = entry
                continue
            except MALFORMED:
                pass
        value, cacheable = compute(path)
        out.append((path, build(value)))
        if stamp is not None and cacheable and _json_safe(value):
            fresh[path.name] = {"stamp": stamp, "data": value}
            dirty = True
    if use_cache and (dirty or set(fresh) != set(cached)):
        _save(cache, "files", fresh)
    return out


def _json_safe(data: Any) -> bool:
    """TOML dates and times have no JSON form; such files are simply read every time."""
    try:
        json.dumps(data)
    except (TypeError, ValueError):
        return False
    return True


def _profile_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return str(path.absolute())


#: Profiles remembered by this process, by cache file, then by path: written out once, at
#: exit (``flush``), so the app's save on every answer does not also rewrite the cache.
_pending: dict[Path, dict[str, dict[str, Any]]] = {}


def known_profile(path: Path, text: str) -> dict[str, Any] | None:
    """The validated document of ``path`` if its text is exactly the one last seen, else None."""
    if not enabled():
        return None
    cache = user_cache_dir() / PROFILES_FILE
    key = _profile_key(path)
    entry = _pending.get(cache, {}).get(key) or _load(cache, "profiles").get(key)
    if isinstance(entry, dict) and entry.get("text") == text and isinstance(entry.get("data"), dict):
        return entry["data"]
    return None


def remember_profile(path: Path, text: str, data: dict[str, Any]) -> None:
    """Note that ``text`` at ``path`` is the valid profile document ``data``; kept in memory
    and written to the cache when the process ends (or on ``flush``)."""
    if not enabled() or len(text) > MAX_PROFILE_TEXT or not _json_safe(data):
        return
    if not _pending:
        atexit.register(flush)
    entries = _pending.setdefault(user_cache_dir() / PROFILES_FILE, {})
    key = _profile_key(path)
    entries.pop(key, None)  # re-inserted last: the most recent
    entries[key] = {"text": text, "data": data}


def flush() -> None:
    """Write the remembered profiles into their cache files, most recent first.

    A cache whose home is gone (the data folder was removed meanwhile) is not recreated.
    """
    while _pending:
        cache, new = _pending.popitem()
        if not cache.parent.parent.is_dir():
            continue
        entries = dict(reversed(new.items()))
        for other, entry in _load(cache, "profiles").items():
            if other not in entries and len(entries) < MAX_PROFILES:
                entries[other] = entry
        _save(cache, "profiles", dict(list(entries.items())[:MAX_PROFILES]))
