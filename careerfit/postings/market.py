"""Scanning a market of postings: many analyses folded into one report, incrementally. Pure.

A market scan reads thousands of postings, so nothing here holds them: each posting is
analysed (``careerfit.postings.reader.analyse_posting``, the same reader as ``careerfit posting``),
reduced to a small ``PostingSummary`` and folded into a ``MarketScan`` by ``add``. The
scan keeps only counters whose size is bounded by the bank (roles x areas x lexicon terms),
the first ``MAX_LISTED`` misleadingly titled postings and bad rows (the rest are counted),
and the ``CLOSEST`` best-fitting postings: memory stays flat however many postings pass.

With a profile, each posting is scored by the ordinary scoring (``score_role``, ``plan_for``)
with the posting as a role. A posting is *within reach* when its fit, as shown, is at least
the bank's ``within_reach`` (90%). For each posting not yet within reach and each area of its
plan, the fit it would have with that one gap closed (to the level that posting asks) says
whether learning that area alone would bring it within reach; the area that does so for the
most postings is the market's learning plan.

File reading and processes live in ``market_sources`` and ``market_run``; the Markdown and
JSON views of the result in ``market_report``.

May import: the core only (records, scoring, the posting reader).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from careerfit import __version__
from careerfit.core.domain import Bank
from careerfit.core.scoring import SkillScore, plan_for, score_role, shown_fit, step_cost
from careerfit.core.text import clean_text
from careerfit.postings.lexicon import Lexicon
from careerfit.postings.reader import PostingAnalysis, PostingError, analyse_posting

MARKET_SCHEMA = 1
#: Misleadingly titled postings and bad rows named in the report; the rest are counted.
MAX_LISTED = 100
#: How many of the person's closest postings the report ranks.
CLOSEST = 10
#: Most demanded terms shown per role.
TOP_TERMS = 12
#: Postings named as examples of what learning an area would bring within reach.
EXAMPLES = 3


_SEPARATORS = {0x2028: " ", 0x2029: " "}


def one_line(value: str) -> str:
    """Text fit for one line of a report or of stderr: control characters out, line and
    paragraph separators (which ``str.splitlines`` and some viewers break on) folded to spaces."""
    return clean_text(value, single_line=True).translate(_SEPARATORS).strip()


_clean = one_line


@dataclass(frozen=True, slots=True)
class Record:
    """One posting as read from a source: where it came from, its title if the source has one."""

    where: str  # the file
    row: str  # "row 3" in a CSV, "line 7" in JSON Lines, "" for a posting file
    text: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Problem:
    """A posting (or a whole file) that could not be read; named in the report and on stderr."""

    where: str
    row: str
    why: str

    @property
    def line(self) -> str:
        """``file: row 3: no text`` — the one line that names it."""
        parts = [_clean(self.where)] + ([self.row] if self.row else []) + [_clean(self.why)]
        return ": ".join(parts)


@dataclass(frozen=True, slots=True)
class PostingFit:
    """A person against one posting, through the ordinary scoring."""

    fit: float
    effort_hours: float
    distance: float
    steps: tuple[tuple[str, float, float], ...]  # (area, required level, fit gained by closing it)


@dataclass(frozen=True, slots=True)
class PostingSummary:
    """What the market report needs of one posting (small, so it crosses processes cheaply)."""

    where: str
    row: str
    title: str
    title_role: str | None
    reads_like: str
    similarity: float
    demands: tuple[tuple[str, int, int], ...]  # (area, level, importance)
    terms: tuple[tuple[str, str], ...]  # (area, term), each distinct term of a demanded area once
    fit: PostingFit | None = None

    @property
    def misleading(self) -> bool:
        """The title names a role and the content reads like another."""
        return self.title_role is not None and self.title_role != self.reads_like


def fit_summary(bank: Bank, skills: Mapping[str, SkillScore], analysis: PostingAnalysis) -> PostingFit:
    """Fit, effort and the fit each plan step would add: ``score_role`` and ``plan_for``, unchanged."""
    score = score_role(bank, skills, analysis.role)
    steps = tuple((s.area, s.target, s.fit_gain) for s in plan_for(bank, {}, score))
    return PostingFit(score.fit, score.effort_hours, score.distance, steps)


def summarise(analysis: PostingAnalysis, record: Record, bank: Bank,
              skills: Mapping[str, SkillScore] | None = None) -> PostingSummary:
    demands = tuple((d.area, d.level, d.importance) for d in analysis.demands.values())
    terms = tuple((d.area, term) for d in analysis.demands.values() for term, _ in d.terms)
    return PostingSummary(
        where=_clean(record.where), row=record.row, title=_clean(analysis.title), title_role=analysis.title_role,
        reads_like=analysis.reads_like, similarity=analysis.likeness[0].similarity, demands=demands, terms=terms,
        fit=fit_summary(bank, skills, analysis) if skills is not None else None,
    )


def read_record(record: Record, bank: Bank, lexicon: Lexicon,
                skills: Mapping[str, SkillScore] | None = None) -> PostingSummary | Problem:
    """Analyse one posting; a posting the reader refuses (empty, no known term) is a ``Problem``."""
    try:
        analysis = analyse_posting(record.text, bank, lexicon, title=record.title or None,
                                   source=f"{record.where} {record.row}".strip())
        return summarise(analysis, record, bank, skills)
    except PostingError as exc:
        return Problem(record.where, record.row, exc.problem)
    except (ArithmeticError, LookupError, ValueError, TypeError, RecursionError) as exc:
        # A posting that trips the reader must not cost the other ten thousand their report:
        # it is named like any bad row, with what went wrong, so it can be reported and fixed.
        return Problem(record.where, record.row, f"could not be analysed ({type(exc).__name__}: {exc})"[:300])


@dataclass
class _RoleTotals:
    postings: int = 0
    importance: Counter[str] = field(default_factory=Counter)  # area -> sum of importance
    level: Counter[str] = field(default_factory=Counter)  # area -> sum of level where asked
    asked: Counter[str] = field(default_factory=Counter)  # area -> postings asking it
    terms: Counter[tuple[str, str]] = field(default_factory=Counter)  # (area, term) -> postings


def _named(s: PostingSummary) -> dict[str, Any]:
    return {"where": s.where, "row": s.row, "title": s.title, "title_role": s.title_role,
            "reads_like": s.reads_like, "similarity": round(s.similarity, 1)}


class MarketScan:
    """The running totals of a scan; ``add`` each posting or problem, then ``result()``."""

    def __init__(self, bank: Bank, skills: Mapping[str, SkillScore] | None = None, *,
                 profile_name: str = "", sources: tuple[str, ...] = ()) -> None:
        self.bank = bank
        self.skills = skills
        self.profile_name = profile_name
        self.sources = tuple(_clean(s) for s in sources)
        self.read = 0
        self.bad = 0
        self.bad_listed: list[Problem] = []
        self.titles: Counter[tuple[str | None, str]] = Counter()
        self.misleading = 0
        self.misleading_listed: list[dict[str, Any]] = []
        self.roles: dict[str, _RoleTotals] = {}
        self.within = 0
        self.gained: Counter[str] = Counter()
        self.gained_levels: dict[str, Counter[float]] = {}
        self.gained_examples: dict[str, list[dict[str, str]]] = {}
        self._closest: list[tuple[float, float, int, dict[str, Any]]] = []

    def add(self, item: PostingSummary | Problem) -> None:
        if isinstance(item, Problem):
            self.bad += 1
            if len(self.bad_listed) < MAX_LISTED:
                self.bad_listed.append(item)
            return
        self.read += 1
        self.titles[(item.title_role, item.reads_like)] += 1
        if item.misleading:
            self.misleading += 1
            if len(self.misleading_listed) < MAX_LISTED:
                self.misleading_listed.append(_named(item))
        totals = self.roles.get(item.reads_like)
        if totals is None:  # not setdefault: that would build four Counters per posting
            totals = self.roles[item.reads_like] = _RoleTotals()
        totals.postings += 1
        for area, level, importance in item.demands:
            totals.importance[area] += importance
            totals.level[area] += level
            totals.asked[area] += 1
        totals.terms.update(item.terms)
        if item.fit is not None:
            self._add_fit(item, item.fit)

    def _add_fit(self, item: PostingSummary, pf: PostingFit) -> None:
        reach = self.bank.scoring.within_reach
        if shown_fit(pf.fit) >= reach:
            self.within += 1
        else:
            for area, required, gain in pf.steps:
                if shown_fit(pf.fit + gain) >= reach:
                    self.gained[area] += 1
                    self.gained_levels.setdefault(area, Counter())[required] += 1
                    examples = self.gained_examples.setdefault(area, [])
                    if len(examples) < EXAMPLES:
                        examples.append({"where": item.where, "row": item.row, "title": item.title})
        entry = {**_named(item), "fit": round(pf.fit, 1), "effort_hours": round(pf.effort_hours, 1),
                 "gaps": [area for area, _, _ in pf.steps]}
        key = (pf.fit, -pf.distance, -(self.read + self.bad), entry)
        if len(self._closest) < CLOSEST:
            heapq.heappush(self._closest, key)
        elif key[:3] > self._closest[0][:3]:
            heapq.heapreplace(self._closest, key)

    # --- the result ----------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        """The report as plain data: the JSON document, and what the Markdown is drawn from."""
        return {
            "schema": MARKET_SCHEMA,
            "careerfit": __version__,
            "sources": list(self.sources),
            "postings": self.read,
            "bad": {"count": self.bad, "listed": [{"where": _clean(p.where), "row": p.row, "why": _clean(p.why)}
                                                  for p in self.bad_listed]},
            "titles": [{"titled_as": t, "reads_as": r, "postings": n} for (t, r), n in
                       sorted(self.titles.items(), key=lambda kv: (-kv[1], kv[0][0] or "~", kv[0][1]))],
            "misleading": {"count": self.misleading, "listed": list(self.misleading_listed)},
            "roles": self._roles(),
            "profile": self._profile() if self.skills is not None else None,
        }

    def _roles(self) -> dict[str, Any]:
        order = {a.id: i for i, a in enumerate(self.bank.areas)}
        out: dict[str, Any] = {}
        for role_id, t in sorted(self.roles.items(), key=lambda kv: (-kv[1].postings, kv[0])):
            areas = sorted(t.asked, key=lambda a: (-t.importance[a], order.get(a, 99)))
            out[role_id] = {
                "name": self.bank.role(role_id).name,
                "postings": t.postings,
                "areas": {a: {"mean_importance": round(t.importance[a] / t.postings, 2), "asked_by": t.asked[a],
                              "mean_level": round(t.level[a] / t.asked[a], 2)} for a in areas},
                "terms": [{"term": term, "area": area, "postings": n} for (area, term), n in
                          sorted(t.terms.items(), key=lambda kv: (-kv[1], kv[0][1].lower()))[:TOP_TERMS]],
            }
        return out

    def _learn(self, area: str) -> dict[str, Any]:
        assert self.skills is not None
        levels = self.gained_levels[area]
        to_level = max(levels)
        you = self.skills[area].value
        a = self.bank.area(area)
        hours = step_cost(a.effort_hours, self.bank.scoring.step_multipliers, you, to_level)
        return {"area": area, "name": a.name, "postings_gained": self.gained[area],
                "within_reach_after": self.within + self.gained[area], "you": round(you, 2), "to_level": to_level,
                "hours": round(hours, 1), "levels_asked": {f"{k:g}": v for k, v in sorted(levels.items())},
                "examples": list(self.gained_examples[area])}

    def _profile(self) -> dict[str, Any]:
        assert self.skills is not None
        order = {a.id: i for i, a in enumerate(self.bank.areas)}
        ranked = sorted(self.gained, key=lambda a: (-self.gained[a], self._learn(a)["hours"], order.get(a, 99)))
        options = [self._learn(a) for a in ranked]
        closest = [entry for *_, entry in sorted(self._closest, key=lambda k: k[:3], reverse=True)]
        return {
            "name": self.profile_name,
            "within_reach_threshold": self.bank.scoring.within_reach,
            "within_reach": self.within,
            "closest": closest,
            "learn": options[0] if options else None,
            "alternatives": options[1:5],
        }
