"""The progress report (进度报告) on paper: one QTextDocument laid out on the printer's A4 page and painted page by
page with a running header and footer (第 N 页 共 M 页). PDF export, the print preview and printing all go
through ``paint_report``, so the preview shows exactly what the PDF holds.

Charts arrive as PNG bytes (``report_charts.chart_images``) and are embedded as images: painting pyqtgraph on a
high-resolution printer gives giant tick labels (QT-NOTES). The text is Chinese and comes from ReportContent as
it is; nothing here is translated.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from html import escape
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QRawFont,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

from app.domain.status import STATUS_BY_LABEL, Status
from app.services.atomic_write import atomic_write
from app.services.report_content import ReportContent, TargetBlock
from app.ui.fonts import CJK_FAMILIES, cjk_font
from app.ui.report_charts import ChartKey, ReportCancelled, chart_images
from app.ui.status_style import STATUS_COLORS

# Millimetres from the paper's edge: the wider left margin leaves room for binding; the running header and
# footer sit inside the top and bottom margins.
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 25.0, 18.0, 20.0, 18.0
HEADER_FROM_TOP, FOOTER_FROM_BOTTOM, RULE_GAP = 10.0, 9.0, 1.2
BODY_POINT_SIZE, RUNNING_POINT_SIZE = 10.0, 8.0
# The A4 body is 167 mm wide: 631 px at the 96 px/inch of QTextDocument's CSS lengths (Qt scales them to the
# printer). Charts take a little less, so they also fit a Letter page chosen in the print dialog.
CHART_WIDTH_PX = 620
KEEP_NEAR_TOP = 0.12  # a block starting this high on its page is never moved: a new page would not help
KEEP_MIN_ROOM = 0.3  # a block longer than a page still moves on when less than this share of its page is left
GRID_COLOR, MUTED, RULE_COLOR = "#9e9e9e", "#555555", "#888888"
# Counts table order: the judged statuses worst first, then those without a verdict.
COUNT_ORDER: tuple[Status, ...] = (Status.OVERDUE, Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK)
COUNT_ORDER += (Status.ACHIEVED, Status.NO_DATA, Status.MONITORING)
# Summary-table widths (percent of the body): names and units get the room, the numbers need little.
SUMMARY_WIDTHS = {"target": 13, "responsible_unit": 11, "goal": 14, "latest": 9, "period": 8.5}
SUMMARY_WIDTHS |= {"completion": 7, "time_progress": 6.5, "lag": 6, "gap": 8, "forecast": 9, "status": 7.5}
NUMERIC_COLUMNS = frozenset({"latest", "completion", "time_progress", "lag", "gap", "forecast"})
ENTRY_COLUMNS = (("报告期", 15), ("数值", 12), ("类型", 9), ("来源", 36), ("备注", 28))
# A section starts a new page. Its heading sits in a borderless table that carries the break, with a top
# margin: a heading (or a table without the margin) that carries it is also painted, clipped but present in
# the PDF's text, at the foot of the page before, so a search for the heading would find that page first.
SECTION = '<table width="100%" border="0" cellspacing="0" cellpadding="0"'
SECTION += ' style="page-break-before: always; margin-top: 14px;">'
SECTION += "<tr><td><h1>{}</h1></td></tr></table>"

Sizes = dict[ChartKey, tuple[int, int]]  # the charts there are, with their pixel sizes

CSS = f"""
body {{ font-family: {", ".join(f"'{f}'" for f in CJK_FAMILIES)}, sans-serif; font-size: {BODY_POINT_SIZE}pt; }}
h1 {{ font-size: 16pt; font-weight: bold; margin-top: 0px; margin-bottom: 10px; }}
h2 {{ font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }}
h3 {{ font-size: 11.5pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }}
p {{ margin-top: 0px; margin-bottom: 6px; line-height: 140%; }}
ul {{ margin-top: 0px; margin-bottom: 4px; }}
th {{ background-color: #e8e8e8; font-weight: bold; }}
.title {{ font-size: 26pt; font-weight: bold; }}
.big {{ font-size: 13pt; }}
.muted {{ color: {MUTED}; }}
.s85 {{ font-size: 8.5pt; }}
.s8 {{ font-size: 8pt; }}
.s75 {{ font-size: 7.5pt; }}
.quote {{ color: #333333; margin-left: 14px; margin-right: 14px; }}
td.num {{ text-align: right; }}
td.label {{ color: {MUTED}; background-color: #f5f5f5; }}
td.plan {{ background-color: #f0f0f0; font-weight: bold; }}
"""


# --- HTML ------------------------------------------------------------------------------------------------------


def _date(d: date) -> str:
    return f"{d:%Y年%m月%d日}"


def _url(key: ChartKey) -> str:
    return f"chart://report/{key}"


def _grid(width: int, size_class: str = "", padding: int = 3) -> str:
    """A table with thin solid rules. Qt honours the rules only inline (its default border is 3-D) and the font
    size only through a class (an inline size on the table does not reach the cells)."""
    css_class = f' class="{size_class}"' if size_class else ""
    return (
        f'<table{css_class} border="1" cellspacing="0" cellpadding="{padding}" width="{width}%"'
        f' style="border-collapse:collapse; border-style:solid; border-color:{GRID_COLOR};">'
    )


def _status_style(status: Status) -> str:
    background, foreground = STATUS_COLORS[status]
    return f"background-color:{background}; color:{foreground}; font-weight:bold;"


def _image(key: ChartKey, sizes: Sizes) -> str:
    if key not in sizes:
        return ""
    width, height = sizes[key]
    shown = round(CHART_WIDTH_PX * height / max(width, 1))
    # line-height 100 %: the body's 140 % would leave 40 % of the picture's height blank below it
    return (
        '<p align="center" style="line-height:100%; margin-top:4px; margin-bottom:4px;">'
        f'<img src="{_url(key)}" width="{CHART_WIDTH_PX}" height="{shown}"></p>'
    )


def _cover(content: ReportContent) -> str:
    issuer = f'<p align="center" class="big" style="margin-top:150px;">{escape(content.issuer)}</p>'
    return (
        '<p style="margin-bottom:160px;">&nbsp;</p>'  # Qt drops the top margin of a document's first block
        f'<p align="center" class="title">《{escape(content.title)}》</p>'
        f'<p align="center" class="big" style="margin-top:40px;">截至{_date(content.as_of)}</p>'
        + (issuer if content.issuer else '<p style="margin-top:150px;"></p>')
        + f'<p align="center" class="big">生成日期：{_date(content.generated_on)}</p>'
        f'<p align="center" class="muted" style="margin-top:30px;">报告范围：{escape(content.scope)}</p>'
    )


def _summary(content: ReportContent, sizes: Sizes) -> str:
    """Counts by status (the word and its colour, so black-and-white paper still reads), headline, charts."""
    counts = "".join(
        f'<tr><td style="{_status_style(s)}">{s.label}</td><td class="num">{content.counts[s]}</td></tr>'
        for s in COUNT_ORDER
        if content.counts.get(s)
    )
    total = sum(content.counts.values())
    html = (
        SECTION.format("一、总体情况")
        + f"<p>{escape(content.headline)}</p>"
        + _grid(45)
        + f"<thead><tr><th>状态</th><th>指标数</th></tr></thead>{counts}"
        + f'<tr><td><b>合计</b></td><td class="num"><b>{total}</b></td></tr></table>'
    )
    if "overview" in sizes:
        html += "<h2>各政策文件指标状态</h2>" + _image("overview", sizes)
    if "bullet" in sizes:
        html += "<h2>完成率与时序进度</h2>" + _image("bullet", sizes)
    return html


def _summary_table(content: ReportContent) -> str:
    """Every target in one table; its header row repeats on each page. The plan heads its group of rows."""
    columns = [(k, h) for k, h in content.columns if k != "plan"]
    head = "".join(f'<th width="{SUMMARY_WIDTHS.get(k, "")}%">{escape(h)}</th>' for k, h in columns)
    rows, plan = [], None
    for record in content.summary:
        if record.get("plan") != plan:
            plan = record.get("plan")
            rows.append(f'<tr><td class="plan" colspan="{len(columns)}">{escape(plan or "")}</td></tr>')
        cells = []
        for key, _ in columns:
            text = record.get(key, "")
            if key == "status":
                cells.append(
                    f'<td style="{_status_style(STATUS_BY_LABEL.get(text, Status.NO_DATA))}">{text}</td>'
                )
            else:
                cells.append(f"<td{' class=num' if key in NUMERIC_COLUMNS else ''}>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        SECTION.format("二、指标汇总")
        + f'<p class="muted s85">共{len(content.summary)}个指标；完成率、时序进度按截至{_date(content.as_of)}计算。</p>'
        + _grid(100, "s8")
        + f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )


def _block(block: TargetBlock, sizes: Sizes) -> str:
    """One target, wrapped in a borderless one-cell table so that it can be kept on one page."""
    facts = []
    for i in range(0, len(block.facts), 2):
        pair = "".join(
            f'<td class="label" width="13%">{escape(k)}</td><td width="37%">{escape(v)}</td>'
            for k, v in block.facts[i : i + 2]
        )
        facts.append(f"<tr>{pair}</tr>")
    html = (
        f'<h3>{escape(block.name)}　<span style="{_status_style(block.status)}">&nbsp;{block.status.label}'
        f"&nbsp;</span></h3>" + _grid(100, "s85") + "".join(facts) + "</table>"
    )
    if block.source_quote:
        html += f'<p class="quote" style="margin-top:8px;"><b>原文：</b>“{escape(block.source_quote)}”</p>'
    if block.notes:
        html += '<p class="s85" style="margin-top:6px; margin-bottom:2px;"><b>说明</b></p><ul class="s85">'
        html += "".join(f"<li>{escape(n)}</li>" for n in block.notes) + "</ul>"
    html += _image(block.target_id, sizes)
    if block.entries:
        head = "".join(f'<th width="{w}%">{h}</th>' for h, w in ENTRY_COLUMNS)
        lines = "".join(
            f"<tr><td>{escape(e.period)}</td><td class=num>{escape(e.value)}</td><td>{escape(e.value_type)}</td>"
            f"<td>{escape(e.source)}</td><td>{escape(e.note)}</td></tr>"
            for e in block.entries
        )
        html += (
            f'<p class="s85" style="margin-top:6px; margin-bottom:2px;"><b>最近填报（{len(block.entries)}条，'
            "最新在前）</b></p>"
            + _grid(100, "s75", padding=2)
            + f"<thead><tr>{head}</tr></thead>{lines}</table>"
        )
    else:
        html += '<p class="muted s85">尚无填报数据。</p>'
    return (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:14px;'
        f' margin-bottom:10px;"><tr><td>{html}</td></tr></table>'
    )


def _section(heading: str, lead: str, blocks: tuple[TargetBlock, ...], sizes: Sizes) -> str:
    body = "".join(_block(b, sizes) for b in blocks) or '<p class="muted">无。</p>'
    return SECTION.format(heading) + f'<p class="muted s85">{lead}</p>{body}'


def report_html(content: ReportContent, images: Mapping[ChartKey, bytes]) -> str:
    """The whole report as one HTML document for QTextDocument; charts are ``<img src="chart://report/<key>">``
    (``paint_report`` adds them as resources). Keys missing from ``images`` simply have no picture."""
    sizes = _image_sizes(images)
    html = f"<html><head><style>{CSS}</style></head><body>{_cover(content)}"
    if content.empty:
        html += (
            SECTION.format("没有可报告的指标") + f"<p>{escape(content.headline)}</p>"
            f'<p class="muted">报告范围：{escape(content.scope)}。请放宽政策文件、责任单位或状态等筛选条件后重新生成。</p>'
        )
    else:
        html += _summary(content, sizes) + _summary_table(content)
        behind = "逾期、滞后和预警的指标，落后最多的在前。"
        html += _section("三、滞后与逾期指标", behind, content.behind_blocks, sizes)
        html += _section("四、其他指标", "其余指标，按政策文件顺序排列。", content.other_blocks, sizes)
    return html + "</body></html>"


def _image_sizes(images: Mapping[ChartKey, bytes]) -> Sizes:
    """Pixel sizes from the PNG headers (nothing decoded); unreadable images are left out."""
    sizes: Sizes = {}
    for key, data in images.items():
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        size = QImageReader(buffer).size()
        if size.isValid() and not size.isEmpty():
            sizes[key] = (size.width(), size.height())
    return sizes


# --- layout ----------------------------------------------------------------------------------------------------


def _document(
    content: ReportContent, images: Mapping[ChartKey, bytes], printer: QPrinter, body: QSizeF
) -> QTextDocument:
    """The report laid out in the printer's device pixels, one page per ``body``."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(printer)
    document.setDefaultFont(cjk_font(BODY_POINT_SIZE))
    document.setDocumentMargin(0)
    for key, data in images.items():
        image = QImage.fromData(data)
        if not image.isNull():
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_url(key)), image)
    document.setHtml(report_html(content, images))
    _keep_blocks_together(document, body)
    return document


def _keep_blocks_together(document: QTextDocument, body: QSizeF) -> None:
    """Paginate, starting a target's block on a new page when it would be split although it fits on one page,
    or when it would start near the bottom of a page (Qt has no ``page-break-inside: avoid``).

    Heights are measured on one long page, the breaks planned from them and set in one edit (set one by one,
    each would lay the rest of the document out again: 1.4 s for the demo instead of 0.1 s), then checked.
    """
    wrappers = [
        f
        for f in document.rootFrame().childFrames()
        if isinstance(f, QTextTable) and f.rows() == f.columns() == 1 and f.format().border() == 0
    ]
    is_section = [
        bool(f.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        for f in wrappers
    ]
    layout = document.documentLayout()
    document.setTextWidth(body.width())  # one long page
    tops = [
        layout.frameBoundingRect(f).top() for f, section in zip(wrappers, is_section, strict=True) if section
    ]
    frames = [f for f, section in zip(wrappers, is_section, strict=True) if not section]
    spans = [(r.top(), r.bottom()) for r in map(layout.frameBoundingRect, frames)]
    page = body.height()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for index in _planned_breaks(spans, tops, page):
        _break_before(frames[index])
    cursor.endEditBlock()
    document.setPageSize(body)
    for frame, (top, bottom) in zip(frames, spans, strict=True):  # rare: a plan upset by a long block
        rect = layout.frameBoundingRect(frame)
        if rect.height() > bottom - top + 1 and _needs_break(rect.top() % page, bottom - top, page):
            _break_before(frame)


def _planned_breaks(spans: list[tuple[float, float]], sections: list[float], page: float) -> list[int]:
    """Which blocks (indexes into ``spans``) must start a new page, walking them down the long page."""
    breaks: list[int] = []
    ref = offset = previous = 0.0  # a y on the long page, and how far down its real page it falls
    for index, (top, bottom) in enumerate(spans):
        starts = [s for s in sections if previous < s <= top]
        if starts:  # a section heading in between starts a new page
            ref, offset = starts[-1], 0.0
        start = (offset + top - ref) % page
        if _needs_break(start, bottom - top, page):
            breaks.append(index)
            start = 0.0
        ref, offset, previous = bottom, (start + bottom - top) % page, top
    return breaks


def _needs_break(offset: float, height: float, page: float) -> bool:
    if offset + height <= page or offset < page * KEEP_NEAR_TOP:
        return False  # it fits, or a new page would not help
    return height <= page or offset > page * (1 - KEEP_MIN_ROOM)


def _break_before(frame: QTextFrame) -> None:
    fmt = frame.frameFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    frame.setFrameFormat(fmt)


# --- painting --------------------------------------------------------------------------------------------------


class _Page(NamedTuple):
    paper: QRectF
    body: QRectF
    mm: float  # device pixels per millimetre


def paint_report(
    content: ReportContent,
    images: Mapping[ChartKey, bytes],
    printer: QPrinter,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """Lay the report out on ``printer``'s paper and paint every page; returns the number of pages painted.

    Serves write_pdf and QPrintPreviewDialog.paintRequested alike. ``should_stop`` is asked before each page.
    """
    printer.setFullPage(True)  # margins are ours, measured from the paper's edge
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    mm = printer.logicalDpiY() / 25.4
    body = QRectF(
        MARGIN_LEFT * mm,
        MARGIN_TOP * mm,
        paper.width() - (MARGIN_LEFT + MARGIN_RIGHT) * mm,
        paper.height() - (MARGIN_TOP + MARGIN_BOTTOM) * mm,
    )
    document = _document(content, images, printer, body.size())
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("无法开始打印或写入 PDF")
    try:
        for index in range(pages):
            if should_stop is not None and should_stop():
                raise ReportCancelled
            if index and not printer.newPage():
                raise OSError("无法开始新的一页")
            _paint_body(painter, document, body, index)
            _paint_running(painter, content, _Page(QRectF(paper), body, mm), index, pages)
            if on_progress is not None:
                on_progress(index + 1, pages)
    finally:
        painter.end()
    return pages


def _paint_body(painter: QPainter, document: QTextDocument, body: QRectF, index: int) -> None:
    painter.save()
    painter.translate(body.left(), body.top() - index * body.height())
    view = QRectF(0, index * body.height(), body.width(), body.height())
    painter.setClipRect(view)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = view
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
    painter.drawText(footer, Qt.AlignmentFlag.AlignLeft | v_center, f"截至{_date(content.as_of)}")
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
    images: Mapping[ChartKey, bytes] | None = None,
    should_stop: Callable[[], bool] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Path:
    """Write the report as an A4 PDF. A cancelled or failed run leaves no file, not even a partial one; a bad
    folder raises OutputError (before any chart is drawn)."""

    def write(partial: Path) -> None:
        if images is None:  # charts first (their own count of steps), then the pages
            charts = chart_images(content, should_stop=should_stop, on_progress=on_progress)
        else:
            charts = images
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        _a4_portrait(printer, content.title)
        printer.setCreator("政策目标进度跟踪")
        printer.setOutputFileName(str(partial))
        paint_report(content, charts, printer, should_stop=should_stop, on_progress=on_progress)
        _fix_text_layer(partial)

    return atomic_write(path, write)


def open_print_preview(content: ReportContent, parent: QWidget | None) -> QPrintPreviewDialog:
    """Show (not exec) a print preview; it deletes itself when closed. Pages come from ``paint_report``."""
    images = chart_images(content)
    dialog = QPrintPreviewDialog(parent)  # its own printer lives exactly as long as the dialog
    _a4_portrait(dialog.printer(), content.title)
    dialog.setWindowTitle(content.title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.paintRequested.connect(lambda printer: paint_report(content, images, printer))
    dialog.resize(900, 1000)
    dialog.show()
    return dialog


def print_report(content: ReportContent, parent: QWidget | None) -> bool:
    """Ask for a printer, then print; False when the user cancels the dialog."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _a4_portrait(printer, content.title)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    paint_report(content, chart_images(content), printer)
    return True
