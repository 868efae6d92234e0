"""A role the bank does not hold (a posting, a saved target), scored as ``--target`` scores one.

Apart from ``careerfit.formats.targets`` (which reads saved targets through the file models) so the
posting reader stays pure and ``posting`` and ``targets`` do not import each other.

May import: the core only (``domain``, ``scoring``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerfit.core.domain import Bank, Profile, Role

if TYPE_CHECKING:
    from careerfit.core.scoring import Assessment


def bank_with_role(bank: Bank, role: Role) -> Bank:
    """The bank plus one extra role (a posting or a saved target), for ``assess``.

    The role is marked extra: it is scored and can be the target, but it is never a
    current role, best fit or pivot (a posting is not a career move of its own)."""
    roles = (*tuple(r for r in bank.roles if r.id != role.id), role)
    return Bank(areas=bank.areas, questions=bank.questions, roles=roles, scoring=bank.scoring, source=bank.source,
                moves=bank.moves, extra_roles=bank.extra_roles | {role.id})


def assess_role(bank: Bank, profile: Profile, role: Role) -> tuple[Bank, Assessment]:
    """Score a role the bank does not hold (a posting, a saved target) as ``--target`` would:
    the bank plus that role, and the assessment with it as the target."""
    from careerfit.core.scoring import assess

    extended = bank_with_role(bank, role)
    return extended, assess(extended, profile, target=role.id)
