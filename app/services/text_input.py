"""From what a user types (CLI arguments, a grid cell, a sheet row) to plans, targets and entries.

Every field is read; all problems are collected and raised together as one ValidationError, each naming its
field, so the user fixes everything in one go. Nothing here writes: the Editor saves what this returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TypeVar

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import DomainError, UnitError, ValidationError
from app.domain.numbers import parse_quantity
from app.domain.periods import Period, PeriodKind, parse_deadline, parse_period
from app.domain.units import convert

T = TypeVar("T")

COMPARATOR_WORDS = {
    ">=": Comparator.GE, "≥": Comparator.GE, "以上": Comparator.GE, "不低于": Comparator.GE, "不少于": Comparator.GE,
    "达到": Comparator.GE, ">": Comparator.GT, "超": Comparator.GT, "超过": Comparator.GT, "突破": Comparator.GT,
    "<=": Comparator.LE, "≤": Comparator.LE, "不高于": Comparator.LE, "以内": Comparator.LE, "不超过": Comparator.LE,
    "<": Comparator.LT, "低于": Comparator.LT, "=": Comparator.EQ,
}  # fmt: skip
KIND_WORDS = {k.value: k for k in TargetKind} | {k.label: k for k in TargetKind}
VALUE_TYPE_WORDS = {v.value: v for v in ValueType} | {v.label: v for v in ValueType}
DEFAULT_VALUE_TYPE = {
    TargetKind.CUMULATIVE: ValueType.CUMULATIVE,
    TargetKind.LEVEL: ValueType.PERIOD,
    TargetKind.FLOW: ValueType.PERIOD,
    TargetKind.RATE: ValueType.RATE,
    TargetKind.MILESTONE: ValueType.CUMULATIVE,
    TargetKind.MONITORING: ValueType.CUMULATIVE,
}
MILESTONE_WORDS = {
    "完成": Decimal(100),
    "已完成": Decimal(100),
    "是": Decimal(100),
    "未完成": Decimal(0),
    "否": Decimal(0),
}


def default_value_type(kind: TargetKind, period: Period) -> ValueType:
    """For counts, "截至6月底 77个" is a running total but "1-9月 9个" is what was added in those months."""
    if kind is TargetKind.CUMULATIVE and period.kind is not PeriodKind.AS_OF:
        return ValueType.PERIOD
    return DEFAULT_VALUE_TYPE[kind]


class _Collector:
    """Reads fields one by one, keeping every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[tuple[str, str]] = []

    def read(
        self, field: str, text: str | None, parse: Callable[[str], T], *, required: bool = True
    ) -> T | None:
        text = (text or "").strip()
        if not text:
            if required:
                self.problems.append((field, "不能为空"))
            return None
        try:
            return parse(text)
        except DomainError as exc:
            self.problems.append((field, exc.message))
            return None

    def fail(self, field: str, message: str) -> None:
        self.problems.append((field, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def _date(text: str, field: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return parse_deadline(text, field=field)


def _period(text: str, default_year: int | None, reference: date | None) -> Period:
    if default_year is not None or reference is None:
        return parse_period(text, default_year=default_year)
    this_year = parse_period(text, default_year=reference.year)
    if this_year.end <= reference:
        return this_year
    last_year = parse_period(text, default_year=reference.year - 1)
    return last_year if last_year != this_year else this_year  # equal: the text named its own year


def _choice(words: dict[str, T], what: str) -> Callable[[str], T]:
    def parse(text: str) -> T:
        if text not in words:
            raise DomainError(f"“{text}”不是可选的{what}：可选 {'、'.join(words)}")
        return words[text]

    return parse


def _amount_in(unit: str, field: str) -> Callable[[str], Decimal]:
    """A figure typed with or without its unit ("500", "500亿元", "5万亿") in the target's unit."""

    def parse(text: str) -> Decimal:
        quantity = parse_quantity(text, field=field)
        return convert(quantity.value, quantity.unit, unit, field=field)

    return parse


def plan_from_text(
    title: str, start: str, end: str, *, issuer: str = "", doc_number: str = "", notes: str = ""
) -> Plan:
    c = _Collector()
    if not title.strip():
        c.fail("文件名称", "不能为空，请填写政策文件的标题")
    period_start = c.read("开始日期", start, lambda t: _date(t, "开始日期"))
    period_end = c.read("结束日期", end, lambda t: _date(t, "结束日期"))
    c.raise_if_any()
    assert period_start is not None and period_end is not None
    return Plan(
        title=title.strip(),
        period_start=period_start,
        period_end=period_end,
        issuer=issuer.strip(),
        doc_number=doc_number.strip(),
        notes=notes,
    )


@dataclass
class TargetText:
    """A target as typed: every field a string, as in a form or a spreadsheet row."""

    name: str
    kind: str
    unit: str
    target_value: str = ""
    deadline: str = ""
    comparator: str = ">="
    baseline_value: str = ""
    baseline_date: str = ""
    category: str = ""
    responsible_unit: str = ""
    source_quote: str = ""
    notes: str = ""


def target_from_text(plan_id: int, form: TargetText) -> Target:
    c = _Collector()
    kind = c.read("类型", form.kind, _choice(KIND_WORDS, "指标类型"))
    comparator = c.read("比较方式", form.comparator, _choice(COMPARATOR_WORDS, "比较方式"), required=False)
    needs_goal = kind is not None and kind is not TargetKind.MONITORING
    goal = c.read("目标值", form.target_value, _amount_in(form.unit, "目标值"), required=needs_goal)
    deadline = c.read("截止时间", form.deadline, lambda t: _date(t, "截止时间"), required=needs_goal)
    baseline = c.read("基期值", form.baseline_value, _amount_in(form.unit, "基期值"), required=False)
    baseline_on = c.read("基期日期", form.baseline_date, lambda t: _date(t, "基期日期"), required=False)
    if not form.name.strip():
        c.fail("指标名称", "不能为空")
    c.raise_if_any()
    assert kind is not None
    return Target(
        plan_id=plan_id,
        name=form.name.strip(),
        kind=kind,
        unit=form.unit.strip(),
        comparator=comparator or Comparator.GE,
        target_value=goal,
        deadline=deadline,
        baseline_value=baseline,
        baseline_date=baseline_on,
        category=form.category.strip(),
        responsible_unit=form.responsible_unit.strip(),
        source_quote=form.source_quote.strip(),
        notes=form.notes,
    )


def entry_from_text(
    target: Target,
    period: str,
    value: str,
    *,
    value_type: str = "",
    source: str = "",
    reporter: str = "",
    note: str = "",
    default_year: int | None = None,
    reference: date | None = None,
) -> ProgressEntry:
    """One reported figure: "2024年前三季度" + "257亿元" for a target in 亿元 (the unit is kept as typed).

    A period typed without a year ("前三季度") means ``default_year``, or else its latest occurrence that has
    ended by ``reference`` (the as-of date): in January 2026 "第四季度" is 2025's fourth quarter.
    """
    c = _Collector()
    parsed_period = c.read("报告期", period, lambda t: _period(t, default_year, reference))
    vtype = c.read("数值类型", value_type, _choice(VALUE_TYPE_WORDS, "数值类型"), required=False)
    text = (value or "").strip()
    quantity_value, unit, qualifier = None, "", ""
    if target.kind is TargetKind.MILESTONE and text in MILESTONE_WORDS:
        quantity_value, unit = MILESTONE_WORDS[text], "%"
    elif not text:
        c.fail("数值", "不能为空")
    else:
        try:
            quantity = parse_quantity(text, field="数值")
            convert(quantity.value, quantity.unit, target.unit, field="单位")
            quantity_value, unit, qualifier = quantity.value, quantity.unit, quantity.qualifier
        except UnitError as exc:
            c.fail("单位", exc.message)
        except DomainError as exc:
            c.fail("数值", exc.message)
    c.raise_if_any()
    assert parsed_period is not None and quantity_value is not None
    full_note = note if not qualifier else (f"{note}（原文：{text}）" if note else f"原文：{text}")
    return ProgressEntry(
        target_id=target.id or 0,
        period=parsed_period,
        value=quantity_value,
        unit=unit,
        value_type=vtype or default_value_type(target.kind, parsed_period),
        source=source.strip(),
        reporter=reporter.strip(),
        note=full_note,
    )
