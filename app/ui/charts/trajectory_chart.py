"""One target's trajectory: reported values, the path required to reach the target, the forecast and the gap.

Draws exactly the numbers of ``app.services.chart_trajectory.trajectory`` (reports reuse that builder); x is
a date drawn as seconds since 1970-01-01 (UTC midnight of the day), so tests convert back with ``to_date``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from app.domain.entities import TargetKind
from app.services.chart_trajectory import XY, TrajectoryData, trajectory
from app.services.statuses import StatusRow
from app.ui.charts.common import chart_font, message_item, show_message, style_axes

EPOCH = date(1970, 1, 1)
DAY = 86400.0
AVERAGE_MONTH_DAYS = 30.44

REPORTED_COLOR = "#1f5fa8"
REQUIRED_COLOR = "#616161"
FORECAST_COLOR = "#8e24aa"
TARGET_COLOR = "#2e7d32"
AS_OF_COLOR = "#757575"
GAP_COLOR = "#b71c1c"
LABEL_FILL = (255, 255, 255, 210)


# Every text the chart writes, in English; lupdate finds them here (Chinese comes from the .ts files).
TEXT = {
    "choose": QT_TRANSLATE_NOOP("Charts", "Choose a target"),
    "no_values": QT_TRANSLATE_NOOP("Charts", "No reported values yet"),
    "reported": QT_TRANSLATE_NOOP("Charts", "Reported values"),
    "annualised": QT_TRANSLATE_NOOP("Charts", "Annualised (part of a year)"),
    "required": QT_TRANSLATE_NOOP("Charts", "Required path"),
    "forecast": QT_TRANSLATE_NOOP("Charts", "Forecast"),
    "linear": QT_TRANSLATE_NOOP("Charts", "Forecast (linear)"),
    "compound": QT_TRANSLATE_NOOP("Charts", "Forecast (compound growth)"),
    "target": QT_TRANSLATE_NOOP("Charts", "Target {value}"),
    "threshold": QT_TRANSLATE_NOOP("Charts", "Threshold {value}"),
    "as_of": QT_TRANSLATE_NOOP("Charts", "As of {date}"),
    "deadline": QT_TRANSLATE_NOOP("Charts", "Deadline {date}"),
}


def _tr(key: str) -> str:
    return QCoreApplication.translate("Charts", TEXT[key])


def to_timestamp(d: date) -> float:
    """A date's x: seconds since 1970-01-01 at midnight UTC, whatever the machine's time zone."""
    return (d - EPOCH).days * DAY


def to_date(x: float) -> date:
    return EPOCH + timedelta(days=round(x / DAY))


def _month_index(d: date) -> int:
    return d.year * 12 + d.month - 1


def _month_start(index: int) -> date:
    return date(index // 12, index % 12 + 1, 1)


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(width)
    pen.setStyle(style)
    pen.setCosmetic(True)
    return pen


class MonthAxis(pg.AxisItem):
    """Dates as "2024-06" ticks on month starts, spaced so that labels never touch (no month names)."""

    STEPS = (1, 2, 3, 6, 12, 24, 60, 120)

    def tickValues(self, min_value: float, max_value: float, size: float) -> list[tuple[float, list[float]]]:
        if not max_value > min_value or size <= 0:
            return []
        span_months = (max_value - min_value) / DAY / AVERAGE_MONTH_DAYS
        # The smallest step whose labels fit, measured on the longest month (31 days) to be safe.
        needed = span_months * self.label_slot() / size * 31 / AVERAGE_MONTH_DAYS
        step = next((s for s in self.STEPS if s >= needed), 12 * math.ceil(needed / 12))
        first = _month_index(to_date(math.floor(min_value / DAY) * DAY))
        if to_timestamp(_month_start(first)) < min_value:
            first += 1
        last = _month_index(to_date(math.floor(max_value / DAY) * DAY))
        start = math.ceil(first / step) * step
        values = [to_timestamp(_month_start(i)) for i in range(start, last + 1, step)]
        return [(step * AVERAGE_MONTH_DAYS * DAY, values)]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"{d.year:04d}-{d.month:02d}" for d in map(to_date, values)]

    def label_slot(self) -> float:
        """Pixels one tick label needs, gap included."""
        font = self.style.get("tickFont") or chart_font()
        return QFontMetrics(font).horizontalAdvance("0000-00") + 24


class _LegendRow(pg.LegendItem):
    """A legend that lives in the plot's layout under the x axis, so it never covers data."""

    def updateSize(self) -> None:
        self.layout.invalidate()
        self.updateGeometry()


class TrajectoryChart(QWidget):
    """The selected target's trajectory; ``set_row(None)`` asks the user to choose a target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.axis = MonthAxis(orientation="bottom")
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": self.axis})
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.getViewBox().disableAutoRange()
        style_axes(self.plot)
        self.legend = _LegendRow(horSpacing=18, colCount=4, labelTextSize="9pt")
        self.legend.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
        self.plot.layout.addItem(self.legend, 4, 1)
        self.plot.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignLeft)
        # The y axis's unit, written across above the axis: a rotated 个 or 家 would read as a symbol.
        self.unit_label = pg.LabelItem("", color="#444444", size="9pt", justify="left")
        self.unit_label.item.setFont(chart_font(9))
        self.plot.layout.addItem(self.unit_label, 0, 0)
        self.plot.layout.setAlignment(
            self.unit_label, Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)
        self._data: TrajectoryData | None = None
        self._full_title = ""
        self._x_range = (0.0, 1.0)
        self._build_items()
        self._clear_items()
        self._draw()

    # public --------------------------------------------------------------------------------------------

    def set_row(self, row: StatusRow | None) -> None:
        self._data = trajectory(row) if row is not None else None
        self._draw()

    def data(self) -> TrajectoryData | None:
        """The numbers drawn (None while no target is chosen)."""
        return self._data

    # Qt ------------------------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._draw()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()
        self.legend.setColumnCount(max(1, min(4, self.width() // 190)))

    # drawing -------------------------------------------------------------------------------------------

    def _build_items(self) -> None:
        """Every item the chart may draw, made once and shown or hidden per target: a report redraws one chart
        for each of hundreds of targets, and making pyqtgraph items costs ten times more than updating them."""
        self._segment_pool: list[pg.PlotDataItem] = []
        self._points = pg.PlotDataItem(pen=None, symbolPen=pg.mkPen(REPORTED_COLOR, width=1.6))
        scatter = self._points.scatter
        scatter.opts["hoverable"] = True
        scatter.opts["tip"] = self._tip
        scatter.setAcceptHoverEvents(True)
        self._points.setZValue(20)
        self._required = pg.PlotDataItem(pen=_pen(REQUIRED_COLOR, 1.6, Qt.PenStyle.DashDotLine))
        self._forecast = pg.PlotDataItem(pen=_pen(FORECAST_COLOR, 2.0, Qt.PenStyle.DashLine))
        self._forecast.setZValue(5)
        self._target_line = self._new_line(0, _pen(TARGET_COLOR, 1.4), 0.012)
        self._as_of_line = self._new_line(90, _pen(AS_OF_COLOR, 1.2, Qt.PenStyle.DotLine), 0.02)
        self._deadline_line = self._new_line(90, _pen(TARGET_COLOR, 1.2, Qt.PenStyle.DashLine), 0.97)
        self._gap = pg.PlotDataItem(
            pen=_pen(GAP_COLOR, 2.0), symbol="_", symbolSize=12, symbolPen=pg.mkPen(GAP_COLOR, width=2)
        )
        self._gap.setZValue(15)
        self._gap_arrow = pg.ArrowItem(angle=90, headLen=13, tailLen=0, pen=GAP_COLOR, brush=GAP_COLOR)
        self._gap_arrow.setZValue(16)
        self._gap_label = pg.TextItem("", color=GAP_COLOR)
        self._gap_label.fill = pg.mkBrush(LABEL_FILL)
        self._gap_label.setFont(chart_font(9, bold=True))
        self._gap_label.setZValue(30)
        self._message = message_item()
        self._drawn: list[pg.GraphicsObject] = [
            self._points, self._required, self._forecast, self._target_line, self._as_of_line,
            self._deadline_line, self._gap, self._gap_arrow, self._gap_label, self._message,
        ]  # fmt: skip
        for item in self._drawn:
            self.plot.addItem(item)
            item.setVisible(False)
        # Legend samples that are not drawn on the plot (the points' sample joins them with a line).
        self._reported_sample = pg.PlotDataItem(
            pen=_pen(REPORTED_COLOR, 2.2), symbol="o", symbolBrush=REPORTED_COLOR
        )
        self._annualised_sample = pg.PlotDataItem(
            pen=None,
            symbol="d",
            symbolSize=11,
            symbolBrush="w",
            symbolPen=pg.mkPen(REPORTED_COLOR, width=1.6),
        )
        self._legend_entries: tuple[tuple[int, str], ...] | None = None

    def _clear_items(self) -> None:
        """The items of the current drawing, None when not drawn (tests and exports read them)."""
        self.points_item: pg.PlotDataItem | None = None
        self.segment_items: list[pg.PlotDataItem] = []
        self.required_item: pg.PlotDataItem | None = None
        self.forecast_item: pg.PlotDataItem | None = None
        self.target_line: pg.InfiniteLine | None = None
        self.as_of_line: pg.InfiniteLine | None = None
        self.deadline_line: pg.InfiniteLine | None = None
        self.gap_item: pg.PlotDataItem | None = None
        self.gap_arrow: pg.ArrowItem | None = None
        self.gap_label: pg.TextItem | None = None
        self.message: pg.TextItem | None = None

    def _draw(self) -> None:
        self._clear_items()
        for item in (*self._drawn, *self._segment_pool):
            item.setVisible(False)
        data = self._data
        self._set_title(data.title if data else "")
        if data is None or data.empty:
            self.legend.clear()  # hidden rows would still take room in the layout
            self._legend_entries = None
            self.legend.setVisible(False)
            self.unit_label.setText("")
            self.message = self._message
            show_message(self.plot, self._message, _tr("choose") if data is None else _tr("no_values"))
            return
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        self.legend.setVisible(True)
        self._set_ranges(data)
        self._draw_lines(data)
        self._draw_values(data)
        self._draw_markers(data)
        self._draw_gap(data)
        self._fill_legend(data)

    def _draw_values(self, data: TrajectoryData) -> None:
        while len(self._segment_pool) < len(data.segments):
            item = pg.PlotDataItem(pen=_pen(REPORTED_COLOR, 2.2))
            item.setZValue(10)
            self.plot.addItem(item)
            self._segment_pool.append(item)
        for seg, item in zip(data.segments, self._segment_pool, strict=False):
            item.setData(*self._xy(seg))
            item.setVisible(True)
            self.segment_items.append(item)
        points = data.points
        self._points.setData(
            [to_timestamp(p.on) for p in points],
            [p.value for p in points],
            symbol=["d" if p.annualised else "o" for p in points],
            symbolSize=[(11 if p.annualised else 8) * (0.6 if len(points) > 40 else 1) for p in points],
            symbolBrush=[pg.mkBrush("w" if p.annualised else REPORTED_COLOR) for p in points],
            data=[p.tooltip for p in points],
        )
        self._points.setVisible(True)
        self.points_item = self._points

    @staticmethod
    def _tip(x: float, y: float, data: Any) -> str:
        """Rich text so that a long source title wraps instead of making a screen-wide tooltip."""
        return "<p style='white-space:pre-wrap'>" + html.escape(str(data)).replace("\n", "<br>") + "</p>"

    def _draw_lines(self, data: TrajectoryData) -> None:
        if data.required_path is not None:
            self._required.setData(*self._xy(data.required_path))
            self._required.setVisible(True)
            self.required_item = self._required
        if data.forecast_path is not None:
            self._forecast.setData(*self._xy(data.forecast_path))
            self._forecast.setVisible(True)
            self.forecast_item = self._forecast
        if data.target_value is not None:
            name = _tr("threshold") if data.threshold is not None else _tr("target")
            self.target_line = self._place_line(
                self._target_line, data.target_value, name.format(value=data.target_text), (0, 1)
            )

    def _draw_markers(self, data: TrajectoryData) -> None:
        self.as_of_line = self._place_line(
            self._as_of_line,
            to_timestamp(data.as_of),
            _tr("as_of").format(date=f"{data.as_of:%Y-%m-%d}"),
            (1, 1) if self._near_right(data.as_of) else (0, 1),
        )
        if data.deadline is not None and data.kind in (TargetKind.MILESTONE, TargetKind.RATE):
            self.deadline_line = self._place_line(
                self._deadline_line,
                to_timestamp(data.deadline),
                _tr("deadline").format(date=f"{data.deadline:%Y-%m-%d}"),
                (1, 0) if self._near_right(data.deadline) else (0, 0),
            )

    def _draw_gap(self, data: TrajectoryData) -> None:
        gap = data.gap
        if gap is None:
            return
        x = to_timestamp(gap.on)
        self._gap.setData([x, x], [gap.from_value, gap.to_value])
        self._gap.setVisible(True)
        self.gap_item = self._gap
        if not gap.met:  # once met: a bracket, not a direction to go. The tip sits on the target value.
            self._gap_arrow.setStyle(angle=90 if gap.to_value > gap.from_value else -90)  # 90 points up
            self._gap_arrow.setPos(x, gap.to_value)
            self._gap_arrow.setVisible(True)
            self.gap_arrow = self._gap_arrow
        left = self._near_right(gap.on)
        self._gap_label.setText(gap.text)
        self._gap_label.setAnchor((1.06, 0.5) if left else (-0.06, 0.5))
        self._gap_label.setPos(x, (gap.from_value + gap.to_value) / 2)
        self._gap_label.setVisible(True)
        self.gap_label = self._gap_label

    def _fill_legend(self, data: TrajectoryData) -> None:
        entries: list[tuple[pg.PlotDataItem, str]] = [(self._reported_sample, _tr("reported"))]
        if any(p.annualised for p in data.points):
            entries.append((self._annualised_sample, _tr("annualised")))
        if self.required_item is not None:
            entries.append((self.required_item, _tr("required")))
        if self.forecast_item is not None:
            method = {"linear": _tr("linear"), "compound": _tr("compound")}
            entries.append((self.forecast_item, method.get(data.forecast_method, _tr("forecast"))))
        key = tuple((id(item), name) for item, name in entries)
        if key == self._legend_entries:
            return  # the same rows as the last target's: the legend's labels are kept, not made again
        self._legend_entries = key
        self.legend.clear()
        for item, name in entries:
            self.legend.addItem(item, name)
        for _sample, label in self.legend.items:
            label.item.setFont(chart_font(9))
            label.setText(label.text)  # re-measure in the CJK font

    # helpers -------------------------------------------------------------------------------------------

    def _new_line(self, angle: int, pen: QPen, position: float) -> pg.InfiniteLine:
        line = pg.InfiniteLine(
            angle=angle,
            pen=pen,
            movable=False,
            label="",
            labelOpts={"position": position, "color": pen.color(), "fill": LABEL_FILL},
        )
        line.label.setFont(chart_font(8.5))
        return line

    @staticmethod
    def _place_line(
        line: pg.InfiniteLine, pos: float, text: str, anchor: tuple[float, float]
    ) -> pg.InfiniteLine:
        line.setVisible(True)  # first: a hidden line's label does not take new text
        line.label.anchors = [anchor, anchor]
        line.setValue(pos)
        line.label.setFormat(text.replace("{", "{{").replace("}", "}}"))
        return line

    @staticmethod
    def _xy(xys: Sequence[XY]) -> tuple[list[float], list[float]]:
        return [to_timestamp(d) for d, _ in xys], [v for _, v in xys]

    def _set_ranges(self, data: TrajectoryData) -> None:
        first, last = data.x_extent()
        x0, x1 = to_timestamp(first), to_timestamp(last)
        xpad = max((x1 - x0) * 0.04, 20 * DAY)
        self.plot.setXRange(x0 - xpad, x1 + xpad, padding=0)
        lo, hi = data.y_extent() or (0.0, 1.0)
        if hi == lo:  # one value (or all equal, with nothing else drawn): centre it
            half = max(abs(hi) * 0.1, 1.0)
            lo, hi = lo - half, hi + half
        span = hi - lo
        bottom = lo - span * 0.10
        if lo >= 0:
            bottom = max(bottom, -span * 0.03)  # counts and amounts: no negative ticks below a zero start
        self.plot.setYRange(bottom, hi + span * 0.16, padding=0)  # headroom for line labels
        self._x_range = (x0 - xpad, x1 + xpad)
        self.unit_label.setText(html.escape(data.y_label))

    def _near_right(self, d: date) -> bool:
        """True in the right third of the x range: labels there go to the left of their line."""
        lo, hi = self._x_range
        return to_timestamp(d) > lo + (hi - lo) * 0.67

    def _set_title(self, title: str) -> None:
        self._full_title = title
        self.plot.titleLabel.item.setFont(chart_font(10, bold=True))
        self.plot.titleLabel.setToolTip(title)
        self._fit_title()

    def _fit_title(self) -> None:
        """Long names end in "…" at the chart's width; the tooltip keeps the full name."""
        metrics = QFontMetrics(chart_font(10, bold=True))
        shown = metrics.elidedText(self._full_title, Qt.TextElideMode.ElideRight, max(80, self.width() - 60))
        self.plot.setTitle(html.escape(shown) if shown else None, size="10pt", bold=True)
        if shown:
            self.plot.titleLabel.item.setFont(chart_font(10, bold=True))
