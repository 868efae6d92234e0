"""One question: its area, its text, and its five anchored answers to pick from.

Private Textual API kept here, and what it buys (``benchmarks/app_bench.py``, A/B of
this module against ``ChoiceList`` as a plain ``OptionList``, alternating processes; see
README "Speed"). It is why Textual is pinned exactly in ``pyproject.toml``:

- ``ChoiceList._size_updated`` and ``_refresh_scrollbars`` (overridden), ``_clear_caches``
  and ``_scroll_update`` (called). Without them, 100 answers cost 14-31% more CPU time
  (4 A/B sessions, medians of 6-8 runs each) and 6-31% more wall time, median about 11%:
  the ``100 answers`` ratio would be about 0.1-0.3x higher (target 1.5x). The start is
  unchanged within noise. Each half alone (deferring the scrollbar until the new height is
  laid out; keeping rendered lines on a height-only Resize) measured 2-7% CPU, together
  14-19% in the same sessions, so they are kept as one.

Everything else in the app uses public Textual API only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Self, TypeAlias

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual, VisualType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careerfit.core.domain import Area, Question

#: What ``OptionList.set_options`` takes (Textual's own alias lives in a private module).
OptionListContent: TypeAlias = "Option | VisualType | None"


class Hanging(Visual):
    """``head`` then ``body``, the body's wrapped lines aligned under its first character.

    Content alone wraps continuation lines back to column 0, under the answer's number,
    which makes a long label hard to tell from the next answer.
    """

    def __init__(self, head: Content, body: Content) -> None:
        self.head = head
        self.body = body
        self.indent = head.cell_length
        # Wrapping is the costly part, and the option list asks for the height at a width
        # several times per question (its line table, then the layout's auto height).
        self._heights: dict[int, int] = {}

    def _body_width(self, width: int) -> int:
        return max(width - self.indent, 1)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, self._body_width(container_width))

    def get_height(self, rules: RulesMap, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self.body.get_height(rules, self._body_width(width))
        return height

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        lines = self.body.render_strips(self._body_width(width), height, style, options)
        head = self.head.render_strips(self.indent, 1, style, options)[:1] or [Strip.blank(self.indent)]
        gap = Strip.blank(self.indent, style.rich_style)
        return [Strip.join([head[0] if i == 0 else gap, line]) for i, line in enumerate(lines)]


class ChoiceList(OptionList):
    """The five answers. Keeps their rendered lines while only its height changes.

    Textual's OptionList drops every rendered option on each Resize, and the list's
    height follows the question, so most answers rendered all five labels twice. The
    lines depend on the width only: they are dropped when the width changes.
    """

    _lines_width = -1
    #: Options were replaced and the layout they asked for has not happened yet.
    _awaiting_layout = False

    def set_options(self, options: Iterable[OptionListContent]) -> Self:
        # Textual would show or hide the scrollbar now, for the new lines at the old
        # height, and the layout that follows would usually undo it: two more layout
        # passes per question. The scrollbar is decided once the new height is known.
        self._awaiting_layout = True
        return super().set_options(options)

    def _refresh_scrollbars(self) -> None:
        if not self._awaiting_layout:
            super()._refresh_scrollbars()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        if not self._awaiting_layout:
            return super()._size_updated(size, virtual_size, container_size, layout)
        self._awaiting_layout = False
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._scroll_update(self.virtual_size)
        return changed

    def on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # OptionList's own Resize handler, which always clears, is skipped
        width = self.scrollable_content_region.width
        if width != self._lines_width:
            self._lines_width = width
            self._clear_caches()
        # Otherwise nothing to do: the layout that resized the list has already repainted it.


class QuestionCard(Vertical):
    """Question text and the answer list; the text comes from files, so it is never markup.

    Three widgets, not five: the area heading shares the question's Static, and the state
    line has a fixed size so updating it needs no relayout. Every widget here is restyled
    and revisited on each answer, so fewer of them make answering quicker.
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="q-text")
        yield ChoiceList(id="choices")
        yield Static("", id="q-state")

    def show(self, area: Area, question: Question, position: tuple[int, int], answer: int | None,
             not_relevant: bool, skipped: bool = False) -> None:
        number, total = position
        self.query_one("#q-text", Static).update(
            Content.assemble((f"{area.name} · {number} of {total}", "bold $accent"), "\n\n", question.text))
        choices = self.query_one("#choices", OptionList)
        options = []
        for level, text in enumerate(question.answer_labels):
            mark = "●" if answer == level else " "
            head = Content.assemble((f"{mark} {level} ", "bold"))
            options.append(Option(Hanging(head, Content(text)), id=f"level-{level}"))
        choices.set_options(options)
        choices.highlighted = answer if answer is not None else 0
        if not_relevant:
            state = "Area not relevant (0 unless answered); n undoes."
        elif answer is None and skipped:
            state = "Skipped (no answer, not counted); answer it any time."
        elif answer is None:
            state = "Not answered yet."
        else:
            state = f"Your answer: {answer}."
        self.query_one("#q-state", Static).update(Content(state), layout=False)
