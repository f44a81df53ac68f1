"""Records about the data file itself rather than its plans, targets and figures: which returned sheets were
imported, which reporting periods are locked, which copies of the program have the file open, and the watch
for changes another copy committed. SQL only; the services give them meaning.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import sqlite_utils

from app.domain.periods import Period
from app.storage.repositories import _PERIOD_KINDS, RecordNotFoundError, _fromiso  # the shared row helpers


@dataclass(frozen=True, slots=True)
class ImportRecord:
    """One imported fill-in file: the same SHA-256 is never imported twice."""

    file_name: str
    sha256: str
    rows_read: int
    entries_added: int
    imported_at: datetime
    who: str
    machine: str
    id: int | None = None


class ImportRepository:
    """The import_batch table (db/migrations/0002_imports.sql)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    _COLUMNS = "id, file_name, sha256, rows_read, entries_added, imported_at, who, machine"

    @staticmethod
    def _record(r: tuple[Any, ...]) -> ImportRecord:
        record_id, name, sha, rows, added, at, who, machine = r
        return ImportRecord(name, sha, rows, added, datetime.fromisoformat(at), who, machine, record_id)

    def _exists(self) -> bool:
        """False in an older file opened read-only (no migration 0002): nothing was imported into it."""
        return bool(self.db["import_batch"].exists())

    def find_by_sha256(self, sha256: str) -> ImportRecord | None:
        if not self._exists():
            return None
        row = self.db.execute(
            f"SELECT {self._COLUMNS} FROM import_batch WHERE sha256 = ?", [sha256]
        ).fetchone()
        return self._record(row) if row else None

    def all(self) -> list[ImportRecord]:
        if not self._exists():
            return []
        return [
            self._record(r) for r in self.db.execute(f"SELECT {self._COLUMNS} FROM import_batch ORDER BY id")
        ]

    def add(self, record: ImportRecord) -> ImportRecord:
        cursor = self.db.execute(
            "INSERT INTO import_batch (file_name, sha256, rows_read, entries_added, imported_at, who, machine)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                record.file_name,
                record.sha256,
                record.rows_read,
                record.entries_added,
                record.imported_at.isoformat(timespec="seconds"),
                record.who,
                record.machine,
            ],
        )
        return replace(record, id=int(cursor.lastrowid or 0))

    def count(self) -> int:
        if not self._exists():
            return 0
        return int(self.db.execute("SELECT count(*) FROM import_batch").fetchone()[0])

    def remove(self, record_id: int) -> None:
        """Forget an import that was undone, so that the same file can be imported again."""
        self.db.execute("DELETE FROM import_batch WHERE id = ?", [record_id])

    def file_key(self) -> str:
        """Fixed for the life of a data file (and its copies): the hash of its first audit event, "" before any.

        Fill-in templates sign their hidden target ids with it, so a sheet made from another file is noticed.
        """
        row = self.db.execute("SELECT hash FROM audit_event ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row else ""


def _table_exists(db: sqlite_utils.Database, name: str) -> bool:
    """False for a table a later migration adds, in an older file opened read-only: read it as empty."""
    return bool(db[name].exists())


@dataclass(frozen=True, slots=True)
class PeriodLock:
    """A locked reporting period (锁定报告期): figures whose period ends inside it cannot be changed."""

    period: Period
    locked_by: str
    machine: str
    locked_at: datetime
    note: str = ""
    id: int | None = None

    def covers(self, period: Period) -> bool:
        """A figure belongs to the report of the period it ends in: 1-6月 and 截至6月底 are June's figures."""
        return self.period.start <= period.end <= self.period.end


class LockRepository:
    """The period_lock table (db/migrations/0003_locks_and_presence.sql)."""

    _COLUMNS = "id, period_start, period_end, period_kind, locked_by, machine, locked_at, note"

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    @staticmethod
    def _lock(r: tuple[Any, ...]) -> PeriodLock:
        lock_id, start, end, kind, who, machine, at, note = r
        period = Period(_fromiso(start), _fromiso(end), _PERIOD_KINDS[kind])
        return PeriodLock(period, who, machine, datetime.fromisoformat(at), note, lock_id)

    def all(self) -> list[PeriodLock]:
        if not _table_exists(self.db, "period_lock"):
            return []
        sql = f"SELECT {self._COLUMNS} FROM period_lock ORDER BY period_start, period_end, id"
        return [self._lock(r) for r in self.db.execute(sql)]

    def find(self, period: Period) -> PeriodLock | None:
        """The lock of exactly this range, if there is one."""
        return next(
            (
                lock
                for lock in self.all()
                if (lock.period.start, lock.period.end) == (period.start, period.end)
            ),
            None,
        )

    def add(self, lock: PeriodLock) -> PeriodLock:
        cursor = self.db.execute(
            "INSERT INTO period_lock (period_start, period_end, period_kind, locked_by, machine, locked_at, note)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                lock.period.start.isoformat(),
                lock.period.end.isoformat(),
                lock.period.kind.value,
                lock.locked_by,
                lock.machine,
                lock.locked_at.isoformat(timespec="seconds"),
                lock.note,
            ],
        )
        return replace(lock, id=int(cursor.lastrowid or 0))

    def delete(self, lock_id: int) -> None:
        cursor = self.db.execute("DELETE FROM period_lock WHERE id = ?", [lock_id])
        if cursor.rowcount == 0:
            raise RecordNotFoundError("报告期锁定", lock_id)


@dataclass(frozen=True, slots=True)
class Presence:
    """One running copy of the program with this file open, as its last heartbeat left it."""

    session_id: str
    who: str
    machine: str
    pid: int
    opened_at: datetime
    last_seen: datetime
    beats: int = 1  # heartbeats written so far: a change means the copy is still running


class PresenceRepository:
    """The presence table: heartbeats, not data (no audit events)."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def all(self) -> list[Presence]:
        if not _table_exists(self.db, "presence"):
            return []
        sql = "SELECT session_id, who, machine, pid, opened_at, last_seen, beats FROM presence ORDER BY opened_at"
        return [
            Presence(
                sid, who, machine, pid, datetime.fromisoformat(opened), datetime.fromisoformat(seen), beats
            )
            for sid, who, machine, pid, opened, seen, beats in self.db.execute(sql)
        ]

    def beat(self, p: Presence) -> None:
        self.db.execute(
            "INSERT INTO presence (session_id, who, machine, pid, opened_at, last_seen) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (session_id) DO UPDATE SET last_seen = excluded.last_seen, beats = presence.beats + 1",
            [
                p.session_id,
                p.who,
                p.machine,
                p.pid,
                p.opened_at.isoformat(timespec="seconds"),
                p.last_seen.isoformat(timespec="seconds"),
            ],
        )

    def remove(self, session_id: str) -> None:
        self.db.execute("DELETE FROM presence WHERE session_id = ?", [session_id])

    def prune(self, before: datetime) -> None:
        """Forget copies not seen since ``before`` (a crash or a power cut left their row behind)."""
        self.db.execute("DELETE FROM presence WHERE last_seen < ?", [before.isoformat(timespec="seconds")])


@dataclass(frozen=True, slots=True)
class AuditEvent:
    at: datetime
    who: str
    machine: str
    action: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None


class FileWatch:
    """Cheap questions that tell whether another connection (another copy of the program) changed the file."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def data_version(self) -> int:
        """Changes whenever another connection commits to the file (never for this connection's own commits)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def last_audit_id(self) -> int:
        """Every change to the data is an audit event: a new id means new data (a heartbeat adds none)."""
        return int(self.db.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()[0])

    def last_event(self, entity: str, entity_id: int) -> AuditEvent | None:
        """The latest audit event of one record: who changed it last, when, and from what to what."""
        row = self.db.execute(
            "SELECT at, who, machine, action, before, after FROM audit_event"
            " WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
            [entity, entity_id],
        ).fetchone()
        if row is None:
            return None
        at, who, machine, action, before, after = row
        return AuditEvent(
            datetime.fromisoformat(at),
            who,
            machine,
            action,
            json.loads(before) if before else None,
            json.loads(after) if after else None,
        )


@contextlib.contextmanager
def patience(db: sqlite_utils.Database, milliseconds: int) -> Iterator[None]:
    """Wait at most this long for another writer's lock (a heartbeat may skip a beat; a user's edit may not)."""
    before = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {before}")
