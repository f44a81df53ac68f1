"""The core (domain, storage, services) must not know Qt: the same code serves the CLI, the GUI and tests."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parent.parent / "app"
CORE = ["domain", "storage", "services"]
FORBIDDEN = ("PySide6", "pyqtgraph", "shiboken6", "PyQt5", "PyQt6")


def imported_modules(source: str) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__" and node.args:
            arg = node.args[0]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                names.append(arg.value)
    return names


def qt_imports(source: str) -> list[str]:
    return [m for m in imported_modules(source) if m.split(".")[0] in FORBIDDEN]


def test_the_rule_catches_every_form_of_import() -> None:
    assert qt_imports("import PySide6.QtCore") == ["PySide6.QtCore"]
    assert qt_imports("from PySide6.QtWidgets import QWidget") == ["PySide6.QtWidgets"]
    assert qt_imports("def f():\n    import pyqtgraph as pg\n") == ["pyqtgraph"]
    assert qt_imports("m = __import__('shiboken6')") == ["shiboken6"]
    assert qt_imports("import sqlite_utils\nfrom app.domain import units") == []


@pytest.mark.parametrize("layer", CORE)
def test_core_layer_has_no_qt_imports(layer: str) -> None:
    files = sorted((APP / layer).rglob("*.py"))
    assert files, f"app/{layer} has no modules"
    offenders = {str(f.relative_to(APP)): qt_imports(f.read_text(encoding="utf-8")) for f in files}
    assert {k: v for k, v in offenders.items() if v} == {}


SQL_SHAPES = [
    re.compile(r"\bSELECT\b.*\bFROM\b", re.IGNORECASE),
    re.compile(r"\bINSERT\s+INTO\b", re.IGNORECASE),
    re.compile(r"\bUPDATE\s+\w+\s+SET\b", re.IGNORECASE),
    re.compile(r"\bDELETE\s+FROM\b", re.IGNORECASE),
]


def sql_in(source: str) -> list[str]:
    return [m.group(0) for pattern in SQL_SHAPES for m in pattern.finditer(source)]


def test_the_sql_rule_finds_statements_not_prose() -> None:
    assert sql_in('rows = db.execute("select id from target where x = 1")') == ["select id from"]
    assert sql_in("conn.execute('DELETE FROM progress_entry')") == ["DELETE FROM"]
    assert sql_in('"""Select a target, then choose what to update."""') == []


def test_widgets_write_no_sql() -> None:
    """SQL belongs to app/storage; the UI goes through services."""
    for f in (APP / "ui").rglob("*.py"):
        source = f.read_text(encoding="utf-8")
        assert sql_in(source) == [], f"{f.name} contains SQL"
        database_modules = [
            m for m in imported_modules(source) if m.split(".")[0] in ("sqlite3", "sqlite_utils")
        ]
        assert database_modules == [], f"{f.name} talks to SQLite directly"
