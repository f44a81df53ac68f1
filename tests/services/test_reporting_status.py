"""报送情况 on a small file whose every figure has a known entry time: on time, late, missing, pending."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import as_of, month, parse_period
from app.services.editing import Editor
from app.services.reporting_status import (
    ReportingState,
    ReportingStatus,
    UnitSummary,
    add_reporting_sheet,
    reporting_json,
    reporting_status,
    row_record,
    unit_record,
)
from app.services.template_rows import NO_UNIT
from app.services.workspace import Workspace

ON_TIME, LATE, MISSING, PENDING = (
    ReportingState.ON_TIME,
    ReportingState.LATE,
    ReportingState.MISSING,
    ReportingState.PENDING,
)
PLAN = "产业发展行动计划(2024-2026年)"


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    editor = Editor(workspace)
    plan = editor.add_plan(Plan(title=PLAN, period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)))
    old = editor.add_plan(
        Plan(title="已结束的计划", period_start=date(2023, 1, 1), period_end=date(2024, 12, 31))
    )

    def target(name: str, unit: str, kind: TargetKind, responsible: str, plan_id: int | None = None) -> int:
        goal = None if kind is TargetKind.MONITORING else Decimal(500)
        saved = editor.add_target(
            Target(
                plan_id=plan_id or plan.id or 0,
                name=name,
                kind=kind,
                unit=unit,
                target_value=goal,
                deadline=None if goal is None else date(2024 if plan_id else 2026, 12, 31),
                baseline_value=Decimal(100) if kind is TargetKind.LEVEL else None,
                responsible_unit=responsible,
            )
        )
        return saved.id or 0

    parks = target("园区", "个", TargetKind.CUMULATIVE, "甲处")
    firms = target("企业", "家", TargetKind.CUMULATIVE, "甲处")
    output = target("产值", "亿元", TargetKind.LEVEL, "甲处")
    target("项目", "个", TargetKind.CUMULATIVE, "甲处")
    growth = target("增速", "%", TargetKind.RATE, "乙处")
    compute = target("算力", "P", TargetKind.MONITORING, "")
    target("旧指标", "个", TargetKind.CUMULATIVE, "甲处", plan_id=old.id)

    def entry(tid: int, period: Any, value: str, unit: str, vt: ValueType, at: datetime) -> ProgressEntry:
        return ProgressEntry(tid, period, Decimal(value), unit, vt, entered_at=at)

    half = parse_period("2025年上半年")
    editor.add_entries(
        [
            entry(parks, as_of(date(2025, 6, 30)), "3", "个", ValueType.CUMULATIVE, datetime(2025, 7, 8, 9)),
            # on the due date itself: on time
            entry(
                firms, parse_period("2025年1-6月"), "40", "家", ValueType.PERIOD, datetime(2025, 7, 10, 17)
            ),
            entry(output, half, "120", "亿元", ValueType.PERIOD, datetime(2025, 7, 11, 9)),
            # a correction later does not make the report later
            entry(output, half, "130", "亿元", ValueType.PERIOD, datetime(2025, 7, 20, 9)),
            entry(growth, month(2025, 4), "6.5", "%", ValueType.RATE, datetime(2025, 5, 5, 9)),
            # a figure as of mid-June counts for June
            entry(
                compute, as_of(date(2025, 6, 15)), "2.2", "万", ValueType.CUMULATIVE, datetime(2025, 6, 16, 9)
            ),
        ]
    )
    return workspace


def states(status: ReportingStatus) -> list[tuple[str, str, ReportingState]]:
    return [(r.unit, r.target.name, r.state) for r in status.rows]


def test_june_on_the_31st_of_july(ws: Workspace) -> None:
    status = reporting_status(ws, "2025年6月", today=date(2025, 7, 31))
    assert (status.period.label, status.due, status.due_days) == ("2025年6月", date(2025, 7, 10), 10)
    # units in name order; the plan that ended in 2024 expects nothing in 2025
    assert states(status) == [
        ("乙处", "增速", MISSING),  # April's figure does not count for June
        ("甲处", "园区", ON_TIME),
        ("甲处", "企业", ON_TIME),
        ("甲处", "产值", LATE),
        ("甲处", "项目", MISSING),
        (NO_UNIT, "算力", ON_TIME),
    ]
    assert status.counts() == {ON_TIME: 3, LATE: 1, MISSING: 2, PENDING: 0}
    assert status.units == (
        UnitSummary("乙处", 1, 0, 0, 1, 0),
        UnitSummary("甲处", 4, 2, 1, 1, 0),
        UnitSummary(NO_UNIT, 1, 1, 0, 0, 0),
    )
    assert status.units[1].rate == 0.75
    output = status.rows[3]
    assert output.reported_at == datetime(2025, 7, 11, 9) and output.days_late == 1
    assert output.latest is not None and output.latest.value == Decimal(130)  # the correction stands


def test_before_the_due_date_missing_reports_are_pending(ws: Workspace) -> None:
    status = reporting_status(ws, "2025年6月", today=date(2025, 7, 10))
    assert status.counts() == {ON_TIME: 3, LATE: 1, MISSING: 0, PENDING: 2}


def test_the_due_date_moves_with_due_days(ws: Workspace) -> None:
    status = reporting_status(ws, parse_period("2025年6月"), due_days=0, today=date(2025, 7, 31))
    assert status.due == date(2025, 6, 30)
    assert [(r.target.name, r.state, r.days_late) for r in status.rows if r.state.reported] == [
        ("园区", LATE, 8),
        ("企业", LATE, 10),
        ("产值", LATE, 11),
        ("算力", ON_TIME, None),
    ]


def test_a_quarter_counts_figures_ending_in_its_last_month(ws: Workspace) -> None:
    quarter = reporting_status(ws, "2025年第二季度", today=date(2025, 7, 31))
    june = reporting_status(ws, "2025年6月", today=date(2025, 7, 31))
    assert states(quarter) == states(june)
    april = reporting_status(ws, "2025年4月", today=date(2025, 7, 31))
    assert [(r.target.name, r.state) for r in april.rows if r.state is not MISSING] == [("增速", ON_TIME)]
    assert april.due == date(2025, 5, 10)


def test_records_for_the_table_json_and_excel(ws: Workspace, tmp_path: Path) -> None:
    status = reporting_status(ws, "2025年6月", today=date(2025, 7, 31))
    assert row_record(status.rows[3]) == {
        "unit": "甲处",
        "plan": PLAN,
        "target": "产值",
        "state": "逾期报送",
        "reported_period": "2025年上半年",
        "value": "130亿元",
        "reported_at": "2025-07-11 09:00",
        "due": "2025-07-10",
        "days_late": "1",
    }
    assert row_record(status.rows[0])["reported_at"] == "—"
    assert row_record(status.rows[5])["value"] == "22000P"  # 2.2万 in the target's P
    assert unit_record(status.units[1]) == {
        "unit": "甲处", "targets": "4", "on_time": "2", "late": "1", "missing": "1", "pending": "0", "rate": "75.0%",
    }  # fmt: skip
    data = reporting_json(status)
    assert data["counts"] == {"on_time": 3, "late": 1, "missing": 2, "pending": 0}
    assert data["units"][1] == {
        "unit": "甲处", "targets": 4, "on_time": 2, "late": 1, "missing": 1, "pending": 0, "rate": 0.75,
    }  # fmt: skip
    assert data["rows"][3]["reported_at"] == "2025-07-11T09:00:00" and data["rows"][3]["state"] == "late"

    wb = openpyxl.Workbook()
    add_reporting_sheet(wb, status)
    wb.save(tmp_path / "附表.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "附表.xlsx")["报送情况"]
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][0] == "报送情况：2025年6月（报送截止 2025-07-10，期末后 10 天）"
    assert values[2][:7] == ["责任单位", "指标数", "按时报送", "逾期报送", "未报送", "待报送", "报送率"]
    assert values[4][:7] == ["甲处", 4, 2, 1, 1, 0, 0.75]
    header = values.index(
        ["责任单位", "政策文件", "指标", "报送情况", "报告期", "数值", "报送时间", "报送截止", "逾期天数"]
    )
    output = values[header + 4]
    assert output == ["甲处", PLAN, "产值", "逾期报送", "2025年上半年", "130亿元", datetime(2025, 7, 11, 9),
                      datetime(2025, 7, 10), 1]  # fmt: skip


def test_a_period_that_cannot_be_read_is_refused(ws: Workspace) -> None:
    with pytest.raises(ValueError, match="报告期"):
        reporting_status(ws, "上个月")
