"""The bullet chart's numbers: every bar is the domain's completion, every marker its 时序进度, worst lag first.

``bad_input_cases`` is shared with tests/ui/test_bullet_chart.py, which draws the same cases.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.formatting import abbreviate, display_width
from app.domain.periods import parse_period
from app.domain.progress import Progress, evaluate
from app.domain.status import Status
from app.services.chart_bullet import (
    DRAW_MAX,
    DRAW_MIN,
    SHORT_NAME_WIDTH,
    bullet_rows,
)
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace

AS_OF = date(2025, 7, 31)
D = Decimal
PLAN = Plan(
    id=1, title="测试行动计划（2024—2026年）", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)
)


def make_target(**kw: object) -> Target:
    values: dict[str, object] = {
        "id": 1,
        "plan_id": 1,
        "name": "规上企业数字化转型",
        "kind": TargetKind.CUMULATIVE,
        "unit": "家",
        "comparator": Comparator.GE,
        "target_value": D(1590),
        "deadline": date(2026, 12, 31),
    }
    values.update(kw)
    return Target(**values)  # type: ignore[arg-type]


def entry(period: str, value: str | int, target_id: int = 1) -> ProgressEntry:
    return ProgressEntry(
        target_id=target_id,
        period=parse_period(period),
        value=D(value),
        unit="",
        value_type=ValueType.CUMULATIVE,
    )


def status_row(target: Target, entries: list[ProgressEntry], plan: Plan = PLAN) -> StatusRow:
    return StatusRow(plan, target, evaluate(plan, target, entries, AS_OF), tuple(entries))


@dataclass(frozen=True)
class Case:
    rows: list[StatusRow]
    completion: float | None  # a hand-computed figure the domain must give (None: no bar)
    drawn: float | None
    status: Status


def bad_input_cases() -> dict[str, Case]:
    """One hand-made target per awkward input, evaluated by the domain as the window would."""
    ten_years = Plan(id=2, title="十年规划", period_start=date(2015, 8, 1), period_end=date(2026, 12, 31))
    monthly = [entry(f"{2015 + (7 + i) // 12}年{(7 + i) % 12 + 1}月", 100 * (i + 1)) for i in range(120)]
    past = Plan(id=3, title="已结束的计划", period_start=date(2022, 1, 1), period_end=date(2024, 12, 31))
    level = {"kind": TargetKind.LEVEL, "unit": "亿元", "baseline_value": D(100), "target_value": D(200)}
    return {
        "no entries": Case([status_row(make_target(), [])], None, None, Status.NO_DATA),
        "one entry": Case(
            [status_row(make_target(), [entry("截至2024年12月底", 795)])], 0.5, 0.5, Status.ON_TRACK
        ),
        "all entries equal": Case(
            [status_row(make_target(), [entry(f"截至2024年{m}月底", 159) for m in (3, 6, 9, 12)])],
            0.1,
            0.1,
            Status.OFF_TRACK,
        ),
        "far beyond the target": Case(
            [status_row(make_target(target_value=D(100)), [entry("截至2025年6月底", 4120)])],
            41.2,
            DRAW_MAX,
            Status.ACHIEVED,
        ),
        "negative values": Case(
            [status_row(make_target(**level), [entry("截至2024年12月底", -50)])],
            -1.5,
            DRAW_MIN,
            Status.OFF_TRACK,
        ),
        "slightly below the baseline": Case(
            [status_row(make_target(**level), [entry("截至2024年12月底", 90)])], -0.1, -0.1, Status.OFF_TRACK
        ),
        "deadline already passed": Case(
            [status_row(make_target(plan_id=3, deadline=date(2024, 12, 31)), [entry("2024年", 795)], past)],
            0.5,
            0.5,
            Status.OVERDUE,
        ),
        "10 years of monthly data": Case(
            [status_row(make_target(plan_id=2, target_value=D(15000)), monthly, ten_years)],
            0.8,
            0.8,
            Status.AT_RISK,
        ),
    }


@pytest.fixture
def demo_rows(demo_workspace: Workspace) -> list[StatusRow]:
    return compute_statuses(demo_workspace, AS_OF)


def test_demo_bars_are_the_domains_completion_and_time_progress(demo_rows: list[StatusRow]) -> None:
    data = bullet_rows(demo_rows)
    progress = {r.target.id: r.progress for r in demo_rows}
    assert [r.name for r in data.rows] == [
        "医疗器械产业总体规模",
        "创新医疗器械品种",
        "示范区路侧基础设施智能化覆盖面积",
    ]
    for row in data.rows:
        assert row.completion == progress[row.target_id].completion
        assert row.drawn_completion == row.completion and not row.clipped
        assert row.time_progress == progress[row.target_id].time_progress
        assert row.lag_points == progress[row.target_id].lag_points
        assert row.status is progress[row.target_id].status
    assert [round(r.completion, 3) for r in data.rows] == [-0.063, 0.378, 1.0]
    assert [round(r.time_progress or 0, 3) for r in data.rows] == [0.25, 0.499, 0.748]
    assert [r.status for r in data.rows] == [Status.OFF_TRACK, Status.OFF_TRACK, Status.ACHIEVED]
    assert [r.label for r in data.rows] == ["-6.3% · 时序 25.0%", "37.8% · 时序 49.9%", "100.0% · 时序 74.8%"]
    assert data.rows[1].plan_title.startswith("北京市医疗器械产业提质升级行动计划")


def test_demo_counts_what_is_not_drawn(demo_rows: list[StatusRow]) -> None:
    data = bullet_rows(demo_rows)
    assert (data.total, data.shown, data.hidden_by_limit) == (3, 3, 0)
    assert (data.monitoring, data.no_data, data.left_out) == (14, 3, 17)
    assert data.total + data.left_out == len(demo_rows) == 20


def test_long_names_are_abbreviated_for_the_axis(demo_rows: list[StatusRow]) -> None:
    row = bullet_rows(demo_rows).rows[2]
    assert row.short_name == "示范区路侧基础设施智能化…"
    assert display_width(row.short_name) <= SHORT_NAME_WIDTH
    assert row.name == "示范区路侧基础设施智能化覆盖面积"  # the full name stays for the tooltip
    assert abbreviate("创新医疗器械品种", SHORT_NAME_WIDTH) == "创新医疗器械品种"
    assert abbreviate("AI  大模型\n备案", SHORT_NAME_WIDTH) == "AI 大模型 备案"
    assert display_width(abbreviate("x" * 100, SHORT_NAME_WIDTH)) <= SHORT_NAME_WIDTH


def _row_with(name: str, lag: float, status: Status, target_id: int) -> StatusRow:
    """A row whose Progress is given, to test ordering alone (the builder only reads these fields)."""
    progress = Progress(
        status=status, as_of=AS_OF, completion=0.5 + lag / 100, time_progress=0.5, lag_points=lag
    )
    return StatusRow(PLAN, make_target(id=target_id, name=name), progress, ())


def test_order_is_worst_lag_first_then_severity_then_name() -> None:
    rows = [
        _row_with("目标B", -12.0, Status.OFF_TRACK, 1),
        _row_with("目标C", 5.0, Status.ON_TRACK, 2),
        _row_with("目标A", -12.0, Status.OFF_TRACK, 3),
        _row_with("目标D", -12.0, Status.OVERDUE, 4),  # same lag, more severe: first among the -12s
        _row_with("目标E", -40.0, Status.OFF_TRACK, 5),
    ]
    data = bullet_rows(rows)
    assert [r.target_id for r in data.rows] == [5, 4, 3, 1, 2]
    assert [r.lag_points for r in data.rows] == sorted(r.progress.lag_points or 0 for r in rows)


def test_limit_keeps_the_worst_rows_and_counts_the_rest() -> None:
    rows = [_row_with(f"目标{i:02d}", float(-i), Status.AT_RISK, i) for i in range(1, 41)]
    data = bullet_rows(rows)  # default 30
    assert (data.shown, data.total, data.hidden_by_limit) == (30, 40, 10)
    assert [r.target_id for r in data.rows] == list(range(40, 10, -1))
    assert bullet_rows(rows, limit=5).shown == 5
    assert bullet_rows(rows, limit=0).shown == 40
    assert bullet_rows(rows, limit=None).shown == 40
    with pytest.raises(ValueError, match="limit"):
        bullet_rows(rows, limit=-1)


def test_clipped_bars_keep_the_real_number_in_the_label() -> None:
    cases = bad_input_cases()
    high = bullet_rows(cases["far beyond the target"].rows).rows[0]
    assert (high.drawn_completion, high.clipped, high.clipped_high, high.clipped_low) == (
        DRAW_MAX,
        True,
        True,
        False,
    )
    assert high.completion == pytest.approx(41.2)
    assert high.label.startswith("4120.0%")
    low = bullet_rows(cases["negative values"].rows).rows[0]
    assert (low.drawn_completion, low.clipped_low) == (DRAW_MIN, True)
    assert low.label.startswith("-150.0%")
    custom = bullet_rows(cases["far beyond the target"].rows, draw_max=5.0).rows[0]
    assert custom.drawn_completion == 5.0
    with pytest.raises(ValueError):
        bullet_rows([], draw_max=0.8)


def test_label_template_is_the_callers_and_missing_time_progress_is_left_out() -> None:
    row = bad_input_cases()["one entry"].rows[0]
    assert (
        bullet_rows([row], label_template="{completion} | {time_progress}").rows[0].label == "50.0% | 33.4%"
    )
    no_tau = replace(row, progress=replace(row.progress, time_progress=None))
    assert bullet_rows([no_tau]).rows[0].label == "50.0%"
    assert bullet_rows([no_tau]).rows[0].time_progress is None


def test_a_nan_completion_counts_as_no_data() -> None:
    row = bad_input_cases()["one entry"].rows[0]
    broken = replace(row, progress=replace(row.progress, completion=float("nan")))
    data = bullet_rows([broken])
    assert (data.shown, data.no_data, data.monitoring) == (0, 1, 0)


@pytest.mark.parametrize("name", list(bad_input_cases()))
def test_bad_inputs_give_sensible_numbers(name: str) -> None:
    case = bad_input_cases()[name]
    (row,) = case.rows
    assert row.progress.status is case.status
    data = bullet_rows(case.rows)
    if case.completion is None:
        assert data.is_empty and data.no_data == 1
        return
    (bar,) = data.rows
    assert bar.completion == row.progress.completion == pytest.approx(case.completion)
    assert bar.time_progress == row.progress.time_progress
    assert bar.drawn_completion == pytest.approx(case.drawn)
    assert DRAW_MIN <= bar.drawn_completion <= DRAW_MAX


def test_deadline_passed_and_monitoring_rows() -> None:
    overdue = bullet_rows(bad_input_cases()["deadline already passed"].rows).rows[0]
    assert overdue.time_progress == 1.0 and overdue.lag_points == pytest.approx(-50.0)
    monitor = status_row(make_target(kind=TargetKind.MONITORING, target_value=None, deadline=None), [])
    data = bullet_rows([monitor])
    assert (data.shown, data.monitoring, data.no_data) == (0, 1, 0)


def test_many_rows_build_quickly() -> None:
    rows = [_row_with(f"目标{i}", float(-(i % 97)), Status.AT_RISK, i) for i in range(5000)]
    data = bullet_rows(rows, limit=0)
    assert data.shown == 5000
    assert data.rows[0].lag_points == -96.0
