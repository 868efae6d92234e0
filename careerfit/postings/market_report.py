"""The market scan as Markdown and JSON. Pure: both are drawn from ``MarketScan.result()``.

Every piece of text that came from a posting or a file name goes through ``md_escape`` in
Markdown; the JSON goes through ``careerfit.core.jsonout``, which escapes every control, format
and line-separator character, so a line-oriented reader never sees a break inside a string.

May import: the core only.
"""

from __future__ import annotations

from typing import Any

from careerfit.core.domain import Bank
from careerfit.core.jsonout import dumps
from careerfit.core.report import hours_text
from careerfit.core.text import md_escape

_ROLE_NOUN = "(title names no role)"


def _role(bank: Bank, role_id: str | None) -> str:
    if role_id is None:
        return _ROLE_NOUN
    return md_escape(bank.role(role_id).name) if bank.has_role(role_id) else md_escape(role_id)


def _area(bank: Bank, area_id: str) -> str:
    return md_escape(bank.area(area_id).name)


def _where(entry: dict[str, Any], sources: list[str]) -> str:
    """A posting's file, named within the folder that was scanned (the table stays readable
    when the folder's path is long); the JSON keeps the path as given."""
    where = entry["where"]
    for folder in sources:
        head = folder.rstrip("/\\")
        if head and len(where) > len(head) + 1 and where.startswith(head) and where[len(head)] in "/\\":
            where = where[len(head) + 1:]
            break
    where = md_escape(where)
    return f"{where} ({entry['row']})" if entry.get("row") else where


def _pct(n: int, total: int) -> str:
    return f"{100 * n / total:.0f}%" if total else "-"


def market_markdown(doc: dict[str, Any], bank: Bank) -> str:
    n = doc["postings"]
    bad = doc["bad"]["count"]
    out = [f"# Job market scan: {n:,} posting{'s' if n != 1 else ''}", ""]
    sources = ", ".join(md_escape(s) for s in doc["sources"][:5]) + (", ..." if len(doc["sources"]) > 5 else "")
    out += [f"_{n:,} read from {sources}; {bad:,} could not be read; careerfit {doc['careerfit']}._", ""]
    out += _titles(doc, bank)
    out += _roles(doc, bank)
    if doc["profile"] is not None:
        out += _profile(doc, bank)
    if bad:
        out += _bad(doc)
    out += _method(bank)
    return "\n".join(out).rstrip() + "\n"


def _titles(doc: dict[str, Any], bank: Bank) -> list[str]:
    srcs = doc["sources"]
    n = doc["postings"]
    out = ["## Titles vs what the postings ask", "",
           "| Titled as | Reads as | Postings | Share |", "|---|---|--:|--:|"]
    totals: dict[str | None, int] = {}
    for row in doc["titles"]:
        totals[row["titled_as"]] = totals.get(row["titled_as"], 0) + row["postings"]
    rows = sorted(doc["titles"], key=lambda r: (-totals[r["titled_as"]], r["titled_as"] is None,
                                                 r["titled_as"] or "", -r["postings"], r["reads_as"]))
    for row in rows:
        same = " (agrees)" if row["titled_as"] == row["reads_as"] else ""
        out.append(f"| {_role(bank, row['titled_as'])} | {_role(bank, row['reads_as'])}{same} | "
                   f"{row['postings']:,} | {_pct(row['postings'], n)} |")
    m = doc["misleading"]
    out += ["", f"### Misleadingly titled: {m['count']:,} of {n:,} ({_pct(m['count'], n)})", ""]
    if m["listed"]:
        out += ["| Posting | Title | Title says | Reads like (similarity) |", "|---|---|---|---|"]
        for e in m["listed"]:
            out.append(f"| {_where(e, srcs)} | {md_escape(e['title']) or '-'} | {_role(bank, e['title_role'])} | "
                       f"{_role(bank, e['reads_like'])} ({e['similarity']:.0f}%) |")
        if m["count"] > len(m["listed"]):
            out.append(f"\n_... and {m['count'] - len(m['listed']):,} more (the first {len(m['listed'])} are named)._")
    else:
        out.append("Every title that names a role names the one its content reads like.")
    return [*out, ""]


def _roles(doc: dict[str, Any], bank: Bank) -> list[str]:
    out = ["## What each role asks across the market", ""]
    for role_id, r in doc["roles"].items():
        n, plural = r["postings"], "s" if r["postings"] != 1 else ""
        out += [f"### {_role(bank, role_id)}: {n:,} posting{plural} ({_pct(n, doc['postings'])})", "",
                "| Area | Mean importance | Asked by | Mean level asked |", "|---|--:|--:|--:|"]
        for area, a in r["areas"].items():
            out.append(f"| {_area(bank, area)} | {a['mean_importance']:.1f} | {a['asked_by']:,} "
                       f"({_pct(a['asked_by'], r['postings'])}) | {a['mean_level']:.1f} |")
        terms = ", ".join(f"{md_escape(t['term'])} ({t['postings']:,})" for t in r["terms"])
        out += ["", f"Most demanded terms (postings mentioning them): {terms or '-'}.", ""]
    return out


def _profile(doc: dict[str, Any], bank: Bank) -> list[str]:
    srcs = doc["sources"]
    p = doc["profile"]
    who = md_escape(p["name"]) or "You"
    reach = p["within_reach_threshold"]
    out = [f"## Postings closest to {who}", "",
           "| # | Posting | Title | Reads like | Fit | Gap hours | Gaps |", "|--:|---|---|---|--:|--:|---|"]
    for i, e in enumerate(p["closest"], 1):
        gaps = ", ".join(_area(bank, g) for g in e["gaps"][:3]) + (", ..." if len(e["gaps"]) > 3 else "")
        out.append(f"| {i} | {_where(e, srcs)} | {md_escape(e['title']) or '-'} | {_role(bank, e['reads_like'])} | "
                   f"{e['fit']:.0f}% | {hours_text(e['effort_hours'])} | {gaps or 'none'} |")
    out += ["", "## What to learn to reach more postings", ""]
    before = p["within_reach"]
    learn = p["learn"]
    out.append(f"Within reach now (fit of {reach:g}% or more): **{before:,} of {doc['postings']:,} postings**.")
    out.append("")
    if learn is None:
        out.append("No single area, learned to the level the postings ask, brings another posting within "
                   "reach: the closest ones lack two areas or more.")
        return [*out, ""]
    levels = ", ".join(f"level {lv} ({n:,})" for lv, n in learn["levels_asked"].items())
    out.append(f"**Learn {_area(bank, learn['area'])}** to the level the postings ask: within reach goes from "
               f"{before:,} to **{learn['within_reach_after']:,}** postings (+{learn['postings_gained']:,}).")
    out += ["", f"The postings it brings within reach ask {levels}. From your {learn['you']:.1f}, level "
                f"{learn['to_level']:g} covers them all: about {hours_text(learn['hours'])} by the bank's effort "
                "figures."]
    examples = "; ".join(f"{_where(e, srcs)}" + (f" ({md_escape(e['title'])})" if e["title"] else "")
                         for e in learn["examples"])
    rest = learn["postings_gained"] - len(learn["examples"])
    out += ["", f"For example: {examples}" + (f"; and {rest:,} more." if rest > 0 else ".")]
    if p["alternatives"]:
        out += ["", "| Next best area | Postings gained | Within reach after | Hours to the highest level asked |",
                "|---|--:|--:|--:|"]
        for a in p["alternatives"]:
            out.append(f"| {_area(bank, a['area'])} | +{a['postings_gained']:,} | {a['within_reach_after']:,} | "
                       f"{hours_text(a['hours'])} |")
    return [*out, ""]


def _bad(doc: dict[str, Any]) -> list[str]:
    b = doc["bad"]
    out = [f"## Could not be read: {b['count']:,}", "", "| File | Row | Why |", "|---|---|---|"]
    for e in b["listed"]:
        out.append(f"| {md_escape(e['where'])} | {md_escape(e['row']) or '-'} | {md_escape(e['why'])} |")
    if b["count"] > len(b["listed"]):
        out.append(f"\n_... and {b['count'] - len(b['listed']):,} more (the first {len(b['listed'])} are named)._")
    return [*out, ""]


def _method(bank: Bank) -> list[str]:
    return [
        "## How this was computed",
        "",
        "- Each posting is read as `careerfit posting` reads one: **reads like** is the role whose profile is "
        "closest to what its content asks; **titled as** is the role its title names (as `careerfit title` "
        "reads it). A posting is misleadingly titled when the two differ.",
        "- **Mean importance** of an area for a role: the mean over the postings that read like it (0 where a "
        "posting does not ask for the area); **mean level asked** is over the postings that ask it.",
        f"- With a profile, each posting is scored as a role by the ordinary scoring; **within reach** is a fit of "
        f"{bank.scoring.within_reach:g}% or more. An area brings a posting within reach when closing that one gap, "
        "to the level that posting asks, lifts its fit to the threshold.",
    ]


def market_json(doc: dict[str, Any]) -> str:
    """JSON text, written as every command writes it (``careerfit.core.jsonout``)."""
    return dumps(doc)
