"""The audit trail for people: the whole log exported to Excel or CSV, and one target's change history.

The export keeps before and after exactly as stored (the JSON the hash covers) and each event's hash, so every
line can be matched with the file, whose chain ``check`` verifies; the history turns the same events into readable
field changes ("数值：257 → 260").
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.domain.entities import Comparator, TargetKind, ValueType
from app.domain.periods import Period, PeriodKind
from app.services.atomic_write import OutputError, atomic_write
from app.services.integrity import FIELD_LABELS, LABELS
from app.services.workspace import Workspace
from app.storage.audit import all_events, first_broken_link, target_events

COLUMNS = ("时间", "用户", "计算机", "操作", "对象", "编号", "修改前", "修改后", "哈希")
ACTION_LABELS = {
    "create": "新增", "update": "修改", "delete": "删除", "restore": "恢复",
    "lock": "锁定", "unlock": "解锁", "import": "导入", "restore-backup": "从备份恢复",
}  # fmt: skip
ENTITY_LABELS = {**LABELS, "period_lock": "报告期锁定", "import_batch": "导入批次", "file": "数据文件"}
HISTORY_FIELD_LABELS = {
    **FIELD_LABELS,
    "category": "维度", "responsible_unit": "责任单位", "contact": "联系人", "source_quote": "原文摘录",
    "value_type": "数值类型", "reporter": "填报人", "evidence_path": "佐证材料", "entered_at": "录入时间",
    "issuer": "发文单位", "doc_number": "文号", "issued_on": "发文日期", "source_text": "原文",
    "period": "报告期", "target_id": "所属指标", "plan_id": "所属政策文件",
}  # fmt: skip
# The order people read a record in (the stored JSON is sorted by key); fields not named here come last.
FIELD_ORDER = (
    "title", "issuer", "doc_number", "issued_on", "name", "category", "kind", "period", "value", "unit",
    "value_type", "comparator", "target_value", "deadline", "baseline_value", "baseline_date", "period_start",
    "period_end", "responsible_unit", "contact", "source", "reporter", "source_quote", "source_text", "note",
    "notes", "evidence_path", "entered_at", "target_id", "plan_id",
)  # fmt: skip
# Bookkeeping, not something a person changed: never listed as a change.
_HIDDEN = {"id", "row_version", "entries", "targets", "sort_order"}
_PERIOD_FIELDS = ("period_start", "period_end", "period_kind")
_OWNERS = {"target_id", "plan_id"}  # which target or plan a record belongs to: named only when it changes
EXCEL_CELL_LIMIT = 32767
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses in a cell
EMPTY = "（空）"


def action_label(action: str) -> str:
    return ACTION_LABELS.get(action, action)


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


# the whole log -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One event as exported: the stored text, with the action and kind of record named in Chinese."""

    event_id: int
    at: str
    who: str
    machine: str
    action: str
    entity: str
    entity_id: int | None
    before: str
    after: str
    hash: str

    def cells(self) -> tuple[object, ...]:
        """The values under COLUMNS."""
        return (
            _display_time(self.at),
            self.who,
            self.machine,
            action_label(self.action),
            entity_label(self.entity),
            "" if self.entity_id is None else self.entity_id,
            self.before,
            self.after,
            self.hash,
        )


def audit_records(ws: Workspace) -> Iterator[AuditRecord]:
    for e in all_events(ws.db):
        yield AuditRecord(
            event_id=int(e["id"]),
            at=str(e["at"]),
            who=str(e["who"]),
            machine=str(e["machine"]),
            action=str(e["action"]),
            entity=str(e["entity"]),
            entity_id=None if e["entity_id"] is None else int(e["entity_id"]),
            before=e["before"] or "",
            after=e["after"] or "",
            hash=str(e["hash"]),
        )


@dataclass(frozen=True, slots=True)
class AuditExport:
    path: Path
    count: int
    broken_at: int | None  # the first event whose hash does not verify; None: the chain is whole

    @property
    def message(self) -> str:
        chain = (
            "审计记录链完整"
            if self.broken_at is None
            else f"注意：审计记录链在第 {self.broken_at} 条断开，该条或其之前的记录在程序之外被改动过"
        )
        return f"已导出审计记录 {self.count} 条：{self.path}（{chain}）"


def export_audit(ws: Workspace, path: Path | str) -> AuditExport:
    """Write the whole audit log to ``path``; .xlsx or .csv by its extension. Written under a temporary name
    and renamed, so a half-written export never sits under the requested name."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise OutputError(
            f"不支持的格式“{path.suffix or path.name}”：审计记录可导出为 .xlsx 或 .csv", field="输出文件"
        )
    broken = first_broken_link(ws.db)
    counted: list[int] = []

    def write(partial: Path) -> None:
        rows = _counting(audit_records(ws), counted)
        if suffix == ".csv":
            _write_csv(rows, partial)
        else:
            _write_xlsx(rows, partial, ws, broken, counted)

    atomic_write(path, write)
    return AuditExport(path, len(counted), broken)


def _counting(records: Iterable[AuditRecord], counted: list[int]) -> Iterator[AuditRecord]:
    for record in records:
        counted.append(record.event_id)
        yield record


def _write_csv(records: Iterable[AuditRecord], path: Path) -> None:
    # UTF-8 with a byte-order mark: Excel on Chinese Windows then opens it as UTF-8, not GBK.
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        for record in records:
            writer.writerow(record.cells())


def _write_xlsx(
    records: Iterable[AuditRecord], path: Path, ws: Workspace, broken: int | None, counted: list[int]
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]

    wb = Workbook(write_only=True)  # streams rows: a trail of 100,000 events is never all in memory
    wb.properties.title = "审计记录"
    sheet = wb.create_sheet("审计记录")
    for letter, width in zip("ABCDEFGHI", (20, 12, 16, 8, 10, 8, 50, 50, 22), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in COLUMNS:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E7E6E6")
        header.append(cell)
    sheet.append(header)
    top = Alignment(vertical="top")
    for record in records:
        row = []
        for column, value in enumerate(record.cells()):
            # The time as a real date-time, which Excel sorts and filters.
            time = _parse_time(record.at) if column == 0 else None
            cell = WriteOnlyCell(sheet, value=time or _excel_value(value))
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # text, never a formula
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm:ss"
            cell.alignment = top
            row.append(cell)
        sheet.append(row)
    sheet.auto_filter.ref = f"A1:I{len(counted) + 1}"
    notes = wb.create_sheet("说明")
    notes.column_dimensions["A"].width = 14
    notes.column_dimensions["B"].width = 90
    for label, text in (
        ("数据文件", str(ws.path)),
        ("导出时间", ws.clock().strftime("%Y-%m-%d %H:%M:%S")),
        ("记录条数", len(counted)),
        (
            "审计记录链",
            "完整" if broken is None else f"在第 {broken} 条断开（该条或其之前的记录在程序之外被改动过）",
        ),
        ("修改前 / 修改后", "程序保存的原样内容（JSON）"),
        (
            "哈希",
            "本条在审计记录链中的 SHA-256 哈希（由上一条的哈希与本条内容计算），可与数据文件逐条核对；整条链用 check 命令验证",
        ),
    ):
        notes.append([label, _excel_value(text)])
    wb.save(str(path))


def _excel_value(value: object) -> object:
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
        if len(value) > EXCEL_CELL_LIMIT:  # Excel refuses longer cells; the CSV export keeps everything
            note = f"…（已截断：共 {len(value)} 字符，完整内容见 CSV 导出）"
            return value[: EXCEL_CELL_LIMIT - len(note)] + note
    return value


def _parse_time(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _display_time(at: str) -> str:
    try:
        return datetime.fromisoformat(at).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return at  # altered outside the program: shown as it is


# one target's history ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str  # the field's Chinese name
    before: str  # "" when the record was created
    after: str  # "" when it was deleted

    @property
    def text(self) -> str:
        if not self.before:
            return f"{self.field}：{self.after}"
        if not self.after:
            return f"{self.field}：{self.before}（已删除）"
        return f"{self.field}：{self.before} → {self.after}"


@dataclass(frozen=True, slots=True)
class HistoryItem:
    event_id: int
    at: datetime | None  # None: the stored time is not a time (altered outside the program)
    at_text: str
    who: str
    machine: str
    action: str  # Chinese: 新增、修改、删除、恢复 …
    record: str  # "指标" or "填报 2024年前三季度"
    record_id: int | None
    changes: tuple[FieldChange, ...]

    @property
    def summary(self) -> str:
        return "；".join(c.text for c in self.changes)


def target_history(ws: Workspace, target_id: int) -> list[HistoryItem]:
    """What happened to a target and its figures, newest first, each event as readable field changes."""
    return [_history_item(e) for e in target_events(ws.db, target_id)]


def _history_item(e: dict[str, Any]) -> HistoryItem:
    before, after = _load(e["before"]), _load(e["after"])
    entity = str(e["entity"])
    record = entity_label(entity)
    if entity == "entry":
        period = _period_label(after or before or {})
        record = f"{record} {period}".strip()
    try:
        at: datetime | None = datetime.fromisoformat(str(e["at"]))
    except ValueError:
        at = None
    changes = _changes(entity, before, after)
    if e["action"] == "delete" and before and before.get("entries"):
        changes += (FieldChange("连同删除的填报", "", f"{len(before['entries'])} 条"),)
    return HistoryItem(
        event_id=int(e["id"]),
        at=at,
        at_text=_display_time(str(e["at"])),
        who=str(e["who"]),
        machine=str(e["machine"]),
        action=action_label(str(e["action"])),
        record=record,
        record_id=None if e["entity_id"] is None else int(e["entity_id"]),
        changes=changes,
    )


def _load(text: str | None) -> dict[str, Any] | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _changes(
    entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> tuple[FieldChange, ...]:
    old, new = _readable(entity, before or {}), _readable(entity, after or {})
    changes = []
    for field in sorted(set(old) | set(new), key=_field_rank):
        was, now = old.get(field, ""), new.get(field, "")
        if before is not None and after is not None:
            if was != now:  # an edit: only what changed, empty shown as such
                changes.append(FieldChange(_label(field), was or EMPTY, now or EMPTY))
        elif (was or now) and field not in _OWNERS:  # a creation or a deletion: what the record held
            changes.append(FieldChange(_label(field), was, now))
    return tuple(changes)


def _field_rank(field: str) -> tuple[int, str]:
    return (FIELD_ORDER.index(field), "") if field in FIELD_ORDER else (len(FIELD_ORDER), field)


def _label(field: str) -> str:
    return HISTORY_FIELD_LABELS.get(field, field)


def _readable(entity: str, snapshot: dict[str, Any]) -> dict[str, str]:
    """Field → text as people write it; an entry's period fields become one 报告期."""
    shown: dict[str, str] = {}
    if entity == "entry" and any(f in snapshot for f in _PERIOD_FIELDS):
        shown["period"] = _period_label(snapshot)
    for field, value in snapshot.items():
        if field in _HIDDEN or (entity == "entry" and field in _PERIOD_FIELDS):
            continue
        shown[field] = _value_text(field, value)
    return shown


def _value_text(field: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    text = str(value)
    try:
        if field == "kind":
            return TargetKind(text).label
        if field == "comparator":
            return Comparator(text).symbol
        if field == "value_type":
            return ValueType(text).label
    except ValueError:
        return text
    if field == "entered_at":
        return _display_time(text)
    return text


def _period_label(snapshot: dict[str, Any]) -> str:
    try:
        return Period(
            date.fromisoformat(str(snapshot["period_start"])),
            date.fromisoformat(str(snapshot["period_end"])),
            PeriodKind(str(snapshot["period_kind"])),
        ).label
    except (KeyError, ValueError):
        return ""
