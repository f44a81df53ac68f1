"""``ptt backup``, ``ptt restore`` and ``ptt audit``: a consistent copy now, putting a backup back, and the audit
log for people. The automatic backups are described in ``app.services.backups``.

Exit codes as in ``app.cli``: 0 ok, 1 a data problem, 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.domain.formatting import display_width
from app.services.audit_export import export_audit
from app.services.backups import (
    BackupError,
    BackupInfo,
    backup_folder,
    latest_good_backup,
    list_backups,
    maybe_backup,
    restore_backup,
)
from app.services.workspace import Workspace
from app.storage.backup_files import copy_problems
from app.storage.database import first_problems

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="立即备份数据文件（一致的副本，打开中也可以）")
    p.add_argument("path")
    p.add_argument("--out", required=True, help="备份写到这个文件，如 D:/备份/数据-0731.ptt.sqlite")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="列出自动备份，或用一个备份替换数据文件（先备份当前文件）")
    p.add_argument("path")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--from", dest="source", metavar="BACKUP", help="用这个备份文件恢复")
    source.add_argument("--latest", action="store_true", help="用最近一个通过完整性检查的自动备份恢复")
    source.add_argument("--list", action="store_true", help="只列出自动备份（不给选项时也是列出）")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("audit", help="导出审计记录（.xlsx 或 .csv）")
    p.add_argument("path")
    p.add_argument("--out", required=True, help="输出文件，扩展名决定格式：.xlsx 或 .csv")
    p.set_defaults(func=cmd_audit)


def daily_backup(ws: Workspace) -> None:
    """Before a write command changes the file: the day's automatic backup, if none was taken yet. A backup
    that fails is reported and the command goes on — the change itself is still safe in the file."""
    try:
        maybe_backup(ws)
    except BackupError as exc:
        print(f"警告：未能自动备份：{exc}", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.exists() and out.resolve() == Path(args.path).resolve():
        print("错误：--out 不能是数据文件本身", file=sys.stderr)
        return EXIT_USAGE
    with Workspace.open(args.path, read_only=True) as ws:  # read-only: a copy never changes the original
        ws.save_copy(out)
        counts = f"政策文件 {ws.plans.count()} 个，指标 {ws.targets.count()} 个，填报 {ws.entries.count()} 条"
    problems = copy_problems(out)
    if problems:
        out.unlink(missing_ok=True)
        print(
            f"错误：副本未通过完整性检查（{first_problems(problems)}），已删除；请用 check 检查原文件",
            file=sys.stderr,
        )
        return EXIT_DATA
    print(f"已备份到 {out}（{counts}，{out.stat().st_size:,} 字节，已通过完整性检查）")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.path)
    if args.source:
        chosen = Path(args.source)
        if not chosen.is_file():
            print(f"错误：找不到备份文件：{chosen}", file=sys.stderr)
            return EXIT_DATA
    elif args.latest:
        info = latest_good_backup(path)
        if info is None:
            print(
                f"错误：{path.name} 没有可用的自动备份（备份文件夹：{backup_folder(path)}）", file=sys.stderr
            )
            return EXIT_DATA
        chosen = info.path
    else:
        return _print_backups(path, hint=not args.list)
    result = restore_backup(chosen, path)
    print(f"已用 {result.restored_from} 恢复 {path}")
    if result.safety_backup is not None:
        print(f"恢复前的文件已保存为 {result.safety_backup}")
    return EXIT_OK


def _print_backups(path: Path, *, hint: bool) -> int:
    backups = list_backups(path)
    print(f"{path} 的备份（{backup_folder(path)}）：")
    if not backups:
        print("（还没有备份：以可写方式打开文件或修改数据时会自动备份）")
        return EXIT_OK
    print(render_backups(backups))
    if hint:
        print("\n要恢复，请加 --latest（最近一个完好的备份）或 --from 备份文件")
    return EXIT_OK


def render_backups(backups: list[BackupInfo]) -> str:
    headers = ("时间", "类型", "大小", "内容", "文件")
    rows = [
        (
            b.taken_at.strftime("%Y-%m-%d %H:%M:%S"),
            b.kind.label,
            f"{b.size / 1024:,.0f} KB",
            b.summary,
            b.path.name,
        )
        for b in backups
    ]
    widths = [max(display_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)
        ).rstrip()

    return "\n".join([line(headers), "  ".join("-" * w for w in widths), *(line(r) for r in rows)])


def cmd_audit(args: argparse.Namespace) -> int:
    if Path(args.out).suffix.lower() not in (".xlsx", ".csv"):
        print(f"用法错误：--out 的扩展名须为 .xlsx 或 .csv（收到“{args.out}”）", file=sys.stderr)
        return EXIT_USAGE
    with Workspace.open(args.path, read_only=True) as ws:
        result = export_audit(ws, args.out)
    print(result.message)
    if result.broken_at is not None:  # the export is still written: it is the evidence
        print(f"警告：审计记录链在第 {result.broken_at} 条断开；请用 check 检查", file=sys.stderr)
    return EXIT_OK
