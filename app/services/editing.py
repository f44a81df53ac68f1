"""Create, edit and delete plans, targets and entries: validate, write in one transaction with its audit event,
then tell listeners. The GUI and the CLI both come through here; nothing else writes to the store.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from app.domain.entities import Plan, ProgressEntry, Target
from app.domain.errors import ValidationError
from app.domain.validation import entry_problems, validate_plan, validate_target
from app.services.workspace import Change, Workspace
from app.storage import audit
from app.storage.database import write_transaction
from app.storage.repositories import entry_to_row, plan_to_row, target_to_row


def _snapshot(row: dict[str, Any], record_id: int | None) -> dict[str, Any]:
    return {"id": record_id, **row}


class Editor:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    @contextmanager
    def _action(self) -> Iterator[list[tuple[str, str, int | None, Any, Any]]]:
        """One transaction for the change and its audit events; nothing is saved if anything fails."""
        self.ws.require_writable()
        events: list[tuple[str, str, int | None, Any, Any]] = []
        at = self.ws.clock().isoformat(timespec="seconds")
        with write_transaction(self.ws.db):
            yield events
            for action, entity, entity_id, before, after in events:
                audit.record(
                    self.ws.db,
                    at=at,
                    actor=self.ws.actor,
                    action=action,
                    entity=entity,
                    entity_id=entity_id,
                    before=before,
                    after=after,
                )

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
            before = self.ws.plans.get(_id(plan.id))
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

    def delete_plan(self, plan_id: int) -> None:
        with self._action() as events:
            snapshot = _snapshot(plan_to_row(self.ws.plans.get(plan_id)), plan_id)
            snapshot["targets"] = [self._target_snapshot(t) for t in self.ws.targets.for_plan(plan_id)]
            self.ws.plans.delete(plan_id)  # targets and entries go with it (ON DELETE CASCADE)
            events.append(("delete", "plan", plan_id, snapshot, None))
        self.ws.notify(Change("plan", "delete", (plan_id,)))

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
            before = self.ws.targets.get(_id(target.id))
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

    def delete_target(self, target_id: int) -> None:
        with self._action() as events:
            snapshot = self._target_snapshot(self.ws.targets.get(target_id))
            self.ws.targets.delete(target_id)
            events.append(("delete", "target", target_id, snapshot, None))
        self.ws.notify(Change("target", "delete", (target_id,)))

    # entries -----------------------------------------------------------------------------------------

    def add_entries(self, entries: Sequence[ProgressEntry]) -> list[ProgressEntry]:
        """Add a block of entries (a pasted sheet, an import): all valid and saved, or none."""
        problems: list[tuple[str, str]] = []
        targets: dict[int, Target] = {}
        for row, entry in enumerate(entries, start=1):
            target = targets.get(entry.target_id) or self.ws.targets.get(entry.target_id)
            targets[entry.target_id] = target
            prefix = f"第{row}行 " if len(entries) > 1 else ""
            problems += [(f"{prefix}{f}", m) for f, m in entry_problems(entry, target)]
        if problems:
            raise ValidationError(problems)
        saved: list[ProgressEntry] = []
        now = self.ws.clock()
        with self._action() as events:
            for entry in entries:
                stamped = entry if entry.entered_at else replace(entry, entered_at=now)
                new = self.ws.entries.add(stamped)
                saved.append(new)
                events.append(("create", "entry", new.id, None, _snapshot(entry_to_row(new), new.id)))
        self.ws.notify(Change("entry", "create", tuple(_id(e.id) for e in saved)))
        return saved

    def add_entry(self, entry: ProgressEntry) -> ProgressEntry:
        return self.add_entries([entry])[0]

    def update_entry(self, entry: ProgressEntry) -> ProgressEntry:
        problems = entry_problems(entry, self.ws.targets.get(entry.target_id))
        if problems:
            raise ValidationError(problems)
        with self._action() as events:
            before = self.ws.entries.get(_id(entry.id))
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

    def delete_entries(self, entry_ids: Sequence[int]) -> None:
        with self._action() as events:
            for before in [self.ws.entries.get(i) for i in entry_ids]:
                self.ws.entries.delete(_id(before.id))
                events.append(
                    ("delete", "entry", before.id, _snapshot(entry_to_row(before), before.id), None)
                )
        self.ws.notify(Change("entry", "delete", tuple(entry_ids)))


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
            restored = [self.ws.entries.restore(e) for e in entries]
            events += [("restore", "entry", e.id, None, _snapshot(entry_to_row(e), e.id)) for e in restored]
        self.ws.notify(Change("entry", "restore", tuple(_id(e.id) for e in restored)))
        return restored

    def restore_target(self, target: Target, entries: Sequence[ProgressEntry] = ()) -> Target:
        with self.editor._action() as events:
            restored = self.ws.targets.restore(target)
            events.append(
                ("restore", "target", restored.id, None, _snapshot(target_to_row(restored), restored.id))
            )
            for e in entries:
                back = self.ws.entries.restore(e)
                events.append(("restore", "entry", back.id, None, _snapshot(entry_to_row(back), back.id)))
        self.ws.notify(Change("target", "restore", (_id(restored.id),)))
        return restored

    def restore_plan(self, plan: Plan, targets: Sequence[Target], entries: Sequence[ProgressEntry]) -> Plan:
        with self.editor._action() as events:
            restored = self.ws.plans.restore(plan)
            events.append(
                ("restore", "plan", restored.id, None, _snapshot(plan_to_row(restored), restored.id))
            )
            for t in targets:
                back_t = self.ws.targets.restore(t)
                events.append(
                    ("restore", "target", back_t.id, None, _snapshot(target_to_row(back_t), back_t.id))
                )
            for e in entries:
                back = self.ws.entries.restore(e)
                events.append(("restore", "entry", back.id, None, _snapshot(entry_to_row(back), back.id)))
        self.ws.notify(Change("plan", "restore", (_id(restored.id),)))
        return restored


def _id(record_id: int | None) -> int:
    assert record_id is not None, "a saved record always has an id"
    return record_id
