"""JSON as every command writes it: readable UTF-8, with no character a terminal would act on.

``json.dumps(..., ensure_ascii=False)`` escapes only the C0 controls. DEL, the C1 controls
(U+009B is a one-byte CSI to many terminals), format characters (U+202E turns text
around), line and paragraph separators and lone surrogates (which cannot even be encoded
for stdout) went out raw. Here each becomes a ``\\uXXXX`` escape, so the JSON means the same
to a parser and shows as plain text when it is printed. Every JSON writer uses ``dumps``.

May import: the standard library only.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

#: Control, format, surrogate, line and paragraph separator: escaped wherever they are.
_ESCAPED = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escape(ch: str) -> str:
    code = ord(ch)
    if code > 0xFFFF:  # JSON escapes only 16-bit units: a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


def escape_controls(text: str) -> str:
    """JSON text with every control-like character outside ASCII escaped (C0 already are).

    Newlines are the indentation's (in strings ``json`` writes ``\\n``); the others can only sit
    inside JSON strings (the syntax is ASCII), where an escape means the same character.
    ``str.isprintable`` settles the usual clean document in C.
    """
    if text.replace("\n", "").isprintable():
        return text
    return "".join(_escape(ch) if ch != "\n" and unicodedata.category(ch) in _ESCAPED else ch for ch in text)


def dumps(doc: Any) -> str:
    """``doc`` as indented JSON text ending in a newline, safe to print."""
    return escape_controls(json.dumps(doc, indent=2, ensure_ascii=False)) + "\n"
