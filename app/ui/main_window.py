"""The main window: status counts above the dashboard table, the file and as-of date in the status bar."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from app.services.statuses import compute_statuses, status_counts
from app.services.workspace import Change, Workspace
from app.ui.target_table_model import TargetTableModel


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, as_of: date) -> None:
        super().__init__()
        self.workspace = workspace
        self.as_of = as_of
        self.model = TargetTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(TargetTableModel.SortRole)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("countsLabel")
        self.table = QTableView()
        self.table.setObjectName("dashboardTable")
        self._build_ui()
        self._connect_signals()
        self.refresh()

    def _build_ui(self) -> None:
        self.setWindowTitle(self.tr("Policy Target Tracker"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TargetTableModel.COL_STATUS, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The verdict matters most: show it right after the target's name, before the numbers.
        header.moveSection(header.visualIndex(TargetTableModel.COL_STATUS), 2)
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quit_action)
        self.file_label = QLabel()
        self.statusBar().addPermanentWidget(self.file_label)

    def _connect_signals(self) -> None:
        self.quit_action.triggered.connect(self.close)
        self.workspace.subscribe(self.on_workspace_changed)

    def on_workspace_changed(self, change: Change) -> None:
        self.refresh()

    def refresh(self) -> None:
        rows = compute_statuses(self.workspace, self.as_of)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        for column in (0, 1):  # long plan and target names: keep them readable without pushing numbers away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 260))
        counts = status_counts(rows)
        summary = " · ".join(f"{status.label} {n}" for status, n in counts.items() if n)
        self.counts_label.setText(
            self.tr("As of {date}: {n} targets — {summary}").format(
                date=self.as_of.isoformat(), n=len(rows), summary=summary
            )
        )
        demo = self.tr(" (demo data)") if self.workspace.is_demo else ""
        self.file_label.setText(
            self.tr("{file}{demo} · as of {date}").format(
                file=self.workspace.path.name, demo=demo, date=self.as_of.isoformat()
            )
        )
