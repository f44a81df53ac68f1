"""The rows of an import preview as a table: each row's verdict (word and colour), where it is in the file,
what it would save, and why not."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.numbers import format_decimal
from app.services.import_rows import PreviewRow, RowStatus
from app.ui.keyed_table_model import Index, KeyedTableModel

# Background and text colours by verdict; the word is always shown too.
STATUS_COLOURS: dict[RowStatus, tuple[str, str]] = {
    RowStatus.OK: ("#e8f5e9", "#1b5e20"),
    RowStatus.WARNING: ("#fff8e1", "#8d5a00"),
    RowStatus.ERROR: ("#ffebee", "#b71c1c"),
    RowStatus.SKIPPED: ("#f5f5f5", "#555555"),
}


class ImportPreviewModel(KeyedTableModel):
    KEYS = ("status", "cell", "target", "period", "value", "reason", "file")
    HEADERS: ClassVar[dict[str, str]] = {
        "status": QT_TRANSLATE_NOOP("ImportPreviewModel", "Check"),
        "cell": QT_TRANSLATE_NOOP("ImportPreviewModel", "Cell"),
        "target": QT_TRANSLATE_NOOP("ImportPreviewModel", "Target"),
        "period": QT_TRANSLATE_NOOP("ImportPreviewModel", "Period"),
        "value": QT_TRANSLATE_NOOP("ImportPreviewModel", "Value"),
        "reason": QT_TRANSLATE_NOOP("ImportPreviewModel", "Reason"),
        "file": QT_TRANSLATE_NOOP("ImportPreviewModel", "File"),
    }
    HEADER_CONTEXT = "ImportPreviewModel"

    def __init__(self, rows: tuple[PreviewRow, ...] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows

    def set_rows(self, rows: tuple[PreviewRow, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, row: int) -> PreviewRow:
        return self._rows[row]

    def _row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(row, key)
            return text if role == Qt.ItemDataRole.DisplayRole or key in ("reason", "target") else None
        if key == "status" and role == Qt.ItemDataRole.BackgroundRole:
            return QColor(STATUS_COLOURS[row.status][0])
        if key == "status" and role == Qt.ItemDataRole.ForegroundRole:
            return QColor(STATUS_COLOURS[row.status][1])
        if key == "value" and role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(row: PreviewRow, key: str) -> str:
        if key == "status":
            return row.status.label  # the services speak Chinese; the verdict words come with them
        if key == "cell":
            return row.cell
        if key == "target":
            return row.target.name if row.target is not None else ""
        if key == "period":
            return row.period_text
        if key == "value":
            value = row.value_in_unit()
            if value is None or row.target is None:
                return row.value_text
            return f"{format_decimal(value)}{row.target.unit}"
        if key == "reason":
            return row.reason
        return row.file

    def index_of_first(self, status: RowStatus) -> QModelIndex:
        row = next((i for i, r in enumerate(self._rows) if r.status is status), None)
        return QModelIndex() if row is None else self.index(row, 0)
