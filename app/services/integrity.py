"""Does the file hold what the program wrote? Compares every row with the audit trail's last record of it,
so a figure changed, added or deleted outside the program (a SQLite tool, a script) is found by ``check``."""

from __future__ import annotations

from typing import Any

from app.services.workspace import Workspace
from app.storage.audit import last_lock_states, last_written_states
from app.storage.file_records import LockRepository
from app.storage.repositories import entry_to_row, plan_to_row, target_to_row

LABELS = {"plan": "政策文件", "target": "指标", "entry": "填报"}
FIELD_LABELS = {
    "title": "文件名称", "name": "指标名称", "value": "数值", "unit": "单位", "period_start": "报告期开始",
    "period_end": "报告期结束", "target_value": "目标值", "deadline": "截止时间", "baseline_value": "基期值",
    "baseline_date": "基期日期", "comparator": "比较方式", "kind": "类型", "target_id": "所属指标",
    "plan_id": "所属政策文件", "source": "来源", "note": "备注", "notes": "备注",
}  # fmt: skip


def current_states(ws: Workspace) -> dict[tuple[str, int], dict[str, Any]]:
    states: dict[tuple[str, int], dict[str, Any]] = {}
    for p in ws.plans.all():
        states[("plan", p.id or 0)] = {"id": p.id, **plan_to_row(p)}
    for t in ws.targets.all():
        states[("target", t.id or 0)] = {"id": t.id, **target_to_row(t)}
    for e in ws.entries.all():
        states[("entry", e.id or 0)] = {"id": e.id, **entry_to_row(e)}
    return states


def audit_mismatches(ws: Workspace) -> list[str]:
    """One Chinese sentence per row that differs from its last audited state; empty when all agree."""
    recorded = last_written_states(ws.db)
    actual = current_states(ws)
    problems = []
    for key in sorted(set(recorded) | set(actual)):
        entity, record_id = key
        label = f"{LABELS.get(entity, entity)} {record_id}"
        was, now = recorded.get(key), actual.get(key)
        if now is None and was is not None:
            problems.append(f"{label} 在程序之外被删除（审计记录中仍存在）")
        elif now is not None and key not in recorded:
            problems.append(f"{label} 在程序之外被添加（没有审计记录）")
        elif now is not None and was is None:
            problems.append(f"{label} 已被删除，却又出现在文件中")
        elif now is not None and was is not None:
            changed = [f for f in now if f in was and now[f] != was[f]]
            for field in changed:
                problems.append(
                    f"{label} 的{FIELD_LABELS.get(field, field)}在程序之外被改动：审计记录为 {was[field]!r}，文件中为 {now[field]!r}"
                )
    return problems + lock_mismatches(ws)


def lock_mismatches(ws: Workspace) -> list[str]:
    """A locked period removed, added or changed outside the program (locks are audited, and ``check`` compares
    them too: an unlocked period would let its figures be changed)."""
    recorded = last_lock_states(ws.db)
    actual = {
        (lock.period.start.isoformat(), lock.period.end.isoformat()): lock
        for lock in LockRepository(ws.db).all()
    }
    problems = []
    for key in sorted(set(recorded) | set(actual)):
        was, now = recorded.get(key), actual.get(key)
        label = f"锁定的报告期 {now.period.label if now else (was or {}).get('period', key)}"
        if now is None:
            problems.append(f"{label} 在程序之外被解锁（审计记录中仍锁定）")
        elif was is None:
            problems.append(f"{label} 在程序之外被锁定（没有审计记录）")
        elif (now.locked_by, now.machine, now.locked_at.isoformat(timespec="seconds"), now.note) != (
            was.get("locked_by"),
            was.get("machine"),
            was.get("locked_at"),
            was.get("note"),
        ):
            problems.append(f"{label} 的锁定记录在程序之外被改动")
    return problems
