"""A cache of parsed TOML for bank folders, so start-up does not re-parse unchanged files.

tomllib is pure Python: parsing the built-in bank takes most of ``careerfit report``'s own
time. The cache keeps each file's parsed document as JSON beside its size and modification
time, in the user cache folder; a file whose size or mtime changed is parsed again. Only the
parsing is cached: every document is still validated on every load, so a stale or tampered
cache can at worst cost a re-parse, never let invalid data through. Failing to read or write
the cache is never an error. ``CAREERFIT_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from careerfit import __version__
from careerfit.errors import CareerfitError
from careerfit.locations import user_cache_dir
from careerfit.tomlio import atomic_write, read_toml

Parsed = dict[str, Any] | CareerfitError


def _cache_file(folder: Path, kind: str = "bank") -> Path:
    key = f"{zlib.crc32(str(folder.resolve()).encode('utf-8', 'surrogateescape')):08x}"
    return user_cache_dir() / f"{kind}-{key}.json"


def _stamp(path: Path) -> list[int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _load_cache(cache: Path) -> dict[str, Any]:
    try:
        data = json.loads(cache.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("careerfit") != __version__ or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def parse_files(folder: Path, paths: list[Path], *, what: str = "bank file", kind: str = "bank"
                ) -> list[tuple[Path, Parsed]]:
    """Each path's parsed TOML document, or the error that reading it raised.

    ``kind`` separates caches of one folder read for different purposes (the question bank,
    the lexicon), so that neither evicts the other.
    """
    use_cache = not os.environ.get("CAREERFIT_NO_CACHE")
    cache = _cache_file(folder, kind)
    cached = _load_cache(cache) if use_cache else {}
    fresh: dict[str, Any] = {}
    out: list[tuple[Path, Parsed]] = []
    dirty = False
    for path in paths:
        stamp = _stamp(path)
        entry = cached.get(path.name)
        if stamp is not None and isinstance(entry, dict) and entry.get("stamp") == stamp and "data" in entry:
            out.append((path, entry["data"]))
            fresh[path.name] = entry
            continue
        try:
            data = read_toml(path, what=what)
        except CareerfitError as exc:
            out.append((path, exc))
            continue
        out.append((path, data))
        if stamp is not None and _json_safe(data):
            fresh[path.name] = {"stamp": stamp, "data": data}
            dirty = True
    if use_cache and (dirty or set(fresh) != set(cached)):
        _save(cache, fresh)
    return out


def _json_safe(data: dict[str, Any]) -> bool:
    """TOML dates and times have no JSON form; such files are simply parsed every time."""
    try:
        json.dumps(data)
    except (TypeError, ValueError):
        return False
    return True


def _save(cache: Path, files: dict[str, Any]) -> None:
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps({"careerfit": __version__, "files": files}, ensure_ascii=False).encode("utf-8")
        atomic_write(cache, payload, backup=False)
    except (OSError, CareerfitError):
        pass
