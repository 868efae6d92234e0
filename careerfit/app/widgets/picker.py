"""A one-line drop-down choice: Textual's compact ``Select`` look, drawn by one widget.

Textual's Select is six widgets (the select, a row of the current value with its label
and two arrows, and the drop-down list, mounted and styled up front even if never opened);
two of them were a third of the welcome screen's time to appear. This draws the current
value and the arrow as one line of text and mounts the list only when it is first opened.
It keeps the Select's behaviour: Enter, Space, Up or Down (or a click) opens the list at
the current value; there Up/Down move, typing jumps to an option containing what was typed,
Enter or a click chooses, Escape or leaving the list closes it unchanged. Option labels
are shown literally (``Content``), never read as markup.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList

ValueType = TypeVar("ValueType", bound=Hashable)


class PickerList(OptionList):
    """The drop-down: closes on Escape or when it loses focus; typing jumps to a match."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Dismiss menu", id="picker.dismiss",
                tooltip="Close the list, keeping the choice as it was"),
    ]
    ALLOW_SELECT = False
    SEARCH_RESET = 0.7  # seconds after the last key press before typing starts a new search

    class Closed(Message):
        """The list wants to close; ``chosen`` is the chosen index, or None to keep the value."""

        def __init__(self, chosen: int | None, lost_focus: bool) -> None:
            super().__init__()
            self.chosen = chosen
            self.lost_focus = lost_focus

    def __init__(self, options: Sequence[Content]) -> None:
        super().__init__(*options, compact=True)
        self._query = ""
        self._reset: Timer | None = None

    def action_dismiss(self) -> None:
        self.post_message(self.Closed(None, lost_focus=False))

    def on_blur(self, event: events.Blur) -> None:
        self.post_message(self.Closed(None, lost_focus=True))
        self.suppress_click()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Closed(event.option_index, lost_focus=False))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        return character is not None and character.isprintable()

    def _new_search(self) -> None:
        self._query = ""

    def on_key(self, event: events.Key) -> None:
        if event.character is None or not event.is_printable:
            return
        event.stop()
        event.prevent_default()
        if self._reset is not None:
            self._reset.stop()
        self._reset = self.set_timer(self.SEARCH_RESET, self._new_search)
        self._query += event.character.lower()
        # The option containing the typed text earliest (as Textual's Select does).
        found = [(text.find(self._query), i) for i, text in
                 enumerate(str(o.prompt).lower() for o in self.options)]
        hits = [hit for hit in found if hit[0] >= 0]
        if hits:
            self.highlighted = min(hits)[1]
            self.scroll_to_highlight()


class Picker(Widget, Generic[ValueType], can_focus=True):
    """Choose one of ``options`` ((label, value) pairs); with a ``prompt``, choosing none is allowed.

    ``value`` is the chosen value, or None for none (the prompt shows, dimmed).
    """

    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,down,space,up", "open", "Show menu", show=False, id="picker.open",
                tooltip="Open the list of choices"),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"picker--placeholder", "picker--arrow"}
    # The look of Textual's compact Select (its Select, SelectCurrent and SelectOverlay CSS).
    DEFAULT_CSS = """
    Picker {
        width: 1fr;
        height: 1;
        color: $foreground;
        background: $surface;
        pointer: pointer;
        &:focus {
            background-tint: $foreground 5%;
        }
        .picker--placeholder, .picker--arrow {
            color: $foreground 50%;
        }
        & > PickerList {
            width: 1fr;
            height: auto;
            max-height: 12;
            offset-y: 1;
            display: none;
            overlay: screen;
            constrain: none inside;
            color: $foreground;
            background: $surface;
            &:focus {
                background-tint: $foreground 5%;
            }
        }
        &.-expanded > PickerList {
            display: block;
        }
    }
    """

    class Changed(Message):
        """The value changed (by the user or by setting ``value``)."""

        def __init__(self, picker: Picker, value: object) -> None:
            super().__init__()
            self.picker = picker
            self.value = value

        @property
        def control(self) -> Picker:
            return self.picker

    def __init__(self, options: Sequence[tuple[str | Content, ValueType]], *, value: ValueType | None = None,
                 prompt: str | None = None, id: str | None = None, tooltip: str | None = None) -> None:
        super().__init__(id=id)
        if tooltip is not None:
            self.tooltip = tooltip
        self._labels: list[Content] = [Content(label) if isinstance(label, str) else label for label, _ in options]
        self._values: list[ValueType | None] = [v for _, v in options]
        self.prompt = prompt
        if prompt is not None:
            self._labels.insert(0, Content(prompt))
            self._values.insert(0, None)
        if not self._values:
            raise ValueError("a Picker needs options, or a prompt for choosing none")
        if value is None and prompt is None:
            value = self._values[0]
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of the options")
        self._index = self._values.index(value)
        self._list: PickerList | None = None

    # --- the value ----------------------------------------------------------------------

    @property
    def value(self) -> ValueType | None:
        return self._values[self._index]

    @value.setter
    def value(self, value: ValueType | None) -> None:
        if value not in self._values:
            raise ValueError(f"{value!r} is not one of the options")
        self._choose(self._values.index(value))

    def _choose(self, index: int) -> None:
        if index != self._index:
            self._index = index
            self.refresh()
            self.post_message(self.Changed(self, self.value))

    @property
    def expanded(self) -> bool:
        return self.has_class("-expanded")

    def render(self) -> Content:
        blank = self.prompt is not None and self._index == 0
        label = self._labels[self._index]
        if blank:
            label = label.stylize(self.get_visual_style("picker--placeholder"))
        arrow = Content.styled("▲" if self.expanded else "▼", self.get_visual_style("picker--arrow"))
        width = self.content_region.width or self.size.width
        return Content.assemble(label.truncate(max(width - 3, 0), ellipsis=True, pad=True), " ", arrow, " ")

    # --- opening and closing the list -----------------------------------------------------

    def action_open(self) -> None:
        if self._list is None:
            # First opened: mounted now, so a form that is never opened never builds it.
            self._list = PickerList([Content.styled(str(c), "dim") if v is None else c
                                     for c, v in zip(self._labels, self._values, strict=True)])
            self.mount(self._list)
        self.add_class("-expanded")
        self._list.highlighted = self._index
        self._list.focus(scroll_visible=False)
        self.call_after_refresh(self._list.scroll_to_highlight)
        self.refresh()

    def _close(self) -> None:
        self.remove_class("-expanded")
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        if event.widget is not self:
            return  # a click in the list: the list handles it
        event.stop()
        if self.expanded:
            self._close()
            self.focus()
        else:
            self.action_open()

    def on_picker_list_closed(self, event: PickerList.Closed) -> None:
        event.stop()
        self._close()
        if event.chosen is not None:
            self._choose(event.chosen)
        if not event.lost_focus:
            self.focus()
