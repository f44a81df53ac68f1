"""The status overview's numbers: counts per plan or unit on the demo data and on hand-made targets."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.formatting import abbreviate, display_width
from app.domain.periods import month
from app.domain.progress import evaluate
from app.domain.status import Status
from app.services.chart_overview import (
    NO_UNIT_NAME,
    SHORT_NAME_WIDTH,
    OverviewData,
    limit_groups,
    status_overview,
)
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace

AS_OF = date(2025, 7, 31)
OPERATIONS = "市经济和信息化局经济运行处"
BUREAU = "市经济和信息化局"


@pytest.fixture
def demo_rows(demo_workspace: Workspace) -> list[StatusRow]:
    return compute_statuses(demo_workspace, AS_OF)


def group_named(data: OverviewData, part: str) -> object:
    (group,) = [g for g in data.groups if part in g.name]
    return group


def nonzero(counts: dict[Status, int]) -> dict[Status, int]:
    return {s: c for s, c in counts.items() if c}


def test_per_plan_on_the_demo_data(demo_rows: list[StatusRow]) -> None:
    data = status_overview(demo_rows)
    assert data.by == "plan"
    assert data.statuses == (
        Status.OVERDUE,
        Status.OFF_TRACK,
        Status.AT_RISK,
        Status.NO_DATA,
        Status.ON_TRACK,
        Status.ACHIEVED,
    )
    medical = group_named(data, "医疗器械")
    assert nonzero(medical.counts) == {Status.OFF_TRACK: 2, Status.NO_DATA: 1}  # its 监测 indicator left out
    assert (medical.total, medical.attention) == (3, 2)
    assert medical.short_name == "北京市医疗器械产业提质升级…"
    assert nonzero(group_named(data, "制造业数字化转型方案").counts) == {Status.NO_DATA: 1}
    assert nonzero(group_named(data, "自动驾驶示范区").counts) == {Status.ACHIEVED: 1}
    # Plans holding only monitoring indicators get no bar; the caption counts what was left out.
    assert len(data.groups) == 4
    assert data.left_out == {Status.MONITORING: 14}
    assert data.left_out_total == 14
    assert data.max_total == 3


def test_groups_come_most_attention_first_then_by_name(demo_rows: list[StatusRow]) -> None:
    data = status_overview(demo_rows)
    assert "医疗器械" in data.groups[0].name
    rest = [g.name for g in data.groups[1:]]
    assert rest == sorted(rest)
    assert [g.attention for g in data.groups] == [2, 0, 0, 0]


def test_keys_are_plan_ids_and_unit_names(demo_rows: list[StatusRow]) -> None:
    by_plan = status_overview(demo_rows)
    medical_id = next(r.plan.id for r in demo_rows if "医疗器械" in r.plan.title)
    assert by_plan.groups[0].key == medical_id
    by_unit = status_overview(demo_rows, by="unit")
    assert [g.key for g in by_unit.groups] == [OPERATIONS, BUREAU]


def test_per_unit_on_the_demo_data(demo_rows: list[StatusRow]) -> None:
    data = status_overview(demo_rows, by="unit")
    operations, bureau = data.groups
    assert operations.name == OPERATIONS
    assert nonzero(operations.counts) == {Status.OFF_TRACK: 2}
    assert nonzero(bureau.counts) == {Status.NO_DATA: 3, Status.ACHIEVED: 1}
    assert data.left_out == {Status.MONITORING: 14}  # 数字产业处 has only monitoring indicators: no bar


def test_including_monitoring_adds_its_segments(demo_rows: list[StatusRow]) -> None:
    data = status_overview(demo_rows, include_monitoring=True)
    assert data.statuses[-1] is Status.MONITORING
    assert data.left_out == {}
    medical = group_named(data, "医疗器械")
    assert nonzero(medical.counts) == {Status.OFF_TRACK: 2, Status.NO_DATA: 1, Status.MONITORING: 1}
    assert medical.starts == {
        Status.OVERDUE: 0,
        Status.OFF_TRACK: 0,
        Status.AT_RISK: 2,
        Status.NO_DATA: 2,
        Status.ON_TRACK: 3,
        Status.ACHIEVED: 3,
        Status.MONITORING: 3,
    }
    assert len(data.groups) == 7
    assert sum(g.total for g in data.groups) == len(demo_rows) == 20
    by_unit = status_overview(demo_rows, by="unit", include_monitoring=True)
    assert nonzero(group_named(by_unit, "数字产业处").counts) == {Status.MONITORING: 4}


def test_segment_starts_are_running_sums(demo_rows: list[StatusRow]) -> None:
    for group in status_overview(demo_rows, include_monitoring=True).groups:
        running = 0
        for status, count in group.counts.items():
            assert group.starts[status] == running
            running += count
        assert running == group.total


def test_no_rows_at_all() -> None:
    data = status_overview([])
    assert data.is_empty
    assert (data.groups, data.left_out, data.max_total) == ((), {}, 0)


def test_a_bad_grouping_is_refused(demo_rows: list[StatusRow]) -> None:
    with pytest.raises(ValueError, match="plan"):
        status_overview(demo_rows, by="category")  # type: ignore[arg-type]


def test_targets_without_a_unit_share_one_group(demo_rows: list[StatusRow]) -> None:
    rows = [replace(r, target=replace(r.target, responsible_unit="  ")) for r in demo_rows]
    (group,) = status_overview(rows, by="unit").groups
    assert (group.key, group.name, group.total) == ("", NO_UNIT_NAME, 6)


def test_a_row_limit_keeps_the_groups_needing_attention(demo_rows: list[StatusRow]) -> None:
    rows = [
        replace(
            r, target=replace(r.target, responsible_unit=f"区经济和信息化局产业发展与运行监测第{i:03d}科")
        )
        for i, r in enumerate(demo_rows * 10)
    ]
    full = status_overview(rows, by="unit")
    assert len(full.groups) == 60  # 200 rows, 140 of them 监测
    limited = status_overview(rows, by="unit", max_groups=12)
    assert len(limited.groups) == 12
    assert limited.groups == full.groups[:12]
    assert all(g.attention == 1 for g in limited.groups)  # the 20 units with a 滞后 target come first
    assert (limited.hidden_groups, limited.hidden_targets) == (48, 48)
    assert limit_groups(limited, 50) is limited
    assert limited.groups[0].short_name == "区经济和信息化局…测第000科"
    assert display_width(limited.groups[0].short_name) <= 28


def test_abbreviate_keeps_short_names_and_marks_cuts() -> None:
    assert abbreviate("工业经济运行监测", SHORT_NAME_WIDTH) == "工业经济运行监测"
    assert abbreviate(
        "人工智能与算力（“人工智能+”行动计划、算力基础设施建设实施方案）", SHORT_NAME_WIDTH
    ).endswith("…")
    assert (
        abbreviate("北京经济技术开发区经济发展局产业促进处", SHORT_NAME_WIDTH, tail=10)
        == "北京经济技术开发…产业促进处"
    )
    assert abbreviate("A" * 40, max_width=10) == "A" * 8 + "…"


def _plan() -> Plan:
    return Plan(title="手工计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31), id=99)


def _row(name: str, unit: str, values: list[tuple[int, int, str]], deadline: date | None = None) -> StatusRow:
    plan = _plan()
    target = Target(
        plan_id=99,
        name=name,
        kind=TargetKind.CUMULATIVE,
        unit="家",
        target_value=Decimal(100),
        deadline=deadline or date(2026, 12, 31),
        responsible_unit=unit,
        id=len(name),
    )
    entries = tuple(
        ProgressEntry(target_id=target.id or 0, period=month(y, m), value=Decimal(v), unit="家")
        for y, m, v in values
    )
    return StatusRow(plan, target, evaluate(plan, target, entries, AS_OF), entries)


def test_hand_made_targets_are_counted_by_their_domain_status() -> None:
    rows = [
        _row("无填报", "甲处", []),
        _row("超额", "甲处", [(2025, 6, "500")]),
        _row("过期未完成", "乙处", [(2024, 6, "10")], deadline=date(2025, 6, 30)),
        _row("负值", "乙处", [(2025, 6, "-5")]),
    ]
    data = status_overview(rows, by="unit")
    expected: dict[str, dict[Status, int]] = {}
    for r in rows:
        unit = expected.setdefault(r.target.responsible_unit, {})
        unit[r.progress.status] = unit.get(r.progress.status, 0) + 1
    assert {g.name: nonzero(g.counts) for g in data.groups} == expected
    assert Status.NO_DATA in expected["甲处"]
    assert Status.OVERDUE in expected["乙处"]
    (plan_group,) = status_overview(rows).groups  # one plan: one group
    assert (plan_group.key, plan_group.total) == (99, 4)
