"""What the market scan's speed-ups must not change: the hits, the analyses, the report.

The scan was made faster (issue 12, item 4) by finding a posting's words and deciding which
of them can start a spelling in C, by remembering title readings and heading kinds, and by
work split differently between processes. None of it may change a result, so each is held
against the plain version it replaced:

- ``lexicon.scan_many`` against ``reference_scan``, the per-word loop it replaced (kept here,
  verbatim but for names), on the development set, generated markets and fuzzed text built
  from the lexicon's own spellings;
- the report of a scan on every core against the report of the same scan in one process,
  and against the report folded by hand from ``read_record`` with every cache cleared.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.cli.market_run import scan
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings import lexicon as lexicon_module
from careerfit.postings.lexicon import _START, Hit
from careerfit.postings.market import MarketScan, Record, read_record
from careerfit.postings.market_report import market_json, market_markdown
from careerfit.postings.reader import drop_repeats, normalise

ROOT = Path(__file__).resolve().parents[1]
DEV_SET = ROOT / "tests" / "data" / "postings_real"
sys.path.insert(0, str(ROOT / "benchmarks"))


def reference_scan(indexes, text):
    """The scan as it was before the speed work: every word start looked at in Python."""
    hits: list[list[Hit]] = [[] for _ in indexes]
    live = [(k, ix) for k, ix in enumerate(indexes) if ix]
    free = [0] * len(indexes)
    words = list(_START.finditer(text))
    firsts = frozenset().union(*(ix.firsts for _, ix in live))
    starts = frozenset().union(*(ix.starts for _, ix in live))
    exact_starts = frozenset().union(*(ix.exact_starts for _, ix in live))
    last = len(words) - 1
    for i, m in enumerate(words):
        pos, end = m.span()
        word = m.group()
        low = word.lower()
        if low not in starts and word not in exact_starts:
            continue
        second = None
        second_end = 0
        if i < last and low in firsts:
            nxt = words[i + 1]
            gap = text[end : nxt.start()]
            if gap and not gap.strip(" \t\n-"):
                second = nxt.group().lower()
                second_end = nxt.end()
        for k, ix in live:
            if pos < free[k] or (low not in ix.starts and word not in ix.exact_starts):
                continue
            found = ix.match(text, pos, end, word, low, second, second_end)
            if found:
                e, stop = found
                hits[k].append(Hit(pos, stop, e.area, e.term, e.weight, e.level))
                free[k] = stop
    return hits


def _indexes(lexicon):
    return (lexicon._posting_terms, lexicon._phrases, lexicon._boilerplate, lexicon._inline_nice)


def _dev_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(DEV_SET.glob("*.md"))]


def _market(count: int) -> list[dict[str, str]]:
    from market_bench import DEV_SET as BENCH_SET
    from market_bench import _sections, make_posting

    rng = random.Random(7)
    sources = [_sections(p.read_text()) for p in sorted(BENCH_SET.glob("*.md"))]
    out = []
    for _ in range(count):
        title, _, body = make_posting(rng, sources).partition("\n")
        out.append({"title": title, "description": body})
    return out


def test_the_scan_finds_what_the_per_word_loop_found_on_real_postings():
    lexicon = load_lexicon()
    texts = _dev_texts() + [d["description"] for d in _market(150)]
    assert len(texts) > 200
    for text in texts:
        for t in (text, drop_repeats(normalise(text))):
            assert lexicon_module.scan_many(_indexes(lexicon), t) == reference_scan(_indexes(lexicon), t)


def _spellings() -> list[str]:
    lexicon = load_lexicon()
    out = [s for terms in lexicon.areas.values() for t in terms for s in t.spellings]
    out += [p for lp in lexicon.level_phrases for p in lp.phrases]
    out += [*lexicon.sections.boilerplate, *lexicon.sections.inline_nice, *lexicon.neutral]
    return sorted(set(out))


_SPELLINGS = _spellings()
_GLUE = st.sampled_from(["", " ", "  ", "-", " - ", "\n", ".", ",", "+", "#", "&", "/", "s", "es", "'s", "_", "(", ")"])
_WORDS = st.sampled_from(["the", "data", "a", "in", "for", "strong", "with", "years", "of", "Σ", "İ", "ǅ", "x"])


def _case(draw, s: str) -> str:
    mode = draw(st.sampled_from(["as", "lower", "upper", "title"]))
    return {"as": s, "lower": s.lower(), "upper": s.upper(), "title": s.title()}[mode]


@st.composite
def _texts(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        piece = draw(st.one_of(st.sampled_from(_SPELLINGS), _WORDS))
        parts += [_case(draw, piece), draw(_GLUE)]
    return "".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts())
def test_the_scan_finds_what_the_per_word_loop_found_on_spellings_run_together(text):
    """Spellings glued, split, pluralised, cased and run together: the cases a faster pre-filter
    could wrongly drop (a pair whose second word is plural, a case-exact word, glue characters)."""
    lexicon = load_lexicon()
    assert lexicon_module.scan_many(_indexes(lexicon), text) == reference_scan(_indexes(lexicon), text)
    assert lexicon.find_terms(text) == reference_scan((lexicon._terms,), text)[0]


# --- the whole scan -----------------------------------------------------------------------------


def _write(path: Path, docs: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d) + "\n")


def _by_hand(paths: list[str], bank, lexicon, skills, name: str = "") -> dict:
    """The report folded from ``read_record`` one posting at a time, every memo emptied first."""
    from careerfit.cli.market_sources import iter_postings

    _clear_memos()
    market = MarketScan(bank, skills, profile_name=name, sources=tuple(paths))
    for item in iter_postings(paths):
        market.add(item if not isinstance(item, Record) else read_record(item, bank, lexicon, skills))
    return market.result()


def _clear_memos() -> None:
    import careerfit.postings.reader as posting

    for fn in vars(posting).values():
        if hasattr(fn, "cache_clear"):
            fn.cache_clear()


@pytest.mark.parametrize("with_profile", [False, True])
def test_a_scan_on_every_core_reports_what_one_process_and_the_plain_loop_report(
        tmp_path, bank, with_profile):
    from careerfit.core.scoring import skill_scores
    from careerfit.formats.profile_io import load_profile

    lexicon = load_lexicon()
    docs = _market(400)
    docs += docs[:50]  # reposts: analysed once, reported under their own lines
    src = tmp_path / "market.jsonl"
    _write(src, docs)
    paths = [str(src), str(DEV_SET)]
    skills, name = None, ""
    if with_profile:
        profile = load_profile(ROOT / "examples" / "ada.toml")
        skills, name = skill_scores(bank, profile.answers, profile.not_relevant), profile.name
    from careerfit.cli.market_sources import iter_postings

    reports = []
    for jobs in (1, 2):
        market = MarketScan(bank, skills, profile_name=name, sources=tuple(paths))
        used = scan(iter_postings(paths), bank=bank, lexicon=lexicon, skills=skills, on_result=market.add, jobs=jobs)
        assert used == jobs
        reports.append(market.result())
    reports.append(_by_hand(paths, bank, lexicon, skills, name))
    assert reports[0]["postings"] == len(docs) + len(_dev_texts())
    texts = {(market_json(r), market_markdown(r, bank)) for r in reports}
    assert len(texts) == 1
