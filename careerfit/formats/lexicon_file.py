"""The lexicon's file format: pydantic models of ``lexicon.toml`` and the loaders that build
the plain ``careerfit.postings.lexicon.Lexicon`` from it, as ``bank`` builds the plain ``Bank``.

The defaults of ``TermModel`` and ``LevelPhrasesModel`` are read from the plain records
(``lexicon.Term``, ``lexicon.LevelPhrases``), so each is written once; a test checks the two
views name the same fields.

May import: pydantic, the file layer (``fields``, ``tomlio``, ``cache``, ``locations``) and the core.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictFloat,
    StrictInt,
    ValidationError,
    field_validator,
    model_validator,
)

from careerfit.core.domain import MAX_LEVEL, Bank
from careerfit.core.errors import FileFormatError
from careerfit.core.text import clean_text
from careerfit.formats.fields import Block, Id, format_validation
from careerfit.formats.locations import LEXICON_FILE, builtin_bank
from careerfit.formats.tomlio import toml_from_bytes
from careerfit.postings.lexicon import _START, LevelPhrases, Lexicon, SectionRules, Term, WorkRules, norm

_TERM = {f.name: f.default for f in dataclasses.fields(Term) if f.default is not dataclasses.MISSING}
_PHRASES = {f.name: f.default for f in dataclasses.fields(LevelPhrases) if f.default is not dataclasses.MISSING}

Spelling = Annotated[str, Field(min_length=1, max_length=80)]


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TermModel(_FileModel):
    """One skill term and every spelling that counts as it."""

    term: Spelling = Field(description="Name shown as evidence; matched itself too.")
    also: tuple[Spelling, ...] = Field(_TERM["also"], description="Synonyms, abbreviations, other spellings.")
    exact: tuple[Spelling, ...] = Field(_TERM["exact"], description="Spellings matched with exact capitalisation.")
    weight: Annotated[StrictInt | StrictFloat, Field(gt=0, le=3)] = Field(
        _TERM["weight"], description="Strength of one mention; generic tools weigh less."
    )
    work: Literal["", "platform"] = Field(
        _TERM["work"], description="'platform': the term names infrastructure built or run for others."
    )

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.also)

    @field_validator("term", "also", "exact", mode="after")
    @classmethod
    def _plain(cls, value: Any) -> Any:
        items = (value,) if isinstance(value, str) else value
        for item in items:
            if clean_text(item, single_line=True).strip() != item or not item.strip():
                raise ValueError(f"spelling {item!r} has control characters or outer spaces")
            if not _START.match(item):
                raise ValueError(f"spelling {item!r} must start with a letter, digit or '.'")
        return value

    @model_validator(mode="after")
    def _exact_known(self) -> TermModel:
        unknown = [s for s in self.exact if s not in self.spellings]
        if unknown:
            raise ValueError(f"'exact' lists {unknown[0]!r}, which is not one of the term's spellings")
        return self


class AreaTerms(_FileModel):
    terms: tuple[TermModel, ...] = Field(min_length=1)


class LevelPhrasesModel(_FileModel):
    """Phrases that say how deep a skill must go, with the level they mean."""

    level: Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)]
    phrases: tuple[Spelling, ...] = Field(min_length=1)
    why: Block = _PHRASES["why"]


_SECTIONS: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(SectionRules)}


class SectionRulesModel(_FileModel):
    """``[sections]``: the words and phrases that sort a posting's lines (``lexicon.SectionRules``)."""

    nice: tuple[Spelling, ...] = _SECTIONS["nice"]
    about: tuple[Spelling, ...] = _SECTIONS["about"]
    duties: tuple[Spelling, ...] = _SECTIONS["duties"]
    required: tuple[Spelling, ...] = _SECTIONS["required"]
    inline_nice: tuple[Spelling, ...] = _SECTIONS["inline_nice"]
    boilerplate: tuple[Spelling, ...] = _SECTIONS["boilerplate"]


_WORK: dict[str, Any] = {f.name: f.default for f in dataclasses.fields(WorkRules)}


class WorkRulesModel(_FileModel):
    """``[work]``: the words that make a sentence platform work, and the areas that are then its domain."""

    platform: tuple[Spelling, ...] = _WORK["platform"]
    domain: tuple[Id, ...] = _WORK["domain"]
    role: Annotated[str, Field(max_length=80)] = _WORK["role"]
    why: Block = _WORK["why"]


class Neutral(_FileModel):
    """``[neutral]``: spellings that contain a skill term but name people or teams, not a skill."""

    terms: tuple[Spelling, ...] = ()
    why: Block = ""


class LexiconFile(_FileModel):
    """The lexicon keys of one TOML file (other top-level keys belong to the bank)."""

    lexicon: dict[Id, AreaTerms] = Field(default_factory=dict)
    level_phrases: tuple[LevelPhrasesModel, ...] = ()
    sections: SectionRulesModel | None = None
    neutral: Neutral | None = None
    work: WorkRulesModel | None = None


#: The keys of a lexicon file.
LEXICON_KEYS = ("lexicon", "level_phrases", "sections", "neutral", "work")
#: Tables about how a posting is written rather than which skills it names: a user lexicon
#: without them reads postings the built-in way.
_INHERITED = ("sections", "work")


def build_lexicon(files: list[tuple[str, dict[str, Any]]], source: str = "") -> Lexicon:
    """Validate the ``lexicon``/``level_phrases`` keys of parsed TOML files and compile them."""
    source = source or ", ".join(name for name, _ in files)
    areas: dict[str, tuple[Term, ...]] = {}
    origin: dict[str, str] = {}
    phrases: list[LevelPhrases] = []
    sections: SectionRules | None = None
    work: WorkRules | None = None
    neutral: list[str] = []
    for name, data in files:
        part = {k: data[k] for k in LEXICON_KEYS if k in data}
        try:
            parsed = LexiconFile.model_validate(part)
        except ValidationError as exc:
            raise FileFormatError(f"lexicon: {format_validation(exc)}", name) from None
        for area, block in parsed.lexicon.items():
            if area in areas:
                raise FileFormatError(f"lexicon area '{area}' is also defined in {origin[area]}", name)
            areas[area] = tuple(Term(t.term, t.also, t.exact, float(t.weight), t.work) for t in block.terms)
            origin[area] = name
        phrases.extend(LevelPhrases(lp.level, lp.phrases, lp.why) for lp in parsed.level_phrases)
        if parsed.sections is not None:
            if sections is not None:
                raise FileFormatError("lexicon: [sections] is defined twice", name)
            sections = SectionRules(**parsed.sections.model_dump())
        if parsed.neutral is not None:
            neutral.extend(parsed.neutral.terms)
        if parsed.work is not None:
            if work is not None:
                raise FileFormatError("lexicon: [work] is defined twice", name)
            work = WorkRules(**parsed.work.model_dump())
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
        if key not in data and key in _builtin_data():
            data = {**data, key: _inherit(key, _builtin_data()[key], data)}
    return build_lexicon([(str(path), data)], str(folder))


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
    return build_lexicon([(str(path), _builtin_data())], str(path.parent))


def _builtin_data() -> dict[str, Any]:
    return _parse(builtin_bank() / LEXICON_FILE)


def _parse(path: Path) -> dict[str, Any]:
    """Parsed through the same cache as bank files (pure-Python TOML parsing is slow); only
    the parsing is cached, the lexicon is validated on every load."""
    from careerfit.formats import cache

    def parse(p: Path, raw: bytes) -> tuple[dict[str, Any], bool]:
        return toml_from_bytes(raw, p, what="lexicon"), True

    ((_, data),) = cache.per_file(path.parent, [path], kind="lexicon", compute=parse, build=dict, what="lexicon")
    return data
