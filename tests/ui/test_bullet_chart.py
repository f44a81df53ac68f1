"""The bullet chart draws exactly the domain's numbers: bar widths, marker positions, order, colours and patterns,
captions, and a click on a row selects that target. Awkward inputs draw and export without raising."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from app.domain.status import Status
from app.services.chart_bullet import DRAW_MAX, DRAW_MIN, bullet_rows
from app.services.statuses import StatusRow, compute_statuses
from app.services.workspace import Workspace
from app.ui.charts.bullet_chart import BAR_HEIGHT, CLIP_HIGH_MARK, CLIP_LOW_MARK, BulletChart
from app.ui.charts.common import STATUS_CHART_COLORS, STATUS_PATTERNS, export_png
from tests.services.test_chart_bullet import _row_with, bad_input_cases

AS_OF = date(2025, 7, 31)
DEMO_ORDER = ["医疗器械产业总体规模", "创新医疗器械品种", "示范区路侧基础设施智能化覆盖面积"]


@pytest.fixture
def demo_rows(demo_workspace: Workspace) -> list[StatusRow]:
    return compute_statuses(demo_workspace, AS_OF)


@pytest.fixture
def chart(qtbot: QtBot) -> BulletChart:
    widget = BulletChart()
    qtbot.addWidget(widget)
    widget.resize(1200, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def drawn_ids(chart: BulletChart) -> list[int]:
    return [r.target_id for r in chart.data().rows]


def test_bars_are_the_domains_completion_and_markers_its_time_progress(
    chart: BulletChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    progress = {r.target.id: r.progress for r in demo_rows}
    ids = drawn_ids(chart)
    assert chart.bars is not None and chart.markers is not None and chart.target_line is not None
    assert list(chart.bars.opts["width"]) == [progress[i].completion for i in ids]
    assert [round(w, 3) for w in chart.bars.opts["width"]] == [-0.063, 0.378, 1.0]
    assert chart.bars.opts["x0"] == 0.0
    assert list(chart.bars.opts["y"]) == [0, 1, 2]
    assert chart.bars.opts["height"] == BAR_HEIGHT
    xs, ys = chart.markers.getData()
    assert list(xs) == [progress[i].time_progress for i in ids]
    assert [round(x, 3) for x in xs] == [0.25, 0.499, 0.748]
    assert list(ys) == [0, 1, 2]
    assert chart.target_line.value() == 1.0
    assert chart.name_axis.names == [*DEMO_ORDER[:2], "示范区路侧基础设施智能化…"]
    # The label text comes through the "Charts" translation context (English source in the tests).
    assert chart.labels.texts == [
        "-6.3% · time elapsed 25.0%",
        "37.8% · time elapsed 49.9%",
        "100.0% · time elapsed 74.8%",
    ]
    assert chart.labels.marks == ["", "", ""]


def test_rows_run_worst_lag_first_top_to_bottom(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    rows = chart.data().rows
    assert [r.name for r in rows] == DEMO_ORDER
    lags = [r.lag_points for r in rows]
    assert lags == sorted(lags)  # type: ignore[type-var]
    assert chart.view.yInverted()  # row 0 (the worst) at the top
    top, bottom = (chart.bar_scene_pos(i).y() for i in (0, 2))
    assert top < bottom


def test_caption_counts_what_is_not_drawn(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    data = chart.data()
    assert (data.shown, data.total, data.monitoring, data.no_data) == (3, 3, 14, 3)
    text = chart.caption.text()
    assert text == (
        "Targets with a completion: 3, furthest behind schedule first."
        " Not shown: monitoring indicators: 14, no data: 3."
    )


def test_bars_are_coloured_and_patterned_by_status(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    assert chart.bars is not None
    brushes, pens = chart.bars.opts["brushes"], chart.bars.opts["pens"]
    statuses = [r.status for r in chart.data().rows]
    assert statuses == [Status.OFF_TRACK, Status.OFF_TRACK, Status.ACHIEVED]
    for brush, pen, status in zip(brushes, pens, statuses, strict=True):
        assert brush.color().name() == STATUS_CHART_COLORS[status]
        assert brush.style() == STATUS_PATTERNS[status]
        assert pen.color().name() == STATUS_CHART_COLORS[status]
    assert brushes[0].style() == Qt.BrushStyle.BDiagPattern  # hatched: 滞后 reads on black-and-white paper
    assert brushes[2].style() == Qt.BrushStyle.SolidPattern
    assert chart.legend_items[Status.OFF_TRACK].isVisibleTo(chart)
    assert not chart.legend_items[Status.AT_RISK].isVisibleTo(chart)


def test_clicking_a_bar_emits_its_target(
    qtbot: QtBot, chart: BulletChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    ids = drawn_ids(chart)
    viewport = chart.plot_widget.viewport()
    for index in (1, 2):
        point = chart.plot_widget.mapFromScene(chart.bar_scene_pos(index))
        with qtbot.waitSignal(chart.targetClicked) as blocker:
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
        assert blocker.args == [ids[index]]
    assert chart.data().rows[1].name == "创新医疗器械品种"


def test_clicking_a_name_emits_its_target_and_empty_space_nothing(
    qtbot: QtBot, chart: BulletChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    ids = drawn_ids(chart)
    row_y = chart.bar_scene_pos(0).y()
    on_name = QPointF(chart.name_axis.sceneBoundingRect().center().x(), row_y)
    assert chart.row_at(on_name) == 0
    viewport = chart.plot_widget.viewport()
    with qtbot.waitSignal(chart.targetClicked) as blocker:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.plot_widget.mapFromScene(on_name))
    assert blocker.args == [ids[0]]
    below = chart.view.mapViewToScene(QPointF(0.5, 6.0))  # under the last row, still inside the plot
    assert chart.row_at(below) is None
    with qtbot.assertNotEmitted(chart.targetClicked):
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=chart.plot_widget.mapFromScene(below))
        bar = chart.plot_widget.mapFromScene(chart.bar_scene_pos(0))
        qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=bar)


def test_tooltip_gives_the_full_name_plan_and_numbers(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    text = chart.tooltip_for(2)
    row = chart.data().rows[2]
    assert row.name in text and row.plan_title in text
    assert "Achieved" in text and "100.0%" in text and "74.8%" in text and "+25.2" in text


def test_percent_ticks_and_negative_completion_in_view(
    chart: BulletChart, demo_rows: list[StatusRow]
) -> None:
    chart.set_rows(demo_rows)
    assert chart.percent_axis.tickStrings([0.0, 0.5, 1.0], 1.0, 0.5) == ["0%", "50%", "100%"]
    (x0, x1), _ = chart.view.viewRange()
    assert x0 < min(chart.bars.opts["width"]) < 0  # type: ignore[union-attr]
    assert x1 > 1.0


def test_limit_shows_the_worst_rows_and_says_so(chart: BulletChart) -> None:
    rows = [_row_with(f"目标{i:02d}", float(-i), Status.AT_RISK, i) for i in range(1, 61)]
    chart.set_rows(rows)
    assert len(chart.bars.opts["width"]) == 30  # type: ignore[union-attr]
    assert drawn_ids(chart) == list(range(60, 30, -1))
    assert chart.caption.text().startswith("Showing 30 of 60 targets with a completion")
    chart.set_limit(0)
    assert len(chart.bars.opts["width"]) == 60  # type: ignore[union-attr]
    assert chart.caption.text().startswith("Targets with a completion: 60,")
    chart.set_limit(5)
    assert chart.limit() == 5 and chart.data().shown == 5


def test_names_thin_out_instead_of_overlapping(chart: BulletChart) -> None:
    chart.resize(800, 450)
    rows = [_row_with(f"目标{i:02d}", float(-i), Status.AT_RISK, i) for i in range(1, 61)]
    chart.set_limit(0)
    chart.set_rows(rows)
    (_, values), *_ = chart.name_axis.tickValues(-0.8, 59.8, chart.view.height())
    spacing_px = chart.view.height() / 60.6 * (values[1] - values[0])
    assert spacing_px >= chart.labels._metrics.height()
    assert len(values) < 60


def test_clipped_bars_are_cut_and_marked(chart: BulletChart) -> None:
    cases = bad_input_cases()
    chart.set_rows(cases["far beyond the target"].rows + cases["negative values"].rows)
    data = chart.data()
    assert sorted(chart.bars.opts["width"]) == [DRAW_MIN, DRAW_MAX]  # type: ignore[union-attr]
    assert sorted(chart.labels.marks) == sorted([CLIP_HIGH_MARK, CLIP_LOW_MARK])
    assert any(t.startswith("4120.0%") for t in chart.labels.texts)
    assert any(t.startswith("-150.0%") for t in chart.labels.texts)
    assert all(r.clipped for r in data.rows)
    (x0, x1), _ = chart.view.viewRange()
    assert x0 < DRAW_MIN and x1 > DRAW_MAX


def test_nothing_to_draw_shows_a_message_and_recovers(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    assert chart.message is not None and chart.bars is None  # a new chart before any data
    monitoring_only = [r for r in demo_rows if r.progress.completion is None]
    chart.set_rows(monitoring_only)
    assert chart.message is not None and chart.bars is None and chart.markers is None
    assert chart.caption.text() == "Not shown: monitoring indicators: 14, no data: 3."
    assert chart.row_at(chart.view.sceneBoundingRect().center()) is None
    chart.set_rows(demo_rows)
    assert chart.message is None and chart.bars is not None
    assert chart.plot.getAxis("left").isVisible() and chart.plot.getAxis("bottom").isVisible()


def test_five_thousand_rows_use_one_item_per_layer(chart: BulletChart) -> None:
    rows = [_row_with(f"目标{i}", float(-(i % 97)), Status.AT_RISK, i) for i in range(5000)]
    chart.set_limit(0)
    chart.set_rows(rows)
    assert len(chart.bars.opts["width"]) == 5000  # type: ignore[union-attr]
    assert len(chart.markers.getData()[0]) == 5000  # type: ignore[union-attr]
    assert len(chart.plot.items) == 3  # bars, target line, markers: no item per row


@pytest.mark.parametrize("name", list(bad_input_cases()))
def test_bad_inputs_draw_and_export(qtbot: QtBot, tmp_path: Path, name: str) -> None:
    case = bad_input_cases()[name]
    chart = BulletChart()
    qtbot.addWidget(chart)
    chart.set_rows(case.rows)
    for width, height in ((1600, 900), (800, 450)):
        path = export_png(chart, tmp_path / f"bullet {width}.png", width, height)
        image = QImage(str(path))
        assert (image.width(), image.height()) == (width, height)
    if case.completion is None:
        assert chart.bars is None and chart.message is not None
        assert chart.caption.text() == "Not shown: no data: 1."
        return
    (row,) = case.rows
    assert chart.bars is not None and chart.markers is not None
    assert list(chart.bars.opts["width"]) == [pytest.approx(case.drawn)]
    assert chart.data().rows[0].completion == row.progress.completion == pytest.approx(case.completion)
    assert list(chart.markers.getData()[0]) == [row.progress.time_progress]


def test_rows_without_time_progress_get_no_marker(chart: BulletChart) -> None:
    row = bad_input_cases()["one entry"].rows[0]
    no_tau = replace(row, progress=replace(row.progress, time_progress=None))
    chart.set_rows([no_tau, replace(row, target=replace(row.target, id=2, name="另一个"))])
    assert len(chart.bars.opts["width"]) == 2  # type: ignore[union-attr]
    with_tau = next(i for i, r in enumerate(chart.data().rows) if r.time_progress is not None)
    assert list(chart.markers.getData()[1]) == [with_tau]  # type: ignore[union-attr]
    assert bullet_rows([no_tau]).rows[0].label == "50.0%"


def test_hovering_a_row_shows_its_tooltip(
    monkeypatch: pytest.MonkeyPatch, chart: BulletChart, demo_rows: list[StatusRow]
) -> None:
    shown: list[str] = []
    # A real tooltip window warns "does not support raise()" on the offscreen platform: record the text instead.
    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    monkeypatch.setattr(QToolTip, "hideText", lambda: shown.append(""))
    chart.set_rows(demo_rows)
    viewport = chart.plot_widget.viewport()
    for scene_pos in (chart.bar_scene_pos(1), chart.view.mapViewToScene(QPointF(0.5, 6.0))):
        point = chart.plot_widget.mapFromScene(scene_pos)
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point)))
    assert shown == [chart.tooltip_for(1), ""]
    assert "创新医疗器械品种" in shown[0] and "北京市医疗器械产业提质升级行动计划" in shown[0]


def test_a_language_change_redraws_the_same_numbers(chart: BulletChart, demo_rows: list[StatusRow]) -> None:
    chart.set_rows(demo_rows)
    before = chart.data()
    QApplication.sendEvent(chart, QEvent(QEvent.Type.LanguageChange))
    assert chart.data() == before
    assert chart.labels.texts[1] == "37.8% · time elapsed 49.9%"
    legend = chart.legend_items[Status.OFF_TRACK].findChildren(QLabel)
    assert any(label.text() == "Off track" for label in legend)
