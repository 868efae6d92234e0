"""Making untrusted text safe to store, show and embed.

Text from files (names, notes, questions, labels) reaches a real terminal and Markdown
documents. Neither rich nor Textual strips control or format characters, so an ESC in a
name would drive the terminal, and Markdown syntax in a name would break a table. These
helpers are the one place that cleans such text.

May import: the standard library only.
"""

from __future__ import annotations

import re
import unicodedata

_KEEP = {"\n", "\t"}
_ORDERED = re.compile(r"^\d+[.)]")


#: Fast path for ASCII text: drop C0 controls (but newline and tab) and DEL.
_ASCII_DROP = {c: None for c in [*range(0x20), 0x7F] if chr(c) not in _KEEP}


def clean_text(value: str, *, single_line: bool = False) -> str:
    """Drop control and format characters (Cc, Cf, lone surrogates) except newline and tab.

    ``single_line`` also folds line breaks and tabs into spaces, for names and titles.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if value.isascii():
        value = value.translate(_ASCII_DROP)
    else:
        value = "".join(ch for ch in value if ch in _KEEP or unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    if single_line:
        value = value.replace("\n", " ").replace("\t", " ")
    return value


#: Characters that start Markdown/HTML syntax inline; escaping any ASCII punctuation is legal.
_MD_ESCAPES = {ord(ch): "\\" + ch for ch in "\\`*_{}[]()<>#|~!&$"}


def md_escape(value: str) -> str:
    """Escape user text for inline GFM: punctuation backslashed, line breaks folded.

    CommonMark allows a backslash before any ASCII punctuation; escaping the ones that open
    syntax inline keeps the text readable when piped. So a
    ``|`` keeps tables intact, ``<b>`` is not HTML, ``[x](url)`` is not a link and a leading
    ``#`` is not a heading.
    """
    value = clean_text(value, single_line=True).strip()
    escaped = value.translate(_MD_ESCAPES)
    if escaped[:1] in ("-", "+", "="):
        escaped = "\\" + escaped  # would start a list item or an underline heading
    elif match := _ORDERED.match(escaped):
        end = match.end() - 1
        escaped = escaped[:end] + "\\" + escaped[end:]
    return escaped


def plural(count: float, unit: str, fmt: str = ".0f") -> str:
    """``count`` formatted with ``fmt`` and ``unit``, plural unless the shown number is 1:
    "1 week", "0 weeks", "3 weeks" (the one place that decides, so no "1 weeks")."""
    shown = format(count, fmt)
    return f"{shown} {unit}" if shown in ("1", "-1") else f"{shown} {unit}s"
