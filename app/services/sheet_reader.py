"""Reading returned fill-in files: .xlsx with python-calamine (fast, cached formula values), .csv in UTF-8 (with
or without BOM), UTF-16 or GB18030. Whatever the file, the columns are found by their header names, so renamed
or reordered columns, a title above the header and merged cells all still work.

A file is checked before anything in it is trusted: its size, for an .xlsx the zip's declared uncompressed
size (a zip bomb renamed .xlsx is refused before it is unpacked), and the size of each sheet. Every refusal is an
``ImportFileError`` with a Chinese message that names the file and says what to do.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import cast

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from app.domain.errors import DomainError

Cell = int | float | str | bool | time | date | datetime | timedelta | None

MAX_FILE_BYTES = 50 * 1024 * 1024  # a 100,000-row sheet is about 5 MB; 50 MB is far beyond any real return
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # what the zip may unpack to; sheets compress about 10:1
MAX_ZIP_MEMBERS = 5_000
MAX_CELLS = 20_000_000  # rows × columns of one sheet, as calamine lays it out
MAX_COLUMNS = 500
HEADER_SCAN_ROWS = 30
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls, and any password-protected Excel file

# Field → header names. Matching ignores spaces, width, case and anything in brackets, so "数值（亿元）" is 数值.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "identity": ("编号（勿改）", "编号", "指标编号", "校验码", "识别码", "id"),
    "plan": ("政策文件", "文件", "文件名称", "政策", "计划", "行动计划"),
    "target": ("指标", "指标名称", "指标名", "目标名称", "考核指标"),
    "unit": ("单位", "计量单位", "指标单位"),
    "value_type": ("数值类型", "数据类型", "口径"),
    "period": ("报告期", "报告时期", "填报期", "统计期", "报告期间", "期间", "时期", "统计时间", "报告时间"),
    "value": ("数值", "本期数值", "填报值", "填报数值", "完成值", "实际值", "数据", "本期值", "值"),
    "source": ("来源", "数据来源", "资料来源"),
    "note": ("备注", "说明", "附注"),
    "reporter": ("填报人", "联系人", "报送人"),
}
FIELD_LABELS = {
    "identity": "编号",
    "plan": "政策文件",
    "target": "指标",
    "unit": "单位",
    "value_type": "数值类型",
    "period": "报告期",
    "value": "数值",
    "source": "来源",
    "note": "备注",
    "reporter": "填报人",
}
# Context columns that contain an alias but are never read ("上次报告期" is not the 报告期 to import).
_IGNORED_PREFIXES = ("上次", "上期", "以前", "目标", "截止", "责任单位", "填报单位", "报送单位", "序号")


class ImportFileError(DomainError):
    """A whole file that cannot be imported (too big, not a spreadsheet, no header …); nothing is read from it."""


@dataclass(frozen=True, slots=True)
class SheetTable:
    """The rows of one sheet under its header, with each field's column."""

    file_name: str
    sheet: str  # the sheet's name; for a .csv the file name
    header_row: int  # 1-based, as Excel numbers rows
    columns: dict[str, int]  # field → 0-based column
    headers: dict[str, str]  # field → the header text as written
    rows: list[tuple[int, list[Cell]]]  # (1-based row number, cells), empty rows left out

    def ref(self, field: str, row: int) -> str:
        """ "填报!K12": the cell of ``field`` in ``row`` (the row itself when the field has no column)."""
        col = self.columns.get(field)
        return f"{self.sheet}!{column_letter(col) if col is not None else ''}{row}"


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    name: str
    sha256: str
    size: int
    tables: tuple[SheetTable, ...] = field(default_factory=tuple)

    @property
    def rows(self) -> int:
        return sum(len(t.rows) for t in self.tables)


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _norm(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = re.sub(r"[(\[【].*?[)\]】]", "", s)
    return re.sub(r"[\s*:]+", "", s).casefold()


_EXACT = {_norm(alias): f for f, aliases in FIELD_ALIASES.items() for alias in aliases}
_FUZZY = sorted(
    ((_norm(a), f) for f, aliases in FIELD_ALIASES.items() for a in aliases if len(_norm(a)) >= 2),
    key=lambda pair: -len(pair[0]),
)


def map_header(cells: Sequence[Cell]) -> tuple[dict[str, int], dict[str, str]]:
    """Which column holds which field: exact names first, then names that contain one ("本期填报数值")."""
    columns: dict[str, int] = {}
    texts = [_norm(c) if isinstance(c, str) else "" for c in cells]
    for i, t in enumerate(texts):
        f = _EXACT.get(t)
        if f and f not in columns:
            columns[f] = i
    used = set(columns.values())
    for i, t in enumerate(texts):
        if not t or i in used or t in _EXACT or t.startswith(_IGNORED_PREFIXES):
            continue
        f = next((f for alias, f in _FUZZY if alias in t), None)
        if f and f not in columns:
            columns[f] = i
            used.add(i)
    return columns, {f: str(cells[i]).strip() for f, i in columns.items()}


def _usable(columns: dict[str, int]) -> bool:
    return "period" in columns and "value" in columns and ("identity" in columns or "target" in columns)


def _missing(columns: dict[str, int]) -> list[str]:
    needed = [f for f in ("period", "value") if f not in columns]
    if "identity" not in columns and "target" not in columns:
        needed.append("target")
    return [FIELD_LABELS[f] for f in needed]


def _blank(cell: Cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def find_table(file_name: str, sheet: str, grid: list[list[Cell]]) -> tuple[SheetTable | None, str]:
    """The table under the best header in the first rows; (None, why not) when there is none."""
    best: tuple[int, int, dict[str, int], dict[str, str]] | None = None
    for r, cells in enumerate(grid[:HEADER_SCAN_ROWS]):
        columns, headers = map_header(cells)
        score = len(columns) + (100 if _usable(columns) else 0)
        if columns and (best is None or score > best[0]):
            best = (score, r, columns, headers)
    if best is None:
        return None, f"工作表“{sheet}”前{HEADER_SCAN_ROWS}行中没有任何可识别的列名"
    _score, r, columns, headers = best
    if not _usable(columns):
        found = "、".join(FIELD_LABELS[f] for f in columns)
        return None, f"工作表“{sheet}”第{r + 1}行只认出了 {found}，缺少 {'、'.join(_missing(columns))} 列"
    rows = [(i + 1, cells) for i, cells in enumerate(grid) if i > r and not all(_blank(c) for c in cells)]
    return SheetTable(file_name, sheet, r + 1, columns, headers, rows), ""


# files ---------------------------------------------------------------------------------------------------


def read_source(path: Path | str) -> SourceFile:
    """Read one returned file; raises ImportFileError (nothing read) for anything that is not a usable sheet."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFileError(f"{name}：找不到文件 {path}") from None
    except OSError as exc:
        raise ImportFileError(f"{name}：无法读取（{exc.strerror or exc}）") from None
    if path.is_dir():
        raise ImportFileError(f"{name} 是文件夹，请选择 .xlsx 或 .csv 文件")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{name}：文件过大（{size / 1024 / 1024:.0f} MB，上限 {MAX_FILE_BYTES // 1024 // 1024} MB）。"
            "填报表通常不到 5 MB；请确认选对了文件，或把数据拆成几个文件导入"
        )
    if size == 0:
        raise ImportFileError(f"{name}：文件是空的")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"{name}：无法读取（{exc.strerror or exc}）") from None
    digest = hashlib.sha256(data).hexdigest()
    suffix = path.suffix.lower()
    if data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            f"{name}：这是旧版 .xls 或设置了打开密码的 Excel 文件，无法直接读取；"
            "请在 Excel 中另存为 .xlsx（不设密码）后再导入"
        )
    if suffix in (".xlsx", ".xlsm") or (suffix not in (".csv", ".txt") and data.startswith(b"PK")):
        grids = _xlsx_grids(name, data)
    elif suffix in (".csv", ".txt"):
        grids = [(name, _csv_grid(name, data))]
    else:
        raise ImportFileError(f"{name}：不支持的文件类型“{suffix or '无扩展名'}”，请导入 .xlsx 或 .csv 文件")
    tables, reasons = [], []
    for sheet, grid in grids:
        table, why = find_table(name, sheet, grid)
        if table is not None:
            tables.append(table)
        else:
            reasons.append(why)
    if not tables:
        raise ImportFileError(
            f"{name}：找不到填报表的表头。需要“报告期”“数值”两列，以及“指标”或“编号（勿改）”列"
            f"（{'；'.join(reasons) or '文件中没有工作表'}）。这可能不是本程序导出的填报模板，"
            "或是其他程序生成的表格；请用“填报模板”导出的文件填写"
        )
    return SourceFile(path, name, digest, size, tuple(tables))


def _check_zip(name: str, data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError):
        raise ImportFileError(
            f"{name}：不是有效的 Excel（.xlsx）文件，可能已损坏或是改了扩展名的其他文件"
        ) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise ImportFileError(
                f"{name}：压缩包内文件过多（{len(members)} 个），不是正常的 Excel 文件，已拒绝"
            )
        declared = sum(m.file_size for m in members)
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise ImportFileError(
                f"{name}：解压后将达 {declared / 1024 / 1024:.0f} MB（上限 {MAX_UNCOMPRESSED_BYTES // 1024 // 1024} MB），"
                "可能是“压缩炸弹”或损坏的文件，已拒绝读取"
            )
        if "xl/workbook.xml" not in {m.filename for m in members}:
            raise ImportFileError(
                f"{name}：是压缩文件，但不是 Excel 工作簿（.xlsx），可能是改了扩展名的其他文件"
            )


def _xlsx_grids(name: str, data: bytes) -> list[tuple[str, list[list[Cell]]]]:
    _check_zip(name, data)
    grids: list[tuple[str, list[list[Cell]]]] = []
    try:
        with CalamineWorkbook.from_filelike(io.BytesIO(data)) as wb:
            for meta in wb.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet or meta.visible != SheetVisibleEnum.Visible:
                    continue  # the template's hidden 选项 list, chart sheets, macro sheets
                sheet = wb.get_sheet_by_name(meta.name)
                if sheet.total_width > MAX_COLUMNS or sheet.total_height * sheet.total_width > MAX_CELLS:
                    raise ImportFileError(
                        f"{name}：工作表“{meta.name}”过大（{sheet.total_height} 行 × {sheet.total_width} 列），"
                        "不像是填报表；请删除多余的行列，或只保留填报数据后再导入"
                    )
                # Absolute positions (from A1) so cell references match what Excel shows.
                grid = cast(list[list[Cell]], sheet.to_python(skip_empty_area=False))
                _fill_merged(grid, sheet.merged_cell_ranges or [])
                grids.append((meta.name, grid))
    except CalamineError as exc:
        raise ImportFileError(f"{name}：Excel 文件内容无法读取，可能已损坏（{exc}）") from None
    return grids


def _fill_merged(grid: list[list[Cell]], ranges: Sequence[tuple[tuple[int, int], tuple[int, int]]]) -> None:
    """A merged block shows its value in every row it spans (a 来源 merged over three rows applies to each)."""
    for (r0, c0), (r1, c1) in ranges:
        if r0 >= len(grid) or c0 >= len(grid[r0]):
            continue
        value = grid[r0][c0]
        for r in range(r0, min(r1, len(grid) - 1) + 1):
            row = grid[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                row[c] = value


def _decode(name: str, data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        encodings = ["utf-8-sig"]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]  # Excel's "Unicode 文本"
    else:
        encodings = ["utf-8", "gb18030"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text or sum(not c.isprintable() and c not in "\r\n\t" for c in text[:4096]) > 8:
            break  # decodes, but is binary
        return text
    raise ImportFileError(
        f"{name}：不是可识别的文本表格（CSV）。文件可能是二进制文件、已损坏，或使用了无法识别的编码；"
        "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接导入 .xlsx"
    )


def _csv_grid(name: str, data: bytes) -> list[list[Cell]]:
    text = _decode(name, data)
    sample = text[:8192].splitlines()[:5]
    delimiter = max(",\t;", key=lambda d: sum(line.count(d) for line in sample))
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    except csv.Error as exc:
        raise ImportFileError(f"{name}：CSV 格式有误（{exc}）") from None
