"""Two copies of the program on one file (a second window, a colleague on a shared drive): optimistic concurrency.

Every plan, target and figure carries the row version it was read at. An update or delete based on a version the
file no longer holds is refused with ``ConflictError``, whose message names the record, who changed it last, when,
and what it holds now, e.g. "“医疗器械产业总体规模”2025年上半年的数值已被 张三（PC-02）于 2025-08-01 10:20 改为
372亿元，您的修改未保存". Nothing of the refused action is saved (it is one transaction).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.domain.entities import Plan, ProgressEntry, Target, ValueType
from app.domain.errors import DomainError
from app.domain.numbers import format_decimal
from app.domain.periods import Period, PeriodKind
from app.services.integrity import FIELD_LABELS
from app.services.workspace import Workspace
from app.storage.file_records import AuditEvent, FileWatch
from app.storage.repositories import RecordNotFoundError

Record = Plan | Target | ProgressEntry
# Fields the user never sees change (or sees through another field): left out of "what changed".
_HIDDEN = {"id", "entered_at", "reporter", "evidence_path", "sort_order", "period_kind", "plan_id", "contact"}
LABELS = FIELD_LABELS | {
    "value_type": "数值类型", "category": "维度", "responsible_unit": "责任单位", "source_quote": "原文摘录",
    "issuer": "发文单位", "doc_number": "文号", "issued_on": "发文日期", "source_text": "原文",
}  # fmt: skip
# The order fields are shown in forms (the trail stores them sorted by name).
_ORDER = (
    "title", "name", "category", "kind", "period_start", "period_end", "value", "target_value", "unit",
    "value_type", "comparator", "deadline", "baseline_value", "baseline_date", "responsible_unit", "issuer",
    "doc_number", "issued_on", "source", "source_quote", "source_text", "note", "notes",
)  # fmt: skip
_TEXTS = {"name", "title", "note", "notes", "source", "category", "responsible_unit", "source_quote", "issuer",
          "doc_number", "source_text"}  # fmt: skip


class ConflictError(DomainError):
    """Someone else changed (or deleted) the record this edit was based on; nothing was saved."""

    def __init__(self, message: str, entity: str, record_id: int) -> None:
        super().__init__(message)
        self.entity, self.record_id = entity, record_id


def changed_conflict(ws: Workspace, entity: str, current: Record, *, deleting: bool = False) -> ConflictError:
    """The record exists but at a newer version than the edit was based on."""
    record_id = current.id or 0
    event = FileWatch(ws.db).last_event(entity, record_id)
    refused = "未删除" if deleting else "您的修改未保存"
    label = _label(ws, current)
    now = f"，现为 {_value(current)}" if isinstance(current, ProgressEntry) else ""
    if event is None or event.action not in ("update", "restore"):  # changed outside the program
        return ConflictError(f"{label}已在别处被修改{now}，{refused}", entity, record_id)
    if event.action == "restore":
        return ConflictError(f"{label}已被 {_by_when(event)} 恢复{now}，{refused}", entity, record_id)
    changes = _changes(entity, event)
    if isinstance(current, ProgressEntry) and all(c.startswith(LABELS["value"]) for c in changes):
        text = f"{label}的数值已被 {_by_when(event)} 改为 {_value(current)}，{refused}"
    else:
        detail = f"（{'；'.join(changes)}）" if changes else ""
        noun = "的填报" if isinstance(current, ProgressEntry) else ""
        text = f"{label}{noun}已被 {_by_when(event)} 修改{detail}{now}，{refused}"
    return ConflictError(text, entity, record_id)


def deleted_conflict(ws: Workspace, entity: str, record_id: int, *, deleting: bool = False) -> ConflictError:
    """The record the edit was based on is gone: say who deleted it and when, if the trail knows."""
    event = FileWatch(ws.db).last_event(entity, record_id)
    snapshot = (event.before or event.after) if event else None
    label = _snapshot_label(ws, entity, record_id, snapshot)
    refused = "无需再删除" if deleting else "您的修改未保存"
    if event is not None and event.action == "delete":
        return ConflictError(f"{label}已被 {_by_when(event)} 删除，{refused}", entity, record_id)
    # Gone with its target or plan, or outside the program.
    return ConflictError(f"{label}已被删除（可能随所属指标或政策文件一起删除），{refused}", entity, record_id)


def _by_when(event: AuditEvent) -> str:
    """ "张三（PC-02）于 2025-08-01 10:20": who and where, then when."""
    who = f"{event.who}（{event.machine}）" if event.machine else f"{event.who} "
    return f"{who}于 {event.at:%Y-%m-%d %H:%M}"


def _value(entry: ProgressEntry) -> str:
    return f"{format_decimal(entry.value)}{entry.unit}"


def _label(ws: Workspace, record: Record) -> str:
    if isinstance(record, ProgressEntry):
        return f"{_target_name(ws, record.target_id)}{record.period.label}"
    if isinstance(record, Target):
        return f"指标“{record.name}”"
    return f"政策文件“{record.title}”"


def _target_name(ws: Workspace, target_id: int) -> str:
    try:
        return f"“{ws.targets.get(target_id).name}”"
    except RecordNotFoundError:
        return f"指标 {target_id} "


def _snapshot_label(ws: Workspace, entity: str, record_id: int, snapshot: dict[str, Any] | None) -> str:
    if snapshot is None:
        return {"entry": "该填报", "target": "该指标", "plan": "该政策文件"}.get(
            entity, "该记录"
        ) + f"（编号 {record_id}）"
    if entity == "entry":
        return f"{_target_name(ws, int(snapshot['target_id']))}{_period(snapshot).label}的填报"
    if entity == "target":
        return f"指标“{snapshot.get('name', record_id)}”"
    return f"政策文件“{snapshot.get('title', record_id)}”"


def _period(row: dict[str, Any]) -> Period:
    kind = PeriodKind(row.get("period_kind", PeriodKind.RANGE.value))
    return Period(date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"]), kind)


def _changes(entity: str, event: AuditEvent) -> list[str]:
    """What the last change did, field by field ("数值改为 372亿元", "报告期改为 2025年6月")."""
    before, after = event.before or {}, event.after or {}
    changed = sorted(
        (k for k in after if k not in _HIDDEN and before.get(k) != after.get(k)),
        key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER),
    )
    amount = "value" if entity == "entry" else "target_value"
    out: list[str] = []
    if entity == "entry" and {"period_start", "period_end"} & set(changed):
        out.append(f"报告期改为 {_period(after).label}")
    if amount in changed or "unit" in changed:  # a value is shown with its unit, as typed
        out.append(f"{LABELS[amount]}改为 {after.get(amount) or '（空）'}{after.get('unit', '')}")
    for key in changed:
        if key in ("period_start", "period_end", amount, "unit"):
            continue
        value = after.get(key)
        if value in (None, ""):
            shown = "（空）"
        elif key == "value_type":
            shown = ValueType(value).label
        else:
            shown = f"“{value}”" if key in _TEXTS else str(value)
        out.append(f"{LABELS.get(key, key)}改为 {shown}")
    return out
