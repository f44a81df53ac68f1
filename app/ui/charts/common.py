"""What every chart shares: Chinese-capable fonts, status colours and black-and-white patterns, a "no data"
message, and export to a PNG of a chosen size (the same drawing serves the window, reports and "Export")."""

from __future__ import annotations

from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPen
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.status import Status
from app.ui.fonts import CJK_FAMILIES
from app.ui.status_style import STATUS_COLORS

pg.setConfigOptions(antialias=True, background="w", foreground="#222222")

# Fill patterns so that statuses stay apart on a black-and-white printer (colour alone is not enough).
STATUS_PATTERNS: dict[Status, Qt.BrushStyle] = {
    Status.ACHIEVED: Qt.BrushStyle.SolidPattern,
    Status.ON_TRACK: Qt.BrushStyle.SolidPattern,
    Status.AT_RISK: Qt.BrushStyle.Dense4Pattern,
    Status.OFF_TRACK: Qt.BrushStyle.BDiagPattern,
    Status.OVERDUE: Qt.BrushStyle.DiagCrossPattern,
    Status.NO_DATA: Qt.BrushStyle.NoBrush,
    Status.MONITORING: Qt.BrushStyle.Dense6Pattern,
}
# Stronger tones than the table's backgrounds: bars and lines need contrast on white paper.
STATUS_CHART_COLORS: dict[Status, str] = {
    Status.ACHIEVED: "#2e7d32",
    Status.ON_TRACK: "#66bb6a",
    Status.AT_RISK: "#f9a825",
    Status.OFF_TRACK: "#d84315",
    Status.OVERDUE: "#8e1b12",
    Status.NO_DATA: "#9e9e9e",
    Status.MONITORING: "#1f5fa8",
}
assert set(STATUS_CHART_COLORS) == set(STATUS_COLORS)


def chart_font(point_size: float = 9.0, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(CJK_FAMILIES)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def status_brush(status: Status) -> QBrush:
    brush = QBrush(QColor(STATUS_CHART_COLORS[status]))
    brush.setStyle(STATUS_PATTERNS[status])
    return brush


def status_pen(status: Status, width: float = 1.2) -> QPen:
    pen = QPen(QColor(STATUS_CHART_COLORS[status]))
    pen.setWidthF(width)
    pen.setCosmetic(True)
    return pen


def style_axes(plot: pg.PlotItem, point_size: float = 9.0) -> None:
    """Readable Chinese tick labels in the chosen font on every axis."""
    for name in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=chart_font(point_size))
        axis.setTextPen(pg.mkPen("#222222"))
        axis.setPen(pg.mkPen("#666666"))


def no_data_message(plot: pg.PlotItem, text: str | None = None) -> pg.TextItem:
    """A centred message where there is nothing to draw (无数据), instead of an empty frame."""
    message = message_item()
    plot.addItem(message)
    show_message(plot, message, text)
    return message


def message_item() -> pg.TextItem:
    message = pg.TextItem("", color="#666666", anchor=(0.5, 0.5))
    message.setFont(chart_font(11))
    return message


def show_message(plot: pg.PlotItem, message: pg.TextItem, text: str | None = None) -> None:
    """Centre ``message`` (already in ``plot``) saying ``text``, with the axes hidden."""
    message.setText(text or QCoreApplication.translate("Charts", "No data to draw"))
    message.setVisible(True)
    plot.setXRange(0, 1, padding=0)
    plot.setYRange(0, 1, padding=0)
    message.setPos(0.5, 0.5)
    plot.hideAxis("left")
    plot.hideAxis("bottom")


def lay_out(widget: QWidget, width: int, height: int) -> bool:
    """Show the widget offscreen at ``width`` × ``height`` and let it lay itself out; True if it was hidden.

    QT-NOTES: the widget must be shown and laid out once before it is drawn, or its axes lay out wrongly.
    """
    widget.resize(width, height)
    was_hidden = not widget.isVisible()
    if was_hidden:
        widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        widget.show()
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return was_hidden


def render_image(widget: QWidget, width: int, height: int) -> QImage:
    """Draw a chart widget into an image of exactly ``width`` × ``height`` pixels."""
    was_hidden = lay_out(widget, width, height)
    image = widget.grab().toImage()  # QWidget.grab works for plain widgets and graphics views alike
    if was_hidden:
        widget.hide()
    return image


def export_png(widget: QWidget, path: Path | str, width: int = 1600, height: int = 900) -> Path:
    """Save the chart as a PNG of the chosen size; a partial file never stays under the requested name."""
    path = Path(path)
    image = render_image(widget, width, height)
    partial = path.with_name(path.name + ".partial.png")
    if not image.save(str(partial), "PNG"):
        partial.unlink(missing_ok=True)
        raise OSError(QCoreApplication.translate("Charts", "Could not write {path}").format(path=path))
    partial.replace(path)
    return path
