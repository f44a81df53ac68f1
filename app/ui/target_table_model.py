"""The dashboard table: one row per target with its progress, sortable by real values."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    Qt,
)

from app.domain.formatting import format_amount
from app.services.status_table import COLUMNS, status_record
from app.services.statuses import StatusRow
from app.ui.keyed_table_model import Index, KeyedTableModel
from app.ui.labels import status_text
from app.ui.status_style import status_background, status_foreground

# Header texts live here (not in the Qt-free services) so that Qt Linguist can translate them.
HEADERS = {
    "plan": QT_TRANSLATE_NOOP("TargetTableModel", "Plan"),
    "target": QT_TRANSLATE_NOOP("TargetTableModel", "Target"),
    "responsible_unit": QT_TRANSLATE_NOOP("TargetTableModel", "Responsible unit"),
    "goal": QT_TRANSLATE_NOOP("TargetTableModel", "Goal"),
    "latest": QT_TRANSLATE_NOOP("TargetTableModel", "Latest value"),
    "period": QT_TRANSLATE_NOOP("TargetTableModel", "Period"),
    "completion": QT_TRANSLATE_NOOP("TargetTableModel", "Completion"),
    "time_progress": QT_TRANSLATE_NOOP("TargetTableModel", "Time elapsed"),
    "lag": QT_TRANSLATE_NOOP("TargetTableModel", "Lag (points)"),
    "gap": QT_TRANSLATE_NOOP("TargetTableModel", "Gap"),
    "forecast": QT_TRANSLATE_NOOP("TargetTableModel", "Forecast at deadline"),
    "status": QT_TRANSLATE_NOOP("TargetTableModel", "Status"),
}
NUMERIC = {"goal", "latest", "completion", "time_progress", "lag", "gap", "forecast"}
MISSING = float("-inf")  # sorts "no value" below every number


def _num(value: object) -> float:
    return MISSING if value is None else float(value)  # type: ignore[arg-type]


SORT_VALUES: dict[str, Callable[[StatusRow], Any]] = {
    "plan": lambda r: r.plan.title,
    "target": lambda r: r.target.name,
    "responsible_unit": lambda r: r.target.responsible_unit,
    "goal": lambda r: _num(r.target.target_value),
    "latest": lambda r: _num(r.progress.actual),
    "period": lambda r: (r.progress.actual_on or date.min).toordinal(),
    "completion": lambda r: _num(r.progress.completion),
    "time_progress": lambda r: _num(r.progress.time_progress),
    "lag": lambda r: _num(r.progress.lag_points),
    "gap": lambda r: _num(r.progress.gap),
    "forecast": lambda r: _num(r.progress.forecast),
    "status": lambda r: r.progress.status.severity,
}


class TargetTableModel(KeyedTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS: ClassVar[tuple[str, ...]] = tuple(key for key, _ in COLUMNS)
    HEADERS = HEADERS
    HEADER_CONTEXT = "TargetTableModel"
    COL_STATUS = KEYS.index("status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StatusRow] = []
        # Both caches are filled on demand: a 5,000-target file shows ~30 rows and sorts by one column,
        # so formatting every cell up front would freeze the window for seconds.
        self._texts: list[dict[str, Any] | None] = []
        self._sort_columns: dict[str, list[Any]] = {}
        self._sort_order: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[StatusRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [None] * len(self._rows)
        self._sort_columns = {}
        if self._sort_order is not None:
            self._apply_order(self._ordering(*self._sort_order))  # new data keeps the user's sort
        self.endResetModel()

    def rows(self) -> list[StatusRow]:
        return list(self._rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by the column's native values (numbers as numbers, dates as dates); ties keep their order."""
        if not 0 <= column < len(self.KEYS):
            return
        self._sort_order = (column, order)
        self.layoutAboutToBeChanged.emit()
        ordering = self._ordering(column, order)
        old_persistent = self.persistentIndexList()
        new_position = {old: new for new, old in enumerate(ordering)}
        self._apply_order(ordering)
        self.changePersistentIndexList(
            old_persistent, [self.index(new_position[i.row()], i.column()) for i in old_persistent]
        )
        self.layoutChanged.emit()

    def _ordering(self, column: int, order: Qt.SortOrder) -> list[int]:
        key = self.KEYS[column]
        values = [SORT_VALUES[key](r) for r in self._rows]
        ordering = sorted(range(len(values)), key=values.__getitem__)
        return ordering[::-1] if order == Qt.SortOrder.DescendingOrder else ordering

    def _apply_order(self, ordering: list[int]) -> None:
        self._rows = [self._rows[i] for i in ordering]
        self._texts = [self._texts[i] for i in ordering]
        self._sort_columns = {k: [v[i] for i in ordering] for k, v in self._sort_columns.items()}

    def _text(self, row: int, key: str) -> Any:
        texts = self._texts[row]
        if texts is None:
            texts = self._texts[row] = self._display_texts(self._rows[row])
        return texts[key]

    def _sort_key(self, row: int, key: str) -> Any:
        column = self._sort_columns.get(key)
        if column is None:
            column = self._sort_columns[key] = [SORT_VALUES[key](r) for r in self._rows]
        return column[row]

    def retranslate(self) -> None:
        """Words in cells (status, "annualised") follow the language; numbers and data stay as they are."""
        self._texts = [None] * len(self._rows)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.KEYS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)

    @staticmethod
    def _display_texts(row: StatusRow) -> dict[str, Any]:
        texts = status_record(row)
        p, t = row.progress, row.target
        texts["status"] = status_text(p.status)
        latest = format_amount(p.actual, t.unit)
        texts["latest"] = (
            latest + QCoreApplication.translate("TargetTableModel", " (annualised)")
            if p.annualised
            else latest
        )
        if t.target_value is None:
            texts["goal"] = QCoreApplication.translate("TargetTableModel", "(monitoring)")
        else:
            goal = f"{t.comparator.symbol}{format_amount(t.target_value, t.unit)}"
            texts["goal"] = (
                QCoreApplication.translate("TargetTableModel", "{goal} by {date}").format(
                    goal=goal, date=t.deadline
                )
                if t.deadline
                else goal
            )
        return texts

    def row_at(self, row: int) -> StatusRow:
        return self._rows[row]

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        key = self.KEYS[index.column()]
        row = self._rows[index.row()]
        status = row.progress.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(index.row(), key)
        if role == self.SortRole:
            return self._sort_key(index.row(), key)
        if role == self.EntityRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key in NUMERIC else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if key == "status" and role == Qt.ItemDataRole.BackgroundRole:
            return status_background(status)
        if key == "status" and role == Qt.ItemDataRole.ForegroundRole:
            return status_foreground(status)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        return None

    @staticmethod
    def _tooltip(row: StatusRow, key: str) -> str | None:
        if key == "target" and row.target.source_quote:
            return row.target.source_quote
        if key in ("latest", "status") and row.progress.notes:
            return "\n".join(row.progress.notes)
        return None
