"""The report's charts, drawn by the window's own chart widgets so that paper and screen agree: PNG bytes for
Word, palette images for the print preview, and one at a time as its pages are painted for the PDF.

QT-NOTES: painting a pyqtgraph scene straight onto a high-resolution QPrinter gives giant tick labels, so reports
embed exported images instead. Each chart is laid out on a fresh, unembedded widget at ``width / SCALE`` logical
pixels (through ``lay_out``, which shows it offscreen once) and then drawn at ``SCALE``× into an image
``width`` pixels wide: on the A4 body (about 16.7 cm) the chart's 9 pt labels print at about 8 pt, and the lines
stay sharp at about 210 dpi. Drawn at 1× and 1400 px wide, the same labels would print at 4 pt.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QWidget

from app.services.chart_bullet import DEFAULT_LIMIT, bullet_rows
from app.services.chart_overview import status_overview
from app.services.report_content import ReportContent
from app.services.statuses import StatusRow
from app.ui.charts.common import lay_out

SCALE = 2.0  # image pixels per logical pixel of the chart widget
TRAJECTORY_ASPECT = 0.38  # height / width: low enough that two targets share a page
OVERVIEW_CHROME = 110  # logical pixels of legend, axis and caption around the overview's bars
OVERVIEW_ROW_FEW = 40  # as for the bullet chart: a few plans stay generous …
OVERVIEW_ROW_MANY = 26  # … many stay close, so that 30 plans (the most it shows) still fit one page
BULLET_CHROME = 100  # legend, axis and caption around the bullet chart's rows
BULLET_ROW_FEW = 40  # a few rows stay generous …
BULLET_ROW_MANY = 26  # … many rows stay close, so 30 rows still fit one page

PNG_QUALITY = 80  # light zlib compression: half the time of the default for 10 % more bytes
# Charts are saved with a 256-colour palette taken from the chart itself: a third of the bytes, a seventh of the
# encoding time, and the exact status colours (Qt's own palette would turn #c62828 into #cc3333).
PALETTE_SAMPLE = 3  # the palette is counted on every third pixel in each direction
PALETTE_COLOURS = 64  # the most common colours kept exactly …
PALETTE_BLENDS = 3  # … each with this many steps toward white, for the anti-aliased edges on white paper

ChartKey = str | int
Picture = bytes | QImage  # PNG bytes (Word), or the image itself (paper: nothing to decode)


class ReportCancelled(Exception):  # noqa: N818 — a request, not an error: the user pressed Cancel
    """The user cancelled while the report was being drawn; nothing was written."""


def chart_images(
    content: ReportContent,
    *,
    width: int = 1400,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[ChartKey, bytes]:
    """PNG bytes by key: "overview", "bullet", and each charted target's id for its trajectory (for Word).

    Charts with nothing to draw are left out (the report then shows no picture rather than an empty frame).
    ``should_stop`` is asked before each chart; ``on_progress(done, total)`` is told after each one.
    Needs a QApplication (offscreen is fine) created by the caller.
    """
    pictures = chart_pictures(content, width=width, should_stop=should_stop, on_progress=on_progress)
    return {key: _png(image) for key, image in pictures.items()}


def chart_pictures(
    content: ReportContent,
    *,
    width: int = 1400,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> dict[ChartKey, QImage]:
    """The same charts as ``chart_images``, as palette images ready to paint (the print preview and printing
    hold them all while the preview is open: a palette image is a quarter of the memory)."""
    drawer = ChartDrawer(content, width)
    images: dict[ChartKey, QImage] = {}
    total = len(drawer.sizes)
    try:
        for done, key in enumerate(drawer.sizes, start=1):
            if should_stop is not None and should_stop():
                raise ReportCancelled
            images[key] = _indexed(drawer.draw(key))
            if on_progress is not None:
                on_progress(done, total)
    finally:
        drawer.close()
    return images


class ChartDrawer:
    """The report's charts, drawn one at a time on request. Their sizes are known before any is drawn, so a PDF
    is laid out first and each chart drawn when its page is painted, then let go: a 200-target report holds a
    page's charts at a time instead of 600 MB of pictures, and nothing is converted or encoded (Qt's PDF
    writer stores every picture as RGB whatever its format)."""

    def __init__(self, content: ReportContent, width: int = 1400) -> None:
        self.width = width
        self._trajectory = _TrajectoryJobs(width)
        self._jobs: dict[ChartKey, tuple[int, Callable[[], QWidget]]] = {}
        if content.empty:
            return
        rows = list(content.rows)
        by_id = {r.target.id: r for r in rows}
        for key, job in (("overview", _overview_job(rows)), ("bullet", _bullet_job(rows))):
            if job is not None:
                self._jobs[key] = job
        for b in content.blocks:
            if b.has_chart and b.target_id in by_id:
                self._jobs[b.target_id] = (self._trajectory.height, self._trajectory.job(by_id[b.target_id]))

    @property
    def sizes(self) -> dict[ChartKey, tuple[int, int]]:
        """Pixel sizes by key, in the report's order: the charts there are."""
        return {key: (self.width, height) for key, (height, _) in self._jobs.items()}

    def draw(self, key: ChartKey) -> QImage:
        height, make = self._jobs[key]
        widget = make()
        image = _draw(widget, self.width, height)
        if widget is not self._trajectory.chart:
            widget.deleteLater()
        return image

    def close(self) -> None:
        self._trajectory.close()


def _overview_job(rows: list[StatusRow]) -> tuple[int, Callable[[], QWidget]] | None:
    groups = len(status_overview(rows, "plan", include_monitoring=False).groups)
    if not groups:
        return None
    from app.ui.charts.status_overview_chart import MAX_GROUPS, StatusOverviewChart

    def make() -> QWidget:
        chart = StatusOverviewChart()
        chart.set_include_monitoring(False)
        chart.by_combo.hide()  # the window's controls mean nothing on paper
        chart.monitoring_check.hide()
        chart.set_rows(rows)
        return chart

    shown = min(groups, MAX_GROUPS)
    pitch = OVERVIEW_ROW_FEW if shown <= 10 else OVERVIEW_ROW_MANY
    return round((OVERVIEW_CHROME + shown * pitch) * SCALE), make


def _bullet_job(rows: list[StatusRow]) -> tuple[int, Callable[[], QWidget]] | None:
    count = len(bullet_rows(rows, DEFAULT_LIMIT).rows)
    if not count:
        return None

    def make() -> QWidget:
        from app.ui.charts.bullet_chart import BulletChart

        chart = BulletChart(limit=DEFAULT_LIMIT)
        chart.set_rows(rows)
        return chart

    pitch = BULLET_ROW_FEW if count <= 10 else BULLET_ROW_MANY
    return round((BULLET_CHROME + count * pitch) * SCALE), make


class _TrajectoryJobs:
    """One report-only TrajectoryChart redrawn for each target: building a plot widget costs more than drawing."""

    def __init__(self, width: int) -> None:
        self.height = round(width * TRAJECTORY_ASPECT)
        self.chart: QWidget | None = None

    def job(self, row: StatusRow) -> Callable[[], QWidget]:
        def make() -> QWidget:
            from app.ui.charts.trajectory_chart import TrajectoryChart

            if self.chart is None:
                self.chart = TrajectoryChart()
            assert isinstance(self.chart, TrajectoryChart)
            self.chart.set_row(row)
            return self.chart

        return make

    def close(self) -> None:
        if self.chart is not None:
            self.chart.deleteLater()
            self.chart = None


def _draw(widget: QWidget, width: int, height: int) -> QImage:
    """Lay the widget out at 1/SCALE of the size (shown offscreen: no picture is taken), then draw it at SCALE×."""
    logical_w, logical_h = round(width / SCALE), round(height / SCALE)
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))  # paper, not the window's grey
    widget.setPalette(palette)
    widget.setAutoFillBackground(True)
    lay_out(widget, logical_w, logical_h)
    image = QImage(width, height, QImage.Format.Format_RGB32)  # no alpha: smaller and faster PNGs
    image.setDevicePixelRatio(SCALE)
    image.fill(Qt.GlobalColor.white)
    widget.render(image)
    return image


def _palette(image: QImage) -> list[int]:
    """A colour table for ``image``: greys, its most common colours, and their blends with white."""
    sample = image.scaled(
        max(1, image.width() // PALETTE_SAMPLE),
        max(1, image.height() // PALETTE_SAMPLE),
        Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.FastTransformation,  # real pixels, no new blended colours
    ).convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(sample.constBits(), dtype=np.uint32, count=sample.sizeInBytes() // 4)
    colours, counts = np.unique(pixels, return_counts=True)
    common = [int(rgb) & 0xFFFFFF for rgb in colours[np.argsort(-counts, kind="stable")[:PALETTE_COLOURS]]]
    blends = []
    for rgb in common:
        channels = (rgb >> 16 & 255, rgb >> 8 & 255, rgb & 255)
        for step in range(1, PALETTE_BLENDS + 1):
            share = step / (PALETTE_BLENDS + 1)
            r, g, b = (round(c + (255 - c) * share) for c in channels)
            blends.append(r << 16 | g << 8 | b)
    greys = [level * 0x010101 for level in range(0, 256, 17)]  # 16 levels, white included
    table = dict.fromkeys([*greys, *common, *blends])  # ordered and without repeats
    return [0xFF000000 | rgb for rgb in list(table)[:256]]


def _indexed(image: QImage) -> QImage:
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    return image.convertToFormat(QImage.Format.Format_Indexed8, _palette(image), flags)


def _png(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG", PNG_QUALITY)
    buffer.close()
    return bytes(data.data())
