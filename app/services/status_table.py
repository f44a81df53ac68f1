"""One status row as people read it: the same text in the CLI table, CSV, the window and reports,
and the same numbers in JSON. Qt-free, so every front end agrees."""

from __future__ import annotations

from typing import Any

from app.domain.formatting import format_amount, format_percent, format_points
from app.services.statuses import StatusRow

COLUMNS = [
    ("plan", "政策文件"),
    ("target", "指标"),
    ("responsible_unit", "责任单位"),
    ("goal", "目标"),
    ("latest", "最新值"),
    ("period", "报告期"),
    ("completion", "完成率"),
    ("time_progress", "时序进度"),
    ("lag", "进度差(百分点)"),
    ("gap", "差距"),
    ("forecast", "预计到期值"),
    ("status", "状态"),
]


def goal_text(row: StatusRow) -> str:
    t = row.target
    if t.target_value is None:
        return "（监测）"
    deadline = f"（{t.deadline:%Y-%m-%d}）" if t.deadline else ""
    return f"{t.comparator.symbol}{format_amount(t.target_value, t.unit)}{deadline}"


def status_record(row: StatusRow) -> dict[str, Any]:
    """One row of the status table, as text for the table/CSV and as numbers for JSON."""
    p, t = row.progress, row.target
    return {
        "plan": row.plan.title,
        "target": t.name,
        "responsible_unit": t.responsible_unit,
        "goal": goal_text(row),
        "latest": format_amount(p.actual, t.unit) + ("（年化）" if p.annualised else ""),
        "period": p.latest.period.label if p.latest else "—",
        "completion": format_percent(p.completion),
        "time_progress": format_percent(p.time_progress),
        "lag": format_points(p.lag_points),
        "gap": format_amount(p.gap, t.unit),
        "forecast": format_amount(p.forecast, t.unit) if p.forecast is not None else "—",
        "status": p.status.label,
    }


def status_json(row: StatusRow) -> dict[str, Any]:
    p, t = row.progress, row.target

    def num(v: Any) -> Any:
        return None if v is None else (str(v) if not isinstance(v, float) else round(v, 6))

    return {
        "plan": row.plan.title,
        "target_id": t.id,
        "target": t.name,
        "kind": t.kind.value,
        "unit": t.unit,
        "comparator": t.comparator.value,
        "target_value": num(t.target_value),
        "deadline": t.deadline.isoformat() if t.deadline else None,
        "responsible_unit": t.responsible_unit,
        "latest_value": num(p.actual),
        "latest_period": p.latest.period.label if p.latest else None,
        "annualised": p.annualised,
        "completion": num(p.completion),
        "time_progress": num(p.time_progress),
        "lag_points": num(p.lag_points),
        "gap": num(p.gap),
        "forecast": num(p.forecast),
        "forecast_method": p.forecast_method or None,
        "sdg_ratio": num(p.sdg_ratio),
        "status": p.status.value,
        "status_label": p.status.label,
        "notes": list(p.notes),
    }
