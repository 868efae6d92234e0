"""Writing command results: rich on a terminal, plain text when piped, atomic files for ``-o``.

User text never goes through rich markup: Markdown is rendered by ``rich.markdown``
(which does not parse markup) and everything else is printed as plain ``Text``.

May import: the standard library, rich (lazily), ``errors`` and ``tomlio``: the command line's writer.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from careerfit.core.errors import SaveError


def write_output(text: str, *, markdown: bool, out: Path | None, stream: TextIO | None = None,
                 inputs: tuple[Path, ...] = ()) -> None:
    """Send ``text`` to ``out`` (atomic write) or to stdout (rendered when it is a terminal).

    ``-o`` naming one of the command's own input files would replace a profile with its report.
    """
    if out is not None:
        if any(_same_file(out, i) for i in inputs):
            raise SaveError("is an input of this command; choose another file for -o", out)
        if out.is_dir():
            raise SaveError("is a folder; give a file name for -o", out)
        if not out.parent.is_dir():
            raise SaveError("folder does not exist", out.parent if str(out.parent) else out)
        from careerfit.formats.tomlio import atomic_write

        atomic_write(out, text.encode("utf-8"), backup=False)
        return
    stream = stream or sys.stdout
    if markdown and stream.isatty():
        from rich.console import Console
        from rich.markdown import Markdown

        Console(file=stream).print(Markdown(text, hyperlinks=False))
        return
    stream.write(text)
    stream.flush()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
