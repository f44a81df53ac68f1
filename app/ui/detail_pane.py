"""The right pane: everything about the selected target, as copyable text, plus the history of its figures.

Staff copy figures out of this pane into minutes and reports, so every value is selectable text; long Chinese
text wraps and the pane scrolls instead of growing the window.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.entities import ProgressEntry
from app.domain.formatting import DASH, format_amount, format_percent, format_points
from app.domain.numbers import format_decimal
from app.services.statuses import StatusRow
from app.ui.keyed_table_model import KeyedTableModel
from app.ui.labels import kind_text, status_text, value_type_text
from app.ui.status_style import STATUS_COLORS

Index = QModelIndex | QPersistentModelIndex
MAX_TEXT_COLUMN_WIDTH = 200  # px; longer source and note cells are elided (full text in the tooltip)

HISTORY_HEADERS = {
    "period": QT_TRANSLATE_NOOP("EntryHistoryModel", "Period"),
    "value": QT_TRANSLATE_NOOP("EntryHistoryModel", "Value as reported"),
    "value_type": QT_TRANSLATE_NOOP("EntryHistoryModel", "Type"),
    "source": QT_TRANSLATE_NOOP("EntryHistoryModel", "Source"),
    "note": QT_TRANSLATE_NOOP("EntryHistoryModel", "Note"),
}


def _newest_first_key(e: ProgressEntry) -> tuple[Any, ...]:
    return (e.period.end, e.period.start, e.entered_at or datetime.min, e.id or 0)


class EntryHistoryModel(KeyedTableModel):
    """A target's reported figures, newest first, exactly as they were entered (value and unit)."""

    SortRole = Qt.ItemDataRole.UserRole + 1
    EntityRole = Qt.ItemDataRole.UserRole + 2

    KEYS: ClassVar[tuple[str, ...]] = tuple(HISTORY_HEADERS)
    HEADERS = HISTORY_HEADERS
    HEADER_CONTEXT = "EntryHistoryModel"

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[ProgressEntry] = []

    def set_entries(self, entries: Iterable[ProgressEntry]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=_newest_first_key, reverse=True)
        self.endResetModel()

    def entry_at(self, row: int) -> ProgressEntry:
        return self._entries[row]

    def _row_count(self) -> int:
        return len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._entries)):
            return None
        key = self.KEYS[index.column()]
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, key)
            return text if role == Qt.ItemDataRole.DisplayRole or key in ("source", "note") else None
        if role == self.SortRole:
            return self._sort_value(entry, key)
        if role == self.EntityRole:
            return entry
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if key == "value" else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _text(e: ProgressEntry, key: str) -> str:
        if key == "period":
            return e.period.label
        if key == "value":
            return f"{format_decimal(e.value)}{e.unit}"
        if key == "value_type":
            return value_type_text(e.value_type)
        return e.source if key == "source" else e.note

    @staticmethod
    def _sort_value(e: ProgressEntry, key: str) -> Any:
        if key == "period":
            return e.period.end.toordinal()
        if key == "value":
            return float(e.value)  # as entered: entries in other units (万P vs P) are not converted here
        if key == "value_type":
            return value_type_text(e.value_type)
        return e.source if key == "source" else e.note


def _text_label(object_name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel()
    if object_name:
        label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # user data is never read as HTML
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setCursor(Qt.CursorShape.IBeamCursor)
    return label


class DetailPane(QWidget):
    """Shows one StatusRow (``show_row``) or a placeholder when nothing is selected."""

    FIELDS: ClassVar[tuple[str, ...]] = (
        "category",
        "kind",
        "responsible_unit",
        "goal",
        "baseline",
        "status",
        "latest",
        "period",
        "completion",
        "time_progress",
        "lag",
        "gap",
        "forecast",
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row: StatusRow | None = None
        self.scroll_area = QScrollArea()
        self.placeholder = QLabel(self.tr("Choose a target in the table to see its details."))
        self.placeholder.setObjectName("detailPlaceholder")
        self.details = QWidget()
        self.details.setObjectName("detailContent")
        self.name_label = _text_label("targetName")
        self.plan_label = _text_label("planTitle")
        self.fields: dict[str, QLabel] = {key: _text_label(f"field_{key}") for key in self.FIELDS}
        self.annualised_label = _text_label("annualisedNote")
        self.progress_notes_label = _text_label("progressNotes")
        self.source_quote_label = _text_label("sourceQuote")
        self.target_notes_label = _text_label("targetNotes")
        self.chart_area = QFrame()
        self.chart_area.setObjectName("chartArea")
        self.history_model = EntryHistoryModel(self)
        self.history_view = QTableView()
        self.history_view.setObjectName("historyTable")
        self._headings: dict[str, QLabel] = {}
        self._build_ui()
        self.retranslate()  # sets every caption and heading, then shows the (empty) row

    # --- layout --------------------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        name_font = QFont(self.name_label.font())
        name_font.setBold(True)
        name_font.setPointSizeF(name_font.pointSizeF() * 1.25)
        self.name_label.setFont(name_font)
        self.plan_label.setStyleSheet("color: #555;")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #777; padding: 24px;")
        self.fields["status"].setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.annualised_label.setStyleSheet("color: #7a4f00;")
        self.source_quote_label.setStyleSheet(
            "QLabel#sourceQuote { border-left: 3px solid #b8b8b8; background: #f4f4f4; padding: 6px 8px; }"
        )
        self.chart_area.setMinimumHeight(220)
        self.chart_area.setVisible(False)  # the trajectory chart (charts issue) will live here
        self.chart_area.setFrameShape(QFrame.Shape.StyledPanel)
        self._build_history_view()

        form = self._form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        for key in self.FIELDS:
            # A caption label of our own: addRow("", field) makes no label at all (Qt skips empty text), so
            # retranslate() would find nothing to name and the pane would show values without captions.
            caption = QLabel()
            caption.setObjectName(f"caption_{key}")
            caption.setStyleSheet("color: #555;")
            form.addRow(caption, self.fields[key])

        layout = QVBoxLayout(self.details)
        layout.addWidget(self.name_label)
        layout.addWidget(self.plan_label)
        layout.addLayout(form)
        layout.addWidget(self.annualised_label)
        self._add_section(layout, "progress_notes", "", self.progress_notes_label)
        layout.addWidget(self.chart_area)
        self._add_section(layout, "history", "", self.history_view)
        self._add_section(layout, "source_quote", "", self.source_quote_label)
        self._add_section(layout, "target_notes", "", self.target_notes_label)
        layout.addStretch(1)

        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.addWidget(self.placeholder)
        content_layout.addWidget(self.details)
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)
        self.setMinimumWidth(300)

    def _build_history_view(self) -> None:
        view = self.history_view
        view.setModel(self.history_model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)  # Ctrl+C copies a cell
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # the pane scrolls instead
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustIgnored)

    def retranslate(self) -> None:
        """Relabel captions and headings after a language switch, then redraw the shown target's figures."""
        self.placeholder.setText(self.tr("Choose a target in the table to see its details."))
        captions = {
            "category": self.tr("Category"),
            "kind": self.tr("Kind"),
            "responsible_unit": self.tr("Responsible unit"),
            "goal": self.tr("Goal"),
            "baseline": self.tr("Baseline"),
            "status": self.tr("Status"),
            "latest": self.tr("Latest value"),
            "period": self.tr("Reported for"),
            "completion": self.tr("Completion"),
            "time_progress": self.tr("Time elapsed (时序进度)"),
            "lag": self.tr("Lag"),
            "gap": self.tr("Gap"),
            "forecast": self.tr("Forecast at deadline"),
        }
        for key, text in captions.items():
            label = self._form.labelForField(self.fields[key])
            if isinstance(label, QLabel):
                label.setText(text)
        headings = {
            "progress_notes": self.tr("Notes on the figures"),
            "history": self.tr("Reported figures"),
            "source_quote": self.tr("Source text (原文)"),
            "target_notes": self.tr("Notes"),
        }
        for key, text in headings.items():
            self._headings[key].setText(text)
        self.history_model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, len(self.history_model.KEYS) - 1
        )
        self.show_row(self._row)

    def _add_section(self, layout: QVBoxLayout, key: str, title: str, body: QWidget) -> None:
        heading = QLabel(title)
        heading.setObjectName(f"heading_{key}")
        font = QFont(heading.font())
        font.setBold(True)
        heading.setFont(font)
        self._headings[key] = heading
        layout.addWidget(heading)
        layout.addWidget(body)

    def _show_section(self, key: str, body: QWidget, visible: bool) -> None:
        self._headings[key].setVisible(visible)
        body.setVisible(visible)

    # --- content -------------------------------------------------------------------------------------------
    def current_row(self) -> StatusRow | None:
        return self._row

    def show_row(self, row: StatusRow | None) -> None:
        """Fill the pane from one target's status row; None shows the "choose a target" placeholder."""
        self._row = row
        self.placeholder.setVisible(row is None)
        self.details.setVisible(row is not None)
        if row is None:
            self.history_model.set_entries(())
            return
        t, p = row.target, row.progress
        self.name_label.setText(t.name)
        self.plan_label.setText(row.plan.title)
        values = {
            "category": t.category or DASH,
            "kind": kind_text(t.kind),
            "responsible_unit": t.responsible_unit or DASH,
            "goal": self._goal_text(row),
            "baseline": self._baseline_text(row),
            "status": status_text(p.status),
            "latest": self._latest_text(row),
            "period": p.latest.period.label if p.latest else DASH,
            "completion": format_percent(p.completion),
            "time_progress": format_percent(p.time_progress),
            "lag": self._points_text(p.lag_points),
            "gap": format_amount(p.gap, t.unit),
            "forecast": self._forecast_text(row),
        }
        for key, text in values.items():
            self.fields[key].setText(text)
        background, foreground = STATUS_COLORS[p.status]
        self.fields["status"].setStyleSheet(
            f"QLabel {{ background: {background}; color: {foreground}; border-radius: 3px; padding: 1px 8px; }}"
        )
        self.annualised_label.setText(
            self.tr("Completion, lag and gap use the annualised value.") if p.annualised else ""
        )
        self.annualised_label.setVisible(p.annualised)
        self.progress_notes_label.setText("\n".join(p.notes))
        self._show_section("progress_notes", self.progress_notes_label, bool(p.notes))
        self.source_quote_label.setText(t.source_quote)
        self._show_section("source_quote", self.source_quote_label, bool(t.source_quote))
        self.target_notes_label.setText(t.notes)
        self._show_section("target_notes", self.target_notes_label, bool(t.notes))
        self.history_model.set_entries(row.entries)
        self._show_section("history", self.history_view, bool(row.entries))
        self._fit_history()
        self.scroll_area.verticalScrollBar().setValue(0)

    def _fit_history(self) -> None:
        """Size the history table to its rows, so only the pane scrolls (no scroll area inside another)."""
        view = self.history_view
        view.resizeColumnsToContents()
        for key in ("source", "note"):  # long citations: elided, not pushing the table sideways
            column = EntryHistoryModel.KEYS.index(key)
            view.setColumnWidth(column, min(view.columnWidth(column), MAX_TEXT_COLUMN_WIDTH))
        view.resizeRowsToContents()
        height = view.horizontalHeader().sizeHint().height() + view.verticalHeader().length()
        height += 2 * view.frameWidth() + view.horizontalScrollBar().sizeHint().height()
        view.setFixedHeight(height)

    def _goal_text(self, row: StatusRow) -> str:
        t = row.target
        if t.target_value is None:
            return self.tr("None (monitoring indicator)")
        amount = format_amount(t.target_value, t.unit)
        if t.deadline is None:
            return f"{t.comparator.symbol} {amount}"
        return self.tr("{comparator} {amount} by {deadline}").format(
            comparator=t.comparator.symbol, amount=amount, deadline=t.deadline.isoformat()
        )

    def _baseline_text(self, row: StatusRow) -> str:
        p, t = row.progress, row.target
        if p.baseline is None:
            return DASH
        amount = format_amount(p.baseline, t.unit)
        if p.baseline_on is None:
            return amount
        return self.tr("{amount} at {date}").format(amount=amount, date=p.baseline_on.isoformat())

    def _latest_text(self, row: StatusRow) -> str:
        p, t = row.progress, row.target
        if p.actual is None:
            return DASH
        text = format_amount(p.actual, t.unit)
        return self.tr("{value} (annualised)").format(value=text) if p.annualised else text

    def _points_text(self, points: float | None) -> str:
        if points is None:
            return DASH
        return self.tr("{points} points").format(points=format_points(points))

    def _forecast_text(self, row: StatusRow) -> str:
        p, t = row.progress, row.target
        if p.forecast is None:
            return DASH
        text = format_amount(p.forecast, t.unit)
        methods = {"linear": self.tr("linear trend"), "compound": self.tr("compound growth")}
        method = methods.get(p.forecast_method, p.forecast_method)
        return f"{text} ({method})" if method else text
