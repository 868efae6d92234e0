"""The markup of a pasted posting (Markdown headings, bold lines, simple HTML), found in linear time.

Postings come from web pages, where long runs of spaces, rows of ``#`` and stray ``<`` are
common. The regexes this replaces let two quantifiers compete for the same characters
(``(.*?)\\s*#*\\s*$``), so one heading line with 4,000 spaces took minutes. Here a heading is
read with string methods that look at each character a fixed number of times, each HTML
pattern has one way to match any stretch of text, and tags are found by ``strip_tags``,
which does not rescan 200 characters for every "<" of a long run.

``md_heading`` and ``bold_line`` return exactly what these patterns captured (group 1), on
every input, and ``html_to_lines`` gives what the old HTML patterns gave;
``tests/test_posting_scan.py`` checks that against the old patterns themselves:

- ``^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$`` (an ATX heading, closing hashes dropped);
- ``^\\s*(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*:?\\s*$`` (a line that is all bold, maybe with a colon).

Pure: no terminal, no files.

May import: the standard library only.
"""

from __future__ import annotations

import re

_BOLD_MARKS = ("**", "__")

# Every run of spaces is taken possessively ("\s*+"): "br\s*/?\s*>" let two runs share the
# spaces, quadratic on "<br" and a long run of them. Taking all the spaces at once cannot lose
# a match (what follows a run is never a space), nor can "*+" on "[^>]": the character after
# such a run is ">" or the end. ``_before_last_gt`` keeps "[^>]*+" from running to the end.
_HTML_BREAK = re.compile(r"<\s*+(?:br\s*+(?:/\s*+)?|/p|/li|/h\d|/div|li|p|div)\s*+>", re.IGNORECASE)
_HTML_HEADING = re.compile(r"<\s*+h\d[^>]*+>", re.IGNORECASE)
#: Longest tag text (between "<" and ">") taken for a tag; a longer one is left as text.
MAX_TAG = 200


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
    return strip_tags(text)


def strip_tags(text: str) -> str:
    """Each tag (``<``, 1-200 characters but ``>`` and a line break, ``>``) as a space.

    What ``re.sub(r"<[^>\\n]{1,200}>", " ", text)`` does, without looking at up to 200
    characters again for every "<" of a long run of them: the next ">" and line break are
    found once and reused by every "<" before them, and a "<" too far from its ">" moves the
    search to the last 200 characters before it. Every character is looked at a few times.
    """
    out: list[str] = []
    done = 0  # text[:done] is settled
    gt = nl = -2  # the next ">" and line break after the current "<" (-1: none; -2: not looked)
    start = text.find("<")
    while start >= 0:
        if -1 != gt <= start:
            gt = text.find(">", start + 1)
        if -1 != nl <= start:
            nl = text.find("\n", start + 1)
        if gt < 0:
            break  # no ">" anywhere after: no more tags
        if 0 <= nl < gt:  # a line ends first: no "<" before the last line break up to the ">" is a tag
            start = text.find("<", text.rfind("\n", start, gt) + 1)
        elif 2 <= gt - start <= MAX_TAG + 1:
            out += [text[done:start], " "]
            done = gt + 1
            start = text.find("<", done)
        else:  # too long (or "<>"): only a "<" close enough to this ">" can still be a tag
            start = text.find("<", max(start + 1, gt - MAX_TAG - 1))
    out.append(text[done:])
    return "".join(out)
