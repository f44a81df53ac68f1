"""One row of a returned sheet → a preview row: which target, which figure, and every problem with its cell.

Targets are matched by the hidden identity column (T{id}-{token}) when it is there, so edited names still
match; otherwise by the exact name (and the plan's title when there is a 政策文件 column). Numbers, units and
periods are read by the same parsers as every other input (``text_input.entry_from_text``).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.domain.entities import Plan, ProgressEntry, Target, ValueType
from app.domain.errors import DomainError, ValidationError
from app.domain.formatting import format_amount
from app.domain.numbers import format_decimal, parse_quantity
from app.domain.periods import Period
from app.services.import_checks import (
    OutlierSettings,
    Point,
    comparable_points,
    in_target_unit,
    outlier_warning_for,
)
from app.services.period_locks import covering, locked_message
from app.services.sheet_reader import Cell, SheetTable
from app.services.template_rows import identity_token, parse_identity
from app.services.text_input import entry_from_text
from app.services.workspace import Workspace
from app.storage.file_records import ImportRepository, LockRepository


class RowStatus(enum.StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"
    SKIPPED = "skipped"  # nothing to add: not filled in, identical to saved data, or a repeated row

    @property
    def label(self) -> str:
        return {"ok": "正常", "warning": "警告", "error": "错误", "skipped": "跳过"}[self.value]


@dataclass(frozen=True, slots=True)
class Issue:
    level: RowStatus  # WARNING, ERROR or SKIPPED
    cell: str  # "填报!K12"
    field: str  # "数值"
    message: str

    @property
    def text(self) -> str:
        return f"{self.cell} {self.field}：{self.message}"


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """One data row of an imported file as the preview shows it."""

    index: int  # position in ImportPreview.rows: what commit_import's accepted warnings refer to
    file: str
    sha256: str
    sheet: str
    row: int  # 1-based, as Excel numbers rows
    value_cell: str  # "填报!K12"
    status: RowStatus
    issues: tuple[Issue, ...]
    target: Target | None
    plan: Plan | None
    period: Period | None  # None when it could not be read
    period_text: str  # as written in the file
    value_text: str  # as written in the file
    entry: ProgressEntry | None  # what would be saved (None for errors)

    @property
    def cell(self) -> str:
        """The cell to point at: the first problem's, else the value's."""
        return self.issues[0].cell if self.issues else self.value_cell

    @property
    def reason(self) -> str:
        """Every problem; cells other than ``cell`` are named in the text."""
        first = self.cell
        return "；".join(i.text if i.cell != first else f"{i.field}：{i.message}" for i in self.issues)

    def value_in_unit(self) -> Decimal | None:
        if self.entry is None or self.target is None:
            return None
        return in_target_unit(self.entry, self.target)

    def record(self) -> dict[str, Any]:
        """Plain values for a table, CSV or JSON."""
        value = self.value_in_unit()
        return {
            "index": self.index,
            "file": self.file,
            "sheet": self.sheet,
            "row": self.row,
            "cell": self.cell,
            "status": self.status.value,
            "status_label": self.status.label,
            "target_id": self.target.id if self.target else None,
            "target": self.target.name if self.target else "",
            "period": self.period.label if self.period else self.period_text,
            "value": self.value_text,
            "value_in_unit": format_decimal(value) if value is not None else None,
            "unit": self.target.unit if self.target else "",
            "reason": self.reason,
        }


def severity(issues: list[Issue]) -> RowStatus:
    levels = {i.level for i in issues}
    for level in (RowStatus.ERROR, RowStatus.SKIPPED, RowStatus.WARNING):
        if level in levels:
            return level
    return RowStatus.OK


def blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def cell_text(cell: Cell, *, period: bool = False) -> str:
    """A cell as the text the parsers read: numbers as Excel shows them, dates as periods.

    Excel computes in binary and keeps 15 significant digits for what it shows, so a formula's 7.1+0.1 is stored
    as 7.199999999999999 and shown as 7.2; reading 15 significant digits gives what the unit saw.
    """
    if cell is None or isinstance(cell, bool):
        return "" if cell is None else str(cell)
    if isinstance(cell, float):
        shown = f"{cell:.15g}"
        if shown.lstrip("-").replace(".", "", 1).isdigit() and shown != "-0":
            return shown  # %g already drops trailing zeros; only exponents (1e+16) need the long way
        number = Decimal(shown)
        return format_decimal(number) if number.is_finite() else str(cell)
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, datetime | date):
        # Excel turns "2025年6月" typed into a date cell into 2025-06-01: the first of a month means that month.
        if period and cell.day == 1:
            return f"{cell.year}年{cell.month}月"
        return f"{cell:%Y-%m-%d}"
    if isinstance(cell, timedelta):
        return str(cell)
    return str(cell).strip()


# entry_from_text's field names → the sheet field whose cell is to blame
_FIELD_OF = {"报告期": "period", "数值类型": "value_type", "数值": "value"}


class RowChecker:
    """Reads rows against one workspace: targets, plans and saved entries are loaded once and cached."""

    def __init__(self, ws: Workspace, as_of_date: date, outliers: OutlierSettings | None = None) -> None:
        self.as_of = as_of_date
        self.outliers = outliers or OutlierSettings()
        self.targets = {t.id or 0: t for t in ws.targets.all()}
        self.plans = {p.id or 0: p for p in ws.plans.all()}
        self.by_name: dict[str, list[Target]] = {}
        for t in self.targets.values():
            self.by_name.setdefault(" ".join(t.name.split()), []).append(t)
        self.file_key = ImportRepository(ws.db).file_key()
        # A row in a locked period is an error here, and the commit would refuse it too.
        self.locks = LockRepository(ws.db).all()
        self._for_target: Callable[[int], list[ProgressEntry]] = ws.entries.for_target
        self._history: dict[int, list[ProgressEntry]] = {}
        self._spans: dict[int, dict[tuple[date, date], ProgressEntry]] = {}
        self._points: dict[tuple[int, ValueType], list[Point]] = {}
        self._bands: dict[tuple[int, object, object], tuple[Sequence[Point], list[Point], float, float]] = {}

    def history(self, target_id: int) -> list[ProgressEntry]:
        if target_id not in self._history:
            entries = self._for_target(target_id)
            self._history[target_id] = entries
            spans: dict[tuple[date, date], ProgressEntry] = {}
            for e in sorted(entries, key=lambda e: e.id or 0):  # a later correction wins, as in the series
                spans[(e.period.start, e.period.end)] = e
            self._spans[target_id] = spans
        return self._history[target_id]

    def saved(self, target_id: int, period: Period) -> ProgressEntry | None:
        self.history(target_id)
        return self._spans[target_id].get((period.start, period.end))

    # target ------------------------------------------------------------------------------------------

    def resolve(
        self, get: Callable[[str], Cell], ref: Callable[[str], str]
    ) -> tuple[Target | None, list[Issue]]:
        identity, name = cell_text(get("identity")), " ".join(cell_text(get("target")).split())
        issues: list[Issue] = []
        if identity:
            parsed = parse_identity(identity)
            if parsed is not None:
                target_id, token = parsed
                target = self.targets.get(target_id)
                if target is None or token != identity_token(self.file_key, target_id):
                    why = "对应的指标不存在（可能已删除）" if target is None else "的校验码不符"
                    return None, [
                        Issue(
                            RowStatus.ERROR,
                            ref("identity"),
                            "编号",
                            f"“{identity}”{why}：此表可能来自另一个数据文件，或隐藏的 A 列被改动；"
                            "请用本数据文件导出的填报模板",
                        )
                    ]
                if name and name != " ".join(target.name.split()):
                    issues.append(
                        Issue(
                            RowStatus.WARNING,
                            ref("target"),
                            "指标",
                            f"名称被改为“{name}”，已按编号匹配到“{target.name}”，请确认是同一指标",
                        )
                    )
                return target, issues
            issues.append(
                Issue(RowStatus.WARNING, ref("identity"), "编号", f"“{identity}”无法识别，改按指标名称匹配")
            )
        if not name:
            return None, [
                *issues,
                Issue(RowStatus.ERROR, ref("target"), "指标", "该行既没有编号也没有指标名称"),
            ]
        candidates = self.by_name.get(name, [])
        plan_title = " ".join(cell_text(get("plan")).split())
        if len(candidates) > 1 and plan_title:
            candidates = [
                t for t in candidates if " ".join(self.plans[t.plan_id].title.split()) == plan_title
            ]
        if len(candidates) == 1:
            return candidates[0], issues
        message = (
            f"找不到指标“{name}”：请核对名称，或使用本数据文件导出的填报模板"
            if not candidates
            else f"有 {len(candidates)} 个指标名为“{name}”：请填写“政策文件”列，或使用填报模板（按编号匹配）"
        )
        return None, [*issues, Issue(RowStatus.ERROR, ref("target"), "指标", message)]

    # the row -----------------------------------------------------------------------------------------

    def check(
        self, table: SheetTable, row: int, cells: list[Cell], index: int, sha256: str
    ) -> PreviewRow | None:
        """The preview of one row; None for a row with neither a value nor a target (a footnote, a spacer)."""

        def get(field: str) -> Cell:
            col = table.columns.get(field)
            return cells[col] if col is not None and col < len(cells) else None

        def ref(field: str) -> str:
            return table.ref(field, row)

        target, issues = self.resolve(get, ref)
        value_cell = get("value")
        value_text = cell_text(value_cell)
        period_text = cell_text(get("period"), period=True)
        plan = self.plans.get(target.plan_id) if target else None

        def result(entry: ProgressEntry | None = None, period: Period | None = None) -> PreviewRow:
            return PreviewRow(
                index, table.file_name, sha256, table.sheet, row, ref("value"), severity(issues),
                tuple(issues), target, plan, period, period_text, value_text, entry,
            )  # fmt: skip

        if blank(value_cell):
            if target is None:  # nothing to import and nothing to name: a footnote, a spacer, a broken id
                return None
            issues.append(Issue(RowStatus.SKIPPED, ref("value"), "数值", "未填写，跳过"))
            return result()
        if target is None or plan is None:
            return result()
        if isinstance(value_cell, bool | datetime | date | timedelta):
            kind = "逻辑值" if isinstance(value_cell, bool) else "日期或时间"
            issues.append(
                Issue(RowStatus.ERROR, ref("value"), "数值", f"单元格是{kind}（{value_text}），应为数字")
            )
            return result()
        unit_text = cell_text(get("unit"))
        from_unit_column = bool(unit_text) and _without_unit(value_cell, value_text)
        value_text_full = value_text + unit_text if from_unit_column else value_text
        try:
            entry = entry_from_text(
                target,
                period_text,
                value_text_full,
                value_type=cell_text(get("value_type")),
                source=cell_text(get("source")),
                reporter=cell_text(get("reporter")) or target.responsible_unit,
                note=cell_text(get("note")),
                reference=self.as_of,
            )
        except ValidationError as exc:
            for field, message in exc.problems:
                blamed = "unit" if field == "单位" and from_unit_column else _FIELD_OF.get(field, "value")
                issues.append(Issue(RowStatus.ERROR, ref(blamed), field, message))
            return result()
        self._period_checks(entry, target, plan, ref("period"), issues)
        if not any(i.level is RowStatus.ERROR for i in issues):
            self._history_checks(entry, target, ref("value"), issues)
        return result(entry if severity(issues) is not RowStatus.ERROR else None, entry.period)

    def _period_checks(
        self, entry: ProgressEntry, target: Target, plan: Plan, cell: str, issues: list[Issue]
    ) -> None:
        period = entry.period
        if (lock := covering(self.locks, period)) is not None:
            issues.append(Issue(RowStatus.ERROR, cell, "报告期", locked_message(lock, period, "导入")))
            return
        baseline_on = target.baseline_date or plan.period_start - timedelta(days=1)
        if period.end < baseline_on or period.start > plan.period_end:
            issues.append(
                Issue(
                    RowStatus.ERROR,
                    cell,
                    "报告期",
                    f"“{period.label}”不在政策文件的实施期内：应在基期 {baseline_on} 至实施期结束 "
                    f"{plan.period_end} 之间",
                )
            )
        elif period.end > self.as_of:
            issues.append(
                Issue(
                    RowStatus.WARNING, cell, "报告期", f"“{period.label}”截至 {self.as_of} 尚未结束，请确认"
                )
            )

    def _history_checks(self, entry: ProgressEntry, target: Target, cell: str, issues: list[Issue]) -> None:
        value = in_target_unit(entry, target)
        saved = self.saved(target.id or 0, entry.period)
        if saved is not None:
            old = in_target_unit(saved, target)
            if old == value:
                issues.append(
                    Issue(
                        RowStatus.SKIPPED,
                        cell,
                        "数值",
                        f"与已有数据相同（{format_amount(old, target.unit)}），不重复导入",
                    )
                )
                return
            issues.append(
                Issue(
                    RowStatus.WARNING,
                    cell,
                    "数值",
                    f"{entry.period.label}已有数值 {format_amount(old, target.unit)}，导入后以本次的 "
                    f"{format_amount(value, target.unit)} 为准（更正）",
                )
            )
        key = (target.id or 0, entry.value_type)
        if key not in self._points:  # only figures of the same type are compared: group them once
            points = comparable_points(self.history(key[0]), target)
            self._points[key] = [p for p in points if p[0].value_type is entry.value_type]
        warning = outlier_warning_for(entry, target, self._points[key], self.outliers, self._bands)
        if warning:
            issues.append(Issue(RowStatus.WARNING, cell, "数值", warning))


def _without_unit(cell: Cell, text: str) -> bool:
    """True when the value carries no unit of its own, so the row's 单位 column says what it is in."""
    if isinstance(cell, int | float):
        return True
    try:
        return parse_quantity(text).unit == ""
    except DomainError:
        return False
