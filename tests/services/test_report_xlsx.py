"""The Excel report, read back with openpyxl: numbers as numbers, dates as dates, every figure entered."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from app.services.atomic_write import OutputError
from app.services.report_content import ReportContent, ReportFilter, build_report
from app.services.report_xlsx import write_xlsx
from app.services.reporting_status import reporting_status
from app.services.workspace import Workspace

AS_OF = date(2025, 7, 31)
ISSUER = "北京市经济和信息化局"


@pytest.fixture
def content(demo_workspace: Workspace) -> ReportContent:
    return build_report(demo_workspace, AS_OF, issuer=ISSUER, today=date(2025, 8, 5))


@pytest.fixture
def workbook(content: ReportContent, tmp_path: Path) -> Any:
    return openpyxl.load_workbook(write_xlsx(content, tmp_path / "进度 报告.xlsx"))


def header(ws: Any) -> list[str]:
    return [c.value for c in ws[1]]


def row_of(ws: Any, column: str, value: object) -> dict[str, Any]:
    """The row whose ``column`` holds ``value``, as header → cell."""
    names = header(ws)
    index = names.index(column)
    for row in ws.iter_rows(min_row=2):
        if row[index].value == value:
            return dict(zip(names, row, strict=True))
    raise AssertionError(f"no row with {column} = {value}")


def test_sheet_names(workbook: Any) -> None:
    assert workbook.sheetnames == ["汇总", "填报记录", "说明"]


def test_summary_has_a_row_per_target_and_a_usable_header(workbook: Any) -> None:
    ws = workbook["汇总"]
    assert ws.max_row == 21
    names = header(ws)
    assert "单位" in names
    assert "最新值（按指标单位）" in names and "预计到期值（按指标单位）" in names
    assert "进度差（百分点）" in names
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(names)).column_letter}21"
    assert ws.column_dimensions["A"].width > ws.column_dimensions["D"].width


def test_summary_numbers_are_numbers(workbook: Any) -> None:
    row = row_of(workbook["汇总"], "指标", "医疗器械产业总体规模")
    completion = row["完成率"]
    assert isinstance(completion.value, float)
    assert completion.value == pytest.approx(-0.0631, abs=1e-4)
    assert "%" in completion.number_format
    assert row["时序进度"].value == pytest.approx(0.25)
    assert "%" in row["时序进度"].number_format
    assert row["最新值（按指标单位）"].value == pytest.approx(342.667, abs=1e-3)
    assert row["最新值口径"].value == "年化"
    assert row["单位"].value == "亿元"
    assert row["目标值（按指标单位）"].value == 500
    assert row["进度差（百分点）"].value == pytest.approx(-31.3, abs=0.01)
    assert row["差距（按指标单位）"].value == pytest.approx(157.333, abs=1e-3)
    deadline = row["截止日期"]
    assert isinstance(deadline.value, datetime)  # openpyxl reads every Excel date back as a datetime
    assert deadline.value.date() == date(2026, 12, 31)
    assert deadline.number_format == "yyyy-mm-dd"


def test_status_cell_is_worded_coloured_and_bold_when_behind(workbook: Any) -> None:
    ws = workbook["汇总"]
    behind = row_of(ws, "指标", "医疗器械产业总体规模")["状态"]
    assert behind.value == "滞后"
    assert behind.font.b
    assert behind.fill.fgColor.rgb.endswith("F8D0CD")
    monitored = row_of(ws, "指标", "备案上线大模型")["状态"]
    assert monitored.value == "监测" and not monitored.font.b


def test_monitoring_rows_leave_missing_numbers_empty(workbook: Any) -> None:
    row = row_of(workbook["汇总"], "指标", "备案上线大模型")
    assert row["目标值（按指标单位）"].value is None
    assert row["完成率"].value is None
    assert row["最新值（按指标单位）"].value == 132


def test_entries_sheet_lists_every_figure_as_entered(workbook: Any) -> None:
    ws = workbook["填报记录"]
    assert header(ws) == [
        "政策文件",
        "指标",
        "报告期",
        "开始日期",
        "结束日期",
        "数值",
        "单位",
        "数值类型",
        "来源",
        "填报人",
        "备注",
        "录入时间",
    ]
    assert ws.max_row == 25  # header + 24 entries
    row = row_of(ws, "备注", "规模以上工业实现产值1.35万亿元")
    assert row["数值"].value == pytest.approx(1.35)
    assert isinstance(row["数值"].value, float)
    assert row["单位"].value == "万亿元"
    assert row["报告期"].value == "2025年上半年"
    assert row["开始日期"].value == datetime(2025, 1, 1)
    assert row["结束日期"].value == datetime(2025, 6, 30)
    assert row["数值类型"].value == "期间值"
    assert isinstance(row["录入时间"].value, datetime)
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:L25"


def test_notes_sheet_says_what_when_and_how_many(workbook: Any, content: ReportContent) -> None:
    ws = workbook["说明"]
    pairs = {r[0].value: r[1].value for r in ws.iter_rows() if r[0].value}
    assert pairs["标题"] == "政策目标进度报告"
    assert pairs["发布单位"] == ISSUER
    assert pairs["数据截至"] == datetime(2025, 7, 31)
    assert pairs["生成日期"] == datetime(2025, 8, 5)
    assert pairs["报告范围"] == "全部指标"
    assert pairs["总体情况"] == content.headline
    assert pairs["滞后"] == 2 and pairs["监测"] == 14 and pairs["合计"] == 20


def test_reporting_status_appendix_comes_last(
    content: ReportContent, demo_workspace: Workspace, tmp_path: Path
) -> None:
    status = reporting_status(demo_workspace, "2025年6月", today=AS_OF)
    wb = openpyxl.load_workbook(write_xlsx(content, tmp_path / "附表.xlsx", reporting=status))
    assert wb.sheetnames == ["汇总", "填报记录", "说明", "报送情况"]
    sheet = wb["报送情况"]
    assert sheet["A1"].value == "报送情况：2025年6月（报送截止 2025-07-10，期末后 10 天）"
    # every demo figure was entered on 2025-07-31: ten late, and ten targets with no June figure at all
    units = {r[0]: r[1:6] for r in sheet.iter_rows(min_row=4, max_row=6, values_only=True)}
    assert units == {
        "市经济和信息化局": (11, 0, 4, 7, 0),
        "市经济和信息化局数字产业处": (4, 0, 3, 1, 0),
        "市经济和信息化局经济运行处": (5, 0, 3, 2, 0),
    }
    assert sheet.max_row == 8 + 20  # title, blank, header, 3 units, blank, header, 20 targets


def test_empty_content_keeps_the_sheets_and_says_so(demo_workspace: Workspace, tmp_path: Path) -> None:
    empty = build_report(demo_workspace, AS_OF, report_filter=ReportFilter(unit="没有这个单位"), today=AS_OF)
    wb = openpyxl.load_workbook(write_xlsx(empty, tmp_path / "empty.xlsx"))
    assert wb.sheetnames == ["汇总", "填报记录", "说明"]
    assert wb["汇总"].max_row == 1 and header(wb["汇总"])[1] == "指标"
    assert wb["填报记录"].max_row == 1 and header(wb["填报记录"])[0] == "政策文件"
    notes = [c.value for row in wb["说明"].iter_rows() for c in row if c.value]
    assert "按所选条件没有可报告的指标。" in notes
    assert any("没有匹配的指标" in str(v) for v in notes)


def test_text_that_looks_like_a_formula_stays_text(content: ReportContent, tmp_path: Path) -> None:
    numbers = ({**content.numbers[0], "responsible_unit": "=HYPERLINK(1)\x07"}, *content.numbers[1:])
    wb = openpyxl.load_workbook(write_xlsx(replace(content, numbers=numbers), tmp_path / "f.xlsx"))
    cell = row_of(wb["汇总"], "指标", "医疗器械产业总体规模")["责任单位"]
    assert cell.value == "=HYPERLINK(1)"
    assert cell.data_type == "s"


def test_missing_folder_raises_and_leaves_nothing(content: ReportContent, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹不存在"):
        write_xlsx(content, tmp_path / "no such folder" / "report.xlsx")
    assert not (tmp_path / "no such folder").exists()
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*partial*")) == []
