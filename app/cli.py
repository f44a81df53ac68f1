"""Headless commands on the same services as the window: ``python -m app.cli COMMAND …`` or ``ptt COMMAND …``.

Exit codes: 0 ok, 1 a data problem (bad file, invalid input, a failed check), 2 a usage error.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from app import __version__, cli_backup, cli_extract, cli_locks, cli_sheets
from app.domain.errors import DomainError, ValidationError
from app.domain.formatting import display_width, format_amount
from app.domain.periods import parse_deadline
from app.domain.status import Status
from app.services.demo import create_demo_workspace
from app.services.editing import Editor
from app.services.integrity import audit_mismatches
from app.services.report_content import ReportFilter, build_report
from app.services.status_table import COLUMNS, status_json, status_record
from app.services.statuses import compute_statuses, status_counts
from app.services.text_input import TargetText, entry_from_text, plan_from_text, target_from_text
from app.services.workspace import Workspace
from app.storage.audit import first_broken_link
from app.storage.database import StorageError, integrity_problems
from app.storage.migrations import LATEST_VERSION
from app.storage.repositories import RecordNotFoundError

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


class UsageError(Exception):
    pass


def _as_of(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        try:
            return parse_deadline(text, field="--as-of")
        except DomainError as exc:
            raise UsageError(f"--as-of：无法识别日期“{text}”，请写成 2025-06-30") from exc


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def render_table(records: Sequence[dict[str, Any]]) -> str:
    headers = [h for _, h in COLUMNS]
    cells = [[str(r[k]) for k, _ in COLUMNS] for r in records]
    widths = [max([display_width(h)] + [display_width(c[i]) for c in cells]) for i, h in enumerate(headers)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)


def cmd_init(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if path.exists():
        print(f"{path} 已存在，未做任何修改（init 只创建新文件）", file=sys.stderr)
        return EXIT_DATA
    ws = create_demo_workspace(path) if args.demo else Workspace.open(path, create=True)
    with ws:
        print(f"已创建 {path}（数据库版本 {ws.schema_version}，{ws.targets.count()} 个指标）")
    return EXIT_OK


def cmd_status(args: argparse.Namespace) -> int:
    as_of = _as_of(args.as_of)
    with _reading_workspace(args) as ws:
        rows = compute_statuses(ws, as_of, recent_only=True)  # statuses only: no histories needed
        rows.sort(key=lambda r: (r.plan.id or 0, r.target.id or 0))
        if args.format == "json":
            out = {
                "as_of": as_of.isoformat(),
                "file": str(ws.path),
                "targets": [status_json(r) for r in rows],
            }
            print(json.dumps(out, ensure_ascii=False, indent=2))
        elif args.format == "csv":
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow([h for _, h in COLUMNS])
            for r in rows:
                writer.writerow(status_record(r).values())
            sys.stdout.write(buffer.getvalue())
        else:
            label = "（演示数据）" if ws.is_demo else ""
            print(f"{ws.path.name}{label}  截至 {as_of:%Y-%m-%d}  共 {len(rows)} 个指标")
            counts = status_counts(rows)
            print(" · ".join(f"{s.label} {n}" for s, n in counts.items() if n))
            print()
            print(render_table([status_record(r) for r in rows]))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        problems = integrity_problems(ws.db)
        broken = first_broken_link(ws.db)
        mismatches = audit_mismatches(ws) if not problems else []
        print(f"文件：{ws.path}")
        print(f"数据库版本：{ws.schema_version}（本程序支持到 {LATEST_VERSION}）")
        print(f"政策文件 {ws.plans.count()} 个，指标 {ws.targets.count()} 个，填报 {ws.entries.count()} 条")
        for problem in problems:
            print(f"完整性问题：{problem}")
        if broken is not None:
            print(f"审计记录链在第 {broken} 条断开：该条或其之前的记录在程序之外被改动过")
        for mismatch in mismatches:
            print(f"与审计记录不符：{mismatch}")
        if problems or broken is not None or mismatches:
            return EXIT_DATA
        print("检查通过：文件完整，审计记录链完整，数据与审计记录一致")
    return EXIT_OK


@contextlib.contextmanager
def _reading_workspace(args: argparse.Namespace) -> Iterator[Workspace]:
    """The demo (a fresh copy in a temporary folder) or the user's file, opened read-only."""
    if args.demo:
        with (
            tempfile.TemporaryDirectory(prefix="ptt-demo-") as folder,
            create_demo_workspace(Path(folder) / "demo.ptt.sqlite") as ws,
        ):
            yield ws
    elif args.path:
        with Workspace.open(args.path, read_only=True) as ws:
            yield ws
    else:
        raise UsageError("请给出数据文件路径，或使用 --demo 查看演示数据")


def _find(
    items: Sequence[T], key: str, label: str, name: Callable[[T], str], ident: Callable[[T], int | None]
) -> T:
    """A plan or target named by its number or its exact name; ambiguity is an error, never a guess."""
    matches = [i for i in items if str(ident(i)) == key] or [i for i in items if name(i) == key.strip()]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise DomainError(f"找不到{label}“{key}”：请用编号或完整名称（status --format json 可查编号）")
    raise DomainError(f"有 {len(matches)} 个{label}名为“{key}”，请改用编号")


def cmd_add_plan(args: argparse.Namespace) -> int:
    plan = plan_from_text(args.title, args.start, args.end, issuer=args.issuer, doc_number=args.doc_number)
    with Workspace.open(args.path) as ws:
        cli_backup.daily_backup(ws)
        saved = Editor(ws).add_plan(plan)
        print(f"已添加政策文件 {saved.id}：{saved.title}")
    return EXIT_OK


def cmd_add_target(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        cli_backup.daily_backup(ws)
        plan = _find(ws.plans.all(), args.plan, "政策文件", lambda p: p.title, lambda p: p.id)
        form = TargetText(
            name=args.name,
            kind=args.kind,
            unit=args.unit,
            target_value=args.target or "",
            deadline=args.deadline or "",
            comparator=args.comparator,
            baseline_value=args.baseline or "",
            baseline_date=args.baseline_date or "",
            category=args.category,
            responsible_unit=args.responsible,
            source_quote=args.quote,
        )
        saved = Editor(ws).add_target(target_from_text(plan.id or 0, form))
        print(f"已添加指标 {saved.id}：{saved.name}")
    return EXIT_OK


def cmd_add_entry(args: argparse.Namespace) -> int:
    with Workspace.open(args.path) as ws:
        cli_backup.daily_backup(ws)
        target = _find(ws.targets.all(), args.target, "指标", lambda t: t.name, lambda t: t.id)
        entry = entry_from_text(
            target, args.period, args.value, value_type=args.type, source=args.source, note=args.note
        )
        saved = Editor(ws).add_entry(entry)
        print(f"已填报 {target.name} {saved.period.label}：{format_amount(saved.value, saved.unit)}")
    return EXIT_OK


def _status_filter(text: str | None) -> frozenset[Status] | None:
    if not text:
        return None
    words = {s.label: s for s in Status} | {s.value: s for s in Status}
    chosen = [w.strip() for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip()]
    unknown = [w for w in chosen if w not in words]
    if unknown:
        raise UsageError(f"--status：不认识“{'、'.join(unknown)}”，可选 {'、'.join(s.label for s in Status)}")
    return frozenset(words[w] for w in chosen)


def cmd_report(args: argparse.Namespace) -> int:
    from app.reporting import report_format, write_report

    report_format(args.out)  # a wrong extension is found before any work
    report_filter = ReportFilter(plan=args.plan, unit=args.unit, statuses=_status_filter(args.status))
    issuer = args.issuer
    if issuer is None:  # as the window prints it: 设置 → 报告单位
        from app.ui.settings import saved_report_issuer

        issuer = saved_report_issuer()
    with _reading_workspace(args) as ws:
        content = build_report(
            ws, _as_of(args.as_of), title=args.title, issuer=issuer, report_filter=report_filter
        )
        reporting = None
        if args.reporting:
            from app.services.reporting_status import reporting_status

            reporting = reporting_status(ws, args.reporting, today=_as_of(args.as_of))
        written = write_report(content, Path(args.out), reporting=reporting)
    if content.empty:
        print(f"注意：没有符合条件的指标（{report_filter.describe()}），报告中已说明", file=sys.stderr)
    print(f"已生成报告：{written}（{len(content.rows)} 个指标，截至 {content.as_of:%Y-%m-%d}）")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ptt", description="政策目标进度跟踪 — 命令行")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="新建数据文件（--demo 写入演示数据）")
    p.add_argument("path")
    p.add_argument("--demo", action="store_true", help="写入演示数据")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("status", help="每个指标的完成率、时序进度、差距与状态")
    p.add_argument("path", nargs="?")
    p.add_argument("--demo", action="store_true", help="使用内置演示数据")
    p.add_argument("--as-of", help="截至日期，如 2025-06-30（默认今天）")
    p.add_argument("--format", choices=["table", "json", "csv"], default="table")
    p.set_defaults(func=cmd_status)

    p = sub.add_parser("add-plan", help="添加政策文件")
    p.add_argument("path")
    p.add_argument("--title", required=True, help="文件名称")
    p.add_argument("--start", required=True, help="实施期开始，如 2024-01-01")
    p.add_argument("--end", required=True, help="实施期结束，如 2026-12-31 或 2026年底")
    p.add_argument("--issuer", default="", help="发文单位")
    p.add_argument("--doc-number", default="", help="文号")
    p.set_defaults(func=cmd_add_plan)

    p = sub.add_parser("add-target", help="为政策文件添加指标")
    p.add_argument("path")
    p.add_argument("--plan", required=True, help="政策文件编号或完整名称")
    p.add_argument("--name", required=True, help="指标名称")
    p.add_argument("--kind", required=True, help="累计数/规模/年度流量/增速/占比/里程碑/监测指标（或英文名）")
    p.add_argument("--unit", required=True, help="单位，如 亿元、家、%%")
    p.add_argument("--target", help="目标值，如 500 或 500亿元")
    p.add_argument("--deadline", help="截止时间，如 2026-12-31 或 到2026年")
    p.add_argument("--comparator", default=">=", help="比较方式：>= > <= < = 或 以上/超过/突破/不高于 等")
    p.add_argument("--baseline", help="基期值")
    p.add_argument("--baseline-date", help="基期日期（默认实施期开始前一天）")
    p.add_argument("--category", default="", help="维度，如 产业规模")
    p.add_argument("--responsible", default="", help="责任单位")
    p.add_argument("--quote", default="", help="原文摘录")
    p.set_defaults(func=cmd_add_target)

    p = sub.add_parser("add-entry", help="填报一个进度数值")
    p.add_argument("path")
    p.add_argument("--target", required=True, help="指标编号或完整名称")
    p.add_argument("--period", required=True, help="报告期，如 2024年前三季度、2024年1-8月、截至2025年6月底")
    p.add_argument("--value", required=True, help="数值，可带单位，如 257亿元、1.35万亿元、6.9%%")
    p.add_argument("--type", default="", help="累计值/期间值/比率（默认按指标类型）")
    p.add_argument("--source", default="", help="来源")
    p.add_argument("--note", default="", help="备注")
    p.set_defaults(func=cmd_add_entry)

    p = sub.add_parser("report", help="生成进度报告（.pdf / .docx / .xlsx）")
    p.add_argument("path", nargs="?")
    p.add_argument("--demo", action="store_true", help="使用内置演示数据")
    p.add_argument("--out", required=True, help="输出文件，扩展名决定格式：.pdf、.docx 或 .xlsx")
    p.add_argument("--as-of", help="截至日期，如 2025-06-30（默认今天）")
    p.add_argument("--plan", help="只含此政策文件（编号或完整名称）")
    p.add_argument("--unit", help="只含此责任单位")
    p.add_argument("--status", help="只含这些状态，如 滞后,逾期")
    p.add_argument("--title", default="政策目标进度报告", help="报告标题")
    p.add_argument(
        "--issuer", default=None, help="报告单位（印在封面和页眉；不写时用窗口中 设置 → 报告单位 保存的）"
    )
    p.add_argument("--reporting", help="附报送情况表（仅 .xlsx），报告期如 2025年6月")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("check", help="检查文件完整性、数据库版本与审计记录链")
    p.add_argument("path")
    p.set_defaults(func=cmd_check)
    cli_sheets.register(sub)
    cli_extract.register(sub)
    cli_backup.register(sub)
    cli_locks.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdout()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"用法错误：{exc}", file=sys.stderr)
        return EXIT_USAGE
    except ValidationError as exc:
        print("错误：输入有误，未做任何修改", file=sys.stderr)
        for field, message in exc.problems:
            print(f"  {field}：{message}", file=sys.stderr)
        return EXIT_DATA
    except (StorageError, DomainError, FileExistsError, RecordNotFoundError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_DATA
    except sqlite3.DatabaseError as exc:  # damage found only when a page is read
        print(f"错误：数据文件已损坏，无法读取（{exc}）；请用 check 检查，或从备份恢复", file=sys.stderr)
        return EXIT_DATA


def _utf8_stdout() -> None:
    """Windows consoles default to a legacy code page; Chinese output must not crash the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    sys.exit(main())
