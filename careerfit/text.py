"""Making untrusted text safe to store, show and embed.

Text from files (names, notes, questions, labels) reaches a real terminal and Markdown
documents. Neither rich nor Textual strips control or format characters, so an ESC in a
name would drive the terminal, and Markdown syntax in a name would break a table. These
helpers are the one place that cleans such text.
"""

from __future__ import annotations

import re
import unicodedata

_KEEP = {"\n", "\t"}
_ORDERED = re.compile(r"^\d+[.)]")


def clean_text(value: str, *, single_line: bool = False) -> str:
    """Drop control and format characters (Cc, Cf, lone surrogates) except newline and tab.

    ``single_line`` also folds line breaks and tabs into spaces, for names and titles.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in value:
        if ch in _KEEP:
            out.append(" " if single_line else ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs"):
            continue
        else:
            out.append(ch)
    return "".join(out)


#: Characters that start Markdown/HTML syntax inline; escaping any ASCII punctuation is legal.
_MD_SPECIAL = set("\\`*_{}[]()<>#|~!&$")


def md_escape(value: str) -> str:
    """Escape user text for inline GFM: punctuation backslashed, line breaks folded.

    CommonMark allows a backslash before any ASCII punctuation; escaping the ones that open
    syntax inline keeps the text readable when piped. So a
    ``|`` keeps tables intact, ``<b>`` is not HTML, ``[x](url)`` is not a link and a leading
    ``#`` is not a heading.
    """
    value = clean_text(value, single_line=True).strip()
    escaped = "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in value)
    if escaped[:1] in ("-", "+", "="):
        escaped = "\\" + escaped  # would start a list item or an underline heading
    elif match := _ORDERED.match(escaped):
        end = match.end() - 1
        escaped = escaped[:end] + "\\" + escaped[end:]
    return escaped
