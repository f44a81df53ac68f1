"""File → Restore from backup…: the backups of the open file — when each was taken, what it holds, how big it
is — and a Restore button that asks first. The dialog only chooses; the controller closes the file, restores it
(app.services.backups keeps the current file first) and opens it again."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.backups import BackupInfo, BackupKind
from app.ui.keyed_table_model import Index, KeyedTableModel
from app.ui.prompts import Prompts


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class BackupListModel(KeyedTableModel):
    """One row per backup, newest first; counts are numbers (they sort as numbers) read from the copy."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS = ("taken", "kind", "plans", "targets", "entries", "size")
    HEADERS: ClassVar[dict[str, str]] = {
        "taken": QT_TRANSLATE_NOOP("BackupListModel", "Taken"),
        "kind": QT_TRANSLATE_NOOP("BackupListModel", "Kind"),
        "plans": QT_TRANSLATE_NOOP("BackupListModel", "Plans"),
        "targets": QT_TRANSLATE_NOOP("BackupListModel", "Targets"),
        "entries": QT_TRANSLATE_NOOP("BackupListModel", "Figures"),
        "size": QT_TRANSLATE_NOOP("BackupListModel", "Size"),
    }
    HEADER_CONTEXT = "BackupListModel"
    _NUMERIC = frozenset({"plans", "targets", "entries", "size"})

    def __init__(self, backups: list[BackupInfo] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._backups = list(backups or [])

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> BackupInfo:
        return self._backups[row]

    def _row_count(self) -> int:
        return len(self._backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        b = self._backups[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(b, key)
        if role == self.SortRole:
            return self._sort_value(b, key)
        if role == self.EntityRole:
            return b
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(b.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in self._NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and b.counts is None:
            from PySide6.QtGui import QColor

            return QColor("#b71c1c")  # a damaged file's copy: shown, never offered as good
        return None

    @staticmethod
    def _text(b: BackupInfo, key: str) -> str:
        if key == "taken":
            return b.taken_at.strftime("%Y-%m-%d %H:%M:%S")
        if key == "kind":
            return b.kind.label  # the services speak Chinese
        if key == "size":
            return size_text(b.size)
        if b.counts is None:
            return "—"
        return str(getattr(b.counts, key))

    @staticmethod
    def _sort_value(b: BackupInfo, key: str) -> Any:
        if key == "taken":
            return b.taken_at.isoformat()
        if key == "kind":
            return b.kind.value
        if key == "size":
            return b.size
        return -1 if b.counts is None else getattr(b.counts, key)


class BackupDialog(QDialog):
    """Lists ``backups`` of ``path``; after ``exec()`` returns Accepted, ``chosen`` is the backup to restore
    (the user has confirmed)."""

    def __init__(
        self,
        path: Path,
        backups: list[BackupInfo],
        prompts: Prompts,
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.prompts = prompts
        self.chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if backups:
            self.intro.setText(
                self.tr(
                    "Backups of {file}, newest first. Restoring replaces the file with the chosen backup; the file as it is now is kept as a backup first.\nFolder: {folder}"
                ).format(file=path.name, folder=folder)
            )
        else:
            self.intro.setText(
                self.tr(
                    "There are no backups of {file} yet. A backup is taken each time the file is opened for editing, and once a day while it is in use.\nFolder: {folder}"
                ).format(file=path.name, folder=folder)
            )
        layout.addWidget(self.intro)

        self.model = BackupListModel(backups, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(BackupListModel.SortRole)
        self.table = QTableView()
        self.table.setObjectName("backupTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            self.tr("&Restore…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.clicked.connect(self.on_restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.restore_button.setDefault(True)  # Enter restores the selected backup — after the question

        self.table.selectionModel().selectionChanged.connect(self._update_button)
        self.table.doubleClicked.connect(lambda _index: self.on_restore())
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        self._update_button()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(BackupListModel.EntityRole)
        return value if isinstance(value, BackupInfo) else None

    def select(self, row: int) -> None:
        self.table.selectRow(row)

    def _update_button(self, *_args: object) -> None:
        b = self.selected()
        self.restore_button.setEnabled(
            b is not None and b.counts is not None and b.kind is not BackupKind.DAMAGED
        )

    def on_restore(self) -> None:
        b = self.selected()
        if b is None or not self.restore_button.isEnabled():
            return
        question = self.tr(
            "Replace {file} with the backup taken {date} ({summary})?\n\nChanges made since then will no longer be in the file. The file as it is now is kept in the backups folder first, so this can be undone by restoring that copy."
        ).format(file=self.path.name, date=b.taken_at.strftime("%Y-%m-%d %H:%M"), summary=b.summary)
        if not self.prompts.confirm(self.tr("Restore from backup"), question):
            return
        self.chosen = b
        self.accept()
