"""The layer rules import-linter cannot say (pyproject's [tool.importlinter] says the rest).

- the command line opens the app only lazily, from inside a function: ``--help`` and every
  command run without Textual;
- the validation cache stamps every module the file layer runs, and those are exactly the
  package's top-level modules (``cache._validating``), so the file layer must import nothing
  from the sub-packages ``app`` and ``commands``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import careerfit
from careerfit import cache

PACKAGE = Path(careerfit.__file__).parent
FILE_LAYER = ("models", "fields", "bank", "profile_io", "lexicon_file", "keymap", "targets", "cache", "tomlio")


def _imports(module: str) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for each ``careerfit`` import in a top-level module."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("careerfit"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [(n, id(node) in top) for n in names]
        elif isinstance(node, ast.Import):
            found += [(a.name, id(node) in top) for a in node.names if a.name.startswith("careerfit")]
    return found


def _closure(start: tuple[str, ...]) -> set[str]:
    """Top-level modules reachable from ``start`` through careerfit imports (lazy ones too)."""
    seen: set[str] = set()
    todo = list(start)
    while todo:
        name = todo.pop()
        if name in seen or not (PACKAGE / f"{name}.py").exists():
            continue
        seen.add(name)
        for imported, _ in _imports(name):
            parts = imported.split(".")
            if len(parts) > 1:
                todo.append(parts[1])
    return seen


def test_the_cli_imports_the_app_only_inside_a_function():
    app_imports = [(name, top) for name, top in _imports("cli") if name.startswith("careerfit.app")]
    assert app_imports, "cli.run_app no longer opens the app: update this test and the contract"
    assert not any(top for _, top in app_imports)


def test_a_command_runs_without_importing_textual(tmp_path):
    code = "import sys\nfrom careerfit.cli import main\nmain(['roles'])\nprint('textual' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"CAREERFIT_HOME": str(tmp_path), "PATH": ""}).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_the_cache_stamps_every_module_the_file_layer_runs():
    stamped = {p.stem for p in cache._validating(PACKAGE)}
    reached = _closure(FILE_LAYER)
    assert set(FILE_LAYER) <= reached
    assert reached <= stamped
    for name in reached:
        subpackages = {i.split(".")[1] for i, _ in _imports(name) if i.count(".") >= 1}
        assert not subpackages & {"app", "commands"}, f"{name} imports a sub-package the cache does not stamp"
