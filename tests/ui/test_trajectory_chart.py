"""The trajectory chart draws exactly the builder's numbers: items are read back and x converted to dates."""

from __future__ import annotations

import itertools
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.entities import TargetKind, ValueType
from app.services.chart_trajectory import trajectory
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace
from app.ui.charts.common import export_png
from app.ui.charts.trajectory_chart import MonthAxis, TrajectoryChart, to_date, to_timestamp
from tests.services.test_chart_trajectory import BAD_INPUTS, entry, row

AS_OF = date(2025, 7, 31)


@pytest.fixture
def rows(demo_workspace: Workspace) -> dict[str, StatusRow]:
    return {r.target.name: r for r in compute_statuses(demo_workspace, AS_OF)}


@pytest.fixture
def chart(qtbot: QtBot) -> TrajectoryChart:
    widget = TrajectoryChart()
    qtbot.addWidget(widget)
    widget.resize(800, 450)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def dates(xs: object) -> list[date]:
    return [to_date(float(x)) for x in xs]  # type: ignore[attr-defined]


def floats(ys: object) -> list[float]:
    return [float(y) for y in ys]  # type: ignore[attr-defined]


def legend_names(chart: TrajectoryChart) -> list[str]:
    return [label.text for _, label in chart.legend.items]


def test_timestamps_round_trip() -> None:
    for d in (date(1970, 1, 1), date(2023, 12, 31), date(2026, 12, 31), date(2100, 2, 28)):
        assert to_date(to_timestamp(d)) == d
    assert to_timestamp(date(1970, 1, 2)) == 86400.0


def test_no_row_asks_to_choose_a_target(chart: TrajectoryChart) -> None:
    chart.set_row(None)
    assert chart.data() is None
    assert chart.message is not None and chart.message.toPlainText() == "Choose a target"
    assert chart.points_item is None and chart.segment_items == []


def test_level_target_items_carry_the_numbers(chart: TrajectoryChart, rows: dict[str, StatusRow]) -> None:
    chart.set_row(rows["医疗器械产业总体规模"])
    data = chart.data()
    assert data is not None and data == trajectory(rows["医疗器械产业总体规模"])
    assert chart.required_item is not None
    assert dates(chart.required_item.xData) == [date(2023, 12, 31), date(2026, 12, 31)]
    assert floats(chart.required_item.yData) == [352.0, 500.0]
    assert chart.forecast_item is not None
    assert dates(chart.forecast_item.xData)[0] == date(2024, 9, 30)
    assert dates(chart.forecast_item.xData)[-1] == date(2026, 12, 31)
    assert floats(chart.forecast_item.yData)[-1] == pytest.approx(316.13, abs=0.005)
    assert len(chart.forecast_item.xData) == 28  # the compound curve, sampled monthly
    assert chart.target_line is not None and chart.target_line.value() == 500.0
    assert chart.target_line.label.toPlainText() == "Target >500亿元"
    assert chart.as_of_line is not None and to_date(chart.as_of_line.value()) == AS_OF
    assert chart.as_of_line.label.toPlainText() == "As of 2025-07-31"
    assert chart.gap_item is not None and chart.gap_label is not None
    assert dates(chart.gap_item.xData) == [date(2024, 9, 30)] * 2
    assert floats(chart.gap_item.yData) == [pytest.approx(342.6667, abs=1e-4), 500.0]
    assert chart.gap_label.toPlainText() == "差距 157.33亿元"
    assert chart.unit_label.text == "亿元"
    assert legend_names(chart) == [
        "Reported values",
        "Annualised (part of a year)",
        "Required path",
        "Forecast (compound growth)",
    ]


def test_annualised_point_has_its_own_marker_and_tooltip(
    chart: TrajectoryChart, rows: dict[str, StatusRow]
) -> None:
    chart.set_row(rows["医疗器械产业总体规模"])
    assert chart.points_item is not None
    assert dates(chart.points_item.xData) == [date(2023, 12, 31), date(2024, 9, 30)]
    assert floats(chart.points_item.yData) == [352.0, pytest.approx(342.6667, abs=1e-4)]
    spots = chart.points_item.scatter.points()
    assert [s.symbol() for s in spots] == ["o", "d"]
    assert "年化 342.67亿元" in spots[1].data()
    assert "年化" not in spots[0].data()
    scatter = chart.points_item.scatter
    vb = chart.plot.getViewBox()
    QApplication.processEvents()
    where = scatter.mapFromScene(
        vb.mapViewToScene(QPointF(to_timestamp(date(2024, 9, 30)), spots[1].pos().y()))
    )
    scatter.hoverEvent(_Hover(where))  # what pyqtgraph's scene sends when the mouse rests on the point
    assert "2024年前三季度<br>257亿元（年化 342.67亿元）<br>来源：《北京前三季度" in vb.toolTip()


class _Hover:
    exit = False

    def __init__(self, pos: QPointF) -> None:
        self._pos = pos

    def pos(self) -> QPointF:
        return self._pos


def test_cumulative_target_points_and_gap(chart: TrajectoryChart, rows: dict[str, StatusRow]) -> None:
    chart.set_row(rows["创新医疗器械品种"])
    assert chart.points_item is not None and chart.gap_label is not None and chart.gap_item is not None
    assert dates(chart.points_item.xData) == [date(2024, 9, 30), date(2025, 6, 30)]
    assert floats(chart.points_item.yData) == [70.0, 77.0]
    assert [s.data().splitlines()[0] for s in chart.points_item.scatter.points()] == [
        "截至2024年9月底",
        "2025年上半年",
    ]
    assert chart.gap_label.toPlainText() == "差距 23个"
    assert floats(chart.gap_item.yData) == [77.0, 100.0]
    assert chart.gap_arrow is not None and chart.gap_arrow.pos().y() == 100.0
    assert len(chart.segment_items) == 1
    assert floats(chart.segment_items[0].yData) == [70.0, 77.0]
    assert chart.forecast_item is not None
    assert floats(chart.forecast_item.yData) == [
        77.0,
        pytest.approx(rows["创新医疗器械品种"].progress.forecast),
    ]
    assert legend_names(chart)[-1] == "Forecast (linear)"


def test_flow_years_are_drawn_apart(chart: TrajectoryChart) -> None:
    chart.set_row(
        row(
            [
                entry("2024年1-11月", "8000", "P", ValueType.PERIOD),
                entry("2025年1-3月", "2000", "P", ValueType.PERIOD),
            ],
            kind=TargetKind.FLOW,
            unit="P",
            target_value=Decimal(10000),
        )
    )
    assert len(chart.segment_items) == 2
    first, second = chart.segment_items
    assert dates(first.xData) == [date(2023, 12, 31), date(2024, 11, 30)]
    assert floats(first.yData) == [0.0, 8000.0]
    assert dates(second.xData) == [date(2024, 12, 31), date(2025, 3, 31)]
    assert floats(second.yData) == [0.0, 2000.0]
    assert chart.points_item is not None and chart.points_item.opts["pen"] is None  # points are not joined
    assert chart.required_item is not None
    assert dates(chart.required_item.xData) == [date(2024, 12, 31), date(2025, 12, 31)]
    assert chart.gap_label is not None and chart.gap_label.toPlainText() == "差距 8000P"


def test_rate_target_against_a_threshold(chart: TrajectoryChart) -> None:
    chart.set_row(
        row(
            [
                entry("2024年前三季度", "6.9", "%", ValueType.RATE),
                entry("2025年上半年", "7.2", "%", ValueType.RATE),
            ],
            kind=TargetKind.RATE,
            unit="%",
            target_value=Decimal(7),
            deadline=date(2025, 12, 31),
        )
    )
    assert chart.target_line is not None and chart.target_line.value() == 7.0
    assert chart.target_line.label.toPlainText() == "Threshold ≥7%"
    assert chart.required_item is None and chart.forecast_item is None
    assert chart.points_item is not None and floats(chart.points_item.yData) == [6.9, 7.2]
    assert chart.deadline_line is not None and to_date(chart.deadline_line.value()) == date(2025, 12, 31)
    assert legend_names(chart) == ["Reported values"]
    assert chart.gap_label is not None and chart.gap_label.toPlainText() == "优于目标 0.2%"
    assert chart.gap_arrow is None  # met: a bracket, no arrow telling the value where to go


def test_milestone_markers_and_deadline_line(chart: TrajectoryChart) -> None:
    chart.set_row(
        row(
            [entry("2024年12月", "30", "%"), entry("2025年6月", "60", "%")],
            kind=TargetKind.MILESTONE,
            unit="%",
            target_value=Decimal(100),
            deadline=date(2025, 12, 31),
        )
    )
    assert chart.points_item is not None
    assert dates(chart.points_item.xData) == [date(2024, 12, 31), date(2025, 6, 30)]
    assert floats(chart.points_item.yData) == [30.0, 60.0]
    assert chart.deadline_line is not None
    assert chart.deadline_line.label.toPlainText() == "Deadline 2025-12-31"
    assert chart.required_item is None and chart.forecast_item is None
    assert chart.gap_label is not None and chart.gap_label.toPlainText() == "差距 40%"


def test_monitoring_indicator_shows_only_values(chart: TrajectoryChart, rows: dict[str, StatusRow]) -> None:
    chart.set_row(rows["备案上线大模型"])
    assert chart.points_item is not None and floats(chart.points_item.yData) == [94.0, 132.0]
    assert (chart.required_item, chart.forecast_item, chart.target_line, chart.gap_item) == (
        None,
        None,
        None,
        None,
    )


def test_language_change_redraws_the_same_numbers(chart: TrajectoryChart, rows: dict[str, StatusRow]) -> None:
    chart.set_row(rows["创新医疗器械品种"])
    QApplication.sendEvent(chart, QEvent(QEvent.Type.LanguageChange))
    assert chart.points_item is not None and floats(chart.points_item.yData) == [70.0, 77.0]
    assert chart.gap_label is not None and chart.gap_label.toPlainText() == "差距 23个"


def drawn(chart: TrajectoryChart) -> list[object]:
    return [i for i in chart.plot.items if i.isVisible()]


def test_switching_targets_leaves_nothing_of_the_last_one_drawn(
    chart: TrajectoryChart, rows: dict[str, StatusRow]
) -> None:
    chart.set_row(rows["医疗器械产业总体规模"])
    chart.set_row(rows["备案上线大模型"])
    kinds = [type(i).__name__ for i in drawn(chart)]
    assert kinds.count("InfiniteLine") == 1  # only the as-of line: no target line left over
    assert "TextItem" not in kinds and "ArrowItem" not in kinds  # no gap: neither its label nor its arrow
    assert chart.gap_label is None
    chart.set_row(None)
    assert drawn(chart) == [chart.message]
    chart.set_row(rows["医疗器械产业总体规模"])  # back again: the same numbers as the first time
    assert chart.message is None and chart.gap_label is not None
    assert chart.gap_label.toPlainText() == "差距 157.33亿元"
    assert chart.target_line is not None and chart.target_line.label.toPlainText() == "Target >500亿元"
    assert legend_names(chart) == [
        "Reported values",
        "Annualised (part of a year)",
        "Required path",
        "Forecast (compound growth)",
    ]


def test_no_data_keeps_no_legend_rows_of_the_last_target(
    chart: TrajectoryChart, rows: dict[str, StatusRow]
) -> None:
    chart.set_row(rows["医疗器械产业总体规模"])
    chart.set_row(None)
    assert chart.legend.items == []  # hidden rows would still take room beside the message
    chart.set_row(rows["医疗器械产业总体规模"])
    assert legend_names(chart)[0] == "Reported values" and len(legend_names(chart)) == 4


def test_a_brace_in_a_line_label_is_printed_as_it_is(chart: TrajectoryChart) -> None:
    chart.set_row(row([entry("2024年", "80", "{件}")], unit="{件}", target_value=Decimal(100)))
    assert chart.target_line is not None and chart.target_line.label.toPlainText() == "Target ≥100{件}"


def test_long_names_are_elided_with_the_full_name_in_a_tooltip(chart: TrajectoryChart) -> None:
    name = "规模以上工业企业数字化转型全面覆盖并且建成一批具有全国影响力的智能工厂和数字化车间" * 2
    chart.resize(400, 300)
    chart.set_row(row([entry("截至2024年9月底", "800", "家")], name=name))
    shown = chart.plot.titleLabel.text
    assert "…" in shown and len(shown) < len(name)
    assert chart.plot.titleLabel.toolTip() == name


def tick_gaps(chart: TrajectoryChart) -> tuple[list[float], float]:
    """The x-axis tick positions in pixels, and the width of one "2024-06" label."""
    axis = chart.axis
    lo, hi = chart.plot.getViewBox().viewRange()[0]
    width = axis.geometry().width()
    levels = axis.tickValues(lo, hi, width)
    values = levels[0][1]
    pixels = [(v - lo) / (hi - lo) * width for v in values]
    font = axis.style["tickFont"]
    return pixels, float(QFontMetrics(font).horizontalAdvance("2024-06"))


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_inputs_draw_and_export(chart: TrajectoryChart, tmp_path: Path, case: str) -> None:
    make, n_points = BAD_INPUTS[case]
    r = make()
    chart.set_row(r)
    data = chart.data()
    assert data is not None and data == trajectory(r)
    for width, height in ((1600, 900), (800, 450)):
        path = export_png(chart, tmp_path / f"{width}.png", width, height)
        assert QImage(str(path)).size().width() == width
    if n_points == 0:
        assert chart.message is not None and chart.message.toPlainText() == "No reported values yet"
        return
    assert chart.points_item is not None
    assert dates(chart.points_item.xData) == [p.on for p in data.points]
    assert floats(chart.points_item.yData) == [p.value for p in data.points]
    assert len(chart.segment_items) == len(data.segments)
    lo, hi = chart.plot.getViewBox().viewRange()[1]
    assert all(lo < p.value < hi for p in data.points)  # nothing drawn off the chart
    pixels, label = tick_gaps(chart)
    assert 2 <= len(pixels) <= 14
    assert all(b - a > label + 8 for a, b in itertools.pairwise(pixels))  # labels never touch


def test_ten_years_of_months_have_readable_ticks(chart: TrajectoryChart) -> None:
    chart.set_row(BAD_INPUTS["10 years of monthly data"][0]())
    assert chart.points_item is not None and len(chart.points_item.xData) == 120
    for width in (1600, 800, 400):
        chart.resize(width, 450)
        QApplication.processEvents()
        pixels, label = tick_gaps(chart)
        assert len(pixels) >= 2
        assert all(b - a > label + 8 for a, b in itertools.pairwise(pixels))
    strings = chart.axis.tickStrings([to_timestamp(date(2024, 6, 1)), to_timestamp(date(2025, 1, 1))], 1, 1)
    assert strings == ["2024-06", "2025-01"]


def test_month_axis_steps_grow_with_the_span() -> None:
    axis = MonthAxis(orientation="bottom")
    lo, hi = to_timestamp(date(2024, 1, 1)), to_timestamp(date(2024, 12, 31))
    monthly = axis.tickValues(lo, hi, 2000)[0][1]
    assert [to_date(v) for v in monthly][:3] == [date(2024, 1, 1), date(2024, 2, 1), date(2024, 3, 1)]
    yearly = axis.tickValues(to_timestamp(date(2000, 1, 1)), to_timestamp(date(2030, 1, 1)), 500)[0][1]
    assert all(to_date(v).month == 1 for v in yearly)
    assert axis.tickValues(5.0, 5.0, 300) == []
