"""The import preview (导入预览): every row of the returned fill-in sheets with its verdict, the cell it came from
and the reason, before anything is saved. Nothing is written until the user presses Import; then all the good
rows are saved in one transaction, or none."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.import_rows import RowStatus
from app.services.sheet_import import FileState, ImportPreview
from app.ui.import_preview_model import ImportPreviewModel


class ImportPreviewDialog(QDialog):
    """Shows ``preview``; ``accept_warnings`` tells the caller whether rows with warnings go in too."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.setWindowTitle(self.tr("Import preview"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)

        self.summary = QLabel(preview.summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        problems = [f"{f.name}：{f.message}" for f in preview.files if f.state is not FileState.READ]
        self.files_note = QLabel("\n".join(problems))
        self.files_note.setWordWrap(True)
        self.files_note.setStyleSheet("color: #b71c1c;")
        self.files_note.setVisible(bool(problems))
        layout.addWidget(self.files_note)

        bar = QHBoxLayout()
        self.show_combo = QComboBox()
        self.show_combo.addItem(self.tr("All rows"), None)
        for status in RowStatus:
            self.show_combo.addItem(status.label, status.value)
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.show_combo)
        bar.addStretch(1)
        self.warnings_check = QCheckBox(self.tr("Also import rows with warnings"))
        self.warnings_check.setChecked(True)
        bar.addWidget(self.warnings_check)
        layout.addLayout(bar)

        self.model = ImportPreviewModel(preview.rows, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(0)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((56, 90, 260, 120, 110, 380, 160)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.detail = QLabel()  # the whole reason of the selected row: the column shows only its start
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(40)
        layout.addWidget(self.detail)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.show_combo.currentIndexChanged.connect(self._filter)
        self.warnings_check.toggled.connect(self._update_button)
        self._update_button()
        first_problem = self.model.index_of_first(RowStatus.ERROR)
        if not first_problem.isValid():
            first_problem = self.model.index_of_first(RowStatus.WARNING)
        if first_problem.isValid():  # the user's eye goes where the trouble is
            self.table.scrollTo(self.proxy.mapFromSource(first_problem))
            self.table.selectRow(self.proxy.mapFromSource(first_problem).row())

    @property
    def accept_warnings(self) -> bool:
        return self.warnings_check.isChecked()

    def rows_to_import(self) -> int:
        return len(self.preview.rows_to_commit(self.accept_warnings))

    def _filter(self) -> None:
        value = self.show_combo.currentData()
        label = RowStatus(value).label if value else ""
        self.proxy.setFilterFixedString(label)

    def _show_detail(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        if not current.isValid():
            self.detail.clear()
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        where = f"{row.file} · {row.cell}"
        self.detail.setText(f"{where}：{row.reason}" if row.reason else where)

    def _update_button(self) -> None:
        count = self.rows_to_import()
        self.import_button.setText(self.tr("Import %n figure(s)", "", count))
        self.import_button.setEnabled(count > 0)
        self.import_button.setDefault(count > 0)
