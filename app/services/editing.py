"""Create, edit and delete plans, targets and entries: validate, write in one transaction with its audit event,
then tell listeners. The GUI and the CLI both come through here; nothing else writes to the store.

Two rules hold inside every transaction, so another copy of the program cannot slip a change in between:
- an update or delete carries the row version it was based on (``version`` of the record, or ``versions`` /
  ``version`` for deletes by id; 0 means "not read from the file" and is not checked), and is refused with
  ``ConflictError`` when someone changed or deleted the record meanwhile;
- figures in a locked reporting period (``period_locks``) cannot be added, changed, deleted or restored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.errors import ValidationError
from app.domain.periods import Period
from app.domain.validation import entry_problems, validate_plan, validate_target
from app.services.concurrency import changed_conflict, deleted_conflict
from app.services.period_locks import already_locked, not_locked, refuse_cascade, refuse_locked
from app.services.workspace import Change, Workspace
from app.storage import audit
from app.storage.database import write_transaction
from app.storage.file_records import LockRepository, PeriodLock
from app.storage.repositories import RecordNotFoundError, entry_to_row, plan_to_row, target_to_row

R = TypeVar("R", Plan, Target, ProgressEntry)
ProgressCallback = Callable[[int, int], None]  # (done, total)


def _snapshot(row: dict[str, Any], record_id: int | None) -> dict[str, Any]:
    return {"id": record_id, **row}


class Editor:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    @contextmanager
    def _action(
        self, audit_progress: Callable[[int], None] | None = None
    ) -> Iterator[list[tuple[str, str, int | None, Any, Any]]]:
        """One transaction for the change and its audit events; nothing is saved if anything fails."""
        self.ws.require_writable()
        events: list[tuple[str, str, int | None, Any, Any]] = []
        at = self.ws.clock().isoformat(timespec="seconds")
        with write_transaction(self.ws.db):
            yield events
            audit.record_many(self.ws.db, at=at, actor=self.ws.actor, events=events, progress=audit_progress)

    def _fresh(
        self, entity: str, read: Callable[[int], R], record_id: int, expected: int, *, deleting: bool = False
    ) -> R:
        """The record as the file holds it now; ConflictError when it is no longer at ``expected`` (if given)."""
        try:
            current = read(record_id)
        except RecordNotFoundError:
            if expected:
                raise deleted_conflict(self.ws, entity, record_id, deleting=deleting) from None
            raise
        if expected and current.version != expected:
            raise changed_conflict(self.ws, entity, current, deleting=deleting)
        return current

    def locks(self) -> list[PeriodLock]:
        return LockRepository(self.ws.db).all()

    def _target_snapshot(self, target: Target) -> dict[str, Any]:
        """A target with all its entries: what a deletion takes away, kept in the audit trail."""
        snapshot = _snapshot(target_to_row(target), target.id)
        snapshot["entries"] = [
            _snapshot(entry_to_row(e), e.id) for e in self.ws.entries.for_target(_id(target.id))
        ]
        return snapshot

    # plans -------------------------------------------------------------------------------------------

    def add_plan(self, plan: Plan) -> Plan:
        validate_plan(plan)
        with self._action() as events:
            saved = self.ws.plans.add(plan)
            events.append(("create", "plan", saved.id, None, _snapshot(plan_to_row(saved), saved.id)))
        self.ws.notify(Change("plan", "create", (_id(saved.id),)))
        return saved

    def update_plan(self, plan: Plan) -> Plan:
        validate_plan(plan)
        with self._action() as events:
            before = self._fresh("plan", self.ws.plans.get, _id(plan.id), plan.version)
            for target in self.ws.targets.for_plan(_id(plan.id)):
                validate_target(target, plan)  # a shorter plan period must not strand a target's dates
            saved = self.ws.plans.update(plan)
            events.append(
                (
                    "update",
                    "plan",
                    saved.id,
                    _snapshot(plan_to_row(before), before.id),
                    _snapshot(plan_to_row(saved), saved.id),
                )
            )
        self.ws.notify(Change("plan", "update", (_id(saved.id),)))
        return saved

    def delete_plan(self, plan_id: int, version: int = 0) -> tuple[Plan, list[Target], list[ProgressEntry]]:
        """Delete a plan with its targets and figures; returns what was deleted (for undo)."""
        with self._action() as events:
            plan = self._fresh("plan", self.ws.plans.get, plan_id, version, deleting=True)
            targets = self.ws.targets.for_plan(plan_id)
            entries = [e for t in targets for e in self.ws.entries.for_target(_id(t.id))]
            refuse_cascade(self.locks(), f"政策文件“{plan.title}”", [e.period for e in entries])
            snapshot = _snapshot(plan_to_row(plan), plan_id)
            snapshot["targets"] = [self._target_snapshot(t) for t in targets]
            self.ws.plans.delete(plan_id, version)  # targets and entries go with it (ON DELETE CASCADE)
            events.append(("delete", "plan", plan_id, snapshot, None))
        self.ws.notify(Change("plan", "delete", (plan_id,)))
        return plan, targets, entries

    # targets -----------------------------------------------------------------------------------------

    def add_target(self, target: Target) -> Target:
        validate_target(target, self.ws.plans.get(target.plan_id))
        with self._action() as events:
            saved = self.ws.targets.add(target)
            events.append(("create", "target", saved.id, None, _snapshot(target_to_row(saved), saved.id)))
        self.ws.notify(Change("target", "create", (_id(saved.id),)))
        return saved

    def update_target(self, target: Target) -> Target:
        validate_target(target, self.ws.plans.get(target.plan_id))
        with self._action() as events:
            before = self._fresh("target", self.ws.targets.get, _id(target.id), target.version)
            problems = [
                (f"{e.period.label}的填报 · {f}", m)
                for e in self.ws.entries.for_target(_id(target.id))
                for f, m in entry_problems(e, target)
            ]
            if problems:  # e.g. a unit change that would strand entries in 家 under a target in 亿元
                raise ValidationError(problems)
            saved = self.ws.targets.update(target)
            after = _snapshot(target_to_row(saved), saved.id)
            events.append(("update", "target", saved.id, _snapshot(target_to_row(before), before.id), after))
        self.ws.notify(Change("target", "update", (_id(saved.id),)))
        return saved

    def delete_target(self, target_id: int, version: int = 0) -> tuple[Target, list[ProgressEntry]]:
        """Delete a target with its figures; returns what was deleted (for undo)."""
        with self._action() as events:
            target = self._fresh("target", self.ws.targets.get, target_id, version, deleting=True)
            entries = self.ws.entries.for_target(target_id)
            refuse_cascade(self.locks(), f"指标“{target.name}”", [e.period for e in entries])
            snapshot = self._target_snapshot(target)
            self.ws.targets.delete(target_id, version)
            events.append(("delete", "target", target_id, snapshot, None))
        self.ws.notify(Change("target", "delete", (target_id,)))
        return target, entries

    # entries -----------------------------------------------------------------------------------------

    def add_entries(
        self, entries: Sequence[ProgressEntry], on_progress: ProgressCallback | None = None
    ) -> list[ProgressEntry]:
        """Add a block of entries (a pasted sheet, an import): all valid and saved, or none.

        ``on_progress(done, total)`` hears of the rows written, then of their audit events (total: twice the
        rows); it may raise to stop, and then nothing is saved."""
        problems: list[tuple[str, str]] = []
        targets: dict[int, Target] = {}
        for row, entry in enumerate(entries, start=1):
            target = targets.get(entry.target_id) or self.ws.targets.get(entry.target_id)
            targets[entry.target_id] = target
            prefix = f"第{row}行 " if len(entries) > 1 else ""
            problems += [(f"{prefix}{f}", m) for f, m in entry_problems(entry, target)]
        if problems:
            raise ValidationError(problems)
        now = self.ws.clock().isoformat(timespec="seconds")
        records = [entry_to_row(e) for e in entries]
        for record in records:
            record["entered_at"] = record["entered_at"] or now
        total = 2 * len(records)
        rows_done = audit_done = None
        if on_progress is not None:
            rows_done, audit_done = (
                (lambda n: on_progress(n, total)),
                (lambda n: on_progress(len(records) + n, total)),
            )
        with self._action(audit_done) as events:
            refuse_locked(self.locks(), [e.period for e in entries], "添加")
            saved = self.ws.entries.add_rows(records, rows_done)
            events += [
                ("create", "entry", new.id, None, _snapshot(record, new.id))
                for new, record in zip(saved, records, strict=True)
            ]
        self.ws.notify(Change("entry", "create", tuple(_id(e.id) for e in saved)))
        return saved

    def add_entry(self, entry: ProgressEntry) -> ProgressEntry:
        return self.add_entries([entry])[0]

    def update_entry(self, entry: ProgressEntry) -> ProgressEntry:
        problems = entry_problems(entry, self.ws.targets.get(entry.target_id))
        if problems:
            raise ValidationError(problems)
        with self._action() as events:
            before = self._fresh("entry", self.ws.entries.get, _id(entry.id), entry.version)
            refuse_locked(self.locks(), _distinct([before.period, entry.period]), "修改")
            saved = self.ws.entries.update(entry)
            events.append(
                (
                    "update",
                    "entry",
                    saved.id,
                    _snapshot(entry_to_row(before), before.id),
                    _snapshot(entry_to_row(saved), saved.id),
                )
            )
        self.ws.notify(Change("entry", "update", (_id(saved.id),)))
        return saved

    def delete_entries(
        self, entry_ids: Sequence[int], versions: Mapping[int, int] | None = None
    ) -> list[ProgressEntry]:
        """Delete figures (all or none); ``versions`` maps an id to the version the user saw. Returns them."""
        seen = versions or {}
        with self._action() as events:
            deleted = [
                self._fresh("entry", self.ws.entries.get, i, seen.get(i, 0), deleting=True) for i in entry_ids
            ]
            refuse_locked(self.locks(), [e.period for e in deleted], "删除")
            for before in deleted:
                self.ws.entries.delete(_id(before.id), seen.get(_id(before.id), 0))
                events.append(
                    ("delete", "entry", before.id, _snapshot(entry_to_row(before), before.id), None)
                )
        self.ws.notify(Change("entry", "delete", tuple(entry_ids)))
        return deleted

    # locked reporting periods ------------------------------------------------------------------------

    def lock_period(self, period: Period, note: str = "") -> PeriodLock:
        """Lock a reporting period (锁定报告期) after its report is approved; audited."""
        with self._action() as events:
            locks = LockRepository(self.ws.db)
            existing = locks.find(period)
            if existing is not None:
                raise already_locked(existing)
            at = self.ws.clock().replace(microsecond=0)
            actor = self.ws.actor
            lock = locks.add(PeriodLock(period, actor.user, actor.machine, at, note.strip()))
            events.append(("lock", "period_lock", None, None, _lock_snapshot(lock)))
        self.ws.notify(Change("lock", "create", (_id(lock.id),)))
        return lock

    def unlock_period(self, period: Period) -> PeriodLock:
        """Unlock exactly this locked range (so its figures can be corrected); audited. Returns the old lock."""
        with self._action() as events:
            locks = LockRepository(self.ws.db)
            lock = locks.find(period)
            if lock is None:
                raise not_locked(period, locks.all())
            locks.delete(_id(lock.id))
            events.append(("unlock", "period_lock", None, _lock_snapshot(lock), None))
        self.ws.notify(Change("lock", "delete", (_id(lock.id),)))
        return lock


class Restorer:
    """Puts deleted records back under their old ids: what undo of a deletion (or of an undo) needs."""

    def __init__(self, editor: Editor) -> None:
        self.editor = editor
        self.ws = editor.ws

    def restore_entries(self, entries: Sequence[ProgressEntry]) -> list[ProgressEntry]:
        problems = []
        for e in entries:  # the target may have changed (or been replaced) since the figure was removed
            problems += entry_problems(e, self.ws.targets.get(e.target_id))
        if problems:
            raise ValidationError(problems)
        with self.editor._action() as events:
            refuse_locked(self.editor.locks(), [e.period for e in entries], "恢复")
            restored = [self.ws.entries.restore(e) for e in entries]
            events += [("restore", "entry", e.id, None, _snapshot(entry_to_row(e), e.id)) for e in restored]
        self.ws.notify(Change("entry", "restore", tuple(_id(e.id) for e in restored)))
        return restored

    def restore_target(
        self, target: Target, entries: Sequence[ProgressEntry] = ()
    ) -> tuple[Target, list[ProgressEntry]]:
        """Put a deleted target back with its figures; returns them as restored (with their new versions)."""
        back_entries: list[ProgressEntry] = []
        with self.editor._action() as events:
            refuse_cascade(self.editor.locks(), f"指标“{target.name}”", [e.period for e in entries], "恢复")
            restored = self.ws.targets.restore(target)
            events.append(
                ("restore", "target", restored.id, None, _snapshot(target_to_row(restored), restored.id))
            )
            for e in entries:
                back = self.ws.entries.restore(e)
                back_entries.append(back)
                events.append(("restore", "entry", back.id, None, _snapshot(entry_to_row(back), back.id)))
        self.ws.notify(Change("target", "restore", (_id(restored.id),)))
        return restored, back_entries

    def restore_plan(
        self, plan: Plan, targets: Sequence[Target], entries: Sequence[ProgressEntry]
    ) -> tuple[Plan, list[Target], list[ProgressEntry]]:
        """Put a deleted plan back with its targets and figures; returns them as restored."""
        back_targets: list[Target] = []
        back_entries: list[ProgressEntry] = []
        with self.editor._action() as events:
            refuse_cascade(
                self.editor.locks(), f"政策文件“{plan.title}”", [e.period for e in entries], "恢复"
            )
            restored = self.ws.plans.restore(plan)
            events.append(
                ("restore", "plan", restored.id, None, _snapshot(plan_to_row(restored), restored.id))
            )
            for t in targets:
                back_t = self.ws.targets.restore(t)
                back_targets.append(back_t)
                events.append(
                    ("restore", "target", back_t.id, None, _snapshot(target_to_row(back_t), back_t.id))
                )
            for e in entries:
                back = self.ws.entries.restore(e)
                back_entries.append(back)
                events.append(("restore", "entry", back.id, None, _snapshot(entry_to_row(back), back.id)))
        self.ws.notify(Change("plan", "restore", (_id(restored.id),)))
        return restored, back_targets, back_entries


def _lock_snapshot(lock: PeriodLock) -> dict[str, Any]:
    """Lock events name no row for ``check`` to compare (entity_id stays empty, as for imports)."""
    return {
        "lock_id": lock.id,
        "period": lock.period.label,
        "period_start": lock.period.start.isoformat(),
        "period_end": lock.period.end.isoformat(),
        "locked_by": lock.locked_by,
        "machine": lock.machine,
        "locked_at": lock.locked_at.isoformat(timespec="seconds"),
        "note": lock.note,
    }


def _distinct(periods: list[Period]) -> list[Period]:
    return list(dict.fromkeys(periods))


def _id(record_id: int | None) -> int:
    assert record_id is not None, "a saved record always has an id"
    return record_id
