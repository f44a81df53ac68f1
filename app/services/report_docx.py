"""The progress report as a Word file: the same ReportContent as the PDF, but editable, so staff can adjust the
wording before it goes out. Qt-free; the charts arrive as PNG bytes drawn by the caller.

Word picks a Latin font for Chinese text unless every style and run names its East Asian font (w:eastAsia), so
fonts are set explicitly everywhere. The 12-column summary table gets a landscape section of its own: at a
readable 8 pt it does not fit a portrait A4 page; every other page is portrait.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt

from app.services.atomic_write import atomic_write
from app.services.docx_writing import (
    MUTED,
    add_field,
    add_para,
    add_picture,
    add_run,
    add_table,
    new_section,
    picture_size,
    set_page,
    set_styles,
    status_run,
)
from app.services.report_content import (
    BEHIND_LEAD,
    EMPTY_ADVICE,
    OTHERS_LEAD,
    ReportContent,
    TargetBlock,
    basis_note,
)

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


def write_docx(
    content: ReportContent, path: Path | str, images: Mapping[str | int, bytes] | None = None
) -> Path:
    """Write the report to ``path``; ``images`` are PNGs keyed "overview", "bullet" or a target id."""
    doc = build_document(content, images or {})
    return atomic_write(path, lambda partial: doc.save(str(partial)))


def build_document(content: ReportContent, images: Mapping[str | int, bytes]) -> DocxDocument:
    doc = Document()
    _properties(doc, content)
    set_styles(doc)
    first = doc.sections[0]
    set_page(first, landscape=False)
    first.different_first_page_header_footer = True  # the cover carries no page number
    _header_footer(first, content)
    _cover(doc, content)
    if content.empty:
        add_para(doc, "没有可报告的指标", style="Heading1")
        add_para(doc, content.headline)
        add_para(
            doc,
            f"报告范围：{content.scope}。{EMPTY_ADVICE}",
            colour=MUTED,
        )
        return doc
    _summary(doc, content, images)
    _summary_table(doc, content)
    # 三 opens the portrait section that follows the landscape table, so it is on a new page already.
    _blocks(doc, "三、滞后与逾期指标", content.behind_blocks, images, BEHIND_LEAD, new_page=False)
    _blocks(doc, "四、其他指标", content.other_blocks, images, OTHERS_LEAD)
    return doc


def _header_footer(section: Section, content: ReportContent) -> None:
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    add_run(header, "　".join(x for x in (content.title, content.issuer) if x), size=9, colour=MUTED)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(footer, f"截至{_cn_date(content.as_of)}　　第 ", size=9, colour=MUTED)
    add_field(footer, "PAGE", "1")
    add_run(footer, " 页，共 ", size=9, colour=MUTED)
    add_field(footer, "NUMPAGES", "1")
    add_run(footer, " 页", size=9, colour=MUTED)


def _cn_date(d: date) -> str:
    return f"{d:%Y年%m月%d日}"  # as the headline and the PDF write it


# --- the report's parts ---------------------------------------------------------------------------------------


def _properties(doc: DocxDocument, content: ReportContent) -> None:
    """File → Properties shows the report, not python-docx's template (author "python-docx", dated 2013)."""
    props = doc.core_properties
    props.title = content.title
    props.author = props.last_modified_by = content.issuer or "政策目标进度跟踪"
    props.subject = f"截至{_cn_date(content.as_of)}"
    props.comments = f"报告范围：{content.scope}"
    props.keywords = ""
    generated = datetime.combine(content.generated_on, datetime.min.time())
    props.created = props.modified = generated
    props.revision = 1


def _cover(doc: DocxDocument, content: ReportContent) -> None:
    for _ in range(6):
        add_para(doc)
    title = add_para(doc, content.title, style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if content.issuer:
        add_para(doc, content.issuer, size=16).alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_para(doc)
    for line in (
        f"数据截至：{_cn_date(content.as_of)}",
        f"生成日期：{_cn_date(content.generated_on)}",
        f"报告范围：{content.scope}",
    ):
        add_para(doc, line, size=12).alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(doc.paragraphs[-1], "").add_break(WD_BREAK.PAGE)


def _picture(doc: DocxDocument, png: bytes | None, width_mm: float, caption: str) -> None:
    if not png:
        return
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.keep_with_next = True
    px_width, px_height = picture_size(png)
    height_mm = width_mm * px_height / max(px_width, 1)
    if height_mm > MAX_PICTURE_HEIGHT_MM:  # a tall chart (many bars) must still fit one page with its caption
        width_mm *= MAX_PICTURE_HEIGHT_MM / height_mm
    add_picture(doc, add_run(p, ""), png, Mm(width_mm))
    add_para(doc, caption, size=9, colour=MUTED).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _summary(doc: DocxDocument, content: ReportContent, images: Mapping[str | int, bytes]) -> None:
    add_para(doc, "一、总体情况", style="Heading1")
    add_para(doc, content.headline)
    statuses = list(content.counts)
    add_para(doc, "各状态指标数（个）", size=9, colour=MUTED).paragraph_format.keep_with_next = True
    add_table(
        doc,
        [[str(content.counts[s]) for s in statuses] + [str(sum(content.counts.values()))]],
        [PORTRAIT_TEXT_MM / (len(statuses) + 1)] * (len(statuses) + 1),
        size=9,
        header=[s.label for s in statuses] + ["合计"],
        centred=True,
    )
    add_para(doc)
    _picture(doc, images.get("overview"), 160, "图：各政策文件指标状态")
    _picture(doc, images.get("bullet"), 160, "图：完成率与时序进度")


def _summary_table(doc: DocxDocument, content: ReportContent) -> None:
    new_section(doc, landscape=True)
    add_para(doc, "二、指标汇总", style="Heading1")
    add_para(
        doc,
        basis_note(content),
        size=9,
        colour=MUTED,
    )
    rows = [[record.get(key, "") or "—" for key, _ in content.columns] for record in content.summary]
    keys = [key for key, _ in content.columns]
    widths: list[float] = [SUMMARY_WIDTHS_MM.get(key, 20) for key in keys]
    widths = [w * LANDSCAPE_TEXT_MM / sum(widths) for w in widths]
    numeric = frozenset(i for i, key in enumerate(keys) if key in NUMERIC_KEYS)
    header = [label for _, label in content.columns]
    add_table(doc, rows, widths, size=8, header=header, right_columns=numeric)
    add_para(
        doc,
        "注：完成率 =（最新值 − 基期值）/（目标值 − 基期值）；进度差 = 完成率 − 时序进度，单位为百分点；"
        "“年化”表示按部分年度数据折算为全年。",
        size=8,
        colour=MUTED,
    )
    new_section(doc, landscape=False)


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
    add_para(doc, heading, style="Heading1").paragraph_format.page_break_before = new_page
    add_para(doc, lead, size=9, colour=MUTED)
    if not blocks:
        add_para(doc, "无。", colour=MUTED)
    for block in blocks:
        _block(doc, block, images.get(block.target_id) or images.get(str(block.target_id)))


def _block(doc: DocxDocument, block: TargetBlock, png: bytes | None) -> None:
    heading = add_para(doc, style="Heading2")
    add_run(heading, block.name + "　")
    status_run(heading, block.status, f"【{block.status.label}】")
    facts = [item for pair in block.facts for item in pair]
    facts += [""] * (-len(facts) % 4)
    rows = [facts[i : i + 4] for i in range(0, len(facts), 4)]
    add_table(doc, rows, FACT_WIDTHS_MM, size=9, label_columns=frozenset({0, 2}))
    if block.source_quote:
        _quote(doc, block.source_quote)
    if block.notes:
        add_para(doc, "说明", bold=True, size=10)
        for note in block.notes:
            add_para(doc, note, style="ListBullet", size=9.5)
    _picture(doc, png, 150, f"图：{block.name}进度轨迹")
    if block.entries:
        label = f"最近填报（{len(block.entries)}条，最新在前）"
        add_para(doc, label, bold=True, size=10).paragraph_format.keep_with_next = True
        rows = [[e.period, e.value, e.value_type, e.source, e.note] for e in block.entries]
        add_table(doc, rows, ENTRY_WIDTHS_MM, size=8, header=ENTRY_HEADER)
    else:
        add_para(doc, "尚无填报数据。", size=9.5, colour=MUTED)
    add_para(doc)


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
    add_run(p, "原文：", bold=True, size=9.5)
    add_run(p, f"“{text}”", size=9.5)
