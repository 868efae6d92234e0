"""Which role does a job title name? Title variants from the role data first, the lexicon second.

Companies name one job many ways (seed 000 lists eleven titles for the ML engineer), so an
exact lookup is not enough. A title becomes a set of tokens: lexicon terms are folded to
their term ("ML" and "Machine Learning" are one token), seniority and filler words are
dropped, the rest are lower-cased words. Each role is scored by

- **variants** (weight 0.8): the best weighted Dice overlap between the title's tokens and one of the
  role's own title variants (or its name), so a listed variant scores 1 and ranks first;
  nouns naming the kind of job (engineer, scientist, analyst, ...) count double;
- **lexicon** (weight 0.2): the cosine between the areas the title's terms signal and the
  role's importance x level profile, which places titles no role lists ("NLP Scientist").

The words that decided it are the tokens shared with the best variant, and the terms found.

May import: the core and the plain lexicon: no pydantic, no file I/O.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from careerfit.core.domain import Bank, Role
from careerfit.core.errors import UsageError
from careerfit.core.text import clean_text
from careerfit.postings.lexicon import Lexicon

VARIANT_WEIGHT = 0.8
LEXICON_WEIGHT = 0.2
#: Nouns that name the kind of job weigh double: "Data Engineer" vs "Data Analyst" is decided by them.
ROLE_NOUNS = frozenset(
    {
        "engineer", "engineers", "scientist", "scientists", "researcher", "analyst", "architect", "developer",
        "statistician", "actuary", "modeller", "modeler", "programmer",
    }
)
MAX_TITLE_CHARS = 300
#: Longest title kept for a posting or a saved target.
MAX_TITLE = 120

#: Words that say how senior the job is or glue the title together, not which job it is.
_FILLER = frozenset(
    {
        "a", "an", "and", "the", "of", "for", "in", "on", "at", "to", "with", "senior", "sr", "jr", "junior",
        "lead", "principal", "staff", "head", "chief", "associate", "intern", "graduate", "trainee", "entry",
        "level", "mid", "ii", "iii", "iv", "v", "i", "remote", "hybrid", "m", "f", "d", "x", "w", "team", "teams",
        "new",
    }
)
_WORD = re.compile(r"[^\W_]+(?:[+#]+)?|[+#]+", re.UNICODE)


@dataclass(frozen=True)
class TitleMatch:
    """One role's score for a title, with the evidence."""

    role_id: str
    name: str
    score: float
    variant_score: float
    lexicon_score: float
    variant: str
    words: tuple[str, ...]
    terms: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class _Tokens:
    tokens: dict[str, str]  # token -> how it is shown
    areas: dict[str, float]  # area -> summed term weight
    terms: tuple[tuple[str, str], ...]  # (area, term)


def _tokens(text: str, lexicon: Lexicon) -> _Tokens:
    tokens: dict[str, str] = {}
    areas: dict[str, float] = {}
    terms: list[tuple[str, str]] = []
    rest: list[str] = []
    last = 0
    for hit in lexicon.find_terms(text):
        rest.append(text[last : hit.start])
        last = hit.end
        tokens.setdefault(f"term:{hit.area}:{hit.term}", text[hit.start : hit.end])
        areas[hit.area] = areas.get(hit.area, 0.0) + hit.weight
        if (hit.area, hit.term) not in terms:
            terms.append((hit.area, hit.term))
    rest.append(text[last:])
    for word in _WORD.findall(" ".join(rest)):
        low = word.lower()
        if low not in _FILLER:
            tokens.setdefault(low, word)
    return _Tokens(tokens, areas, tuple(terms))


def _weight(token: str) -> float:
    return 2.0 if token in ROLE_NOUNS else 1.0


@lru_cache(maxsize=4096)
def _variant_tokens(variant: str, lexicon: Lexicon) -> dict[str, str]:
    """Tokens of a role's title variant; cached, since the same variants are scored for every title."""
    return _tokens(clean_title(variant), lexicon).tokens


def _dice(a: dict[str, str], b: dict[str, str]) -> tuple[float, tuple[str, ...]]:
    if not a or not b:
        return 0.0, ()
    shared = [k for k in a if k in b]
    total = sum(map(_weight, a)) + sum(map(_weight, b))
    return 2 * sum(map(_weight, shared)) / total, tuple(a[k] for k in shared)


def role_vector(role: Role) -> dict[str, float]:
    """What a role asks, per area, as importance x level: the shape compared against."""
    return {area: float(r.importance) * float(r.level) for area, r in role.requires.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def clean_title(title: str) -> str:
    """One line, no control characters, dashes as spaces, capped in length."""
    title = clean_text(title, single_line=True)
    title = re.sub(r"[\u2010-\u2015\u2212]", "-", title)
    return " ".join(title.split())[:MAX_TITLE_CHARS]


def match_title(title: str, bank: Bank, lexicon: Lexicon, limit: int | None = None) -> list[TitleMatch]:
    """Roles ranked by how well the title names them (best first); empty if nothing matches."""
    title = clean_title(title)
    if not title:
        raise UsageError("the job title is empty")
    mine = _tokens(title, lexicon)
    if not mine.tokens:
        raise UsageError(f"no words to match in the job title '{title}'")
    out: list[TitleMatch] = []
    for role in bank.roles:
        best, best_variant = 0.0, ""
        best_words: tuple[str, ...] = ()
        for variant in (role.name, *role.titles):
            score, words = _dice(mine.tokens, _variant_tokens(variant, lexicon))
            if score > best:
                best, best_words, best_variant = score, words, variant
        lex = cosine(mine.areas, role_vector(role)) if mine.areas else 0.0
        total = VARIANT_WEIGHT * best + LEXICON_WEIGHT * lex
        if total <= 0:
            continue
        out.append(
            TitleMatch(role.id, role.name, 100 * total, 100 * best, 100 * lex, best_variant, best_words, mine.terms)
        )
    out.sort(key=lambda m: (m.variant_score < 100 - 1e-9, -m.score, m.role_id))
    return out[:limit] if limit else out
