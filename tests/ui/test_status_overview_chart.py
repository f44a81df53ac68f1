"""The status overview chart draws the builder's counts: bars, numbers, legend, caption; a click names a group."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.periods import month
from app.domain.progress import evaluate
from app.domain.status import Status
from app.services.chart_overview import status_overview
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace
from app.ui.charts.common import chart_font, export_png
from app.ui.charts.status_overview_chart import LABEL_POINT_SIZE, StatusOverviewChart
from app.ui.labels import status_text

AS_OF = date(2025, 7, 31)
OPERATIONS = "市经济和信息化局经济运行处"


@pytest.fixture
def demo_rows(demo_workspace: Workspace) -> list[StatusRow]:
    return compute_statuses(demo_workspace, AS_OF)


@pytest.fixture
def chart(qtbot: QtBot) -> StatusOverviewChart:
    c = StatusOverviewChart()
    qtbot.addWidget(c)
    return c


def shown(qtbot: QtBot, chart: StatusOverviewChart, width: int = 1000, height: int = 600) -> None:
    chart.resize(width, height)
    chart.show()
    qtbot.waitExposed(chart)
    QApplication.processEvents()


def click_view(qtbot: QtBot, chart: StatusOverviewChart, x: float, y: float) -> None:
    """A real left click on the point (x targets, row y) of the plot."""
    scene_point = chart.plot.getViewBox().mapViewToScene(QPointF(x, y))
    pos = chart.plot_widget.mapFromScene(scene_point)
    qtbot.mouseClick(chart.plot_widget.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def texts(items: list) -> list[str]:  # type: ignore[type-arg]
    return [item.toPlainText() for item in items]


def tick_labels(chart: StatusOverviewChart) -> list[str]:
    return [label for _, label in chart.plot.getAxis("left")._tickLevels[0]]


def test_bars_are_the_cumulative_counts_per_plan(
    chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    data = chart.data()
    assert data == status_overview(demo_rows)
    assert list(chart.bars) == list(data.statuses)
    assert Status.MONITORING not in chart.bars
    counts = {s: [g.counts[s] for g in data.groups] for s in data.statuses}
    assert counts[Status.OFF_TRACK] == [2, 0, 0, 0]  # 医疗器械 first: it has the only 滞后 targets
    assert counts[Status.NO_DATA] == [1, 1, 1, 0]
    assert counts[Status.ACHIEVED] == [0, 0, 0, 1]
    running = np.zeros(len(data.groups))
    for status, bar in chart.bars.items():
        np.testing.assert_array_equal(bar.opts["x0"], running)
        np.testing.assert_array_equal(bar.opts["width"], counts[status])
        np.testing.assert_array_equal(bar.opts["y"], [0, 1, 2, 3])
        running += counts[status]
    np.testing.assert_array_equal(running, [3, 1, 1, 1])
    assert texts(chart.total_items) == ["3", "1", "1", "1"]
    # The 医疗器械 bar reads 2 (滞后) then 1 (无数据); the rest one number each.
    assert texts(chart.count_items) == ["2", "1", "1", "1", "1"]
    assert [item.pos().x() for item in chart.count_items[:2]] == [1.0, 2.5]


def test_axis_legend_and_caption(chart: StatusOverviewChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    labels = tick_labels(chart)
    assert labels[0] == "北京市医疗器械产业提质升级…"
    assert "北京市高级别自动驾驶示范区…" in labels
    assert [label.text for _, label in chart.legend.items] == [status_text(s) for s in chart.data().statuses]
    assert "Off track" in [label.text for _, label in chart.legend.items]
    assert chart.legend.items[0][1].item.font().families()[:2] == chart_font().families()[:2]
    assert "14" in chart.caption.text() and "monitoring" in chart.caption.text()


def test_per_unit_toggle(chart: StatusOverviewChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    chart.by_combo.setCurrentIndex(chart.by_combo.findData("unit"))
    data = chart.data()
    assert (data.by, chart.grouping()) == ("unit", "unit")
    assert tick_labels(chart) == [OPERATIONS, "市经济和信息化局"]
    np.testing.assert_array_equal(chart.bars[Status.OFF_TRACK].opts["width"], [2, 0])
    np.testing.assert_array_equal(chart.bars[Status.NO_DATA].opts["width"], [0, 3])
    np.testing.assert_array_equal(chart.bars[Status.ACHIEVED].opts["x0"], [2, 3])
    assert texts(chart.total_items) == ["2", "4"]
    assert chart.by_combo.currentText() == "By responsible unit"


def test_including_monitoring_adds_its_bar(chart: StatusOverviewChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    chart.monitoring_check.setChecked(True)
    data = chart.data()
    assert list(chart.bars)[-1] is Status.MONITORING
    assert len(data.groups) == 7
    monitoring = chart.bars[Status.MONITORING]
    assert monitoring.opts["width"].sum() == 14
    medical = data.groups[0]
    assert medical.counts[Status.MONITORING] == 1
    assert monitoring.opts["x0"][0] == 3  # after 滞后 2 and 无数据 1
    assert chart.caption.text() == ""
    assert len(chart.legend.items) == 7


def test_clicking_a_bar_names_its_group(
    qtbot: QtBot, chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    shown(qtbot, chart)
    medical_id = next(r.plan.id for r in demo_rows if "医疗器械" in r.plan.title)
    with qtbot.waitSignal(chart.groupClicked) as blocker:
        click_view(qtbot, chart, 2.5, 0)  # the 无数据 part of the first bar
    assert blocker.args == ["plan", medical_id]

    chart.set_grouping("unit")
    with qtbot.waitSignal(chart.groupClicked) as blocker:
        click_view(qtbot, chart, 1.0, 0)
    assert blocker.args == ["unit", OPERATIONS]

    with qtbot.assertNotEmitted(chart.groupClicked):
        click_view(qtbot, chart, 3.5, 0)  # right of the first bar's end (2)
        click_view(qtbot, chart, 1.0, 0.5)  # between two bars


def test_clicking_a_name_on_the_axis_names_its_group(
    qtbot: QtBot, chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    shown(qtbot, chart)
    axis = chart.plot.getAxis("left")
    row_y = chart.plot.getViewBox().mapViewToScene(QPointF(0, 3)).y()
    scene_point = QPointF(axis.sceneBoundingRect().center().x(), row_y)
    with qtbot.waitSignal(chart.groupClicked) as blocker:
        qtbot.mouseClick(
            chart.plot_widget.viewport(),
            Qt.MouseButton.LeftButton,
            pos=chart.plot_widget.mapFromScene(scene_point),
        )
    assert blocker.args[0] == "plan"
    assert blocker.args[1] == chart.data().groups[3].key


def test_hovering_shows_the_full_name(
    qtbot: QtBot, chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    shown(qtbot, chart)
    scene = chart.plot_widget.scene()
    scene.sigMouseMoved.emit(chart.plot.getViewBox().mapViewToScene(QPointF(0.5, 0)))
    tip = chart.plot.toolTip()
    assert "北京市医疗器械产业提质升级行动计划(2024-2026年)" in tip
    assert f"{status_text(Status.OFF_TRACK)} 2" in tip and "3" in tip
    scene.sigMouseMoved.emit(chart.plot.getViewBox().mapViewToScene(QPointF(3.5, 0)))
    assert chart.plot.toolTip() == ""


def test_counts_show_only_where_they_fit(
    qtbot: QtBot, chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    shown(qtbot, chart, 1200, 700)
    assert all(item.isVisible() for item in chart.count_items)
    lagging = next(r for r in demo_rows if r.progress.status is Status.OFF_TRACK)
    chart.set_rows(demo_rows + [lagging] * 80)  # 医疗器械: 82 滞后 and one 无数据, a sliver
    QApplication.processEvents()
    visible = {item.toPlainText(): item.isVisible() for item in chart.count_items[:2]}
    assert visible == {"82": True, "1": False}
    assert all(item.isVisible() for item in chart.total_items)
    assert texts(chart.total_items)[0] == "83"


def test_no_rows_at_all(chart: StatusOverviewChart, tmp_path: Path) -> None:
    chart.set_rows([])
    assert chart.data().is_empty
    assert chart.bars == {} and chart.count_items == []
    assert chart.message_item is not None
    assert chart.message_item.toPlainText() == "No targets to count"
    assert not chart.legend.isVisible()
    assert chart.caption.text() == ""
    assert export_png(chart, tmp_path / "empty.png", 800, 450).exists()


def test_only_monitoring_indicators(
    chart: StatusOverviewChart, demo_rows: list[StatusRow], tmp_path: Path
) -> None:
    monitoring = [r for r in demo_rows if r.progress.status is Status.MONITORING]
    chart.set_rows(monitoring)
    assert chart.message_item is not None
    assert "monitoring" in chart.message_item.toPlainText()
    assert "14" in chart.caption.text()
    chart.monitoring_check.setChecked(True)  # then they are drawn, and the axes come back
    assert chart.message_item is None
    assert chart.plot.getAxis("left").isVisible()
    assert chart.bars[Status.MONITORING].opts["width"].sum() == 14
    export_png(chart, tmp_path / "monitoring.png", 800, 450)


def test_two_hundred_units_stay_readable(
    qtbot: QtBot, chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    rows = [
        replace(
            r, target=replace(r.target, responsible_unit=f"区经济和信息化局产业发展与运行监测第{i:03d}科")
        )
        for i, r in enumerate(demo_rows * 10)
    ]
    chart.set_grouping("unit")
    chart.monitoring_check.setChecked(True)
    chart.set_rows(rows)  # 200 units, one target each
    for width, height in ((1600, 900), (800, 450)):
        shown(qtbot, chart, width, height)
        data = chart.data()
        assert 3 <= len(data.groups) <= 30
        assert len(data.groups) + data.hidden_groups == 200
        assert f"{data.hidden_groups} more responsible unit" in chart.caption.text()
        vb = chart.plot.getViewBox()
        (_, _), (y0, y1) = vb.viewRange()
        row_px = vb.height() / (y1 - y0)
        assert row_px >= QFontMetricsF(chart_font(LABEL_POINT_SIZE)).height()  # tick labels cannot touch
        labels = tick_labels(chart)
        assert len(set(labels)) == len(labels)  # abbreviations keep the units apart
        assert all(len(label) <= 16 for label in labels)


def _hand_made(values: list[tuple[date, str]], deadline: date, target: str = "100") -> list[StatusRow]:
    plan = Plan(title="手工测试计划", period_start=date(2016, 1, 1), period_end=date(2026, 12, 31), id=7)
    t = Target(
        plan_id=7,
        name="测试指标",
        kind=TargetKind.CUMULATIVE,
        unit="家",
        target_value=Decimal(target),
        deadline=deadline,
        responsible_unit="测试处",
        id=1,
    )
    entries = tuple(
        ProgressEntry(target_id=1, period=month(d.year, d.month), value=Decimal(v), unit="家")
        for d, v in values
    )
    return [StatusRow(plan, t, evaluate(plan, t, entries, AS_OF), entries)]


def _monthly(years: int) -> list[tuple[date, str]]:
    start = date(AS_OF.year - years, AS_OF.month, 1)
    out, d = [], start
    for i in range(years * 12):
        out.append((d, str(i)))
        d = (d.replace(day=28) + timedelta(days=5)).replace(day=1)
    return out


END = date(2026, 12, 31)
CASES = {
    "no entries": ([], END),
    "one entry": ([(date(2025, 6, 1), "40")], END),
    "all equal": ([(date(2025, m, 1), "30") for m in range(1, 7)], END),
    "far beyond the target": ([(date(2025, 6, 1), "100000")], END),
    "negative values": ([(date(2025, 5, 1), "-20"), (date(2025, 6, 1), "-40")], END),
    "deadline passed": ([(date(2024, 12, 1), "10")], date(2025, 3, 31)),
    "ten years monthly": (_monthly(10), END),
}


@pytest.mark.parametrize("case", list(CASES))
def test_awkward_targets_draw_their_domain_status(qtbot: QtBot, case: str, tmp_path: Path) -> None:
    values, deadline = CASES[case]
    rows = _hand_made(values, deadline)
    status = rows[0].progress.status
    chart = StatusOverviewChart()
    qtbot.addWidget(chart)
    chart.set_rows(rows)
    (group,) = chart.data().groups  # one group, one target
    assert (group.key, group.total) == (7, 1)
    assert chart.bars[status].opts["width"].tolist() == [1]
    assert sum(bar.opts["width"].sum() for bar in chart.bars.values()) == 1
    assert texts(chart.total_items) == ["1"]
    path = export_png(chart, tmp_path / "case.png", 800, 450)
    assert not QImage(str(path)).isNull()
    if case == "no entries":
        assert status is Status.NO_DATA
    if case == "deadline passed":
        assert status is Status.OVERDUE
    if case == "far beyond the target":
        assert status is Status.ACHIEVED


def test_retranslate_redraws_the_same_numbers(chart: StatusOverviewChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    before = chart.data()
    chart.retranslate()
    assert chart.data() == before
    assert texts(chart.total_items) == ["3", "1", "1", "1"]
    assert chart.by_combo.itemText(0) == "By plan"


def test_mouse_position_outside_the_plot_is_no_group(
    chart: StatusOverviewChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    assert chart.group_at(QPointF(-500, -500)) is None


def test_targets_without_a_unit_are_named_so(chart: StatusOverviewChart, demo_rows: list[StatusRow]) -> None:
    chart.set_grouping("unit")
    chart.set_rows([replace(r, target=replace(r.target, responsible_unit="")) for r in demo_rows])
    assert tick_labels(chart) == ["(no responsible unit)"]
    assert chart.tooltip_for(0).startswith("(no responsible unit)")
