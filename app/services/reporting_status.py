"""报送情况: for one reporting period, which responsible units have reported for which targets, which have not,
and which were late. The same records feed the window's table, an Excel sheet and the CLI.

Rules:
- A target is expected to report for period P when its plan's period overlaps P.
- It has reported for P when it has a figure whose period ends in P's last month: for 2025年6月 (and equally
  for 2025年第二季度) "截至2025年6月底", "2025年6月", "2025年1-6月", "2025年上半年" and "2025年第二季度" all
  count; an April figure does not count for the quarter.
- Reported at: when the first such figure was entered (a later correction does not make a report late).
- Due date: ``due_days`` (default 10) days after P ends; a figure entered on the due date is on time.
  Entered later: 逾期报送. No figure: 未报送 once the due date has passed, 待报送 until then.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from openpyxl.styles import Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.errors import UnitError
from app.domain.formatting import format_amount, format_percent
from app.domain.periods import Period, parse_period
from app.domain.units import convert
from app.services.template_rows import NO_UNIT
from app.services.workspace import Workspace

DEFAULT_DUE_DAYS = 10


class ReportingState(enum.StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"

    @property
    def label(self) -> str:
        return {"on_time": "按时报送", "late": "逾期报送", "missing": "未报送", "pending": "待报送"}[
            self.value
        ]

    @property
    def reported(self) -> bool:
        return self in (ReportingState.ON_TIME, ReportingState.LATE)


@dataclass(frozen=True, slots=True)
class ReportingRow:
    unit: str  # the responsible unit, NO_UNIT when the target names none
    plan: Plan
    target: Target
    state: ReportingState
    entries: tuple[ProgressEntry, ...]  # the figures that count for the period, oldest entry first
    reported_at: datetime | None
    due: date

    @property
    def latest(self) -> ProgressEntry | None:
        """The figure that stands (the last one entered)."""
        return self.entries[-1] if self.entries else None

    @property
    def days_late(self) -> int | None:
        if self.reported_at is None or self.state is not ReportingState.LATE:
            return None
        return (self.reported_at.date() - self.due).days


@dataclass(frozen=True, slots=True)
class UnitSummary:
    unit: str
    targets: int
    on_time: int
    late: int
    missing: int
    pending: int

    @property
    def reported(self) -> int:
        return self.on_time + self.late

    @property
    def rate(self) -> float | None:
        """Share of targets reported; None for a unit with no targets in the period."""
        return self.reported / self.targets if self.targets else None


@dataclass(frozen=True, slots=True)
class ReportingStatus:
    period: Period
    due: date
    due_days: int
    today: date
    rows: tuple[ReportingRow, ...]
    units: tuple[UnitSummary, ...]

    def counts(self) -> dict[ReportingState, int]:
        counts = dict.fromkeys(ReportingState, 0)
        for r in self.rows:
            counts[r.state] += 1
        return counts


def _counts_for(entry: ProgressEntry, period: Period) -> bool:
    end = entry.period.end
    return (end.year, end.month) == (period.end.year, period.end.month) and end <= period.end


def reporting_status(
    ws: Workspace, period: Period | str, *, due_days: int = DEFAULT_DUE_DAYS, today: date | None = None
) -> ReportingStatus:
    """Every expected (unit, target) for ``period`` ("2025年6月" or a Period) with its reporting state."""
    if isinstance(period, str):
        period = parse_period(period)
    if due_days < 0:
        raise ValueError("due_days must be >= 0")
    day = today or ws.clock().date()
    due = period.end + timedelta(days=due_days)
    plans = {p.id: p for p in ws.plans.all()}
    rows: list[ReportingRow] = []
    for target in ws.targets.all():
        plan = plans[target.plan_id]
        if plan.period_end < period.start or plan.period_start > period.end:
            continue
        found = sorted(
            (e for e in ws.entries.for_target(target.id or 0) if _counts_for(e, period)),
            key=lambda e: (e.entered_at or datetime.min, e.id or 0),
        )
        reported_at = found[0].entered_at if found else None
        if found:
            late = reported_at is not None and reported_at.date() > due
            state = ReportingState.LATE if late else ReportingState.ON_TIME
        else:
            state = ReportingState.PENDING if day <= due else ReportingState.MISSING
        unit = target.responsible_unit.strip() or NO_UNIT
        rows.append(ReportingRow(unit, plan, target, state, tuple(found), reported_at, due))
    rows.sort(key=lambda r: r.unit)  # stable: plan and target order kept within a unit
    return ReportingStatus(period, due, due_days, day, tuple(rows), tuple(_summaries(rows)))


def _summaries(rows: Sequence[ReportingRow]) -> list[UnitSummary]:
    by_unit: dict[str, list[ReportingRow]] = {}
    for r in rows:
        by_unit.setdefault(r.unit, []).append(r)
    summaries = []
    for unit, members in by_unit.items():
        states = [r.state for r in members]
        summaries.append(
            UnitSummary(
                unit,
                len(members),
                states.count(ReportingState.ON_TIME),
                states.count(ReportingState.LATE),
                states.count(ReportingState.MISSING),
                states.count(ReportingState.PENDING),
            )
        )
    return summaries


# records for the table, the CLI, JSON and Excel ------------------------------------------------------

COLUMNS = (
    ("unit", "责任单位"),
    ("plan", "政策文件"),
    ("target", "指标"),
    ("state", "报送情况"),
    ("reported_period", "报告期"),
    ("value", "数值"),
    ("reported_at", "报送时间"),
    ("due", "报送截止"),
    ("days_late", "逾期天数"),
)
UNIT_COLUMNS = (
    ("unit", "责任单位"),
    ("targets", "指标数"),
    ("on_time", "按时报送"),
    ("late", "逾期报送"),
    ("missing", "未报送"),
    ("pending", "待报送"),
    ("rate", "报送率"),
)


def _value(row: ReportingRow) -> str:
    e = row.latest
    if e is None:
        return ""
    try:
        return format_amount(convert(e.value, e.unit, row.target.unit), row.target.unit)
    except UnitError:
        return format_amount(e.value, e.unit)


def row_values(row: ReportingRow) -> dict[str, Any]:
    """Typed values (dates as dates, numbers as numbers) keyed as COLUMNS: for Excel and JSON."""
    return {
        "unit": row.unit,
        "plan": row.plan.title,
        "target": row.target.name,
        "state": row.state.label,
        "reported_period": row.latest.period.label if row.latest else "",
        "value": _value(row),
        "reported_at": row.reported_at,
        "due": row.due,
        "days_late": row.days_late,
    }


def row_record(row: ReportingRow) -> dict[str, str]:
    """The same row as text, for the CLI table and the window."""
    values = row_values(row)
    at = row.reported_at
    values["reported_at"] = f"{at:%Y-%m-%d %H:%M}" if at else "—"
    values["due"] = f"{row.due:%Y-%m-%d}"
    values["days_late"] = str(row.days_late) if row.days_late is not None else ""
    return {k: str(v) for k, v in values.items()}


def unit_record(summary: UnitSummary) -> dict[str, str]:
    return {
        "unit": summary.unit,
        "targets": str(summary.targets),
        "on_time": str(summary.on_time),
        "late": str(summary.late),
        "missing": str(summary.missing),
        "pending": str(summary.pending),
        "rate": format_percent(summary.rate),
    }


def reporting_json(status: ReportingStatus) -> dict[str, Any]:
    def row_json(r: ReportingRow) -> dict[str, Any]:
        values = row_values(r)
        values["state"] = r.state.value
        values["state_label"] = r.state.label
        values["target_id"] = r.target.id
        values["reported_at"] = r.reported_at.isoformat(timespec="seconds") if r.reported_at else None
        values["due"] = r.due.isoformat()
        return values

    return {
        "period": status.period.label,
        "due": status.due.isoformat(),
        "due_days": status.due_days,
        "today": status.today.isoformat(),
        "counts": {s.value: n for s, n in status.counts().items()},
        "units": [
            {
                "unit": u.unit,
                "targets": u.targets,
                "on_time": u.on_time,
                "late": u.late,
                "missing": u.missing,
                "pending": u.pending,
                "rate": u.rate,
            }
            for u in status.units
        ],
        "rows": [row_json(r) for r in status.rows],
    }


_STATE_FILLS = {
    ReportingState.LATE: PatternFill("solid", fgColor="FCE4C4"),
    ReportingState.MISSING: PatternFill("solid", fgColor="F8D0CD"),
}


def add_reporting_sheet(workbook: Any, status: ReportingStatus, title: str = "报送情况") -> Any:
    """Append a 报送情况 sheet to an openpyxl workbook (a report appendix): the per-unit counts, then every row."""
    sheet = workbook.create_sheet(title)
    sheet.append(
        [f"报送情况：{status.period.label}（报送截止 {status.due:%Y-%m-%d}，期末后 {status.due_days} 天）"]
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([h for _, h in UNIT_COLUMNS])
    for u in status.units:
        sheet.append([u.unit, u.targets, u.on_time, u.late, u.missing, u.pending, u.rate])
        sheet.cell(sheet.max_row, len(UNIT_COLUMNS)).number_format = "0.0%"
    sheet.append([])
    header_row = sheet.max_row + 1
    sheet.append([h for _, h in COLUMNS])
    for r in status.rows:
        values = row_values(r)
        sheet.append([values[k] for k, _ in COLUMNS])
        row = sheet.max_row
        sheet.cell(row, 7).number_format = "yyyy-mm-dd hh:mm"
        sheet.cell(row, 8).number_format = "yyyy-mm-dd"
        fill = _STATE_FILLS.get(r.state)
        if fill is not None:
            sheet.cell(row, 4).fill = fill
    for row in (3, header_row):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for col, width in enumerate((26, 34, 30, 10, 18, 14, 17, 12, 9), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    return sheet
