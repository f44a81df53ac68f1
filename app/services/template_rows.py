"""Which rows a fill-in template (填报模板) asks for, and the hidden identity that brings them back.

The data model has no reporting frequency, so the caller picks one (quarterly by default, or monthly). For each
target the template lists the period ends of that frequency that

- fall inside the plan's period and have ended by the as-of date,
- come after the target's latest reported figure (old gaps in the history are not asked for again), and
- have no figure yet,

keeping the ``max_periods`` most recent. A target that is up to date gets one row for its latest reported
period instead, so the unit can confirm or correct it (the same value again adds nothing on import). Every row
also shows the latest reported value and period, locked, for context.

The period written into a row follows the target's kind: running totals (累计数, milestones, and monitoring
indicators last reported as 累计值) ask for a point in time ("截至2025年6月底"); scales, flows and rates ask for
the year to date ("2025年1-6月"), which is how these figures are published.

Identity: "T{target id}-{check token}", the token being a SHA-256 of the data file's key and the id, so a sheet
made from another data file (where the same id means another target) is refused on import, and the names in
the sheet may be edited freely.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import DomainError
from app.domain.periods import Period, PeriodKind, as_of, end_of_month, year_to_date
from app.services.workspace import Workspace

Frequency = Literal["month", "quarter"]
FREQUENCY_LABELS: dict[str, str] = {"month": "月度", "quarter": "季度"}
DEFAULT_MAX_PERIODS = 4
NO_UNIT = "（未指定责任单位）"
_IDENTITY = re.compile(r"^\s*T(\d{1,12})-([0-9a-fA-F]{8})\s*$")


# identity ------------------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # checked on every imported row; a file has a few thousand targets
def identity_token(file_key: str, target_id: int) -> str:
    return hashlib.sha256(f"ptt-template:{file_key}:{target_id}".encode()).hexdigest()[:8]


def format_identity(file_key: str, target_id: int) -> str:
    return f"T{target_id}-{identity_token(file_key, target_id)}"


@lru_cache(maxsize=65536)
def parse_identity(text: str) -> tuple[int, str] | None:
    """(target id, token) from "T12-1a2b3c4d"; None when the text is not an identity at all."""
    m = _IDENTITY.match(text)
    return (int(m[1]), m[2].lower()) if m else None


# which rows ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TemplateRow:
    plan: Plan
    target: Target
    period: Period
    value_type: ValueType
    last: ProgressEntry | None  # the latest figure reported by the as-of date, shown for context
    confirm: bool = False  # True: the target is up to date and this row repeats its latest period


def responsible_units(ws: Workspace) -> list[str]:
    """Every responsible unit named by a target ("" shown as NO_UNIT), sorted."""
    return sorted({t.responsible_unit.strip() or NO_UNIT for t in ws.targets.all()})


def period_ends(start: date, end: date, frequency: Frequency) -> list[date]:
    step = 3 if frequency == "quarter" else 1
    ends: list[date] = []
    year, month = start.year, start.month
    if step == 3:
        month = (month + 2) // 3 * 3  # the quarter's last month
    while True:
        e = end_of_month(year, month)
        if e > end:
            return ends
        if e >= start:
            ends.append(e)
        month += step
        if month > 12:
            year, month = year + 1, month - 12


def _latest(entries: Sequence[ProgressEntry]) -> ProgressEntry | None:
    return max(entries, key=lambda e: (e.period.end, e.period.start, e.id or 0), default=None)


def _style(target: Target, last: ProgressEntry | None) -> tuple[bool, ValueType]:
    """(asks for a point in time, value type) for a target's rows."""
    kind = target.kind
    if kind in (TargetKind.CUMULATIVE, TargetKind.MILESTONE):
        return True, ValueType.CUMULATIVE
    if kind is TargetKind.MONITORING:
        if last is None or last.value_type is ValueType.CUMULATIVE or last.period.kind is PeriodKind.AS_OF:
            return True, ValueType.CUMULATIVE
        return False, last.value_type
    return False, ValueType.RATE if kind is TargetKind.RATE else ValueType.PERIOD


def rows_for_target(
    plan: Plan,
    target: Target,
    entries: Sequence[ProgressEntry],
    *,
    as_of_date: date,
    frequency: Frequency = "quarter",
    max_periods: int = DEFAULT_MAX_PERIODS,
) -> list[TemplateRow]:
    last = _latest([e for e in entries if e.period.end <= as_of_date])
    point, value_type = _style(target, last)
    covered = {e.period.end for e in entries}
    after = last.period.end if last else date.min
    ends = period_ends(plan.period_start, min(plan.period_end, as_of_date), frequency)
    missing = [e for e in ends if e > after and e not in covered][-max_periods:] if max_periods > 0 else []
    if not missing:
        if last is None:
            return []  # the plan has not reached its first period end yet
        return [TemplateRow(plan, target, last.period, last.value_type, last, confirm=True)]
    return [
        TemplateRow(plan, target, as_of(e) if point else year_to_date(e.year, e.month), value_type, last)
        for e in missing
    ]


def template_rows(
    ws: Workspace,
    *,
    unit: str | None = None,
    as_of_date: date,
    frequency: Frequency = "quarter",
    max_periods: int = DEFAULT_MAX_PERIODS,
) -> list[TemplateRow]:
    """The rows of one unit's template (every unit's when ``unit`` is None), by unit, plan and target."""
    targets = ws.targets.all()
    if unit is not None:
        units = responsible_units(ws)
        if unit not in units:
            raise DomainError(
                f"没有责任单位“{unit}”：现有 {'、'.join(units) or '（无指标）'}", field="责任单位"
            )
        targets = [t for t in targets if (t.responsible_unit.strip() or NO_UNIT) == unit]
    plans = {p.id: p for p in ws.plans.all()}
    rows: list[TemplateRow] = []
    order = sorted(targets, key=lambda t: t.responsible_unit.strip() or NO_UNIT)  # stable: plan order kept
    for target in order:
        entries = ws.entries.for_target(target.id or 0)
        rows += rows_for_target(
            plans[target.plan_id],
            target,
            entries,
            as_of_date=as_of_date,
            frequency=frequency,
            max_periods=max_periods,
        )
    return rows
