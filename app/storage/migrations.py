"""Numbered SQL migrations from ``db/migrations``, applied with sqlite-utils' ``Migrations``.

Each file runs in its own transaction together with the record that it ran. Statements are executed one by one
(``executescript`` would commit half-way and defeat the transaction).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path

import sqlite_utils
from sqlite_utils.migrations import Migrations

from app.resources import resource_path

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


def migration_files() -> list[Path]:
    folder = resource_path("db", "migrations")
    return sorted(p for p in folder.iterdir() if _NAME.match(p.name))


def split_statements(sql: str) -> list[str]:
    """Split a script into complete statements (trigger bodies keep their inner semicolons)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not buffer.strip().startswith("--"):
        statements.append(buffer.strip())
    return statements


@cache
def migrations() -> Migrations:
    m = Migrations("policy_target_tracker")
    for path in migration_files():
        statements = split_statements(path.read_text(encoding="utf-8"))

        def apply(db: sqlite_utils.Database, statements: list[str] = statements) -> None:
            for statement in statements:
                db.execute(statement)

        m(name=path.stem)(apply)
    return m


LATEST_VERSION = len(migration_files())
