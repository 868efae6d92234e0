"""The list of areas beside the questions: completion per area, and a way to jump."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careerfit.session.state import Session


class AreaList(OptionList):
    """One line per area: a mark, the short name and answered/asked. Selecting jumps there."""

    def __init__(self, session: Session, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.session = session

    def on_mount(self) -> None:
        self.refresh_areas(None)

    def refresh_areas(self, current: str | None) -> None:
        """Update the lines that changed (in place: no relayout) and highlight ``current``."""
        prompts = []
        for area in self.session.areas:
            done, asked = self.session.progress(area.id)
            if self.session.is_not_relevant(area.id):
                mark, count = "-", "n/a"
            else:
                mark = "✓" if done == asked else ("›" if area.id == current else " ")
                count = f"{done}/{asked}"
            label = area.label[:13]
            prompts.append(Content.assemble(f"{mark} {label:<13} ", (count, "dim")))
        if self.option_count != len(prompts):
            self.set_options(Option(p, id=a.id) for p, a in zip(prompts, self.session.areas, strict=True))
        else:
            changed = False
            for i, prompt in enumerate(prompts):
                if self.get_option_at_index(i).prompt != prompt:
                    self.replace_option_prompt_at_index(i, prompt)
                    changed = True
            if changed:
                self.refresh()
        if current is not None:
            self.highlighted = next((i for i, a in enumerate(self.session.areas) if a.id == current), 0)
