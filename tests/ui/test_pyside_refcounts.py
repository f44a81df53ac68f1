"""Guards against a PySide6 fault seen in 6.12.0: every empty QVariant returned to Python dropped a reference
to None, so a long session (or a big file) ended in "Fatal Python error: deallocating None". The check
measures None's reference count instead of waiting for the crash."""

from __future__ import annotations

import sys

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox

from app.ui.target_table_model import TargetTableModel

CALLS = 300


def none_refs_lost(call: object) -> int:
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        call()  # type: ignore[operator]
    return before - sys.getrefcount(None)


def test_empty_values_from_qt_keep_none_alive(qapp: QApplication) -> None:
    combo = QComboBox()
    combo.addItem("全部", None)
    items = QStandardItemModel()
    items.appendRow(QStandardItem("指标"))
    ours = TargetTableModel()  # a Python model: C++ converts its None into an empty QVariant and back
    missing_role = Qt.ItemDataRole.UserRole + 50
    losses = {
        "QComboBox.itemData": none_refs_lost(lambda: combo.itemData(0)),
        "QModelIndex.data": none_refs_lost(lambda: items.index(0, 0).data(missing_role)),
        "QPersistentModelIndex.data": none_refs_lost(
            lambda: QPersistentModelIndex(items.index(0, 0)).data(missing_role)
        ),
        "our model via QModelIndex": none_refs_lost(lambda: QModelIndex().data()),
    }
    assert ours.rowCount() == 0
    # A few references come and go with caches; a fault loses one per call (300 here).
    assert {name: lost for name, lost in losses.items() if lost > CALLS // 10} == {}
