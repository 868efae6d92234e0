"""Field types the file models share: ids, texts and levels, with their checks.

Apart from ``careerfit.formats.models`` so that a file model elsewhere (the lexicon's) can use them
without building every bank and profile model on its way.

Every text type here is cleaned as it loads (``careerfit.core.text.clean_text``: control and
format characters dropped but newline and tab, C1 controls and U+202E included), so no file
model can let an escape sequence through by forgetting a validator. Lengths are checked on
the text as written; a required text that cleaning empties is refused.

May import: pydantic and the core (``domain``, ``text``): the bottom of the file layer.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StrictInt, ValidationError

from careerfit.core.domain import ID_RE, MAX_LEVEL
from careerfit.core.text import clean_text

Level = Annotated[StrictInt, Field(ge=0, le=MAX_LEVEL)]


def _check_id(value: str) -> str:
    if not ID_RE.fullmatch(value):
        raise ValueError("must be letters, digits, '_' and '-', in dot-separated parts")
    return value


def _block(value: str) -> str:
    return clean_text(value)


def _line(value: str) -> str:
    return clean_text(value, single_line=True)


def _visible(value: str) -> str:
    if not value:
        raise ValueError("holds only control or format characters")
    return value


#: Checked with Python's ``re`` rather than ``Field(pattern=...)``: pydantic-core's regex
#: engine costs milliseconds to start, on every run of the command.
Id = Annotated[str, Field(min_length=1, max_length=80), AfterValidator(_check_id)]
#: Free text that may span lines (descriptions, questions, notes): cleaned.
Block = Annotated[str, AfterValidator(_block)]
#: Text shown on one line (short names, titles, labels): cleaned, line breaks folded.
Line = Annotated[str, AfterValidator(_line)]
#: Required text, up to 2000 characters.
Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_block), AfterValidator(_visible)]
#: Required one-line text (names, labels, source titles).
Name = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(_line), AfterValidator(_visible)]


def format_validation(exc: ValidationError) -> str:
    """One line from a pydantic error, built from ``loc`` (joining with dots would be ambiguous)."""
    parts = []
    for err in exc.errors()[:3]:
        loc = " -> ".join(str(p) for p in err["loc"])
        parts.append(f"{loc}: {err['msg']}" if loc else err["msg"])
    more = f" (+{len(exc.errors()) - 3} more)" if len(exc.errors()) > 3 else ""
    return "; ".join(parts) + more
