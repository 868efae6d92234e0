"""One definition per record: each file model (pydantic) and its plain record agree.

A field added to one view and not the other, or a default changed in one place, fails here.
The file model may be stricter than the record (require what the record defaults, for
records built in code), never different.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import PydanticUndefined

from careerfit.core import domain
from careerfit.formats import lexicon_models, models
from careerfit.postings import lexicon

PAIRS: list[tuple[type[BaseModel], Any]] = [
    (models.AreaModel, domain.Area),
    (models.QuestionModel, domain.Question),
    (models.RenamedModel, domain.Renamed),
    (models.RequirementModel, domain.Requirement),
    (models.SourceModel, domain.Source),
    (models.RoleModel, domain.Role),
    (models.ScoringModel, domain.Scoring),
    (models.MoveModel, domain.Move),
    (models.ProfileModel, domain.Profile),
    (lexicon_models.TermModel, lexicon.Term),
    (lexicon_models.LevelPhrasesModel, lexicon.LevelPhrases),
    (lexicon_models.SectionRulesModel, lexicon.SectionRules),
    (lexicon_models.WorkRulesModel, lexicon.WorkRules),
    (models.SittingModel, domain.Sitting),
]
#: Record fields with no file field of their own: a profile's unknown keys (kept by the
#: model's ``extra="allow"``).
RECORD_ONLY = {domain.Profile: {"extra"}}


def _record_defaults(record: Any) -> tuple[list[str], dict[str, Any]]:
    if dataclasses.is_dataclass(record):
        names, defaults = [], {}
        for f in dataclasses.fields(record):
            names.append(f.name)
            if f.default is not dataclasses.MISSING:
                defaults[f.name] = f.default
            elif f.default_factory is not dataclasses.MISSING:
                defaults[f.name] = f.default_factory()
        return names, defaults
    return list(record._fields), dict(record._field_defaults)


def _model_defaults(model: type[BaseModel]) -> tuple[list[str], dict[str, Any]]:
    names, defaults = [], {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        names.append(key)
        if info.default_factory is not None:
            defaults[key] = info.default_factory()  # type: ignore[call-arg]  # no validated data needed
        elif info.default is not PydanticUndefined:
            defaults[key] = info.default
    return names, defaults


@pytest.mark.parametrize(("model", "record"), PAIRS, ids=[m.__name__ for m, _ in PAIRS])
def test_the_file_model_and_the_record_have_the_same_fields_and_defaults(model, record):
    model_names, model_defaults = _model_defaults(model)
    record_names, record_defaults = _record_defaults(record)
    assert set(model_names) == set(record_names) - RECORD_ONLY.get(record, set())
    for name, value in model_defaults.items():
        assert name in record_defaults, f"{model.__name__}.{name} has a default, {record.__name__}.{name} none"
        assert record_defaults[name] == value, f"{model.__name__}.{name}"
    stricter = set(record_defaults) - set(model_defaults) - RECORD_ONLY.get(record, set())
    assert all(model.model_fields[n].is_required() for n in stricter if n in model.model_fields)


def test_every_file_model_of_the_bank_is_paired():
    paired = {m for m, _ in PAIRS}
    assert set(models._MODELS.values()) <= paired
    assert models.ProfileModel in paired


def test_a_default_is_read_from_the_record():
    """Not a copy: the model holds the record's own default object."""
    assert models.ScoringModel.model_fields["step_multipliers"].default is domain.Scoring._field_defaults[
        "step_multipliers"]


@pytest.mark.parametrize("hours", [0.4, 0.5, 1, 8, 99.5, 100, 100.5, -1, True, "8", float("nan"), float("inf"), None])
def test_the_new_profile_hours_check_is_the_models(hours):
    from pydantic import ValidationError

    try:
        models.ProfileModel.model_validate({"hours_per_week": hours})
        accepted = True
    except ValidationError:
        accepted = False
    assert domain.hours_ok(hours) is accepted
