"""Reading postings for a market scan, one at a time: folders, JSON Lines and CSV exports.

A shell module (file I/O). ``iter_postings`` yields each posting as a ``Record`` or, when it
cannot be read, a ``Problem`` naming the file, the row and why; nothing raises past it but a
path that does not exist (checked up front by ``check_paths``). Only one posting's text is
held at a time, so a scan's memory does not grow with the export's size.

- A **folder** is walked recursively (sorted, so every run reads in the same order; hidden
  files and folders, whose names start with ".", are skipped; symbolic links to folders are
  not followed). Its ``.txt``, ``.md`` and ``.markdown`` files are postings, one a file;
  other files are ignored (a ``.csv`` in the folder is not read: name it on the command line).
- A **JSON Lines** file (``.jsonl``, ``.ndjson``, or ``.json`` holding one object a line): each
  line an object with the posting's text and, optionally, its title.
- A **CSV** file (``.csv``) with a header row; rows are numbered as a spreadsheet shows them
  (the header is row 1).
- Any other file is one posting (plain text, Markdown or simple HTML).

Columns (and JSON keys) are found by ``--text-column`` / ``--title-column`` or, by default,
the first of ``TEXT_COLUMNS`` / ``TITLE_COLUMNS`` present, compared case-insensitively with
spaces and hyphens read as underscores.

May import: file reading (``tomlio``, ``posting_input``), ``errors`` and ``market``'s records.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from careerfit.core.errors import CareerfitError, UsageError
from careerfit.formats.posting_input import MAX_POSTING_BYTES
from careerfit.formats.tomlio import read_text
from careerfit.postings.market import Problem, Record, one_line

POSTING_SUFFIXES = (".txt", ".md", ".markdown")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
CSV_SUFFIXES = (".csv",)
TEXT_COLUMNS = ("description", "job_description", "jobdescription", "description_text", "text", "body",
                "content", "posting", "posting_text", "job_text", "details")
TITLE_COLUMNS = ("title", "job_title", "jobtitle", "position", "position_title", "role", "job_name", "name")
#: How much of an export is looked at for NUL bytes before it is read as text.
_SNIFF = 8192
_ONE_MB = f"{MAX_POSTING_BYTES // (1024 * 1024)} MB"


def column_key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def check_paths(paths: list[str]) -> None:
    """A path that does not exist is a usage error: nothing is scanned."""
    for p in paths:
        if not os.path.exists(p):
            raise UsageError(f"{one_line(p)}: no such file or folder")


def kind_of(path: Path) -> str:
    if path.is_dir():
        return "folder"
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in CSV_SUFFIXES:
        return "csv"
    return "file"


def count_postings(paths: list[str]) -> int | None:
    """How many postings the paths hold, when that is cheap to know (folders and posting files);
    ``None`` when an export is among them (its rows are known only once read)."""
    total = 0
    for p in paths:
        kind = kind_of(Path(p))
        if kind in ("jsonl", "csv"):
            return None
        total += 1 if kind == "file" else sum(1 for _ in _walk(Path(p)))
    return total


def iter_postings(paths: list[str], *, text_column: str | None = None,
                  title_column: str | None = None) -> Iterator[Record | Problem]:
    for p in paths:
        path = Path(p)
        kind = kind_of(path)
        if kind == "folder":
            errors: list[OSError] = []
            for f in _walk(path, errors.append):
                yield _read_file(f)
            for exc in errors:
                yield Problem(str(exc.filename or path), "", f"cannot read the folder: {exc.strerror or exc}")
        elif kind == "jsonl":
            yield from _read_jsonl(path, text_column, title_column)
        elif kind == "csv":
            yield from _read_csv(path, text_column, title_column)
        else:
            yield _read_file(path)


def _walk(folder: Path, onerror: Callable[[OSError], object] | None = None) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in POSTING_SUFFIXES:
                yield Path(root, name)


def _read_file(path: Path) -> Record | Problem:
    try:
        return Record(str(path), "", read_text(path, max_bytes=MAX_POSTING_BYTES, what="posting file"))
    except CareerfitError as exc:
        return Problem(str(path), "", exc.problem)


def _open(path: Path) -> IO[bytes] | Problem:
    """The export opened for reading, or why not (including a binary file)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        return Problem(str(path), "", f"cannot read: {exc.strerror or exc}")
    try:
        head = fh.read(_SNIFF)
        fh.seek(0)
    except OSError as exc:
        fh.close()
        return Problem(str(path), "", f"cannot read: {exc.strerror or exc}")
    if b"\x00" in head:
        fh.close()
        return Problem(str(path), "", "binary file, not a text export")
    return fh


def _pick(keys: dict[str, str], wanted: str | None, aliases: tuple[str, ...]) -> str | None:
    """The actual column/key name for a wanted one (or the first alias present)."""
    for name in ((wanted,) if wanted else aliases):
        found = keys.get(column_key(name))
        if found is not None:
            return found
    return None


def _too_big(text: str) -> bool:
    return len(text) > MAX_POSTING_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_POSTING_BYTES


# --- JSON Lines ----------------------------------------------------------------------------


def _read_jsonl(path: Path, text_column: str | None, title_column: str | None) -> Iterator[Record | Problem]:
    fh = _open(path)
    if isinstance(fh, Problem):
        yield fh
        return
    where = str(path)
    with fh:
        number = 0
        while True:
            try:
                raw = fh.readline(MAX_POSTING_BYTES + 2)
            except OSError as exc:
                yield Problem(where, f"line {number + 1}", f"cannot read: {exc.strerror or exc}")
                return
            if not raw:
                return
            number += 1
            row = f"line {number}"
            if len(raw) > MAX_POSTING_BYTES and not raw.endswith(b"\n"):
                _skip_line(fh)
                yield Problem(where, row, f"a line over {_ONE_MB}")
                continue
            if number == 1 and raw.lstrip().startswith(b"[") and _incomplete(raw):
                yield Problem(where, "", "a JSON array, not JSON Lines (one object a line)")
                return
            if not raw.strip():
                continue
            yield _json_record(raw, where, row, text_column, title_column)


def _incomplete(raw: bytes) -> bool:
    """A first line that opens a JSON array it does not close: a JSON file, not JSON Lines."""
    try:
        json.loads(raw)
    except (ValueError, RecursionError):
        return True
    return False


def _skip_line(fh: IO[bytes]) -> None:
    while True:
        chunk = fh.readline(MAX_POSTING_BYTES)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_record(raw: bytes, where: str, row: str, text_column: str | None,
                 title_column: str | None) -> Record | Problem:
    try:
        line = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return Problem(where, row, "not valid UTF-8 text")
    try:
        obj: Any = json.loads(line)
    except json.JSONDecodeError as exc:
        return Problem(where, row, f"not valid JSON ({exc.msg}, column {exc.colno})")
    except RecursionError:
        return Problem(where, row, "not valid JSON (nested too deeply)")
    if not isinstance(obj, dict):
        hint = "; JSON Lines hold one object a line" if isinstance(obj, list) else ""
        return Problem(where, row, f"not a JSON object (a {_json_type(obj)}{hint})")
    keys = {column_key(k): k for k in obj}
    key = _pick(keys, text_column, TEXT_COLUMNS)
    if key is None:
        looked = f"'{text_column}'" if text_column else ", ".join(TEXT_COLUMNS[:4]) + ", ..."
        return Problem(where, row, f"no text: no key {looked}")
    text = obj[key]
    if not isinstance(text, str):
        return Problem(where, row, f"'{key}' is a {_json_type(text)}, not text")
    tkey = _pick(keys, title_column, TITLE_COLUMNS)
    title = obj[tkey] if tkey is not None and isinstance(obj[tkey], str) else None
    return _record(where, row, text, title, key)


def _json_type(value: Any) -> str:
    names = {list: "list", str: "string", int: "number", float: "number", bool: "boolean", dict: "object"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _record(where: str, row: str, text: str, title: str | None, column: str) -> Record | Problem:
    if not text.strip():
        return Problem(where, row, f"no text in '{column}'")
    if _too_big(text):
        return Problem(where, row, f"a posting over {_ONE_MB}")
    if "\x00" in text:
        return Problem(where, row, "binary data, not text")
    return Record(where, row, text, title.strip() if title and title.strip() else None)


# --- CSV -------------------------------------------------------------------------------------


def _read_csv(path: Path, text_column: str | None, title_column: str | None) -> Iterator[Record | Problem]:
    fh = _open(path)
    if isinstance(fh, Problem):
        yield fh
        return
    where = str(path)
    import io

    # surrogateescape: an undecodable byte fails its own row, not the rest of the file.
    text_fh = io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline="")
    with text_fh:
        csv.field_size_limit(MAX_POSTING_BYTES + 1)
        reader = csv.reader(text_fh)
        try:
            header = next(reader, None)
        except (csv.Error, OSError) as exc:
            yield Problem(where, "row 1", f"not a readable CSV header ({exc})")
            return
        if not header:
            yield Problem(where, "", "empty CSV file (no header row)")
            return
        keys: dict[str, str] = {}
        for i, h in enumerate(header):
            keys.setdefault(column_key(h), str(i))  # a repeated column name: the first one counts
        text_i = _pick(keys, text_column, TEXT_COLUMNS)
        title_i = _pick(keys, title_column, TITLE_COLUMNS)
        if text_i is None or (title_column and title_i is None):
            missing = text_column if text_i is None else title_column
            looked = f"'{missing}'" if missing else "for the text (" + ", ".join(TEXT_COLUMNS[:4]) + ", ...)"
            shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
            yield Problem(where, "", f"no column {looked}; columns: {_safe(shown)}")
            return
        ti, hi = int(text_i), int(title_i) if title_i is not None else None
        number = 1
        while True:
            number += 1
            row = f"row {number}"
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                msg = str(exc)
                why = f"a field over {_ONE_MB}" if "field larger" in msg else f"not valid CSV ({msg})"
                yield Problem(where, row, why)
                continue
            except OSError as exc:
                yield Problem(where, row, f"cannot read: {exc.strerror or exc}")
                return
            if not any(f.strip() for f in fields):
                continue  # a blank line between rows
            text = fields[ti] if ti < len(fields) else ""
            title = fields[hi] if hi is not None and hi < len(fields) else None
            if _has_surrogates(text) or (title and _has_surrogates(title)):
                yield Problem(where, row, "not valid UTF-8 text")
                continue
            yield _record(where, row, text, title, header[ti])


def _has_surrogates(value: str) -> bool:
    return not value.isascii() and any("\udc80" <= ch <= "\udcff" for ch in value)


def _safe(value: str) -> str:
    return value.encode("utf-8", "replace").decode("utf-8") if _has_surrogates(value) else value
