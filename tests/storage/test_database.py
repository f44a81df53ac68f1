"""Opening files: ours, not ours, corrupt, newer, older (migrated after a backup), read-only."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from app.storage.database import (
    APPLICATION_ID,
    CorruptFileError,
    MissingFileError,
    NewerVersionError,
    NotOurFileError,
    StorageError,
    integrity_problems,
    open_database,
)
from app.storage.migrations import LATEST_VERSION, migrations, split_statements


def test_new_file_gets_schema_version_wal_and_foreign_keys(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "新 文件.sqlite", create=True)
    db = opened.db
    assert opened.schema_version == LATEST_VERSION >= 1
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert {"plan", "target", "progress_entry", "audit_event", "meta"} <= set(db.table_names())
    assert [m.name for m in migrations().applied(db)] == [
        "0001_initial",
        "0002_imports",
        "0003_locks_and_presence",
        "0004_status_index",
    ]
    opened.close()


def test_missing_file_is_not_created_unless_asked(tmp_path: Path) -> None:
    with pytest.raises(MissingFileError, match="找不到数据文件"):
        open_database(tmp_path / "none.sqlite")
    assert not (tmp_path / "none.sqlite").exists()


def test_a_text_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "报表.xlsx"
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet, not a database")
    before = path.read_bytes()
    with pytest.raises(NotOurFileError, match="不是本程序的数据文件"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotOurFileError, match="不是本程序的数据文件"):
        open_database(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["t"]
    conn.close()


def test_a_truncated_file_is_reported_as_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "good.sqlite"
    open_database(path, create=True).close()
    data = path.read_bytes()
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(data[:100] + b"\x00" * 50)  # a valid header, then garbage
    with pytest.raises((CorruptFileError, NotOurFileError)):
        open_database(broken)


def test_a_file_from_a_newer_version_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite"
    open_database(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    with pytest.raises(NewerVersionError, match=f"数据库版本 {LATEST_VERSION + 1}"):
        open_database(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION + 1
    conn.close()


def test_an_older_file_is_backed_up_before_migrating(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    opened = open_database(path, create=True)
    opened.db.execute("INSERT INTO meta (key, value) VALUES ('label', '旧数据')")
    opened.db.conn.commit()
    opened.close()
    # Pretend a migration 0002 arrived with a new release.
    import app.storage.database as database
    import app.storage.migrations as migrations

    extra = tmp_path / "migrations"
    extra.mkdir()
    for f in migrations.migration_files():
        (extra / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    next_version = LATEST_VERSION + 1
    (extra / f"{next_version:04d}_add_note.sql").write_text(
        "ALTER TABLE meta ADD COLUMN note TEXT;\n", encoding="utf-8"
    )
    monkeypatch.setattr(migrations, "resource_path", lambda *parts: extra)
    migrations.migrations.cache_clear()
    monkeypatch.setattr(database, "LATEST_VERSION", next_version)
    try:
        upgraded = database.open_database(path)
        assert upgraded.schema_version == next_version
        assert upgraded.backup_path is not None and upgraded.backup_path.exists()
        assert "note" in upgraded.db["meta"].columns_dict
        upgraded.close()
        backup = sqlite3.connect(upgraded.backup_path)
        assert backup.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        assert backup.execute("SELECT value FROM meta WHERE key='label'").fetchone()[0] == "旧数据"
        backup.close()
    finally:
        migrations.migrations.cache_clear()


def test_read_only_open_cannot_write(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    open_database(path, create=True).close()
    opened = open_database(path, read_only=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened.db.execute("INSERT INTO meta (key, value) VALUES ('x', 'y')")
    opened.close()
    with pytest.raises(StorageError):
        open_database(tmp_path / "absent.sqlite", create=True, read_only=True)


def test_integrity_check_passes_on_a_fresh_file(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "ok.sqlite", create=True)
    assert integrity_problems(opened.db) == []
    opened.close()


def test_trigger_bodies_keep_their_semicolons() -> None:
    sql = "CREATE TABLE a (x);\nCREATE TRIGGER t BEFORE DELETE ON a\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND;\n-- done\n"
    statements = split_statements(sql)
    assert len(statements) == 2
    assert statements[1].count(";") == 3


def test_a_file_on_a_read_only_location_is_refused_for_writing_but_opens_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.storage.database as database

    path = tmp_path / "共享盘.sqlite"
    open_database(path, create=True).close()
    # Permissions are the operating system's seam: tests run as root here, where chmod does not bite.
    monkeypatch.setattr(database.os, "access", lambda p, mode: False)
    with pytest.raises(database.ReadOnlyLocationError, match="只读"):
        open_database(path)
    opened = open_database(path, read_only=True)
    assert opened.read_only and opened.db.execute("SELECT count(*) FROM plan").fetchone()[0] == 0
    opened.close()


def test_closing_leaves_a_single_file_that_opens_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "share.sqlite"
    opened = open_database(path, create=True)
    opened.db.execute("INSERT INTO meta (key, value) VALUES ('label', '月报')")
    opened.db.conn.commit()
    assert (tmp_path / "share.sqlite-wal").exists()  # WAL while in use
    opened.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["share.sqlite"]
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("SELECT value FROM meta").fetchone()[0] == "月报"
    conn.close()


def test_a_second_writer_waits_then_gets_a_plain_busy_message(tmp_path: Path) -> None:
    from app.storage.database import FileBusyError, write_transaction

    path = tmp_path / "shared.sqlite"
    first = open_database(path, create=True)
    second = open_database(path)
    second.db.execute("PRAGMA busy_timeout = 50")  # the real value is 5 s; a test need not wait that long
    first.db.conn.execute("BEGIN IMMEDIATE")
    first.db.execute("INSERT INTO meta (key, value) VALUES ('a', '1')")
    with pytest.raises(FileBusyError, match="正被另一个程序"), write_transaction(second.db):
        second.db.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
    first.db.conn.commit()
    with write_transaction(second.db):
        second.db.execute("INSERT INTO meta (key, value) VALUES ('b', '2')")
    assert [r[0] for r in first.db.execute("SELECT key FROM meta ORDER BY key")] == ["a", "b"]
    first.close()
    second.close()


def test_save_copy_writes_a_complete_file_and_leaves_no_partial(tmp_path: Path) -> None:
    from app.storage.database import save_copy

    opened = open_database(tmp_path / "a.sqlite", create=True)
    opened.db.execute("INSERT INTO meta (key, value) VALUES ('label', '副本')")
    opened.db.conn.commit()
    dest = tmp_path / "副本 文件.sqlite"
    save_copy(opened.db, dest)
    opened.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.sqlite", "副本 文件.sqlite"]
    copy = open_database(dest)
    assert copy.db.execute("SELECT value FROM meta").fetchone()[0] == "副本"
    copy.close()
    again = open_database(tmp_path / "a.sqlite")
    with pytest.raises(MissingFileError, match="文件夹不存在"):
        save_copy(again.db, tmp_path / "nope" / "x.sqlite")
    again.close()


def test_a_file_from_the_previous_release_opens_read_only_as_it_is(tmp_path: Path) -> None:
    """A share that is read-only for this user may hold a file written by the release before: it is read
    without migrating (later migrations only add tables), its imports read as none, and not a byte changes."""
    from app.services.demo import create_demo_workspace
    from app.services.statuses import compute_statuses
    from app.services.workspace import Workspace
    from app.storage.file_records import ImportRepository

    path = tmp_path / "上一版 数据.ptt.sqlite"
    create_demo_workspace(path).close()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE import_batch")  # as written by release 1, before migration 0002
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with Workspace.open(path, read_only=True) as ws:
        assert ws.schema_version == 1
        assert len(compute_statuses(ws, date(2025, 7, 31))) == 20
        imports = ImportRepository(ws.db)
        assert imports.all() == [] and imports.find_by_sha256("0" * 64) is None
    assert path.read_bytes() == before
    with Workspace.open(path) as ws:  # opened for writing, it is migrated
        assert ws.schema_version == LATEST_VERSION and ImportRepository(ws.db).count() == 0
