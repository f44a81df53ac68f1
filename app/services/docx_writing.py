"""Writing Word files with python-docx: runs that name their East Asian font, tight table text, fixed-width grids
whose header row repeats, page set-up, fields, and pictures added in constant time. Qt-free.

Word picks a Latin font for Chinese text unless every style and run names its East Asian font (w:eastAsia), so
fonts are set explicitly everywhere.
"""

from __future__ import annotations

import copy
import functools
import re
import weakref
from collections.abc import Sequence
from typing import Any, cast

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.parts.image import ImagePart
from docx.section import Section
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from app.domain.status import BOLD_STATUSES, STATUS_BY_LABEL, STATUS_COLOURS, Status

FONT = "Microsoft YaHei"  # on Windows; Word and LibreOffice substitute an installed CJK face elsewhere
HEADER_FILL = "E7E6E6"
TABLE_TEXT = "TableText"  # a paragraph style of our own: tight spacing inside table cells
MUTED = "595959"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


# --- fonts and styles ---------------------------------------------------------------------------------------


def east_asian_fonts(rpr: Any) -> None:
    """Name the font for every script and drop theme fonts, which would otherwise win over the names."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(attr), FONT)


def set_styles(doc: DocxDocument) -> None:
    defaults: Any = doc.styles.element.find(qn("w:docDefaults"))
    default_rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    east_asian_fonts(default_rpr)
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
        east_asian_fonts(style.element.get_or_add_rPr())
        if name in sizes:
            style.font.size = Pt(sizes[name])
        if name.startswith(("Heading", "Title")):
            style.font.color.rgb = RGBColor.from_string("1F2D3D")


def clean_text(text: str) -> str:
    """Pasted text can hold control characters that XML (and so Word) refuses."""
    return _XML_ILLEGAL.sub("", text)


def add_run(
    p: Paragraph, text: str, *, bold: bool = False, size: float | None = None, colour: str | None = None
) -> Run:
    """A run with its fonts named; its properties are copied from a cached element, since building them
    through python-docx's setters costs most of the time of a long report."""
    r = OxmlElement("w:r")
    r.append(copy.deepcopy(run_properties(bold, size, colour)))
    if text:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = clean_text(text)
        r.append(t)
    p._p.append(r)
    return Run(cast(Any, r), p)


@functools.cache
def run_properties(bold: bool, size: float | None, colour: str | None) -> Any:
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


def status_run(p: Paragraph, status: Status, text: str | None = None, size: float | None = None) -> Run:
    return add_run(
        p, text or status.label, bold=status in BOLD_STATUSES, size=size, colour=STATUS_COLOURS[status][1]
    )


def add_para(doc: DocxDocument, text: str = "", style: str | None = None, **run_options: Any) -> Paragraph:
    p = doc.add_paragraph()
    if style:
        p._p.style = style  # a style id; python-docx's lookup by name is slow
    if text:
        add_run(p, text, **run_options)
    return p


# --- page set-up ----------------------------------------------------------------------------------------------


def set_page(section: Section, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.left_margin, section.right_margin = Mm(25), Mm(20)
    section.top_margin, section.bottom_margin = Mm(22), Mm(20)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)


def add_field(p: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES): Word fills in the number when it lays the pages out."""
    for kind in ("begin", "instr", "separate", "value", "end"):
        run = add_run(p, placeholder if kind == "value" else "", size=9, colour=MUTED)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif kind != "value":
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def new_section(doc: DocxDocument, *, landscape: bool) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    set_page(section, landscape=landscape)
    section.different_first_page_header_footer = False  # the cover's blank first page is for the cover only


# --- tables ---------------------------------------------------------------------------------------------------


def shade_cell(cell: _Cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def set_row_property(row: Any, tag: str) -> None:
    element = OxmlElement(tag)
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def add_table(
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
            set_row_property(row, "w:tblHeader")
        set_row_property(row, "w:cantSplit")
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
                shade_cell(cell, STATUS_COLOURS[status][0])
                status_run(p, status, size=size)
            elif is_header or c in label_columns:
                shade_cell(cell, HEADER_FILL)
                add_run(p, text, bold=True, size=size)
            else:
                add_run(p, text, size=size)
    return table


# --- pictures -------------------------------------------------------------------------------------------------


class _Pictures:
    """python-docx's ``add_picture`` searches the whole document for its largest id and hashes every earlier
    picture to find a duplicate: quadratic, 5 of the 8 seconds of a 200-target report. Report charts are never
    duplicates, so each picture gets the next id and a part of its own."""

    def __init__(self, doc: DocxDocument) -> None:
        self.part = doc.part
        self.next_id = doc.part.next_id  # one search, at the first picture
        self.count = len(doc.part.package.image_parts)

    def add(self, run: Run, png: bytes, width: Length) -> None:
        image = Image.from_blob(png)
        self.count += 1
        image_part = ImagePart.from_image(image, PackURI(f"/word/media/image{self.count}.{image.ext}"))
        self.part.package.image_parts.append(image_part)
        relation = self.part.relate_to(image_part, RELATIONSHIP_TYPE.IMAGE)
        cx, cy = image.scaled_dimensions(width, None)
        run._r.add_drawing(CT_Inline.new_pic_inline(self.next_id, relation, image.filename, cx, cy))
        self.next_id += 1


_pictures: weakref.WeakKeyDictionary[Any, _Pictures] = weakref.WeakKeyDictionary()


def add_picture(doc: DocxDocument, run: Run, png: bytes, width: Length) -> None:
    """Add a PNG to ``run`` at ``width`` (height to scale)."""
    pictures = _pictures.get(doc.part)
    if pictures is None:
        pictures = _pictures[doc.part] = _Pictures(doc)
    pictures.add(run, png, width)


def picture_size(png: bytes) -> tuple[int, int]:
    image = Image.from_blob(png)
    return image.px_width, image.px_height
