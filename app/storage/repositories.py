"""Repositories: the only place that knows how plans, targets and entries sit in SQL rows (the file's own
records — imports, locks, presence — are in file_records.py).

Every SQL statement of the program lives in ``app/storage`` so that another backend can stand beside SQLite
later without touching services or UI. Repositories never open transactions; the service around them does.
"""

from __future__ import annotations

import json
from collections.abc import Callable
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


class StaleRecordError(LookupError):
    """An update or delete based on a row version the file no longer holds (someone else changed the row).

    The services check versions first and say who changed what; this is the storage's own guard behind them.
    """

    def __init__(self, entity: str, record_id: int, expected: int) -> None:
        super().__init__(f"{entity}（编号 {record_id}）已被他人修改（版本不再是 {expected}），本次修改未保存")
        self.entity, self.record_id, self.expected = entity, record_id, expected


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
        version=r["row_version"],
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
        version=r["row_version"],
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
    " source, reporter, note, evidence_path, entered_at, row_version"
)
PROGRESS_EVERY = 1000  # rows between progress reports in bulk writes
# ENTRY_COLUMNS without id and row_version, which the file assigns (a new row is at version 1).
_ENTRY_FIELDS = tuple(c.strip() for c in ENTRY_COLUMNS.split(","))[1:-1]
_PERIOD_KINDS = {k.value: k for k in PeriodKind}
_VALUE_TYPES = {v.value: v for v in ValueType}
_fromiso = date.fromisoformat


def entry_reader() -> Callable[[tuple[Any, ...]], ProgressEntry]:
    """Entries are read by the hundred thousand: plain tuples, dict look-ups instead of enum calls, positional
    arguments, and one Period object per distinct period (a file has a few hundred; periods are immutable)."""
    periods: dict[tuple[str, str, str], Period] = {}
    times: dict[str, datetime] = {}  # an import stamps all its figures with one time

    def read(r: tuple[Any, ...]) -> ProgressEntry:
        (
            entry_id,
            target_id,
            start,
            end,
            kind,
            value,
            unit,
            value_type,
            source,
            reporter,
            note,
            evidence,
            at,
            v,
        ) = r
        period = periods.get((start, end, kind))
        if period is None:
            period = periods[(start, end, kind)] = Period(_fromiso(start), _fromiso(end), _PERIOD_KINDS[kind])
        # Positional, in ProgressEntry's field order: target_id, period, value, unit, value_type, source,
        # reporter, note, evidence_path, entered_at, id, version.
        return ProgressEntry(
            target_id,
            period,
            Decimal(value),
            unit,
            _VALUE_TYPES[value_type],
            source,
            reporter,
            note,
            evidence,
            (times.get(at) or times.setdefault(at, datetime.fromisoformat(at))) if at else None,
            entry_id,
            v,
        )

    return read


def tuple_to_entry(r: tuple[Any, ...]) -> ProgressEntry:
    return entry_reader()(r)


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

    def _update(self, record_id: int, row: Row, expected: int = 0) -> None:
        """Write ``row`` and bump the row version; with ``expected`` only if the row is still at that version."""
        assignments = ", ".join(f"{k} = ?" for k in row)
        guard, params = ("AND row_version = ?", [expected]) if expected else ("", [])
        cursor = self.db.execute(
            f"UPDATE {self.table_name} SET {assignments}, row_version = row_version + 1 WHERE id = ? {guard}",
            [*row.values(), record_id, *params],
        )
        if cursor.rowcount == 0:
            self._missing_or_stale(record_id, expected)

    def delete(self, record_id: int, expected: int = 0) -> None:
        """Delete a row; with ``expected`` only if it is still at that version (nobody changed it meanwhile)."""
        guard, params = ("AND row_version = ?", [expected]) if expected else ("", [])
        cursor = self.db.execute(f"DELETE FROM {self.table_name} WHERE id = ? {guard}", [record_id, *params])
        if cursor.rowcount == 0:
            self._missing_or_stale(record_id, expected)

    def _missing_or_stale(self, record_id: int, expected: int) -> None:
        found = self.db.execute(f"SELECT 1 FROM {self.table_name} WHERE id = ?", [record_id]).fetchone()
        if found and expected:
            raise StaleRecordError(self.entity_label, record_id, expected)
        raise RecordNotFoundError(self.entity_label, record_id)

    def _restored(self, record_id: int | None, row: Row, version: int) -> Row:
        """A deleted row put back under its old id, one version past the one it was deleted at: anyone still
        holding that version (or an older one) is refused, as if the row had been edited."""
        return {"id": record_id, **row, "row_version": max(version, 0) + 1}

    def count(self) -> int:
        return int(self.db.execute(f"SELECT count(*) FROM {self.table_name}").fetchone()[0])


class PlanRepository(_Repository):
    table_name = "plan"
    entity_label = "政策文件"

    def restore(self, plan: Plan) -> Plan:
        """Put a deleted plan back under its old id (undo of a deletion)."""
        return self.get(self._insert(self._restored(plan.id, plan_to_row(plan), plan.version)))

    def all(self) -> list[Plan]:
        return [row_to_plan(r) for r in self._rows()]

    def get(self, plan_id: int) -> Plan:
        return row_to_plan(self._get_row(plan_id))

    def add(self, plan: Plan) -> Plan:
        return self.get(self._insert(plan_to_row(plan)))

    def update(self, plan: Plan) -> Plan:
        """Save ``plan``; refused (StaleRecordError) when ``plan.version`` is set and the file holds another."""
        assert plan.id is not None
        self._update(plan.id, plan_to_row(plan), plan.version)
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
        self._update(target.id, target_to_row(target), target.version)
        return self.get(target.id)

    def restore(self, target: Target) -> Target:
        # Targets are added in id order, so the id puts a restored target back near its old place.
        row = self._restored(target.id, target_to_row(target), target.version)
        return self.get(self._insert({**row, "sort_order": target.id}))


class EntryRepository(_Repository):
    table_name = "progress_entry"
    entity_label = "进度填报"
    order_by = "target_id, period_end, period_start, id"

    def _entries(self, where: str = "", params: list[Any] | None = None) -> list[ProgressEntry]:
        sql = f"SELECT {ENTRY_COLUMNS} FROM progress_entry {where} ORDER BY {self.order_by}"
        read = entry_reader()
        return [read(r) for r in self.db.execute(sql, params or [])]

    def all(self) -> list[ProgressEntry]:
        return self._entries()

    def for_target(self, target_id: int) -> list[ProgressEntry]:
        return self._entries("WHERE target_id = ?", [target_id])

    def for_targets(self, target_ids: list[int]) -> list[ProgressEntry]:
        if not target_ids:
            return []
        return self._entries("WHERE target_id IN (SELECT value FROM json_each(?))", [json.dumps(target_ids)])

    def needed_for_status(self, as_of: date, recent_ends: int, flow_year: int | None) -> list[ProgressEntry]:
        """The figures every target's status needs as of ``as_of``, not its whole history.

        A target's latest ``recent_ends`` period ends; a yearly flow's figures of the year being judged
        (``flow_year``, or the year of its latest figure when None); and the whole history of a running total
        built from 期间值 or of any target with figures in another unit (their arithmetic reads every figure).
        """
        sql = f"""
        WITH scope AS (
          SELECT t.id AS target_id,
            CASE
              WHEN EXISTS (SELECT 1 FROM progress_entry x WHERE x.target_id = t.id AND x.period_end <= :as_of
                           AND (x.unit NOT IN ('', t.unit)
                                OR (t.kind = 'cumulative' AND x.value_type <> 'cumulative')))
                THEN ''
              WHEN t.kind = 'flow' THEN
                coalesce(:flow_year || '-01-01',
                         (SELECT substr(max(x.period_end), 1, 4) || '-01-01' FROM progress_entry x
                          WHERE x.target_id = t.id AND x.period_end <= :as_of))
              ELSE (SELECT min(period_end) FROM (SELECT DISTINCT x.period_end FROM progress_entry x
                    WHERE x.target_id = t.id AND x.period_end <= :as_of
                    ORDER BY x.period_end DESC LIMIT :recent_ends))
            END AS since
          FROM target t LIMIT -1 OFFSET 0)  -- computed once per target, not per entry (works before 3.35)
        SELECT {", ".join(f"e.{c.strip()}" for c in ENTRY_COLUMNS.split(","))}
        FROM scope JOIN progress_entry e
          ON e.target_id = scope.target_id AND e.period_end >= scope.since AND e.period_end <= :as_of
        ORDER BY e.target_id, e.period_end, e.period_start, e.id
        """
        params = {"as_of": as_of.isoformat(), "recent_ends": recent_ends, "flow_year": flow_year}
        read = entry_reader()
        return [read(r) for r in self.db.execute(sql, params)]

    def get(self, entry_id: int) -> ProgressEntry:
        found = self._entries("WHERE id = ?", [entry_id])
        if not found:
            raise RecordNotFoundError(self.entity_label, entry_id)
        return found[0]

    def add(self, entry: ProgressEntry) -> ProgressEntry:
        return self.get(self._insert(entry_to_row(entry)))

    def add_rows(self, rows: list[Row], progress: Callable[[int], None] | None = None) -> list[ProgressEntry]:
        """Insert rows made by ``entry_to_row``; the saved entries are read back from what was written, through
        the same reader as every query, without a query per row (an import adds them by the hundred thousand).
        ``progress(done)`` is told every thousand rows and may raise to stop (the caller's transaction then
        rolls back)."""
        read = entry_reader()
        saved = []
        for done, row in enumerate(rows, start=1):
            new_id = self._insert(row)
            saved.append(read((new_id, *(row[c] for c in _ENTRY_FIELDS), 1)))
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done)
        return saved

    def update(self, entry: ProgressEntry) -> ProgressEntry:
        assert entry.id is not None
        self._update(entry.id, entry_to_row(entry), entry.version)
        return self.get(entry.id)

    def restore(self, entry: ProgressEntry) -> ProgressEntry:
        return self.get(self._insert(self._restored(entry.id, entry_to_row(entry), entry.version)))


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
