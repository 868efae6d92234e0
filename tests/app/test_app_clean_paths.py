"""The app's error panel shows a path holding escape sequences cleaned, never raw."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from apphelpers import SIZE, screen_text
from textual.widgets import Static

from careerfit.app.app import CareerfitApp
from careerfit.app.screens.dialogs import ErrorPanel
from careerfit.core.domain import Bank

TITLE = "\x1b]0;pwned\x07"


def _raw_controls(text: str) -> list[str]:
    return [c for c in text if c not in "\n\t" and unicodedata.category(c) in ("Cc", "Cf")]


async def test_the_error_panel_cleans_a_path_holding_escapes(bank: Bank, tmp_path: Path) -> None:
    folder = tmp_path / f"dir{TITLE}"
    folder.mkdir()
    broken = folder / "p.toml"
    broken.write_text("schema = [\n")
    app = CareerfitApp(broken, bank=bank)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ErrorPanel)
        shown = str(app.screen.query_one("#error-message", Static).render())
        assert "dir]0;pwned" in shown and _raw_controls(shown) == []
        assert _raw_controls(screen_text(app)) == []


async def test_toasts_naming_a_path_holding_escapes_are_cleaned(bank: Bank, tmp_path: Path) -> None:
    from apphelpers import start_new

    from careerfit.app.screens.dialogs import PathDialog

    target = tmp_path / f"ann{TITLE}.toml"
    app = CareerfitApp(bank=bank)
    async with app.run_test(size=SIZE) as pilot:
        await start_new(pilot, name="Ann")
        app.action_save()
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.dismiss(target)
        await pilot.pause()
        assert target.exists()
        messages = [n.message + n.title for n in app._notifications]
        assert any("ann]0;pwned.toml" in m for m in messages), messages
        assert all(_raw_controls(m) == [] for m in messages)
        assert "ann]0;pwned.toml" in app.sub_title and _raw_controls(app.sub_title) == []
