"""The key bar at the bottom: Textual's Footer look, drawn by one widget.

Textual's Footer is a container of one widget per key, recomposed on every bindings signal
(each focus change and screen push). Mounting and styling those keys (and restyling each
twice as their ``compact`` flag is bound) cost more at start-up than the rest of the first
screen's widgets. This draws the same keys, in the same styles, as one line of text; a
bindings signal only redraws it, and only when the shown keys changed. Clicking a key
presses it, hovering highlights it and shows its tooltip, and a bar too wide for the
terminal scrolls sideways with the mouse wheel, as Textual's does.
"""

from __future__ import annotations

from typing import ClassVar, NamedTuple

from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str


class Footer(Widget, can_focus=False):
    """A drop-in for ``textual.widgets.Footer``: shown bindings, then the palette key on the right."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer-key--separator",
    }
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        .footer-key--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._keys: tuple[Key, ...] = ()
        self._palette: Key | None = None
        self._spans: list[tuple[int, int, Key]] = []  # (start, end, key) in widget columns
        self._hover: Key | None = None
        self._offset = 0  # columns scrolled off the left when the keys do not fit

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self._collect()

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._collect()

    def _collect(self) -> None:
        """The shown keys, as Textual's Footer picks them: one per action, in binding order."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        keys = []
        for shown in active.values():  # ActiveBinding: read by name, never unpacked by position
            binding = shown.binding
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(self._key(binding, shown.enabled, shown.tooltip))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            shown = active[self.app.COMMAND_PALETTE_BINDING]
            palette = self._key(shown.binding, shown.enabled, shown.binding.tooltip or shown.binding.description)
        if (tuple(keys), palette) != (self._keys, self._palette):
            self._keys, self._palette = tuple(keys), palette
            self.refresh()

    def _key(self, binding: Binding, enabled: bool, tooltip: str) -> Key:
        return Key(binding.key, self.app.get_key_display(binding), binding.description, enabled, tooltip)

    # --- drawing ------------------------------------------------------------------------

    def _item(self, key: Key, *, compact: bool = False) -> Text:
        """``" key description "`` in FooterKey's styles (bold key, dim when disabled).

        ``compact`` is how Textual draws the palette key: ``"key description"``.
        """
        shown_key = key.display if compact else f" {key.display} "
        description = (f" {key.description}" if compact else f"{key.description} ") if key.description else ""
        text = Text.assemble((shown_key, self.get_component_rich_style("footer-key--key")),
                             (description, self.get_component_rich_style("footer-key--description")))
        text.stylize_before(self.rich_style)
        if key == self._hover:  # the hover background over the key's own, as on a hovered FooterKey
            text.stylize(RichStyle(bgcolor=self.get_component_rich_style("footer-key--hover").bgcolor))
        if not key.enabled:
            text.stylize("dim")
        return text

    def render(self) -> Text:
        width = self.size.width
        palette = Text()
        if self._palette is not None:
            palette = Text.assemble(("▏", self.get_component_rich_style("footer-key--separator")),
                                    self._item(self._palette, compact=True), " ")
        room = max(width - palette.cell_len, 0)
        bar = Text()
        spans: list[tuple[int, int, Key]] = []
        for key in self._keys:
            item = self._item(key)
            spans.append((bar.cell_len, bar.cell_len + item.cell_len, key))
            bar.append_text(item)
        self._offset = max(0, min(self._offset, bar.cell_len - room))
        shown = bar[self._offset:self._offset + room]
        self._spans = [(s - self._offset, e - self._offset, k) for s, e, k in spans]
        shown.pad_right(room - shown.cell_len)
        if self._palette is not None:
            start = width - palette.cell_len + 1
            self._spans.append((start, start + palette.cell_len - 2, self._palette))
        line = Text.assemble(shown, palette, no_wrap=True, end="")
        line.stylize_before(self.rich_style)
        return line

    # --- mouse --------------------------------------------------------------------------

    def _key_at(self, x: int) -> Key | None:
        return next((k for s, e, k in reversed(self._spans) if s <= x < e), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self._key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, _event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def _scroll_by(self, columns: int, event: events.MouseEvent) -> None:
        before = self._offset
        self._offset = max(0, self._offset + columns)
        self.refresh()
        if self._offset != before:
            event.stop()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._scroll_by(4, event)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._scroll_by(-4, event)
