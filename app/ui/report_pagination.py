"""Page breaks that Qt's rich text does not make by itself: a target's block is not split when it fits on one page
and does not start at the foot of a page; a row of a table with a repeating header is not split across pages
(Qt has no ``page-break-inside: avoid``).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QSizeF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextLine,
    QTextTable,
    QTextTableCell,
)

KEEP_NEAR_TOP = 0.12  # a block starting this high on its page is never moved: a new page would not help
KEEP_MIN_ROOM = 0.15  # below this share of the page left, no block starts
PLAN_SLACK = 0.04  # the plan is a little cautious: a wrong guess costs a second layout of the rest
PAD_TRIES = 4  # a padded row is measured again: Qt's cell padding does not map exactly onto device pixels


class Block(NamedTuple):
    """A target's block on the long page: where it starts and ends, where its head (heading, facts, quote and
    notes) ends, the height of its chart (0 without one) and of its entries table's header row (repeated by
    Qt on each page the table runs onto)."""

    top: float
    head: float
    chart: float
    bottom: float
    table_header: float
    # The entries table's rows (top, bottom), on the long page: Qt moves a row that would straddle a page
    # break to the next page whole, leaving the rest of the page empty (when not even the first line of any
    # of its cells fits; otherwise it splits the row, and the plan, which assumes the move, is cautious).
    rows: tuple[tuple[float, float], ...] = ()
    # What such a move adds besides the empty foot: the row's own padding and rule above its text, and on the
    # new page the block's top margin and the table's padding and rule again (measured: within 20 px of it).
    carry: float = 0.0

    @property
    def height(self) -> float:
        return self.bottom - self.top


def paginate(document: QTextDocument, body: QSizeF) -> None:
    """Set the page breaks: a target's block starts a new page when not even its head fits in what is left of
    the page (or when it would start at the very foot of it); a block whose head fits starts there, and its
    chart goes on to the next page if it must, so that pages are not left half empty. Rows of the summary table
    are kept whole.

    Every break set makes Qt lay the rest of the document out again (about a second for 200 targets), so
    heights are measured once on one long page, the breaks planned from them and set in one edit, then checked
    on the real pages, where a plan upset by a long table is put right.

    A block is found by its heading, a borderless one-cell table (``report_html``); it runs to the next such
    table. Section headings are such tables too, with a page break of their own.
    """
    root_frames = document.rootFrame().childFrames()
    headings = [f for f in root_frames if _is_heading(f)]
    is_section = [
        bool(f.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        for f in headings
    ]
    # The tables of each heading's block: the target's facts, then its recent figures.
    inner: dict[int, list[QTextFrame]] = {}
    current = None
    for f in root_frames:
        if _is_heading(f):
            current = f.firstPosition()
            inner[current] = []
        elif current is not None:
            inner[current].append(f)
    ends = [h.firstPosition() - 1 for h in headings[1:]] + [document.characterCount()]
    layout = document.documentLayout()
    document.setTextWidth(body.width())  # one long page
    layout.documentSize()  # laid out in one pass: asked frame by frame, Qt lays it out twice as slowly
    sections = [f for f, section in zip(headings, is_section, strict=True) if section]
    tops = [layout.frameBoundingRect(f).top() for f in sections]
    frames = [f for f, section in zip(headings, is_section, strict=True) if not section]
    block_ends = [end for end, section in zip(ends, is_section, strict=True) if not section]
    blocks = [
        _measure(document, frame, inner[frame.firstPosition()], end)
        for frame, end in zip(frames, block_ends, strict=True)
    ]
    page = body.height()
    tables = _header_tables(document, frames[0].firstPosition() if frames else None)
    paddings = _row_paddings(document, body, tables)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    _apply_paddings(tables, paddings)
    margin = frames[0].format().topMargin() * _css_scale(document) if frames else 0.0
    # A section heading starts its page below its own top margin, as a block moved to a new page does.
    section_margin = sections[0].format().topMargin() * _css_scale(document) if sections else 0.0
    for index in _planned_breaks(blocks, tops, page, margin, section_margin):
        _break_before(frames[index])
    cursor.endEditBlock()
    # Pages only now, after the edits: Qt lays a document out lazily, and an edit made while that layout is
    # unfinished leaves the paragraphs after it without lines (they would print as nothing).
    document.setPageSize(body)
    for frame, block in zip(frames, blocks, strict=True):
        if _needs_break(layout.frameBoundingRect(frame).top() % page, block, page):
            layout.documentSize()  # finish the layout before the edit, for the same reason
            _break_before(frame)
    _keep_chart_headings(document, page)


def _keep_chart_headings(document: QTextDocument, page: float) -> None:
    """A chart's own heading (the summary's 各政策文件指标状态 over the overview) goes to the next page with a
    chart that did not fit below it. They are in the summary section, which the next section's page break
    ends: what moves there shifts the rest by whole pages, so the breaks already set stay right."""
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        chart = block.next()
        pictures = image_lines(chart) if block.blockFormat().headingLevel() == 2 and chart.isValid() else []
        if pictures:
            layout.documentSize()  # laid out to the end before an edit (see paginate)
            heading_page = layout.blockBoundingRect(block).top() // page
            if line_top(chart, pictures[0][1]) // page > heading_page:
                fmt = block.blockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
        block = chart


def _is_heading(frame: QTextFrame) -> bool:
    return (
        isinstance(frame, QTextTable)
        and frame.rows() == frame.columns() == 1
        and frame.format().border() == 0
    )


def _css_scale(document: QTextDocument) -> float:
    """Device pixels per CSS pixel: margins and paddings in the formats are CSS pixels."""
    device = document.documentLayout().paintDevice()
    return device.logicalDpiY() / 96 if device is not None else 1.0


def _measure(document: QTextDocument, heading: QTextTable, inner: list[QTextFrame], end: int) -> Block:
    """The block from ``heading`` up to the document position ``end`` (where the next heading starts)."""
    layout = document.documentLayout()
    rect = layout.frameBoundingRect(heading)
    bottom = max([rect.bottom(), *(layout.frameBoundingRect(f).bottom() for f in inner)])
    # The last line with text: "尚无填报数据" after the facts (a table's own lines end within the table).
    block = document.findBlock(end - 1)
    while block.isValid() and block.position() > heading.lastPosition():
        if block.length() > 1:
            bottom = max(bottom, layout.blockBoundingRect(block).bottom())
            break
        block = block.previous()
    head, chart, table_header = bottom, 0.0, 0.0  # without a chart or recent figures, all of it is head
    rows: tuple[tuple[float, float], ...] = ()
    carry = 0.0
    if len(inner) > 1 and isinstance(inner[-1], QTextTable):  # facts, then the recent entries
        entries = inner[-1]
        head = layout.frameBoundingRect(entries).top()
        if entries.format().headerRowCount():
            top, row_bottom = _row_span(layout, entries, 0)
            table_header = row_bottom - top + 2 * entries.format().cellPadding() * _css_scale(document)
        rows = tuple(_row_span(layout, entries, row) for row in range(entries.rows()))
        rule = (entries.format().cellPadding() + entries.format().border()) * _css_scale(document)
        carry = heading.format().topMargin() * _css_scale(document) + 2 * rule
    block = document.findBlock(heading.lastPosition() + 1)
    while block.isValid() and block.position() < end:
        if "\ufffc" in block.text() and image_lines(block):
            picture = layout.blockBoundingRect(block)
            head, chart = picture.top(), picture.height()
            break
        block = block.next()
    return Block(rect.top(), head, chart, bottom, table_header, rows, carry)


def image_lines(block: QTextBlock) -> list[tuple[str, QTextLine]]:
    """The pictures in a laid-out block, by name, each with the line that holds it."""
    found = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        if fmt.isImageFormat():
            line = block.layout().lineForTextPosition(fragment.position() - block.position())
            if line.isValid():  # a block left without lines has nothing to place
                found.append((fmt.toImageFormat().name(), line))
        it += 1
    return found


def line_top(block: QTextBlock, line: QTextLine) -> float:
    """Where ``line`` of a top-level ``block`` starts, in document coordinates."""
    return block.layout().position().y() + line.y()


def _planned_breaks(
    blocks: list[Block], sections: list[float], page: float, margin: float, section_margin: float = 0.0
) -> list[int]:
    """Which blocks must start a new page, walking them down the long page as Qt will lay them out: a block
    moved to a new page keeps its top margin there, a chart that does not fit moves on whole, and an entries
    table running onto the next page moves the row that would straddle the break there whole and repeats its
    header row above it."""
    breaks: list[int] = []
    ref = offset = previous = 0.0  # a y on the long page, and how far down its real page it falls
    for index, block in enumerate(blocks):
        starts = [s for s in sections if previous < s <= block.top]
        if starts:  # a section heading in between starts a new page
            ref, offset = starts[-1], section_margin
        start = offset + block.top - ref
        if start >= page or _needs_break(start, block, page):
            if start < page:
                breaks.append(index)
            start = margin
        end = start + block.height
        head_end = start + block.head - block.top
        if end > page and head_end + block.chart > page >= head_end:  # the chart moves to the next page
            end = page + block.bottom - block.head
        elif end > page:  # the block runs onto the next page: a row that would straddle the break moves on
            cut = block.top + page - start  # where the page ends, on the long page
            straddling = next((r for r in block.rows if r[0] < cut < r[1]), None)
            if straddling is not None:
                end += cut - straddling[0] + block.carry
        if end > page:
            end += block.table_header
        ref, offset, previous = block.bottom, end % page, block.top
    return breaks


def _needs_break(offset: float, block: Block, page: float) -> bool:
    if offset + block.height <= page or offset < page * KEEP_NEAR_TOP:
        return False  # it fits, or a new page would not help
    if offset > page * (1 - KEEP_MIN_ROOM):
        return True  # the foot of the page: not even a heading starts there
    return offset + block.head - block.top > page * (1 - PLAN_SLACK)  # the head does not fit


def _break_before(frame: QTextFrame) -> None:
    fmt = frame.frameFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    frame.setFrameFormat(fmt)


def _row_paddings(
    document: QTextDocument, body: QSizeF, tables: list[QTextTable]
) -> dict[tuple[int, int, int], float]:
    """Bottom paddings that keep the rows of ``tables`` (the counts and the summary table) whole, by (table,
    row, column). Worked out on a copy cut after the last of them: each padding set lays the document out
    again, and the copy is short."""
    if not tables:
        return {}
    copy = document.clone()
    cut = QTextCursor(copy)  # cut before the copy is given a page, so that it is laid out only once
    cut.setPosition(tables[-1].lastPosition() + 1)
    cut.setPosition(copy.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
    cut.removeSelectedText()
    copy.documentLayout().setPaintDevice(document.documentLayout().paintDevice())
    copy.setDefaultFont(document.defaultFont())
    copy.setPageSize(body)
    copied = _header_tables(copy, None)
    _keep_rows_together(copy, body.height())
    paddings = {}
    for t, (original, table) in enumerate(zip(tables, copied, strict=True)):
        for row in range(table.rows()):
            for cell in _cells(table, row):
                padding = cell.format().toTableCellFormat().bottomPadding()
                if (
                    padding
                    != original.cellAt(row, cell.column()).format().toTableCellFormat().bottomPadding()
                ):
                    paddings[t, row, cell.column()] = padding
    return paddings


def _apply_paddings(tables: list[QTextTable], paddings: dict[tuple[int, int, int], float]) -> None:
    for (t, row, column), padding in paddings.items():
        cell = tables[t].cellAt(row, column)
        fmt = cell.format().toTableCellFormat()
        fmt.setBottomPadding(padding)
        cell.setFormat(fmt)


def _header_tables(document: QTextDocument, before: int | None) -> list[QTextTable]:
    """The tables with a repeating header row that come before the position ``before`` (the first target's
    block, whose recent-figures tables are measured with their block instead)."""
    return [
        f
        for f in document.rootFrame().childFrames()
        if isinstance(f, QTextTable)
        and f.format().headerRowCount() > 0
        and (before is None or f.firstPosition() < before)
    ]


def _keep_rows_together(document: QTextDocument, page: float) -> None:
    """A row that would straddle a page break starts the next page instead, and a group's heading row (one
    cell across the table) goes with the row below it. The row above is padded down to the foot of the page,
    as Qt pads it when it moves a row itself. Row by row, since each move shifts the rows below."""
    layout = document.documentLayout()
    scale = _css_scale(document)
    for table in _header_tables(document, None):
        first = (
            table.format().headerRowCount() + 1
        )  # the first row moves with the header; Qt does that itself
        for row in range(first, table.rows()):
            top, bottom = _row_span(layout, table, row)
            straddles = top // page != bottom // page and bottom - top < page
            heading = len(_cells(table, row - 1)) == 1 and row - 1 > first
            orphaned = heading and _row_span(layout, table, row - 1)[0] // page < top // page
            if straddles or orphaned:
                _move_to_next_page(layout, table, row - 1 if heading else row, page, scale)


def _move_to_next_page(
    layout: QAbstractTextDocumentLayout, table: QTextTable, row: int, page: float, scale: float
) -> None:
    for _ in range(PAD_TRIES):
        top = _row_span(layout, table, row)[0]
        if top % page < page * KEEP_NEAR_TOP:
            return  # at the top of a page now
        _pad_bottom(table, row - 1, (page - top % page) / scale + 1)


def _cells(table: QTextTable, row: int) -> list[QTextTableCell]:
    """The row's cells, each once (a cell spanning columns is found at its first column)."""
    cells = ((column, table.cellAt(row, column)) for column in range(table.columns()))
    return [cell for column, cell in cells if cell.row() == row and cell.column() == column]


def _row_span(layout: QAbstractTextDocumentLayout, table: QTextTable, row: int) -> tuple[float, float]:
    """Top of the row's first lines and bottom of its last lines, in document coordinates."""
    cells = _cells(table, row)
    tops = [layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells]
    bottoms = [layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells]
    return min(tops), max(bottoms)


def _pad_bottom(table: QTextTable, row: int, extra: float) -> None:
    edit = QTextCursor(table.document())
    edit.beginEditBlock()  # one layout for the row, not one per cell
    for cell in _cells(table, row):
        fmt = cell.format().toTableCellFormat()
        fmt.setBottomPadding(fmt.bottomPadding() + extra)
        cell.setFormat(fmt)
    edit.endEditBlock()
