"""The skill lexicon: file format checks, coverage, and word-boundary matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from careerfit.core.errors import FileFormatError
from careerfit.formats.lexicon_file import build_lexicon, load_lexicon
from careerfit.postings.lexicon import Lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def terms_in(lexicon: Lexicon, text: str) -> list[tuple[str, str]]:
    return [(h.term, text[h.start : h.end]) for h in lexicon.find_terms(text)]


def test_every_bank_area_has_at_least_15_terms(lexicon, bank):
    for area in bank.areas:
        assert lexicon.term_count(area.id) >= 15, area.id
    lexicon.check_areas(bank)


def test_bank_loader_ignores_the_lexicon_file(bank):
    assert len(bank.areas) == 12  # loading the built-in bank with lexicon.toml present works


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("Experience with R and Python", "R"),
        ("R, SAS or Stata", "R"),
        ("Services in Go and Rust", "Go"),
        ("Golang services", "Go"),
        ("C++ or Java", "C++"),
        ("modern C++.", "C++"),
        ("C# and .NET Core", "C#"),
        ("ASP.NET MVC", "C#"),
        ("run A/B tests", "A/B testing"),
        ("AB testing at scale", "A/B testing"),
        ("a/b testing", "A/B testing"),
        ("experiment design", "experimental design"),
        ("PyTorch", "PyTorch"),
        ("pytorch", "PyTorch"),
        ("torch", "PyTorch"),
        ("K8S clusters", "Kubernetes"),
        ("Kubernetes", "Kubernetes"),
        ("PySpark jobs", "Spark"),
        ("Apache Spark", "Spark"),
        ("CI/CD pipelines", "CI/CD"),
        ("continuous integration", "CI/CD"),
        ("MACHINE LEARNING", "machine learning"),
        ("machine-learning", "machine learning"),
        ("machine\nlearning", "machine learning"),
        ("GLMs", "generalised linear models"),
        ("Mask R-CNN", "object detection"),
    ],
)
def test_spellings_fire(lexicon, text, term):
    assert term in [t for t, _ in terms_in(lexicon, text)], terms_in(lexicon, text)


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("R&D budget", "R"),
        ("HR and PR teams", "R"),
        ("Rust only", "R"),
        ("We use Google Docs", "Go"),
        ("ready to go, years ago", "Go"),
        ("a good fit", "Go"),
        ("Go-to-market plans", "Go"),
        ("C++ only", "C#"),
        ("node.network", "C#"),
        ("lab testing", "A/B testing"),
        ("torchlight", "PyTorch"),
        ("you excel at writing", "Excel"),
        ("bi-weekly meetings", "business intelligence"),
        ("sparkling water", "Spark"),
        ("Swiftly", "Swift"),
    ],
)
def test_spellings_do_not_fire_inside_other_words(lexicon, text, term):
    assert term not in [t for t, _ in terms_in(lexicon, text)], terms_in(lexicon, text)


def test_c_plus_plus_is_not_c_sharp_and_the_longer_spelling_wins(lexicon):
    found = terms_in(lexicon, "C++, C#, ML pipelines and ML")
    assert found == [("C++", "C++"), ("C#", "C#"), ("Kubeflow", "ML pipelines"), ("machine learning", "ML")]


def test_level_phrases_have_levels(lexicon):
    text = "Lead the team; production systems; familiarity with Docker"
    assert [(text[h.start : h.end], h.level) for h in lexicon.find_phrases(text)] == [
        ("Lead", 4), ("production", 3), ("familiarity", 1)
    ]


def _doc(terms: list[dict], phrases: list[dict] | None = None) -> dict:
    return {"lexicon": {"ml": {"terms": terms}}, "level_phrases": phrases or []}


@pytest.mark.parametrize(
    ("doc", "fragment"),
    [
        (_doc([{"term": "PyTorch", "also": ["torch"]}, {"term": "Torch"}]), "repeats"),
        (_doc([{"term": "Go", "exact": ["Golang"]}]), "not one of the term's spellings"),
        (_doc([{"term": "+plus"}]), "must start with"),
        (_doc([{"term": " padded"}]), "outer spaces"),
        (_doc([{"term": "x", "weight": 9}]), "weight"),
        (_doc([{"term": "x", "wieght": 1}]), "wieght"),
        (_doc([{"term": "x"}], [{"level": 5, "phrases": ["lead"]}]), "level"),
        (_doc([{"term": "x"}], [{"level": 4, "phrases": ["lead"]}, {"level": 3, "phrases": ["Lead"]}]), "twice"),
        ({"lexicon": {"ml": {"terms": []}}}, "terms"),
    ],
)
def test_bad_lexicon_files_are_refused_with_the_file_name(doc, fragment):
    with pytest.raises(FileFormatError) as err:
        build_lexicon([("lex.toml", doc)])
    assert fragment in str(err.value)
    assert "lex.toml" in str(err.value) or "lexicon" in str(err.value)


def test_unknown_area_is_refused_against_the_bank(bank):
    lx = build_lexicon([("lex.toml", {"lexicon": {"cooking": {"terms": [{"term": "sous vide"}]}}})], "lex.toml")
    with pytest.raises(FileFormatError, match="cooking"):
        lx.check_areas(bank)


def test_a_user_folder_uses_its_own_lexicon_or_the_built_in_one(tmp_path: Path):
    (tmp_path / "lexicon.toml").write_text('[lexicon.ml]\nterms = [{ term = "gradient descent" }]\n')
    own = load_lexicon(tmp_path)
    assert [h.term for h in own.find_terms("gradient descent and PyTorch")] == ["gradient descent"]
    empty = tmp_path / "none"
    empty.mkdir()
    (empty / "q.toml").write_text('[[question]]\nid = "a"\nskill = "ml"\ntext = "x"\n')
    assert load_lexicon(empty) is load_lexicon()


def test_one_pass_over_a_posting_finds_exactly_what_the_separate_scans_find():
    """``read_posting`` folds the term scan and the section-phrase scan into one pass over the
    words (the market scan's main cost); each index must still be matched as if alone."""
    from careerfit.formats.lexicon_file import load_lexicon

    lexicon = load_lexicon()
    folder = Path(__file__).resolve().parent / "data" / "postings_real"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.md"))]
    texts.append("Equal opportunity employer. Python is a plus; ML engineers build PyTorch models. " * 3)
    assert len(texts) > 60
    for text in texts:
        terms, phrases, boilerplate, nice = lexicon.read_posting(text)
        assert (terms, phrases) == lexicon.find_all(text)
        assert (boilerplate, nice) == lexicon.find_section_phrases(text)
    assert any(lexicon.read_posting(t)[2] for t in texts) and any(lexicon.read_posting(t)[3] for t in texts)
