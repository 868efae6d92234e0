"""Posting and title analyses as Markdown and JSON; the one call the app needs.

With a profile, the posting section is followed by the ordinary gap report
(``careerfit.core.report``) with the posting as the target, so the numbers and wording are the
same as ``careerfit report --target``. Every piece of text from the posting goes through
``md_escape``.

Pure: the bank and lexicon are passed in (the shells load them). May import: the core and
the posting reader.
"""

from __future__ import annotations

from datetime import date as _date
from typing import Any

from careerfit import __version__
from careerfit.core.domain import Bank, Profile
from careerfit.core.jsonout import dumps
from careerfit.core.report import to_json, to_markdown
from careerfit.core.scoring import Assessment
from careerfit.core.text import md_escape
from careerfit.postings.lexicon import Lexicon
from careerfit.postings.reader import (
    DOMAIN_WEIGHT,
    PLATFORM_PRIOR,
    SECTION_WEIGHT,
    TITLE_PRIOR,
    Difference,
    PostingAnalysis,
    analyse_posting,
    fit_posting,
)
from careerfit.postings.titles import TitleMatch

POSTING_SCHEMA = 1
SECTION_NAMES = {"required": "required", "duties": "duties", "general": "other text", "nice": "nice to have",
                 "about": "about the company"}


def _area(bank: Bank, area_id: str) -> str:
    return md_escape(bank.area(area_id).name)


def _role(bank: Bank, role_id: str) -> str:
    return md_escape(bank.role(role_id).name)


def _difference_text(bank: Bank, d: Difference, role_name: str) -> str:
    area = _area(bank, d.area)
    if d.kind == "extra":
        return (f"**{area}**: asks level {d.posting_level} (importance {d.posting_importance}); "
                f"not usually part of the {role_name} role.")
    if d.kind == "missing":
        return (f"**{area}**: not mentioned, though the {role_name} role usually asks level "
                f"{d.role_level:g} (importance {d.role_importance:g}).")
    word = "more" if d.kind == "more" else "less"
    return (f"**{area}**: asks {word} than usual: level {d.posting_level} where the {role_name} role "
            f"usually asks {d.role_level:g}.")


def posting_markdown(analysis: PostingAnalysis, bank: Bank) -> str:
    """The posting analysis alone (no person): reads-like, evidence, differences, method."""
    a = analysis
    title = md_escape(a.title) if a.title else "(untitled posting)"
    best = a.likeness[0]
    out = [f"# Job posting: {title}", ""]
    hits = sum(d.mentions for d in a.demands.values())
    out += [f"_{a.words:,} words read; {hits} skill mentions in {len(a.demands)} areas; careerfit {__version__}._", ""]
    out += [f"## Reads like: {_role(bank, best.role_id)} ({best.similarity:.0f}% similar)", ""]
    runners = sorted(a.likeness[1:], key=lambda x: (-x.similarity, x.role_id))[:2]
    others = ", ".join(f"{_role(bank, x.role_id)} ({x.similarity:.0f}%)" for x in runners)
    out.append(f"Next closest: {others}.")
    if a.title_matches:
        t = a.title_matches[0]
        if t.role_id == best.role_id:
            out.append(f"The title agrees: it names {_role(bank, t.role_id)} (title score {t.score:.0f}).")
        else:
            out.append(
                f"**The title says {_role(bank, t.role_id)}** (title score {t.score:.0f}), "
                f"but the content reads like {_role(bank, best.role_id)}."
            )
    platform = next((x for x in a.likeness if x.platform), None)
    if platform is not None:
        found = ", ".join(md_escape(t) + (f" x{n}" if n > 1 else "") for t, n in a.platform_evidence[:6])
        out.append(f"Platform work: {a.platform_share:.0%} of what it asks is in sentences about infrastructure "
                   f"others use ({found}); that adds {platform.platform:.0f} points to "
                   f"{_role(bank, platform.role_id)}.")
    # the content's own evidence: its areas and, for the platform role, the platform work
    by_content = min(a.likeness, key=lambda x: (-(x.similarity + x.platform), x.role_id))
    if by_content.role_id != best.role_id:
        out.append(
            f"By the content alone it is closest to {_role(bank, by_content.role_id)} ({by_content.similarity:.0f}%); "
            f"the title tips it to {_role(bank, best.role_id)} (score {best.score:.0f} against "
            f"{by_content.score:.0f}, with {TITLE_PRIOR:g} x each role's title score added)."
        )
    out += ["", "## What it asks for", "",
            "| Area | Level | Importance | Mentions (main / nice / about) | Evidence |",
            "|---|--:|--:|--:|---|"]
    for d in a.demands.values():
        terms = ", ".join(md_escape(t) + (f" x{n}" if n > 1 else "") for t, n in d.terms[:6])
        if len(d.terms) > 6:
            terms += f", +{len(d.terms) - 6} more"
        nice = " (nice to have only)" if d.nice_only else ""
        out.append(f"| {_area(bank, d.area)}{nice} | {d.level} | {d.importance} | "
                   f"{d.mentions} ({d.main} / {d.nice} / {d.about}) | {terms} |")
    out.append("")
    phrased = [(d.area, d.phrases) for d in a.demands.values() if d.phrases]
    if phrased:
        out.append("Level phrases that set a level: " + "; ".join(
            f"{_area(bank, area)}: " + ", ".join(f"\"{md_escape(p)}\"" for p in ps) for area, ps in phrased) + ".")
        out.append("")
    role_name = _role(bank, best.role_id)
    out += [f"## How it differs from the usual {role_name} profile", ""]
    if a.differences:
        out += [f"- {_difference_text(bank, d, role_name)}" for d in a.differences]
    else:
        out.append(f"It asks what a {role_name} role usually asks, area by area.")
    out += ["", *_method()]
    return "\n".join(out).rstrip() + "\n"


def _method() -> list[str]:
    w = {k: f"{v:g}" for k, v in SECTION_WEIGHT.items()}
    return [
        "## How the posting was read",
        "",
        "- **Sections**: headings (the most specific heading word wins; a nice-to-have word first), phrases "
        "such as \"a plus\" (nice to have), and boilerplate lines (equal opportunity, benefits, conditions of "
        "employment) that count as about the company wherever they sit. A repeated paragraph counts once.",
        "- **Mentions**: skill terms from the lexicon (`questions/lexicon.toml`), matched case-insensitively on "
        "word boundaries; names of people and teams (\"ML engineers\") count for no area. Each mention counts "
        f"its term weight times its section weight: required {w['required']}, duties {w['duties']}, other text "
        f"{w['general']}, nice to have {w['nice']}, about the company {w['about']} (listed, not counted).",
        "- **Importance** (1-5) grows with the square root of the area's share of the strongest area. "
        "**Level** (1-4) is 3, 2 or 1 by that share, set by a level phrase just before a mention "
        "(\"lead\", \"design\" 4; \"production\", \"strong\" 3; \"experience with\" 2; \"familiarity\" 1). "
        "Nice-to-have-only areas are capped at level 2 and importance 2.",
        "- **Platform work**: a sentence with a platform word or term of the lexicon's `[work]` (\"infrastructure\", "
        "\"tooling\", \"Kubernetes\", \"ML platform\", ...) builds or runs something others use: its "
        f"machine-learning, vision/language and LLM mentions count {DOMAIN_WEIGHT:g} (they name what it serves).",
        "- **Reads like**: the cosine similarity between the posting's areas (the square root of each area's "
        "share of the strongest) and each role's importance x level, plus the title as evidence: "
        f"{TITLE_PRIOR:g} x the role's title score (0-1), and for the lexicon's platform role {PLATFORM_PRIOR:g} x "
        "the share of the posting in platform sentences. Postings are often titled for one role and written "
        "for another, so the content usually decides.",
    ]


def posting_json(analysis: PostingAnalysis) -> dict[str, Any]:
    """The analysis as plain data (the ``posting`` key of the JSON output)."""
    a = analysis
    return {
        "title": a.title,
        "words": a.words,
        "reads_like": a.reads_like,
        "title_role": a.title_role,
        "likeness": [{"role": x.role_id, "similarity": round(x.similarity, 1), "score": round(x.score, 1),
                      "platform": round(x.platform, 1)} for x in a.likeness],
        "platform_work": {"share": round(a.platform_share, 3), "evidence": dict(a.platform_evidence)},
        "areas": {
            d.area: {
                "level": d.level,
                "importance": d.importance,
                "mentions": d.mentions,
                "main": d.main,
                "nice": d.nice,
                "about": d.about,
                "weighted": round(d.score, 2),
                "terms": dict(d.terms),
                "level_phrases": list(d.phrases),
            }
            for d in a.demands.values()
        },
        "differences": [
            {"area": d.area, "kind": d.kind, "posting_level": d.posting_level,
             "posting_importance": d.posting_importance, "role_level": d.role_level,
             "role_importance": d.role_importance}
            for d in a.differences
        ],
        "role": a.role.to_json(),
    }


def render(analysis: PostingAnalysis, bank: Bank, profile: Profile | None = None, *, fmt: str = "markdown",
           date: str | None = None) -> str:
    """Markdown or JSON text for a posting, with the person's fit when a profile is given."""
    fitted: tuple[Bank, Assessment] | None = fit_posting(analysis, bank, profile) if profile else None
    if fmt == "json":
        doc: dict[str, Any] = {"schema": POSTING_SCHEMA, "careerfit": __version__, "posting": posting_json(analysis),
                               "report": None}
        if fitted and profile:
            doc["report"] = to_json(fitted[0], profile, fitted[1])
        return dumps(doc)
    text = posting_markdown(analysis, bank)
    if fitted and profile:
        text += "\n---\n\n" + to_markdown(fitted[0], profile, fitted[1], date=date)
    return text


def posting_report(text: str, *, bank: Bank, lexicon: Lexicon, profile: Profile | None = None,
                   fmt: str = "markdown", title: str | None = None,
                   source: str = "pasted posting") -> str:
    """Posting text in, report text out: the single call for the app's paste box.

    Raises ``PostingError`` (a ``CareerfitError``) for an empty posting or one that matches
    nothing; show ``str(error)``.
    """
    analysis = analyse_posting(text, bank, lexicon, title=title, source=source)
    return render(analysis, bank, profile, fmt=fmt, date=_date.today().isoformat())


def title_markdown(title: str, matches: list[TitleMatch], bank: Bank) -> str:
    out = [f"# Job title: {md_escape(title)}", "", "| Role | Score | Variants | Lexicon | Deciding words |",
           "|---|--:|--:|--:|---|"]
    for m in matches:
        words = ", ".join(md_escape(w) for w in m.words) or "-"
        via = f" (as in \"{md_escape(m.variant)}\")" if m.words else ""
        out.append(f"| {_role(bank, m.role_id)} | {m.score:.0f} | {m.variant_score:.0f} | {m.lexicon_score:.0f} | "
                   f"{words}{via} |")
    terms = matches[0].terms if matches else ()
    out.append("")
    if terms:
        out.append("Lexicon terms in the title: " + ", ".join(
            f"{md_escape(t)} ({_area(bank, a)})" for a, t in terms) + ".")
        out.append("")
    out.append("Score = 0.8 x the best overlap with one of the role's title variants (role nouns such as "
               "engineer or analyst count double; seniority words are ignored) + 0.2 x how well the "
               "title's lexicon terms fit the role's profile.")
    return "\n".join(out) + "\n"


def title_json(title: str, matches: list[TitleMatch]) -> dict[str, Any]:
    return {
        "schema": POSTING_SCHEMA,
        "careerfit": __version__,
        "title": title,
        "roles": [
            {"id": m.role_id, "name": m.name, "score": round(m.score, 1), "variant_score": round(m.variant_score, 1),
             "lexicon_score": round(m.lexicon_score, 1), "variant": m.variant, "words": list(m.words)}
            for m in matches
        ],
        "terms": [{"area": a, "term": t} for a, t in (matches[0].terms if matches else ())],
    }
