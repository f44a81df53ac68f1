"""The row above the dashboard table: search box, responsible-unit choice and status choice.

The bar only holds the user's choices; ``apply_to`` hands them to a DashboardFilter, so the window decides
when to refilter (on ``filtersChanged``) and the bar stays testable on its own.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from app.domain.status import Status
from app.ui.dashboard_filter import BEHIND_STATUSES, DashboardFilter
from app.ui.labels import status_text

ALL = "all"
BEHIND = "behind"


def statuses_for(key: str) -> frozenset[Status] | None:
    """What a status-combo entry means: None for all, the behind set, or one status."""
    if key == ALL:
        return None
    if key == BEHIND:
        return BEHIND_STATUSES
    return frozenset({Status(key)})


class FilterBar(QWidget):
    filtersChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("searchEdit")
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("unitCombo")
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("statusCombo")
        self._build_ui()
        self._connect_signals()

    def _build_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search targets, plans, units, categories, quotes…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(self.tr("All words must match (Ctrl+F)"))
        self.search_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.search_edit.setMinimumWidth(180)
        self.unit_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit_combo.addItem(self.tr("All units"), None)
        self.status_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo.addItem(self.tr("All statuses"), ALL)
        self.status_combo.addItem(self.tr("Behind (off track + overdue + at risk)"), BEHIND)
        for status in sorted(Status, key=lambda s: s.severity):
            self.status_combo.addItem(status_text(status), status.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_edit, 1)
        layout.addWidget(self.unit_combo)
        layout.addWidget(self.status_combo)

    def retranslate(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search targets, plans, units, categories, quotes…"))
        self.search_edit.setToolTip(self.tr("All words must match (Ctrl+F)"))
        self.unit_combo.setItemText(0, self.tr("All units"))
        self.status_combo.setItemText(0, self.tr("All statuses"))
        self.status_combo.setItemText(1, self.tr("Behind (off track + overdue + at risk)"))
        for i in range(2, self.status_combo.count()):
            self.status_combo.setItemText(i, status_text(Status(self.status_combo.itemData(i))))

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self.on_search_changed)
        self.unit_combo.currentIndexChanged.connect(self.on_combo_changed)
        self.status_combo.currentIndexChanged.connect(self.on_combo_changed)

    # --- choices -------------------------------------------------------------------------------------------
    def search_text(self) -> str:
        return self.search_edit.text()

    def responsible_unit(self) -> str | None:
        return self.unit_combo.currentData()

    def statuses(self) -> frozenset[Status] | None:
        return statuses_for(self.status_combo.currentData() or ALL)

    def set_units(self, units: list[str]) -> None:
        """Offer these units (empty ones and repeats dropped); keep the chosen one if it is still there."""
        current = self.responsible_unit()
        self.unit_combo.blockSignals(True)
        try:
            while self.unit_combo.count() > 1:
                self.unit_combo.removeItem(1)
            for unit in dict.fromkeys(u for u in units if u):
                self.unit_combo.addItem(unit, unit)
            found = self.unit_combo.findData(current) if current is not None else 0
            self.unit_combo.setCurrentIndex(max(found, 0))
        finally:
            self.unit_combo.blockSignals(False)
        if self.responsible_unit() != current:
            self.filtersChanged.emit()

    def set_unit(self, unit: str) -> None:
        """Filter to one responsible unit (e.g. from a click on the status overview)."""
        index = self.unit_combo.findData(unit)
        if index >= 0:
            self.unit_combo.setCurrentIndex(index)

    def show_behind(self) -> None:
        """Jump straight to the targets that need attention (e.g. from a "2 behind" link)."""
        self.status_combo.setCurrentIndex(self.status_combo.findData(BEHIND))

    def clear(self) -> None:
        """Back to everything, with one filtersChanged."""
        for widget in (self.search_edit, self.unit_combo, self.status_combo):
            widget.blockSignals(True)
        try:
            self.search_edit.clear()
            self.unit_combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(0)
        finally:
            for widget in (self.search_edit, self.unit_combo, self.status_combo):
                widget.blockSignals(False)
        self.filtersChanged.emit()

    def apply_to(self, proxy: DashboardFilter) -> None:
        proxy.set_search(self.search_text())
        proxy.set_responsible_unit(self.responsible_unit())
        proxy.set_statuses(self.statuses())

    # --- slots ---------------------------------------------------------------------------------------------
    @Slot()
    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    @Slot(str)
    def on_search_changed(self, _text: str) -> None:
        self.filtersChanged.emit()

    @Slot(int)
    def on_combo_changed(self, _index: int) -> None:
        self.filtersChanged.emit()
