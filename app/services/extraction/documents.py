"""Reading a policy document into plain text: .txt in UTF-8 (with or without BOM), UTF-16 or GB18030, and
.docx paragraphs and tables in document order. Anything else — binary garbage, a renamed file, a zip bomb,
a file too large to be a policy text — is refused with a DomainError that says what to do instead.
"""

from __future__ import annotations

import codecs
import zipfile
from pathlib import Path

from app.domain.errors import DomainError

FIELD = "文件"
MAX_BYTES = 20 * 1024 * 1024  # far above any policy document; a bigger file is not one
MAX_CHARS = 2_000_000  # about a thousand pages of Chinese: extraction stays within seconds
MAX_UNPACKED = 100 * 1024 * 1024  # a .docx whose parts unpack to more than this is refused unread
TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ""})
_CONTROL_OK = frozenset("\t\n\r\f\v\x1a")


def read_document(path: Path | str) -> str:
    """The document's text; raises DomainError (field "文件") with a Chinese message when it cannot."""
    path = Path(path)
    if not path.is_file():
        raise DomainError(f"找不到文件“{path}”", field=FIELD)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DomainError(
            f"“{path.name}”有 {size // (1024 * 1024)} MB，超过 {MAX_BYTES // (1024 * 1024)} MB，不像是政策文本；"
            "请只保存需要识别的部分",
            field=FIELD,
        )
    suffix = path.suffix.lower()
    if suffix == ".docx":
        text = _docx_text(path)
    elif suffix in TEXT_SUFFIXES:
        text = decode_text(path.read_bytes(), path.name)
    else:
        raise DomainError(
            f"不支持“{path.suffix}”文件：请把文档另存为 .txt（UTF-8 或 GBK）或 .docx 后再识别", field=FIELD
        )
    if len(text) > MAX_CHARS:
        raise DomainError(f"“{path.name}”的文字超过 {MAX_CHARS} 字，请拆分后分别识别", field=FIELD)
    return text


def decode_text(data: bytes, name: str = "文件") -> str:
    """UTF-8 (BOM or not), UTF-16 with a BOM, else GB18030; refuse bytes that are no text at all."""
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_binary(text):
            break
        return text
    raise DomainError(
        f"“{name}”不是可识别的文本文件（编码应为 UTF-8 或 GBK/GB18030）；Word 文档请保存为 .docx", field=FIELD
    )


def _looks_binary(text: str) -> bool:
    """NUL or many control characters: a binary file that happened to decode."""
    if "\x00" in text:
        return True
    sample = text[:100_000]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in _CONTROL_OK)
    return controls > max(3, len(sample) // 200)


def _docx_text(path: Path) -> str:
    _check_zip(path)
    from docx import Document  # imported here: only .docx needs it
    from docx.opc.exceptions import OpcError
    from docx.table import Table

    try:
        document = Document(str(path))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except (OpcError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DomainError(f"“{path.name}”不是有效的 Word（.docx）文件：{exc}", field=FIELD) from None
    except Exception as exc:  # lxml's XMLSyntaxError and kin: a damaged document, never a crash
        raise DomainError(f"“{path.name}”已损坏，无法读取（{type(exc).__name__}）", field=FIELD) from None
    return "\n".join(lines)


def _table_lines(table: object) -> list[str]:
    """One line per cell, merged cells once: a target table reads as its sentences."""
    from docx.table import Table

    assert isinstance(table, Table)
    lines: list[str] = []
    for row in table.rows:
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:  # a merged cell appears once per grid column it spans
                lines.append(cell.text)
            previous = cell._tc
    return lines


def _check_zip(path: Path) -> None:
    """A .docx is a zip: refuse a renamed file or one that would unpack to something huge before reading."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise DomainError(
            f"“{path.name}”不是有效的 Word（.docx）文件（{exc}）；旧版 .doc 请先另存为 .docx", field=FIELD
        ) from None
    unpacked = sum(i.file_size for i in infos)
    if unpacked > MAX_UNPACKED:
        raise DomainError(
            f"“{path.name}”解压后超过 {MAX_UNPACKED // (1024 * 1024)} MB，不像是政策文件，未读取", field=FIELD
        )
