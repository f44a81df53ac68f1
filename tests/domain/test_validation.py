"""Every rule names its field and says what is allowed; all problems are reported at once."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import ValidationError
from app.domain.periods import parse_period
from app.domain.validation import entry_problems, plan_problems, target_problems, validate_entry

PLAN = Plan(id=1, title="计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31))
SCALE = Target(
    id=1,
    plan_id=1,
    name="总体规模",
    kind=TargetKind.LEVEL,
    unit="亿元",
    comparator=Comparator.GT,
    target_value=Decimal(500),
    deadline=date(2026, 12, 31),
    baseline_value=Decimal(352),
)


def entry(value: str, unit: str, vt: ValueType = ValueType.PERIOD) -> ProgressEntry:
    return ProgressEntry(
        target_id=1, period=parse_period("2024年前三季度"), value=Decimal(value), unit=unit, value_type=vt
    )


def test_a_good_target_and_entry_pass() -> None:
    assert target_problems(SCALE, PLAN) == []
    assert entry_problems(entry("257", "亿元"), SCALE) == []
    assert entry_problems(entry("2.57", "百亿元"), SCALE) == []
    assert entry_problems(entry("257", ""), SCALE) == []  # a bare number is in the target's unit


def test_plan_title_and_period() -> None:
    bad = Plan(title="  ", period_start=date(2026, 1, 1), period_end=date(2024, 12, 31))
    problems = plan_problems(bad)
    assert [f for f, _ in problems] == ["文件名称", "实施期"]
    assert "2024-12-31" in problems[1][1] and "2026-01-01" in problems[1][1]


def test_deadline_before_baseline() -> None:
    t = Target(**{**_fields(SCALE), "deadline": date(2023, 12, 31)})
    problems = target_problems(t, PLAN)
    assert problems == [("截止时间", problems[0][1])]
    assert "2023-12-31" in problems[0][1] and "基期" in problems[0][1]


def test_unknown_unit_is_named() -> None:
    problems = target_problems(Target(**{**_fields(SCALE), "unit": "亿卢布"}), PLAN)
    assert problems[0][0] == "单位" and "亿卢布" in problems[0][1]


def test_monitoring_indicator_needs_no_target_value_or_deadline() -> None:
    t = Target(**{**_fields(SCALE), "kind": TargetKind.MONITORING, "target_value": None, "deadline": None})
    assert target_problems(t, PLAN) == []
    t2 = Target(**{**_fields(SCALE), "target_value": None, "deadline": None})
    assert [f for f, _ in target_problems(t2, PLAN)] == ["目标值", "截止时间"]


def test_level_baseline_equal_to_target() -> None:
    t = Target(**{**_fields(SCALE), "baseline_value": Decimal(500)})
    assert target_problems(t, PLAN)[0][0] == "基期值"


def test_milestone_target_is_a_percentage() -> None:
    t = Target(**{**_fields(SCALE), "kind": TargetKind.MILESTONE, "unit": "%", "target_value": Decimal(150)})
    assert target_problems(t, PLAN)[0] == (
        "目标值",
        "里程碑类指标的目标值是完成程度，应在 0-100（%）之间，通常为 100",
    )


def test_incompatible_entry_unit_names_both_units() -> None:
    with pytest.raises(ValidationError) as err:
        validate_entry(entry("149", "家"), SCALE)
    assert err.value.field == "单位"
    assert "家" in err.value.message and "亿元" in err.value.message


def test_rate_target_wants_rate_entries() -> None:
    rate = Target(**{**_fields(SCALE), "kind": TargetKind.RATE, "unit": "%", "target_value": Decimal(7)})
    assert entry_problems(entry("6.9", "%", ValueType.RATE), rate) == []
    assert entry_problems(entry("6.9", "%", ValueType.PERIOD), rate)[0][0] == "数值类型"


def test_milestone_entry_range() -> None:
    ms = Target(**{**_fields(SCALE), "kind": TargetKind.MILESTONE, "unit": "%", "target_value": Decimal(100)})
    assert entry_problems(entry("100", "%"), ms) == []
    problems = entry_problems(entry("120", "%"), ms)
    assert problems[0][0] == "数值" and "120" in problems[0][1]


def _fields(t: Target) -> dict[str, object]:
    return {name: getattr(t, name) for name in Target.__dataclass_fields__}


def test_level_target_needs_a_baseline() -> None:
    problems = target_problems(Target(**{**_fields(SCALE), "baseline_value": None}), PLAN)
    assert problems[0][0] == "基期值" and "规模类指标必须填写基期值" in problems[0][1]


@pytest.mark.parametrize(
    ("comparator", "goal", "base", "wanted"),
    [(Comparator.GE, 80, 100, "“≤”或“<”"), (Comparator.LE, 120, 100, "“≥”或“>”")],
)
def test_comparator_must_point_the_way_the_numbers_go(
    comparator: Comparator, goal: int, base: int, wanted: str
) -> None:
    t = Target(
        **{
            **_fields(SCALE),
            "comparator": comparator,
            "target_value": Decimal(goal),
            "baseline_value": Decimal(base),
        }
    )
    problems = target_problems(t, PLAN)
    assert [f for f, _ in problems] == ["比较方式"]
    assert wanted in problems[0][1]
