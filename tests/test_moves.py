"""The measured moves behind the pivot's prior: ``questions/moves.toml`` against its sources.

``tests/data/kaggle_2017_past_titles.csv`` and ``tests/data/onet_related_occupations.csv`` are
copies of ``shared/reference/`` (Kaggle ML & DS Survey 2017; O*NET 29.2 Related Occupations,
USDOL/ETA, CC BY 4.0). The app reads only the TOML, shipped in the wheel with the bank.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from careerfit.core.errors import BankError
from careerfit.formats.bank import load_bank

DATA = Path(__file__).resolve().parent / "data"
#: Kaggle 2017 titles behind careerfit's roles: (as a past title, as a current title).
TITLES = {
    "data_scientist": ("Data Scientist", "Data Scientist"),
    "ml_engineer": ("Machine Learning Engineer", "Machine Learning Engineer"),
    "data_analyst": ("Data Analyst", "Data Analyst"),
    "statistician": ("Statistician", "Statistician"),
    "software_engineer": ("Software Developer/Software Engineer", "Software Developer/Software Engineer"),
    "research_scientist": ("Researcher", "Scientist/Researcher"),
    "data_engineer": ("DBA/Database Engineer", "DBA/Database Engineer"),
}
TIERS = ("Primary-Short", "Primary-Long", "Supplemental")


def _shares() -> dict[tuple[str, str], float]:
    with (DATA / "kaggle_2017_past_titles.csv").open(newline="") as fh:
        return {(r["current_title"], r["past_title_held"]): float(r["share_of_current_title_who_held_past_title"])
                for r in csv.DictReader(fh)}


def test_every_measured_pair_has_its_survey_share(bank):
    shares = _shares()
    for a in TITLES:
        for b in TITLES:
            if a != b:
                move = bank.move(a, b)
                assert move is not None and move.share == pytest.approx(shares[(TITLES[b][1], TITLES[a][0])]), (a, b)
    assert bank.move("data_scientist", "ml_engineer").share == pytest.approx(0.236)  # the example
    assert bank.move("data_analyst", "data_scientist").share == pytest.approx(0.329)
    # Roles without a 2017 title carry no share, never a made-up one.
    assert all(m.share is None for m in bank.moves if m.from_role not in TITLES or m.to_role not in TITLES)


def test_onet_tiers_are_the_closest_relation_between_the_roles_codes(bank):
    related: dict[str, dict[str, str]] = {}
    with (DATA / "onet_related_occupations.csv").open(newline="") as fh:
        for r in csv.DictReader(fh):
            related.setdefault(r["soc"], {})[r["related_soc"]] = r["relatedness_tier"]
    for a in bank.roles:
        for b in bank.roles:
            if a.id == b.id:
                continue
            tiers = [related.get(x, {}).get(y) for x in a.onet for y in b.onet if x != y]
            best = min((t for t in tiers if t), key=TIERS.index, default="")
            move = bank.move(a.id, b.id)
            assert (move.onet if move else "") == best, (a.id, b.id)
    assert bank.move("software_engineer", "solutions_architect").onet == "Primary-Short"


def test_a_user_bank_move_must_name_known_roles(tmp_path):
    (tmp_path / "q.toml").write_text(
        '[[question]]\nid = "ml.x"\nskill = "ml"\ntext = "?"\n'
        '[[move]]\nfrom_role = "data_scientist"\nto_role = "astronaut"\nshare = 0.5\n'
    )
    with pytest.raises(BankError, match="move data_scientist -> astronaut: unknown role 'astronaut'"):
        load_bank(tmp_path)
    (tmp_path / "q.toml").write_text(
        '[[question]]\nid = "ml.x"\nskill = "ml"\ntext = "?"\n'
        '[[move]]\nfrom_role = "data_scientist"\nto_role = "ml_engineer"\nshare = 1.5\n'
    )
    with pytest.raises(BankError, match="share"):
        load_bank(tmp_path)


def test_a_user_bank_borrows_the_built_in_moves(tmp_path, bank):
    (tmp_path / "q.toml").write_text('[[question]]\nid = "ml.x"\nskill = "ml"\ntext = "?"\n')
    assert load_bank(tmp_path).moves == bank.moves


def _base_rates() -> dict[str, float]:
    """Per past title: the share of respondents not holding it now who had held it."""
    with (DATA / "kaggle_2017_past_titles.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    answered = {r["current_title"]: int(r["n_current_title_answered_past"]) for r in rows}
    out = {}
    for role, (past, current) in TITLES.items():
        others = {t for t in answered if t not in (past, current)}
        held = sum(int(r["n"]) for r in rows if r["past_title_held"] == past and r["current_title"] in others)
        out[role] = held / sum(answered[t] for t in others)
    return out


def test_every_measured_pair_has_its_lift_over_the_base_rate(bank):
    """The prior reads the lift, so a common past title (Researcher) is not a common move."""
    base = _base_rates()
    assert base["research_scientist"] == pytest.approx(0.221, abs=0.001)
    for m in bank.moves:
        if m.share is None:
            assert m.lift is None, (m.from_role, m.to_role)
        else:
            assert m.lift == pytest.approx(m.share / base[m.from_role], abs=0.006), (m.from_role, m.to_role)
    # 37% of statisticians had been Researchers, but so had 22% of everyone: a lift of 1.7,
    # below data scientist -> ML engineer (24% against 11%: 2.1).
    assert bank.move("research_scientist", "statistician").lift < bank.move("data_scientist", "ml_engineer").lift


def test_the_prior_is_the_part_of_the_move_beyond_chance(bank):
    from careerfit.core.pivot import move_prior

    w = bank.scoring.move_weight
    assert move_prior(bank, "data_scientist", "ml_engineer", True) == pytest.approx(w * (1 - 1 / 2.15))
    assert move_prior(bank, "data_scientist", "data_engineer", True) == 0.0  # lift 0.66: rarer than chance
    assert move_prior(bank, "data_scientist", "ml_engineer", False) == 0.0  # no declared role, no measured move
