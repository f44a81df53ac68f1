"""Page breaks in the printed report: summary rows are never cut in two, a plan's heading row stays with its first
target, and a target's block never starts at the foot of a page nor leaves its head (heading and facts) behind.

The row tests read Qt's own layout of the report on an A4 PDF printer (what ``paint_report`` paints); the block
tests read the positions of the text in the written PDF.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage, QTextDocument, QTextTable
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.periods import parse_period
from app.services.demo import create_demo_workspace
from app.services.editing import Editor
from app.services.report_content import ReportContent, ReportFilter, build_report
from app.services.workspace import Workspace
from app.ui.report_charts import chart_images, chart_pictures
from app.ui.report_pdf import body_rect, layout_report, write_pdf
from tests.conftest import fixed_clock

AS_OF = date(2025, 7, 31)
A4_HEIGHT_PT, BOTTOM_MARGIN_PT, TOP_MARGIN_PT = 842, 18 / 25.4 * 72, 20 / 25.4 * 72
BODY_PT = A4_HEIGHT_PT - BOTTOM_MARGIN_PT - TOP_MARGIN_PT


def long_names_workspace(path: Path) -> Workspace:
    """60 targets in 4 plans, with names and units long enough to wrap, so the summary runs over pages."""
    ws = Workspace.open(path, create=True, clock=fixed_clock)
    editor = Editor(ws)
    for p in range(4):
        plan = editor.add_plan(
            Plan(
                title=f"第{p + 1}号专项行动计划（2024—2026年）",
                period_start=date(2024, 1, 1),
                period_end=date(2026, 12, 31),
            )
        )
        for t in range(15):
            target = editor.add_target(
                Target(
                    plan_id=plan.id,
                    name=f"重点产业链第{t + 1}批次规模以上工业企业数字化改造完成数",
                    kind=TargetKind.CUMULATIVE,
                    unit="家",
                    target_value=Decimal(1000 + t),
                    deadline=date(2026, 12, 31),
                    responsible_unit="市经济和信息化局数字经济处、各区人民政府"
                    if t % 3
                    else "市经济和信息化局",
                )
            )
            editor.add_entry(
                ProgressEntry(
                    target_id=target.id,
                    period=parse_period("2025年上半年"),
                    value=Decimal(300 + 7 * t),
                    unit="家",
                )
            )
    return ws


@pytest.fixture(scope="module")
def long_report(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReportContent]:
    folder = tmp_path_factory.mktemp("long")
    with long_names_workspace(folder / "long.ptt.sqlite") as ws:
        yield build_report(ws, AS_OF, today=AS_OF)


def laid_out(
    content: ReportContent, folder: Path, pictures: Mapping[str | int, QImage] | None = None
) -> tuple[QTextDocument, float]:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(folder / "unused.pdf"))  # laid out only, never painted
    document = layout_report(content, pictures or {}, printer)
    return document, body_rect(printer).height()


def header_tables(document: QTextDocument) -> list[QTextTable]:
    return [
        f
        for f in document.rootFrame().childFrames()
        if isinstance(f, QTextTable) and f.format().headerRowCount() > 0
    ]


def row_pages(document: QTextDocument, table: QTextTable, row: int, page: float) -> set[int]:
    """Every page that some line of the row is printed on."""
    layout = document.documentLayout()
    pages = set()
    for column in range(table.columns()):
        cell = table.cellAt(row, column)
        block = cell.firstCursorPosition().block()
        while block.isValid() and block.position() <= cell.lastPosition():
            rect = layout.blockBoundingRect(block)
            pages |= {int(rect.top() // page), int((rect.bottom() - 1) // page)}
            block = block.next()
    return pages


def test_no_summary_row_is_cut_across_two_pages(long_report: ReportContent, tmp_path: Path) -> None:
    document, page = laid_out(long_report, tmp_path)
    summary = max(header_tables(document), key=lambda t: t.rows())
    assert summary.rows() == 1 + 4 + 60  # header, a heading row per plan, a row per target
    pages_of_rows = [row_pages(document, summary, r, page) for r in range(1, summary.rows())]
    assert len(set().union(*pages_of_rows)) >= 3  # the table does run over several pages
    assert all(len(pages) == 1 for pages in pages_of_rows)


def test_a_plan_heading_row_is_on_the_page_of_its_first_target(
    long_report: ReportContent, tmp_path: Path
) -> None:
    document, page = laid_out(long_report, tmp_path)
    summary = max(header_tables(document), key=lambda t: t.rows())
    headings = [r for r in range(1, summary.rows()) if summary.cellAt(r, 0).columnSpan() == summary.columns()]
    assert len(headings) == 4
    for r in headings:
        assert row_pages(document, summary, r, page) == row_pages(document, summary, r + 1, page)


def text_positions(path: Path) -> list[list[tuple[float, str]]]:
    """Per page: (height above the paper's bottom edge in points, text) for each piece of text."""
    pages = []
    for page in PdfReader(path).pages:
        found: list[tuple[float, str]] = []

        def visit(text: str, cm: list[float], tm: list[float], *_: object, found: list = found) -> None:
            if text.strip():
                found.append((cm[5] + tm[5] * cm[3], text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def test_a_target_block_starts_above_the_foot_of_a_page_with_its_facts(
    qapp: QApplication, tmp_path: Path
) -> None:
    with create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        content = build_report(ws, AS_OF, today=AS_OF)
    path = write_pdf(content, tmp_path / "report.pdf", images=chart_images(content))
    pages = text_positions(path)
    first_block_page = next(
        i for i, page in enumerate(pages) if any(t == "三、滞后与逾期指标" for _, t in page)
    )
    lowest_start = BOTTOM_MARGIN_PT + 0.15 * BODY_PT
    index = first_block_page
    for block in content.blocks:
        index, y = next(
            (i, y)
            for i in range(index, len(pages))
            for y, t in pages[i]
            if t.split("\t")[0].strip() == block.name
        )
        assert y > lowest_start, f"{block.name} starts at the foot of page {index + 1}"
        last_label = block.facts[-1][0]
        below = [t for fy, t in pages[index] if fy < y]
        assert last_label in below, f"{block.name}: its facts go on without it on page {index + 2}"


def test_the_plan_counts_the_foot_left_empty_when_a_table_row_moves_on() -> None:
    """Block A (1300 high) runs 300 onto a 1000-high page, through an entries row at 950–1050: Qt moves that
    row whole, leaving 50 empty, adds 40 around it and repeats the 50-high header: B starts at 440, not 350,
    and its 560-high head no longer fits above 960 — B is planned onto the next page, with no second layout."""
    from app.ui.report_pagination import Block, _planned_breaks

    rows = tuple((y, y + 100) for y in range(350, 1250, 100))  # …, (950, 1050), …
    a = Block(top=0, head=300, chart=0, bottom=1300, table_header=50, rows=((300, 350), *rows), carry=40)
    b = Block(top=1300, head=1860, chart=0, bottom=2000, table_header=0)
    assert _planned_breaks([a, b], [], 1000, 10) == [1]
    # Without the row's move the plan would put B at 350, where its head fits.
    assert _planned_breaks([a._replace(rows=(), carry=0), b], [], 1000, 10) == []


def lineless_paragraphs(document: QTextDocument) -> list[str]:
    """Paragraphs with text that Qt left without a single line: they would print as nothing."""
    found = []
    block = document.begin()
    while block.isValid():
        if block.length() > 1 and block.layout().lineCount() == 0:
            found.append(block.text()[:30])
        block = block.next()
    return found


@pytest.mark.parametrize(
    "plan", [None, "工业经济运行监测", "北京市医疗器械产业提质升级行动计划(2024-2026年)"]
)
def test_every_paragraph_of_a_report_is_laid_out(
    qapp: QApplication, tmp_path: Path, plan: str | None
) -> None:
    """A page break set while Qt was still laying the pages out lazily left the paragraphs after it without
    lines: a report of one plan printed its targets' quotes, notes and charts as nothing."""
    with create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        content = build_report(ws, AS_OF, today=AS_OF, report_filter=ReportFilter(plan=plan))
    pictures = chart_pictures(content)
    document, _ = laid_out(content, tmp_path, pictures)
    assert lineless_paragraphs(document) == []
    path = write_pdf(content, tmp_path / "report.pdf", images=pictures)
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    quoted = sum(1 for b in content.blocks if b.source_quote)
    assert text.count("原文：") == quoted > 0
    assert text.count("最近填报") == sum(1 for b in content.blocks if b.entries)


def test_a_chart_is_in_a_long_pdf_once(qapp: QApplication, tmp_path: Path) -> None:
    """The page clip is a whole number of device pixels: Qt keeps page heights in 1/64 pixel, and a fractional
    height drifted by a pixel over 180 pages, so that a chart moved to the top of a page was also drawn,
    clipped, at the foot of the page before."""
    from bench.generate import generate

    path = tmp_path / "300.ptt.sqlite"
    generate(path, 300, 24)
    with Workspace.open(path, read_only=True) as ws:
        content = build_report(ws, date(2025, 12, 31), today=date(2025, 12, 31))
    pictures = chart_pictures(content)
    pdf = write_pdf(content, tmp_path / "long.pdf", images=pictures)
    reader = PdfReader(pdf)
    assert len(reader.pages) > 200
    images = 0
    for page in reader.pages:
        for ref in page["/Resources"].get("/XObject", {}).values():
            images += ref.get_object()["/Subtype"] == "/Image"
    assert images == len(pictures)
