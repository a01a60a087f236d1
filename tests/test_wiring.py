"""How apps are wired, read from the source (AST): importing a module registers nothing, and
no translated string is frozen at import.

Registrations (search sources, dashboard panels, demo steps, signals, snippets) are made by
calls from an `AppConfig.ready()` or in `wagtail_hooks.py`; a module-level `gettext` would
translate once, in whatever language was active at import, so module-level strings are lazy.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = ("portal", "repertoire", "extranet", "cartemploi", "search")

# Calls that register something with a registry or a signal.
REGISTERING = {
    "connect",
    "modeladmin_register",
    "register",
    "register_demo_step",
    "register_event_section",
    "register_home_section",
    "register_labels",
    "register_panel",
    "register_snippet",
    "register_task",
}
EAGER_GETTEXT = {"gettext", "ngettext", "pgettext", "npgettext"}


def modules(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def import_time_calls(tree):
    """Calls run when the module is imported: outside function bodies (a function's
    defaults and decorators run at import too)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            pending.extend(node.args.defaults)
            pending.extend(d for d in node.args.kw_defaults if d is not None)
            pending.extend(getattr(node, "decorator_list", []))
            continue
        if isinstance(node, ast.Call):
            yield node
        pending.extend(ast.iter_child_nodes(node))


def called_name(call):
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def eager_gettext_names(tree):
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation"
        for alias in node.names
        if alias.name in EAGER_GETTEXT
    }


def where(path, node):
    return f"{path.relative_to(ROOT)}:{node.lineno}"


@pytest.mark.parametrize("app", APPS)
def test_importing_a_module_registers_nothing(app):
    found = [
        where(path, call)
        for path in modules(app)
        if path.name != "wagtail_hooks.py"
        for call in import_time_calls(ast.parse(path.read_text()))
        if called_name(call) in REGISTERING
    ]
    assert found == [], "register from AppConfig.ready() or wagtail_hooks.py, not at import"


@pytest.mark.parametrize("app", APPS)
def test_no_translation_is_frozen_at_import(app):
    found = []
    for path in modules(app):
        tree = ast.parse(path.read_text())
        names = eager_gettext_names(tree)
        found += [
            where(path, call)
            for call in import_time_calls(tree)
            if isinstance(call.func, ast.Name) and call.func.id in names
        ]
    assert found == [], "module-level strings take gettext_lazy"


def test_the_checks_see_a_registration_and_a_frozen_string():
    tree = ast.parse(
        "from django.utils.translation import gettext as _\n"
        "from search import registry\n"
        "TITLE = _('Titre')\n"
        "registry.register(SOURCE)\n"
        "def later():\n"
        "    registry.register(SOURCE)\n"
        "    return _('Plus tard')\n"
    )
    calls = list(import_time_calls(tree))
    assert [called_name(c) for c in calls if called_name(c) in REGISTERING] == ["register"]
    frozen = [c for c in calls if called_name(c) in eager_gettext_names(tree)]
    assert [c.lineno for c in frozen] == [3]
