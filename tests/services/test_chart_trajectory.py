"""The trajectory chart's numbers, from the demo data on 2025-07-31 and from hand-made targets.

The helpers at the top (``row``, ``entry``, ``BAD_INPUTS``) are reused by tests/ui/test_trajectory_chart.py.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from decimal import Decimal

import pytest

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import parse_period
from app.domain.progress import evaluate
from app.domain.status import Status
from app.services.chart_trajectory import TrajectoryData, trajectory
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace

AS_OF = date(2025, 7, 31)
PLAN = Plan(id=1, title="测试计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31))
D = Decimal


def entry(period: str, value: str, unit: str, vt: ValueType = ValueType.CUMULATIVE) -> ProgressEntry:
    return ProgressEntry(
        target_id=1, period=parse_period(period), value=D(value), unit=unit, value_type=vt, source="测试来源"
    )


def row(entries: list[ProgressEntry], as_of: date = AS_OF, **target_fields: object) -> StatusRow:
    """A StatusRow for a hand-made target, evaluated by the domain as the dashboard would."""
    fields: dict[str, object] = {
        "id": 1,
        "plan_id": 1,
        "name": "手工目标",
        "kind": TargetKind.CUMULATIVE,
        "unit": "家",
        "comparator": Comparator.GE,
        "target_value": D(1590),
        "deadline": date(2026, 12, 31),
    }
    fields.update(target_fields)
    target = Target(**fields)  # type: ignore[arg-type]
    numbered = [
        e if e.id else ProgressEntry(**{**_fields(e), "id": i}) for i, e in enumerate(entries, start=1)
    ]
    return StatusRow(PLAN, target, evaluate(PLAN, target, numbered, as_of), tuple(numbered))


def _fields(e: ProgressEntry) -> dict[str, object]:
    return {name: getattr(e, name) for name in ProgressEntry.__dataclass_fields__}


def monthly_cumulative(years: int = 10) -> list[ProgressEntry]:
    """120 running totals 截至YYYY年M月底, 2015-08 … 2025-07."""
    out, value = [], 0
    for i in range(years * 12):
        y, m = 2015 + (i + 7) // 12, (i + 7) % 12 + 1
        value += 10
        out.append(entry(f"截至{y}年{m}月底", str(value), "家"))
    return out


def monthly_flow(years: int = 10) -> list[ProgressEntry]:
    """Year-to-date totals 1-M月 for ten years: each year restarts from zero."""
    out = []
    for y in range(2016, 2016 + years):
        for m in range(1, 13):
            period = f"{y}年1月" if m == 1 else f"{y}年1-{m}月"
            out.append(entry(period, str(100 * m), "P", ValueType.PERIOD))
    return out


# (id, StatusRow factory, expected number of points) — bad inputs that must still draw sensibly.
BAD_INPUTS = {
    "no entries": (lambda: row([]), 0),
    "one entry": (lambda: row([entry("截至2024年9月底", "800", "家")]), 1),
    "all entries equal": (
        lambda: row([entry(f"截至2024年{m}月底", "500", "家") for m in (3, 6, 9, 12)]),
        4,
    ),
    "far beyond the target": (
        lambda: row([entry("截至2024年9月底", "800", "家"), entry("截至2025年6月底", "90000", "家")]),
        2,
    ),
    "negative values": (
        lambda: row(
            [
                entry("2024年全年", "-30", "亿元", ValueType.PERIOD),
                entry("2025年上半年", "-5", "亿元", ValueType.PERIOD),
            ],
            kind=TargetKind.LEVEL,
            unit="亿元",
            target_value=D(10),
            baseline_value=D(-50),
        ),
        2,
    ),
    "deadline already passed": (
        lambda: row(
            [entry("截至2024年3月底", "200", "家"), entry("截至2024年9月底", "700", "家")],
            deadline=date(2024, 12, 31),
        ),
        2,
    ),
    "10 years of monthly data": (lambda: row(monthly_cumulative(), target_value=D(2000)), 120),
    "10 years of monthly flows": (
        lambda: row(
            monthly_flow(), as_of=date(2025, 12, 31), kind=TargetKind.FLOW, unit="P", target_value=D(1500)
        ),
        120,
    ),
}


@pytest.fixture
def demo_rows(demo_workspace: Workspace) -> dict[str, StatusRow]:
    return {r.target.name: r for r in compute_statuses(demo_workspace, AS_OF)}


def test_level_target_required_path_forecast_and_gap(demo_rows: dict[str, StatusRow]) -> None:
    data = trajectory(demo_rows["医疗器械产业总体规模"])
    assert data.required_path == ((date(2023, 12, 31), 352.0), (date(2026, 12, 31), 500.0))
    assert data.forecast_method == "compound"
    assert data.forecast_path is not None
    assert data.forecast_path[0] == (date(2024, 9, 30), pytest.approx(342.6667, abs=1e-4))
    assert data.forecast_path[-1] == (date(2026, 12, 31), pytest.approx(316.13, abs=0.005))
    assert data.gap is not None
    assert data.gap.text == "差距 157.33亿元"
    assert (data.gap.on, data.gap.to_value) == (date(2024, 9, 30), 500.0)
    assert data.gap.from_value == pytest.approx(342.6667, abs=1e-4)
    assert (data.target_value, data.target_text, data.y_label, data.as_of) == (
        500.0,
        ">500亿元",
        "亿元",
        AS_OF,
    )
    assert data.threshold is None
    assert not data.empty


def test_compound_forecast_bends_and_is_sampled_monthly(demo_rows: dict[str, StatusRow]) -> None:
    path = trajectory(demo_rows["医疗器械产业总体规模"]).forecast_path
    assert path is not None
    assert len(path) == 28  # 2024-09-30, 26 month ends, 2026-12-31
    assert [d for d, _ in path[1:3]] == [date(2024, 10, 31), date(2024, 11, 30)]
    steps = [b - a for (_, a), (_, b) in itertools.pairwise(path)]
    assert all(s < 0 for s in steps)  # a shrinking level: each month lower ...
    assert abs(steps[1]) > abs(steps[-2])  # ... by less and less (geometric, not a straight line)
    (d0, a), (d1, f) = path[0], path[-1]
    middle = next(v for d, v in path if d == date(2025, 11, 30))
    straight = a + (f - a) * (date(2025, 11, 30) - d0).days / (d1 - d0).days
    assert middle != pytest.approx(straight, abs=0.01)


def test_annualised_point_is_marked_and_says_so(demo_rows: dict[str, StatusRow]) -> None:
    points = trajectory(demo_rows["医疗器械产业总体规模"]).points
    assert [(p.on, p.label, p.annualised) for p in points] == [
        (date(2023, 12, 31), "2023年全年", False),
        (date(2024, 9, 30), "2024年前三季度", True),
    ]
    assert points[0].value == 352.0
    assert points[1].value == pytest.approx(342.6667, abs=1e-4)
    assert points[1].tooltip.splitlines()[:2] == ["2024年前三季度", "257亿元（年化 342.67亿元）"]
    assert "来源：《北京前三季度工业总产值近2万亿元" in points[1].tooltip
    assert "年化" not in points[0].tooltip


def test_cumulative_target_points_gap_and_tooltips(demo_rows: dict[str, StatusRow]) -> None:
    data = trajectory(demo_rows["创新医疗器械品种"])
    assert [(p.on, p.value, p.label) for p in data.points] == [
        (date(2024, 9, 30), 70.0, "截至2024年9月底"),
        (date(2025, 6, 30), 77.0, "2025年上半年"),
    ]
    assert data.points[1].tooltip.splitlines()[1] == "7个（期间值），累计 77个"
    assert data.segments == (((date(2024, 9, 30), 70.0), (date(2025, 6, 30), 77.0)),)
    assert data.required_path == ((date(2023, 12, 31), 63.0), (date(2026, 12, 31), 100.0))
    assert data.forecast_method == "linear"
    assert data.forecast_path == (
        (date(2025, 6, 30), 77.0),
        (date(2026, 12, 31), pytest.approx(demo_rows["创新医疗器械品种"].progress.forecast)),
    )
    assert data.gap is not None
    assert (data.gap.on, data.gap.from_value, data.gap.to_value, data.gap.text) == (
        date(2025, 6, 30),
        77.0,
        100.0,
        "差距 23个",
    )


def test_monitoring_indicator_is_just_its_values(demo_rows: dict[str, StatusRow]) -> None:
    data = trajectory(demo_rows["备案上线大模型"])
    assert [(p.on, p.value) for p in data.points] == [(date(2024, 9, 30), 94.0), (date(2025, 6, 30), 132.0)]
    assert (data.required_path, data.forecast_path, data.target_value, data.gap, data.deadline) == (
        None,
        None,
        None,
        None,
        None,
    )
    assert data.x_extent() == (date(2024, 9, 30), AS_OF)


def test_unit_conversion_shows_the_figure_as_reported(demo_rows: dict[str, StatusRow]) -> None:
    data = trajectory(demo_rows["工业总产值（年内累计）"])
    assert [p.value for p in data.points] == [19000.0, 13500.0]
    assert data.points[1].tooltip.splitlines()[1] == "1.35万亿元（折合 13500亿元）"


def test_target_without_entries_is_empty_but_keeps_its_path(demo_rows: dict[str, StatusRow]) -> None:
    data = trajectory(demo_rows["专业化产业园区"])
    assert data.empty
    assert data.points == () and data.segments == () and data.gap is None
    assert data.required_path == ((date(2023, 12, 31), 0.0), (date(2026, 12, 31), 5.0))


def test_flow_years_are_separate_segments_from_zero() -> None:
    r = row(
        [
            entry("2024年1-11月", "8000", "P", ValueType.PERIOD),
            entry("2025年1-3月", "2000", "P", ValueType.PERIOD),
        ],
        kind=TargetKind.FLOW,
        unit="P",
        target_value=D(10000),
    )
    data = trajectory(r)
    assert [(p.on, p.value, p.label) for p in data.points] == [
        (date(2024, 11, 30), 8000.0, "2024年1-11月"),
        (date(2025, 3, 31), 2000.0, "2025年1-3月"),
    ]
    assert data.segments == (
        ((date(2023, 12, 31), 0.0), (date(2024, 11, 30), 8000.0)),
        ((date(2024, 12, 31), 0.0), (date(2025, 3, 31), 2000.0)),
    )
    for seg in data.segments:  # no segment joins November 2024 to March 2025
        assert len({d.year for d, _ in seg[1:]}) == 1
    assert data.required_path == ((date(2024, 12, 31), 0.0), (date(2025, 12, 31), 10000.0))
    assert data.gap is not None and data.gap.text == "差距 8000P"
    assert data.forecast_path is not None and data.forecast_path[-1][0] == date(2025, 12, 31)


def test_rate_target_has_a_threshold_and_no_path() -> None:
    r = row(
        [
            entry("2024年前三季度", "6.9", "%", ValueType.RATE),
            entry("2025年上半年", "7.2", "%", ValueType.RATE),
        ],
        kind=TargetKind.RATE,
        unit="%",
        target_value=D(7),
        deadline=date(2025, 12, 31),
    )
    data = trajectory(r)
    assert (data.threshold, data.target_value, data.target_text) == (7.0, 7.0, "≥7%")
    assert data.required_path is None and data.forecast_path is None
    assert [p.value for p in data.points] == [6.9, 7.2]
    assert data.gap is not None and data.gap.text == "优于目标 0.2%" and data.gap.met
    assert data.x_extent()[1] == date(2025, 12, 31)  # the deadline line is inside the chart


def test_milestone_markers_and_deadline() -> None:
    r = row(
        [entry("2024年12月", "30", "%"), entry("2025年6月", "60", "%")],
        kind=TargetKind.MILESTONE,
        unit="%",
        target_value=D(100),
        deadline=date(2025, 12, 31),
    )
    data = trajectory(r)
    assert [(p.on, p.value) for p in data.points] == [(date(2024, 12, 31), 30.0), (date(2025, 6, 30), 60.0)]
    assert data.deadline == date(2025, 12, 31)
    assert data.required_path is None and data.forecast_path is None
    assert data.gap is not None and data.gap.text == "差距 40%" and not data.gap.met


def test_decrease_target_gap_reads_as_distance_not_sign() -> None:
    r = row(
        [entry("2024年全年", "8", "%", ValueType.RATE)],
        kind=TargetKind.RATE,
        unit="%",
        comparator=Comparator.LE,
        target_value=D(5),
    )
    data = trajectory(r)
    assert data.gap is not None
    assert (data.gap.from_value, data.gap.to_value, data.gap.text) == (8.0, 5.0, "差距 3%")


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_inputs_give_sensible_numbers(case: str) -> None:
    make, n_points = BAD_INPUTS[case]
    r = make()
    data = trajectory(r)
    assert len(data.points) == n_points
    assert data.empty == (n_points == 0)
    lo, hi = data.x_extent()
    assert lo <= hi
    if n_points:
        y = data.y_extent()
        assert y is not None and y[0] <= y[1]
        assert all(y[0] <= p.value <= y[1] for p in data.points)


def test_bad_input_details() -> None:
    far = trajectory(BAD_INPUTS["far beyond the target"][0]())
    assert far.gap is not None and far.gap.text == "优于目标 88410家"
    far_forecast = BAD_INPUTS["far beyond the target"][0]().progress.forecast
    assert far.y_extent() == (0.0, pytest.approx(far_forecast))  # the baseline and the forecast line

    negative = trajectory(BAD_INPUTS["negative values"][0]())
    assert [p.value for p in negative.points] == [-30.0, -10.0]  # 上半年 −5 annualised
    assert negative.required_path == ((date(2023, 12, 31), -50.0), (date(2026, 12, 31), 10.0))
    assert negative.forecast_method == "linear" and negative.gap is not None
    assert negative.gap.text == "差距 20亿元"

    passed_row = BAD_INPUTS["deadline already passed"][0]()
    passed = trajectory(passed_row)
    assert passed_row.progress.status is Status.OVERDUE
    assert passed.forecast_path is not None and passed.forecast_path[-1][0] == date(2024, 12, 31)
    assert passed.x_extent() == (date(2023, 12, 31), AS_OF)

    monthly = trajectory(BAD_INPUTS["10 years of monthly data"][0]())
    assert len(monthly.segments) == 1 and len(monthly.segments[0]) == 120
    assert monthly.points[-1] == (
        date(2025, 7, 31),
        1200.0,
        "截至2025年7月底",
        monthly.points[-1].tooltip,
        False,
    )

    flows = trajectory(BAD_INPUTS["10 years of monthly flows"][0]())
    assert len(flows.segments) == 10
    assert all(len(seg) == 13 and seg[0][1] == 0.0 for seg in flows.segments)  # zero on 1 January + 12 months
    assert flows.required_path == ((date(2024, 12, 31), 0.0), (date(2025, 12, 31), 1500.0))


def test_every_demo_target_builds(demo_rows: dict[str, StatusRow]) -> None:
    for name, r in demo_rows.items():
        data = trajectory(r)
        assert isinstance(data, TrajectoryData)
        assert data.title == name
        assert data.empty == (not r.progress.series)
        assert data.x_extent()[0] <= data.x_extent()[1]


def test_entries_after_the_as_of_date_are_not_drawn() -> None:
    later = AS_OF + timedelta(days=62)
    r = row(
        [entry("截至2025年6月底", "900", "家"), entry(f"截至{later.year}年{later.month}月底", "1000", "家")]
    )
    assert [p.value for p in trajectory(r).points] == [900.0]
