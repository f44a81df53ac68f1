"""From an accepted candidate to the domain's Target / ProgressEntry, ready for ``Editor.add_target`` /
``Editor.add_entry`` (which validate and audit). The review table lets the user change any field first,
typically with ``dataclasses.replace(candidate, indicator=…)``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from app.domain import periods
from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import DomainError
from app.domain.numbers import format_decimal
from app.domain.periods import Period, PeriodKind
from app.domain.units import convert, parse_unit
from app.services.extraction.model import Candidate
from app.services.text_input import default_value_type

_RATE_UNITS = frozenset({"%", "个百分点", "百分点", "倍"})
_LEVEL_WORDS = re.compile(r"规模|产值|营收|收入|增加值|总值|投资|利润|零售额|出口|进口|产量|销量|能耗|用水量")
_FLOW_LABEL = re.compile(r"^([0-9]{4})-([0-9]{2})\.\.([0-9]{4})-([0-9]{2})$")
_STOCK_LABEL = re.compile(r"^\.\.([0-9]{4})-([0-9]{2})$")
_YEAR = re.compile(r"^[0-9]{4}$")


def guess_kind(candidate: Candidate) -> TargetKind:
    """累计数 for counts, 规模 for amounts of money or output, 增速/占比 for %, 倍 and 个百分点."""
    if candidate.unit in _RATE_UNITS:
        return TargetKind.RATE
    try:
        base = parse_unit(candidate.unit).base
    except DomainError:
        base = ""
    if base in ("元", "美元") or _LEVEL_WORDS.search(candidate.indicator):
        return TargetKind.LEVEL
    return TargetKind.CUMULATIVE


def deadline_date(text: str | None, *, field: str = "截止时间") -> date | None:
    """ "2026" → 2026-12-31 (到2026年 means its end), "2025-06-30" → that day; None stays None."""
    if text is None:
        return None
    if _YEAR.match(text):
        return date(int(text), 12, 31)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError(f"“{text}”不是有效的日期，应写作 2026 或 2026-12-31", field=field) from None


def period_from_label(label: str | None, *, field: str = "报告期") -> Period:
    """ "2024-01..2024-09" → 2024年前三季度; "..2025-06" → 截至2025年6月底."""
    if not label:
        raise DomainError("候选值没有报告期，请先填写报告期（如“2024年前三季度”）", field=field)
    if m := _STOCK_LABEL.match(label):
        y, mo = int(m[1]), int(m[2])
        if not 1 <= mo <= 12:
            raise DomainError(f"“{label}”中的月份无效", field=field)
        return periods.as_of(periods.end_of_month(y, mo), field=field)
    m = _FLOW_LABEL.match(label)
    if m is None:
        raise DomainError(f"“{label}”不是有效的报告期，应写作 2024-01..2024-09 或 ..2025-06", field=field)
    y1, m1, y2, m2 = (int(g) for g in m.groups())
    if y1 != y2:
        if not (1 <= m1 <= 12 and 1 <= m2 <= 12) or (y2, m2) < (y1, m1):
            raise DomainError(f"“{label}”不是有效的报告期", field=field)
        return Period(date(y1, m1, 1), periods.end_of_month(y2, m2), PeriodKind.RANGE)
    if (m1, m2) in ((1, 6), (7, 12)):
        return periods.half(y1, 1 if m1 == 1 else 2, field=field)
    if m2 == m1 + 2 and m1 % 3 == 1:
        return periods.quarter(y1, (m1 + 2) // 3, field=field)
    return periods.parse_period(f"{y1}年{m1}-{m2}月" if m1 != m2 else f"{y1}年{m1}月", field=field)


def _notes(candidate: Candidate) -> str:
    parts = []
    if candidate.hedge:
        parts.append(f"原文为“{candidate.hedge}”目标")
    if candidate.approx:
        parts.append("原文为约数")
    if candidate.value_max is not None:
        parts.append(f"原文为区间，上限 {format_decimal(candidate.value_max)}{candidate.unit}")
    return "；".join(parts)


def target_from_candidate(
    candidate: Candidate,
    plan: Plan,
    *,
    kind: TargetKind | None = None,
    category: str = "",
    responsible_unit: str = "",
) -> Target:
    """The target a candidate proposes; without a deadline in the text the plan's end is used.

    A range ("3到5个") keeps its lower bound as the goal and notes the upper one; "约" and "力争" are noted.
    """
    if plan.id is None:
        raise DomainError("请先保存政策文件，再添加指标", field="政策文件")
    baseline_on = deadline_date(candidate.baseline_date, field="基期日期")
    return Target(
        plan_id=plan.id,
        name=candidate.indicator.strip(),
        kind=kind or guess_kind(candidate),
        unit=candidate.unit,
        comparator=Comparator(candidate.comparator),
        target_value=candidate.value,
        deadline=deadline_date(candidate.deadline) or plan.period_end,
        baseline_value=candidate.baseline_value,
        baseline_date=baseline_on,
        category=category,
        responsible_unit=responsible_unit,
        source_quote=candidate.quote,
        notes=_notes(candidate),
    )


def entry_from_candidate(candidate: Candidate, target: Target, *, source: str = "") -> ProgressEntry:
    """The reported figure a candidate proposes, for ``target``; the unit must convert to the target's."""
    period = period_from_label(candidate.period)
    convert(candidate.value, candidate.unit, target.unit, field="单位")  # UnitError names the mismatch
    if target.kind is TargetKind.RATE or candidate.unit in _RATE_UNITS:
        value_type = ValueType.RATE
    else:
        value_type = default_value_type(target.kind, period)
    note = f"原文：{candidate.quote}" if candidate.quote else ""
    if candidate.comparator != "=" or candidate.approx:
        note = f"{note}（原文为{'约数' if candidate.approx else '“' + candidate.comparator + '”'}）"
    return ProgressEntry(
        target_id=target.id or 0,
        period=period,
        value=candidate.value,
        unit=candidate.unit,
        value_type=value_type,
        source=source,
        note=note,
    )


def value_in(candidate: Candidate, unit: str) -> Decimal:
    """The candidate's value in another unit (1.35 万亿元 → 13500 亿元)."""
    return convert(candidate.value, candidate.unit, unit, field="单位")
