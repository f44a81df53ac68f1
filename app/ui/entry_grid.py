"""The 填报表 widget: the entry grid with Excel habits (paste blocks, copy as TSV, Enter moves down).

Saving and deleting belong to the lead's session: this widget only says what the user asked for, through
``entriesSubmitted``, ``entryEdited`` and ``deleteRequested``, and the session reloads ``model`` afterwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.ui.entry_grid_model import EntryGridModel, PasteResult

SHOWN_PASTE_ERRORS = 3  # more go into the message's tooltip, so the bar stays short
NARROW_COLUMNS = {"period": 130, "value": 110, "value_type": 100}
WIDE_LIMIT = 280


class _CommitTrackingDelegate(QStyledItemDelegate):
    """Remembers the cell last written, so Enter can move down from it as in Excel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_cell: tuple[int, int] | None = None

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        self.last_cell = (index.row(), index.column())
        super().setModelData(editor, model, index)


class EntryGrid(QWidget):
    """The grid and its bar: save new rows, delete selected rows, and what the last paste found."""

    # (old, new) ProgressEntry: save the edit of a saved row
    entryEdited = Signal(object, object)
    # list[ProgressEntry]: save the drafts as one undoable step
    entriesSubmitted = Signal(list)
    # list[int]: ids of saved entries to delete (after confirming)
    deleteRequested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = EntryGridModel(self)
        self.view = QTableView()
        self.view.setObjectName("entryGridView")
        self.save_button = QPushButton(self.tr("Save new rows"))
        self.delete_button = QPushButton(self.tr("Delete selected"))
        self.message_label = QLabel()
        self.message_label.setObjectName("entryGridMessage")
        self._delegate = _CommitTrackingDelegate(self.view)
        self._paste_message = ""
        self._paste_details = ""
        self._tab_start_column: int | None = None  # Tab, Tab, Enter returns to where the row was begun
        self._kept_cell: tuple[int, int] | None = None
        self._build_ui()
        self._connect_signals()
        self.on_model_changed()

    def _build_ui(self) -> None:
        self.view.setModel(self.model)
        self.view.setItemDelegate(self._delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.setWordWrap(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.installEventFilter(self)
        self.save_button.setObjectName("saveNewRowsButton")
        self.delete_button.setObjectName("deleteSelectedButton")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.save_button)
        bar.addWidget(self.delete_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.message_label)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        # Queued: the session reloads the model when it saves, which must not happen inside the editor's commit.
        self.model.entryEdited.connect(self.entryEdited, Qt.ConnectionType.QueuedConnection)
        self.model.entriesSubmitted.connect(self.entriesSubmitted)
        self.model.modelAboutToBeReset.connect(self.on_model_about_to_be_reset)
        self.model.modelReset.connect(self.on_model_reset)
        self.model.dataChanged.connect(self.on_model_changed)
        self.model.rowsInserted.connect(self.on_model_changed)
        self.model.rowsRemoved.connect(self.on_model_changed)
        self.view.selectionModel().selectionChanged.connect(self.on_selection_changed)
        self._delegate.closeEditor.connect(self.on_editor_closed)  # after the view's own slot
        self.view.doubleClicked.connect(self._refuse_locked_edit)
        self.save_button.clicked.connect(self.on_save_clicked)
        self.delete_button.clicked.connect(self.on_delete_clicked)

    # keyboard ----------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Excel keys on the view. Keys an open cell editor ignores (Return) bubble up here and are let pass."""
        if watched is self.view and event.type() == QEvent.Type.InputMethod:
            assert isinstance(event, QInputMethodEvent)
            return self._commit_into_new_editor(event)
        editing = self.view.indexWidget(self.view.currentIndex()) is not None  # keys it ignored bubble up
        if watched is self.view and event.type() == QEvent.Type.KeyPress and not editing:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_clipboard()
                return True
            if event.matches(QKeySequence.StandardKey.Copy):
                self.copy_selection()
                return True
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
            if plain and event.key() == Qt.Key.Key_Delete:
                self.clear_selected_cells()
                return True
            if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                current = self.view.currentIndex()
                self._move_to(current.row() + 1, current.column())
                return True
            if (event.key() == Qt.Key.Key_F2 or event.text().strip()) and self._refuse_locked_edit():
                return True
        return super().eventFilter(watched, event)

    def _commit_into_new_editor(self, event: QInputMethodEvent) -> bool:
        """Some input methods commit Chinese without composing first; Qt would open an empty editor and drop it."""
        current = self.view.currentIndex()
        if not event.commitString() or event.preeditString() or self.view.indexWidget(current) is not None:
            return False  # Qt's own handling: compose in place, then commit into the editor it opened
        self.view.edit(current)
        editor = self.view.indexWidget(current)
        if editor is None:
            return False
        QApplication.sendEvent(editor, event)
        return True

    def paste_clipboard(self) -> PasteResult:
        """Paste the clipboard at the current cell (new rows only), then select what was pasted."""
        current = self.view.currentIndex()
        top, left = (current.row(), current.column()) if current.isValid() else (self.model.rowCount() - 1, 0)
        result = self.model.paste_block(QApplication.clipboard().text(), top, left)
        shown = list(result.errors[:SHOWN_PASTE_ERRORS])
        if len(result.errors) > SHOWN_PASTE_ERRORS:
            shown.append(self.tr("… and {n} more").format(n=len(result.errors) - SHOWN_PASTE_ERRORS))
        self._paste_message = "\n".join([result.message, *shown])
        self._paste_details = "\n".join(result.errors)
        if result.accepted:
            self._go_to_pasted(result)
        self._update_bar()
        return result

    def copy_selection(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        text = self.model.cells_as_text([i for i in indexes if i.isValid()])
        if text:
            QApplication.clipboard().setText(text)

    def clear_selected_cells(self) -> None:
        indexes = self.view.selectionModel().selectedIndexes() or [self.view.currentIndex()]
        self.model.clear_cells([i for i in indexes if i.isValid()])
        if any(self.model.is_saved_row(i.row()) for i in indexes):
            self._paste_message = self.tr(
                "Saved cells are not cleared: use “Delete selected” to delete saved rows."
            )
            self._paste_details = ""
            self._update_bar()

    def _move_to(self, row: int, column: int) -> None:
        index = self.model.index(min(row, self.model.rowCount() - 1), column)
        if index.isValid():
            self.view.setCurrentIndex(index)

    def _go_to_pasted(self, result: PasteResult) -> None:
        """Put the cursor on the first red cell to fix (else the block's first cell); no selection hides the red."""
        left = max(self.view.currentIndex().column(), 0)
        cells = [self.model.index(r, c) for r in range(result.first_row, result.first_row + result.rows)
                 for c in range(left, left + result.columns)]  # fmt: skip
        bad = [i for i in cells if i.isValid() and i.data(EntryGridModel.ErrorRole)]
        first = bad[0] if bad else self.model.index(result.first_row, left)
        self.view.clearSelection()
        self.view.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
        self.view.scrollTo(first)

    # slots -------------------------------------------------------------------------------------------

    def on_editor_closed(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter commits and moves down (back to the column the row was begun in, after Tabs)."""
        cell = self._delegate.last_cell
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and cell is not None:
            if self._tab_start_column is None:
                self._tab_start_column = cell[1]
            return
        column, self._tab_start_column = self._tab_start_column, None
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and cell is not None:
            self._move_to(cell[0] + 1, cell[1] if column is None else column)

    def on_model_about_to_be_reset(self) -> None:
        current = self.view.currentIndex()
        self._kept_cell = (current.row(), current.column()) if current.isValid() else None

    def on_model_reset(self) -> None:
        """After the session's reload: keep the cursor where it was, fit the columns, forget the old paste."""
        if self._kept_cell is not None:
            self._move_to(*self._kept_cell)
        self._paste_message = self._paste_details = ""
        self.view.resizeColumnsToContents()
        for key, width in NARROW_COLUMNS.items():
            if key in self.model.keys:
                column = self.model.column_of(key)
                self.view.setColumnWidth(column, max(self.view.columnWidth(column), width))
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), WIDE_LIMIT))
        self.on_model_changed()

    def on_model_changed(self, *_: Any) -> None:
        self._update_bar()

    def _refuse_locked_edit(self, *_: Any) -> bool:
        """Typing into (or double-clicking) a figure of a locked period: say why nothing happens."""
        text = self.model.lock_text(self.view.currentIndex().row())
        if text:
            self._paste_message, self._paste_details = text, ""
            self._update_bar()
        return bool(text)

    def _selected_rows(self) -> set[int]:
        return {i.row() for i in self.view.selectionModel().selectedIndexes()}

    def on_selection_changed(self, *_: Any) -> None:
        rows = self._selected_rows()
        locked = any(self.model.lock_at(r) is not None for r in rows)
        self.delete_button.setEnabled(
            not locked and any(self.model.is_saved_row(r) or self.model.is_draft_row(r) for r in rows)
        )

    def on_save_clicked(self) -> None:
        if not self.model.submit_drafts():
            self._paste_message = self.tr("Nothing saved: fix or clear the red cells first.")
            self._update_bar()

    def on_delete_clicked(self) -> None:
        """Unsaved rows just go; saved ones are only asked for, since the session confirms and deletes."""
        rows = sorted(self._selected_rows())
        if locked := [r for r in rows if self.model.lock_at(r) is not None]:  # nothing goes, not even drafts
            self._paste_message, self._paste_details = self.model.lock_text(locked[0]), ""
            self._update_bar()
            return
        ids = [e.id for r in rows if (e := self.model.entry_at(r)) is not None and e.id is not None]
        self.model.remove_draft_rows(rows)
        if ids:
            self.deleteRequested.emit(ids)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("Save new rows"))
        self.delete_button.setText(self.tr("Delete selected"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._update_bar()

    def _update_bar(self) -> None:
        entries = self.model.draft_entries()
        self.save_button.setEnabled(bool(entries) and not self.model.has_errors())
        self.on_selection_changed()
        parts = [self._paste_message] if self._paste_message else []
        if errors := self.model.error_count():
            parts.append(self.tr("%n invalid cell(s): point at a red cell to see why.", "", errors))
        if (reference := self.model.reference_date()) is not None:
            parts.append(
                self.tr("A period typed without a year is the latest one ended by {date}.").format(
                    date=reference.isoformat()
                )
            )
        elif (year := self.model.default_year()) is not None:
            parts.append(self.tr("Periods typed without a year count as {year}.").format(year=year))
        self.message_label.setText("\n".join(parts))
        self.message_label.setToolTip(self._paste_details)
