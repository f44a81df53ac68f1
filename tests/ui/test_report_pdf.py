"""The PDF report read back as a reader would: its text (pypdf), its fonts, and its pages as pictures (pdftoppm).

The full demo report is written once per module (about 3 s with its 19 charts); the other tests build their own
small reports on the demo_workspace fixture.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.atomic_write import OutputError
from app.services.demo import create_demo_workspace
from app.services.report_content import ReportContent, ReportFilter, build_report
from app.services.workspace import Workspace
from app.ui import report_charts, report_pdf
from app.ui.fonts import CJK_FAMILIES
from app.ui.report_charts import ChartDrawer, chart_images, chart_pictures
from app.ui.report_html import chart_url
from app.ui.report_pdf import ReportCancelled, open_print_preview, report_html, write_pdf
from tests.conftest import fixed_clock

AS_OF = date(2025, 7, 31)
TODAY = date(2025, 8, 5)
ISSUER = "北京市经济和信息化局"
PAGES_COPY = Path("/tmp/report_pages")


def demo_content(ws: Workspace, report_filter: ReportFilter | None = None) -> ReportContent:
    return build_report(ws, AS_OF, issuer=ISSUER, today=TODAY, report_filter=report_filter)


def page_texts(path: Path) -> list[str]:
    """Each page's text with runs of white space made one space (pypdf gives tabs and line breaks)."""
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(path).pages]


def first_page(texts: list[str], needle: str, start: int = 0) -> int:
    return next(i for i in range(start, len(texts)) if needle in texts[i])


def stop_on_call(n: int) -> Callable[[], bool]:
    calls = 0

    def should_stop() -> bool:
        nonlocal calls
        calls += 1
        return calls >= n

    return should_stop


@dataclass(frozen=True)
class DemoPdf:
    content: ReportContent
    images: dict[str | int, bytes]  # the PNGs Word gets
    pictures: dict[str | int, QImage]  # what the print preview and printing are painted with
    path: Path  # written as write_report does: each page's charts drawn as it is painted
    texts: list[str]
    seconds: float  # write_pdf, charts included


@pytest.fixture(scope="module")
def demo_pdf(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoPdf]:
    folder = tmp_path_factory.mktemp("report")
    with create_demo_workspace(folder / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        content = demo_content(ws)
    images = chart_images(content)
    pictures = chart_pictures(content)
    started = time.perf_counter()
    path = write_pdf(content, folder / "进度报告 2025-07.pdf")
    seconds = time.perf_counter() - started
    yield DemoPdf(content, images, pictures, path, page_texts(path), seconds)


def test_chart_images_are_pngs_for_the_summary_and_each_charted_target(demo_pdf: DemoPdf) -> None:
    charted = {b.target_id for b in demo_pdf.content.blocks if b.has_chart}
    assert set(demo_pdf.images) == {"overview", "bullet"} | charted
    assert len(charted) == 17
    for data in demo_pdf.images.values():
        assert data.startswith(b"\x89PNG\r\n\x1a\n")
        assert QImage.fromData(data).width() == 1400


def test_paper_gets_the_same_charts_as_word_without_the_png_round_trip(demo_pdf: DemoPdf) -> None:
    assert set(demo_pdf.pictures) == set(demo_pdf.images)
    for key, picture in demo_pdf.pictures.items():
        png = QImage.fromData(demo_pdf.images[key]).convertToFormat(QImage.Format.Format_RGB32)
        assert (picture.width(), picture.height()) == (png.width(), png.height())
        # The PNG has a palette of the chart's own colours: all but a few edge pixels are the same.
        step = 7
        samples = [(x, y) for x in range(0, png.width(), step) for y in range(0, png.height(), step)]
        same = sum(picture.pixel(x, y) == png.pixel(x, y) for x, y in samples)
        assert same / len(samples) > 0.97, key


def test_every_chart_is_an_image_in_the_pdf(demo_pdf: DemoPdf) -> None:
    widths = []
    for page in PdfReader(demo_pdf.path).pages:
        objects = page["/Resources"].get("/XObject", {})
        for ref in objects.values():
            xobject = ref.get_object()
            if xobject["/Subtype"] == "/Image":
                widths.append(xobject["/Width"])
    assert len(widths) == len(demo_pdf.pictures) == 19  # overview, bullet and 17 trajectories
    assert set(widths) == {1400}


def test_a_pdf_draws_each_chart_once_and_lets_it_go(
    demo_workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = demo_content(demo_workspace)
    drawn: list[str | int] = []
    draw = ChartDrawer.draw
    monkeypatch.setattr(ChartDrawer, "draw", lambda self, key: drawn.append(key) or draw(self, key))
    held: list[int] = []  # per page: how many of the charts drawn so far the document still holds
    paint_body = report_pdf._paint_body

    def paint_and_look(painter, document, body, index):  # type: ignore[no-untyped-def]
        paint_body(painter, document, body, index)
        kind = QTextDocument.ResourceType.ImageResource
        held.append(sum(not document.resource(kind, QUrl(chart_url(key))).isNull() for key in drawn))

    monkeypatch.setattr(report_pdf, "_paint_body", paint_and_look)
    write_pdf(content, tmp_path / "报告.pdf")
    assert sorted(map(str, drawn)) == sorted(map(str, ChartDrawer(content).sizes))  # each once
    assert len(held) == len(page_texts(tmp_path / "报告.pdf"))
    assert max(held) == 2  # the summary page's two charts; the charts of the pages before were let go
    assert sum(held) == len(drawn)  # each held while its own page was painted, and only then


def image_refs(path: Path) -> list[list[int]]:
    """Per page, the PDF objects of the images it shows."""
    pages = []
    for page in PdfReader(path).pages:
        objects = page["/Resources"].get("/XObject", {})
        pages.append(sorted(r.idnum for r in objects.values() if r.get_object()["/Subtype"] == "/Image"))
    return pages


@pytest.fixture(scope="module")
def plans31(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> ReportContent:
    from bench.generate import generate

    path = generate(tmp_path_factory.mktemp("plans") / "plans.ptt.sqlite", 93, 2, plan_count=31)
    with Workspace.open(path, read_only=True) as ws:
        return build_report(ws, date(2025, 12, 31), today=date(2025, 12, 31))


BODY_CSS_PX = 979  # the A4 body's height in CSS pixels; charts are shown 620 CSS px wide


def test_the_overview_of_30_plans_fits_one_page(plans31: ReportContent) -> None:
    width, height = ChartDrawer(plans31).sizes["overview"]
    assert height / width * 620 < BODY_CSS_PX


def test_a_summary_chart_that_moves_to_the_next_page_takes_its_heading(
    plans31: ReportContent, tmp_path: Path
) -> None:
    pdf = write_pdf(plans31, tmp_path / "report.pdf")
    texts, images = page_texts(pdf), image_refs(pdf)
    for heading in ("各政策文件指标状态", "完成率与时序进度"):
        pages = [i for i, text in enumerate(texts) if heading in text]
        assert len(pages) == 1, heading  # in the PDF once: not also left, clipped, at the foot before
        assert len(images[pages[0]]) == 1, heading  # on the page of its chart


def test_a_chart_taller_than_a_page_runs_on_over_the_next(
    plans31: ReportContent, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt lets a picture taller than a page's body run over two pages (here the overview, at the row pitch
    of a few plans for all 30); the chart drawn page by page must still be there on the second."""
    monkeypatch.setattr(report_charts, "OVERVIEW_ROW_MANY", report_charts.OVERVIEW_ROW_FEW)
    content = plans31
    width, height = ChartDrawer(content).sizes["overview"]
    assert height / width * 620 > BODY_CSS_PX
    by_page = image_refs(write_pdf(content, tmp_path / "page-by-page.pdf"))
    drawn_first = image_refs(write_pdf(content, tmp_path / "drawn-first.pdf", images=chart_pictures(content)))
    assert [len(refs) for refs in by_page] == [len(refs) for refs in drawn_first]
    overview = by_page[1][0]  # the summary page: the overview first
    assert overview in by_page[2]  # … and its lower part on the page after


def test_chart_images_report_progress_and_can_be_cancelled(demo_workspace: Workspace) -> None:
    content = demo_content(
        demo_workspace, ReportFilter(plan="北京市医疗器械产业提质升级行动计划(2024-2026年)")
    )
    seen: list[tuple[int, int]] = []
    images = chart_images(content, width=600, on_progress=lambda done, total: seen.append((done, total)))
    assert set(images) == {"overview", "bullet", 1, 3, 4}  # the park target (2) has no figures to draw
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    with pytest.raises(ReportCancelled):
        chart_images(content, should_stop=stop_on_call(2))


def test_html_has_sections_a_repeating_header_and_the_charts(demo_pdf: DemoPdf) -> None:
    html = report_html(demo_pdf.content, demo_pdf.images)
    for heading in ("一、总体情况", "二、指标汇总", "三、滞后与逾期指标", "四、其他指标"):
        assert f'style="page-break-before: always; margin-top: 14px;"><tr><td><h1>{heading}</h1>' in html
    assert html.index("三、滞后与逾期指标") < html.index("四、其他指标")
    assert "<thead><tr><th" in html
    assert 'src="chart://report/overview"' in html and 'src="chart://report/1"' in html
    assert "<img" not in report_html(demo_pdf.content, {})  # no chart drawn: no empty frame either


def test_demo_pdf_cover_and_page_count(demo_pdf: DemoPdf) -> None:
    texts = demo_pdf.texts
    assert 15 <= len(texts) <= 35
    cover = texts[0]
    for words in (
        "《政策目标进度报告》",
        ISSUER,
        "截至2025年07月31日",
        "生成日期：2025年08月05日",
        "报告范围：全部指标",
    ):
        assert words in cover
    print(f"demo report: {len(texts)} pages written in {demo_pdf.seconds:.2f} s")


def test_the_figures_a_meeting_asks_about_are_in_the_pdf(demo_pdf: DemoPdf) -> None:
    texts = demo_pdf.texts
    assert any(all(w in t for w in ("医疗器械产业总体规模", "-6.3%", "25.0%", "滞后")) for t in texts)
    assert any(all(w in t for w in ("创新医疗器械品种", "37.8%")) for t in texts)
    # The headline, with the two targets furthest behind, opens the summary.
    summary = texts[first_page(texts, "一、总体情况")]
    assert "落后最多的是“医疗器械产业总体规模”（-31.3个百分点）" in summary


def test_every_page_has_header_and_numbered_footer(demo_pdf: DemoPdf) -> None:
    texts = demo_pdf.texts
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {len(texts)} 页" in text
        assert "截至2025年07月31日" in text
        assert f"政策目标进度报告 · {ISSUER}" in text


def test_summary_table_header_repeats_on_its_next_page(demo_pdf: DemoPdf) -> None:
    texts = demo_pdf.texts
    start = first_page(texts, "二、指标汇总")
    assert texts[start + 1].startswith("指标 责任单位 目标 最新值 报告期 完成率")


def test_lagging_targets_come_before_the_others(demo_pdf: DemoPdf) -> None:
    texts = demo_pdf.texts
    behind_page = first_page(texts, "三、滞后与逾期指标")
    others_page = first_page(texts, "四、其他指标")
    assert first_page(texts, "二、指标汇总") < behind_page < others_page
    for heading in ("一、总体情况", "二、指标汇总", "三、滞后与逾期指标", "四、其他指标"):
        assert sum(heading in t for t in texts) == 1, (
            heading
        )  # not also hidden at the foot of the page before
    for block in demo_pdf.content.behind_blocks:
        assert behind_page <= first_page(texts, block.name, behind_page) < others_page
    for block in demo_pdf.content.other_blocks:
        assert first_page(texts, f"{block.name} {block.status.label}", behind_page) >= others_page
    lagging = texts[behind_page]
    assert "医疗器械产业总体规模 滞后" in lagging and "原文： “到2026年总体规模突破500亿元”" in lagging


def test_cjk_fonts_are_embedded(demo_pdf: DemoPdf) -> None:
    families = [f.replace(" ", "").lower() for f in CJK_FAMILIES]
    names = set()
    for page in PdfReader(demo_pdf.path).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor, font["/BaseFont"]
            names.add(str(font["/BaseFont"]))
    assert any(family in name.lower() for name in names for family in families), names


def test_pages_render_inside_their_margins(demo_pdf: DemoPdf, tmp_path: Path) -> None:
    """pdftoppm at 60 dpi: one A4 picture per page, and nothing drawn in the side margins (no table or chart
    runs off the body). The pictures are also copied to /tmp/report_pages to be looked at."""
    # scripts/setup.sh installs poppler-utils: its absence is a broken set-up, not a reason to skip.
    assert shutil.which("pdftoppm"), "pdftoppm missing: run scripts/setup.sh (installs poppler-utils)"
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(demo_pdf.path), str(tmp_path / "page")], check=True)
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == len(demo_pdf.texts)
    PAGES_COPY.mkdir(exist_ok=True)
    for old in PAGES_COPY.glob("page-*.png"):
        old.unlink()
    px_per_mm = 60 / 25.4
    for picture in pictures:
        shutil.copy(picture, PAGES_COPY / picture.name)
        image = QImage(str(picture))
        assert (image.width(), image.height()) == (496, 702)
        left_edge = int((25 - 1) * px_per_mm)  # the body starts 25 mm from the left edge …
        right_edge = int((210 - 18 + 1) * px_per_mm) + 1  # … and ends 18 mm from the right edge
        for x in [*range(0, left_edge, 3), *range(right_edge, image.width(), 3)]:
            for y in range(0, image.height(), 3):
                assert image.pixelColor(x, y).lightness() > 240, f"{picture.name}: ink at {x},{y}"


def test_a_filter_matching_nothing_gives_a_short_pdf_that_says_so(
    demo_workspace: Workspace, tmp_path: Path
) -> None:
    content = demo_content(demo_workspace, ReportFilter(unit="没有这个单位"))
    path = write_pdf(content, tmp_path / "空报告.pdf")
    texts = page_texts(path)
    assert len(texts) == 2
    assert "没有可报告的指标" in texts[1] and "按所选条件没有可报告的指标。" in texts[1]
    assert "责任单位：没有这个单位" in texts[1]
    assert "第 2 页 共 2 页" in texts[1]


@pytest.mark.parametrize("charts", ["drawn page by page", "none"])
def test_cancelling_leaves_no_file(
    demo_workspace: Workspace, demo_pdf: DemoPdf, tmp_path: Path, charts: str
) -> None:
    content = demo_content(demo_workspace)
    out = tmp_path / "out"
    out.mkdir()
    images = None if charts == "drawn page by page" else {}
    steps: list[tuple[int, int]] = []
    with pytest.raises(ReportCancelled):
        write_pdf(
            content,
            out / "报告.pdf",
            images=images,
            should_stop=stop_on_call(3),
            on_progress=lambda done, total: steps.append((done, total)),
        )
    assert list(out.iterdir()) == []  # neither the report nor its partial file
    assert [done for done, _ in steps] == [1, 2]
    if charts == "drawn page by page":  # one step a page, its charts included
        assert [total for _, total in steps] == [len(demo_pdf.texts)] * 2


def test_a_missing_folder_is_named_in_the_error(demo_workspace: Workspace, tmp_path: Path) -> None:
    missing = tmp_path / "没有的文件夹"
    with pytest.raises(OutputError) as raised:
        write_pdf(demo_content(demo_workspace), missing / "报告.pdf", images={})
    assert raised.value.message == f"文件夹不存在：{missing}；请先创建它或另选保存位置"
    assert not missing.exists()


def test_print_preview_shows_the_same_pages_and_closes(qtbot: QtBot, demo_pdf: DemoPdf) -> None:
    dialog = open_print_preview(demo_pdf.content, None)
    assert dialog.isVisible()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    assert preview.pageCount() == len(demo_pdf.texts)  # the same paint_report as the PDF
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.close()  # deletes itself on close
    qtbot.waitUntil(lambda: bool(gone))
