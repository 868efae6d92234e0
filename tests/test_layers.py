"""The layer rules import-linter cannot say (pyproject's [tool.importlinter] says the rest).

- the command line opens the app only lazily, from inside a function: ``--help`` and every
  command run without Textual;
- the validation cache stamps every module the file layer runs (``cache._validating``): the
  file layer reaches only the packages it stamps;
- every package, and every module, says in its docstring what it may import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import careerfit
from careerfit.formats import cache

PACKAGE = Path(careerfit.__file__).parent
PARTS = ("core", "postings", "formats", "session", "cli", "app")


def _module_file(name: str) -> Path | None:
    """The file of ``careerfit.x.y``, or None when it is not a module of the package."""
    parts = name.split(".")[1:]
    if not parts:
        return None
    base = PACKAGE.joinpath(*parts)
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for each ``careerfit`` import in a module's file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("careerfit"):
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            found += [(n, id(node) in top) for n in names]
        elif isinstance(node, ast.Import):
            found += [(a.name, id(node) in top) for a in node.names if a.name.startswith("careerfit")]
    return found


def _closure(start: list[Path]) -> set[Path]:
    """Module files reachable from ``start`` through careerfit imports (lazy ones too)."""
    seen: set[Path] = set()
    todo = list(start)
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        todo += [f for name, _ in _imports(path) if (f := _module_file(name)) is not None]
    return seen


def test_the_cli_imports_the_app_only_inside_a_function():
    main_py = PACKAGE / "cli" / "main.py"
    app_imports = [(name, top) for name, top in _imports(main_py) if name.startswith("careerfit.app")]
    assert app_imports, "cli.main no longer opens the app: update this test and the contract"
    assert not any(top for _, top in app_imports)


def test_a_command_runs_without_importing_textual(tmp_path):
    code = "import sys\nfrom careerfit.cli.main import main\nmain(['roles'])\nprint('textual' in sys.modules)\n"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"CAREERFIT_HOME": str(tmp_path), "PATH": ""}).stdout
    assert out.strip().splitlines()[-1] == "False"


def test_the_cache_stamps_every_module_the_file_layer_runs():
    stamped = set(cache._validating(PACKAGE))
    file_layer = sorted((PACKAGE / "formats").glob("*.py"))
    reached = {p for p in _closure(file_layer) if p.name != "__init__.py" or p.parent != PACKAGE}
    assert set(file_layer) <= stamped
    assert reached <= stamped, sorted(str(p.relative_to(PACKAGE)) for p in reached - stamped)


def test_the_layout_is_one_package_per_part():
    loose = sorted(p.name for p in PACKAGE.glob("*.py")) 
    assert loose == ["__init__.py", "__main__.py"], "a module outside the packages: put it in its part"
    for part in PARTS:
        assert (PACKAGE / part / "__init__.py").is_file()


def test_every_package_and_module_says_what_it_may_import():
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.parent == PACKAGE:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
        owner = path.parent / "__init__.py"
        if "may import" not in doc.lower() and not (path.name != "__init__.py" and _says_for_its_modules(owner)):
            missing.append(str(path.relative_to(PACKAGE)))
    assert not missing, f"no 'May import' in the docstring of: {missing}"


def _says_for_its_modules(init: Path) -> bool:
    """A package whose docstring states the rule for all its modules ('its modules may import')."""
    doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
    return "Its modules may import" in doc
