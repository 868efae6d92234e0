"""Answers to questions the bank has renamed, carried to their successors.

Pure, so the report's comparison with an old sitting (``progress``) and the loaders use the
same rule. May import: ``careerfit.core.domain``.
"""

from __future__ import annotations

from dataclasses import replace

from careerfit.core.domain import Bank, Profile


def carry_renamed(profile: Profile, bank: Bank) -> Profile:
    """The profile with answers to questions the bank renamed carried to their successors.

    ``bank.renamed`` (``renamed.toml``) says where each old id's answer goes. A successor the
    profile already answers keeps its own answer; one that two old questions hand on to
    takes the lower of their answers, as the honest reading of a broader old question. The
    old answers stay, so a round trip keeps them and the report lists them as no longer
    asked. Pure: returns the same profile when there is nothing to carry.
    """
    carried: dict[str, int] = {}
    for r in bank.renamed:
        level = profile.answers.get(r.old)
        if level is None:
            continue
        for successor in r.to:
            if successor not in profile.answers:
                carried[successor] = min(level, carried.get(successor, level))
    if not carried:
        return profile
    return replace(profile, answers={**profile.answers, **carried})
