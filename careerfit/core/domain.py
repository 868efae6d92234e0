"""The core's own types: areas, questions, roles, scoring constants, banks and profiles.

Plain classes, free of pydantic. The file formats are validated by the pydantic models in
``careerfit.formats.models``; what passes becomes these objects, which scoring, reports and the app
work with. Keeping the two apart lets a start-up whose files are unchanged since they were
last validated (``careerfit.formats.cache``) skip importing and building pydantic altogether:
that was a third of the app's time to its first question and a quarter of its memory.

Records are NamedTuples (immutable, and several times cheaper to define at start-up than
frozen dataclasses); the profile, which the app changes as answers come, is a dataclass.
The ``*_from`` builders take a validated document in its JSON form (what
``model_dump(mode="json")`` gives and the cache stores) and trust it: they are only ever
fed what a pydantic model accepted.

May import: the standard library only (the core's records; no pydantic, no file I/O).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

#: Levels of the answer scale: 0 not done yet ... 4 set the approach others follow.
LEVELS = (0, 1, 2, 3, 4)
MAX_LEVEL = 4
PROFILE_SCHEMA = 1
#: Limits of a profile's own fields, shared by ``ProfileModel`` and the app's new-profile form.
MAX_NAME = 200
MIN_HOURS, MAX_HOURS = 0.5, 100

#: Question, area and role ids: letters, digits, ``_`` and ``-``, with optional dotted
#: segments (``software.unit_testing``). Dots are allowed because the brief's contract uses
#: them; profile loading folds the nested-table form a hand-written unquoted key produces.
ID_PATTERN = r"^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$"
ID_RE = re.compile(ID_PATTERN)

#: The generic, behaviourally anchored labels; a question may tailor its own.
DEFAULT_LABELS: tuple[str, ...] = (
    "Not yet",
    "Tried it: a course, tutorial or side project",
    "Done it at work, with help",
    "Done it on my own, in production",
    "Set the approach others follow",
)


def is_valid_id(value: str) -> bool:
    return bool(ID_RE.fullmatch(value))


def hours_ok(value: object) -> bool:
    """An hours-a-week value ``ProfileModel`` accepts (a number, not a bool, within the
    limits): the one check, for the app's new-profile form (a test holds it to the model)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and MIN_HOURS <= value <= MAX_HOURS


class Area(NamedTuple):
    """A skill area (``ml``, ``software``, ...): the unit questions and roles refer to."""

    id: str
    name: str
    effort_hours: float
    effort_rationale: str = ""
    short: str = ""
    description: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name


class Question(NamedTuple):
    """One behaviour-anchored question about one area."""

    id: str
    skill: str
    text: str
    labels: tuple[str, ...] | None = None
    next_action: str = ""
    quick: bool = False

    @property
    def answer_labels(self) -> tuple[str, ...]:
        return self.labels or DEFAULT_LABELS


class Requirement(NamedTuple):
    """What a role asks of one area: a level on the 0-4 scale and a 0-5 weight."""

    level: float
    importance: float


class Source(NamedTuple):
    """Where a role profile comes from: a seed article or an O*NET occupation."""

    title: str
    ref: str = ""
    note: str = ""


class Role(NamedTuple):
    """A job profile: per-area levels and weights, with the titles it covers."""

    id: str
    name: str
    description: str
    requires: dict[str, Requirement]
    titles: tuple[str, ...] = ()
    onet: tuple[str, ...] = ()
    onet_note: str = ""
    sources: tuple[Source, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The role in its file form (for JSON output)."""
        return {
            "id": self.id, "name": self.name, "description": self.description, "titles": list(self.titles),
            "onet": list(self.onet), "onet_note": self.onet_note,
            "sources": [{"title": s.title, "ref": s.ref, "note": s.note} for s in self.sources],
            "requires": {a: {"level": r.level, "importance": r.importance} for a, r in self.requires.items()},
        }


class Renamed(NamedTuple):
    """A question no longer asked under its old id, and where its answer goes.

    ``to`` lists the successor questions (the answer is carried to each), or is empty for a
    question retired outright (its answer stays in the profile, listed as no longer asked).
    """

    old: str
    to: tuple[str, ...] = ()
    why: str = ""


class Scoring(NamedTuple):
    """Tunable constants of the scoring method; they live in the data, with reasons."""

    step_multipliers: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0)
    overqualification_weight: float = 2.0
    within_reach: float = 90.0
    default_hours_per_week: float = 8.0
    rationale: str = ""
    #: Areas whose first step costs at least this many hours are hard-won (maths, research, ML).
    hard_won_hours: float = 40.0
    #: How much of a measured move's share comes off its distance (0.5: a 24% share, 12% off).
    move_weight: float = 0.5
    #: Runner-up within this share of the pivot's distance: "nearly tied".
    nearly_tied: float = 0.05


class Move(NamedTuple):
    """Measured evidence that people move from one role to another.

    ``share``: of the people holding ``to_role``'s title, the share who had held
    ``from_role``'s (Kaggle 2017 survey); ``onet``: O*NET's relatedness tier between the
    roles' occupations (``Primary-Short``, ``Primary-Long``, ``Supplemental``), or "";
    ``lift``: ``share`` over the share of all other respondents who had held ``from_role``'s
    title, so a common past title (Researcher, 22%) is not read as a common move.
    """

    from_role: str
    to_role: str
    share: float | None = None
    onet: str = ""
    note: str = ""
    lift: float | None = None


class Sitting(NamedTuple):
    """The profile as it stood at the end of one sitting (one per day): what "since" compares."""

    date: str  # YYYY-MM-DD
    answers: dict[str, int]
    not_relevant: tuple[str, ...] = ()
    current_role: str | None = None
    hours_per_week: float | None = None

    def to_document(self) -> dict[str, Any]:
        doc: dict[str, Any] = {"date": self.date}
        if self.current_role is not None:
            doc["current_role"] = self.current_role
        if self.hours_per_week is not None:
            doc["hours_per_week"] = self.hours_per_week
        doc.update(not_relevant=list(self.not_relevant), answers=dict(self.answers))
        return doc


#: Sittings a profile keeps (``careerfit.core.progress.with_sitting`` thins older ones).
MAX_SITTINGS = 24


@dataclass(slots=True)
class Profile:
    """One person's answers. ``extra`` keeps unknown keys so a round trip never loses data.

    Mutable: the app records answers into it as they are given. Every value that enters
    from a file has passed ``careerfit.formats.models.ProfileModel``.
    """

    name: str = ""
    current_role: str | None = None
    hours_per_week: float = 8
    not_relevant: list[str] = field(default_factory=list)
    notes: str = ""
    answers: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    schema: int = PROFILE_SCHEMA
    #: Earlier sittings, oldest first (``[[sittings]]`` in the file; absent in older profiles).
    sittings: tuple[Sitting, ...] = ()

    def to_document(self) -> dict[str, Any]:
        """The TOML document: ``schema`` first, no ``None`` values, unknown keys, answers last."""
        doc: dict[str, Any] = {"schema": self.schema, "name": self.name}
        if self.current_role is not None:
            doc["current_role"] = self.current_role
        doc.update(hours_per_week=self.hours_per_week, not_relevant=list(self.not_relevant), notes=self.notes)
        doc.update((k, v) for k, v in self.extra.items() if v is not None and k not in doc)
        doc["answers"] = dict(self.answers)
        if self.sittings:
            doc["sittings"] = [s.to_document() for s in self.sittings]
        return doc


# --- building from validated documents -------------------------------------------------------


def area_from(d: dict[str, Any]) -> Area:
    return Area(d["id"], d["name"], d["effort_hours"], d.get("effort_rationale", ""), d.get("short", ""),
                d.get("description", ""))


def question_from(d: dict[str, Any]) -> Question:
    labels = d.get("labels")
    return Question(d["id"], d["skill"], d["text"], tuple(labels) if labels is not None else None,
                    d.get("next_action", ""), d.get("quick", False))


def role_from(d: dict[str, Any]) -> Role:
    return Role(
        d["id"], d["name"], d["description"],
        {area: Requirement(r["level"], r["importance"]) for area, r in d["requires"].items()},
        tuple(d.get("titles", ())), tuple(d.get("onet", ())), d.get("onet_note", ""),
        tuple(Source(s["title"], s.get("ref", ""), s.get("note", "")) for s in d.get("sources", ())),
    )


def renamed_from(d: dict[str, Any]) -> Renamed:
    return Renamed(d["old"], tuple(d.get("to", ())), d.get("why", ""))


def scoring_from(d: dict[str, Any]) -> Scoring:
    return Scoring(tuple(d["step_multipliers"]), d["overqualification_weight"], d["within_reach"],
                   d["default_hours_per_week"], d.get("rationale", ""), d.get("hard_won_hours", 40.0),
                   d.get("move_weight", 0.5), d.get("nearly_tied", 0.05))


def move_from(d: dict[str, Any]) -> Move:
    return Move(d["from_role"], d["to_role"], d.get("share"), d.get("onet", ""), d.get("note", ""), d.get("lift"))


#: The profile's own keys; anything else in a profile document is kept in ``extra``.
PROFILE_FIELDS = ("schema", "name", "current_role", "hours_per_week", "not_relevant", "notes", "answers", "sittings")


def sitting_from(d: dict[str, Any]) -> Sitting:
    return Sitting(d["date"], dict(d.get("answers", {})), tuple(d.get("not_relevant", ())), d.get("current_role"),
                   d.get("hours_per_week"))


def profile_from(d: dict[str, Any]) -> Profile:
    return Profile(
        name=d.get("name", ""), current_role=d.get("current_role"), hours_per_week=d.get("hours_per_week", 8),
        not_relevant=list(d.get("not_relevant", ())), notes=d.get("notes", ""), answers=dict(d.get("answers", {})),
        extra={k: v for k, v in d.items() if k not in PROFILE_FIELDS}, schema=d.get("schema", PROFILE_SCHEMA),
        sittings=tuple(sitting_from(s) for s in d.get("sittings", ())),
    )


BUILDERS = {"area": area_from, "question": question_from, "role": role_from, "scoring": scoring_from,
            "renamed": renamed_from, "move": move_from}


class Bank:
    """Everything loaded from a bank folder: areas, questions, roles, scoring constants, and
    the questions it no longer asks under their old ids (``renamed``).

    Not a file format itself (its parts are validated as they load): a read-only object
    with lookup tables.
    """

    __slots__ = ("_areas", "_by_area", "_moves", "_questions", "_roles", "areas", "builtin_questions", "extra_roles",
                 "moves", "questions", "renamed", "roles", "scoring", "source")
    # Declared for type checkers: the slots are filled once, in __init__, and never again.
    areas: tuple[Area, ...]
    questions: tuple[Question, ...]
    roles: tuple[Role, ...]
    scoring: Scoring
    source: str
    renamed: tuple[Renamed, ...]
    moves: tuple[Move, ...]
    extra_roles: frozenset[str]
    builtin_questions: int
    _moves: dict[tuple[str, str], Move]
    _areas: dict[str, Area]
    _roles: dict[str, Role]
    _questions: dict[str, Question]
    _by_area: dict[str, tuple[Question, ...]]

    def __init__(
        self,
        *,
        areas: tuple[Area, ...],
        questions: tuple[Question, ...],
        roles: tuple[Role, ...],
        scoring: Scoring | None = None,
        source: str = "",
        renamed: tuple[Renamed, ...] = (),
        moves: tuple[Move, ...] = (),
        extra_roles: frozenset[str] = frozenset(),
        builtin_questions: int = 0,
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
            "renamed": tuple(renamed),
            "moves": tuple(moves),
            "extra_roles": frozenset(extra_roles),
            #: How many of ``questions`` a user's folder borrowed from the built-in bank.
            "builtin_questions": builtin_questions,
            "_moves": {(m.from_role, m.to_role): m for m in moves},
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
    def career_roles(self) -> tuple[Role, ...]:
        """The roles a person can be in or pivot to: not a posting or saved target added for
        scoring (``extra_roles``), which is only ever reported as a target."""
        return tuple(r for r in self.roles if r.id not in self.extra_roles)

    def move(self, from_role: str, to_role: str) -> Move | None:
        """The measured evidence of a move between two roles, if any."""
        return self._moves.get((from_role, to_role))

    @property
    def question_ids(self) -> frozenset[str]:
        return frozenset(self._questions)

    def questions_for(self, area_id: str) -> tuple[Question, ...]:
        return self._by_area.get(area_id, ())
