"""The dashboard's filters on top of TargetTableModel: tree node, responsible unit, statuses and free-text search.

All filters combine (AND). Sorting uses the table model's SortRole, so numbers sort as numbers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from app.domain.status import Status
from app.services.statuses import StatusRow, status_counts
from app.ui.plan_tree_model import ALL_TARGETS, BEHIND_STATUSES, TreeSelection
from app.ui.target_table_model import TargetTableModel

__all__ = ["BEHIND_STATUSES", "DashboardFilter", "search_text"]

Index = QModelIndex | QPersistentModelIndex


def search_text(row: StatusRow) -> str:
    """Everything the search box looks in, case-folded once: name, plan, unit, category and the 原文."""
    t = row.target
    parts = (t.name, row.plan.title, t.responsible_unit, t.category, t.source_quote)
    return "\n".join(parts).casefold()


class DashboardFilter(QSortFilterProxyModel):
    """Filters TargetTableModel rows; each setter refilters only when its value really changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._selection = ALL_TARGETS
        self._unit: str | None = None
        self._statuses: frozenset[Status] | None = None
        self._words: tuple[str, ...] = ()
        self.setSortRole(TargetTableModel.SortRole)

    # --- filters -------------------------------------------------------------------------------------------
    def set_selection(self, selection: TreeSelection | None) -> None:
        self._change("_selection", selection or ALL_TARGETS)

    def set_responsible_unit(self, unit: str | None) -> None:
        self._change("_unit", unit)

    def set_statuses(self, statuses: set[Status] | frozenset[Status] | None) -> None:
        """None (or an empty set) shows every status."""
        self._change("_statuses", frozenset(statuses) if statuses else None)

    def set_search(self, text: str) -> None:
        """Whitespace-separated words (full-width spaces too) must all occur, ignoring case."""
        self._change("_words", tuple(text.casefold().split()))

    def selection(self) -> TreeSelection:
        return self._selection

    def responsible_unit(self) -> str | None:
        return self._unit

    def statuses(self) -> frozenset[Status] | None:
        return self._statuses

    def search_words(self) -> tuple[str, ...]:
        return self._words

    def _change(self, attribute: str, value: object) -> None:
        if getattr(self, attribute) == value:
            return
        if hasattr(self, "endFilterChange"):  # Qt ≥ 6.10: the non-deprecated way to refilter
            self.beginFilterChange()
            setattr(self, attribute, value)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            setattr(self, attribute, value)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        source = self.sourceModel()
        if source is None:
            return False
        row = source.index(source_row, 0, source_parent).data(TargetTableModel.EntityRole)
        return row is not None and self.accepts(row)

    def accepts(self, row: StatusRow) -> bool:
        """The filter rule on one row, usable without a model."""
        if not self._selection.matches(row):
            return False
        if self._unit is not None and row.target.responsible_unit != self._unit:
            return False
        if self._statuses is not None and row.progress.status not in self._statuses:
            return False
        if self._words:
            haystack = search_text(row)
            return all(word in haystack for word in self._words)
        return True

    # --- what passes ---------------------------------------------------------------------------------------
    def visible_rows(self) -> list[StatusRow]:
        """The rows that pass every filter, in the order the table shows them."""
        return [self.index(r, 0).data(TargetTableModel.EntityRole) for r in range(self.rowCount())]

    def status_counts(self) -> dict[Status, int]:
        """Counts per status over the visible rows, zeros included, worst first (for the counts line)."""
        source = self.sourceModel()
        if isinstance(source, TargetTableModel):  # straight from the rows: no per-cell Qt calls
            return status_counts(r for r in source.rows() if self.accepts(r))
        return status_counts(self.visible_rows())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting happens in the source model (Python's sort on precomputed keys, milliseconds for 5,000
        rows); sorting here would call data() some 100,000 times and freeze the window for seconds."""
        source = self.sourceModel()
        if isinstance(source, TargetTableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)
