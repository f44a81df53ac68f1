"""报送情况 dialog on the demo data, whose clock stands at 2025-07-31 09:30 and whose every figure was entered then.

Hand count for 2025年6月 (due 2025-07-10, ten days after 30 June): a target has reported when it has a figure
ending in June 2025 (2025年上半年 or 截至2025年6月底). Ten targets have one, all entered on 31 July, so all ten are
late; the other ten have none and, the due date being past, are 未报送.
  市经济和信息化局            11 targets: 先进级智能工厂, 绿色工厂累计建成, 绿色企业比例, 示范区路侧… late (4); 7 not
  市经济和信息化局数字产业处    4 targets: 备案上线大模型, 新增智能算力, 在京人工智能企业 late (3); 累计算力规模 not (1)
  市经济和信息化局经济运行处    5 targets: 创新医疗器械品种, 规上工业增加值增速, 工业总产值 late (3); 2 not
The UI runs in English (tests/ui/conftest.py), so the window's own words are the English source strings.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.periods import month, quarter
from app.services.demo import create_demo_workspace
from app.services.workspace import Workspace
from app.ui.reporting_dialog import ReportingStatusDialog, recent_periods
from app.ui.reporting_models import ReportingRowModel, ReportingUnitModel
from tests.conftest import fixed_clock
from tests.ui.window_helpers import ScriptedPrompts

OFFICE = "市经济和信息化局"
DIGITAL = "市经济和信息化局数字产业处"
OPERATIONS = "市经济和信息化局经济运行处"
COL_STATE = ReportingRowModel.COL_STATE


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Workspace]:
    with create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        yield ws


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def dialog(qtbot: QtBot, demo: Workspace, prompts: ScriptedPrompts) -> ReportingStatusDialog:
    d = ReportingStatusDialog(demo, prompts)  # type: ignore[arg-type]
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def targets(n: int) -> str:
    """The counted phrase as the dialog words it (the plural forms come from the .qm)."""
    return QCoreApplication.translate("ReportingStatusDialog", "%n target(s)", "", n)


def unit_rows(d: ReportingStatusDialog) -> list[list[str]]:
    model = d.unit_table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def target_rows(d: ReportingStatusDialog) -> list[dict[str, Any]]:
    model = d.row_table.model()
    keys = ReportingRowModel.KEYS
    return [{k: model.index(r, c).data() for c, k in enumerate(keys)} for r in range(model.rowCount())]


def state_index(d: ReportingStatusDialog, target: str) -> QModelIndex:
    model = d.row_table.model()
    for r in range(model.rowCount()):
        if model.index(r, ReportingRowModel.KEYS.index("target")).data() == target:
            return model.index(r, COL_STATE)
    raise AssertionError(f"{target} not shown")


def click_unit(qtbot: QtBot, d: ReportingStatusDialog, unit: str) -> None:
    model = d.unit_table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == unit)
    rect = d.unit_table.visualRect(model.index(row, 0))
    qtbot.mouseClick(d.unit_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_periods_offered_are_the_last_whole_months_then_quarters(dialog: ReportingStatusDialog) -> None:
    combo = dialog.period_combo
    items = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]  # the separator has none
    assert items == [
        "2025年6月",
        "2025年5月",
        "2025年4月",
        "2025年3月",
        "2025年2月",
        "2025年1月",
        "2025年第二季度",
        "2025年第一季度",
        "2024年第四季度",
        "2024年第三季度",
    ]
    assert combo.currentText() == "2025年6月" and combo.isEditable()
    assert dialog.due_spin.value() == 10


def test_recent_periods_cross_the_year() -> None:
    periods = recent_periods(date(2025, 1, 15))
    assert periods[:2] == [month(2024, 12), month(2024, 11)] and periods[5] == month(2024, 7)
    assert periods[6:] == [quarter(2024, 4), quarter(2024, 3), quarter(2024, 2), quarter(2024, 1)]


def test_june_counts_by_hand(dialog: ReportingStatusDialog) -> None:
    assert dialog.summary.text() == (
        f"2025年6月: {targets(20)} expected, reports due 2025-07-10, as of 2025-07-31"
        " — On time 0 · Late 10 · Not reported 10 · Pending 0"
    )
    assert unit_rows(dialog) == [
        [OFFICE, "11", "4", "4", "7", "0", "36.4%"],
        [DIGITAL, "4", "3", "3", "1", "0", "75.0%"],
        [OPERATIONS, "5", "3", "3", "2", "0", "60.0%"],
    ]
    rows = target_rows(dialog)
    assert len(rows) == 20
    late = {r["target"] for r in rows if r["state"] == "Late"}
    assert late == {
        "先进级智能工厂（“新智造100”工程）",
        "绿色工厂累计建成",
        "绿色企业比例",
        "示范区路侧基础设施智能化覆盖面积",
        "备案上线大模型",
        "新增智能算力（年内累计）",
        "在京人工智能企业",
        "创新医疗器械品种",
        "规上工业增加值增速",
        "工业总产值（年内累计）",
    }
    green = next(r for r in rows if r["target"] == "绿色工厂累计建成")
    assert green["reported_period"] == "截至2025年6月底"
    assert green["reported_at"] == "2025-07-31 09:30"
    assert green["due"] == "2025-07-10" and green["days_late"] == "21"
    missing = next(r for r in rows if r["target"] == "累计算力规模")
    assert missing["state"] == "Not reported" and missing["reported_at"] == "—" and missing["value"] == ""
    assert dialog.rows_caption.text() == f"All responsible units: {targets(20)}"


def test_a_typed_period_or_the_quarter_is_read_by_the_domain_parser(dialog: ReportingStatusDialog) -> None:
    june = unit_rows(dialog)
    dialog.period_combo.setCurrentIndex(dialog.period_combo.findText("2025年第二季度"))
    assert dialog.summary.text().startswith(f"2025年第二季度: {targets(20)} expected, reports due 2025-07-10")
    assert unit_rows(dialog) == june  # figures ending in June count for the quarter as for the month
    dialog.period_combo.setEditText("2025-05")
    assert dialog.summary.text().startswith(f"2025年5月: {targets(20)} expected, reports due 2025-06-10")
    assert dialog.summary.text().endswith(
        "On time 0 · Late 0 · Not reported 20 · Pending 0"
    )  # none ends in May
    assert not dialog.period_error.isVisible()


def test_a_later_due_date_makes_the_figures_on_time_and_the_rest_pending(
    dialog: ReportingStatusDialog,
) -> None:
    dialog.due_spin.setValue(31)  # due 2025-07-31, the day every figure was entered, and today
    assert dialog.summary.text() == (
        f"2025年6月: {targets(20)} expected, reports due 2025-07-31, as of 2025-07-31"
        " — On time 10 · Late 0 · Not reported 0 · Pending 10"
    )
    assert unit_rows(dialog)[1] == [DIGITAL, "4", "3", "0", "0", "1", "75.0%"]
    cell = state_index(dialog, "绿色工厂累计建成")
    assert cell.data() == "On time"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == QColor("#DCEFDC")
    assert cell.data(Qt.ItemDataRole.FontRole) is None  # only problems are bold
    pending = state_index(dialog, "累计算力规模")
    assert pending.data() == "Pending" and pending.data(Qt.ItemDataRole.BackgroundRole) == QColor("#EEEEEE")


def test_state_cells_carry_the_word_a_colour_and_bold(dialog: ReportingStatusDialog) -> None:
    late = state_index(dialog, "备案上线大模型")
    assert late.data() == "Late"
    assert late.data(Qt.ItemDataRole.BackgroundRole) == QColor("#FCE4C4")  # the fill of the exported sheet
    assert late.data(Qt.ItemDataRole.ForegroundRole) == QColor("#7A4F00")
    font = late.data(Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    missing = state_index(dialog, "累计算力规模")
    assert missing.data() == "Not reported"
    assert missing.data(Qt.ItemDataRole.BackgroundRole) == QColor("#F8D0CD")
    assert missing.data(Qt.ItemDataRole.FontRole).bold()
    # the unit table colours the late and missing counts that are not zero
    units = dialog.unit_table.model()
    assert units.index(0, 4).data(Qt.ItemDataRole.BackgroundRole) == QColor("#F8D0CD")
    assert units.index(0, 5).data(Qt.ItemDataRole.BackgroundRole) is None  # 0 pending: plain


def test_worst_first_when_sorted_by_state(dialog: ReportingStatusDialog) -> None:
    dialog.row_table.sortByColumn(COL_STATE, Qt.SortOrder.AscendingOrder)
    states = [r["state"] for r in target_rows(dialog)]
    assert states == ["Not reported"] * 10 + ["Late"] * 10


def test_clicking_a_unit_shows_only_its_targets(qtbot: QtBot, dialog: ReportingStatusDialog) -> None:
    assert not dialog.all_units_button.isEnabled()
    click_unit(qtbot, dialog, OFFICE)
    rows = target_rows(dialog)
    # exactly that unit: 市经济和信息化局 is also the start of the two divisions' names
    assert len(rows) == 11 and {r["unit"] for r in rows} == {OFFICE}
    assert [r["state"] for r in rows].count("Not reported") == 7
    assert dialog.rows_caption.text() == f"{OFFICE}: {targets(11)}"
    assert dialog.row_table.isColumnHidden(ReportingRowModel.COL_UNIT)
    click_unit(qtbot, dialog, DIGITAL)
    assert [r["target"] for r in target_rows(dialog)] == [
        "备案上线大模型",
        "新增智能算力（年内累计）",
        "累计算力规模",
        "在京人工智能企业",
    ]
    dialog.due_spin.setValue(31)  # the overview is recomputed; the chosen unit stays chosen
    assert len(target_rows(dialog)) == 4 and dialog.rows_caption.text() == f"{DIGITAL}: {targets(4)}"
    assert dialog.all_units_button.isEnabled()
    qtbot.mouseClick(dialog.all_units_button, Qt.MouseButton.LeftButton)
    assert len(target_rows(dialog)) == 20
    assert not dialog.row_table.isColumnHidden(ReportingRowModel.COL_UNIT)
    assert dialog.unit_table.selectionModel().selectedRows() == []


def test_a_bad_period_says_why_under_the_field(dialog: ReportingStatusDialog) -> None:
    dialog.period_combo.setEditText("2025年13月")
    assert dialog.period_error.isVisible()
    assert dialog.period_error.text() == "“2025年13月”不是有效的报告期：月份应为1-12"
    assert not dialog.export_button.isEnabled()
    assert dialog.summary.text().startswith(
        "2025年6月: "
    )  # the tables still show, and name, the last good one
    dialog.period_combo.setEditText("")
    assert dialog.period_error.text().startswith("报告期不能为空")
    dialog.period_combo.setEditText("2025年上半年")
    assert not dialog.period_error.isVisible() and dialog.export_button.isEnabled()
    assert dialog.summary.text().startswith(f"2025年上半年: {targets(20)} expected, reports due 2025-07-10")


def test_export_writes_the_whole_overview_as_a_sheet(
    qtbot: QtBot, dialog: ReportingStatusDialog, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    click_unit(qtbot, dialog, DIGITAL)  # the window's filter does not cut the file down
    prompts.paths = [str(tmp_path / "六月报送")]
    written = dialog.on_export()
    assert written == tmp_path / "六月报送.xlsx" and written.exists()
    assert dialog.note.text() == f"Saved: {written}"
    assert prompts.shown == []
    wb = openpyxl.load_workbook(written)
    assert wb.sheetnames == ["报送情况"]
    sheet = wb["报送情况"]
    assert sheet["A1"].value == "报送情况：2025年6月（报送截止 2025-07-10，期末后 10 天）"
    values = list(sheet.iter_rows(values_only=True))
    assert values[2] == (
        "责任单位",
        "指标数",
        "按时报送",
        "逾期报送",
        "未报送",
        "待报送",
        "报送率",
        None,
        None,
    )
    assert values[3][:6] == (OFFICE, 11, 0, 4, 7, 0)
    assert values[3][6] == pytest.approx(4 / 11)
    assert values[7][:4] == ("责任单位", "政策文件", "指标", "报送情况")
    rows = {v[2]: v for v in values[8:]}
    assert len(rows) == 20
    model = rows["备案上线大模型"]
    assert model[0] == DIGITAL and model[3] == "逾期报送" and model[4] == "截至2025年6月底"
    assert model[6] == datetime(2025, 7, 31, 9, 30) and model[7] == datetime(2025, 7, 10) and model[8] == 21
    row = next(r for r in sheet.iter_rows(min_row=9) if r[2].value == "备案上线大模型")
    assert row[3].fill.fgColor.rgb.endswith("FCE4C4")
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_export_suggests_a_name_and_cancelling_writes_nothing(
    dialog: ReportingStatusDialog, prompts: ScriptedPrompts, demo: Workspace, tmp_path: Path
) -> None:
    assert dialog.suggested_name() == "报送情况_2025年6月.xlsx"
    prompts.paths = [None]
    assert dialog.on_export() is None
    assert list(tmp_path.glob("*.xlsx")) == [] and prompts.shown == []


def test_export_to_a_missing_folder_reports_the_error(
    dialog: ReportingStatusDialog, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    prompts.paths = [str(tmp_path / "没有的文件夹" / "报送.xlsx")]
    assert dialog.on_export() is None
    assert len(prompts.shown) == 1
    kind, title, text = prompts.shown[0]
    assert (kind, title) == ("error", "Export reporting status")
    assert text.startswith("文件夹不存在") and "没有的文件夹" in text
    assert dialog.note.text() == ""


def test_enter_applies_the_period_and_escape_closes(qtbot: QtBot, dialog: ReportingStatusDialog) -> None:
    qtbot.keyClick(dialog.period_combo.lineEdit(), Qt.Key.Key_Return)
    assert dialog.isVisible()
    qtbot.keyClick(dialog.period_combo.lineEdit(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_models_pass_the_model_tester(qtmodeltester: Any, dialog: ReportingStatusDialog) -> None:
    assert isinstance(dialog.unit_model, ReportingUnitModel)
    qtmodeltester.check(dialog.unit_model)
    qtmodeltester.check(dialog.row_model)
    qtmodeltester.check(dialog.row_proxy)
