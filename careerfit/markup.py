"""The markup of a pasted posting (Markdown headings, bold lines, simple HTML), found in linear time.

Postings come from web pages, where long runs of spaces, rows of ``#`` and stray ``<`` are
common. The regexes this replaces let two quantifiers compete for the same characters
(``(.*?)\\s*#*\\s*$``), so one heading line with 4,000 spaces took minutes. Here a heading is
read with string methods that look at each character a fixed number of times, and each HTML
pattern has at most one way to match any stretch of text.

``md_heading`` and ``bold_line`` return exactly what these patterns captured (group 1), on
every input; ``tests/test_posting_scan.py`` checks that against the patterns themselves:

- ``^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$`` (an ATX heading, closing hashes dropped);
- ``^\\s*(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*:?\\s*$`` (a line that is all bold, maybe with a colon).

Pure: no terminal, no files.
"""

from __future__ import annotations

import re

_BOLD_MARKS = ("**", "__")

# No two quantifiers compete for the same characters: "br\s*/?\s*>" (the old form) took
# quadratic time on "<br" and a long run of spaces; possessive "*+" and "{1,200}+" never give
# characters back, which cannot change a match (the character after the run is not ">").
_HTML_BREAK = re.compile(r"<\s*(?:br\s*(?:/\s*)?|/p|/li|/h\d|/div|li|p|div)\s*>", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<\s*h\d[^>]*+>", re.IGNORECASE)
_HTML_TAG = re.compile(r"<[^>\n]{1,200}+>")


def _lead(text: str) -> int:
    """How many whitespace characters the text starts with (``\\s`` and ``str.isspace`` agree)."""
    return len(text) - len(text.lstrip())


def md_heading(line: str) -> str | None:
    """The text of a Markdown ATX heading line ("## Requirements ##"), or None."""
    indent = _lead(line)
    if indent > 3 or line[indent : indent + 1] != "#":
        return None
    rest = line[indent:]
    hashes = len(rest) - len(rest.lstrip("#"))
    gap = _lead(rest[hashes:])
    if hashes > 6 or gap == 0:
        return None
    start = indent + hashes + gap
    # The shortest text leaves the longest tail of spaces, closing hashes, spaces.
    end = max(start, len(line.rstrip().rstrip("#").rstrip()))
    text = line[start:end]
    return None if "\n" in text else text


def bold_line(line: str) -> str | None:
    """The text of a line that is one bold span ("**Requirements:**", "__Skills__:"), or None."""
    start = _lead(line) + 2
    if line[start - 2 : start] not in _BOLD_MARKS:
        return None
    tail = line.rstrip()
    if tail.endswith(":"):
        tail = tail[:-1].rstrip()
    end = len(tail) - 2  # the closing mark must end where the spaces and colon begin
    if end <= start or line[end : end + 2] not in _BOLD_MARKS:
        return None
    text = line[start:end]
    return None if "\n" in text else text


def heading_text(line: str) -> str | None:
    """A Markdown heading's text, else a bold line's text, else None."""
    text = md_heading(line)
    return bold_line(line) if text is None else text


def _before_last_gt(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """``pattern.sub`` where a match can be: every match ends with ">", none after the last one,
    so a pattern start with no ">" after it is never scanned to the end of the text."""
    last = text.rfind(">")
    if last < 0:
        return text
    return pattern.sub(repl, text[: last + 1]) + text[last + 1 :]


def html_to_lines(text: str) -> str:
    """Simple HTML as lines: headings become "## ", breaks and block ends new lines, other tags a space."""
    text = _before_last_gt(_HTML_HEADING, "\n## ", text)
    text = _before_last_gt(_HTML_BREAK, "\n", text)
    return _before_last_gt(_HTML_TAG, " ", text)
