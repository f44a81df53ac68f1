"""Rules for plans, targets and entries, reported all at once with the field each concerns.

The GUI shows these messages next to the fields as the user types; the CLI and importers print them. Every
message says what is wrong and what is allowed.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import UnitError, ValidationError
from app.domain.numbers import format_decimal
from app.domain.units import convert, parse_unit

Problems = list[tuple[str, str]]


def plan_problems(plan: Plan) -> Problems:
    problems: Problems = []
    if not plan.title.strip():
        problems.append(("文件名称", "不能为空，请填写政策文件的标题"))
    if plan.period_end < plan.period_start:
        problems.append(
            ("实施期", f"结束日期 {plan.period_end} 早于开始日期 {plan.period_start}，请检查实施期")
        )
    return problems


def target_problems(target: Target, plan: Plan) -> Problems:
    problems: Problems = []
    if not target.name.strip():
        problems.append(("指标名称", "不能为空"))
    try:
        parse_unit(target.unit, field="单位")
    except UnitError as exc:
        problems.append(("单位", exc.message))
    if target.kind is TargetKind.MONITORING:
        return problems
    if target.target_value is None:
        problems.append(("目标值", f"{target.kind.label}类指标必须填写目标值；只跟踪不考核的请选“监测指标”"))
    if target.deadline is None:
        problems.append(("截止时间", "必须填写，如“2026-12-31”（“到2026年”即2026年底）"))
    baseline_on = target.baseline_date or (plan.period_start - timedelta(days=1))
    if target.deadline is not None and target.deadline <= baseline_on:
        problems.append(
            (
                "截止时间",
                f"截止时间 {target.deadline} 不晚于基期 {baseline_on}，无法计算时序进度；请检查截止时间或基期日期",
            )
        )
    milestone_goal = target.target_value if target.kind is TargetKind.MILESTONE else None
    if milestone_goal is not None and not Decimal(0) < milestone_goal <= Decimal(100):
        problems.append(("目标值", "里程碑类指标的目标值是完成程度，应在 0-100（%）之间，通常为 100"))
    goal, base = target.target_value, target.baseline_value
    if target.kind is TargetKind.LEVEL and base is None:
        problems.append(("基期值", "规模类指标必须填写基期值（如2023年产值352亿元），否则无法计算完成率"))
    if target.kind is TargetKind.LEVEL and base is not None and base == goal:
        problems.append(("基期值", "基期值与目标值相同，完成率无法计算；请核对基期值"))
    if goal is not None and base is not None and target.kind is not TargetKind.RATE:
        # "≥80" from a baseline of 100 would count "no change" as done: the direction must match the numbers.
        if goal < base and not target.comparator.wants_decrease and target.comparator is not Comparator.EQ:
            problems.append(
                (
                    "比较方式",
                    f"目标值 {format_decimal(goal)} 低于基期值 {format_decimal(base)}，是下降目标，比较方式应为“≤”或“<”",
                )
            )
        if goal > base and target.comparator.wants_decrease:
            problems.append(
                (
                    "比较方式",
                    f"目标值 {format_decimal(goal)} 高于基期值 {format_decimal(base)}，是增长目标，比较方式应为“≥”或“>”",
                )
            )
    return problems


def entry_problems(entry: ProgressEntry, target: Target) -> Problems:
    problems: Problems = []
    try:
        value = convert(entry.value, entry.unit, target.unit, field="单位")
    except UnitError as exc:
        problems.append(("单位", exc.message))
        return problems
    if target.kind is TargetKind.MILESTONE and not Decimal(0) <= value <= Decimal(100):
        problems.append(
            ("数值", f"里程碑的完成程度应在 0-100 之间（100 表示完成），填写的是 {format_decimal(value)}")
        )
    if target.kind is TargetKind.RATE and entry.value_type is not ValueType.RATE:
        problems.append(("数值类型", "增速/占比类指标的填报应为“比率”"))
    return problems


def validate_plan(plan: Plan) -> None:
    _raise_if(plan_problems(plan))


def validate_target(target: Target, plan: Plan) -> None:
    _raise_if(target_problems(target, plan))


def validate_entry(entry: ProgressEntry, target: Target) -> None:
    _raise_if(entry_problems(entry, target))


def _raise_if(problems: Problems) -> None:
    if problems:
        raise ValidationError(problems)
