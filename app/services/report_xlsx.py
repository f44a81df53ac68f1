"""The progress report as an Excel workbook: the same ReportContent as the PDF and Word, with numbers as numbers
and dates as dates, so staff can sort, filter and compute on it. Qt-free.

Sheets: 汇总 (one row per target), 填报记录 (every reported figure, as entered) and 说明 (what, when, which
targets), and on request a 报送情况 appendix (which units reported for a period, from reporting_status.py).
Values stay in each target's own unit, named in a 单位 column, because units differ from row to row.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from app.domain.formatting import display_width
from app.domain.status import BOLD_STATUSES, STATUS_BY_LABEL, STATUS_COLOURS
from app.services.atomic_write import atomic_write
from app.services.report_content import ReportContent
from app.services.reporting_status import ReportingStatus, add_reporting_sheet

PERCENT = "0.0%"
POINTS = "+0.0;-0.0;0.0"
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
WHOLE = "#,##0"
FRACTION = "#,##0.00"

# (key in content.numbers, header, kind): kind picks the number format.
SUMMARY_COLUMNS = (
    ("plan", "政策文件", "text"),
    ("target", "指标", "text"),
    ("responsible_unit", "责任单位", "text"),
    ("comparator", "比较", "text"),
    ("target_value", "目标值（按指标单位）", "amount"),
    ("unit", "单位", "text"),
    ("deadline", "截止日期", "date"),
    ("latest", "最新值（按指标单位）", "amount"),
    ("annualised", "最新值口径", "text"),
    ("period", "报告期", "text"),
    ("completion", "完成率", "percent"),
    ("time_progress", "时序进度", "percent"),
    ("lag", "进度差（百分点）", "points"),
    ("gap", "差距（按指标单位）", "amount"),
    ("forecast", "预计到期值（按指标单位）", "amount"),
    ("status", "状态", "status"),
)
ENTRY_HEADERS = (
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
)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
LINE_HEIGHT = 16  # points per line of wrapped text (11 pt, CJK faces run a little taller)
NOTE_WIDTH = 80  # the 说明 sheet's text column
MAX_WIDTH = 40  # characters; longer text (plan titles, sources, notes) wraps, so frozen columns stay narrow
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # what openpyxl refuses in a cell


def write_xlsx(content: ReportContent, path: Path | str, *, reporting: ReportingStatus | None = None) -> Path:
    """Write the report workbook to ``path``; nothing is left behind if it cannot be written. ``reporting``
    adds the 报送情况 sheet for that period as the last sheet."""
    wb = build_workbook(content, reporting=reporting)
    return atomic_write(path, lambda partial: wb.save(str(partial)))


def build_workbook(content: ReportContent, *, reporting: ReportingStatus | None = None) -> Any:
    wb = Workbook()
    wb.properties.title = content.title
    wb.properties.creator = content.issuer or "政策目标进度跟踪"
    _summary_sheet(wb.active, content)
    _entries_sheet(wb.create_sheet("填报记录"), content)
    _notes_sheet(wb.create_sheet("说明"), content)
    if reporting is not None:
        add_reporting_sheet(wb, reporting)
    return wb


def _put(ws: Any, row: int, column: int, value: object, number_format: str | None = None) -> Any:
    """One cell; text is kept as text even when it starts with "=" (no formula from a pasted note)."""
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, str):
        value = _ILLEGAL.sub("", value)
    cell = ws.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    if number_format and value is not None:
        cell.number_format = number_format
    return cell


def _style_status(cell: Any, label: object) -> None:
    status = STATUS_BY_LABEL.get(str(label))
    if status is None:
        return
    background, text = STATUS_COLOURS[status]
    cell.fill = PatternFill("solid", fgColor=background)
    cell.font = Font(color=text, bold=status in BOLD_STATUSES)


def _table_header(ws: Any, headers: Sequence[str], freeze: str) -> None:
    for column, header in enumerate(headers, start=1):
        cell = _put(ws, 1, column, header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = freeze
    ws.row_dimensions[1].height = 30


def _finish_table(ws: Any, columns: int) -> None:
    """Filter on the header row; widths that fit the text (a Chinese character counts two); long text wrapped
    in rows tall enough to show it, since Excel does not grow rows on opening; landscape A4 print, one page
    wide, repeating the header."""
    last = max(ws.max_row, 1)
    ws.auto_filter.ref = f"A1:{get_column_letter(columns)}{last}"
    lines = [1] * (last + 1)
    for column in range(1, columns + 1):
        shown = [display_width(_shown(ws.cell(row=r, column=column))) for r in range(1, last + 1)]
        width = min(max(max(shown) + 2, 8), MAX_WIDTH)
        ws.column_dimensions[get_column_letter(column)].width = width
        for r in range(2, last + 1):
            cell = ws.cell(row=r, column=column)
            wrap = shown[r - 1] > width - 2
            cell.alignment = Alignment(wrap_text=wrap, vertical="top")
            if wrap:
                lines[r] = max(lines[r], math.ceil(shown[r - 1] / (width - 2)))
    for r in range(2, last + 1):
        if lines[r] > 1:
            ws.row_dimensions[r].height = LINE_HEIGHT * lines[r]
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _shown(cell: Any) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "0000-00-00 00:00"
    if isinstance(value, date):
        return "0000-00-00"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if cell.row == 1:
        return str(value)[:12]  # headers wrap rather than widen the column
    return str(value)


def _summary_sheet(ws: Any, content: ReportContent) -> None:
    ws.title = "汇总"
    _table_header(ws, [header for _, header, _ in SUMMARY_COLUMNS], "C2")
    for r, (numbers, text) in enumerate(zip(content.numbers, content.summary, strict=True), start=2):
        values = dict(numbers)
        values["annualised"] = "年化" if str(text.get("latest", "")).endswith("（年化）") else ""
        for c, (key, _, kind) in enumerate(SUMMARY_COLUMNS, start=1):
            value = values.get(key)
            cell = _put(ws, r, c, value, _format(kind, value))
            if kind == "status":
                _style_status(cell, value)
    _finish_table(ws, len(SUMMARY_COLUMNS))


def _format(kind: str, value: object) -> str | None:
    if kind == "percent":
        return PERCENT
    if kind == "points":
        return POINTS
    if kind == "date":
        return DATE
    if kind == "amount" and isinstance(value, int | float):
        return WHOLE if float(value).is_integer() else FRACTION
    return None


def _entries_sheet(ws: Any, content: ReportContent) -> None:
    _table_header(ws, ENTRY_HEADERS, "C2")
    r = 1
    for row in content.rows:
        for e in sorted(row.entries, key=lambda e: (e.period.end, e.period.start, e.id or 0)):
            r += 1
            values: tuple[tuple[object, str | None], ...] = (
                (row.plan.title, None),
                (row.target.name, None),
                (e.period.label, None),
                (e.period.start, DATE),
                (e.period.end, DATE),
                (e.value, "General"),
                (e.unit, None),
                (e.value_type.label, None),
                (e.source, None),
                (e.reporter, None),
                (e.note, None),
                (e.entered_at, DATETIME),
            )
            for c, (value, number_format) in enumerate(values, start=1):
                _put(ws, r, c, value, number_format)
    _finish_table(ws, len(ENTRY_HEADERS))


def _notes_sheet(ws: Any, content: ReportContent) -> None:
    lines: list[tuple[str, object, str | None]] = [
        ("标题", content.title, None),
        ("发布单位", content.issuer or "—", None),
        ("数据截至", content.as_of, DATE),
        ("生成日期", content.generated_on, DATE),
        ("报告范围", content.scope, None),
        ("总体情况", content.headline, None),
    ]
    if content.empty:
        lines.append(("指标", "按所选条件没有匹配的指标，汇总和填报记录表只有表头。", None))
    lines.append(("", None, None))
    lines.append(("状态", "指标数（个）", None))
    lines += [(status.label, count, None) for status, count in content.counts.items()]
    lines.append(("合计", sum(content.counts.values()), None))
    lines.append(("", None, None))
    lines.append(
        ("注", "数值均按各指标自身单位（见“单位”列）；完成率、时序进度为百分比；进度差单位为百分点。", None)
    )
    lines.append(("", "“年化”表示最新值按部分年度数据折算为全年。填报记录为原始填报数值和单位。", None))
    for r, (label, value, number_format) in enumerate(lines, start=1):
        head = _put(ws, r, 1, label or None)
        head.font = Font(bold=True)
        head.alignment = Alignment(vertical="top")
        cell = _put(ws, r, 2, value, number_format)
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        if label in ("状态", "合计"):
            cell.font = Font(bold=True)
        if label in STATUS_BY_LABEL:
            _style_status(head, label)
        if isinstance(value, str) and display_width(value) > NOTE_WIDTH - 2:
            ws.row_dimensions[r].height = LINE_HEIGHT * math.ceil(display_width(value) / (NOTE_WIDTH - 2))
    ws.column_dimensions["A"].width = 12
    ws.column_dimensions["B"].width = NOTE_WIDTH
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
