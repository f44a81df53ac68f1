"""The SQLite side of backups: copy an open file with the online backup API, check a copy, count what it holds,
and make sure nobody else has a file open before it is replaced. File names, folders and rotation are the
service's business (app/services/backups.py)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.storage.database import StorageError
from app.storage.migrations import APPLICATION_ID


class FileInUseError(StorageError):
    """Another connection (this program's window, another copy of it, a colleague) has the file open."""


class CopyError(StorageError):
    """SQLite could not copy the file (unreadable pages, disk full); the message is SQLite's."""


@dataclass(frozen=True, slots=True)
class Counts:
    plans: int
    targets: int
    entries: int


def write_copy(source: sqlite3.Connection, dest: Path) -> None:
    """A consistent copy of ``source`` at ``dest`` (which must not exist), in rollback-journal mode so that it
    is one self-contained file. SQLite syncs it to disk when the copy is committed."""
    try:
        target = sqlite3.connect(dest)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise CopyError(str(exc)) from exc


def copy_problems(path: Path) -> list[str]:
    """Why the copy at ``path`` cannot be trusted; empty when SQLite's full integrity check passes and the file is
    one of ours. Opened read-only, so checking never changes a backup."""
    try:
        conn = _read_only(path)
    except sqlite3.Error as exc:
        return [f"无法打开：{exc}"]
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            return ["不是本程序的数据文件"]
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        return [] if rows == ["ok"] else rows
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    finally:
        conn.close()


def copy_counts(path: Path) -> Counts | None:
    """How many plans, targets and figures a copy holds; None when it cannot be read."""
    try:
        conn = _read_only(path)
    except sqlite3.Error:
        return None
    try:
        numbers = [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _COUNTED]
        return Counts(*numbers)
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


_COUNTED = ("plan", "target", "progress_entry")


@contextlib.contextmanager
def exclusive_connection(path: Path) -> Iterator[sqlite3.Connection | None]:
    """A connection that is the only one on ``path``, or FileInUseError.

    Every writable connection of this program keeps the file in WAL mode; leaving WAL needs every other
    connection gone, so a failed switch means the file is open elsewhere. Yields None when the file is too
    damaged for SQLite to say (a damaged file is then copied byte for byte instead)."""
    conn = sqlite3.connect(path, timeout=1.0)
    try:
        mode: str | None = str(conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]).lower()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            conn.close()
            raise _in_use(path) from exc
        mode = None
    except sqlite3.DatabaseError:  # "file is not a database", "malformed"
        mode = None
    if mode is None:
        conn.close()
        yield None
        return
    if mode != "delete":
        conn.close()
        raise _in_use(path)
    try:
        yield conn
    finally:
        conn.close()


def _in_use(path: Path) -> FileInUseError:
    return FileInUseError(
        f"{path.name} 正被打开（本程序的另一个窗口、另一个程序，或同事在共享盘上打开了它）；"
        "请先关闭它再恢复，文件未做任何修改"
    )


def fsync_file(path: Path) -> None:
    """Make a freshly written file durable before it is renamed over another."""
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_folder(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open a folder for this and needs no help."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise sqlite3.OperationalError("文件不存在")
    # immutable: a backup is never written while it is read, and a folder without write access still works
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
