"""The Word report, read back with python-docx: what a director sees and what staff can edit."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from app.services.atomic_write import OutputError
from app.services.docx_writing import FONT
from app.services.report_content import ReportContent, ReportFilter, build_report
from app.services.report_docx import write_docx
from app.services.workspace import Workspace

AS_OF = date(2025, 7, 31)
ISSUER = "北京市经济和信息化局"


def tiny_png(width: int = 4, height: int = 3) -> bytes:
    """A valid RGB PNG built by hand, so these tests need no Qt."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xc0\x20\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def content(demo_workspace: Workspace) -> ReportContent:
    return build_report(demo_workspace, AS_OF, issuer=ISSUER, today=date(2025, 8, 5))


@pytest.fixture
def document(content: ReportContent, tmp_path: Path) -> docx.document.Document:
    return docx.Document(str(write_docx(content, tmp_path / "进度 报告.docx")))


def texts(doc: docx.document.Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def summary_table(doc: docx.document.Document) -> docx.table.Table:
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "政策文件")


def test_cover_names_the_report_the_issuer_and_the_dates(document: docx.document.Document) -> None:
    cover = texts(document)[:20]
    assert "政策目标进度报告" in cover
    assert ISSUER in cover
    assert "数据截至：2025年07月31日" in cover
    assert "生成日期：2025年08月05日" in cover
    assert "报告范围：全部指标" in cover


def test_headline_paragraph_is_present(document: docx.document.Document, content: ReportContent) -> None:
    assert content.headline in texts(document)
    assert "医疗器械产业总体规模" in content.headline


def test_counts_table_gives_each_status_in_words(document: docx.document.Document) -> None:
    counts = next(t for t in document.tables if t.rows[0].cells[0].text == "逾期")
    header = [c.text for c in counts.rows[0].cells]
    assert header == ["逾期", "滞后", "预警", "无数据", "正常", "已完成", "监测", "合计"]
    assert [c.text for c in counts.rows[1].cells] == ["0", "2", "0", "3", "0", "1", "14", "20"]


def test_summary_table_has_every_target_and_a_repeating_header(document: docx.document.Document) -> None:
    table = summary_table(document)
    assert len(table.rows) == 21
    assert len(table.columns) == 12
    header_props = table.rows[0]._tr.trPr
    assert header_props is not None
    flag = header_props.find(qn("w:tblHeader"))
    assert flag is not None and flag.get(qn("w:val")) == "true"
    assert table.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_summary_row_carries_the_reported_figures(document: docx.document.Document) -> None:
    table = summary_table(document)
    row = next(r for r in table.rows if r.cells[1].text == "医疗器械产业总体规模")
    cells = [c.text for c in row.cells]
    for expected in ("342.67亿元（年化）", "-6.3%", "25.0%", "滞后"):
        assert expected in cells


def test_status_word_is_coloured_and_bold_when_behind(document: docx.document.Document) -> None:
    table = summary_table(document)
    cell = next(r for r in table.rows if r.cells[1].text == "医疗器械产业总体规模").cells[-1]
    run = cell.paragraphs[0].runs[0]
    assert run.text == "滞后"
    assert run.bold is True
    assert str(run.font.color.rgb) == "8E1B12"
    monitored = next(r for r in table.rows if r.cells[-1].text == "监测").cells[-1].paragraphs[0].runs[0]
    assert not monitored.bold


def test_summary_table_sits_in_a_landscape_section(document: docx.document.Document) -> None:
    orientations = [(s.page_width > s.page_height) for s in document.sections]
    assert orientations == [False, True, False]
    for section in document.sections:
        assert {round(section.page_width.mm), round(section.page_height.mm)} == {210, 297}
        assert round(section.left_margin.mm) == 25


def test_behind_blocks_come_before_the_others(document: docx.document.Document) -> None:
    paragraphs = texts(document)
    behind = paragraphs.index("三、滞后与逾期指标")
    others = paragraphs.index("四、其他指标")
    scale = paragraphs.index("医疗器械产业总体规模　【滞后】")
    products = paragraphs.index("创新医疗器械品种　【滞后】")
    achieved = paragraphs.index("示范区路侧基础设施智能化覆盖面积　【已完成】")
    assert behind < scale < products < others < achieved
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert len(headings) == 20


def test_block_has_facts_quote_notes_and_recent_entries(document: docx.document.Document) -> None:
    paragraphs = texts(document)
    assert "原文：“到2026年总体规模突破500亿元”" in paragraphs
    assert "按2024年前三季度数据年化（×12/9）" in paragraphs
    facts = [t for t in document.tables if t.rows[0].cells[0].text == "政策文件" and len(t.columns) == 4]
    assert len(facts) == 20
    cells = [c.text for r in facts[0].rows for c in r.cells]
    assert "完成率" in cells and "-6.3%" in cells
    entries = [t for t in document.tables if t.rows[0].cells[0].text == "报告期"]
    first = [c.text for c in entries[0].rows[1].cells]
    assert first[:3] == ["2024年前三季度", "257亿元", "期间值"]


def test_east_asian_font_is_named_in_styles_and_runs(document: docx.document.Document) -> None:
    for name in ("Normal", "Heading 1", "Heading 2", "Title"):
        fonts = document.styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == FONT
        assert fonts.get(qn("w:ascii")) == FONT
        assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the name
    sample = summary_table(document).rows[1].cells[1].paragraphs[0].runs[0]
    assert sample._r.rPr.rFonts.get(qn("w:eastAsia")) == FONT
    runs = [r for p in document.paragraphs for r in p.runs]
    assert runs and all(r._r.rPr.rFonts.get(qn("w:eastAsia")) == FONT for r in runs)


def test_footer_has_a_page_number_field_and_the_as_of_date(document: docx.document.Document) -> None:
    footer = document.sections[0].footer
    xml = footer._element.xml
    assert " PAGE " in xml
    assert "截至2025年07月31日" in footer.paragraphs[0].text
    assert document.sections[0].different_first_page_header_footer  # the cover has no number


def test_pictures_are_placed_when_given(content: ReportContent, tmp_path: Path) -> None:
    target = content.behind_blocks[0].target_id
    images: dict[str | int, bytes] = {"overview": tiny_png(16, 9), target: tiny_png(15, 8)}
    doc = docx.Document(str(write_docx(content, tmp_path / "charts.docx", images)))
    assert len(doc.inline_shapes) == 2
    without = docx.Document(str(write_docx(content, tmp_path / "plain.docx")))
    assert len(without.inline_shapes) == 0


def test_empty_content_says_no_target_matched(demo_workspace: Workspace, tmp_path: Path) -> None:
    empty = build_report(demo_workspace, AS_OF, report_filter=ReportFilter(plan="不存在的文件"), today=AS_OF)
    assert empty.empty
    doc = docx.Document(str(write_docx(empty, tmp_path / "empty.docx")))
    assert "按所选条件没有可报告的指标。" in texts(doc)
    assert doc.tables == []


def test_missing_folder_raises_and_leaves_nothing(content: ReportContent, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="文件夹不存在"):
        write_docx(content, tmp_path / "no such folder" / "report.docx")
    assert not (tmp_path / "no such folder").exists()
    assert list(tmp_path.glob("*.docx")) == [] and list(tmp_path.glob(".*partial*")) == []


def test_control_characters_in_notes_do_not_break_the_file(content: ReportContent, tmp_path: Path) -> None:
    from dataclasses import replace

    block = replace(content.behind_blocks[0], notes=("粘贴来的\x0b备注",))
    broken = replace(content, behind_blocks=(block, *content.behind_blocks[1:]))
    doc = docx.Document(str(write_docx(broken, tmp_path / "ctl.docx")))
    assert "粘贴来的备注" in texts(doc)


def test_a_tall_chart_is_shrunk_to_fit_a_page(content: ReportContent, tmp_path: Path) -> None:
    doc = docx.Document(str(write_docx(content, tmp_path / "tall.docx", {"bullet": tiny_png(10, 100)})))
    (picture,) = doc.inline_shapes
    assert picture.height.mm <= 200.5


def test_file_properties_name_the_report_not_the_template(
    tmp_path: Path, ws_for_properties: Workspace
) -> None:
    content = build_report(ws_for_properties, AS_OF, issuer="北京市经济和信息化局", today=date(2025, 8, 5))
    props = docx.Document(str(write_docx(content, tmp_path / "r.docx"))).core_properties
    assert (props.title, props.author) == ("政策目标进度报告", "北京市经济和信息化局")
    assert props.created is not None and props.created.date() == date(2025, 8, 5)
    assert "python-docx" not in (props.comments or "") + (props.author or "")


@pytest.fixture
def ws_for_properties(tmp_path: Path) -> Iterator[Workspace]:
    from app.services.demo import create_demo_workspace
    from tests.conftest import fixed_clock

    with create_demo_workspace(tmp_path / "demo.ptt.sqlite", clock=fixed_clock) as ws:
        yield ws
