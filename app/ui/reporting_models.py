"""报送情况 as two tables: one row per responsible unit (how many of its targets reported, late, missing) and one
row per expected (unit, target) with its reporting state, worded and coloured so grey paper still reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QObject,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from app.domain.formatting import format_percent
from app.services.reporting_status import COLUMNS, ReportingRow, ReportingState, UnitSummary, row_record
from app.ui.keyed_table_model import Index, KeyedTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ENTITY_ROLE = Qt.ItemDataRole.UserRole + 2
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

STATE_TEXT = {
    ReportingState.ON_TIME: QT_TRANSLATE_NOOP("ReportingModels", "On time"),
    ReportingState.LATE: QT_TRANSLATE_NOOP("ReportingModels", "Late"),
    ReportingState.MISSING: QT_TRANSLATE_NOOP("ReportingModels", "Not reported"),
    ReportingState.PENDING: QT_TRANSLATE_NOOP("ReportingModels", "Pending"),
}
# (background, text); late and missing match the fills of the exported sheet (add_reporting_sheet). The word is
# always shown and the two problem states are bold too: colour alone does not survive a black-and-white printer.
STATE_COLOURS = {
    ReportingState.ON_TIME: ("#DCEFDC", "#1B5E20"),
    ReportingState.LATE: ("#FCE4C4", "#7A4F00"),
    ReportingState.MISSING: ("#F8D0CD", "#8E1B12"),
    ReportingState.PENDING: ("#EEEEEE", "#555555"),
}
BOLD_STATES = {ReportingState.LATE, ReportingState.MISSING}
# Worst first when sorting by state.
STATE_ORDER = {
    ReportingState.MISSING: 0,
    ReportingState.LATE: 1,
    ReportingState.PENDING: 2,
    ReportingState.ON_TIME: 3,
}


def state_text(state: ReportingState) -> str:
    return QCoreApplication.translate("ReportingModels", STATE_TEXT[state])


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class ReportingUnitModel(KeyedTableModel):
    """One row per responsible unit; the late and missing counts are coloured when not zero."""

    KEYS = ("unit", "targets", "reported", "late", "missing", "pending", "rate")
    HEADERS: ClassVar[dict[str, str]] = {
        "unit": QT_TRANSLATE_NOOP("ReportingUnitModel", "Responsible unit"),
        "targets": QT_TRANSLATE_NOOP("ReportingUnitModel", "Targets"),
        "reported": QT_TRANSLATE_NOOP("ReportingUnitModel", "Reported"),
        "late": QT_TRANSLATE_NOOP("ReportingUnitModel", "Late"),
        "missing": QT_TRANSLATE_NOOP("ReportingUnitModel", "Not reported"),
        "pending": QT_TRANSLATE_NOOP("ReportingUnitModel", "Pending"),
        "rate": QT_TRANSLATE_NOOP("ReportingUnitModel", "Reporting rate"),
    }
    HEADER_CONTEXT = "ReportingUnitModel"
    COLOURED: ClassVar[dict[str, ReportingState]] = {
        "late": ReportingState.LATE,
        "missing": ReportingState.MISSING,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: tuple[UnitSummary, ...] = ()

    def set_units(self, units: tuple[UnitSummary, ...]) -> None:
        self.beginResetModel()
        self._units = units
        self.endResetModel()

    def unit_at(self, row: int) -> UnitSummary:
        return self._units[row]

    def _row_count(self) -> int:
        return len(self._units)

    @staticmethod
    def _value(u: UnitSummary, key: str) -> Any:
        if key == "unit":
            return u.unit
        if key == "rate":
            return -1.0 if u.rate is None else u.rate
        return int(getattr(u, key))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        u = self._units[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_percent(u.rate) if key == "rate" else str(self._value(u, key))
        if role == SORT_ROLE:
            return self._value(u, key)
        if role == ENTITY_ROLE:
            return u
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "unit":
            return RIGHT
        state = self.COLOURED.get(key)
        if state is None or not self._value(u, key):
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATE_COLOURS[state][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATE_COLOURS[state][1])
        if role == Qt.ItemDataRole.FontRole:
            return _bold()
        return None


def _sort_values() -> dict[str, Callable[[ReportingRow], Any]]:
    return {
        "unit": lambda r: r.unit,
        "plan": lambda r: r.plan.title,
        "target": lambda r: r.target.name,
        "state": lambda r: STATE_ORDER[r.state],
        "reported_period": lambda r: r.latest.period.end.isoformat() if r.latest else "",
        "value": lambda r: row_record(r)["value"],
        "reported_at": lambda r: r.reported_at.isoformat() if r.reported_at else "",
        "due": lambda r: r.due.isoformat(),
        "days_late": lambda r: -1 if r.days_late is None else r.days_late,
    }


class ReportingRowModel(KeyedTableModel):
    """One row per expected (unit, target): the columns of the service's COLUMNS, the state worded and coloured."""

    KEYS: ClassVar[tuple[str, ...]] = tuple(key for key, _ in COLUMNS)
    HEADERS: ClassVar[dict[str, str]] = {
        "unit": QT_TRANSLATE_NOOP("ReportingRowModel", "Responsible unit"),
        "plan": QT_TRANSLATE_NOOP("ReportingRowModel", "Plan"),
        "target": QT_TRANSLATE_NOOP("ReportingRowModel", "Target"),
        "state": QT_TRANSLATE_NOOP("ReportingRowModel", "Reporting"),
        "reported_period": QT_TRANSLATE_NOOP("ReportingRowModel", "Period reported"),
        "value": QT_TRANSLATE_NOOP("ReportingRowModel", "Value"),
        "reported_at": QT_TRANSLATE_NOOP("ReportingRowModel", "Reported at"),
        "due": QT_TRANSLATE_NOOP("ReportingRowModel", "Due"),
        "days_late": QT_TRANSLATE_NOOP("ReportingRowModel", "Days late"),
    }
    HEADER_CONTEXT = "ReportingRowModel"
    COL_UNIT = KEYS.index("unit")
    COL_STATE = KEYS.index("state")
    SORT_VALUES = _sort_values()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[ReportingRow, ...] = ()
        self._texts: list[dict[str, str]] = []

    def set_rows(self, rows: tuple[ReportingRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._texts = [row_record(r) for r in rows]
        self.endResetModel()

    def row_at(self, row: int) -> ReportingRow:
        return self._rows[row]

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return state_text(r.state) if key == "state" else self._texts[index.row()][key]
        if role == SORT_ROLE:
            return self.SORT_VALUES[key](r)
        if role == ENTITY_ROLE:
            return r
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("value", "days_late"):
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and key in ("plan", "target"):
            return self._texts[index.row()][key]  # long titles are cut off in the column
        if key != "state":
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATE_COLOURS[r.state][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATE_COLOURS[r.state][1])
        if role == Qt.ItemDataRole.FontRole and r.state in BOLD_STATES:
            return _bold()
        return None


class UnitFilterProxy(QSortFilterProxyModel):
    """Sorts by native values and shows one unit's rows, matched exactly: a fixed-string filter would let
    "市经济和信息化局" also match "市经济和信息化局数字产业处"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unit: str | None = None
        self.setSortRole(SORT_ROLE)

    @property
    def unit(self) -> str | None:
        return self._unit

    def set_unit(self, unit: str | None) -> None:
        if unit == self._unit:
            return
        if hasattr(self, "endFilterChange"):  # Qt ≥ 6.10: the non-deprecated way to refilter
            self.beginFilterChange()
            self._unit = unit
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._unit = unit
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if self._unit is None:
            return True
        entity = self.sourceModel().index(source_row, 0, source_parent).data(ENTITY_ROLE)
        return getattr(entity, "unit", None) == self._unit
