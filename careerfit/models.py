"""Pydantic models for every file careerfit reads or writes.

The models are the file contracts: question banks, role profiles and the person's
profile. They are strict where a lax coercion would silently misread a file (a level of
``true`` or ``"3"`` is an error, not 1 or 3) and keep unknown keys where a round trip
must not lose what another tool or a newer careerfit wrote.
"""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictFloat, StrictInt, field_validator

from careerfit.text import clean_text

#: Levels of the answer scale: 0 never done it ... 4 designed it for others / taught it.
LEVELS = (0, 1, 2, 3, 4)
MAX_LEVEL = 4

#: Question, area and role ids: letters, digits, ``_`` and ``-``, with optional dotted
#: segments (``software.unit_testing``). Dots are allowed because the brief's contract uses
#: them; profile loading folds the nested-table form a hand-written unquoted key produces.
ID_PATTERN = r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$"
_ID_RE = re.compile(ID_PATTERN)

#: The generic, behaviourally anchored labels; a question may tailor its own.
DEFAULT_LABELS: tuple[str, ...] = (
    "Never done it",
    "Followed a tutorial or course",
    "Done it at work, with help",
    "Done it on my own, in production",
    "Designed it for others, or taught it",
)

Level = Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)]


def _check_id(value: str) -> str:
    if not _ID_RE.fullmatch(value):
        raise ValueError("must be letters, digits, '_' and '-', in dot-separated parts")
    return value


#: Checked with Python's ``re`` rather than ``Field(pattern=...)``: pydantic-core's regex
#: engine costs milliseconds to start, on every run of the command.
Id = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_check_id)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


def is_valid_id(value: str) -> bool:
    return bool(_ID_RE.fullmatch(value))


#: Data files written by the project: an unknown key is a typo worth reporting. (A config
#: rather than a shared base class: each pydantic class costs start-up time to build.)
_STRICT = ConfigDict(extra="forbid", frozen=True)


class Area(BaseModel):
    """A skill area (``ml``, ``software``, ...): the unit questions and roles refer to."""

    model_config = _STRICT

    id: Id
    name: Text = Field(description="Human name, e.g. 'Software engineering'.")
    short: str = Field("", max_length=14, description="Label for narrow columns, e.g. 'Software'.")
    description: str = Field("", description="What the area covers, in a sentence.")
    effort_hours: Annotated[float, Field(gt=0, le=2000)] = Field(
        description="Hours of focused practice for the cheapest level step (0 -> 1)."
    )
    effort_rationale: Text = Field(description="Why the area costs what it costs, one line.")

    @property
    def label(self) -> str:
        return self.short or self.name


class Question(BaseModel):
    """One behaviour-anchored question about one area."""

    model_config = _STRICT

    id: Id
    skill: Id = Field(description="The area id this question measures.")
    text: Text = Field(description="The question, about concrete behaviour.")
    labels: tuple[Text, Text, Text, Text, Text] | None = Field(
        None, description="Five tailored labels for levels 0-4; the generic ones otherwise."
    )
    next_action: str = Field(
        "", max_length=500, description="A concrete next step for someone below level 3."
    )
    quick: bool = Field(False, description="Part of the quick check (one or two per area).")

    @property
    def answer_labels(self) -> tuple[str, ...]:
        return self.labels or DEFAULT_LABELS

    @field_validator("text", "next_action")
    @classmethod
    def _clean(cls, value: str) -> str:
        return clean_text(value)


class Requirement(BaseModel):
    """What a role asks of one area."""

    model_config = _STRICT

    level: Annotated[StrictInt | StrictFloat, Field(ge=0, le=MAX_LEVEL)] = Field(
        description="Required level on the 0-4 answer scale."
    )
    importance: Annotated[StrictInt | StrictFloat, Field(ge=0, le=5)] = Field(
        description="Weight 0-5, on O*NET's 1-5 importance scale (0: not part of the job)."
    )


class Source(BaseModel):
    """Where a role profile comes from: a seed article or an O*NET occupation."""

    model_config = _STRICT

    title: Text
    ref: str = Field("", description="A file name, an O*NET-SOC code or an address.")
    note: str = ""


class Role(BaseModel):
    """A job profile: per-area levels and weights, with the titles it covers."""

    model_config = _STRICT

    id: Id
    name: Text
    description: Text
    titles: tuple[str, ...] = Field((), description="Job-title variants this role covers.")
    onet: tuple[str, ...] = Field((), description="O*NET-SOC codes behind the profile.")
    onet_note: str = Field("", description="How the codes were blended, where there are several.")
    sources: tuple[Source, ...] = ()
    requires: dict[str, Requirement] = Field(description="Area id -> requirement.")


#: A step's cost multiple: positive and finite (NaN or a negative cost would poison every sum).
StepCost = Annotated[float, Field(gt=0, le=1000, allow_inf_nan=False)]


class Scoring(BaseModel):
    """Tunable constants of the scoring method; they live in the data, with reasons."""

    model_config = _STRICT

    step_multipliers: tuple[StepCost, StepCost, StepCost, StepCost] = Field(
        (1.0, 2.0, 4.0, 8.0),
        description="Cost of the step from level k to k+1, as a multiple of the area's effort.",
    )
    overqualification_weight: Annotated[float, Field(allow_inf_nan=False)] = Field(
        2.0, ge=0, le=5, description="Weight of unused-strength hours in the pivot distance."
    )
    within_reach: float = Field(90.0, ge=0, le=100, description="Fit at which a role is in reach.")
    default_hours_per_week: float = Field(8.0, ge=0.5, le=100)
    rationale: str = ""


class Bank:
    """Everything loaded from a bank folder: areas, questions, roles and scoring constants.

    Not a file format itself (its parts are validated as they load), so a plain read-only
    object with lookup tables, rather than one more pydantic model to build at start-up.
    """

    __slots__ = ("_areas", "_by_area", "_questions", "_roles", "areas", "questions", "roles", "scoring", "source")

    def __init__(
        self,
        *,
        areas: tuple[Area, ...],
        questions: tuple[Question, ...],
        roles: tuple[Role, ...],
        scoring: Scoring | None = None,
        source: str = "",
    ) -> None:
        by_area: dict[str, list[Question]] = {}
        for q in questions:
            by_area.setdefault(q.skill, []).append(q)
        values = {
            "areas": tuple(areas),
            "questions": tuple(questions),
            "roles": tuple(roles),
            "scoring": scoring if scoring is not None else Scoring(),
            "source": source,
            "_areas": {a.id: a for a in areas},
            "_roles": {r.id: r for r in roles},
            "_questions": {q.id: q for q in questions},
            "_by_area": {k: tuple(v) for k, v in by_area.items()},
        }
        for key, value in values.items():
            object.__setattr__(self, key, value)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError("Bank is read-only")

    def __repr__(self) -> str:
        sizes = f"{len(self.areas)} areas, {len(self.questions)} questions, {len(self.roles)} roles"
        return f"Bank({sizes}, {self.source!r})"

    def area(self, area_id: str) -> Area:
        return self._areas[area_id]

    def role(self, role_id: str) -> Role:
        return self._roles[role_id]

    def question(self, question_id: str) -> Question:
        return self._questions[question_id]

    def has_role(self, role_id: str) -> bool:
        return role_id in self._roles

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(self._questions)

    def questions_for(self, area_id: str) -> tuple[Question, ...]:
        return self._by_area.get(area_id, ())


PROFILE_SCHEMA = 1


class Profile(BaseModel):
    """One person's answers. Unknown keys are kept so a round trip never loses data."""

    model_config = ConfigDict(
        extra="allow", validate_assignment=True, validate_by_name=True, serialize_by_alias=True
    )

    schema_: StrictInt = Field(PROFILE_SCHEMA, alias="schema", description="File format version.")
    name: str = Field("", max_length=200, description="The person's name, shown in the report.")
    current_role: Id | None = Field(None, description="Declared role id; else the best fit.")
    hours_per_week: Annotated[StrictInt | StrictFloat, Field(ge=0.5, le=100)] = Field(
        8, description="Hours a week for learning; turns effort hours into weeks."
    )
    not_relevant: list[Id] = Field(
        default_factory=list, description="Areas marked 'not relevant to me': counted as level 0."
    )
    notes: str = Field("", max_length=20000)
    answers: dict[Id, Level] = Field(
        default_factory=dict, description="Question id -> level 0-4; skipped questions are absent."
    )

    @field_validator("name")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        return clean_text(value, single_line=True)

    @field_validator("notes")
    @classmethod
    def _clean_notes(cls, value: str) -> str:
        return clean_text(value)
