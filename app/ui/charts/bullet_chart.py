"""The dashboard's bullet chart: one row per target, worst lag first — a bar for completion, a marker for
时序进度 and a line at the 100 % target, coloured and patterned by status so black-and-white print still reads.

The numbers come from app.services.chart_bullet (shared with reports); this module only draws them. Names and
number labels are drawn by one axis and one painter item (not a TextItem per row): "all rows" of a big data file
stays fast, and labels thin out instead of overlapping when rows get too close.
"""

from __future__ import annotations

import math

import pyqtgraph as pg
from pyqtgraph.GraphicsScene.mouseEvents import MouseClickEvent
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QHelpEvent, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from app.domain.formatting import format_percent, format_points
from app.domain.status import Status
from app.services.chart_bullet import DEFAULT_LIMIT, BulletChartData, BulletRow, bullet_rows
from app.services.statuses import StatusRow
from app.ui.charts.common import chart_font, no_data_message, status_brush, status_pen, style_axes
from app.ui.labels import status_text

BAR_HEIGHT = 0.6  # in rows: the gap between bars keeps rows apart
Y_MARGIN = 0.3  # rows of air above the first and below the last bar
MAX_ROW_PX = 44.0  # a few rows stay compact at the top instead of swelling to fill the chart
CLIP_HIGH_MARK = "»"  # drawn after a bar cut at the drawing limit: the real number is larger
CLIP_LOW_MARK = "«"
MARKER_COLOR = "#111111"
TARGET_LINE_COLOR = "#444444"
TEXT_COLOR = "#222222"
LABEL_GAP = 6.0  # pixels between a bar (or marker) and its numbers
LEGEND_STATUSES = (Status.OVERDUE, Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK, Status.ACHIEVED)


def _rows_in_view(view: pg.ViewBox, count: int, line_height: float) -> range:
    """Row indexes to label in the visible part of the view, every k-th one when rows are closer than a line."""
    (_, _), (y0, y1) = view.viewRange()
    px_per_row = view.height() / max(y1 - y0, 1e-9)
    margin = line_height / 2 / max(px_per_row, 1e-9)  # a label must fit whole: none cut at the top or bottom
    first, last = max(0, math.ceil(y0 + margin)), min(count - 1, math.floor(y1 - margin))
    if last < first:
        return range(0)
    step = max(1, math.ceil(line_height * 1.05 / max(px_per_row, 1e-9)))
    return range(math.ceil(first / step) * step, last + 1, step)


class _PercentAxis(pg.AxisItem):
    """x axis in completion units (1.0 = 100 %) labelled "0%", "50%", "100%"."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        places = 0 if spacing * 100 >= 1 else 1
        return [f"{0.0 if abs(v) < 1e-12 else v * 100:.{places}f}%" for v in values]


class _NameAxis(pg.AxisItem):
    """y axis whose ticks are the targets' short names, one per row, thinned when rows are too close."""

    def __init__(self) -> None:
        super().__init__("left")
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        self.names = names
        self.picture = None  # the axis caches its drawing; the names changed even if the range did not
        self.update()

    def tickValues(self, min_val: float, max_val: float, size: float) -> list[tuple[float, list[float]]]:
        view = self.linkedView()
        if not self.names or view is None:
            return []
        line = QFontMetricsF(self.style.get("tickFont") or chart_font()).height()
        rows = _rows_in_view(view, len(self.names), line)
        return [(float(rows.step), [float(i) for i in rows])] if rows else []

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        n = len(self.names)
        return [self.names[round(v)] if 0 <= round(v) < n else "" for v in values]


class _RowLabels(pg.GraphicsObject):
    """Every row's numbers ("37.8% · 时序 49.9%") and clip marks in one item, painted in pixels for visible rows."""

    def __init__(self, view: pg.ViewBox) -> None:
        super().__init__()
        self._view = view
        self.font = chart_font(8.5)
        self.mark_font = chart_font(10, bold=True)
        self._metrics = QFontMetricsF(self.font)
        self._mark_metrics = QFontMetricsF(self.mark_font)
        self.texts: list[str] = []
        self.anchors: list[float] = []  # x (data) after which the text starts: the bar's end or the marker
        self.marks: list[str] = []  # CLIP_HIGH_MARK, CLIP_LOW_MARK or ""
        self.mark_x: list[float] = []  # where the mark sits: the cut end of the bar
        self.widths: list[float] = []  # pixels each label takes to the right of its anchor
        self.setParentItem(view)  # view pixels, clipped to the plot area
        self.setZValue(100)

    @property
    def mark_width(self) -> float:
        return self._mark_metrics.horizontalAdvance(CLIP_HIGH_MARK) + 4

    def set_rows(self, rows: tuple[BulletRow, ...]) -> None:
        self.texts = [r.label for r in rows]
        self.anchors = [max(r.drawn_completion, 0.0, r.time_progress or 0.0) for r in rows]
        self.marks = [
            CLIP_HIGH_MARK if r.clipped_high else CLIP_LOW_MARK if r.clipped_low else "" for r in rows
        ]
        self.mark_x = [r.drawn_completion for r in rows]
        advance = self._metrics.horizontalAdvance
        self.widths = [
            advance(t) + (self.mark_width if m == CLIP_HIGH_MARK else 0) + 4
            for t, m in zip(self.texts, self.marks, strict=True)
        ]
        self.update()

    def boundingRect(self) -> QRectF:
        return QRectF(self._view.rect())

    def paint(self, painter: QPainter, *args: object) -> None:
        if not self.texts:
            return
        to_pixels = self._view.childTransform()
        height = self._metrics.height()
        painter.setFont(self.font)
        painter.setPen(QColor(TEXT_COLOR))
        backdrop = QColor(
            255, 255, 255, 215
        )  # keeps the target line and grid from running through the digits
        align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for i in _rows_in_view(self._view, len(self.texts), height):
            end = to_pixels.map(QPointF(self.anchors[i], i))
            x, top = end.x() + LABEL_GAP, end.y() - height / 2
            mark = self.marks[i]
            if mark:
                painter.setFont(self.mark_font)
                if mark == CLIP_LOW_MARK:
                    cut = to_pixels.map(QPointF(self.mark_x[i], i)).x()
                    painter.drawText(QRectF(cut - self.mark_width, top, self.mark_width, height), align, mark)
                else:
                    painter.drawText(QRectF(x - 2, top, self.mark_width, height), align, mark)
                    x += self.mark_width
                painter.setFont(self.font)
            rect = QRectF(x, top, self._metrics.horizontalAdvance(self.texts[i]) + 4, height)
            painter.fillRect(rect, backdrop)
            painter.drawText(rect.adjusted(2, 0, 0, 0), align, self.texts[i])


def _swatch(status: Status | None) -> QPixmap:
    """A legend sample: the bar's colour and pattern, or (None) the time-progress marker."""
    pixmap = QPixmap(26, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    if status is None:
        painter.fillRect(QRectF(11, 0, 4, 14), QColor(MARKER_COLOR))
    else:
        painter.setPen(status_pen(status))
        painter.setBrush(status_brush(status))
        painter.drawRect(QRectF(1, 2, 23, 10))
    painter.end()
    return pixmap


class BulletChart(QWidget):
    """Completion against 时序进度 for each target; a click on a row asks the window to select that target."""

    targetClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, limit: int | None = DEFAULT_LIMIT) -> None:
        super().__init__(parent)
        self._limit = limit
        self._rows: list[StatusRow] = []
        self._data = BulletChartData(rows=(), total=0, monitoring=0, no_data=0, limit=limit)
        self.name_axis = _NameAxis()
        self.percent_axis = _PercentAxis("bottom")
        self.plot_widget = pg.PlotWidget(axisItems={"left": self.name_axis, "bottom": self.percent_axis})
        self.plot: pg.PlotItem = self.plot_widget.getPlotItem()
        self.view: pg.ViewBox = self.plot.getViewBox()
        self.bars: pg.BarGraphItem | None = None  # one item for all bars: x0=0, width=drawn completion, y=row
        self.markers: pg.ScatterPlotItem | None = None  # 时序进度 at (τ, row)
        self.target_line: pg.InfiniteLine | None = None  # 100 %
        self.message: pg.TextItem | None = None  # shown instead of bars when nothing has a completion
        self.labels = _RowLabels(self.view)
        self.legend = QWidget(self)
        self.legend_items: dict[Status, QWidget] = {}
        self._legend_texts: list[tuple[Status | None, QLabel]] = []
        self.caption = QLabel(self)
        self._build_layout()
        self._setup_plot()
        self._connect_signals()
        self._draw()

    # -- public API -------------------------------------------------------------------------------------------

    def set_rows(self, rows: list[StatusRow]) -> None:
        """Draw these targets (the dashboard's current statuses); rows without a completion go in the caption."""
        self._rows = list(rows)
        self._rebuild()

    def set_limit(self, limit: int | None) -> None:
        """Show the ``limit`` rows lagging most (None or 0 = all)."""
        self._limit = limit
        self._rebuild()

    def limit(self) -> int | None:
        return self._limit

    def data(self) -> BulletChartData:
        """The numbers drawn, as the Qt-free builder made them."""
        return self._data

    def row_at(self, scene_pos: QPointF) -> int | None:
        """The row under a scene point in the plot area or the name column, or None."""
        rows = self._data.rows
        if not rows or self.bars is None:
            return None
        in_plot = self.view.sceneBoundingRect().contains(scene_pos)
        if not (in_plot or self.name_axis.sceneBoundingRect().contains(scene_pos)):
            return None
        y = self.view.mapSceneToView(scene_pos).y()
        index = round(y)
        return index if 0 <= index < len(rows) and abs(y - index) <= 0.5 else None

    def bar_scene_pos(self, index: int) -> QPointF:
        """The middle of a row's bar in scene coordinates (for tests and keyboard helpers)."""
        row = self._data.rows[index]
        return self.view.mapViewToScene(QPointF(row.drawn_completion / 2, index))

    def tooltip_for(self, index: int) -> str:
        row = self._data.rows[index]
        lines = [row.name, QCoreApplication.translate("Charts", "Plan: {plan}").format(plan=row.plan_title)]
        lines.append(
            QCoreApplication.translate(
                "Charts", "{status} · completion {completion} · time elapsed {time} · lag {lag} points"
            ).format(
                status=status_text(row.status),
                completion=format_percent(row.completion),
                time=format_percent(row.time_progress),
                lag=format_points(row.lag_points),
            )
        )
        if row.clipped:
            lines.append(
                QCoreApplication.translate(
                    "Charts", "The bar is cut at {limit}; the label gives the real figure."
                ).format(limit=format_percent(row.drawn_completion, 0))
            )
        return "\n".join(lines)

    # -- wiring -------------------------------------------------------------------------------------------------

    def _build_layout(self) -> None:
        legend_layout = QHBoxLayout(self.legend)
        legend_layout.setContentsMargins(8, 2, 8, 0)
        legend_layout.setSpacing(14)
        font = chart_font(9)
        for key in (*LEGEND_STATUSES, None):
            item = QWidget(self.legend)
            row = QHBoxLayout(item)
            row.setContentsMargins(0, 0, 0, 0)
            row.setSpacing(4)
            sample = QLabel(item)
            sample.setPixmap(_swatch(key))
            text = QLabel(item)
            text.setFont(font)
            self._legend_texts.append((key, text))
            row.addWidget(sample)
            row.addWidget(text)
            legend_layout.addWidget(item)
            if key is not None:
                self.legend_items[key] = item
        legend_layout.addStretch(1)
        self._retranslate_legend()
        self.caption.setFont(font)
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet("color: #444444")
        self.caption.setContentsMargins(8, 0, 8, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.caption)

    def _setup_plot(self) -> None:
        style_axes(self.plot)
        self.name_axis.setStyle(tickLength=0)
        self.plot.setMenuEnabled(False)  # pyqtgraph's own menu offers an SVG export that raises (QT-NOTES)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.view.invertY(True)  # row 0 (the worst) at the top
        self.view.disableAutoRange()
        self.view.setMouseEnabled(x=False, y=True)  # wheel zooms rows when "all" gives more than fit
        self.plot_widget.setMouseTracking(True)

    def _connect_signals(self) -> None:
        self.view.sigResized.connect(self.on_view_resized)
        self.view.sigYRangeChanged.connect(self.on_y_range_changed)
        scene = self.plot_widget.scene()
        scene.sigMouseClicked.connect(self.on_scene_clicked)
        scene.sigMouseMoved.connect(self.on_scene_mouse_moved)
        self.plot_widget.viewport().installEventFilter(self)

    # -- slots --------------------------------------------------------------------------------------------------

    def on_scene_clicked(self, event: MouseClickEvent) -> None:
        """A left click on a bar or its name selects that target."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.row_at(event.scenePos())
        if index is not None and self._data.rows[index].target_id >= 0:
            self.targetClicked.emit(self._data.rows[index].target_id)

    def on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        hand = self.row_at(scene_pos) is not None
        cursor = Qt.CursorShape.PointingHandCursor if hand else Qt.CursorShape.ArrowCursor
        self.plot_widget.viewport().setCursor(cursor)

    def on_view_resized(self, _view: object = None) -> None:
        self.labels.prepareGeometryChange()
        self._fit_y_range()
        self._fit_x_range()
        self._fit_marker_size()

    def on_y_range_changed(self, *_args: object) -> None:
        self._fit_marker_size()
        self.labels.update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate_legend()
            self._rebuild()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Tooltips for rows: the full name, the plan and the numbers."""
        if watched is self.plot_widget.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            index = self.row_at(self.plot_widget.mapToScene(event.pos()))
            if index is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.tooltip_for(index), self.plot_widget)
            return True
        return super().eventFilter(watched, event)

    # -- drawing ------------------------------------------------------------------------------------------------

    def _retranslate_legend(self) -> None:
        for key, label in self._legend_texts:
            label.setText(
                status_text(key)
                if key is not None
                else QCoreApplication.translate("Charts", "Time elapsed (marker); dashed line: target 100%")
            )

    def _rebuild(self) -> None:
        template = QCoreApplication.translate("Charts", "{completion} · time elapsed {time_progress}")
        self._data = bullet_rows(self._rows, self._limit or None, label_template=template)
        self._draw()

    def _draw(self) -> None:
        data = self._data
        self.plot.clear()
        self.bars = self.markers = self.target_line = self.message = None
        self.name_axis.set_names([r.short_name for r in data.rows])
        self.labels.set_rows(data.rows)
        caption = self._caption_text()
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))
        present = {r.status for r in data.rows}
        for status, item in self.legend_items.items():
            item.setVisible(status in present)
        self.legend.setVisible(bool(data.rows))
        self.view.setLimits(yMin=None, yMax=None, minYRange=None, maxYRange=None)
        if data.is_empty:
            self.view.setMouseEnabled(x=False, y=False)
            self.message = no_data_message(
                self.plot, QCoreApplication.translate("Charts", "No target has a completion to draw yet")
            )
            return
        self.plot.showAxis("left")
        self.plot.showAxis("bottom")
        self.view.setMouseEnabled(x=False, y=True)
        rows = data.rows
        ys = list(range(len(rows)))
        self.bars = pg.BarGraphItem(
            x0=0.0,
            width=[r.drawn_completion for r in rows],
            y=ys,
            height=BAR_HEIGHT,
            brushes=[status_brush(r.status) for r in rows],
            pens=[status_pen(r.status) for r in rows],
        )
        timed = [(r.time_progress, i) for i, r in enumerate(rows) if r.time_progress is not None]
        self.markers = pg.ScatterPlotItem(
            x=[t for t, _ in timed],
            y=[i for _, i in timed],
            symbol="|",
            size=16,
            pen=pg.mkPen("#ffffff", width=0.8),
            brush=pg.mkBrush(MARKER_COLOR),
        )
        self.target_line = pg.InfiniteLine(
            pos=1.0,
            angle=90,
            movable=False,
            pen=pg.mkPen(TARGET_LINE_COLOR, width=1.4, style=Qt.PenStyle.DashLine),
        )
        self.target_line.setZValue(5)
        self.markers.setZValue(10)
        for item in (self.bars, self.target_line, self.markers):
            self.plot.addItem(item)
        metrics = QFontMetricsF(self.name_axis.style.get("tickFont") or chart_font())
        longest = max((metrics.horizontalAdvance(r.short_name) for r in rows), default=0.0)
        self.name_axis.setWidth(math.ceil(longest) + 16)
        self._fit_y_range()
        self._fit_x_range()
        self._fit_marker_size()

    def _fit_y_range(self) -> None:
        """All rows, worst at the top; rows no taller than MAX_ROW_PX (the rest of the chart stays empty)."""
        rows = self._data.rows
        if not rows or self.bars is None:
            return
        top = -0.5 - Y_MARGIN
        span = len(rows) + 2 * Y_MARGIN
        if self.view.height() > 50:
            span = max(span, self.view.height() / MAX_ROW_PX)
        self.view.setLimits(yMin=top, yMax=top + span, maxYRange=span, minYRange=min(len(rows), 3))
        self.view.setYRange(top, top + span, padding=0)

    def _fit_x_range(self) -> None:
        """Fit 0, 100 %, every bar and marker, and leave exactly the room each row's numbers need on the right."""
        rows = self._data.rows
        if not rows or self.bars is None:
            return
        lo = min(0.0, *(r.drawn_completion for r in rows))
        hi = max(1.0, *(r.drawn_completion for r in rows), *(r.time_progress or 0.0 for r in rows))
        width = self.view.width() if self.view.width() > 50 else 600.0
        left = 10.0 + (self.labels.mark_width + 4 if any(r.clipped_low for r in rows) else 0.0)
        right = 6.0
        usable = max(width - left - right, 40.0)
        scale = (hi - lo) / (usable - 24)  # data units per pixel; room for the "100%" tick label at the right
        for anchor, label_width in zip(self.labels.anchors, self.labels.widths, strict=True):
            room = max(
                usable - LABEL_GAP - label_width, 0.3 * usable
            )  # a tiny chart cuts labels, never explodes
            scale = max(scale, (anchor - lo) / room)
        self.view.setXRange(lo - left * scale, lo + (width - left) * scale, padding=0)

    def _fit_marker_size(self) -> None:
        if self.markers is None:
            return
        (_, _), (y0, y1) = self.view.viewRange()
        px_per_row = self.view.height() / max(y1 - y0, 1e-9)
        size = min(max(px_per_row * 0.85, 5.0), 40.0)
        self.markers.setSize(size)
        # A white edge sets the marker off a dark bar; on a thin marker it would drown the black.
        self.markers.setPen(pg.mkPen("#ffffff", width=0.8) if size >= 12 else None)

    def _caption_text(self) -> str:
        """How many rows are shown of how many, and what has no bar ("另有 14 个监测指标、3 个无数据未显示").

        Counts go into {placeholders} rather than %n plurals: lupdate misses QCoreApplication.translate calls
        with a computed plural argument, and "Charts" is the context every chart shares.
        """
        data = self._data
        parts = []
        if data.hidden_by_limit > 0:
            parts.append(
                QCoreApplication.translate(
                    "Charts",
                    "Showing {shown} of {total} targets with a completion, furthest behind schedule first.",
                ).format(shown=data.shown, total=data.total)
            )
        elif data.total:
            parts.append(
                QCoreApplication.translate(
                    "Charts", "Targets with a completion: {total}, furthest behind schedule first."
                ).format(total=data.total)
            )
        left_out = []
        if data.monitoring:
            text = QCoreApplication.translate("Charts", "monitoring indicators: {count}")
            left_out.append(text.format(count=data.monitoring))
        if data.no_data:
            left_out.append(
                QCoreApplication.translate("Charts", "no data: {count}").format(count=data.no_data)
            )
        if left_out:
            separator = QCoreApplication.translate("Charts", ", ")
            text = QCoreApplication.translate("Charts", "Not shown: {items}.")
            parts.append(text.format(items=separator.join(left_out)))
        return " ".join(parts)
