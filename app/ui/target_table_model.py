"""The dashboard table: one row per target with its progress, sortable by real values."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.domain.formatting import format_amount
from app.services.status_table import COLUMNS, status_record
from app.services.statuses import StatusRow
from app.ui.labels import status_text
from app.ui.status_style import status_background, status_foreground

Index = QModelIndex | QPersistentModelIndex

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


class TargetTableModel(QAbstractTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS: ClassVar[tuple[str, ...]] = tuple(key for key, _ in COLUMNS)
    COL_STATUS = KEYS.index("status")

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[StatusRow] = []
        self._texts: list[dict[str, Any]] = []

    def set_rows(self, rows: list[StatusRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._texts = [self._display_texts(r) for r in self._rows]
        self.endResetModel()

    def retranslate(self) -> None:
        """Words in cells (status, "annualised") follow the language; numbers and data stay as they are."""
        self._texts = [self._display_texts(r) for r in self._rows]
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

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.KEYS):
            return QCoreApplication.translate("TargetTableModel", HEADERS[self.KEYS[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        key = self.KEYS[index.column()]
        row = self._rows[index.row()]
        status = row.progress.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][key]
        if role == self.SortRole:
            return self._sort_value(row, key)
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
    def _sort_value(row: StatusRow, key: str) -> Any:
        p, t = row.progress, row.target
        values: dict[str, Any] = {
            "plan": row.plan.title,
            "target": t.name,
            "responsible_unit": t.responsible_unit,
            "goal": _num(t.target_value),
            "latest": _num(p.actual),
            "period": (p.actual_on or date.min).toordinal(),
            "completion": _num(p.completion),
            "time_progress": _num(p.time_progress),
            "lag": _num(p.lag_points),
            "gap": _num(p.gap),
            "forecast": _num(p.forecast),
            "status": p.status.severity,
        }
        return values[key]

    @staticmethod
    def _tooltip(row: StatusRow, key: str) -> str | None:
        if key == "target" and row.target.source_quote:
            return row.target.source_quote
        if key in ("latest", "status") and row.progress.notes:
            return "\n".join(row.progress.notes)
        return None
