"""Field types the file models share: ids, texts and levels, with their checks.

Apart from ``careerfit.models`` so that a file model elsewhere (the lexicon's) can use them
without building every bank and profile model on its way.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt

from careerfit.domain import ID_RE, MAX_LEVEL

Level = Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)]


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError("must be letters, digits, '_' and '-', in dot-separated parts")
    return value


#: Checked with Python's ``re`` rather than ``Field(pattern=...)``: pydantic-core's regex
#: engine costs milliseconds to start, on every run of the command.
Id = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_check_id)]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
