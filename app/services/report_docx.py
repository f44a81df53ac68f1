"""The progress report as a Word file: the same ReportContent as the PDF, but editable, so staff can adjust the
wording before it goes out. Qt-free; the charts arrive as PNG bytes drawn by the caller.

Word picks a Latin font for Chinese text unless every style and run names its East Asian font (w:eastAsia), so
fonts are set explicitly everywhere. The 12-column summary table gets a landscape section of its own: at a
readable 8 pt it does not fit a portrait A4 page; every other page is portrait.
"""

from __future__ import annotations

import copy
import functools
import io
import re
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, cast

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.image.image import Image
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from app.domain.status import BOLD_STATUSES, STATUS_BY_LABEL, STATUS_COLOURS, Status
from app.services.atomic_write import atomic_write
from app.services.report_content import ReportContent, TargetBlock

FONT = "Microsoft YaHei"  # on Windows; Word and LibreOffice substitute an installed CJK face elsewhere
HEADER_FILL = "E7E6E6"
TABLE_TEXT = "TableText"  # a paragraph style of our own: tight spacing inside table cells
MUTED = "595959"
BEHIND_LEAD = "逾期、滞后和预警的指标，落后最多的在前。"
MAX_PICTURE_HEIGHT_MM = 200
PORTRAIT_TEXT_MM = 165  # A4 210 mm less 25 mm left and 20 mm right margins
# Summary table in landscape (297 − 25 − 20 = 252 mm), in the order of content.columns.
LANDSCAPE_TEXT_MM = 252  # 297 mm less the same margins
SUMMARY_WIDTHS_MM = {  # by column key; scaled to the landscape text width
    "plan": 34,
    "target": 30,
    "responsible_unit": 24,
    "goal": 26,
    "latest": 22,
    "period": 19,
    "completion": 15,
    "time_progress": 15,
    "lag": 15,
    "gap": 18,
    "forecast": 20,
    "status": 14,
}
NUMERIC_KEYS = frozenset({"latest", "completion", "time_progress", "lag", "gap", "forecast"})
FACT_WIDTHS_MM = (22, 60.5, 22, 60.5)
ENTRY_HEADER = ("报告期", "数值", "类型", "来源", "备注")
ENTRY_WIDTHS_MM = (26, 22, 16, 55, 46)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write_docx(
    content: ReportContent, path: Path | str, images: Mapping[str | int, bytes] | None = None
) -> Path:
    """Write the report to ``path``; ``images`` are PNGs keyed "overview", "bullet" or a target id."""
    doc = build_document(content, images or {})
    return atomic_write(path, lambda partial: doc.save(str(partial)))


def build_document(content: ReportContent, images: Mapping[str | int, bytes]) -> DocxDocument:
    doc = Document()
    _set_styles(doc)
    first = doc.sections[0]
    _set_page(first, landscape=False)
    first.different_first_page_header_footer = True  # the cover carries no page number
    _header_footer(first, content)
    _cover(doc, content)
    if content.empty:
        _para(doc, "没有可报告的指标", style="Heading1")
        _para(doc, content.headline)
        _para(
            doc,
            f"报告范围：{content.scope}。请放宽政策文件、责任单位或状态等筛选条件后重新生成。",
            colour=MUTED,
        )
        return doc
    _summary(doc, content, images)
    _summary_table(doc, content)
    # 三 opens the portrait section that follows the landscape table, so it is on a new page already.
    _blocks(doc, "三、滞后与逾期指标", content.behind_blocks, images, BEHIND_LEAD, new_page=False)
    _blocks(doc, "四、其他指标", content.other_blocks, images, "其余指标，按政策文件顺序排列。")
    return doc


# --- fonts and styles ---------------------------------------------------------------------------------------


def _east_asian_fonts(rpr: Any) -> None:
    """Name the font for every script and drop theme fonts, which would otherwise win over the names."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def _set_styles(doc: DocxDocument) -> None:
    defaults: Any = doc.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _east_asian_fonts(default_rpr)
    lang = default_rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")
    normal: Any = doc.styles["Normal"]
    normal.font.size = Pt(10.5)  # 五号
    normal.paragraph_format.space_after = Pt(4)
    normal.paragraph_format.line_spacing = 1.15
    table_text: Any = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.paragraph_format.space_after = Pt(0)
    table_text.paragraph_format.line_spacing = 1.0
    sizes = {"Title": 24, "Heading 1": 16, "Heading 2": 13, "Heading 3": 11, "List Bullet": 10.5}
    for name in ("Normal", *sizes):
        style: Any = doc.styles[name]
        _east_asian_fonts(style.element.get_or_add_rPr())
        if name in sizes:
            style.font.size = Pt(sizes[name])
        if name.startswith(("Heading", "Title")):
            style.font.color.rgb = RGBColor.from_string("1F2D3D")


def _clean(text: str) -> str:
    """Pasted text can hold control characters that XML (and so Word) refuses."""
    return _XML_ILLEGAL.sub("", text)


def _run(
    p: Paragraph, text: str, *, bold: bool = False, size: float | None = None, colour: str | None = None
) -> Run:
    """A run with its fonts named; its properties are copied from a cached element, since building them
    through python-docx's setters costs most of the time of a long report."""
    r = OxmlElement("w:r")
    r.append(copy.deepcopy(_run_properties(bold, size, colour)))
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = _clean(text)
        r.append(t)
    p._p.append(r)
    return Run(cast(Any, r), p)


@functools.cache
def _run_properties(bold: bool, size: float | None, colour: str | None) -> Any:
    """w:rPr with its children in schema order: rFonts, b, color, sz, szCs."""
    rpr = OxmlElement("w:rPr")
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    rpr.append(fonts)
    if bold:
        rpr.append(OxmlElement("w:b"))
    if colour is not None:
        rpr.append(OxmlElement("w:color", {qn("w:val"): colour}))
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            rpr.append(OxmlElement(tag, {qn("w:val"): str(round(size * 2))}))
    return rpr


def _status_run(p: Paragraph, status: Status, text: str | None = None, size: float | None = None) -> Run:
    return _run(
        p, text or status.label, bold=status in BOLD_STATUSES, size=size, colour=STATUS_COLOURS[status][1]
    )


def _para(doc: DocxDocument, text: str = "", style: str | None = None, **run_options: Any) -> Paragraph:
    p = doc.add_paragraph()
    if style:
        p._p.style = style  # a style id; python-docx's lookup by name is slow
    if text:
        _run(p, text, **run_options)
    return p


# --- page set-up ----------------------------------------------------------------------------------------------


def _set_page(section: Section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def _field(p: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word fills in the number when it lays the pages out."""
    for kind in ("begin", "instr", "separate", "value", "end"):
        run = _run(p, placeholder if kind == "value" else "", size=9, colour=MUTED)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif kind != "value":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _header_footer(section: Section, content: ReportContent) -> None:
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(header, "　".join(x for x in (content.title, content.issuer) if x), size=9, colour=MUTED)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(footer, f"截至{_cn_date(content.as_of)}　　第 ", size=9, colour=MUTED)
    _field(footer, "PAGE", "1")
    _run(footer, " 页，共 ", size=9, colour=MUTED)
    _field(footer, "NUMPAGES", "1")
    _run(footer, " 页", size=9, colour=MUTED)


def _new_section(doc: DocxDocument, *, landscape: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _set_page(section, landscape=landscape)
    section.different_first_page_header_footer = False  # the cover's blank first page is for the cover only


def _cn_date(d: date) -> str:
    return f"{d:%Y年%m月%d日}"  # as the headline and the PDF write it


# --- tables ---------------------------------------------------------------------------------------------------


def _shade(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def _row_property(row: Any, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _table(
    doc: DocxDocument,
    rows: Sequence[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    size: float,
    header: Sequence[str] | None = None,
    label_columns: frozenset[int] = frozenset(),
    right_columns: frozenset[int] = frozenset(),
    centred: bool = False,
) -> Any:
    """A grid with fixed widths; the header row repeats on every page; status words are coloured and worded."""
    all_rows = [list(header), *rows] if header else list(rows)
    table = doc.add_table(rows=len(all_rows), cols=len(widths_mm))
    table._tbl.tblPr.style = "TableGrid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
    for r, (row, values) in enumerate(zip(table.rows, all_rows, strict=True)):
        is_header = header is not None and r == 0
        if is_header:
            _row_property(row, "w:tblHeader")
        _row_property(row, "w:cantSplit")
        for c, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Mm(widths_mm[c])
            p = cell.paragraphs[0]
            p._p.style = TABLE_TEXT
            if centred:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            elif c in right_columns and not is_header:
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            status = STATUS_BY_LABEL.get(text)
            if status is not None:
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                _shade(cell, STATUS_COLOURS[status][0])
                _status_run(p, status, size=size)
            elif is_header or c in label_columns:
                _shade(cell, HEADER_FILL)
                _run(p, text, bold=True, size=size)
            else:
                _run(p, text, size=size)
    return table


# --- the report's parts ---------------------------------------------------------------------------------------


def _cover(doc: DocxDocument, content: ReportContent) -> None:
    for _ in range(6):
        _para(doc)
    title = _para(doc, content.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if content.issuer:
        _para(doc, content.issuer, size=16).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _para(doc)
    for line in (
        f"数据截至：{_cn_date(content.as_of)}",
        f"生成日期：{_cn_date(content.generated_on)}",
        f"报告范围：{content.scope}",
    ):
        _para(doc, line, size=12).alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(doc.paragraphs[-1], "").add_break(WD_BREAK.PAGE)


def _picture(doc: DocxDocument, png: bytes | None, width_mm: float, caption: str) -> None:
    if not png:
        return
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    image = Image.from_blob(png)
    height_mm = width_mm * image.px_height / max(image.px_width, 1)
    if height_mm > MAX_PICTURE_HEIGHT_MM:  # a tall chart (many bars) must still fit one page with its caption
        width_mm *= MAX_PICTURE_HEIGHT_MM / height_mm
    _run(p, "").add_picture(io.BytesIO(png), width=Mm(width_mm))
    _para(doc, caption, size=9, colour=MUTED).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _summary(doc: DocxDocument, content: ReportContent, images: Mapping[str | int, bytes]) -> None:
    _para(doc, "一、总体情况", style="Heading1")
    _para(doc, content.headline)
    statuses = list(content.counts)
    _para(doc, "各状态指标数（个）", size=9, colour=MUTED).paragraph_format.keep_with_next = True
    _table(
        doc,
        [[str(content.counts[s]) for s in statuses] + [str(sum(content.counts.values()))]],
        [PORTRAIT_TEXT_MM / (len(statuses) + 1)] * (len(statuses) + 1),
        size=9,
        header=[s.label for s in statuses] + ["合计"],
        centred=True,
    )
    _para(doc)
    _picture(doc, images.get("overview"), 160, "图：各政策文件指标状态")
    _picture(doc, images.get("bullet"), 160, "图：完成率与时序进度")


def _summary_table(doc: DocxDocument, content: ReportContent) -> None:
    _new_section(doc, landscape=True)
    _para(doc, "二、指标汇总", style="Heading1")
    _para(
        doc,
        f"共{len(content.summary)}个指标；完成率、时序进度按截至{_cn_date(content.as_of)}计算。",
        size=9,
        colour=MUTED,
    )
    rows = [[record.get(key, "") or "—" for key, _ in content.columns] for record in content.summary]
    keys = [key for key, _ in content.columns]
    widths: list[float] = [SUMMARY_WIDTHS_MM.get(key, 20) for key in keys]
    widths = [w * LANDSCAPE_TEXT_MM / sum(widths) for w in widths]
    numeric = frozenset(i for i, key in enumerate(keys) if key in NUMERIC_KEYS)
    header = [label for _, label in content.columns]
    _table(doc, rows, widths, size=8, header=header, right_columns=numeric)
    _para(
        doc,
        "注：完成率 =（最新值 − 基期值）/（目标值 − 基期值）；进度差 = 完成率 − 时序进度，单位为百分点；"
        "“年化”表示按部分年度数据折算为全年。",
        size=8,
        colour=MUTED,
    )
    _new_section(doc, landscape=False)


def _blocks(
    doc: DocxDocument,
    heading: str,
    blocks: Sequence[TargetBlock],
    images: Mapping[str | int, bytes],
    lead: str,
    *,
    new_page: bool = True,
) -> None:
    """A chapter of target blocks; each chapter starts on a new page, as in the PDF."""
    _para(doc, heading, style="Heading1").paragraph_format.page_break_before = new_page
    _para(doc, lead, size=9, colour=MUTED)
    if not blocks:
        _para(doc, "无。", colour=MUTED)
    for block in blocks:
        _block(doc, block, images.get(block.target_id) or images.get(str(block.target_id)))


def _block(doc: DocxDocument, block: TargetBlock, png: bytes | None) -> None:
    heading = _para(doc, style="Heading2")
    _run(heading, block.name + "　")
    _status_run(heading, block.status, f"【{block.status.label}】")
    facts = [item for pair in block.facts for item in pair]
    facts += [""] * (-len(facts) % 4)
    rows = [facts[i : i + 4] for i in range(0, len(facts), 4)]
    _table(doc, rows, FACT_WIDTHS_MM, size=9, label_columns=frozenset({0, 2}))
    if block.source_quote:
        _quote(doc, block.source_quote)
    if block.notes:
        _para(doc, "说明", bold=True, size=10)
        for note in block.notes:
            _para(doc, note, style="ListBullet", size=9.5)
    _picture(doc, png, 150, f"图：{block.name}进度轨迹")
    if block.entries:
        label = f"最近填报（{len(block.entries)}条，最新在前）"
        _para(doc, label, bold=True, size=10).paragraph_format.keep_with_next = True
        rows = [[e.period, e.value, e.value_type, e.source, e.note] for e in block.entries]
        _table(doc, rows, ENTRY_WIDTHS_MM, size=8, header=ENTRY_HEADER)
    else:
        _para(doc, "尚无填报数据。", size=9.5, colour=MUTED)
    _para(doc)


def _quote(doc: DocxDocument, text: str) -> None:
    """The plan's own words, set off with a rule and a tint, as the PDF and the detail pane show them."""
    p = doc.add_paragraph()
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for attr, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "6"), ("w:color", "B8B8B8")):
        left.set(qn(attr), value)
    borders.append(left)
    ppr.append(borders)
    shd = OxmlElement("w:shd")
    for attr, value in (("w:val", "clear"), ("w:color", "auto"), ("w:fill", "F4F4F4")):
        shd.set(qn(attr), value)
    ppr.append(shd)
    p.paragraph_format.left_indent = Mm(4)
    p.paragraph_format.space_before = Pt(4)
    _run(p, "原文：", bold=True, size=9.5)
    _run(p, f"“{text}”", size=9.5)
