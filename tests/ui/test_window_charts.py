"""The charts inside the window: fed by the same rows as the dashboard, clickable, exportable, and loaded only
when first needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from app.ui.main_window import MainWindow
from tests.ui.window_helpers import prompts, select


def show_bullet(window: MainWindow):  # type: ignore[no-untyped-def]
    window.views.setCurrentWidget(window.charts.bullet_page)
    return window.charts.bullet_page.ensure()


def test_the_bullet_chart_follows_the_dashboard_filters(window: MainWindow) -> None:
    chart = show_bullet(window)
    names = [r.name for r in chart.data().rows]
    assert names == [
        "医疗器械产业总体规模",
        "创新医疗器械品种",
        "示范区路侧基础设施智能化覆盖面积",
    ]  # worst lag first
    widths = list(chart.bars.opts["width"])
    completions = {r.target.name: r.progress.completion for r in window.session.rows}
    assert widths == [completions[n] for n in names]
    window.acts.show_behind.trigger()
    assert [r.name for r in chart.data().rows] == ["医疗器械产业总体规模", "创新医疗器械品种"]


def test_clicking_a_bar_selects_the_target_everywhere(window: MainWindow) -> None:
    chart = show_bullet(window)
    target_id = chart.data().rows[1].target_id
    chart.targetClicked.emit(target_id)
    row = window.selected_row()
    assert row is not None and row.target.name == "创新医疗器械品种"
    assert window.detail.current_row() is row
    trajectory = window.charts.trajectory.data()
    assert [p.value for p in trajectory.points] == [70.0, 77.0]
    assert trajectory.gap is not None and trajectory.gap.text == "差距 23个"


def test_the_detail_pane_draws_the_selected_targets_trajectory(window: MainWindow) -> None:
    select(window, "医疗器械产业总体规模")
    data = window.charts.trajectory.data()
    (t0, b), (t1, goal) = data.required_path
    assert (str(t0), b, str(t1), goal) == ("2023-12-31", 352.0, "2026-12-31", 500.0)
    assert round(data.forecast_path[-1][1], 2) == 316.13
    assert window.detail.chart_area.isVisible()


def test_clicking_a_unit_in_the_overview_filters_the_dashboard(window: MainWindow) -> None:
    window.views.setCurrentWidget(window.charts.overview_page)
    chart = window.charts.overview_page.ensure()
    assert chart.data().groups[0].counts  # drawn from all rows
    chart.groupClicked.emit("unit", "市经济和信息化局数字产业处")
    assert window.views.currentIndex() == 0
    assert window.proxy.rowCount() == 4


def test_export_chart_writes_a_png_of_the_chosen_size(window: MainWindow, tmp_path: Path) -> None:
    show_bullet(window)
    out = tmp_path / "进度图"
    prompts(window).choice = "1200 × 675"
    prompts(window).paths.append(str(out))
    window.acts.export_chart.trigger()
    image = QImage(str(out) + ".png")
    assert (image.width(), image.height()) == (1200, 675)
    assert not list(tmp_path.glob("*.partial*"))


def test_export_without_a_chart_says_what_to_do(window: MainWindow) -> None:
    window.views.setCurrentIndex(0)
    window.table.clearSelection()
    window.charts._detail_row = None
    window.acts.export_chart.trigger()
    assert prompts(window).shown[-1][0] == "info"


def test_start_up_does_not_load_pyqtgraph(qtbot: QtBot) -> None:
    """Charts wait until they are shown: the window opens without pyqtgraph and numpy (start-up time)."""
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen';"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from datetime import date; from PySide6.QtCore import QSettings;"
        "from app.ui.application import AppController; from app.ui.settings import AppSettings;"
        "import tempfile; ini = tempfile.mktemp(suffix='.ini');"
        "c = AppController(app, AppSettings(QSettings(ini, QSettings.Format.IniFormat)), date(2025, 7, 31), 'en');"
        "w = c.start(None); w.show(); w.session.wait_for_statuses(); app.processEvents();"
        "print('pyqtgraph' in sys.modules); w.unbind(); w.session.close()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    # (numpy is loaded anyway: sqlite-utils imports it whenever it is installed.)
    assert result.stdout.split() == ["False"]
