"""A cache of what was read and validated from unchanged files, so start-up skips the work.

tomllib is pure Python and pydantic costs a third of the app's start-up to import and build,
yet the bank rarely changes and a profile is mostly reopened as careerfit last wrote it. So:

- bank files (``per_file``) are read once, and keyed by name and a BLAKE2b digest of exactly
  the bytes read: the bytes that are parsed on a miss are the bytes the key was made from;
- profiles (``known_profile`` / ``remember_profile``) are keyed by path and their exact text:
  a profile whose text is the one last validated or written by careerfit is not validated
  again.

A cache file is input like any other, so it is trusted only if it proves it was written by
careerfit from validated data: each file is signed with keyed BLAKE2b (an HMAC-equivalent
MAC) under a random secret kept in the cache folder (``key``, mode 0600). A flipped bit, a
hand edit, a truncated write or another version's file fails the MAC and is a miss; so is a
cache file that is not a regular file (a FIFO, a link to ``/dev/zero``) or over its size cap,
read through ``tomlio.read_bytes``. The MAC guards against corruption and stale or edited
data, not against someone who can write the cache folder: they could read the key (and
could as well edit the files themselves).

Everything is tied to this careerfit's version and to its model definitions, so an upgrade
or an edited model never reads an old result. Only files that validated cleanly are cached;
a broken file is read, and reported, every time. Cross-checks between files (unknown areas,
duplicate ids) still run on every load. Failing to read or write the cache is never an
error. ``CAREERFIT_NO_CACHE=1`` turns the cache off.

May import: the standard library, ``errors``, ``locations`` and ``tomlio``; never pydantic (a cached start-up skips it).
"""

from __future__ import annotations

import atexit
import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

try:  # the C module alone: 0.3 ms to import, where hashlib loads OpenSSL (4 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - CPython always builds it
    from hashlib import blake2b
try:
    from _operator import _compare_digest as _same_mac
except ImportError:  # pragma: no cover
    from hmac import compare_digest as _same_mac  # type: ignore[no-redef]

from careerfit import __version__
from careerfit.core.errors import CareerfitError
from careerfit.formats.locations import user_cache_dir
from careerfit.formats.tomlio import MAX_BYTES, atomic_write, read_bytes

T = TypeVar("T")
#: What a cached entry's builder may raise on a malformed entry (a bug, or an entry an older
#: build signed): a miss, never an error.
MALFORMED = (KeyError, TypeError, ValueError, AttributeError, IndexError)
PROFILES_FILE = "profiles.json"
KEY_FILE = "key"
KEY_BYTES = 32
MAX_PROFILES = 8
#: Larger profiles (long notes) are simply validated each time, and kept out of the cache file.
MAX_PROFILE_TEXT = 64 * 1024
#: A cache file larger than this is not read (the built-in bank's is about 100 KB).
MAX_CACHE_BYTES = 32 * 1024 * 1024
#: First bytes of every cache file: format, then the hex MAC of the rest, then a newline.
_MAGIC = b"careerfit-cache-2 "


#: The packages whose code may decide what is valid: the file models and loaders, and the core
#: and posting records they build (``tests/test_layers.py`` holds the file layer to them).
VALIDATING_PACKAGES = ("core", "postings", "formats")


def _validating(root: Path) -> list[Path]:
    """The modules whose code may decide what is valid: every module of ``VALIDATING_PACKAGES``
    (the app, the command line and the app state never validate), found, not listed, so a
    new validating module cannot be forgotten. Their stamps are part of the fingerprint: an
    edited checkout never reads what an older version accepted."""
    return sorted(path for package in VALIDATING_PACKAGES for path in (root / package).glob("*.py"))


def enabled() -> bool:
    return not os.environ.get("CAREERFIT_NO_CACHE")


def digest(data: bytes) -> str:
    """BLAKE2b-256 of ``data``: a content key no one can forge a second file for."""
    return blake2b(data, digest_size=32).hexdigest()


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    """careerfit's version, and the stamps of the code that defines what 'valid' means: the
    validating modules and the installed pydantic (found without importing it)."""
    from importlib.machinery import PathFinder  # loaded at start-up, unlike importlib.util

    root = Path(__file__).parent.parent
    stamps = [_stamp(path) for path in _validating(root)]
    for package in ("pydantic", "pydantic_core"):
        spec = PathFinder.find_spec(package)
        stamps.append(_stamp(Path(spec.origin)) if spec is not None and spec.origin else None)
    return f"{__version__} {stamps}"


def _cache_file(folder: Path, kind: str = "bank") -> Path:
    try:
        where = str(folder.resolve())
    except (OSError, RuntimeError):
        where = str(folder)
    return user_cache_dir() / f"{kind}-{digest(where.encode('utf-8', 'surrogateescape'))[:16]}.json"


def _secret(folder: Path, *, create: bool) -> bytes | None:
    """The cache folder's MAC key: ``folder/key``, 32 random bytes; made when ``create``.

    Read on every use (tens of microseconds), so a key deleted or replaced meanwhile is seen.
    A key file that is not exactly 32 bytes of a regular file is replaced (every entry it
    signed becomes a miss). Two processes making one at once: ``os.link`` lets one win, and
    the other reads the winner's.
    """
    try:
        secret = read_bytes(folder / KEY_FILE, max_bytes=KEY_BYTES, what="cache key")
    except CareerfitError:
        secret = b""
    if len(secret) == KEY_BYTES:
        return secret
    return _new_secret(folder / KEY_FILE) if create else None


def _new_secret(path: Path) -> bytes | None:
    import tempfile

    secret = os.urandom(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".key.", suffix=".tmp", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(secret)
            try:
                os.link(tmp, path)  # fails if another process made one meanwhile
            except FileExistsError:
                try:
                    theirs = read_bytes(path, max_bytes=KEY_BYTES, what="cache key")
                except CareerfitError:
                    theirs = b""
                if len(theirs) == KEY_BYTES:
                    return theirs
                os.replace(tmp, path)  # a broken key file (short, special): replaced
            except OSError:  # no hard links on this file system (FAT, some network ones)
                os.replace(tmp, path)
        finally:
            if os.path.lexists(tmp):
                os.unlink(tmp)
    except (OSError, CareerfitError):
        return None
    return secret


def _mac(secret: bytes, key: str, body: bytes) -> bytes:
    """Keyed BLAKE2b of the body and of what it is (``files``/``profiles``), as hex."""
    return blake2b(key.encode("ascii") + b"\n" + body, key=secret, digest_size=32).hexdigest().encode("ascii")


def _load(cache: Path, key: str) -> dict[str, Any]:
    """The ``key`` section of a cache file, or {} unless the file is exactly what this
    careerfit signed: anything else (missing, special, too large, altered) is a miss."""
    secret = _secret(cache.parent, create=False)
    if secret is None:
        return {}
    try:
        raw = read_bytes(cache, max_bytes=MAX_CACHE_BYTES, what="cache")
    except CareerfitError:
        return {}
    return _unsealed(raw, key, secret)


def _unsealed(raw: bytes, key: str, secret: bytes) -> dict[str, Any]:
    """The ``key`` section of a cache file's bytes if its MAC and fingerprint hold, else {}."""
    head, newline, body = raw.partition(b"\n")
    if not newline or not head.startswith(_MAGIC) or not _same_mac(head[len(_MAGIC):], _mac(secret, key, body)):
        return {}
    try:
        data = json.loads(body)
    except ValueError:
        return {}
    if not isinstance(data, dict) or data.get("careerfit") != _fingerprint() or not isinstance(data.get(key), dict):
        return {}
    return data[key]


def _save(cache: Path, key: str, entries: dict[str, Any]) -> None:
    """Write a signed cache file; never raises. ASCII JSON: a file name that is not valid
    UTF-8 (kept by Python as lone surrogates) round-trips as an escape instead of failing."""
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        secret = _secret(cache.parent, create=True)
        if secret is None:
            return
        body = json.dumps({"careerfit": _fingerprint(), key: entries}).encode("ascii")
        payload = _MAGIC + _mac(secret, key, body) + b"\n" + body
        atomic_write(cache, payload, backup=False, durable=False, follow_symlinks=False)
    except (OSError, ValueError, CareerfitError):
        pass


def per_file(folder: Path, paths: list[Path], *, kind: str, compute: Callable[[Path, bytes], tuple[Any, bool]],
             build: Callable[[Any], T], unreadable: Callable[[Path, CareerfitError], Any] | None = None,
             what: str = "file") -> list[tuple[Path, T]]:
    """``build(compute(path, bytes))`` for each path, reusing the result for unchanged files.

    Each file is read once (``tomlio.read_bytes``: regular files only, size capped); its
    key is the digest of those bytes and ``compute`` parses those same bytes, so a file
    replaced during a load can never be cached under the new content with the old result.
    ``compute`` does the slow work (parse, validate) and says whether its JSON-able result
    may be cached; ``build`` turns a result into objects. A file that cannot be read goes to
    ``unreadable`` (whose result is built, never cached), or raises when there is none.
    ``kind`` separates caches of one folder read for different purposes (the bank, the
    lexicon), so neither evicts the other.
    """
    use_cache = enabled()
    cache = _cache_file(folder, kind)
    cached = _load(cache, "files") if use_cache else {}
    fresh: dict[str, Any] = {}
    out: list[tuple[Path, T]] = []
    dirty = False
    for path in paths:
        try:
            data = read_bytes(path, max_bytes=MAX_BYTES, what=what)
        except CareerfitError as exc:
            if unreadable is None:
                raise
            out.append((path, build(unreadable(path, exc))))
            continue
        stamp = f"{len(data)}:{digest(data)}"
        entry = cached.get(path.name)
        if isinstance(entry, dict) and entry.get("stamp") == stamp and "data" in entry:
            try:
                out.append((path, build(entry["data"])))
                fresh[path.name] = entry
                continue
            except MALFORMED:
                pass
        value, cacheable = compute(path, data)
        out.append((path, build(value)))
        if cacheable and _json_safe(value):
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


def _profile_key(path: Path) -> str | None:
    """The profile's absolute path; None (not cached) when there is none: a symlink loop,
    or a relative path whose working folder was deleted."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        try:
            return str(path.absolute())
        except OSError:
            return None


#: Profiles remembered by this process, by cache file, then by path: written out once, at
#: exit (``flush``), so the app's save on every answer does not also rewrite the cache.
_pending: dict[Path, dict[str, dict[str, Any]]] = {}


def known_profile(path: Path, text: str) -> dict[str, Any] | None:
    """The validated document of ``path`` if its text is exactly the one last seen, else None."""
    if not enabled():
        return None
    cache = user_cache_dir() / PROFILES_FILE
    key = _profile_key(path)
    if key is None:
        return None
    entry = _pending.get(cache, {}).get(key) or _load(cache, "profiles").get(key)
    if isinstance(entry, dict) and entry.get("text") == text and isinstance(entry.get("data"), dict):
        return entry["data"]
    return None


def remember_profile(path: Path, text: str, data: dict[str, Any]) -> None:
    """Note that ``text`` at ``path`` is the valid profile document ``data``; kept in memory
    and written to the cache when the process ends (or on ``flush``)."""
    key = _profile_key(path)
    if not enabled() or key is None or len(text) > MAX_PROFILE_TEXT or not _json_safe(data):
        return
    if not _pending:
        atexit.register(flush)
    entries = _pending.setdefault(user_cache_dir() / PROFILES_FILE, {})
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
