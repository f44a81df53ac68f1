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


# "PTT1" — lets us tell our files from any other SQLite database a user might pick.
APPLICATION_ID = 0x50545431


@cache
def migrations() -> Migrations:
    m = Migrations("policy_target_tracker")
    for number, path in enumerate(migration_files(), start=1):
        statements = split_statements(path.read_text(encoding="utf-8"))

        def apply(
            db: sqlite_utils.Database, statements: list[str] = statements, number: int = number
        ) -> None:
            for statement in statements:
                db.execute(statement)
            # Inside the migration's transaction: a crash can never leave tables without the stamp
            # that says whose file this is and which version it has.
            db.execute(f"PRAGMA user_version = {number}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")

        m(name=path.stem)(apply)
    return m


LATEST_VERSION = len(migration_files())
