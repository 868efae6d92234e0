"""The lexicon's file format: pydantic models of the lexicon keys of a ``lexicon.toml``.

Imported only when a file is validated (a cache miss: ``lexicon_file``), so reading postings
with a lexicon validated before never imports pydantic. The defaults of ``TermModel`` and the
other models are read from the plain records (``careerfit.postings.lexicon``), so each is
written once; a test checks the two views name the same fields.

May import: pydantic, ``fields`` and the plain records of ``careerfit.postings.lexicon``.
"""

from __future__ import annotations

import dataclasses
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

from careerfit.core.domain import MAX_LEVEL
from careerfit.core.errors import FileFormatError
from careerfit.core.text import clean_text
from careerfit.formats.fields import Block, Id, format_validation
from careerfit.postings.lexicon import _START, LevelPhrases, SectionRules, Term, WorkRules

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


def validate_lexicon_file(name: str, data: dict[str, Any]) -> dict[str, Any]:
    """The lexicon keys of one parsed file, validated, every default filled in, as JSON-able
    data (what the cache keeps and ``lexicon_file.assemble`` builds the records from);
    ``FileFormatError`` naming the file otherwise."""
    part = {k: data[k] for k in LEXICON_KEYS if k in data}
    try:
        return LexiconFile.model_validate(part).model_dump(mode="json")
    except ValidationError as exc:
        raise FileFormatError(f"lexicon: {format_validation(exc)}", name) from None
