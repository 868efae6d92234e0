"""Textual's Footer, rebuilt only when the bindings it shows change.

Textual's Footer is one widget per key and recomposes itself on every bindings signal
(each focus change and screen push): five times before the first question appears, each
mounting and styling every key again. Same keys and look, but coalesced: one rebuild per
refresh at most, and none when the shown bindings are unchanged.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

Shown = tuple[tuple[str, str, str, bool, str, bool], ...]


class Footer(TextualFooter):
    """A drop-in ``textual.widgets.Footer`` that skips redundant rebuilds."""

    _pending = False
    _shown: Shown | None = None

    def _bindings_shown(self) -> Shown:
        return tuple((b.key, b.description, b.action, enabled, tooltip, b.show)
                     for _node, b, enabled, tooltip in self.screen.active_bindings.values())

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self._bindings_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
