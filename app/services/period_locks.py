"""Locked reporting periods (锁定报告期): once a period's report is approved, its figures stay as approved.

A figure belongs to the report of the period it ends in, so locking 2025年6月 also holds 2025年1-6月, 第二季度,
上半年 and 截至2025年6月底; locking 2025年上半年 holds every figure that ends in January to June. Adding, changing,
deleting, importing or restoring (undo) such a figure is refused with ``PeriodLockedError`` until the period is
unlocked. Locking and unlocking go through ``Editor.lock_period`` / ``Editor.unlock_period`` (audited).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.domain.errors import DomainError, ValidationError
from app.domain.periods import Period, parse_period
from app.storage.file_records import PeriodLock

FIELD = "报告期"


class PeriodLockedError(ValidationError):
    """Figures in a locked reporting period were to be added, changed or deleted; nothing was saved."""


def parse_lock_period(text: str) -> Period:
    """The range to lock as people write it: "2025年6月", "2025年第二季度", "2025年上半年", "2025年1-6月"."""
    return parse_period(text, field=FIELD)


def covering(locks: Iterable[PeriodLock], period: Period) -> PeriodLock | None:
    return next((lock for lock in locks if lock.covers(period)), None)


def who_locked(lock: PeriodLock) -> str:
    """ "张三（PC-01）于 2025-07-05 10:00"."""
    who = f"{lock.locked_by}（{lock.machine}）" if lock.machine else f"{lock.locked_by} "
    return f"{who}于 {lock.locked_at:%Y-%m-%d %H:%M}"


def locked_message(lock: PeriodLock, period: Period, verb: str) -> str:
    """Why a figure for ``period`` cannot be (verb: 添加/修改/删除/导入/恢复), naming the lock and who set it."""
    if (lock.period.start, lock.period.end) == (period.start, period.end):
        return f"{period.label}已由 {who_locked(lock)} 锁定，不能{verb}该报告期的填报；如需更正，请先解锁"
    return (
        f"{period.label}属于已锁定的报告期 {lock.period.label}（{who_locked(lock)} 锁定），不能{verb}；"
        f"如需更正，请先解锁 {lock.period.label}"
    )


def refuse_locked(locks: Sequence[PeriodLock], periods: Sequence[Period], verb: str) -> None:
    """Raise ``PeriodLockedError`` naming every figure (第N行 when several) that falls in a locked period."""
    if not locks:
        return
    problems = []
    for row, period in enumerate(periods, start=1):
        lock = covering(locks, period)
        if lock is not None:
            prefix = f"第{row}行 " if len(periods) > 1 else ""
            problems.append((f"{prefix}{FIELD}", locked_message(lock, period, verb)))
    if problems:
        raise PeriodLockedError(problems)


def already_locked(lock: PeriodLock) -> DomainError:
    return DomainError(f"{lock.period.label}已由 {who_locked(lock)} 锁定，无需再次锁定", FIELD)


def not_locked(period: Period, locks: Sequence[PeriodLock]) -> DomainError:
    """Unlocking a range that is not itself locked: name the lock(s) that hold it, if any."""
    holding = [lock for lock in locks if lock.period.overlaps(period)]
    if not holding:
        return DomainError(f"{period.label}没有锁定，无需解锁", FIELD)
    names = "、".join(f"{lock.period.label}（{who_locked(lock)} 锁定）" for lock in holding)
    return DomainError(f"{period.label}不是单独锁定的报告期；它在 {names} 之中，请解锁该报告期", FIELD)


def refuse_cascade(
    locks: Sequence[PeriodLock], what: str, periods: Sequence[Period], verb: str = "删除"
) -> None:
    """Deleting (or restoring) a target or plan takes its figures with it: refused while any of them is in a
    locked period."""
    held = [(p, lock) for p in periods if (lock := covering(locks, p)) is not None]
    if held:
        lock = held[0][1]
        raise PeriodLockedError(
            [
                (
                    FIELD,
                    f"{what}有 {len(held)} 条填报在已锁定的报告期 {lock.period.label}（{who_locked(lock)} 锁定）内，"
                    f"不能{verb}；如需{verb}，请先解锁",
                )
            ]
        )
