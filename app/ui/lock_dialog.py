"""Edit → Lock reporting period… / Unlock reporting period…: choose the period, see what is locked already.

The dialog only asks; the window locks or unlocks through the session (the services audit it), so nothing is
half-saved when it is cancelled. Locking: type the period the way reports write it ("2025年6月", "2025年上半年");
the range it covers is shown while typing, and a period already locked is refused before OK. Unlocking: pick
one of the locked periods.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.periods import Period, end_of_month
from app.services.period_locks import already_locked, parse_lock_period
from app.storage.file_records import PeriodLock
from app.ui.keyed_table_model import Index, KeyedTableModel

LOCK_COLOUR = QColor("#5f6368")
ERROR_STYLE = "color: #b3261e;"


@cache
def lock_icon() -> QIcon:
    """A small padlock, drawn (the platform styles have none): the mark of a locked figure or period."""
    size = 32  # drawn large, scaled down sharply by Qt
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(LOCK_COLOUR, 4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16)  # the shackle
    painter.drawLine(QPointF(9, 11), QPointF(9, 15))
    painter.drawLine(QPointF(23, 11), QPointF(23, 15))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(LOCK_COLOUR)
    painter.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3)  # the body
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPointF(16, 21), 2.5, 2.5)  # the keyhole
    painter.end()
    return QIcon(pixmap)


def suggested_period(as_of: date) -> str:
    """The month most likely to be approved: the as-of month when it has ended, else the month before."""
    if as_of != end_of_month(as_of.year, as_of.month):
        as_of = as_of.replace(day=1) - timedelta(days=1)
    return f"{as_of.year}年{as_of.month}月"


class LockTableModel(KeyedTableModel):
    """The locked periods, oldest first: period, range, who locked it and when, note."""

    KEYS = ("period", "range", "locked_by", "locked_at", "note")
    HEADERS: ClassVar[dict[str, str]] = {
        "period": QT_TRANSLATE_NOOP("LockTableModel", "Period"),
        "range": QT_TRANSLATE_NOOP("LockTableModel", "Dates"),
        "locked_by": QT_TRANSLATE_NOOP("LockTableModel", "Locked by"),
        "locked_at": QT_TRANSLATE_NOOP("LockTableModel", "Locked at"),
        "note": QT_TRANSLATE_NOOP("LockTableModel", "Note"),
    }
    HEADER_CONTEXT = "LockTableModel"

    def __init__(self, locks: list[PeriodLock], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.locks = list(locks)

    def _row_count(self) -> int:
        return len(self.locks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.locks):
            return None
        lock, key = self.locks[index.row()], self.KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                "period": lock.period.label,
                "range": f"{lock.period.start:%Y-%m-%d} – {lock.period.end:%Y-%m-%d}",
                "locked_by": f"{lock.locked_by}（{lock.machine}）" if lock.machine else lock.locked_by,
                "locked_at": f"{lock.locked_at:%Y-%m-%d %H:%M}",
                "note": lock.note,
            }[key]
        if role == Qt.ItemDataRole.DecorationRole and key == "period":
            return lock_icon()
        return None


class LockDialog(QDialog):
    """Lock (``unlocking=False``) or unlock a reporting period; ``result_period()`` is the choice."""

    def __init__(
        self,
        locks: list[PeriodLock],
        parent: QWidget | None = None,
        *,
        unlocking: bool = False,
        suggestion: str = "",
    ) -> None:
        super().__init__(parent)
        self.unlocking = unlocking
        self.locks = list(locks)
        self.intro = QLabel()
        self.period_edit = QLineEdit()
        self.range_label = QLabel()
        self.note_edit = QLineEdit()
        self.table = QTableView()
        self.model = LockTableModel(self.locks, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._period: Period | None = None
        self._build_ui()
        self.period_edit.textChanged.connect(self.revalidate)
        self.table.selectionModel().selectionChanged.connect(self.revalidate)
        self.table.doubleClicked.connect(self._on_double_clicked)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if unlocking:
            if self.locks:
                self.table.selectRow(len(self.locks) - 1)  # the latest period is the likeliest
            self.table.setFocus()
        else:
            self.period_edit.setText(suggestion)
            self.period_edit.selectAll()
        self.revalidate()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _build_ui(self) -> None:
        self.setObjectName("lockDialog")
        for name, widget in (
            ("lockIntro", self.intro),
            ("lockPeriodEdit", self.period_edit),
            ("lockRangeLabel", self.range_label),
            ("lockNoteEdit", self.note_edit),
            ("lockTable", self.table),
        ):
            widget.setObjectName(name)
        self.intro.setWordWrap(True)
        self.range_label.setWordWrap(True)
        self.range_label.setTextFormat(Qt.TextFormat.PlainText)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.ok_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        if self.unlocking:
            self.setWindowTitle(self.tr("Unlock reporting period"))
            self.intro.setText(
                self.tr(
                    "Choose the locked period to unlock. Its figures can then be added, corrected or deleted "
                    "again; the unlocking is recorded in the audit trail."
                )
            )
            self.ok_button.setText(self.tr("&Unlock"))
            layout.addWidget(self.table, 1)
        else:
            self.setWindowTitle(self.tr("Lock reporting period"))
            self.intro.setText(
                self.tr(
                    "Once a period's report is approved, lock it: figures whose period ends inside it cannot be "
                    "added, changed, deleted or imported until it is unlocked (a January–June figure belongs to "
                    "June). Locking is recorded in the audit trail."
                )
            )
            self.period_edit.setPlaceholderText(self.tr("e.g. 2025年6月, 2025年第二季度, 2025年上半年"))
            self.note_edit.setPlaceholderText(self.tr("e.g. the approved report"))
            self.ok_button.setText(self.tr("&Lock"))
            form = QFormLayout()
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            period_caption = QLabel(self.tr("&Period:"))
            period_caption.setBuddy(self.period_edit)
            note_caption = QLabel(self.tr("&Note:"))
            note_caption.setBuddy(self.note_edit)
            form.addRow(period_caption, self.period_edit)
            form.addRow("", self.range_label)
            form.addRow(note_caption, self.note_edit)
            layout.addLayout(form)
            locked_caption = QLabel(
                self.tr("Locked already:") if self.locks else self.tr("No period is locked yet.")
            )
            layout.addWidget(locked_caption)
            layout.addWidget(self.table, 1)
            self.table.setVisible(bool(self.locks))
        layout.addWidget(self.buttons)
        self.resize(620, 380 if self.locks else 240)

    def revalidate(self, *_: object) -> None:
        """Keep OK enabled only for a choice that can be carried out, and say why not."""
        self._period = None
        if self.unlocking:
            rows = self.table.selectionModel().selectedRows()
            if rows:
                self._period = self.locks[rows[0].row()].period
            self.ok_button.setEnabled(self._period is not None)
            return
        text = self.period_edit.text().strip()
        message, ok = "", False
        if text:
            try:
                period = parse_lock_period(text)
            except DomainError as exc:
                message = exc.message
            else:
                same = next(
                    (k for k in self.locks if (k.period.start, k.period.end) == (period.start, period.end)),
                    None,
                )
                if same is not None:
                    message = already_locked(same).message
                else:
                    self._period, ok = period, True
                    message = self.tr("Locks {start} to {end} ({label}).").format(
                        start=f"{period.start:%Y-%m-%d}", end=f"{period.end:%Y-%m-%d}", label=period.label
                    )
        self.range_label.setText(message)
        self.range_label.setStyleSheet("" if ok or not message else ERROR_STYLE)
        self.ok_button.setEnabled(ok)

    def _on_double_clicked(self, _index: QModelIndex) -> None:
        if self.unlocking and self._period is not None:
            self.accept()

    def accept(self) -> None:
        if self._period is not None:  # Enter on an invalid period does nothing: the message says why
            super().accept()

    def result_period(self) -> Period | None:
        return self._period

    def result_note(self) -> str:
        return self.note_edit.text().strip()
