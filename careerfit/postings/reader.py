"""Reading a job posting: which areas it asks for, how strongly, and which role it reads like.

Pure functions over text; no terminal, no files (``commands/posting.py`` reads files, the commands
and the app render). The method, in the order it runs:

1. **Sections.** Each line is classed by the heading above it: *required* ("Requirements",
   "What you bring"), *duties* ("What you'll do"), *nice* ("Nice to have", "Preferred
   qualifications"), *about* (company blurb, benefits) or *general*; the heading words live in
   the lexicon's ``[sections]`` (a nice word decides first, else the longest word found). A
   sentence with an inline nice phrase ("a plus") is *nice*, and a line with a boilerplate
   phrase (equal opportunity, benefits, conditions of employment) is *about*, wherever they sit.
   A paragraph repeated word for word counts once. Sections weigh 1.0 / 0.9 / 0.5 / 0 / 0.7:
   about-text describes the employer, so it is listed but not counted.
2. **Mentions.** Lexicon terms are found on word boundaries; each counts its term weight
   times its section weight toward its area. Names of people and teams ("ML engineers", the
   lexicon's ``[neutral]``) are matched too and count nowhere: they say who the work is for.
3. **Requirement profile.** An area's importance grows with the square root of its share of
   the strongest area (1-5); its level starts at 3, 2 or 1 by that share and is set by level
   phrases just before a mention ("lead", "production", "familiarity with"). Areas only
   asked for as nice-to-have are capped at level 2 and importance 2.
4. **Reads like.** The cosine between the posting's areas (square root of each area's share)
   and each role's importance x level, plus ``TITLE_PRIOR`` x the role's title score: the title
   is evidence beside the content, weaker than it, because postings are often titled for one
   role and written for another. Levels read from phrases do not enter here: on real postings
   they follow the writer's style ("lead", "strong") more than the role.
5. **Differences** from that role's usual profile, and — with a profile — fit, gaps and plan
   through the existing scoring (``careerfit.core.scoring.assess``) with the posting as the target.

May import: the core and the plain lexicon (``lexicon``, ``markup``, ``titles``, ``role_fit``):
no pydantic, no file I/O.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from careerfit.core.domain import MAX_LEVEL, Bank, Profile, Requirement, Role, Source
from careerfit.core.errors import CareerfitError
from careerfit.core.role_fit import assess_role
from careerfit.core.scoring import Assessment
from careerfit.core.text import clean_text
from careerfit.postings.lexicon import WORK_AREA, Hit, Lexicon, SectionRules
from careerfit.postings.markup import heading_text, html_to_lines
from careerfit.postings.titles import MAX_TITLE, ROLE_NOUNS, TitleMatch, clean_title, cosine, match_title, role_vector

REQUIRED, DUTIES, GENERAL, NICE, ABOUT = "required", "duties", "general", "nice", "about"
#: About-the-company text (blurbs, benefits, equal-opportunity and employment conditions) is
#: listed as evidence but weighs nothing: it describes the employer, not the job. A posting
#: that is all about-text is read as other text instead (see ``_demands``).
SECTION_WEIGHT = {REQUIRED: 1.0, DUTIES: 0.9, GENERAL: 0.7, NICE: 0.5, ABOUT: 0.0}
#: Areas below this share of the strongest area are noise (one passing mention in a long text).
MIN_SHARE = 0.08
#: How much the title adds to a role's similarity, times its title score (0-1): the title is
#: evidence beside the content (a prior), not only a tie-breaker; 0 reads the content alone.
TITLE_PRIOR = 0.2
#: How much platform work adds to the role the lexicon's ``[work]`` names, times the share (0-1)
#: of what the posting asks that sits in platform sentences: who the work is for is evidence
#: beside the areas, which read the same for model and platform work. Half the title's weight:
#: a sentence's kind is indirect evidence.
PLATFORM_PRIOR = 0.1
#: The posting's areas enter the comparison as (share of the strongest area) ** SHARE_POWER.
SHARE_POWER = 0.5
#: What a mention of a domain area (machine learning, ...) counts in a sentence of platform work
#: ("build the infrastructure that trains ML models"): the platform serves models, so the job
#: asks to know what they need, not to build them; the lexicon's ``[work]`` says which sentences.
DOMAIN_WEIGHT = 0.5
#: Paragraphs of this many words or more count once however often they are repeated.
REPEAT_WORDS = 8
POSTING_ROLE_ID = "posting"
#: How far (characters) a level phrase reaches forward to the terms it qualifies.
PHRASE_REACH = 60

_BULLET = re.compile(r"^\s*(?:[-*+•·▪◦‣]|\d+[.)])\s+")
_TITLE_LINE = re.compile(r"^\s*(?:job\s+title|title|position|role)\s*:\s*(.+)$", re.IGNORECASE)
#: A run-in label: a few words and a colon opening a line ("Nice to have: Spark; dbt"), matched
#: on the line's first ``RUN_IN_CHARS`` characters only.
_RUN_IN = re.compile(r"(?:(?:[-*+•·▪◦‣]|\d+[.)])\s+)?([^:\n]{3,40}):\s+\S")
RUN_IN_WORDS = 5
RUN_IN_CHARS = 60
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'“])")


class PostingError(CareerfitError):
    """A posting that cannot be analysed (empty, or asking for nothing the lexicon knows)."""


@dataclass(frozen=True)
class AreaDemand:
    """What the posting asks of one area, and the evidence."""

    area: str
    score: float
    mentions: int
    main: int  # mentions in required, duties or general lines
    nice: int
    about: int
    level: int
    importance: int
    terms: tuple[tuple[str, int], ...]  # (term, count), most mentioned first
    phrases: tuple[str, ...]  # level phrases that set the level
    domain: int = 0  # mentions in platform sentences, counted at DOMAIN_WEIGHT

    @property
    def nice_only(self) -> bool:
        return self.main == 0


@dataclass(frozen=True)
class RoleLikeness:
    role_id: str
    name: str
    similarity: float  # 0-100, the content's areas only
    score: float  # similarity + TITLE_PRIOR x title score + platform points; the ranking key
    platform: float = 0.0  # points added for platform work (PLATFORM_PRIOR x platform share x 100)


@dataclass(frozen=True)
class Difference:
    area: str
    kind: str  # "more", "less", "extra", "missing"
    posting_level: int
    posting_importance: int
    role_level: float
    role_importance: float


@dataclass(frozen=True)
class PostingAnalysis:
    """Everything the reports show about one posting."""

    title: str
    words: int
    demands: dict[str, AreaDemand]
    likeness: tuple[RoleLikeness, ...]
    title_matches: tuple[TitleMatch, ...]
    differences: tuple[Difference, ...]
    role: Role
    sections: dict[str, int] = field(default_factory=dict)
    #: Share (0-1) of the counted mention weight in sentences of platform work, and the platform
    #: words and terms found there (most frequent first): the evidence for ``RoleLikeness.platform``.
    platform_share: float = 0.0
    platform_evidence: tuple[tuple[str, int], ...] = ()

    @property
    def reads_like(self) -> str:
        return self.likeness[0].role_id

    @property
    def title_role(self) -> str | None:
        return self.title_matches[0].role_id if self.title_matches else None


# --- reading the text --------------------------------------------------------------------


def normalise(text: str) -> str:
    """Clean pasted text: control characters out, simple HTML turned into lines.

    ``clean_text`` looks at every character in Python; ``str.isprintable`` answers the same
    question in C for the usual case of a clean posting, so the slow path runs only when needed.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.replace("\n", "").replace("\t", "").isprintable():
        text = clean_text(text)
    if "<" in text and ">" in text:
        text = html_to_lines(text)
    return text


@lru_cache(maxsize=4096)
def heading_kind(text: str, rules: SectionRules) -> str:
    """The section a heading opens, by the heading words of the lexicon's ``[sections]``.

    A nice-to-have word decides first ("Preferred qualifications" is nice); otherwise the
    longest heading word found wins, so "About the role" (duties) beats "about" (about the
    company) and "What you'll need" (required) beats "you'll" (duties). A word written with a
    leading ``^`` counts only at the start of the heading ("^about" for "About Acme").
    Remembered: a market scan meets the same few headings in every posting.
    """
    low = " ".join(text.lower().replace("’", "'").split())
    nice, others = _heading_words(rules)
    if any(low.startswith(w[1:]) if w.startswith("^") else w in low for w in nice):
        return NICE
    for w, kind in others:  # longest first: the first found is the most specific
        if low.startswith(w[1:]) if w.startswith("^") else w in low:
            return kind
    return GENERAL


@lru_cache(maxsize=8)
def _heading_words(rules: SectionRules) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The nice words, and the other kinds' words longest first (ties in about, duties, required order)."""
    kinds = dict(rules.heading_kinds())
    others = [(w, kind) for kind in (ABOUT, DUTIES, REQUIRED) for w in kinds[kind]]
    others.sort(key=lambda wk: -len(wk[0].lstrip("^")))  # stable: the kind order breaks ties
    return kinds[NICE], tuple(others)


def _as_heading(line: str, rules: SectionRules) -> str | None:
    """The heading text if the line is one, else None."""
    # Only a line starting with "#", "*" or "_" can be marked up as a heading (most lines are not).
    marked = heading_text(line) if line.lstrip()[:1] in _MARKS else None
    if marked is not None:
        return marked.strip(" *_:")
    stripped = line.strip()
    if _BULLET.match(line) or not stripped:
        return None
    words = len(stripped.split())
    if stripped.endswith(":") and words <= 8:
        return stripped.rstrip(":")
    if words <= 5 and stripped[-1] not in ".!?,;" and heading_kind(stripped, rules) != GENERAL:
        return stripped
    return None


_MARKS = ("#", "*", "_")


def drop_repeats(text: str) -> str:
    """The text with every repeat of a paragraph of ``REPEAT_WORDS`` words or more blanked out.

    Postings pasted from job boards often carry the same paragraph twice (a teaser and the
    body, or a company blurb at the top and the bottom); counting it twice would double it.
    Lines are kept, so line structure and headings stay where they were.
    """
    seen: set[str] = set()
    out: list[str] = []
    for line in text.splitlines(keepends=True):
        words = line.split()
        if len(words) >= REPEAT_WORDS:
            key = " ".join(words).lower()
            if key in seen:
                out.append("\n")
                continue
            seen.add(key)
        out.append(line)
    return "".join(out)


def find_title(text: str, rules: SectionRules) -> str:
    """The posting's title: a 'Title:' line near the top, else a short first line."""
    lines = [ln for ln in text.splitlines() if ln.strip()][:12]
    for ln in lines:
        m = _TITLE_LINE.match(ln)
        if m:
            return clean_title(m.group(1).strip(" *_#"))[:MAX_TITLE]
    if lines:
        first = heading_text(lines[0])
        candidate = lines[0] if first is None else first
        candidate = candidate.strip(" *_#:")
        words = candidate.split()
        # A heading word inside a job title ("Experienced ...") does not make it a heading.
        named = any(w.lower().strip(",.()") in ROLE_NOUNS for w in words)
        if 0 < len(words) <= 12 and (named or heading_kind(candidate, rules) in (GENERAL, DUTIES)):
            return clean_title(candidate)[:MAX_TITLE]
    return ""


@dataclass(frozen=True)
class _Segments:
    """Sentence/bullet spans of the text with their section, for mapping hits."""

    starts: list[int]
    sections: list[str]


def _segments(text: str, rules: SectionRules, boilerplate: list[Hit], nice: list[Hit]) -> _Segments:
    """Sentences and bullets with their section: the heading above, a "preferred" in the
    sentence (nice), or a boilerplate phrase on the line (about)."""
    starts: list[int] = []
    sections: list[str] = []
    current = GENERAL
    pos = 0
    boiler = [h.start for h in boilerplate]
    marks = [h.start for h in nice]
    for line in text.splitlines(keepends=True):
        if line.isspace():  # no heading, phrase nor sentence end: one segment of the current kind
            starts.append(pos)
            sections.append(current)
            pos += len(line)
            continue
        heading = _as_heading(line, rules)
        if heading is not None:
            current = heading_kind(heading, rules)
            starts.append(pos)
            sections.append(current)
        elif _has(boiler, pos, pos + len(line)):
            starts.append(pos)
            sections.append(ABOUT)
        else:
            offsets = [0] + [m.end() for m in _SENTENCE_END.finditer(line)]
            line_kind = _run_in_kind(line, rules) or current
            for i, off in enumerate(offsets):
                end = offsets[i + 1] if i + 1 < len(offsets) else len(line)
                kind = line_kind
                if kind in (REQUIRED, DUTIES, GENERAL) and _has(marks, pos + off, pos + end):
                    kind = NICE
                starts.append(pos + off)
                sections.append(kind)
        pos += len(line)
    return _Segments(starts, sections)


def _run_in_kind(line: str, rules: SectionRules) -> str | None:
    """The section a run-in label gives its whole line ("Nice to have: LLMs; GNNs." is nice to
    the end of the line, past its sentence breaks), or None for a line without one."""
    if ":" not in line[:RUN_IN_CHARS + 8]:
        return None  # most lines: no label (the cheap test first)
    m = _RUN_IN.match(line.lstrip()[:RUN_IN_CHARS])
    if m is None or len(m.group(1).split()) > RUN_IN_WORDS:
        return None
    kind = heading_kind(m.group(1), rules)
    return None if kind == GENERAL else kind


def _has(starts: list[int], lo: int, hi: int) -> bool:
    """Whether a phrase starts in [lo, hi) (``starts`` sorted)."""
    return bisect_right(starts, hi - 1) > bisect_right(starts, lo - 1)


# --- the requirement profile ------------------------------------------------------------------


def _phrase_levels(hits: list[Hit], phrases: list[Hit], seg: _Segments) -> list[tuple[int, str] | None]:
    """The level phrase that governs each term hit, if any.

    A phrase governs the terms that follow it in the same sentence or bullet, up to
    ``PHRASE_REACH`` characters and until the next phrase ("Strong SQL and advanced Excel").
    A phrase inside a term ("design" in "experimental design") is the term, not a level.
    """
    spans = [(h.start, h.end) for h in hits]
    usable: list[Hit] = []
    for p in phrases:
        i = bisect_right(spans, (p.start, 10**12)) - 1
        if not (i >= 0 and spans[i][0] <= p.start < spans[i][1]):
            usable.append(p)
    starts = [p.start for p in usable]
    out: list[tuple[int, str] | None] = []
    for h in hits:
        j = bisect_right(starts, h.start) - 1
        near = usable[j] if j >= 0 else None
        if (near is None or near.level is None or h.start - near.end > PHRASE_REACH
                or _seg_of(seg, near.start) != _seg_of(seg, h.start)):
            out.append(None)
        else:
            out.append((near.level, near.term))
    return out


def _seg_of(seg: _Segments, pos: int) -> int:
    return max(bisect_right(seg.starts, pos) - 1, 0)


@lru_cache(maxsize=8)
def _platform_terms(lexicon: Lexicon) -> frozenset[str]:
    """The terms marked ``work = "platform"`` (a term's name is one of its spellings, so unique)."""
    return frozenset(t.term for terms in lexicon.areas.values() for t in terms if t.work == "platform")


def _platform_segments(hits: list[Hit], where: list[int], marks: list[Hit], seg: _Segments, lexicon: Lexicon
                       ) -> frozenset[int]:
    """The sentences and bullets that build or run something others use: a ``[work]`` platform
    word or a platform term in them (``where``: each hit's sentence)."""
    platform = _platform_terms(lexicon)
    return frozenset([*(_seg_of(seg, h.start) for h in marks),
                      *(s for h, s in zip(hits, where, strict=True) if h.term in platform)])


def _demands(hits: list[Hit], phrases: list[Hit], seg: _Segments, about_weight: float | None = None,
             platform: frozenset[int] = frozenset(), domain: tuple[str, ...] = (), where: list[int] | None = None
             ) -> dict[str, AreaDemand]:
    weights = SECTION_WEIGHT if about_weight is None else {**SECTION_WEIGHT, ABOUT: about_weight}
    governing = _phrase_levels(hits, phrases, seg)
    if where is None:
        where = [_seg_of(seg, h.start) for h in hits]
    acc: dict[str, dict[str, Any]] = {}
    for h, lv, s in zip(hits, governing, where, strict=True):
        section = seg.sections[s] if seg.sections else GENERAL
        a = acc.get(h.area)
        if a is None:
            a = acc[h.area] = {"score": 0.0, "n": 0, "main": 0, "nice": 0, "about": 0, "domain": 0,
                               "terms": Counter(), "levels": [], "phrases": set()}
        weight = h.weight * weights[section]
        if s in platform and h.area in domain:
            weight *= DOMAIN_WEIGHT
            a["domain"] += 1
        a["score"] += weight
        a["n"] += 1
        a["terms"][h.term] += 1
        if section == NICE:
            a["nice"] += 1
        elif section == ABOUT:
            a["about"] += 1
        else:
            a["main"] += 1
            a["levels"].append(lv[0] if lv else None)
            if lv:
                a["phrases"].add(lv[1])
    if not acc:
        return {}
    top = max(a["score"] for a in acc.values())
    if top <= 0:  # every mention is in about-text: better read it than nothing
        return _demands(hits, phrases, seg, SECTION_WEIGHT[GENERAL], platform, domain, where) \
            if about_weight is None else {}
    out: dict[str, AreaDemand] = {}
    for area, a in acc.items():
        share = a["score"] / top
        if share < MIN_SHARE:
            continue
        importance = max(1, min(5, round(5 * math.sqrt(share))))
        base = 3 if share >= 0.5 else 2 if share >= 0.2 else 1
        levels = a["levels"]
        phrased = [lv for lv in levels if lv is not None]
        if levels and len(phrased) == len(levels):
            level = max(phrased)  # every mention carries a level phrase: it decides
        else:
            level = max([base, *(lv for lv in phrased if lv >= 3)])
        if a["main"] == 0:
            level, importance = min(level, 2), min(importance, 2)
        level = max(1, min(MAX_LEVEL, level))
        terms = tuple(sorted(a["terms"].items(), key=lambda t: (-t[1], t[0])))
        out[area] = AreaDemand(area, a["score"], a["n"], a["main"], a["nice"], a["about"], level, importance,
                               terms, tuple(sorted(a["phrases"])), a["domain"])
    return out


def posting_role(demands: dict[str, AreaDemand], title: str, source: str = "job posting",
                 role_id: str = POSTING_ROLE_ID) -> Role:
    """The posting as a role profile, so the existing scoring can measure a person against it."""
    name = f"Posting: {title}" if title else "This posting"
    return Role(
        id=role_id,
        name=name[:MAX_TITLE + 10],
        description="Requirement profile read from a job posting by careerfit's lexicon.",
        titles=(title,) if title else (),
        sources=(Source(title="Job posting", ref=clean_text(source, single_line=True)[:200]),),
        requires={a: Requirement(level=d.level, importance=d.importance) for a, d in demands.items()},
    )


def _differences(bank: Bank, demands: dict[str, AreaDemand], role: Role) -> tuple[Difference, ...]:
    out: list[Difference] = []
    for area in bank.areas:
        d = demands.get(area.id)
        r = role.requires.get(area.id)
        r_level = float(r.level) if r and r.importance > 0 else 0.0
        r_imp = float(r.importance) if r else 0.0
        if d is None:
            if r_imp >= 4 and r_level > 0:
                out.append(Difference(area.id, "missing", 0, 0, r_level, r_imp))
            continue
        if r_imp == 0 or r_level == 0:
            if d.importance >= 2:
                out.append(Difference(area.id, "extra", d.level, d.importance, r_level, r_imp))
        elif d.level > r_level:
            out.append(Difference(area.id, "more", d.level, d.importance, r_level, r_imp))
        elif d.level < r_level and not d.nice_only:
            out.append(Difference(area.id, "less", d.level, d.importance, r_level, r_imp))
    order = {"extra": 0, "more": 1, "missing": 2, "less": 3}
    out.sort(key=lambda x: (order[x.kind], -max(x.posting_importance, x.role_importance)))
    return tuple(out)


def analyse_posting(text: str, bank: Bank, lexicon: Lexicon, *, title: str | None = None,
                    source: str = "job posting") -> PostingAnalysis:
    """Analyse posting text. Raises ``PostingError`` when it is empty or matches no term."""
    text = normalise(text)
    if not text.strip():
        raise PostingError("the posting is empty", source)
    rules = lexicon.sections
    found_title = clean_title(title)[:MAX_TITLE] if title else find_title(text, rules)
    text = drop_repeats(text)
    hits, phrases, boilerplate, nice = lexicon.read_posting(text)
    marks = [h for h in hits if h.area == WORK_AREA]
    known = {a.id for a in bank.areas}
    hits = [h for h in hits if h.area in known]
    if not hits:
        raise PostingError("the posting mentions no skill the lexicon knows; is it a data/ML/software job?", source)
    seg = _segments(text, rules, boilerplate, nice)
    where = [_seg_of(seg, h.start) for h in hits]
    platform = _platform_segments(hits, where, marks, seg, lexicon)
    demands = _demands(hits, phrases, seg, platform=platform, domain=lexicon.work.domain, where=where)
    role = posting_role(demands, found_title, source, _free_id(bank))
    try:
        all_titles = _title_matches(found_title, bank, lexicon) if found_title else ()
    except CareerfitError:
        all_titles = ()
    titles = all_titles[:3]
    bonus = {m.role_id: TITLE_PRIOR * m.score / 100 for m in all_titles}
    share, evidence = _platform_share(hits, where, marks, seg, platform, lexicon)
    platform_points = {lexicon.work.role: 100 * PLATFORM_PRIOR * share} if share else {}
    mine = _posting_vector(demands)
    likeness = []
    for r, vector in zip(bank.roles, _role_vectors(bank), strict=True):
        sim = cosine(mine, vector)
        points = platform_points.get(r.id, 0.0)
        likeness.append(RoleLikeness(r.id, r.name, 100 * sim, 100 * (sim + bonus.get(r.id, 0.0)) + points, points))
    likeness.sort(key=lambda x: (-x.score, x.role_id))
    best = bank.role(likeness[0].role_id)
    section_counts = Counter(seg.sections)
    return PostingAnalysis(
        title=found_title,
        words=len(text.split()),
        demands=dict(sorted(demands.items(), key=lambda kv: (-kv[1].importance, -kv[1].score))),
        likeness=tuple(likeness),
        title_matches=titles,
        differences=_differences(bank, demands, best),
        role=role,
        sections=dict(section_counts),
        platform_share=share,
        platform_evidence=evidence,
    )


def _platform_share(hits: list[Hit], where: list[int], marks: list[Hit], seg: _Segments, platform: frozenset[int],
                    lexicon: Lexicon) -> tuple[float, tuple[tuple[str, int], ...]]:
    """How much of what the posting asks sits in platform sentences (mention weight times
    section weight, before the domain discount), and the platform words and terms there."""
    if not platform:
        return 0.0, ()
    sections = seg.sections
    total = inside = 0.0
    for h, s in zip(hits, where, strict=True):
        w = h.weight * SECTION_WEIGHT[sections[s]]
        total += w
        if s in platform:
            inside += w
    if not inside:
        return 0.0, ()
    terms = _platform_terms(lexicon)
    counted = Counter(h.term for h in marks if SECTION_WEIGHT[sections[_seg_of(seg, h.start)]] > 0)
    counted.update(h.term for h, s in zip(hits, where, strict=True)
                   if h.term in terms and SECTION_WEIGHT[sections[s]] > 0)
    return inside / total, tuple(sorted(counted.items(), key=lambda t: (-t[1], t[0])))


@lru_cache(maxsize=256)
def _title_matches(title: str, bank: Bank, lexicon: Lexicon) -> tuple[TitleMatch, ...]:
    """``match_title``, remembered (under 1 MB): a market of thousands of postings repeats its titles."""
    return tuple(match_title(title, bank, lexicon))


@lru_cache(maxsize=8)
def _role_vectors(bank: Bank) -> tuple[dict[str, float], ...]:
    """Each role's ``role_vector``, once per bank: a market scan compares every posting with the same roles."""
    return tuple(role_vector(r) for r in bank.roles)


def _posting_vector(demands: dict[str, AreaDemand]) -> dict[str, float]:
    """What the posting asks, per area, for the comparison with the roles: the square root of
    each area's share of the strongest (the importance before rounding)."""
    top = max(d.score for d in demands.values())
    return {a: (d.score / top) ** SHARE_POWER for a, d in demands.items()}


def _free_id(bank: Bank, base: str = POSTING_ROLE_ID) -> str:
    rid, n = base, 1
    while bank.has_role(rid):
        n += 1
        rid = f"{base}_{n}"
    return rid


# --- fit through the existing scoring -----------------------------------------------------


def fit_posting(analysis: PostingAnalysis, bank: Bank, profile: Profile) -> tuple[Bank, Assessment]:
    """Fit, gaps and plan for the posting: ``assess`` with the posting role as the target."""
    return assess_role(bank, profile, analysis.role)
