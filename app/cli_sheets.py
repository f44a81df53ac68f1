"""CLI commands for fill-in sheets: ``template`` (export), ``import`` (preview, then commit) and ``reporting``
(报送情况). Registered into app.cli's parser by ``register``; errors reach app.cli.main, which prints them.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from app.cli_backup import daily_backup
from app.domain.errors import DomainError
from app.domain.formatting import abbreviate, display_width
from app.domain.periods import Period, parse_deadline, parse_period
from app.services.fill_template import DEFAULT_MAX_PERIODS, write_template, write_unit_templates
from app.services.reporting_status import (
    COLUMNS as REPORTING_COLUMNS,
)
from app.services.reporting_status import (
    DEFAULT_DUE_DAYS,
    UNIT_COLUMNS,
    reporting_json,
    reporting_status,
    row_record,
    unit_record,
)
from app.services.sheet_import import FileState, ImportPreview, RowStatus, commit_import, preview_import
from app.services.workspace import Workspace

EXIT_OK, EXIT_DATA = 0, 1
TABLE_ROW_LIMIT = 200  # above this, the import table lists only the rows that need attention
IMPORT_COLUMNS = (
    ("cell", "位置"),
    ("status_label", "状态"),
    ("target", "指标"),
    ("period", "报告期"),
    ("value", "数值"),
    ("reason", "说明"),
)


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        try:
            return parse_deadline(text, field="日期")
        except DomainError:
            raise argparse.ArgumentTypeError(f"无法识别日期“{text}”，请写成 2025-06-30") from None


def _period_arg(text: str) -> Period:
    try:
        return parse_period(text, field="--period")
    except DomainError as exc:
        raise argparse.ArgumentTypeError(exc.message) from None


def table(
    columns: Sequence[tuple[str, str]],
    records: Sequence[dict[str, Any]],
    widths: dict[str, int] | None = None,
) -> str:
    """A plain-text table lined up for Chinese (wide characters count twice); long cells are abbreviated."""
    limits = widths or {}
    headers = [h for _, h in columns]
    cells = [[abbreviate(str(r[k]), limits.get(k, 60)) for k, _ in columns] for r in records]
    sizes = [max([display_width(h)] + [display_width(c[i]) for c in cells]) for i, h in enumerate(headers)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v + " " * (w - display_width(v)) for v, w in zip(values, sizes, strict=True)
        ).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in sizes), *(line(c) for c in cells)])


# template ------------------------------------------------------------------------------------------------


def cmd_template(args: argparse.Namespace) -> int:
    out = Path(args.out)
    with Workspace.open(args.path, read_only=True) as ws:
        options = {"as_of_date": args.as_of, "frequency": args.frequency, "max_periods": args.max_periods}
        if out.is_dir():
            if args.unit:
                out = out / f"填报模板_{args.unit}.xlsx"
                results = [write_template(ws, out, unit=args.unit, **options)]
            else:
                results = write_unit_templates(ws, out, **options)
        else:
            results = [write_template(ws, out, unit=args.unit, **options)]
    for r in results:
        print(
            f"已生成填报模板：{r.path}（{r.unit or '全部责任单位'}，{r.targets} 个指标，{len(r.rows)} 行，截至 {r.as_of:%Y-%m-%d}）"
        )
    return EXIT_OK


# import --------------------------------------------------------------------------------------------------


def _print_preview(preview: ImportPreview) -> None:
    for f in preview.files:
        note = f"：{f.message}" if f.message else f"（{f.rows} 行，工作表 {'、'.join(f.sheets)}）"
        print(f"{f.name} {f.state.label}{note}")
    records = [r.record() for r in preview.rows]
    if len(records) > TABLE_ROW_LIMIT:
        shown = [r for r in records if r["status"] in (RowStatus.ERROR.value, RowStatus.WARNING.value)]
        print(f"共 {len(records)} 行，下表只列出错误和警告（{len(shown)} 行）；完整结果请用 --format json")
        records = shown
    if records:
        print()
        print(table(IMPORT_COLUMNS, records, {"target": 24, "period": 18, "value": 16, "reason": 90}))
    print()
    print(preview.summary)


def cmd_import(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=args.dry_run) as ws:
        preview = preview_import(ws, args.files, as_of_date=args.as_of)
        blocked = preview.has_errors and not args.skip_bad_rows
        result = None
        if not args.dry_run and not blocked:
            daily_backup(ws)
            result = commit_import(ws, preview, accept_warnings=not args.no_warnings)
    if args.format == "json":
        out = {
            "files": [f.record() for f in preview.files],
            "counts": {s.value: n for s, n in preview.counts().items()},
            "rows": [r.record() for r in preview.rows],
            "dry_run": args.dry_run,
            "committed": bool(result and result.added),
            "added": len(result.added) if result else 0,
            "message": result.message if result else "",
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print_preview(preview)
        if args.dry_run:
            print("试运行（--dry-run）：未写入任何数据")
        elif blocked:
            print("有错误，未写入任何数据：请改正后重新导入，或用 --skip-bad-rows 只导入没有错误的行")
        elif result is not None:
            print(result.message)
    if args.dry_run or blocked:
        return EXIT_DATA if preview.has_errors else EXIT_OK
    return EXIT_OK


# reporting -----------------------------------------------------------------------------------------------


def cmd_reporting(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        status = reporting_status(ws, args.period, due_days=args.due_days, today=args.today)
    if args.format == "json":
        print(json.dumps(reporting_json(status), ensure_ascii=False, indent=2))
        return EXIT_OK
    counts = status.counts()
    print(f"报送情况：{status.period.label}  报送截止 {status.due:%Y-%m-%d}（期末后 {status.due_days} 天）")
    print(" · ".join(f"{s.label} {n}" for s, n in counts.items()))
    print()
    print(table(UNIT_COLUMNS, [unit_record(u) for u in status.units]))
    print()
    print(table(REPORTING_COLUMNS, [row_record(r) for r in status.rows], {"plan": 24, "target": 24}))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add template, import and reporting to app.cli's subcommands."""
    p = sub.add_parser("template", help="导出填报模板（.xlsx，按责任单位）")
    p.add_argument("path", help="数据文件")
    p.add_argument("--out", required=True, help="输出 .xlsx 文件；给出已有文件夹时每个责任单位一个文件")
    p.add_argument("--unit", help="只含此责任单位（默认全部）")
    p.add_argument("--as-of", type=_date_arg, help="截至日期，如 2025-07-31（默认今天）")
    p.add_argument(
        "--frequency", choices=["quarter", "month"], default="quarter", help="报送频率（默认按季度）"
    )
    p.add_argument(
        "--max-periods", type=int, default=DEFAULT_MAX_PERIODS, help="每个指标最多列出几个未填报的报告期"
    )
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("import", help="导入交回的填报表（.xlsx / .csv，可多个）：先检查，无错误才写入")
    p.add_argument("path", help="数据文件")
    p.add_argument("files", nargs="+", help="填报表文件")
    p.add_argument("--dry-run", action="store_true", help="只检查并显示结果，不写入")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.add_argument("--as-of", type=_date_arg, help="检查“报告期尚未结束”所用的日期（默认今天）")
    p.add_argument("--skip-bad-rows", action="store_true", help="有错误时仍导入没有错误的行")
    p.add_argument("--no-warnings", action="store_true", help="不导入有警告的行（默认导入）")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("reporting", help="报送情况：某报告期各责任单位是否按时报送")
    p.add_argument("path", help="数据文件")
    p.add_argument("--period", required=True, type=_period_arg, help="报告期，如 2025年6月、2025年第二季度")
    p.add_argument("--due-days", type=int, default=DEFAULT_DUE_DAYS, help="报送截止为期末后几天（默认 10）")
    p.add_argument("--today", type=_date_arg, help="判断“待报送/未报送”所用的日期（默认今天）")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_reporting)


__all__ = ["FileState", "register"]
