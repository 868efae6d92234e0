"""keymap.toml: validated remapping of binding ids, errors naming the file."""

from __future__ import annotations

import pytest

from careerfit.core.errors import FileFormatError
from careerfit.formats.keymap import load_keymap


def test_missing_file_is_no_remapping(tmp_path):
    assert load_keymap(tmp_path / "keymap.toml") == {}


def test_a_remapping_is_read_and_normalised(tmp_path):
    path = tmp_path / "keymap.toml"
    path.write_text('[keymap]\nsave = "Ctrl+W"\n"results.export" = "x, f5"\n')
    assert load_keymap(path, {"save", "results.export"}) == {"save": "ctrl+w", "results.export": "x,f5"}


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('[keymap]\nsave = ""\n', "keymap -> save"),
        ('[keymap]\nsave = "[b]x[/b]"\n', "not a key name"),
        ('[keymap]\nsave = 3\n', "keymap -> save"),
        ('[keymap]\nteleport = "t"\n', "unknown binding id 'teleport'"),
        ('[keys]\nsave = "t"\n', "Extra inputs"),
        ("[keymap\n", "invalid TOML"),
    ],
)
def test_broken_keymaps_name_the_file(tmp_path, content, fragment):
    path = tmp_path / "keymap.toml"
    path.write_text(content)
    with pytest.raises(FileFormatError) as err:
        load_keymap(path, {"save"})
    assert str(err.value).startswith(str(path)) and fragment in str(err.value)
