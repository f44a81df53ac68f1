"""The progress report (进度报告) on paper: one QTextDocument laid out on the printer's A4 page and painted page by
page with a running header and footer (第 N 页 共 M 页). PDF export, the print preview and printing all go
through ``paint_report``, so the preview shows exactly what the PDF holds.

The document comes from ``report_html`` and its page breaks from ``report_pagination``. Charts are drawn page by
page by a ``report_charts.ChartDrawer`` (or arrive drawn, as images or PNG bytes) and are embedded as images:
painting pyqtgraph on a high-resolution printer gives giant tick labels (QT-NOTES).
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QRawFont,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.services.atomic_write import atomic_write
from app.services.report_content import ReportContent
from app.ui.fonts import cjk_font
from app.ui.report_charts import ChartDrawer, ChartKey, Picture, ReportCancelled, chart_pictures
from app.ui.report_html import BODY_POINT_SIZE, MUTED, chart_url, cn_date, report_html
from app.ui.report_pagination import image_lines, line_top, paginate

__all__ = [
    "ReportCancelled",
    "open_print_preview",
    "paint_report",
    "print_report",
    "report_html",
    "write_pdf",
]

# Millimetres from the paper's edge: the wider left margin leaves room for binding; the running header and
# footer sit inside the top and bottom margins.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 25.0, 18.0, 20.0, 18.0
HEADER_FROM_TOP, FOOTER_FROM_BOTTOM, RULE_GAP = 10.0, 9.0, 1.2
RUNNING_POINT_SIZE = 8.0
RULE_COLOR = "#888888"

# --- the document ----------------------------------------------------------------------------------------------


def body_rect(printer: QPrinter) -> QRectF:
    """The text area of a page in the printer's device pixels, inside our margins."""
    printer.setFullPage(True)  # margins are ours, measured from the paper's edge
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    mm = printer.logicalDpiY() / 25.4
    # Whole pixels: Qt keeps page heights in 1/64 pixel, so a fractional height drifts from ours by a pixel
    # every 180 pages or so, and a line moved to a page's top would be drawn at the foot of the page before.
    return QRectF(
        MARGIN_LEFT * mm,
        MARGIN_TOP * mm,
        math.floor(paper.width() - (MARGIN_LEFT + MARGIN_RIGHT) * mm),
        math.floor(paper.height() - (MARGIN_TOP + MARGIN_BOTTOM) * mm),
    )


Charts = Mapping[ChartKey, Picture] | ChartDrawer  # drawn beforehand, or drawn as their pages are painted


def layout_report(content: ReportContent, images: Charts, printer: QPrinter) -> QTextDocument:
    """The report laid out in the printer's device pixels, one page per body of ``printer``'s paper. Charts
    drawn beforehand are the document's resources; a ChartDrawer's are added by ``paint_report`` page by page
    (the layout needs only their sizes)."""
    body = body_rect(printer).size()
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(cjk_font(BODY_POINT_SIZE))
    document.setDocumentMargin(0)
    if not isinstance(images, ChartDrawer):
        for key, data in images.items():
            image = data if isinstance(data, QImage) else QImage.fromData(data)
            if not image.isNull():
                _set_chart(document, key, image)
    document.setHtml(report_html(content, images))
    paginate(document, body)
    return document


# --- painting --------------------------------------------------------------------------------------------------


class _Page(NamedTuple):
    paper: QRectF
    body: QRectF
    mm: float  # device pixels per millimetre


def paint_report(
    content: ReportContent,
    images: Charts,
    printer: QPrinter,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Lay the report out on ``printer``'s paper and paint every page; returns the number of pages painted.

    Serves write_pdf and QPrintPreviewDialog.paintRequested alike. ``should_stop`` is asked before each page.
    With a ChartDrawer each page's charts are drawn just before it is painted and let go after it.
    """
    body = body_rect(printer)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    mm = printer.logicalDpiY() / 25.4
    document = layout_report(content, images, printer)
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印或写入 PDF")
    # Charts go into the PDF as they are (zlib), not re-encoded as JPEG: half the size, sharper lines, faster.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering, True)
    chosen = _chosen_pages(printer, pages)
    drawer = images if isinstance(images, ChartDrawer) else None
    spans = _chart_pages(document, body.height(), drawer.sizes) if drawer is not None else {}
    held: set[ChartKey] = set()
    try:
        for count, index in enumerate(chosen):
            if should_stop is not None and should_stop():
                raise ReportCancelled
            if count and not printer.newPage():
                raise OSError("无法开始新的一页")
            for key, (first, last) in spans.items():
                if first <= index <= last and key not in held:
                    assert drawer is not None
                    _set_chart(document, key, drawer.draw(key))
                    held.add(key)
            _paint_body(painter, document, body, index)
            for key in [k for k in held if spans[k][1] <= index]:
                _set_chart(document, key, QImage())  # let it go: the document holds no other reference
                held.discard(key)
            _paint_running(painter, content, _Page(QRectF(paper), body, mm), index, pages)
            if on_progress is not None:
                on_progress(count + 1, len(chosen))
    finally:
        painter.end()
    return len(chosen)


def _set_chart(document: QTextDocument, key: ChartKey, image: QImage) -> None:
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(chart_url(key)), image)


def _chart_pages(
    document: QTextDocument, page: float, keys: Iterable[ChartKey]
) -> dict[ChartKey, tuple[int, int]]:
    """The first and last page (0-based) each chart is on, from the laid-out line that holds it: a chart
    taller than what is left of a page (the overview of 25 plans or more) runs on over the next."""
    by_key = {chart_url(key): key for key in keys}
    found: dict[ChartKey, tuple[int, int]] = {}
    block = document.begin()
    while block.isValid():
        if "\ufffc" in block.text():
            for name, line in image_lines(block):
                if name in by_key:
                    top = line_top(block, line)
                    found[by_key[name]] = (int(top // page), int((top + max(line.height(), 1) - 1) // page))
        block = block.next()
    return found


def _chosen_pages(printer: QPrinter, pages: int) -> list[int]:
    """The pages the print dialog asked for (0-based); every page unless a range was chosen. The page
    numbers printed in the footer stay those of the whole report."""
    if printer.printRange() != QPrinter.PrintRange.PageRange:
        return list(range(pages))
    first = max(printer.fromPage(), 1)
    last = min(printer.toPage() or pages, pages)
    return list(range(first - 1, last))


def _paint_body(painter: QPainter, document: QTextDocument, body: QRectF, index: int) -> None:
    painter.save()
    painter.translate(body.left(), body.top() - index * body.height())
    view = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(view)
    context = QAbstractTextDocumentLayout.PaintContext()
    # Qt skips a line only when it starts below the clip: a line moved to the top of the next page starts
    # exactly at this page's foot and would be drawn here too, clipped away but present in the PDF.
    context.clip = view.adjusted(0, 0, 0, -1)
    document.documentLayout().draw(painter, context)
    painter.restore()


def _paint_running(painter: QPainter, content: ReportContent, page: _Page, index: int, pages: int) -> None:
    """Header (title · issuing unit, over a thin rule) and footer (as-of date; 第 N 页 共 M 页, under a rule)."""
    painter.setFont(cjk_font(RUNNING_POINT_SIZE))
    line = painter.fontMetrics().height()
    left, right, width = page.body.left(), page.body.right(), page.body.width()
    header = QRectF(left, HEADER_FROM_TOP * page.mm, width, line)
    footer = QRectF(left, page.paper.height() - FOOTER_FROM_BOTTOM * page.mm - line, width, line)
    rule = QPen(QColor(RULE_COLOR))
    rule.setWidthF(0.2 * page.mm)
    painter.setPen(rule)
    for y in (header.bottom() + RULE_GAP * page.mm, footer.top() - RULE_GAP * page.mm):
        painter.drawLine(QPointF(left, y), QPointF(right, y))
    painter.setPen(QColor(MUTED))
    v_center = Qt.AlignmentFlag.AlignVCenter
    title = content.title + (f"　·　{content.issuer}" if content.issuer else "")
    painter.drawText(header, Qt.AlignmentFlag.AlignLeft | v_center, title)
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | v_center, f"截至{cn_date(content.as_of)}")
    painter.drawText(footer, Qt.AlignmentFlag.AlignRight | v_center, f"第 {index + 1} 页 共 {pages} 页")


# --- the PDF's text layer ---


_BFRANGE = re.compile(rb"beginbfrange.*?endbfrange", re.S)
_BFRANGE_LINE = re.compile(rb"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> (\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_CODE = re.compile(rb"<([0-9A-Fa-f]{4})>")


def _fix_text_layer(path: Path) -> None:
    """Make copied and searched text read 月 and 页, not the look-alike radicals ⽉ and ⻚.

    Qt's PDF writer maps each glyph back to the lowest code point that uses it, and Noto CJK draws the Kangxi
    and supplement radicals with the ideographs' glyphs. The ToUnicode maps are plain text in the file, so the
    codes are swapped in place: same byte length, so every offset in the file stays valid.
    """
    table = _radical_table()

    def line(match: re.Match[bytes]) -> bytes:
        first, last, targets = match.groups()
        if not targets.startswith(b"[") and first != last:
            return match.group(0)  # a run of consecutive code points: leave it whole
        fixed = _CODE.sub(lambda c: b"<" + table.get(c.group(1).upper(), c.group(1)) + b">", targets)
        return match.group(0)[: -len(targets)] + fixed

    data = path.read_bytes()
    fixed = _BFRANGE.sub(lambda block: _BFRANGE_LINE.sub(line, block.group(0)), data)
    if fixed != data:
        path.write_bytes(fixed)


@functools.cache
def _radical_table() -> dict[bytes, bytes]:
    """Radical code point → the ideograph drawn with the same glyph in our CJK font, as 4-digit hex."""
    raw = QRawFont.fromFont(cjk_font())
    ideographs = "".join(map(chr, range(0x4E00, 0xA000)))
    by_glyph: dict[int, str] = {}
    for char, glyph in zip(ideographs, raw.glyphIndexesForString(ideographs), strict=True):
        if glyph:
            by_glyph.setdefault(glyph, char)
    radicals = "".join(map(chr, [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6)]))
    table = {}
    for radical, glyph in zip(radicals, raw.glyphIndexesForString(radicals), strict=True):
        ideograph = by_glyph.get(glyph) if glyph else None
        ideograph = ideograph or unicodedata.normalize("NFKC", radical)
        if ideograph != radical and len(ideograph) == 1:
            table[f"{ord(radical):04X}".encode()] = f"{ord(ideograph):04X}".encode()
    return table


# --- entry points ----------------------------------------------------------------------------------------------


def _a4_portrait(printer: QPrinter, title: str) -> None:
    portrait = QPageLayout.Orientation.Portrait
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    printer.setDocName(title)


def write_pdf(
    content: ReportContent,
    path: Path | str,
    images: Mapping[ChartKey, Picture] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the report as an A4 PDF. A cancelled or failed run leaves no file, not even a partial one; a bad
    folder raises OutputError (before any chart is drawn)."""

    def write(partial: Path) -> None:
        charts = ChartDrawer(content) if images is None else images  # drawn page by page, one step a page
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        _a4_portrait(printer, content.title)
        printer.setCreator("政策目标进度跟踪")
        printer.setOutputFileName(str(partial))
        try:
            paint_report(content, charts, printer, should_stop=should_stop, on_progress=on_progress)
        finally:
            if isinstance(charts, ChartDrawer):
                charts.close()
        _fix_text_layer(partial)

    return atomic_write(path, write)


_PREVIEW_PRINTERS: dict[int, QPrinter] = {}


def open_print_preview(
    content: ReportContent, parent: QWidget | None, images: Mapping[ChartKey, Picture] | None = None
) -> QPrintPreviewDialog:
    """Show (not exec) a print preview; it deletes itself when closed. Pages come from ``paint_report``."""
    images = chart_pictures(content) if images is None else images
    # The PDF's resolution, not the dialog's default 96 dpi: pages break where they break in the PDF.
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4_portrait(printer, content.title)
    dialog = QPrintPreviewDialog(printer, parent)
    _PREVIEW_PRINTERS[id(dialog)] = printer  # the dialog only points at it: it must live as long
    key = id(dialog)
    dialog.destroyed.connect(lambda *_: _PREVIEW_PRINTERS.pop(key, None))
    dialog.setWindowTitle(content.title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(lambda printer: paint_report(content, images, printer))
    dialog.resize(900, 1000)
    dialog.show()
    return dialog


def print_report(
    content: ReportContent, parent: QWidget | None, images: Mapping[ChartKey, Picture] | None = None
) -> bool:
    """Ask for a printer, then print; False when the user cancels the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4_portrait(printer, content.title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_report(content, chart_pictures(content) if images is None else images, printer)
    return True
