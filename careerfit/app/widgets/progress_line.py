"""The overall progress under the questions: a text bar and "answered / asked".

A plain Static with a drawn bar rather than Textual's ProgressBar: it is one widget
instead of four, which keeps the first question quick to appear.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class ProgressLine(Static):
    """``━━━━━━╺─────── 21 / 62``, as wide as the widget."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id)
        self.done = 0
        self.total = 0

    def set_progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        self.refresh()

    def render(self) -> Content:
        label = f" {self.done} / {self.total}"
        cells = max(self.size.width - len(label), 0)
        filled = round(cells * self.done / self.total) if self.total else 0
        return Content.assemble(("━" * filled, "$accent"), ("─" * (cells - filled), "dim"), label)
