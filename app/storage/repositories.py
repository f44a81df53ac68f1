"""Repositories: the only place that knows how plans, targets and entries sit in SQL rows.

Every SQL statement of the program lives in ``app/storage`` so that another backend can stand beside SQLite
later without touching services or UI. Repositories never open transactions; the service around them does.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlite_utils

from app.domain.entities import (
    Comparator,
    Plan,
    ProgressEntry,
    Target,
    TargetKind,
    ValueType,
)
from app.domain.numbers import format_decimal
from app.domain.periods import Period, PeriodKind

Row = dict[str, Any]


class RecordNotFoundError(LookupError):
    def __init__(self, entity: str, record_id: int) -> None:
        super().__init__(f"找不到{entity}（编号 {record_id}），可能已被删除")


def _d(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def _dec_text(value: Decimal | None) -> str | None:
    return format_decimal(value) if value is not None else None


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def plan_to_row(p: Plan) -> Row:
    return {
        "title": p.title,
        "issuer": p.issuer,
        "doc_number": p.doc_number,
        "issued_on": _iso(p.issued_on),
        "period_start": p.period_start.isoformat(),
        "period_end": p.period_end.isoformat(),
        "source_text": p.source_text,
        "notes": p.notes,
    }


def row_to_plan(r: Row) -> Plan:
    return Plan(
        id=r["id"],
        title=r["title"],
        issuer=r["issuer"],
        doc_number=r["doc_number"],
        issued_on=_d(r["issued_on"]),
        period_start=date.fromisoformat(r["period_start"]),
        period_end=date.fromisoformat(r["period_end"]),
        source_text=r["source_text"],
        notes=r["notes"],
    )


def target_to_row(t: Target) -> Row:
    return {
        "plan_id": t.plan_id,
        "name": t.name,
        "category": t.category,
        "kind": t.kind.value,
        "unit": t.unit,
        "comparator": t.comparator.value,
        "target_value": _dec_text(t.target_value),
        "deadline": _iso(t.deadline),
        "baseline_value": _dec_text(t.baseline_value),
        "baseline_date": _iso(t.baseline_date),
        "responsible_unit": t.responsible_unit,
        "contact": t.contact,
        "source_quote": t.source_quote,
        "notes": t.notes,
    }


def row_to_target(r: Row) -> Target:
    return Target(
        id=r["id"],
        plan_id=r["plan_id"],
        name=r["name"],
        category=r["category"],
        kind=TargetKind(r["kind"]),
        unit=r["unit"],
        comparator=Comparator(r["comparator"]),
        target_value=_dec(r["target_value"]),
        deadline=_d(r["deadline"]),
        baseline_value=_dec(r["baseline_value"]),
        baseline_date=_d(r["baseline_date"]),
        responsible_unit=r["responsible_unit"],
        contact=r["contact"],
        source_quote=r["source_quote"],
        notes=r["notes"],
    )


def entry_to_row(e: ProgressEntry) -> Row:
    return {
        "target_id": e.target_id,
        "period_start": e.period.start.isoformat(),
        "period_end": e.period.end.isoformat(),
        "period_kind": e.period.kind.value,
        "value": format_decimal(e.value),
        "unit": e.unit,
        "value_type": e.value_type.value,
        "source": e.source,
        "reporter": e.reporter,
        "note": e.note,
        "evidence_path": e.evidence_path,
        "entered_at": e.entered_at.isoformat(timespec="seconds") if e.entered_at else "",
    }


ENTRY_COLUMNS = (
    "id, target_id, period_start, period_end, period_kind, value, unit, value_type,"
    " source, reporter, note, evidence_path, entered_at"
)
_PERIOD_KINDS = {k.value: k for k in PeriodKind}
_VALUE_TYPES = {v.value: v for v in ValueType}
_fromiso = date.fromisoformat


def tuple_to_entry(r: tuple[Any, ...]) -> ProgressEntry:
    """Entries are read by the hundred thousand: plain tuples and dict look-ups instead of enum calls."""
    (entry_id, target_id, start, end, kind, value, unit, value_type, source, reporter, note, evidence, at) = r
    return ProgressEntry(
        id=entry_id,
        target_id=target_id,
        period=Period(_fromiso(start), _fromiso(end), _PERIOD_KINDS[kind]),
        value=Decimal(value),
        unit=unit,
        value_type=_VALUE_TYPES[value_type],
        source=source,
        reporter=reporter,
        note=note,
        evidence_path=evidence,
        entered_at=datetime.fromisoformat(at) if at else None,
    )


class _Repository:
    table_name = ""
    entity_label = ""
    order_by = "id"

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def _rows(self, where: str = "", params: list[Any] | None = None) -> list[Row]:
        sql = f"SELECT * FROM {self.table_name}"
        if where:
            sql += f" WHERE {where}"
        return list(self.db.query(f"{sql} ORDER BY {self.order_by}", params or []))

    def _get_row(self, record_id: int) -> Row:
        rows = self._rows("id = ?", [record_id])
        if not rows:
            raise RecordNotFoundError(self.entity_label, record_id)
        return rows[0]

    def _insert(self, row: Row) -> int:
        cursor = self.db.execute(
            f"INSERT INTO {self.table_name} ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
            list(row.values()),
        )
        return int(cursor.lastrowid or 0)

    def _update(self, record_id: int, row: Row) -> None:
        assignments = ", ".join(f"{k} = ?" for k in row)
        cursor = self.db.execute(
            f"UPDATE {self.table_name} SET {assignments}, row_version = row_version + 1 WHERE id = ?",
            [*row.values(), record_id],
        )
        if cursor.rowcount == 0:
            raise RecordNotFoundError(self.entity_label, record_id)

    def delete(self, record_id: int) -> None:
        cursor = self.db.execute(f"DELETE FROM {self.table_name} WHERE id = ?", [record_id])
        if cursor.rowcount == 0:
            raise RecordNotFoundError(self.entity_label, record_id)

    def count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {self.table_name}").fetchone()[0])


class PlanRepository(_Repository):
    table_name = "plan"
    entity_label = "政策文件"

    def restore(self, plan: Plan) -> Plan:
        """Put a deleted plan back under its old id (undo of a deletion)."""
        return self.get(self._insert({"id": plan.id, **plan_to_row(plan)}))

    def all(self) -> list[Plan]:
        return [row_to_plan(r) for r in self._rows()]

    def get(self, plan_id: int) -> Plan:
        return row_to_plan(self._get_row(plan_id))

    def add(self, plan: Plan) -> Plan:
        return self.get(self._insert(plan_to_row(plan)))

    def update(self, plan: Plan) -> Plan:
        assert plan.id is not None
        self._update(plan.id, plan_to_row(plan))
        return self.get(plan.id)


class TargetRepository(_Repository):
    table_name = "target"
    entity_label = "指标"
    order_by = "plan_id, sort_order, id"

    def all(self) -> list[Target]:
        return [row_to_target(r) for r in self._rows()]

    def for_plan(self, plan_id: int) -> list[Target]:
        return [row_to_target(r) for r in self._rows("plan_id = ?", [plan_id])]

    def get(self, target_id: int) -> Target:
        return row_to_target(self._get_row(target_id))

    def add(self, target: Target) -> Target:
        row = target_to_row(target)
        row["sort_order"] = self.db.execute(
            "SELECT coalesce(max(sort_order), 0) + 1 FROM target WHERE plan_id = ?", [target.plan_id]
        ).fetchone()[0]
        return self.get(self._insert(row))

    def update(self, target: Target) -> Target:
        assert target.id is not None
        self._update(target.id, target_to_row(target))
        return self.get(target.id)

    def restore(self, target: Target) -> Target:
        # Targets are added in id order, so the id puts a restored target back near its old place.
        return self.get(self._insert({"id": target.id, **target_to_row(target), "sort_order": target.id}))


class EntryRepository(_Repository):
    table_name = "progress_entry"
    entity_label = "进度填报"
    order_by = "target_id, period_end, period_start, id"

    def _entries(self, where: str = "", params: list[Any] | None = None) -> list[ProgressEntry]:
        sql = f"SELECT {ENTRY_COLUMNS} FROM progress_entry {where} ORDER BY {self.order_by}"
        return [tuple_to_entry(r) for r in self.db.execute(sql, params or [])]

    def all(self) -> list[ProgressEntry]:
        return self._entries()

    def for_target(self, target_id: int) -> list[ProgressEntry]:
        return self._entries("WHERE target_id = ?", [target_id])

    def get(self, entry_id: int) -> ProgressEntry:
        found = self._entries("WHERE id = ?", [entry_id])
        if not found:
            raise RecordNotFoundError(self.entity_label, entry_id)
        return found[0]

    def add(self, entry: ProgressEntry) -> ProgressEntry:
        return self.get(self._insert(entry_to_row(entry)))

    def update(self, entry: ProgressEntry) -> ProgressEntry:
        assert entry.id is not None
        self._update(entry.id, entry_to_row(entry))
        return self.get(entry.id)

    def restore(self, entry: ProgressEntry) -> ProgressEntry:
        return self.get(self._insert({"id": entry.id, **entry_to_row(entry)}))


class MetaRepository:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else default

    def set(self, key: str, value: str) -> None:
        self.db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


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

    def file_key(self) -> str:
        """Fixed for the life of a data file (and its copies): the hash of its first audit event, "" before any.

        Fill-in templates sign their hidden target ids with it, so a sheet made from another file is noticed.
        """
        row = self.db.execute("SELECT hash FROM audit_event ORDER BY id LIMIT 1").fetchone()
        return str(row[0]) if row else ""
