"""The lexicon's loaders: they build the plain ``careerfit.postings.lexicon.Lexicon`` from
``lexicon.toml``, as ``bank`` builds the plain ``Bank``.

A file is validated once (``lexicon_models``, pydantic) and the cache keeps what passed, every
default filled in; ``assemble`` builds the records from that data, so a posting read against
a lexicon validated before imports no pydantic (about 80 ms of every ``careerfit posting``,
``postings`` and ``title``).

May import: the file layer (``lexicon_models`` lazily, ``tomlio``, ``cache``, ``locations``),
the core and the plain lexicon records.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from careerfit.core.domain import Bank
from careerfit.core.errors import FileFormatError
from careerfit.formats.locations import LEXICON_FILE, builtin_bank
from careerfit.formats.tomlio import toml_from_bytes
from careerfit.postings.lexicon import LevelPhrases, Lexicon, SectionRules, Term, WorkRules, norm

#: Tables about how a posting is written rather than which skills it names: a user lexicon
#: without them reads postings the built-in way.
_INHERITED = ("sections", "work")


def build_lexicon(files: list[tuple[str, dict[str, Any]]], source: str = "") -> Lexicon:
    """Validate the lexicon keys of parsed TOML files and compile them."""
    from careerfit.formats.lexicon_models import validate_lexicon_file

    return assemble([(name, validate_lexicon_file(name, data)) for name, data in files], source)


def assemble(files: list[tuple[str, dict[str, Any]]], source: str = "") -> Lexicon:
    """The plain lexicon from validated files (``lexicon_models.validate_lexicon_file``'s data),
    with the checks that span files: an area or a table defined twice, a spelling that means
    two things."""
    source = source or ", ".join(name for name, _ in files)
    areas: dict[str, tuple[Term, ...]] = {}
    origin: dict[str, str] = {}
    phrases: list[LevelPhrases] = []
    sections: SectionRules | None = None
    work: WorkRules | None = None
    neutral: list[str] = []
    for name, data in files:
        for area, block in data["lexicon"].items():
            if area in areas:
                raise FileFormatError(f"lexicon area '{area}' is also defined in {origin[area]}", name)
            areas[area] = tuple(Term(t["term"], tuple(t["also"]), tuple(t["exact"]), float(t["weight"]),
                                     t["work"]) for t in block["terms"])
            origin[area] = name
        phrases.extend(LevelPhrases(lp["level"], tuple(lp["phrases"]), lp["why"]) for lp in data["level_phrases"])
        if data["sections"] is not None:
            if sections is not None:
                raise FileFormatError("lexicon: [sections] is defined twice", name)
            sections = SectionRules(**{k: tuple(v) for k, v in data["sections"].items()})
        if data["neutral"] is not None:
            neutral.extend(data["neutral"]["terms"])
        if data["work"] is not None:
            if work is not None:
                raise FileFormatError("lexicon: [work] is defined twice", name)
            w = data["work"]
            work = WorkRules(platform=tuple(w["platform"]), domain=tuple(w["domain"]), role=w["role"],
                             why=w["why"])
    if work is not None:
        unknown = [a for a in work.domain if a not in areas]
        if unknown:
            raise FileFormatError(f"lexicon: [work] domain area '{unknown[0]}' has no terms in the lexicon", source)
    _check_duplicates(areas, phrases, source, neutral, work.platform if work else ())
    return Lexicon(areas, tuple(phrases), source, sections, tuple(neutral), work)


def _check_duplicates(areas: dict[str, tuple[Term, ...]], phrases: list[LevelPhrases], source: str,
                      neutral: Iterable[str] = (), platform: Iterable[str] = ()) -> None:
    """A spelling must mean one thing; otherwise which area it signals depends on file order."""
    _first_duplicate(
        (*((s, f"area {area}, term '{t.term}'") for area, terms in areas.items() for t in terms for s in t.spellings),
         *((n, "neutral") for n in neutral), *((w, "[work] platform") for w in platform)),
        "lexicon spelling '{text}' ({where}) repeats {first}",
        source,
    )
    _first_duplicate(
        ((p, f"level {lp.level}") for lp in phrases for p in lp.phrases),
        "level phrase '{text}' is listed twice ({first} and {where})",
        source,
    )


def _first_duplicate(items: Iterable[tuple[str, str]], message: str, source: str) -> None:
    """Raise at the first text that repeats (case and space/hyphen folded)."""
    seen: dict[str, str] = {}
    for text, where in items:
        key = norm(text)
        if key in seen:
            raise FileFormatError(message.format(text=text, where=where, first=seen[key]), source or None)
        seen[key] = where


def load_lexicon(folder: Path | None = None) -> Lexicon:
    """The lexicon of a bank folder (its ``lexicon.toml``); the built-in one if it has none."""
    if folder is None:
        return _builtin()
    folder = Path(folder)
    if not folder.is_dir():
        raise FileFormatError("no such folder", folder)
    path = folder / LEXICON_FILE
    if not path.exists():
        return _builtin()
    data = _parse(path)
    # A user lexicon of terms only still finds a posting's sections and platform sentences the
    # built-in way (domain areas it does not have are left out).
    for key in _INHERITED:
        if data.get(key) is None and _builtin_data().get(key) is not None:
            data = {**data, key: _inherit(key, _builtin_data()[key], data)}
    return assemble([(str(path), data)], str(folder))


def _inherit(key: str, table: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    if key == "work":
        own = set(data.get("lexicon", {}))
        return {**table, "domain": [a for a in table.get("domain", []) if a in own]}
    return table


def lexicon_for(folder: Path | None, bank: Bank) -> Lexicon:
    """The lexicon to read titles and postings against ``bank``.

    A folder's own ``lexicon.toml`` must name only that bank's areas (a mistake worth
    reporting); the built-in lexicon, borrowed by a bank with areas of its own, simply
    leaves out the areas that bank does not have.
    """
    lexicon = load_lexicon(folder)
    if lexicon is not _builtin():
        lexicon.check_areas(bank)
        return lexicon
    return lexicon.restricted_to({a.id for a in bank.areas})


@lru_cache(maxsize=1)
def _builtin() -> Lexicon:
    path = builtin_bank() / LEXICON_FILE
    return assemble([(str(path), _builtin_data())], str(path.parent))


def _builtin_data() -> dict[str, Any]:
    return _parse(builtin_bank() / LEXICON_FILE)


def _parse(path: Path) -> dict[str, Any]:
    """Parsed and validated through the same cache as bank files: a file unchanged since it
    last passed is neither parsed (pure-Python TOML is slow) nor validated again (pydantic
    is not even imported). The cache's fingerprint covers this package's code, so an edited
    model never trusts what an older one accepted."""
    from careerfit.formats import cache

    def parse(p: Path, raw: bytes) -> tuple[dict[str, Any], bool]:
        from careerfit.formats.lexicon_models import validate_lexicon_file

        return validate_lexicon_file(str(p), toml_from_bytes(raw, p, what="lexicon")), True

    ((_, data),) = cache.per_file(path.parent, [path], kind="lexicon", compute=parse, build=dict, what="lexicon")
    return data
