"""报送情况: for a period the user picks, which responsible units reported for which targets, which did not,
and which were late. Units on top (click one to see only its targets), every expected target below; the whole
overview can be saved as an Excel sheet, the same sheet the Excel report takes as an appendix.

The overview is computed on the GUI thread: it is one pass over the targets of the open file, as cheap as the
dashboard's filter, so it follows the period field as the user types."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DomainError
from app.domain.periods import Period, month, parse_period, quarter
from app.services.atomic_write import atomic_write
from app.services.reporting_status import (
    DEFAULT_DUE_DAYS,
    ReportingState,
    ReportingStatus,
    add_reporting_sheet,
    reporting_status,
)
from app.ui.form_feedback import STYLE_SHEET, FormFeedback, add_form_row
from app.ui.reporting_models import (
    ENTITY_ROLE,
    ReportingRowModel,
    ReportingUnitModel,
    UnitFilterProxy,
    state_text,
)

if TYPE_CHECKING:
    from app.services.workspace import Workspace
    from app.ui.prompts import Prompts

RECENT_MONTHS = 6
RECENT_QUARTERS = 4
MAX_DUE_DAYS = 366


def recent_periods(today: date) -> list[Period]:
    """The months and quarters most likely asked about: those that ended before ``today``'s month or quarter,
    newest first, months before quarters."""
    months = []
    y, m = today.year, today.month
    for _ in range(RECENT_MONTHS):
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
        months.append(month(y, m))
    quarters = []
    y, q = today.year, (today.month - 1) // 3 + 1
    for _ in range(RECENT_QUARTERS):
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
        quarters.append(quarter(y, q))
    return months + quarters


class ReportingStatusDialog(QDialog):
    """报送情况 for ``workspace``; ``today`` (default: the workspace clock's date) decides which periods are
    offered and whether a missing report is still 待报送 or already 未报送."""

    def __init__(
        self,
        workspace: Workspace,
        prompts: Prompts,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.prompts = prompts
        self.today = today or workspace.clock().date()
        self.status: ReportingStatus | None = None
        self.setWindowTitle(self.tr("Reporting status"))
        self.setStyleSheet(STYLE_SHEET)
        self.resize(1260, 760)
        layout = QVBoxLayout(self)

        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)  # typed periods are not kept
        self.period_combo.setFixedWidth(260)  # an error message opening underneath must not widen it
        periods = recent_periods(self.today)
        for i, period in enumerate(periods):
            if i == RECENT_MONTHS:
                self.period_combo.insertSeparator(self.period_combo.count())
            self.period_combo.addItem(period.label)
        self.period_combo.lineEdit().setPlaceholderText(self.tr("e.g. 2025年6月, 2025年第二季度"))
        self.period_combo.lineEdit().setToolTip(  # the combo's own tooltip carries the error message
            self.tr("Pick a month or quarter, or type any reporting period, e.g. 2025年上半年")
        )
        self.due_spin = QSpinBox()
        self.due_spin.setObjectName("dueDays")
        self.due_spin.setRange(0, MAX_DUE_DAYS)
        self.due_spin.setValue(DEFAULT_DUE_DAYS)
        self.due_spin.setToolTip(
            self.tr("A report entered later than this many days after the period ends counts as late")
        )
        general = QLabel()
        self.feedback = FormFeedback(general)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        period_caption = self.tr("&Period:")
        add_form_row(
            form,
            period_caption,
            self.feedback.field_row(self.period_combo, ["报告期"], period_caption),
            self.period_combo,
        )
        self.period_combo.parentWidget().layout().setAlignment(self.period_combo, Qt.AlignmentFlag.AlignLeft)
        self.due_spin.setFixedWidth(90)
        add_form_row(form, self.tr("&Due (days after period end):"), self.due_spin, self.due_spin)
        layout.addLayout(form)
        layout.addWidget(general)
        self.period_error = self.feedback.error_label(self.period_combo)

        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.unit_model = ReportingUnitModel(self)
        self.unit_proxy = UnitFilterProxy(self)
        self.unit_proxy.setSourceModel(self.unit_model)
        self.unit_table = self._table(self.unit_proxy, (300, 80, 80, 80, 80, 80, 90))
        self.unit_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unit_table.setObjectName("units")
        self.unit_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.row_model = ReportingRowModel(self)
        self.row_proxy = UnitFilterProxy(self)
        self.row_proxy.setSourceModel(self.row_model)
        self.row_table = self._table(self.row_proxy, (180, 210, 220, 90, 130, 100, 125, 90, 65))
        self.row_table.setObjectName("targets")

        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.rows_caption = QLabel()
        bar.addWidget(self.rows_caption, 1)
        self.all_units_button = QPushButton(self.tr("Show &all units"))
        self.all_units_button.setAutoDefault(False)
        bar.addWidget(self.all_units_button)
        below_layout.addLayout(bar)
        below_layout.addWidget(self.row_table)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.unit_table)
        splitter.addWidget(below)
        splitter.setSizes([220, 420])
        layout.addWidget(splitter, 1)

        self.note = QLabel()  # where the last export went
        self.note.setObjectName("note")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = self.buttons.addButton(
            self.tr("&Export to Excel…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in self.buttons.buttons():
            button.setAutoDefault(False)  # Enter in the period field applies the period, it does not close
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._connect_signals()
        self.period_combo.setCurrentIndex(0)  # the last whole month before today
        self.refresh()
        self.period_combo.setFocus()

    def _table(self, model: UnitFilterProxy, widths: tuple[int, ...]) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the services' order (by unit) until a click
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
        return table

    def _connect_signals(self) -> None:
        self.period_combo.editTextChanged.connect(self.refresh)
        self.due_spin.valueChanged.connect(self.refresh)
        self.unit_table.selectionModel().selectionChanged.connect(self.on_unit_selected)
        self.all_units_button.clicked.connect(self.on_show_all_units)
        self.export_button.clicked.connect(self.on_export)

    # -- computing -----------------------------------------------------------------------------------------

    def period(self) -> Period | None:
        """The period in the field, or None (with its message under the field) when it cannot be read."""
        try:
            period = parse_period(self.period_combo.currentText())
        except DomainError as exc:
            self.feedback.touch(self.period_combo)  # an emptied field is an error too, not a hint
            self.feedback.show([(exc.field, exc.message)])
            return None
        self.feedback.show([])
        return period

    def refresh(self) -> None:
        period = self.period()
        self.export_button.setEnabled(period is not None)
        if period is None:
            return  # the tables keep the last good period; the summary names it
        due_days = self.due_spin.value()
        if self.status is not None and (self.status.period, self.status.due_days) == (period, due_days):
            return
        unit = self.row_proxy.unit
        self.status = reporting_status(self.workspace, period, due_days=due_days, today=self.today)
        self.unit_model.set_units(self.status.units)
        self.row_model.set_rows(self.status.rows)
        self.note.clear()
        self._show_summary(self.status)
        if unit is not None and not self.select_unit(unit):
            self.on_show_all_units()
        self._show_filter()

    def targets_text(self, count: int) -> str:
        return self.tr("%n target(s)", "", count)

    def _show_summary(self, status: ReportingStatus) -> None:
        counts = status.counts()
        words = " · ".join(f"{state_text(s)} {counts[s]}" for s in ReportingState)
        self.summary.setText(
            self.tr("%1: %2 expected, reports due %3, as of %4 — %5")
            .replace("%1", status.period.label)
            .replace("%2", self.targets_text(len(status.rows)))
            .replace("%3", f"{status.due:%Y-%m-%d}")
            .replace("%4", f"{status.today:%Y-%m-%d}")
            .replace("%5", words)
        )

    # -- the unit filter -----------------------------------------------------------------------------------

    def select_unit(self, unit: str) -> bool:
        """Select ``unit``'s row in the unit table (which filters the targets); False when it has none."""
        for r in range(self.unit_proxy.rowCount()):
            index = self.unit_proxy.index(r, 0)
            if index.data(ENTITY_ROLE).unit == unit:
                self.unit_table.selectRow(r)
                return True
        return False

    def on_unit_selected(self, _selected: QItemSelection | None = None, _deselected: object = None) -> None:
        rows = self.unit_table.selectionModel().selectedRows()
        unit = rows[0].data(ENTITY_ROLE).unit if rows else None
        self.row_proxy.set_unit(unit)
        self._show_filter()

    def on_show_all_units(self) -> None:
        self.unit_table.clearSelection()
        self.unit_table.setCurrentIndex(QModelIndex())
        self.row_proxy.set_unit(None)
        self._show_filter()

    def _show_filter(self) -> None:
        unit = self.row_proxy.unit
        shown = self.row_proxy.rowCount()
        if unit is None:
            text = self.tr("All responsible units: %1").replace("%1", self.targets_text(shown))
        else:
            text = self.tr("%1: %2").replace("%1", unit).replace("%2", self.targets_text(shown))
        self.rows_caption.setText(text)
        self.row_table.setColumnHidden(ReportingRowModel.COL_UNIT, unit is not None)  # said in the caption
        self.all_units_button.setEnabled(unit is not None)

    # -- export --------------------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        assert self.status is not None
        return f"报送情况_{self.status.period.label}.xlsx"

    def on_export(self) -> Path | None:
        """Save the whole overview (every unit, whatever the filter) as an .xlsx; returns where it went."""
        status = self.status
        if status is None or self.period() is None:
            return None
        title = self.tr("Export reporting status")
        chosen = self.prompts.save_path(
            title, str(Path(self.workspace.path).parent / self.suggested_name()), "Excel (*.xlsx)"
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        from openpyxl import Workbook  # type: ignore[import-untyped]  # only when exporting

        workbook = Workbook()
        workbook.remove(workbook.active)
        add_reporting_sheet(workbook, status)
        workbook.properties.title = f"报送情况：{status.period.label}"
        try:
            written = atomic_write(path, lambda partial: workbook.save(str(partial)))
        except DomainError as exc:
            self.prompts.error(title, exc.message)
            return None
        except OSError as exc:
            self.prompts.error(title, str(exc))
            return None
        self.note.setText(self.tr("Saved: %1").replace("%1", str(written)))
        return written
