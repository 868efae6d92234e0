"""Pydantic models for every file careerfit reads or writes.

The models are the file contracts: question banks, role profiles and the person's
profile. They are strict where a lax coercion would silently misread a file (a level of
``true`` or ``"3"`` is an error, not 1 or 3) and keep unknown keys where a round trip
must not lose what another tool or a newer careerfit wrote. They only validate: what
passes becomes the plain objects of ``careerfit.core.domain`` the rest of careerfit works with,
and every default is read from those objects (``_defaults``), so it is written once.

May import: pydantic, ``careerfit.formats.fields`` and the core's records (``careerfit.core.domain``).
"""

from __future__ import annotations

from dataclasses import MISSING, fields, is_dataclass
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, field_validator

from careerfit.core import domain
from careerfit.core.domain import MAX_HOURS, MAX_LEVEL, MAX_NAME, MIN_HOURS
from careerfit.formats.fields import Block, Id, Level, Line, Name, Text


def _defaults(record: Any) -> dict[str, Any]:
    """A plain record's defaults by field name: each default is written once, in
    ``careerfit.core.domain``, and read here (``tests/test_records.py`` checks the two views agree)."""
    if is_dataclass(record):
        return {f.name: f.default for f in fields(record) if f.default is not MISSING}
    return dict(record._field_defaults)


_AREA, _QUESTION, _RENAMED, _SOURCE = map(_defaults, (domain.Area, domain.Question, domain.Renamed, domain.Source))
_ROLE, _SCORING, _MOVE, _PROFILE = map(_defaults, (domain.Role, domain.Scoring, domain.Move, domain.Profile))

#: Data files written by the project: an unknown key is a typo worth reporting. (A config
#: rather than a shared base class: each pydantic class costs start-up time to build.)
_STRICT = ConfigDict(extra="forbid", frozen=True)


class AreaModel(BaseModel):
    """A skill area (``ml``, ``software``, ...): the unit questions and roles refer to."""

    model_config = _STRICT

    id: Id
    name: Name = Field(description="Human name, e.g. 'Software engineering'.")
    short: Line = Field(_AREA["short"], max_length=14, description="Label for narrow columns, e.g. 'Software'.")
    description: Block = Field(_AREA["description"], description="What the area covers, in a sentence.")
    effort_hours: Annotated[float, Field(gt=0, le=2000)] = Field(
        description="Hours of focused practice for the cheapest level step (0 -> 1)."
    )
    effort_rationale: Text = Field(description="Why the area costs what it costs, one line.")


class QuestionModel(BaseModel):
    """One behaviour-anchored question about one area."""

    model_config = _STRICT

    id: Id
    skill: Id = Field(description="The area id this question measures.")
    text: Text = Field(description="The question, about concrete behaviour.")
    labels: tuple[Name, Name, Name, Name, Name] | None = Field(
        _QUESTION["labels"], description="Five tailored labels for levels 0-4; the generic ones otherwise."
    )
    next_action: Block = Field(
        _QUESTION["next_action"], max_length=500, description="A concrete next step for someone below level 3."
    )
    quick: bool = Field(_QUESTION["quick"], description="Part of the quick check (one or two per area).")


class RenamedModel(BaseModel):
    """A question no longer asked under its old id (``renamed.toml``): where its answer goes.

    The mapping is what lets a profile saved by an older careerfit open with its answers: a
    reworded question keeps its id and needs no entry; one that was split, moved to another
    area or replaced is listed here with its successors, or with none if it was retired.
    """

    model_config = _STRICT

    old: Id = Field(description="The id older profiles may hold; no question of the bank has it now.")
    to: tuple[Id, ...] = Field(
        _RENAMED["to"], description="Successor question ids the answer is carried to; empty: retired."
    )
    why: Text = Field(description="What changed, for whoever maintains the bank.")

    @field_validator("to")
    @classmethod
    def _distinct(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError("names a successor twice")
        return value


class RequirementModel(BaseModel):
    """What a role asks of one area."""

    model_config = _STRICT

    level: Annotated[StrictInt | StrictFloat, Field(ge=0, le=MAX_LEVEL)] = Field(
        description="Required level on the 0-4 answer scale."
    )
    importance: Annotated[StrictInt | StrictFloat, Field(ge=0, le=5)] = Field(
        description="Weight 0-5, on O*NET's 1-5 importance scale (0: not part of the job)."
    )


class SourceModel(BaseModel):
    """Where a role profile comes from: a seed article or an O*NET occupation."""

    model_config = _STRICT

    title: Name
    ref: Line = Field(_SOURCE["ref"], description="A file name, an O*NET-SOC code or an address.")
    note: Block = _SOURCE["note"]


class RoleModel(BaseModel):
    """A job profile: per-area levels and weights, with the titles it covers."""

    model_config = _STRICT

    id: Id
    name: Name
    description: Text
    titles: tuple[Line, ...] = Field(_ROLE["titles"], description="Job-title variants this role covers.")
    onet: tuple[Line, ...] = Field(_ROLE["onet"], description="O*NET-SOC codes behind the profile.")
    onet_note: Block = Field(_ROLE["onet_note"], description="How the codes were blended, where there are several.")
    sources: tuple[SourceModel, ...] = _ROLE["sources"]
    requires: dict[str, RequirementModel] = Field(description="Area id -> requirement.")


#: A step's cost multiple: positive and finite (NaN or a negative cost would poison every sum).
StepCost = Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]


class ScoringModel(BaseModel):
    """Tunable constants of the scoring method; they live in the data, with reasons."""

    model_config = _STRICT

    step_multipliers: tuple[StepCost, StepCost, StepCost, StepCost] = Field(
        _SCORING["step_multipliers"],
        description="Cost of the step from level k to k+1, as a multiple of the area's effort.",
    )
    overqualification_weight: Annotated[float, Field(allow_inf_nan=False)] = Field(
        _SCORING["overqualification_weight"], ge=0, le=5,
        description="Weight of unused-strength hours in the pivot distance."
    )
    within_reach: float = Field(_SCORING["within_reach"], ge=0, le=100, description="Fit at which a role is in reach.")
    default_hours_per_week: float = Field(_SCORING["default_hours_per_week"], ge=MIN_HOURS, le=MAX_HOURS)
    rationale: Block = _SCORING["rationale"]
    hard_won_hours: float = Field(
        _SCORING["hard_won_hours"], ge=0, le=2000,
        description="Areas whose 0-1 step costs at least this are hard-won strengths."
    )
    move_weight: float = Field(
        _SCORING["move_weight"], ge=0, le=1, description="Share of a measured move's prior taken off its distance."
    )
    nearly_tied: float = Field(
        _SCORING["nearly_tied"], ge=0, le=1, description="Relative margin under which two pivots are nearly tied."
    )


class MoveModel(BaseModel):
    """Measured evidence of a move between two roles (Kaggle 2017 past titles, O*NET)."""

    model_config = _STRICT

    from_role: Id = Field(description="The role people come from.")
    to_role: Id = Field(description="The role they hold now.")
    share: Annotated[float, Field(ge=0, le=1, allow_inf_nan=False)] | None = Field(
        _MOVE["share"], description="Of the people holding to_role's title, the share who had held from_role's."
    )
    onet: Literal["", "Primary-Short", "Primary-Long", "Supplemental"] = Field(
        _MOVE["onet"], description="O*NET's relatedness tier between the roles' occupations."
    )
    note: Block = Field(_MOVE["note"], description="Where the figure comes from.")
    lift: Annotated[float, Field(gt=0, allow_inf_nan=False)] | None = Field(
        _MOVE["lift"],
        description="share / the share of everyone else who had held from_role's title (1: no more than chance).",
    )


def _iso_date(value: str) -> str:
    from datetime import date

    try:
        date.fromisoformat(value)
    except ValueError:
        raise ValueError("must be a date, YYYY-MM-DD") from None
    if len(value) != 10:
        raise ValueError("must be a date, YYYY-MM-DD")
    return value


class SittingModel(BaseModel):
    """One earlier sitting (``[[sittings]]``): the date and the answers as they stood then."""

    model_config = _STRICT

    date: Annotated[str, Field(max_length=10)]
    current_role: Id | None = None
    hours_per_week: Annotated[StrictInt | StrictFloat, Field(ge=MIN_HOURS, le=MAX_HOURS)] | None = None
    not_relevant: tuple[Id, ...] = ()
    answers: dict[Id, Level]

    @field_validator("date")
    @classmethod
    def _a_date(cls, value: str) -> str:
        return _iso_date(value)


class ProfileModel(BaseModel):
    """One person's answers. Unknown keys are kept so a round trip never loses data."""

    model_config = ConfigDict(
        extra="allow", validate_by_name=True, serialize_by_alias=True
    )

    schema_: StrictInt = Field(_PROFILE["schema"], alias="schema", description="File format version.")
    name: Line = Field(_PROFILE["name"], max_length=MAX_NAME, description="The person's name, shown in the report.")
    current_role: Id | None = Field(
        _PROFILE["current_role"],
        description="Declared role id; with none, no role is assumed (the pivot is the easiest role to get into).")
    hours_per_week: Annotated[StrictInt | StrictFloat, Field(ge=MIN_HOURS, le=MAX_HOURS)] = Field(
        _PROFILE["hours_per_week"], description="Hours a week for learning; turns effort hours into weeks."
    )
    not_relevant: list[Id] = Field(
        default_factory=list, description="Areas marked 'not relevant to me': counted as level 0."
    )
    notes: Block = Field(_PROFILE["notes"], max_length=20000)
    answers: dict[Id, Level] = Field(
        default_factory=dict, description="Question id -> level 0-4; skipped questions are absent."
    )
    sittings: tuple[SittingModel, ...] = Field(
        _PROFILE["sittings"], max_length=1000,
        description="Earlier sittings, oldest first; careerfit keeps at most domain.MAX_SITTINGS.",
    )


_MODELS: dict[str, type[BaseModel]] = {
    "area": AreaModel, "question": QuestionModel, "role": RoleModel, "scoring": ScoringModel,
    "renamed": RenamedModel, "move": MoveModel,
}


def validate_entry(kind: str, raw: Any) -> dict[str, Any]:
    """One bank entry (``area``, ``question``, ``role``, ``renamed`` or ``scoring``) validated, in its JSON
    form: what ``careerfit.core.domain.BUILDERS[kind]`` builds from and the parse cache keeps.
    Raises pydantic's ``ValidationError``."""
    return _MODELS[kind].model_validate(raw).model_dump(mode="json")


def validate_role(raw: Any) -> domain.Role:
    """A role from outside the bank (a saved target) validated as the bank's roles are."""
    return domain.role_from(validate_entry("role", raw))


def validate_profile(raw: dict[str, Any]) -> dict[str, Any]:
    """A profile document validated, in its JSON-compatible form (unknown keys kept as they
    are). Raises pydantic's ``ValidationError``."""
    return ProfileModel.model_validate(raw).model_dump(by_alias=True, exclude_none=True)
