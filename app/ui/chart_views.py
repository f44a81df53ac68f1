"""The charts inside the main window: the bullet chart and the status overview as tabs beside the dashboard
table, the selected target's trajectory in the detail pane, and File → Export chart.

Charts are created the first time they are needed: pyqtgraph and numpy then load, not at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.statuses import StatusRow

if TYPE_CHECKING:
    from app.ui.detail_pane import DetailPane
    from app.ui.prompts import Prompts

EXPORT_SIZES = {
    "1600 × 900": (1600, 900),
    "1200 × 675": (1200, 675),
    "2400 × 1350": (2400, 1350),
    "800 × 450": (800, 450),
}


class _LazyTab(QWidget):
    """A tab page that builds its chart on first show."""

    def __init__(self, factory: Callable[[], QWidget]) -> None:
        super().__init__()
        self._factory = factory
        self.chart: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> Any:
        if self.chart is None:
            self.chart = self._factory()
            self._layout.addWidget(self.chart)
        return self.chart


class ChartViews(QObject):
    """Owns the window's charts and keeps them fed with the rows the dashboard shows."""

    targetClicked = Signal(int)  # a bar in the bullet chart: select that target everywhere
    groupClicked = Signal(str, object)  # a bar in the overview: ("plan", id) or ("unit", name)

    def __init__(self, tabs: QTabWidget, detail: DetailPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tabs = tabs
        self.detail = detail
        self.bullet_page = _LazyTab(self._make_bullet)
        self.overview_page = _LazyTab(self._make_overview)
        self.trajectory: Any = None
        self._rows: list[StatusRow] = []
        self._all_rows: list[StatusRow] = []
        self._detail_row: StatusRow | None = None
        tabs.addTab(self.bullet_page, "")
        tabs.addTab(self.overview_page, "")
        tabs.currentChanged.connect(self.on_tab_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(
            self.tabs.indexOf(self.bullet_page), QCoreApplication.translate("ChartViews", "Progress chart")
        )
        self.tabs.setTabText(
            self.tabs.indexOf(self.overview_page), QCoreApplication.translate("ChartViews", "Status overview")
        )

    # feeding -------------------------------------------------------------------------------------------

    def set_rows(self, visible: list[StatusRow], everything: list[StatusRow]) -> None:
        """The dashboard's filtered rows for the bullet chart, all rows for the overview."""
        self._rows, self._all_rows = visible, everything
        self._refresh_current()

    def show_target(self, row: StatusRow | None) -> None:
        self._detail_row = row
        if row is None and self.trajectory is None:
            return
        chart = self._ensure_trajectory()
        chart.set_row(row)

    def on_tab_changed(self, _index: int) -> None:
        self._refresh_current()

    def _refresh_current(self) -> None:
        page = self.tabs.currentWidget()
        if page is self.bullet_page:
            self.bullet_page.ensure().set_rows(self._rows)
        elif page is self.overview_page:
            self.overview_page.ensure().set_rows(self._all_rows)

    # creation ------------------------------------------------------------------------------------------

    def _make_bullet(self) -> QWidget:
        from app.ui.charts.bullet_chart import BulletChart

        chart = BulletChart()
        chart.targetClicked.connect(self.targetClicked)
        return chart

    def _make_overview(self) -> QWidget:
        from app.ui.charts.status_overview_chart import StatusOverviewChart

        chart = StatusOverviewChart()
        chart.groupClicked.connect(self.groupClicked)
        return chart

    def _ensure_trajectory(self) -> Any:
        if self.trajectory is None:
            from app.ui.charts.trajectory_chart import TrajectoryChart

            self.trajectory = TrajectoryChart()
            self.trajectory.setMinimumHeight(260)
            area = self.detail.chart_area
            layout = area.layout() or QVBoxLayout(area)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.trajectory)
            area.setVisible(True)
        return self.trajectory

    # export --------------------------------------------------------------------------------------------

    def current_chart(self) -> QWidget | None:
        """The chart the user is looking at: a chart tab, else the selected target's trajectory."""
        page = self.tabs.currentWidget()
        if isinstance(page, _LazyTab):
            return page.ensure()
        if self.trajectory is not None and self._detail_row is not None:
            return self.trajectory
        return None

    def export(self, prompts: Prompts, suggested: Path) -> Path | None:
        """Ask for a size and a file name, then save the current chart as a PNG; None when cancelled.

        A fresh chart is drawn at exactly the chosen size (the one in the window is held by its layout),
        from the same rows and with the same drawing code as on screen and in reports.
        """
        from app.ui.charts.common import export_png

        if self.current_chart() is None:
            return None
        title = QCoreApplication.translate("ChartViews", "Export chart")
        size = prompts.choose(
            title, QCoreApplication.translate("ChartViews", "Size in pixels:"), list(EXPORT_SIZES)
        )
        if not size:
            return None
        path = prompts.save_path(title, str(suggested), "PNG (*.png)")
        if not path:
            return None
        target = Path(path) if path.lower().endswith(".png") else Path(path + ".png")
        width, height = EXPORT_SIZES[size]
        copy = self._fresh_copy()
        try:
            return export_png(copy, target, width, height)
        finally:
            copy.deleteLater()

    def _fresh_copy(self) -> QWidget:
        page = self.tabs.currentWidget()
        if page is self.bullet_page:
            copy = self._make_bullet()
            copy.set_rows(self._rows)  # type: ignore[attr-defined]
        elif page is self.overview_page:
            shown = self.overview_page.ensure()
            copy = self._make_overview()
            copy.set_grouping(shown.grouping())  # type: ignore[attr-defined]
            copy.set_include_monitoring(shown.monitoring_check.isChecked())  # type: ignore[attr-defined]
            copy.set_rows(self._all_rows)  # type: ignore[attr-defined]
            for control in ("by_combo", "monitoring_check"):  # a picture, not the switches around it
                getattr(copy, control).hide()
        else:
            from app.ui.charts.trajectory_chart import TrajectoryChart

            copy = TrajectoryChart()
            copy.set_row(self._detail_row)
        return copy
