"""``ptt lock PATH --period 2025年6月``, ``ptt unlock PATH --period …`` and ``ptt locks PATH``: locked reporting
periods (锁定报告期). Figures whose period ends inside a locked range cannot be added, changed or deleted until it
is unlocked; both acts are in the audit trail.

Exit codes as in ``app.cli``: 0 done, 1 a data problem (already locked, not locked, bad period, read-only file).
"""

from __future__ import annotations

import argparse
import json

from app.cli_backup import daily_backup
from app.domain.formatting import display_width
from app.services.editing import Editor
from app.services.period_locks import parse_lock_period
from app.services.workspace import Workspace
from app.storage.file_records import PeriodLock

EXIT_OK = 0
PERIOD_HELP = "报告期，如 2025年6月、2025年第二季度、2025年上半年、2025年1-6月"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("lock", help="锁定报告期：其中的填报不能再添加、修改或删除")
    p.add_argument("path")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.add_argument("--note", default="", help="备注，如 审核通过的报告名称")
    p.set_defaults(func=cmd_lock)

    p = sub.add_parser("unlock", help="解锁报告期（须与锁定时的报告期相同）")
    p.add_argument("path")
    p.add_argument("--period", required=True, help=PERIOD_HELP)
    p.set_defaults(func=cmd_unlock)

    p = sub.add_parser("locks", help="列出已锁定的报告期")
    p.add_argument("path")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_locks)


def _span(lock: PeriodLock) -> str:
    return f"{lock.period.start:%Y-%m-%d} 至 {lock.period.end:%Y-%m-%d}"


def cmd_lock(args: argparse.Namespace) -> int:
    period = parse_lock_period(args.period)
    with Workspace.open(args.path) as ws:
        daily_backup(ws)  # like every write command: the day's backup first
        lock = Editor(ws).lock_period(period, args.note)
    print(
        f"已锁定报告期 {lock.period.label}（{_span(lock)}）：截止日期在此范围内的填报不能再添加、修改或删除"
    )
    return EXIT_OK


def cmd_unlock(args: argparse.Namespace) -> int:
    period = parse_lock_period(args.period)
    with Workspace.open(args.path) as ws:
        daily_backup(ws)  # like every write command: the day's backup first
        lock = Editor(ws).unlock_period(period)
    print(
        f"已解锁报告期 {lock.period.label}（原由 {lock.locked_by} 于 {lock.locked_at:%Y-%m-%d %H:%M} 锁定）"
    )
    return EXIT_OK


def cmd_locks(args: argparse.Namespace) -> int:
    with Workspace.open(args.path, read_only=True) as ws:
        locks = Editor(ws).locks()
    if args.format == "json":
        records = [
            {
                "period": lock.period.label,
                "start": lock.period.start.isoformat(),
                "end": lock.period.end.isoformat(),
                "locked_by": lock.locked_by,
                "machine": lock.machine,
                "locked_at": lock.locked_at.isoformat(timespec="seconds"),
                "note": lock.note,
            }
            for lock in locks
        ]
        print(json.dumps({"file": str(args.path), "locks": records}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not locks:
        print("没有锁定的报告期")
        return EXIT_OK
    headers = ["报告期", "范围", "锁定人", "锁定时间", "备注"]
    rows = [
        [
            lock.period.label,
            _span(lock),
            f"{lock.locked_by}（{lock.machine}）",
            f"{lock.locked_at:%Y-%m-%d %H:%M}",
            lock.note,
        ]
        for lock in locks
    ]
    widths = [max(display_width(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for r in [headers, ["-" * w for w in widths], *rows]:
        print("  ".join(c + " " * (w - display_width(c)) for c, w in zip(r, widths, strict=True)).rstrip())
    return EXIT_OK
