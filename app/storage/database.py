"""Opening a data file safely: recognise it, refuse what we cannot read, back it up, then migrate.

Two kinds of failure leave this module: ``StorageError`` subclasses for the environment's fault (not our file,
corrupt, newer version, read-only, missing) with a message a clerk can act on; anything else is a bug.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from app.storage.migrations import APPLICATION_ID, LATEST_VERSION, migrations

__all__ = ["APPLICATION_ID"]
SQLITE_MAGIC = b"SQLite format 3\x00"
RESTORE_HINT = "可从自动备份恢复（窗口：文件 → 从备份恢复；命令行：ptt restore 文件 --latest）"
BUSY_TIMEOUT_MS = 5000  # how long opening or an action waits for another copy's write to finish


class StorageError(Exception):
    """The environment's fault; ``str(e)`` is a Chinese message that says what to do."""


class NotOurFileError(StorageError):
    pass


class CorruptFileError(StorageError):
    pass


class NewerVersionError(StorageError):
    pass


class MissingFileError(StorageError):
    pass


class ReadOnlyLocationError(StorageError):
    """The file or its folder cannot be written (a read-only share, a CD, no permission)."""


@dataclass
class OpenedDatabase:
    db: sqlite_utils.Database
    path: Path
    read_only: bool
    schema_version: int
    backup_path: Path | None = None  # the copy made before migrating, if any

    def close(self) -> None:
        if not self.read_only:
            # Leave the file in rollback-journal mode so a copy on a read-only share or a USB stick opens
            # without -wal/-shm files; if another program still has it open this quietly does nothing.
            with contextlib.suppress(sqlite3.Error):
                self.db.execute("PRAGMA journal_mode = DELETE")
        self.db.conn.close()


def open_database(
    path: Path | str,
    *,
    create: bool = False,
    read_only: bool = False,
    now: Callable[[], datetime] = datetime.now,
) -> OpenedDatabase:
    """Open (or with ``create`` make) a data file and bring its schema up to date.

    On any failure the connection is closed again, so no half-open file stays locked (Windows).
    """
    path = Path(path)
    _check_location(path, create=create, read_only=read_only)
    try:
        conn = _connect(path, read_only)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    try:
        return _prepare(conn, path, read_only, now)
    except BaseException:
        conn.close()
        raise


def _unreadable(path: Path, exc: sqlite3.DatabaseError) -> StorageError:
    """Why a file could not be opened. A file another program holds locked is busy, not damaged: calling it
    corrupt would send the user to restore an older backup over good data."""
    if _is_busy(exc):
        return FileBusyError(
            f"数据文件正被另一个程序锁定（或同事正在保存）：{path}；请稍后再打开，文件未做任何修改"
        )
    return CorruptFileError(f"数据文件已损坏或无法读取：{path}（{exc}）；{RESTORE_HINT}")


def _sqlite_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None  # the primary code of an extended one


def _is_busy(exc: sqlite3.Error) -> bool:
    code = _sqlite_code(exc)
    if code is not None:
        return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(exc) or "busy" in str(exc)


def _is_full(exc: BaseException) -> bool:
    if not isinstance(exc, sqlite3.Error):
        return False
    code = _sqlite_code(exc)
    return code == sqlite3.SQLITE_FULL if code is not None else "disk is full" in str(exc)


def _check_location(path: Path, *, create: bool, read_only: bool) -> None:
    if path.exists():
        _check_header(path)
        if not read_only and not writable(path):
            raise ReadOnlyLocationError(
                f"{path} 所在位置只读（或没有写入权限），不能修改；可以只读方式查看，或复制到可写的文件夹后再填报"
            )
    elif not create:
        raise MissingFileError(f"找不到数据文件：{path}")
    elif read_only:
        raise MissingFileError(f"只读方式无法新建数据文件：{path}")
    elif not path.parent.is_dir():
        raise MissingFileError(f"文件夹不存在：{path.parent}")


def _prepare(
    conn: sqlite3.Connection, path: Path, read_only: bool, now: Callable[[], datetime]
) -> OpenedDatabase:
    try:
        db = sqlite_utils.Database(conn, execute_plugins=False)  # skips the plugin scan (~30 ms)
        _configure(db)
        version = _check_identity(db, path)
        if not read_only:
            _quick_check(db, path)
            # Only now, with the file known to be ours, of a version we read and sound: switching to WAL rewrites
            # its header, and a refused file (another program's, a newer version's, a damaged one) stays as it was.
            _use_wal(db)
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, exc) from exc
    backup_path = None
    if version < LATEST_VERSION and not read_only:
        # Read-only, an older file is read as it is: later migrations only add tables, and the repositories
        # read a table that is not there yet as empty.
        if version > 0:
            backup_path = backup_copy(db, path, f"v{version}", now())
        migrations().apply(db)  # each migration also stamps user_version and application_id, atomically
        version = LATEST_VERSION
    return OpenedDatabase(db, path, read_only, version, backup_path)


def backup_copy(db: sqlite_utils.Database, path: Path, tag: str, when: datetime) -> Path:
    """Copy the whole file with SQLite's online backup API (consistent even while it is open)."""
    target = path.with_name(f"{path.stem}.{tag}-{when:%Y%m%d-%H%M%S}.bak{path.suffix or '.sqlite'}")
    dest = sqlite3.connect(target)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    return target


def save_copy(db: sqlite_utils.Database, dest: Path) -> None:
    """A consistent copy of an open file at ``dest``: written beside it first, then renamed into place, so an
    interrupted copy never leaves a half-written file under the requested name."""
    if not dest.parent.is_dir():
        raise MissingFileError(f"文件夹不存在：{dest.parent}")
    partial = dest.with_name(dest.name + ".partial")
    try:
        target = sqlite3.connect(partial)
        try:
            db.conn.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        # A replaced file's leftover -wal/-shm (an earlier crash) would be replayed onto the copy: remove them.
        for leftover in (dest.with_name(dest.name + "-wal"), dest.with_name(dest.name + "-shm")):
            leftover.unlink(missing_ok=True)
        partial.replace(dest)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"无法保存到 {dest}：{exc.strerror or exc}") from exc


def integrity_problems(db: sqlite_utils.Database) -> list[str]:
    """SQLite's own check plus foreign keys; an empty list means the file is sound."""
    rows = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"表 {table} 第 {rowid} 行引用了不存在的 {parent} 记录")
    return problems


def _quick_check(db: sqlite_utils.Database, path: Path) -> None:
    """A damaged file is found on opening, before anything is written into it (or migrated): SQLite's
    quick_check reads every page (it skips only index contents), so it costs about one read of the file.
    Read-only opens skip it: the status worker opens the file read-only on every recomputation."""
    rows = [r[0] for r in db.execute("PRAGMA quick_check").fetchall()]
    if rows != ["ok"]:
        raise CorruptFileError(
            f"数据文件已损坏：{path}（完整性检查：{first_problems(rows)}）；{RESTORE_HINT}"
        )


def first_problems(rows: list[str], count: int = 3) -> str:
    """The first few lines of SQLite's check output, each cut short: its report on a damaged file runs to
    hundreds of lines, far too much for a message box."""
    lines = [line.strip() for row in rows for line in str(row).splitlines() if line.strip()]
    shown = [line if len(line) <= 100 else line[:99] + "…" for line in lines[:count]]
    more = f" 等 {len(lines)} 处" if len(lines) > count else ""
    return "；".join(shown) + more


def writable(path: Path) -> bool:
    """WAL needs to create -wal and -shm files beside the data file, so the folder must be writable too."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except PermissionError as exc:
        raise StorageError(f"没有权限读取数据文件：{path}") from exc
    except IsADirectoryError as exc:
        raise NotOurFileError(f"{path} 是文件夹，不是数据文件") from exc
    if head and head != SQLITE_MAGIC:
        raise NotOurFileError(f"{path.name} 不是本程序的数据文件（不是 SQLite 数据库），未做任何修改")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    wait = BUSY_TIMEOUT_MS / 1000  # the read-only probe below reads before _configure sets busy_timeout
    if not read_only:
        return sqlite3.connect(path, timeout=wait)
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=wait)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if "unable to open" not in str(exc):
            conn.close()
            raise
        # On a read-only share SQLite cannot create the -shm file a WAL database needs; nobody can be
        # writing there either, so reading it as immutable is safe.
        conn.close()
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, timeout=wait)


def _configure(db: sqlite_utils.Database) -> None:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _use_wal(db: sqlite_utils.Database) -> None:
    # WAL lets a reader and a writer work at once; FULL syncs the log on every commit so that a
    # transaction reported as saved survives a power cut (NORMAL may lose the last ones).
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    # A first read in WAL mode joins the shared-memory index, whose lock this connection then holds while it is
    # open: that lock is how another program (a restore from backup) knows the file is in use.
    db.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _check_identity(db: sqlite_utils.Database, path: Path) -> int:
    app_id = db.execute("PRAGMA application_id").fetchone()[0]
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    has_tables = bool(db.table_names())
    if has_tables and app_id != APPLICATION_ID:
        raise NotOurFileError(f"{path.name} 是 SQLite 数据库，但不是本程序的数据文件，未做任何修改")
    if version > LATEST_VERSION:
        raise NewerVersionError(
            f"{path.name} 由更新版本的程序创建（数据库版本 {version}），本程序只支持到版本 {LATEST_VERSION}；"
            "请升级程序后再打开，文件未做任何修改"
        )
    return version


class FileBusyError(StorageError):
    """Another program is writing the same file right now."""


class DiskFullError(StorageError):
    """The disk (or the share's quota) is full: the action was rolled back whole."""


DISK_FULL = "磁盘空间不足（或已达到文件大小上限），本次修改未保存；请清理磁盘空间后重试，数据文件未受影响"


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One user action: BEGIN IMMEDIATE takes the write lock up front (waiting up to busy_timeout), so a
    second copy of the program on the same file waits instead of failing half-way through the action."""
    conn = db.conn
    if conn.in_transaction:  # nested inside a larger action (the demo loader): a savepoint
        with db.atomic():
            yield
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise FileBusyError("数据文件正被另一个程序（或同事）写入，请稍后再试；本次修改未保存") from exc
        raise
    try:
        yield
    except BaseException as exc:
        conn.rollback()
        # A plain sqlite3 error would read as "file damaged" in the CLI, and reach Qt uncaught in the window.
        if _is_full(exc):
            raise DiskFullError(DISK_FULL) from exc
        raise
    try:
        conn.commit()
    except sqlite3.Error as exc:
        # A full disk is often found only now, writing the log. Nothing of the action may stay pending: the
        # next action would nest inside it as a savepoint and never be saved.
        if conn.in_transaction:
            conn.rollback()
        if _is_full(exc):
            raise DiskFullError(DISK_FULL) from exc
        raise
