"""``ptt extract FILE``: candidate targets and progress values read out of a policy text (.txt / .docx).

Exit codes as in ``app.cli``: 0 candidates printed, 1 a data problem (unreadable file, no figure found),
2 a usage error (argparse: a bad --date).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from app.domain.errors import DomainError
from app.domain.formatting import abbreviate, display_width
from app.services.extraction import Candidate, extract
from app.services.extraction.documents import read_document

EXIT_OK, EXIT_DATA = 0, 1
COLUMNS = (
    ("类型", 4),
    ("指标", 36),
    ("比较", 4),
    ("数值", 14),
    ("单位", 10),
    ("约数", 4),
    ("修饰", 4),
    ("截止时间", 10),
    ("报告期", 16),
    ("原文", 40),
)
KIND_LABELS = {"target": "目标", "progress": "进度"}


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"无法识别日期“{text}”，请写成 2024-10-23") from None


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("extract", help="从政策文本（.txt/.docx）中识别候选目标与进度数值")
    p.add_argument("file", help="文本文件（UTF-8 或 GBK）或 Word 文档（.docx）")
    p.add_argument(
        "--date",
        type=_iso_date,
        help="文件日期，如 2024-10-23：用于“今年/去年”和不带年份的报告期（默认取文中第一个完整日期）",
    )
    p.add_argument("--plan-start", type=_iso_date, help="实施期开始，如 2024-01-01：用于“用3年左右时间”")
    p.add_argument("--format", choices=["json", "table"], default="json")
    p.set_defaults(func=cmd_extract)


def cmd_extract(args: argparse.Namespace) -> int:
    text = read_document(args.file)
    found = extract(text, document_date=args.date, plan_start=args.plan_start)
    if not found:
        raise DomainError(
            "未在文件中识别到目标或进度数值（需要“到2026年…突破500亿元”“前三季度实现产值257亿元”这样带数值和"
            "单位的句子）",
            field="文件",
        )
    if args.format == "json":
        print(json.dumps([c.to_json() for c in found], ensure_ascii=False, indent=2))
    else:
        print(render(found))
        print(
            f"\n共 {len(found)} 条候选（目标 {sum(c.kind == 'target' for c in found)} 条）", file=sys.stderr
        )
    return EXIT_OK


def _cells(c: Candidate) -> list[str]:
    record = c.to_json()
    value = record["value"] if c.value_max is None else f"{record['value']}-{record['value_max']}"
    return [
        KIND_LABELS[c.kind],
        c.indicator or "（未识别）",
        c.comparator,
        value,
        c.unit,
        "约" if c.approx else "",
        c.hedge,
        c.deadline or "",
        c.period or "",
        c.quote,
    ]


def render(found: list[Candidate]) -> str:
    """An aligned table for a terminal: wide characters count double, long cells end in "…"."""
    rows = [
        [abbreviate(cell, width) for cell, (_, width) in zip(_cells(c), COLUMNS, strict=True)] for c in found
    ]
    widths = [
        max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, (h, _) in enumerate(COLUMNS)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    return "\n".join([line([h for h, _ in COLUMNS]), "  ".join("-" * w for w in widths), *map(line, rows)])
