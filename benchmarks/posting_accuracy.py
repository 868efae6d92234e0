"""How often the posting reader names the right role, against the title alone, on labelled postings.

    python benchmarks/posting_accuracy.py [FOLDER] [--json] [--verbose] [--bank DIR]

FOLDER (default ``tests/data/postings_real``) holds ``labels.toml`` (one ``[[posting]]`` per
file: ``file``, ``title``, ``label``, optional ``also``; both are role ids) and the posting
files. Each posting is read twice, as a user would:

- **content**: ``analyse_posting`` on the file's text, exactly what ``careerfit posting FILE``
  reports as "Reads like";
- **title only**: the best role of ``careerfit title`` on the labelled title;
- **content alone**: the role the content's own evidence ranks first (the similarity of its
  areas, plus the platform-work points), before the title is added as evidence (what the
  reader would say if the posting had no title).

A reading is right when it is the label or the ``also`` role. Postings labelled with a role
the bank does not have are skipped and named. The figures are printed per
label role, with the most common wrong content reading; ``--json`` prints the same numbers
and every posting's readings (``tests/test_posting_real.py`` asserts on them).

Counts move in steps of one posting, so each posting also has a **margin**: the score of the
best acceptable role minus the score of the best other role (positive when the reading is
right, larger when it is safely right). A role's mean margin shows a change that moves its
postings towards or away from the right reading before any of them flips; it is what a
change is judged by when the counts do not move. **Exact** counts the readings that are
the label itself, not the ``also`` role (a platform posting read as ML engineer with ML
engineer as its second label is right, but not exact).
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / "tests" / "data" / "postings_real"


class Labelled(BaseModel):
    """One labelled posting (other keys, such as source and licence, are the data set's own)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    file: str = Field(min_length=1)
    title: str = Field(min_length=1)
    label: str = Field(min_length=1)
    also: str | None = None


class Labels(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    posting: tuple[Labelled, ...] = Field(min_length=1)


def load_labels(folder: Path) -> Labels:
    path = folder / "labels.toml"
    try:
        return Labels.model_validate(tomllib.loads(path.read_text(encoding="utf-8")))
    except (OSError, tomllib.TOMLDecodeError, ValidationError) as exc:
        raise SystemExit(f"{path}: {str(exc).splitlines()[0]}") from None


def measure(folder: Path, bank_dir: Path | None = None) -> dict[str, Any]:
    """Every posting's content and title readings, and the counts per label role."""
    from careerfit.core.errors import CareerfitError
    from careerfit.formats.bank import load_bank
    from careerfit.formats.lexicon_file import lexicon_for
    from careerfit.postings.reader import analyse_posting
    from careerfit.postings.titles import match_title

    bank = load_bank(bank_dir) if bank_dir else load_bank()
    lexicon = lexicon_for(bank_dir, bank)
    known = {r.id for r in bank.roles}
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    for item in load_labels(folder).posting:
        if item.label not in known:
            skipped.append(f"{item.file} ({item.label})")  # a role this bank does not have
            continue
        ok = {item.label, item.also} - {None}
        text = (folder / item.file).read_text(encoding="utf-8")
        try:
            analysis = analyse_posting(text, bank, lexicon, source=item.file)
            content = analysis.reads_like
            alone = min(analysis.likeness, key=lambda x: (-(x.similarity + x.platform), x.role_id)).role_id
            top = [(x.role_id, round(x.score, 1)) for x in analysis.likeness[:3]]
            margin = (max(x.score for x in analysis.likeness if x.role_id in ok)
                      - max(x.score for x in analysis.likeness if x.role_id not in ok))
        except CareerfitError as exc:
            content, alone, top, margin = None, None, [("error", str(exc))], -100.0
        try:
            matches = match_title(item.title, bank, lexicon, limit=1)
            by_title = matches[0].role_id if matches else None
        except CareerfitError:
            by_title = None
        rows.append({"file": item.file, "title": item.title, "label": item.label, "also": item.also,
                     "content": content, "content_right": content in ok, "exact": content == item.label,
                     "margin": round(margin, 1),
                     "content_alone": alone, "content_alone_right": alone in ok, "title_role": by_title,
                     "title_right": by_title in ok, "top": top})
    per_role: dict[str, dict[str, Any]] = {}
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        groups[row["label"]].append(row)
    for role, group in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        wrong = Counter(r["content"] for r in group if not r["content_right"])
        per_role[role] = {"n": len(group), "content": sum(r["content_right"] for r in group),
                          "content_alone": sum(r["content_alone_right"] for r in group),
                          "title": sum(r["title_right"] for r in group),
                          "exact": sum(r["exact"] for r in group),
                          "margin": round(sum(r["margin"] for r in group) / len(group), 1),
                          "wrong": [[k or "error", v] for k, v in wrong.most_common(2)]}
    n = len(rows)
    content_right = sum(r["content_right"] for r in rows)
    title_right = sum(r["title_right"] for r in rows)
    alone_right = sum(r["content_alone_right"] for r in rows)
    return {"folder": str(folder), "n": n, "content": content_right, "title": title_right,
            "content_alone": alone_right, "content_pct": round(100 * content_right / n, 1),
            "exact": sum(r["exact"] for r in rows), "margin": round(sum(r["margin"] for r in rows) / n, 1),
            "title_pct": round(100 * title_right / n, 1), "content_alone_pct": round(100 * alone_right / n, 1),
            "per_role": per_role, "postings": rows, "skipped": skipped}


def table(result: dict[str, Any], verbose: bool = False) -> str:
    n = result["n"]
    out = [f"{result['folder']}: {n} postings",
           f"content reading right: {result['content']} / {n} ({result['content_pct']:.0f}%); "
           f"title only: {result['title']} / {n} ({result['title_pct']:.0f}%); "
           f"content alone, without the title: {result['content_alone']} / {n} ({result['content_alone_pct']:.0f}%); "
           f"exact {result['exact']}; mean margin {result['margin']:+.1f}",
           "",
           "| role (label) | postings | content reading right | title only right | content alone right "
           "| exact | mean margin | most common wrong content reading |",
           "|---|--:|--:|--:|--:|--:|--:|---|"]
    if result["skipped"]:
        out[2:2] = [f"skipped, labelled with a role the bank does not have: {', '.join(result['skipped'])}"]
    for role, r in result["per_role"].items():
        wrong = ", ".join(f"{k} ({v})" for k, v in r["wrong"])
        out.append(f"| {role} | {r['n']} | {r['content']} | {r['title']} | {r['content_alone']} | {r['exact']} "
                   f"| {r['margin']:+.1f} | {wrong} |")
    if verbose:
        out += ["", "wrong content readings:"]
        for row in result["postings"]:
            if not row["content_right"]:
                also = f" / {row['also']}" if row["also"] else ""
                out.append(f"- {row['file']}: label {row['label']}{also}, read {row['content']}, "
                           f"title {row['title_role']}; margin {row['margin']:+.1f}; top {row['top']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--json", action="store_true", help="print the figures and every reading as JSON")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the wrong content readings")
    parser.add_argument("--bank", type=Path, default=None, help="a question bank folder (default: built-in)")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    result = measure(args.folder, args.bank)
    print(json.dumps(result, indent=2) if args.json else table(result, args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
