"""The skill lexicon: which words in a job title or posting signal which skill area.

The lexicon lives in the bank folder as TOML (``questions/lexicon.toml``), so a user can
read and extend it like the questions. ``careerfit.formats.lexicon_file`` validates it with pydantic
into the plain records here (``Term``, ``LevelPhrases``); this module compiles them into
matchers that respect word boundaries. Plain ``\\b`` is wrong here: it sits between
``+`` and a space, so ``\\bC\\+\\+\\b`` never matches "C++ ", and it lets "R" fire in "R&D".
Instead a spelling must not touch a letter, digit, ``_``, ``+``, ``#`` or ``&`` on either
side.

Matching is two-step for speed: one cheap scan finds where words start, a dict keyed by the
lower-cased first word picks the few spellings that could start there, and only those are
tried. A 10,000-word posting is matched in a few milliseconds.

May import: the core only (``domain``, ``errors``, ``text``): no pydantic, no file I/O.
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass

from careerfit.core.domain import Bank
from careerfit.core.errors import FileFormatError

#: Characters that glue onto a word: a spelling touching one of these is inside a longer word.
_WORDISH = r"[\w+#&]"
_LEFT = rf"(?<!{_WORDISH})"
_RIGHT = rf"(?!{_WORDISH})"
#: Where a spelling can start: a word, or a dot and a word (".NET"), not glued to the left.
_START = re.compile(rf"{_LEFT}\.?\w+")
_SEP = re.compile(r"[\s\-]+")

@dataclass(frozen=True)
class Term:
    """One skill term and every spelling that counts as it (checked by ``lexicon_file.TermModel``)."""

    term: str
    also: tuple[str, ...] = ()
    exact: tuple[str, ...] = ()
    weight: float = 1.0
    #: "platform" when the term names infrastructure built or run for others ("ML platform",
    #: "Kubernetes"): a sentence with it is platform work (see ``WorkRules``).
    work: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.also)


@dataclass(frozen=True)
class LevelPhrases:
    """Phrases that say how deep a skill must go, with the level they mean."""

    level: int
    phrases: tuple[str, ...]
    why: str = ""


@dataclass(frozen=True)
class SectionRules:
    """How the lines of a posting are sorted into sections (checked by ``lexicon_file.SectionRulesModel``).

    A heading with a ``nice`` word opens nice-to-have text ("Preferred qualifications");
    otherwise the longest word found among ``about``, ``duties`` and ``required`` decides.
    A sentence with an ``inline_nice`` phrase ("a plus") is nice wherever it sits. Real
    postings are messy, so a line that carries a ``boilerplate`` phrase (equal-opportunity
    text, benefits, conditions of employment) counts as about-the-company text wherever it sits.
    """

    nice: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    duties: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    inline_nice: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()

    def heading_kinds(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(kind, lower-case heading words) in the order they are checked."""
        return tuple((kind, tuple(w.lower() for w in getattr(self, kind)))
                     for kind in ("nice", "about", "duties", "required"))


#: The area of the ``WorkRules.platform`` words in a posting's hits: no bank area has it (area
#: ids are plain words), so they count nowhere and only mark their sentence.
WORK_AREA = "@platform"


@dataclass(frozen=True)
class WorkRules:
    """What the work of a sentence is for (checked by ``lexicon_file.WorkRulesModel``).

    Platform postings are written with the words of model work ("infrastructure for training
    ML models"). A sentence with a ``platform`` word ("infrastructure", "tooling") or a term
    marked ``work = "platform"`` builds or runs something others use; mentions of the
    ``domain`` areas there name what it serves, not what the job does, and the share of the
    posting in such sentences is evidence for ``role``, the role whose job is platform work.
    """

    platform: tuple[str, ...] = ()
    domain: tuple[str, ...] = ()
    role: str = ""
    why: str = ""


@dataclass(frozen=True)
class Hit:
    """One match in a text: where, which area and term (or phrase level), and how strong."""

    start: int
    end: int
    area: str
    term: str
    weight: float
    level: int | None = None


@dataclass
class _Entry:
    spelling: str
    exact: bool
    area: str
    term: str
    weight: float
    level: int | None
    _pattern: re.Pattern[str] | None = None
    #: Two plain words, case-insensitive: once the scan has matched both words by key, the
    #: match is known without a regex (compiling hundreds of them costs a cold run ~50 ms).
    plain_pair: bool = False

    @property
    def pattern(self) -> re.Pattern[str]:
        """Compiled on first use: a run touches only a few spellings, start-up stays short."""
        if self._pattern is None:
            self._pattern = _spelling_pattern(self.spelling, self.exact)
        return self._pattern


def _spelling_pattern(spelling: str, exact: bool) -> re.Pattern[str]:
    """A spelling as a regex: spaces/hyphens flexible, an optional plural, glued-word guard."""
    parts = [re.escape(p) for p in _SEP.split(spelling)]
    body = r"[\s\-]+".join(parts)
    plural = "(?:e?s)?" if spelling[-1].isalpha() else ""
    return re.compile(body + plural + _RIGHT, 0 if exact else re.IGNORECASE)


def _key(spelling: str) -> str:
    match = _START.match(spelling)
    assert match is not None  # guaranteed by Term validation
    return match.group(0).lower()


def norm(spelling: str) -> str:
    """How two spellings are compared for duplicates: case and space/hyphen folded."""
    return _SEP.sub(" ", spelling.strip().lower())


_GLUE = "+#&"

_WORD_PART = re.compile(r"\.?\w+")


class _Index:
    """Spellings arranged so that most words are settled by dict lookups, not regexes.

    - one word ("PyTorch", "GLM", ".NET"): a dict of the word and its plurals;
    - words joined by spaces or hyphens ("machine learning", "R-CNN"): keyed by the first two
      words, so a regex runs only where both words are present;
    - anything else ("C++", "A/B test", "CI/CD"): keyed by the first word and the character
      after it, then a regex.
    """

    def __init__(self, entries: Iterable[tuple[str, bool, str, str, float, int | None]]) -> None:
        self.pairs: dict[tuple[str, str], list[_Entry]] = {}
        self.odd: dict[tuple[str, str], list[_Entry]] = {}
        self.single: dict[str, _Entry] = {}
        self.single_exact: dict[str, _Entry] = {}
        plurals: list[tuple[dict[str, _Entry], str, _Entry]] = []
        for spelling, exact, area, term, weight, level in entries:
            entry = _Entry(spelling, exact, area, term, weight, level)
            parts = _SEP.split(spelling)
            if len(parts) == 1 and _START.fullmatch(spelling):
                table, form = (self.single_exact, spelling) if exact else (self.single, spelling.lower())
                table[form] = entry
                if spelling[-1].isalpha():
                    plurals += [(table, form + "s", entry), (table, form + "es", entry)]
            elif all(_WORD_PART.fullmatch(p) for p in parts):
                entry.plain_pair = len(parts) == 2 and not exact
                self.pairs.setdefault((parts[0].lower(), parts[1].lower()), []).append(entry)
            else:
                first = _key(spelling)
                self.odd.setdefault((first, spelling[len(first)].lower()), []).append(entry)
        for table, form, entry in plurals:
            table.setdefault(form, entry)  # a real spelling beats another's plural
        for bucket in (*self.pairs.values(), *self.odd.values()):
            bucket.sort(key=lambda e: -len(e.spelling))

        self.firsts = frozenset(first for first, _ in self.pairs)
        #: Every lower-case word a spelling can start with, and the case-exact ones: a word in
        #: neither starts no match, which settles most words of a posting with two lookups.
        self.starts = self.firsts | frozenset(self.single) | frozenset(first for first, _ in self.odd)
        self.exact_starts = frozenset(self.single_exact)

    def __bool__(self) -> bool:
        return bool(self.pairs or self.odd or self.single or self.single_exact)

    def match(self, text: str, pos: int, end: int, word: str, low: str, second: str | None,
              second_end: int = 0) -> tuple[_Entry, int] | None:
        """The longest spelling starting at the word ``text[pos:end]``; ``second`` is the next
        word (lower case) when only spaces or hyphens separate them, ending at ``second_end``."""
        if second is not None and low in self.firsts:
            for key in _forms(low, second):
                found = _first(self.pairs.get(key), text, pos, second_end)
                if found:
                    return found
        after = text[end : end + 1]
        if after and self.odd:
            found = _first(self.odd.get((low, after.lower())), text, pos)
            if found:
                return found
        entry = self.single_exact.get(word) or self.single.get(low)
        if entry is None or (after and after in _GLUE):
            return None
        return entry, end


def _forms(first: str, second: str) -> tuple[tuple[str, str], ...]:
    """Pair keys to try: the second word as written, and its singulars ("data pipelines")."""
    if second.endswith("es") and len(second) > 3:
        return ((first, second), (first, second[:-1]), (first, second[:-2]))
    if second.endswith("s") and len(second) > 2:
        return ((first, second), (first, second[:-1]))
    return ((first, second),)


def _first(bucket: list[_Entry] | None, text: str, pos: int, second_end: int = 0) -> tuple[_Entry, int] | None:
    if bucket:
        for e in bucket:
            if e.plain_pair and second_end:
                # Both words already match (the key); only the glue guard is left to check.
                if text[second_end : second_end + 1] not in _GLUE or second_end == len(text):
                    return e, second_end
                continue
            m = e.pattern.match(text, pos)
            if m:
                return e, m.end()
    return None


def scan(terms: _Index, phrases: _Index, text: str) -> tuple[list[Hit], list[Hit]]:
    """Term hits and phrase hits in one pass over the word starts; neither kind overlaps itself."""
    term_hits, phrase_hits = scan_many((terms, phrases), text)
    return term_hits, phrase_hits


def scan_many(indexes: tuple[_Index, ...], text: str) -> list[list[Hit]]:
    """The hits of each index, in one pass over the word starts (the costly part of a scan).

    Each index is matched on its own, as if scanned alone: its hits never overlap one
    another, while hits of different indexes may. The words are found, lower-cased and
    looked up in C (``finditer``, ``map``, ``compress``) against a ``_Plan`` of the indexes:
    most words of a posting ("the", "data" before a word no spelling pairs it with) start
    no spelling and never reach the Python loop, which tries only the indexes that may match.
    The look-up is in two steps, the cheap one first: whether the word starts any spelling
    (which drops about two words in three), then, for those left, whether it or the word
    pair it begins does.
    """
    plan = _plan(indexes)
    hits: list[list[Hit]] = [[] for _ in indexes]
    words = list((_START_ASCII if text.isascii() else _START).finditer(text))
    if not words:
        return hits
    texts = list(map(_GROUP, words))
    lows = list(map(str.lower, texts))
    solo, pairs, exact, firsts = plan.solo, plan.pairs, plan.exact, plan.firsts
    nexts = [*lows[1:], ""]
    near = list(itertools.compress(range(len(words)), map(plan.starts.__contains__, lows)))
    if len(near) > 1:
        pick = operator.itemgetter(*near)
        low_near, next_near = pick(lows), pick(nexts)
        flags = map(operator.or_, map(solo.__contains__, low_near),
                    map(pairs.__contains__, zip(low_near, next_near, strict=True)))
        if exact:
            flags = map(operator.or_, flags, map(exact.__contains__, pick(texts)))
        near = list(itertools.compress(near, flags))
    free = [0] * len(indexes)
    last = len(words) - 1
    for i in near:
        word, low = texts[i], lows[i]
        ks = pairs.get((low, nexts[i])) or solo.get(low, ())
        if exact and word in exact:
            ks = tuple(sorted({*ks, *exact[word]}))
        pos, end = words[i].span()
        second = None
        second_end = 0
        if i < last and low in firsts:
            nxt = words[i + 1]
            gap = text[end : nxt.start()]
            if gap and not gap.strip(" \t\n-"):
                second = nexts[i]
                second_end = nxt.end()
        for k in ks:
            if pos < free[k]:
                continue
            found = indexes[k].match(text, pos, end, word, low, second, second_end)
            if found:
                e, stop = found
                hits[k].append(Hit(pos, stop, e.area, e.term, e.weight, e.level))
                free[k] = stop
    return hits


_GROUP = re.Match.group
#: ``_START`` for text that is all ASCII, where ``\w`` means the same and is found faster.
_START_ASCII = re.compile(_START.pattern, re.ASCII)


@dataclass(frozen=True)
class _Plan:
    """Which indexes a word may start a match of, built once per tuple of indexes.

    - ``solo``: lower-case word -> the indexes with a one-word or odd spelling ("C++") starting with it;
    - ``pairs``: (word, next word), both lower case -> the indexes with a spelling of two or more
      words whose first two words these may be (the second also in its plurals, as ``_forms``
      tries), together with the word's ``solo`` indexes;
    - ``exact``: case-exact word -> the indexes with a case-exact spelling of it;
    - ``firsts``: every first word of a spelling of two words or more (the next word is read);
    - ``starts``: every lower-case word in any of them (a case-exact one lower-cased).

    A word in none of them starts no match: ``_Index.match`` would return None for every index.
    """

    solo: dict[str, tuple[int, ...]]
    pairs: dict[tuple[str, str], tuple[int, ...]]
    exact: dict[str, tuple[int, ...]]
    firsts: frozenset[str]
    starts: frozenset[str]


@functools.lru_cache(maxsize=64)
def _plan(indexes: tuple[_Index, ...]) -> _Plan:
    solo: dict[str, set[int]] = {}
    pairs: dict[tuple[str, str], set[int]] = {}
    exact: dict[str, set[int]] = {}
    for k, ix in enumerate(indexes):
        for w in (*ix.single, *(first for first, _ in ix.odd)):
            solo.setdefault(w, set()).add(k)
        for first, second in ix.pairs:
            for form in (second, second + "s", second + "es"):
                pairs.setdefault((first, form), set()).add(k)
        for w in ix.exact_starts:
            exact.setdefault(w, set()).add(k)
    for (first, _), ks in pairs.items():
        ks |= solo.get(first, set())
    return _Plan({w: tuple(sorted(ks)) for w, ks in solo.items()}, {p: tuple(sorted(ks)) for p, ks in pairs.items()},
                 {w: tuple(sorted(ks)) for w, ks in exact.items()}, frozenset().union(*(ix.firsts for ix in indexes)),
                 frozenset([*solo, *(first for first, _ in pairs), *(w.lower() for w in exact)]))


_EMPTY = _Index(())


class Lexicon:
    """A validated, compiled lexicon: terms per area, level phrases, and the rules for a posting's sections."""

    def __init__(self, areas: dict[str, tuple[Term, ...]], phrases: tuple[LevelPhrases, ...], source: str = "",
                 sections: SectionRules | None = None, neutral: tuple[str, ...] = (),
                 work: WorkRules | None = None) -> None:
        self.areas = areas
        self.level_phrases = phrases
        self.source = source
        self.sections = sections or SectionRules()
        self.neutral = neutral
        self.work = work or WorkRules()
        entries = [
            (s, s in t.exact, area, t.term, float(t.weight), None)
            for area, terms in areas.items()
            for t in terms
            for s in t.spellings
        ]
        self._terms = _Index(entries)
        # A posting is also matched against the neutral spellings (area ""), so that "ML
        # engineers" is one match that counts nowhere rather than a mention of machine learning.
        # Titles are not: there the role name is exactly what is being read.
        # The platform words of ``work`` too, under ``WORK_AREA``: they mark their sentence.
        self._posting_terms = _Index([*entries, *((n, False, "", n, 0.0, None) for n in neutral),
                                      *((w, False, WORK_AREA, w, 0.0, None) for w in self.work.platform)]) \
            if neutral or self.work.platform else self._terms
        self._phrases = _Index((p, False, "", p, 1.0, lp.level) for lp in phrases for p in lp.phrases)
        self._boilerplate = _Index((p, False, "", p, 1.0, None) for p in self.sections.boilerplate)
        self._inline_nice = _Index((p, False, "", p, 1.0, None) for p in self.sections.inline_nice)

    def find_terms(self, text: str) -> list[Hit]:
        """Every term mention, in order, never overlapping."""
        return scan(self._terms, _EMPTY, text)[0]

    def find_phrases(self, text: str) -> list[Hit]:
        """Every level phrase, in order; ``Hit.level`` is its level."""
        return scan(_EMPTY, self._phrases, text)[1]

    def find_all(self, text: str) -> tuple[list[Hit], list[Hit]]:
        """Terms and level phrases in one pass (what posting analysis uses); neutral spellings
        are matched and left out, so their words count nowhere."""
        hits, phrases = scan(self._posting_terms, self._phrases, text)
        if self.neutral:
            hits = [h for h in hits if h.area]
        return hits, phrases

    def find_section_phrases(self, text: str) -> tuple[list[Hit], list[Hit]]:
        """Where boilerplate phrases (equal-opportunity, benefits, conditions of employment) and
        nice-to-have phrases ("a plus") occur, in one pass."""
        return scan(self._boilerplate, self._inline_nice, text)

    def read_posting(self, text: str) -> tuple[list[Hit], list[Hit], list[Hit], list[Hit]]:
        """``find_all`` and ``find_section_phrases`` of one text in a single pass over its
        words (each index matched as if alone, so the hits are exactly theirs)."""
        terms, phrases, boilerplate, nice = scan_many(
            (self._posting_terms, self._phrases, self._boilerplate, self._inline_nice), text)
        if self.neutral:
            terms = [h for h in terms if h.area]
        return terms, phrases, boilerplate, nice

    def term_count(self, area: str) -> int:
        return len(self.areas.get(area, ()))

    def restricted_to(self, area_ids: set[str]) -> Lexicon:
        """This lexicon without the areas a bank does not have (itself when it has them all)."""
        if set(self.areas) <= area_ids:
            return self
        kept = {a: terms for a, terms in self.areas.items() if a in area_ids}
        return Lexicon(kept, self.level_phrases, self.source, self.sections, self.neutral, self.work)

    def check_areas(self, bank: Bank) -> None:
        """Refuse a lexicon that names an area the bank does not have."""
        known = {a.id for a in bank.areas}
        unknown = sorted(set(self.areas) - known)
        if unknown:
            raise FileFormatError(
                f"lexicon area '{unknown[0]}' is not an area of the bank (known: {', '.join(sorted(known))})",
                self.source or None,
            )
