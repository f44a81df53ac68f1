"""The navigation tree: all targets, then each plan (政策文件) with its categories (维度), counted and lag-marked.

People scan this pane for "which plan has targets behind?", so every node says how many targets it holds and
how many of them are behind. Selecting a node hands a ``TreeSelection`` to the dashboard filter.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.domain.status import Status
from app.services.statuses import StatusRow

# "Behind" everywhere in the window (tree counts, the filter bar's "Behind" entry): off track, overdue, at risk.
BEHIND_STATUSES: frozenset[Status] = frozenset({Status.OFF_TRACK, Status.OVERDUE, Status.AT_RISK})


@dataclass(frozen=True, slots=True)
class TreeSelection:
    """What a tree node stands for: all targets (both None), one plan, or one category of one plan."""

    plan_id: int | None = None
    category: str | None = None

    def matches(self, row: StatusRow) -> bool:
        if self.plan_id is not None and row.target.plan_id != self.plan_id:
            return False
        return self.category is None or row.target.category == self.category


ALL_TARGETS = TreeSelection()


def _behind(rows: Iterable[StatusRow]) -> int:
    return sum(1 for r in rows if r.progress.status in BEHIND_STATUSES)


class PlanTreeModel(QStandardItemModel):
    """Read-only tree built from status rows with ``set_rows``; one column."""

    FilterRole = Qt.ItemDataRole.UserRole + 1  # TreeSelection
    CountRole = Qt.ItemDataRole.UserRole + 2  # int: targets under the node
    BehindRole = Qt.ItemDataRole.UserRole + 3  # int: of which behind (BEHIND_STATUSES)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setColumnCount(1)
        self.setHorizontalHeaderLabels([self.tr("Plans")])

    def set_rows(self, rows: list[StatusRow]) -> None:
        """Rebuild the tree; plans and categories keep the order in which the rows first name them."""
        by_plan: dict[int, list[StatusRow]] = {}
        for row in rows:
            by_plan.setdefault(row.target.plan_id, []).append(row)
        everything = self._item(self.tr("All targets"), ALL_TARGETS, rows, tooltip=None)
        for plan_id, plan_rows in by_plan.items():
            plan = plan_rows[0].plan
            plan_item = self._item(plan.title, TreeSelection(plan_id, None), plan_rows, tooltip=plan.title)
            by_category: dict[str, list[StatusRow]] = {}
            for row in plan_rows:
                by_category.setdefault(row.target.category, []).append(row)
            for category, category_rows in by_category.items():
                name = category or self.tr("(No category)")
                plan_item.appendRow(self._item(name, TreeSelection(plan_id, category), category_rows, None))
            everything.appendRow(plan_item)
        # The tree is built detached; swapping it in is one reset, not a signal per item.
        self.beginResetModel()
        self.blockSignals(True)
        try:
            self.removeRows(0, self.rowCount())
            self.appendRow(everything)
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def index_for(self, selection: TreeSelection) -> QModelIndex:
        """The node for a selection (to restore it after a refresh); invalid when it no longer exists."""
        pending = [self.index(r, 0) for r in range(self.rowCount())]
        while pending:
            index = pending.pop(0)
            if index.data(self.FilterRole) == selection:
                return index
            pending += [self.index(r, 0, index) for r in range(self.rowCount(index))]
        return QModelIndex()

    def _item(
        self, name: str, selection: TreeSelection, rows: list[StatusRow], tooltip: str | None
    ) -> QStandardItem:
        count, behind = len(rows), _behind(rows)
        if behind:
            text = self.tr("{name} ({count} · {behind} behind)").format(name=name, count=count, behind=behind)
        else:
            text = self.tr("{name} ({count})").format(name=name, count=count)
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(selection, self.FilterRole)
        item.setData(count, self.CountRole)
        item.setData(behind, self.BehindRole)
        if tooltip:
            item.setToolTip(tooltip)
        return item
