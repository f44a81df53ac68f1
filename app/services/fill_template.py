"""Fill-in templates (填报模板): an .xlsx per responsible unit (or for all), filled in offline and imported back
by ``sheet_import``. Which rows it holds is decided in ``template_rows``; this module lays out the workbook:

- 说明: instructions in Chinese;
- 填报: one row per target and period; identity, plan, name, unit, goal and the latest figure locked, the
  period, value, source, note and reporter cells open, with drop-down periods and a numeric check on the value
  (both as warnings, so "1.35万亿元" can still be typed); column A (hidden) holds the identity;
- 选项 (hidden): the drop-down list.

The 填报 sheet is protected without a password: protection guards against slips (typing into a locked column),
not against a person, and a password kept in an open-source program would be no secret. A unit that needs an
extra row can unprotect it (审阅 → 撤销工作表保护), as the 说明 sheet says.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill, Protection  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from app.domain.entities import Target
from app.domain.errors import UnitError
from app.domain.formatting import format_amount
from app.domain.periods import as_of, year_to_date
from app.domain.units import convert
from app.services.atomic_write import OutputError, atomic_write
from app.services.template_rows import (
    DEFAULT_MAX_PERIODS,
    FREQUENCY_LABELS,
    NO_UNIT,
    Frequency,
    TemplateRow,
    format_identity,
    identity_token,
    parse_identity,
    period_ends,
    responsible_units,
    rows_for_target,
    template_rows,
)
from app.services.workspace import Workspace
from app.storage.file_records import ImportRepository

__all__ = [
    "DEFAULT_MAX_PERIODS",
    "NO_UNIT",
    "Frequency",
    "TemplateResult",
    "TemplateRow",
    "format_identity",
    "identity_token",
    "parse_identity",
    "responsible_units",
    "rows_for_target",
    "template_rows",
    "write_template",
    "write_unit_templates",
]

CONFIRM_HINT = "该报告期已有数据（见“上次填报值”），只在需要更正时填写"

SHEET = "填报"
INSTRUCTIONS = "说明"
OPTIONS = "选项"
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 1

# (key, header, width, editable). The importer finds columns by header, so the order here is only the layout.
COLUMNS: tuple[tuple[str, str, int, bool], ...] = (
    ("identity", "编号（勿改）", 16, False),
    ("plan", "政策文件", 30, False),
    ("target", "指标", 28, False),
    ("responsible", "责任单位", 20, False),
    ("goal", "目标", 18, False),
    ("unit", "单位", 9, False),
    ("value_type", "数值类型", 10, False),
    ("last_period", "上次报告期", 18, False),
    ("last_value", "上次填报值", 14, False),
    ("period", "报告期", 20, True),
    ("value", "数值", 14, True),
    ("source", "来源", 24, True),
    ("note", "备注", 30, True),
    ("reporter", "填报人", 12, True),
)
COLUMN_LETTERS = {key: get_column_letter(i) for i, (key, *_rest) in enumerate(COLUMNS, start=1)}

_LOCKED_FILL = PatternFill("solid", fgColor="EDEDED")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_INPUT_HEADER_FILL = PatternFill("solid", fgColor="FFD966")
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\s]+')


@dataclass(frozen=True, slots=True)
class TemplateResult:
    path: Path
    unit: str | None  # None: every responsible unit
    as_of: date
    frequency: Frequency
    rows: tuple[TemplateRow, ...]

    @property
    def targets(self) -> int:
        return len({r.target.id for r in self.rows})


# the workbook --------------------------------------------------------------------------------------------


def _goal(t: Target) -> str:
    if t.target_value is None:
        return "（监测指标）"
    deadline = f"（{t.deadline:%Y-%m-%d}）" if t.deadline else ""
    return f"{t.comparator.symbol}{format_amount(t.target_value, t.unit)}{deadline}"


def _last_value(row: TemplateRow) -> str:
    if row.last is None:
        return ""
    try:
        value = convert(row.last.value, row.last.unit, row.target.unit)
    except UnitError:  # an old figure in a unit the target no longer has: show it as entered
        return format_amount(row.last.value, row.last.unit)
    return format_amount(value, row.target.unit)


def _cells(row: TemplateRow, file_key: str) -> dict[str, Any]:
    t = row.target
    return {
        "identity": format_identity(file_key, t.id or 0),
        "plan": row.plan.title,
        "target": t.name,
        "responsible": t.responsible_unit,
        "goal": _goal(t),
        "unit": t.unit,
        "value_type": row.value_type.label,
        "last_period": row.last.period.label if row.last else "（尚无填报）",
        "last_value": _last_value(row),
        "period": row.period.label,
        "value": None,
        "source": None,
        "note": None,
        "reporter": None,
    }


def _period_options(rows: Sequence[TemplateRow], as_of_date: date, frequency: Frequency) -> list[str]:
    """The drop-down list: every prefilled period, then recent period ends in both styles."""
    labels = [r.period.label for r in rows]
    start = date(as_of_date.year - 1, 1, 1)
    for e in reversed(period_ends(start, as_of_date, frequency)):
        labels += [year_to_date(e.year, e.month).label, as_of(e).label]
    return list(dict.fromkeys(labels))


def _instructions(sheet: Any, unit: str | None, as_of_date: date, frequency: Frequency, rows: int) -> None:
    lines = [
        ("进度填报模板", True),
        (f"责任单位：{unit or '全部责任单位'}", False),
        (
            f"截至日期：{as_of_date:%Y-%m-%d}　报送频率：{FREQUENCY_LABELS[frequency]}　待填行数：{rows}",
            False,
        ),
        ("", False),
        ("填写方法", True),
        (
            "1. 只在「填报」工作表的浅黄色列填写：报告期、数值、来源、备注、填报人。灰色列已锁定，请勿改动。",
            False,
        ),
        (
            "2. 数值按“单位”列的单位填写，如 257；也可带数量级和单位，如“1.35万亿元”“2.5亿”，"
            "或写中文数字“一千五百九十”。",
            False,
        ),
        ("3. 百分比指标直接填数字：6.9 表示 6.9%。请不要输入“6.9%”（Excel 会把它存成 0.069）。", False),
        (
            "4. 报告期已按要求预填，可从下拉列表选择，也可写作“2025年第二季度”“2025年1-6月”"
            "“截至2025年6月底”。",
            False,
        ),
        (
            "5. 数值类型：累计值 = 截至期末的累计总数；期间值 = 报告期内（年初至期末）的数额；"
            "比率 = 增速或占比。",
            False,
        ),
        ("6. 没有数据的行请留空，导入时会跳过。标有“请核对”的行已有数据，只在需要更正时填写。", False),
        (
            "7. 隐藏的 A 列是指标编号和校验码，导入时据此匹配指标（即使指标名称被改动），请勿修改或删除。",
            False,
        ),
        (
            "8. 如需增加一行（例如补报另一个报告期）：审阅 → 撤销工作表保护（无密码），"
            "复制整行（包括隐藏的 A 列）后修改报告期。",
            False,
        ),
        ("9. 填好后保存为 .xlsx 交回；也可另存为“CSV UTF-8（逗号分隔）”。", False),
        ("", False),
        ("导入时的检查", True),
        (
            "每个单元格都会检查：无法识别的数字或报告期、与指标不符的单位、超出实施期的报告期、"
            "同一报告期填了不同数值、与历史数据相比异常的跳变（提示核对）。有问题的单元格会按“填报!K12”的形式指出。",
            False,
        ),
    ]
    sheet.column_dimensions["A"].width = 110
    for i, (text, bold) in enumerate(lines, start=1):
        cell = sheet.cell(i, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if bold:
            cell.font = Font(bold=True, size=13 if i == 1 else 11)


def build_workbook(
    rows: Sequence[TemplateRow], *, file_key: str, unit: str | None, as_of_date: date, frequency: Frequency
) -> Any:
    wb = Workbook()
    notes = wb.active
    notes.title = INSTRUCTIONS
    _instructions(notes, unit, as_of_date, frequency, len(rows))
    sheet = wb.create_sheet(SHEET)
    options = wb.create_sheet(OPTIONS)
    options.sheet_state = "hidden"
    labels = _period_options(rows, as_of_date, frequency)
    for i, label in enumerate(labels, start=1):
        options.cell(i, 1, label)

    last_col = get_column_letter(len(COLUMNS))
    title = f"{unit or '全部责任单位'} 进度填报表（截至 {as_of_date:%Y-%m-%d}）"
    sheet["B1"] = title
    sheet["B1"].font = Font(bold=True, size=13)
    sheet.merge_cells(f"B1:{last_col}1")
    sheet["B2"] = "请在浅黄色列填写；灰色列已锁定。填写方法见「说明」工作表。"
    sheet.merge_cells(f"B2:{last_col}2")
    for col, (_key, header, width, editable) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(HEADER_ROW, col, header)
        cell.font = Font(bold=True)
        cell.fill = _INPUT_HEADER_FILL if editable else _HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.column_dimensions["A"].hidden = True

    for r, row in enumerate(rows, start=FIRST_DATA_ROW):
        values = _cells(row, file_key)
        for col, (key, _header, _width, editable) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(r, col, values[key])
            if editable:
                cell.protection = Protection(locked=False)
                if key == "value" and row.confirm:  # a hint, not a value: nothing in it is imported
                    cell.comment = Comment(CONFIRM_HINT, "政策目标进度跟踪")
                cell.fill = _INPUT_FILL
                if key != "value":
                    cell.number_format = "@"  # "2025-6" typed here must stay text, not become a date
            else:
                cell.fill = _LOCKED_FILL
    last_row = FIRST_DATA_ROW + max(len(rows), 1) - 1
    _validations(sheet, len(labels), last_row)
    sheet.freeze_panes = f"D{FIRST_DATA_ROW}"
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widening a column is harmless
    sheet.protection.formatRows = False
    wb.active = wb.index(sheet)
    wb.properties.creator = "政策目标进度跟踪"
    wb.properties.title = title
    return wb


def _validations(sheet: Any, options: int, last_row: int) -> None:
    # Warnings, not stops: "1.35万亿元" or a period not in the list are still allowed after a confirmation.
    period = DataValidation(
        type="list",
        formula1=f"'{OPTIONS}'!$A$1:$A${max(options, 1)}",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="报告期",
        error="不在列表中。可以继续，但请写成“2025年第二季度”“2025年1-6月”“截至2025年6月底”这样的报告期。",
        promptTitle="报告期",
        prompt="从列表选择，或写“2025年1-6月”“截至2025年6月底”",
    )
    value = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000000000",
        formula2="1000000000000000",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="数值",
        error="这里应填数字（按“单位”列的单位）。带单位的写法如“1.35万亿元”也能导入，确认后可继续。",
        promptTitle="数值",
        prompt="按“单位”列的单位填数字；百分比填 6.9 表示 6.9%",
    )
    period.add(f"{COLUMN_LETTERS['period']}{FIRST_DATA_ROW}:{COLUMN_LETTERS['period']}{last_row}")
    value.add(f"{COLUMN_LETTERS['value']}{FIRST_DATA_ROW}:{COLUMN_LETTERS['value']}{last_row}")
    sheet.add_data_validation(period)
    sheet.add_data_validation(value)


def write_template(
    ws: Workspace,
    path: Path | str,
    *,
    unit: str | None = None,
    as_of_date: date | None = None,
    frequency: Frequency = "quarter",
    max_periods: int = DEFAULT_MAX_PERIODS,
) -> TemplateResult:
    """Write one template (one unit, or every unit when ``unit`` is None) atomically to ``path``."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise OutputError(f"填报模板应保存为 .xlsx 文件，而不是“{path.name}”", field="输出文件")
    day = as_of_date or ws.clock().date()
    rows = template_rows(ws, unit=unit, as_of_date=day, frequency=frequency, max_periods=max_periods)
    file_key = ImportRepository(ws.db).file_key()
    wb = build_workbook(rows, file_key=file_key, unit=unit, as_of_date=day, frequency=frequency)
    atomic_write(path, lambda partial: wb.save(str(partial)))
    return TemplateResult(path, unit, day, frequency, tuple(rows))


def template_file_name(unit: str, as_of_date: date) -> str:
    return f"填报模板_{_UNSAFE_NAME.sub('_', unit).strip('_') or '未命名'}_{as_of_date:%Y%m%d}.xlsx"


def write_unit_templates(
    ws: Workspace,
    folder: Path | str,
    *,
    as_of_date: date | None = None,
    frequency: Frequency = "quarter",
    max_periods: int = DEFAULT_MAX_PERIODS,
) -> list[TemplateResult]:
    """One template per responsible unit in ``folder``, named 填报模板_{单位}_{YYYYMMDD}.xlsx."""
    folder = Path(folder)
    day = as_of_date or ws.clock().date()
    return [
        write_template(
            ws,
            folder / template_file_name(unit, day),
            unit=unit,
            as_of_date=day,
            frequency=frequency,
            max_periods=max_periods,
        )
        for unit in responsible_units(ws)
    ]
