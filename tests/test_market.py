"""The market scan's pure core: the aggregator, the learning count, the reports' escaping."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from careerfit.core.scoring import SkillScore, score_role, shown_fit, skill_scores
from careerfit.formats.lexicon_file import load_lexicon
from careerfit.postings.market import (
    CLOSEST,
    MAX_LISTED,
    MarketScan,
    PostingFit,
    PostingSummary,
    Problem,
    Record,
    read_record,
)
from careerfit.postings.market_report import market_json, market_markdown
from careerfit.postings.reader import analyse_posting, fit_posting

POSTINGS = Path(__file__).parent / "postings"
EXPECTED = tomllib.loads((POSTINGS / "expected.toml").read_text())["postings"]


def summary(reads: str, title_role: str | None = None, *, where: str = "p.md", demands=(), terms=(),
            fit: PostingFit | None = None) -> PostingSummary:
    return PostingSummary(where, "", f"title of {where}", title_role, reads, 80.0, tuple(demands), tuple(terms), fit)


def test_titles_roles_and_terms_are_counted(bank):
    m = MarketScan(bank)
    m.add(summary("ml_engineer", "data_scientist", where="a", demands=[("ml", 3, 5), ("software", 3, 4)],
                  terms=[("ml", "PyTorch"), ("software", "Python")]))
    m.add(summary("ml_engineer", "ml_engineer", where="b", demands=[("ml", 4, 5)], terms=[("ml", "PyTorch")]))
    m.add(summary("data_analyst", None, where="c", demands=[("analysis", 3, 5)], terms=[("analysis", "SQL")]))
    m.add(Problem("x.csv", "row 3", "no text"))
    doc = m.result()
    assert (doc["postings"], doc["bad"]["count"]) == (3, 1)
    assert doc["bad"]["listed"] == [{"where": "x.csv", "row": "row 3", "why": "no text"}]
    titles = {(t["titled_as"], t["reads_as"]): t["postings"] for t in doc["titles"]}
    assert titles == {("data_scientist", "ml_engineer"): 1, ("ml_engineer", "ml_engineer"): 1,
                      (None, "data_analyst"): 1}
    # a title that names no role is not "misleading": only a title naming another role is
    assert doc["misleading"]["count"] == 1 and doc["misleading"]["listed"][0]["where"] == "a"
    mle = doc["roles"]["ml_engineer"]
    assert mle["postings"] == 2
    assert list(mle["areas"]) == ["ml", "software"]  # by mean importance
    assert mle["areas"]["ml"] == {"mean_importance": 5.0, "asked_by": 2, "mean_level": 3.5}
    assert mle["areas"]["software"] == {"mean_importance": 2.0, "asked_by": 1, "mean_level": 3.0}
    assert mle["terms"][0] == {"term": "PyTorch", "area": "ml", "postings": 2}
    assert list(doc["roles"]) == ["ml_engineer", "data_analyst"]  # most postings first
    assert doc["profile"] is None


def test_lists_are_capped_but_counts_are_not(bank):
    m = MarketScan(bank)
    for i in range(MAX_LISTED + 7):
        m.add(summary("ml_engineer", "data_analyst", where=f"p{i}"))
        m.add(Problem(f"bad{i}", "", "binary file"))
    doc = m.result()
    assert doc["misleading"]["count"] == doc["bad"]["count"] == MAX_LISTED + 7
    assert len(doc["misleading"]["listed"]) == len(doc["bad"]["listed"]) == MAX_LISTED
    assert doc["misleading"]["listed"][0]["where"] == "p0"  # the first ones, in input order
    text = market_markdown(doc, bank)
    assert "... and 7 more (the first 100 are named)" in text


def _skills(bank, levels: dict[str, float]) -> dict[str, SkillScore]:
    return {a.id: SkillScore(a.id, levels.get(a.id, 0.0), 1, 1) for a in bank.areas}


def test_the_one_area_that_brings_most_postings_within_reach(bank):
    """Constructed: closing software alone lifts two postings to 90%+, mlops one, research none."""
    m = MarketScan(bank, _skills(bank, {"software": 1, "mlops": 1}), profile_name="Ann")
    m.add(summary("ml_engineer", where="a", fit=PostingFit(80.0, 100, 100, (("software", 3, 15.0),))))
    m.add(summary("ml_engineer", where="b", fit=PostingFit(85.0, 100, 100, (("software", 4, 6.0), ("mlops", 2, 3.0)))))
    m.add(summary("mlops_engineer", where="c", fit=PostingFit(70.0, 100, 100, (("mlops", 2, 25.0),))))
    m.add(summary("research_scientist", where="d", fit=PostingFit(40.0, 100, 100, (("research", 4, 30.0),))))
    m.add(summary("data_analyst", where="e", fit=PostingFit(95.0, 0, 50, ())))
    p = m.result()["profile"]
    assert p["within_reach"] == 1
    learn = p["learn"]
    assert (learn["area"], learn["postings_gained"], learn["within_reach_after"]) == ("software", 2, 3)
    assert learn["levels_asked"] == {"3": 1, "4": 1} and learn["to_level"] == 4
    assert [a["area"] for a in p["alternatives"]] == ["mlops"]
    assert [e["where"] for e in p["closest"]] == ["e", "b", "a", "c", "d"]
    text = market_markdown(m.result(), bank)
    assert "within reach goes from 1 to **3** postings (+2)" in text


def test_closest_keeps_the_best_fits_only(bank):
    m = MarketScan(bank, _skills(bank, {}))
    for i in range(CLOSEST * 3):
        m.add(summary("ml_engineer", where=f"p{i}", fit=PostingFit(float(i), 10, 10, ())))
    closest = m.result()["profile"]["closest"]
    assert [e["where"] for e in closest] == [f"p{i}" for i in range(CLOSEST * 3 - 1, CLOSEST * 2 - 1, -1)]


def test_real_postings_fit_through_the_ordinary_scoring_and_learning_is_checked_by_brute_force(bank, make_profile):
    """Each posting's fit equals ``careerfit posting --profile``'s; the gained counts equal what
    re-scoring with that one area raised to the posting's level gives, posting by posting."""
    lexicon = load_lexicon()
    profile = make_profile({a.id: 4 for a in bank.areas if a.id not in ("mlops", "research", "software")})
    skills = skill_scores(bank, profile.answers, profile.not_relevant)
    m = MarketScan(bank, skills)
    expected_gain: dict[str, int] = {}
    within = 0
    for name in sorted(EXPECTED):
        text = (POSTINGS / name).read_text()
        item = read_record(Record(name, "", text), bank, lexicon, skills)
        assert isinstance(item, PostingSummary)
        analysis = analyse_posting(text, bank, lexicon, source=name)
        _, assessment = fit_posting(analysis, bank, profile)
        assert item.fit is not None and abs(item.fit.fit - assessment.role(analysis.role.id).fit) < 1e-9
        m.add(item)
        if shown_fit(item.fit.fit) >= 90:
            within += 1
            continue
        for area, req in analysis.role.requires.items():
            raised = dict(skills)
            raised[area] = SkillScore(area, max(skills[area].value, req.level), 1, 1)
            if shown_fit(score_role(bank, raised, analysis.role).fit) >= 90:
                expected_gain[area] = expected_gain.get(area, 0) + 1
    p = m.result()["profile"]
    assert p["within_reach"] == within
    got = {p["learn"]["area"]: p["learn"]["postings_gained"]} | {a["area"]: a["postings_gained"]
                                                                  for a in p["alternatives"]}
    best = max(expected_gain.values())
    assert p["learn"]["postings_gained"] == best and expected_gain[p["learn"]["area"]] == best
    assert all(expected_gain[a] == n for a, n in got.items())


def test_misleading_test_postings_are_named(bank):
    lexicon = load_lexicon()
    m = MarketScan(bank)
    for name in sorted(EXPECTED):
        m.add(read_record(Record(name, "", (POSTINGS / name).read_text()), bank, lexicon))
    named = {e["where"] for e in m.result()["misleading"]["listed"]}
    assert named == {n for n, e in EXPECTED.items() if "title_role" in e}


def test_a_posting_the_reader_refuses_is_a_problem(bank):
    item = read_record(Record("a.csv", "row 4", "Barista\n\nMake coffee."), bank, load_lexicon())
    assert isinstance(item, Problem) and item.row == "row 4" and "lexicon" in item.why
    assert item.line.startswith("a.csv: row 4: ")


def test_json_escapes_every_control_and_separator_and_markdown_escapes_text(bank):
    m = MarketScan(bank, sources=("dir\x1b[2J",))
    m.add(Problem("evil\u2028name|x.md", "", "bad \u0085 byte\u202e"))
    m.add(summary("ml_engineer", "data_scientist", where="t|x.md"))
    text = market_json(m.result())
    for ch in ("\u2028", "\u0085", "\u202e", "\x1b"):
        assert ch not in text
    doc = json.loads(text)
    assert doc["bad"]["listed"][0]["where"] == "evil name|x.md"  # a line separator folded, not lost
    assert doc["sources"] == ["dir[2J"]  # cleaned of the control character
    md = market_markdown(doc, bank)
    assert "t\\|x.md" in md and "evil name\\|x.md" in md and "\x1b" not in md


def test_a_repost_is_analysed_once_and_keeps_its_own_name(bank):
    from careerfit.cli.market_run import Reader

    reader = Reader(bank, load_lexicon(), None, size=2)
    text = (POSTINGS / "ds_really_mle.md").read_text()
    first = reader(Record("a.md", "", text))
    again = reader(Record("b.csv", "row 9", text))
    assert reader.hits == 1
    assert isinstance(again, PostingSummary) and (again.where, again.row) == ("b.csv", "row 9")
    assert again == PostingSummary(**{**{f: getattr(first, f) for f in first.__dataclass_fields__},
                                      "where": "b.csv", "row": "row 9"})
    assert reader(Record("c.md", "", text, title="Other title")) != again  # the title is part of the key
    bad = reader(Record("x", "", "Barista"))
    assert isinstance(reader(Record("y", "line 2", "Barista")), Problem) and reader.hits == 2
    assert isinstance(bad, Problem) and bad.where == "x"
    reader(Record("d", "", (POSTINGS / "data_analyst.md").read_text()))  # size 2: the first is forgotten
    reader(Record("e.md", "", text, title="Other title"))
    hits = reader.hits
    reader(Record("f.md", "", text))
    assert reader.hits == hits  # evicted, analysed afresh


def test_market_json_escapes_what_json_dumps_leaves_raw():
    value = "a\u2028b\u0085c\u200bd\U000e0001é"
    text = market_json({"x": value})
    assert all(ch not in text for ch in value[1:-1:2]) and "é" in text
    assert "\\udb40\\udc01" in text  # a supplementary-plane format character as a surrogate pair
    assert json.loads(text) == {"x": value}


def test_the_pool_never_reads_far_ahead_of_the_results(bank):
    """Streaming: however long the input, the postings read but not yet folded stay bounded
    by the chunks in flight, and the results come back in input order."""
    from careerfit.cli.market_run import CHUNK, IN_FLIGHT, PARALLEL_MIN, scan

    total, consumed, ahead, seen = 6000, [0], [0], []

    def items():
        for i in range(total):
            consumed[0] += 1
            yield Record(f"p{i}", "", "Data Engineer\n\nRequirements\n- Spark and Airflow in production.\n")

    def on_result(r):
        seen.append(r.where)
        ahead[0] = max(ahead[0], consumed[0] - len(seen))

    used = scan(items(), bank=bank, lexicon=load_lexicon(), skills=None, on_result=on_result, jobs=2)
    assert used == 2
    assert seen == [f"p{i}" for i in range(total)]
    assert ahead[0] <= PARALLEL_MIN + (2 * IN_FLIGHT + 2) * CHUNK < total // 3
