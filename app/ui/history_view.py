"""修改记录: who changed a target or its figures, when, and what changed — read from the audit trail, newest
first. ``HistoryView`` is a plain widget (it can sit in a tab); ``HistoryDialog`` shows it for one target."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.audit_export import HistoryItem
from app.ui.keyed_table_model import Index, KeyedTableModel

MAX_CHANGES_WIDTH = 420  # px; the whole text is in the tooltip and the pane below


class HistoryModel(KeyedTableModel):
    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS = ("time", "who", "machine", "action", "record", "changes")
    HEADERS: ClassVar[dict[str, str]] = {
        "time": QT_TRANSLATE_NOOP("HistoryModel", "Time"),
        "who": QT_TRANSLATE_NOOP("HistoryModel", "User"),
        "machine": QT_TRANSLATE_NOOP("HistoryModel", "Computer"),
        "action": QT_TRANSLATE_NOOP("HistoryModel", "Action"),
        "record": QT_TRANSLATE_NOOP("HistoryModel", "Record"),
        "changes": QT_TRANSLATE_NOOP("HistoryModel", "Changes"),
    }
    HEADER_CONTEXT = "HistoryModel"

    def __init__(self, items: list[HistoryItem] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._items = list(items or [])

    def set_items(self, items: list[HistoryItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> HistoryItem:
        return self._items[row]

    def _row_count(self) -> int:
        return len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "changes":
            return "\n".join(c.text for c in item.changes) or None
        if role == self.SortRole:
            return item.event_id if key == "time" else self._text(item, key)
        if role == self.EntityRole:
            return item
        return None

    @staticmethod
    def _text(item: HistoryItem, key: str) -> str:
        if key == "time":
            return item.at_text
        if key == "record":
            return item.record if item.record_id is None else f"{item.record}（{item.record_id}）"
        if key == "changes":
            return item.summary
        value: str = getattr(item, key)
        return value


class HistoryView(QWidget):
    """The events in a table; the selected event's changes in full below, one per line, selectable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(parent=self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.detail = QLabel()
        self.detail.setObjectName("historyDetail")
        self.detail.setWordWrap(True)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)

    def set_items(self, items: list[HistoryItem]) -> None:
        self.model.set_items(items)
        self.empty.setText(self.tr("No changes are recorded for this target.") if not items else "")
        self.empty.setVisible(not items)
        self.table.resizeColumnsToContents()
        column = HistoryModel.KEYS.index("changes")
        self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_CHANGES_WIDTH))
        if items:
            self.table.selectRow(0)
        else:
            self.detail.clear()

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        item = self.model.item_at(current.row())
        head = f"{item.at_text}  {item.who}（{item.machine}）  {item.action} {HistoryModel._text(item, 'record')}"
        self.detail.setText("\n".join([head, *(c.text for c in item.changes)]))


class HistoryDialog(QDialog):
    """The change history of one target; read-only, Esc or Close shuts it."""

    def __init__(self, target_name: str, items: list[HistoryItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change history — {target}").format(target=target_name))
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        self.caption = QLabel(
            self.tr("Changes to the target and its figures, newest first, from the audit trail.")
        )
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.view = HistoryView(self)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.set_items(items)
        self.view.table.setFocus()
