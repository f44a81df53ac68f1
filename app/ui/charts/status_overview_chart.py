"""Status overview: how many targets of each status per plan or per responsible unit, as horizontal stacked
bars, worst statuses first, so a meeting sees at a glance where to look. Clicking a bar filters the dashboard.

The numbers come from app.services.chart_overview; this module only draws them.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QPen
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.status import Status
from app.services.chart_overview import GroupBy, OverviewData, limit_groups, status_overview
from app.services.statuses import StatusRow
from app.ui.charts.common import chart_font, no_data_message, status_brush, status_pen, style_axes
from app.ui.labels import status_text

BAR_HEIGHT = 0.64  # of one row
MAX_GROUPS = 30  # never more bars than this, however tall the chart
MIN_GROUPS = 3
MAX_ROW_PX = 56  # with few groups, bars stay this slim and gather at the top instead of filling the height
LABEL_POINT_SIZE = 9.0
COUNT_POINT_SIZE = 8.0
LEGEND_SPACING = 12


class _StatusSample(pg.ItemSample):
    """Legend swatch: the bar's fill pattern in a square, without the line ItemSample draws for curves."""

    def paint(self, p: Any, *args: Any) -> None:
        opts = self.item.opts
        p.setPen(pg.mkPen(opts["pen"]))
        p.setBrush(pg.mkBrush(opts["brush"]))
        p.drawRect(QRectF(2, 3, 16, 14))


class StatusOverviewChart(QWidget):
    """Counts by status per plan or unit; ``groupClicked`` carries ("plan", plan id) or ("unit", unit name)."""

    groupClicked = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_groups = MAX_GROUPS
        self.by_combo = QComboBox()
        self.by_combo.setObjectName("overviewByCombo")
        self.monitoring_check = QCheckBox()
        self.monitoring_check.setObjectName("overviewMonitoringCheck")
        self.plot_widget = pg.PlotWidget()
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.legend = pg.LegendItem(colCount=1, sampleType=_StatusSample, horSpacing=LEGEND_SPACING)
        self.caption = QLabel()
        self.caption.setObjectName("overviewCaption")
        # Drawn items, kept for tests and callers: one BarGraphItem per status, the numbers inside segments,
        # the totals after each bar, and the message shown when there is nothing to count.
        self.bars: dict[Status, pg.BarGraphItem] = {}
        self.count_items: list[pg.TextItem] = []
        self.total_items: list[pg.TextItem] = []
        self.message_item: pg.TextItem | None = None
        self._rows: list[StatusRow] = []
        self._full = status_overview([])
        self._data = self._full
        self._build_ui()
        self._connect_signals()
        self.retranslate()

    def _build_ui(self) -> None:
        self.by_combo.addItem("", "plan")
        self.by_combo.addItem("", "unit")
        self.by_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.by_combo)
        controls.addWidget(self.monitoring_check)
        controls.addStretch(1)
        self.caption.setFont(chart_font(LABEL_POINT_SIZE))
        self.caption.setStyleSheet("color: #555555;")
        # Always one line high, filled or not, so the plot never changes height when the caption text changes.
        self.caption.setMinimumHeight(int(QFontMetricsF(self.caption.font()).height()) + 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addLayout(controls)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.caption)

        plot = self.plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.getViewBox().invertY(True)  # first group at the top
        plot.showGrid(x=True, y=False, alpha=0.25)
        style_axes(plot, LABEL_POINT_SIZE)
        plot.getAxis("left").setStyle(tickLength=0)
        plot.getAxis("bottom").label.setFont(chart_font(LABEL_POINT_SIZE))
        # The legend takes the title's row above the plot, so it never covers a bar.
        plot.titleLabel.setVisible(False)
        plot.layout.removeItem(plot.titleLabel)
        plot.layout.addItem(
            self.legend, 0, 0, 1, 3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )

    def _connect_signals(self) -> None:
        self.by_combo.currentIndexChanged.connect(self.on_options_changed)
        self.monitoring_check.toggled.connect(self.on_options_changed)
        scene = self.plot_widget.scene()
        scene.sigMouseClicked.connect(self.on_scene_clicked)
        scene.sigMouseMoved.connect(self.on_scene_moved)
        self.plot.getViewBox().sigResized.connect(self.on_view_resized)

    def retranslate(self) -> None:
        self.by_combo.setItemText(0, QCoreApplication.translate("Charts", "By plan"))
        self.by_combo.setItemText(1, QCoreApplication.translate("Charts", "By responsible unit"))
        self.monitoring_check.setText(QCoreApplication.translate("Charts", "Include monitoring indicators"))
        self._draw()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- feeding ---------------------------------------------------------------------------------------

    def set_rows(self, rows: list[StatusRow]) -> None:
        self._rows = list(rows)
        self._rebuild()

    def set_grouping(self, by: GroupBy) -> None:
        self.by_combo.setCurrentIndex(self.by_combo.findData(by))

    def grouping(self) -> GroupBy:
        return "unit" if self.by_combo.currentData() == "unit" else "plan"

    def set_include_monitoring(self, include: bool) -> None:
        self.monitoring_check.setChecked(include)

    def data(self) -> OverviewData:
        """The numbers drawn now (after the row limit)."""
        return self._data

    def on_options_changed(self, *_args: object) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        self._full = status_overview(self._rows, self.grouping(), self.monitoring_check.isChecked())
        self._draw()

    # --- drawing ---------------------------------------------------------------------------------------

    def _rows_that_fit(self) -> int:
        """As many bars as the plot's height holds without tick labels touching (at most ``max_groups``)."""
        height = self.plot.getViewBox().height()
        pitch = QFontMetricsF(chart_font(LABEL_POINT_SIZE)).height() * 1.15
        if height < 2 * pitch:  # not laid out yet: decide when it is
            return self.max_groups
        return max(MIN_GROUPS, min(self.max_groups, int(height // pitch)))

    def _draw(self) -> None:
        self._data = limit_groups(self._full, self._rows_that_fit())
        plot = self.plot
        plot.clear()
        self.bars, self.count_items, self.total_items, self.message_item = {}, [], [], None
        self.legend.clear()
        self.caption.setText(self._caption_text())
        self.plot.setToolTip("")
        data = self._data
        if data.is_empty:
            self.legend.setVisible(False)
            self.plot.getAxis("bottom").setLabel("")
            self.message_item = no_data_message(plot, self._empty_text())
            return
        plot.showAxis("left")
        plot.showAxis("bottom")
        self.legend.setVisible(True)
        n = len(data.groups)
        y = np.arange(n, dtype=float)
        for status in data.statuses:
            counts = np.array([g.counts[status] for g in data.groups], dtype=float)
            starts = np.array([g.starts[status] for g in data.groups], dtype=float)
            no_pen = QPen(Qt.PenStyle.NoPen)
            pens = [status_pen(status) if c else no_pen for c in counts]
            bar = pg.BarGraphItem(
                x0=starts,
                width=counts,
                y=y,
                height=BAR_HEIGHT,
                brush=status_brush(status),
                pen=status_pen(status),
                pens=pens,
                name=status_text(status),
            )
            plot.addItem(bar)
            self.bars[status] = bar
            self.legend.addItem(bar, status_text(status))
        self._style_legend()
        self._add_numbers()
        self._set_axes()
        self._fit_to_view()

    def _style_legend(self) -> None:
        for sample, label in self.legend.items:
            sample.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # no hiding a status by accident
            label.item.setFont(chart_font(LABEL_POINT_SIZE))
            label.setText(label.text, color="#222222")

    def _fit_legend(self) -> None:
        """One line of legend when it fits the chart's width, else as few lines as needed; kept compact."""
        items = self.legend.items
        if not items:
            return
        available = max(self.plot.width() - 20, 100)
        widths = [sample.width() + label.width() + 2 * LEGEND_SPACING for sample, label in items]
        columns = len(items)
        while columns > 1 and _widest_line(widths, columns) > available:
            columns -= 1
        self.legend.setColumnCount(columns)
        self.legend.updateSize()
        self.legend.setMaximumSize(self.legend.width(), self.legend.height())
        self.legend.setMinimumSize(self.legend.width(), self.legend.height())

    def _add_numbers(self) -> None:
        font = chart_font(COUNT_POINT_SIZE)
        for row, group in enumerate(self._data.groups):
            for status in self._data.statuses:
                count = group.counts[status]
                if not count:
                    continue
                item = pg.TextItem(
                    str(count), color="#111111", fill=pg.mkBrush(255, 255, 255, 225), anchor=(0.5, 0.5)
                )
                item.textItem.document().setDocumentMargin(1)  # a tight white box: the bar shows around it
                item.setFont(font)
                item.setPos(group.starts[status] + count / 2, row)
                item.setData(0, (row, status))
                self.plot.addItem(item)
                self.count_items.append(item)
            total = pg.TextItem(f"{group.total}", color="#222222", anchor=(-0.15, 0.5))
            total.setFont(chart_font(COUNT_POINT_SIZE, bold=True))
            total.setPos(group.total, row)
            self.plot.addItem(total)
            self.total_items.append(total)

    def _set_axes(self) -> None:
        data = self._data
        left = self.plot.getAxis("left")
        names = [
            self._no_unit_text() if self._is_no_unit(i) else g.short_name for i, g in enumerate(data.groups)
        ]
        left.setTicks([list(enumerate(names))])
        # Width from the names themselves: pyqtgraph widens the axis only while painting, so an export taken
        # right after a switch (short unit names → long plan titles) would drop the names that did not fit.
        metrics = QFontMetricsF(chart_font(LABEL_POINT_SIZE))
        widest = max(metrics.boundingRect(name).width() for name in names)
        left.setWidth(int(widest) + 14)
        top = max(data.max_total, 1)
        step = _nice_step(top)
        bottom = self.plot.getAxis("bottom")
        bottom.setTicks([[(float(v), str(v)) for v in range(0, top + step, step)]])
        bottom.setLabel(QCoreApplication.translate("Charts", "Number of targets"))
        bottom.label.setFont(chart_font(LABEL_POINT_SIZE))
        # A sliver below 0 so the axis shows its "0"; room after the longest bar for its total.
        self.plot.getViewBox().setXRange(-top * 0.012, top * 1.12 + 0.3, padding=0)

    def _fit_to_view(self) -> None:
        """What depends on the plot's size in pixels: the legend's lines, bar thickness, which counts fit."""
        self._fit_legend()
        vb = self.plot.getViewBox()
        n = len(self._data.groups)
        rows = max(n, vb.height() / MAX_ROW_PX) if vb.height() > 1 else n
        vb.setYRange(-0.6, rows - 0.4, padding=0)
        self._update_count_visibility()

    def _update_count_visibility(self) -> None:
        """Write a count inside its segment only where the segment is wide and tall enough to hold it."""
        vb = self.plot.getViewBox()
        if not self.count_items or vb.width() <= 1:  # not laid out yet: decide when it is
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        px_per_x = vb.width() / max(x1 - x0, 1e-9)
        bar_px = BAR_HEIGHT * vb.height() / max(y1 - y0, 1e-9)
        metrics = QFontMetricsF(chart_font(COUNT_POINT_SIZE))
        for item in self.count_items:
            row, status = item.data(0)
            width = self._data.groups[row].counts[status] * px_per_x
            text_width = metrics.horizontalAdvance(item.toPlainText()) + 8
            item.setVisible(width >= text_width and bar_px >= metrics.height() + 4)

    def _caption_text(self) -> str:
        """What the bars leave out. Plurals use self.tr: pyside6-lupdate marks only tr(text, "", n) as numerus,
        and it skips calls whose arguments are attribute look-ups, hence the plain local names."""
        parts = []
        monitoring = self._full.left_out.get(Status.MONITORING, 0)
        if monitoring:
            parts.append(self.tr("%n monitoring indicator(s) not counted", "", monitoring))
        hidden, hidden_targets = self._data.hidden_groups, self._data.hidden_targets
        if hidden:
            if self._data.by == "unit":
                text = self.tr("%n more responsible unit(s) not shown", "", hidden)
            else:
                text = self.tr("%n more plan(s) not shown", "", hidden)
            targets = self.tr("(%n target(s))", "", hidden_targets)
            parts.append(f"{text} {targets}")
        return "  ·  ".join(parts)

    def _empty_text(self) -> str:
        if self._full.left_out_total:
            return QCoreApplication.translate(
                "Charts", "Only monitoring indicators: tick “Include monitoring indicators” to count them"
            )
        return QCoreApplication.translate("Charts", "No targets to count")

    def _no_unit_text(self) -> str:
        return QCoreApplication.translate("Charts", "(no responsible unit)")

    def _is_no_unit(self, row: int) -> bool:
        return self._data.by == "unit" and self._data.groups[row].key == ""

    # --- interaction -----------------------------------------------------------------------------------

    def group_at(self, scene_pos: QPointF) -> int | None:
        """The row under a scene point: on its bar or its name on the left axis; None elsewhere."""
        data = self._data
        if data.is_empty:
            return None
        vb = self.plot.getViewBox()
        on_view = vb.sceneBoundingRect().contains(scene_pos)
        on_axis = self.plot.getAxis("left").sceneBoundingRect().contains(scene_pos)
        if not (on_view or on_axis):
            return None
        point = vb.mapSceneToView(scene_pos)
        y: float = point.y()
        row = round(y)
        if not 0 <= row < len(data.groups) or abs(y - row) > BAR_HEIGHT / 2 + 0.1:
            return None
        if on_view and not 0 <= point.x() <= data.groups[row].total:
            return None
        return row

    def tooltip_for(self, row: int) -> str:
        group = self._data.groups[row]
        name = self._no_unit_text() if self._is_no_unit(row) else group.name
        counts = " · ".join(f"{status_text(s)} {c}" for s, c in group.counts.items() if c)
        return QCoreApplication.translate(
            "Charts", "{name}\n{counts}\nTotal {total}; click to show these targets"
        ).format(name=name, counts=counts, total=group.total)

    def on_scene_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        row = self.group_at(event.scenePos())
        if row is not None:
            event.accept()
            self.groupClicked.emit(self._data.by, self._data.groups[row].key)

    def on_scene_moved(self, scene_pos: QPointF) -> None:
        row = self.group_at(scene_pos)
        self.plot.setToolTip("" if row is None else self.tooltip_for(row))
        cursor = Qt.CursorShape.PointingHandCursor if row is not None else Qt.CursorShape.ArrowCursor
        self.plot_widget.viewport().setCursor(cursor)

    def on_view_resized(self, *_args: object) -> None:
        fits = self._rows_that_fit()
        shown = len(self._data.groups)
        if (shown < len(self._full.groups) and fits != shown) or fits < shown:
            self._draw()
        elif not self._data.is_empty:
            self._fit_to_view()


def _widest_line(widths: list[float], columns: int) -> float:
    """Width of the legend's widest line when laid out in ``columns`` (each column as wide as its widest)."""
    cols = [max(widths[i::columns]) for i in range(columns)]
    return sum(cols)


def _nice_step(top: int, most_ticks: int = 8) -> int:
    """An integer tick step (1, 2, 5, 10, 20, 50 …) giving at most ``most_ticks`` intervals: no 0.5 targets."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if top / step <= most_ticks:
                return step
        magnitude *= 10
