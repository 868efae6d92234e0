"""A posting as it comes in: the size limit and the file/stdin reader, for the CLI and the app alike.

Apart from ``careerfit.cli.commands.posting`` so the app's state (``session``) and the postings
scanner share the command's limit without importing a command-line module.

May import: the standard library, ``careerfit.core.errors`` and ``careerfit.formats.tomlio`` (file I/O).
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing costs start-up time; see cli.py
if TYPE_CHECKING:
    from typing import BinaryIO

#: A real posting is a few KB; 1 MB leaves room for pasted pages while refusing runaway input.
MAX_POSTING_BYTES = 1024 * 1024


def read_posting(name: str, stdin: BinaryIO | None = None) -> tuple[str, str]:
    """(text, label) of a posting file or of stdin for '-', with the checks of every file read."""
    import sys
    from pathlib import Path

    from careerfit.formats.tomlio import decode_text, read_text

    if name == "-":
        stream = stdin or sys.stdin.buffer
        data = stream.read(MAX_POSTING_BYTES + 1)
        return decode_text(data, "<stdin>", max_bytes=MAX_POSTING_BYTES, what="posting"), "<stdin>"
    path = Path(name)
    return read_text(path, max_bytes=MAX_POSTING_BYTES, what="posting file"), name


def check_posting_size(text: str, source: str) -> None:
    """``PostingError`` for a text over the limit, counted in bytes as the CLI counts them (a
    pasted CJK posting is three bytes a character), so the app and the CLI accept the same."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_POSTING_BYTES:
        from careerfit.postings.reader import PostingError

        raise PostingError(f"too large for a posting (over {MAX_POSTING_BYTES // (1024 * 1024)} MB)", source)
