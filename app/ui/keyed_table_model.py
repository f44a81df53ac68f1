"""The common part of our read-only table models: named columns with translatable headers."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class KeyedTableModel(QAbstractTableModel):
    """Columns are named by ``KEYS``; ``HEADERS`` maps each key to its (QT_TRANSLATE_NOOP) header text in
    ``HEADER_CONTEXT``. Subclasses say how many rows there are and what each cell holds."""

    KEYS: ClassVar[tuple[str, ...]] = ()
    HEADERS: ClassVar[dict[str, str]] = {}
    HEADER_CONTEXT: ClassVar[str] = ""

    def _row_count(self) -> int:
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.KEYS):
            return QCoreApplication.translate(self.HEADER_CONTEXT, self.HEADERS[self.KEYS[section]])
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None
