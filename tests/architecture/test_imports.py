"""Imports point one way (docs/architecture.md): portal <- repertoire <- extranet <- cartemploi,
every app may use `search`, `search` imports no app. Lazy imports (inside functions) count:
they are how a cycle hides. Only the wiring (portal/urls.py, portal/settings/) names every app.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LAYERS = {"portal": 0, "repertoire": 1, "extranet": 2, "cartemploi": 3}
APPS = [*LAYERS, "search"]
WIRING = {ROOT / "portal" / "urls.py", *sorted((ROOT / "portal" / "settings").glob("*.py"))}


def python_files(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts and path not in WIRING:
            yield path


def imported_apps(path):
    """(line, imported app) for every import of one of our apps in `path`, at any depth."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in APPS:
                yield node.lineno, top


def allowed(importer, imported):
    if imported == importer or imported == "search":
        return importer != "search" or imported == "search"
    if importer == "search":
        return False
    return LAYERS[imported] < LAYERS[importer]


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_upward(app):
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {imported}"
        for path in python_files(app)
        for line, imported in imported_apps(path)
        if not allowed(app, imported)
    ]
    assert upward == []


def test_the_rule_itself_catches_an_upward_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def later():\n    from cartemploi.models import YouthProfile\n")
    assert list(imported_apps(sample)) == [(2, "cartemploi")]
    assert not allowed("extranet", "cartemploi")
    assert not allowed("search", "portal")
    assert allowed("cartemploi", "extranet") and allowed("repertoire", "search")


DOORS = {
    "opening_hours": ROOT / "repertoire" / "hours.py",
    "holidays": ROOT / "repertoire" / "hours.py",
}


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.split(".")[0]


def test_opening_hours_libraries_have_one_door():
    """One hours model: only `repertoire/hours.py` calls the opening-hours and holidays
    libraries; the workspaces, the fiches and the extranet go through it."""
    strays = [
        f"{path.relative_to(ROOT)} imports {module}"
        for app in APPS
        for path in python_files(app)
        for module in _imported_modules(path)
        if module in DOORS and path != DOORS[module]
    ]
    assert strays == []
