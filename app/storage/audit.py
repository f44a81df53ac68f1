"""The append-only audit trail with a hash chain.

Each event's hash covers its content and the previous event's hash, so changing or deleting any past event
(outside the program — inside it the table refuses UPDATE and DELETE) breaks every link after it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

GENESIS = "0" * 64


@dataclass(frozen=True, slots=True)
class Actor:
    """Who makes a change: the operating-system user and machine."""

    user: str
    machine: str


PROGRESS_EVERY = 1000  # events between progress reports in bulk writes


def _canonical(event: dict[str, Any]) -> str:
    return json.dumps(event, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def event_hash(prev_hash: str, event: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(event)).encode("utf-8")).hexdigest()


def _fields(
    at: str, actor: Actor, action: str, entity: str, entity_id: int | None, before: Any, after: Any
) -> dict[str, Any]:
    return {
        "at": at,
        "who": actor.user,
        "machine": actor.machine,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before": None if before is None else _canonical(before),
        "after": None if after is None else _canonical(after),
    }


def record_many(
    db: sqlite_utils.Database,
    *,
    at: str,
    actor: Actor,
    events: list[tuple[str, str, int | None, Any, Any]],
    progress: Callable[[int], None] | None = None,
) -> None:
    """Append events (action, entity, entity_id, before, after) in order, each linked to the one before;
    call inside the transaction of the change they describe. ``progress(done)`` is told every thousand events
    and may raise to stop."""
    row = db.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    for done, (action, entity, entity_id, before, after) in enumerate(events, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        event = _fields(at, actor, action, entity, entity_id, before, after)
        digest = event_hash(prev, event)
        db.execute(
            "INSERT INTO audit_event (at, who, machine, action, entity, entity_id, before, after, prev_hash, hash)"
            " VALUES (:at, :who, :machine, :action, :entity, :entity_id, :before, :after, :prev_hash, :hash)",
            {**event, "prev_hash": prev, "hash": digest},
        )
        prev = digest


def record(
    db: sqlite_utils.Database,
    *,
    at: str,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any = None,
    after: Any = None,
) -> None:
    """Append one event; call inside the transaction of the change it describes."""
    row = db.execute("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    prev = row[0] if row else GENESIS
    event = _fields(at, actor, action, entity, entity_id, before, after)
    db.execute(
        "INSERT INTO audit_event (at, who, machine, action, entity, entity_id, before, after, prev_hash, hash)"
        " VALUES (:at, :who, :machine, :action, :entity, :entity_id, :before, :after, :prev_hash, :hash)",
        {**event, "prev_hash": prev, "hash": event_hash(prev, event)},
    )


def first_broken_link(db: sqlite_utils.Database) -> int | None:
    """The id of the first event whose hash or link does not verify; None when the chain is whole."""
    prev = GENESIS
    cursor = db.execute(
        "SELECT id, at, who, machine, action, entity, entity_id, before, after, prev_hash, hash"
        " FROM audit_event ORDER BY id"
    )
    for row in cursor:
        event_id, *content, prev_hash, stored_hash = row
        keys = ("at", "who", "machine", "action", "entity", "entity_id", "before", "after")
        event = dict(zip(keys, content, strict=True))
        if prev_hash != prev or event_hash(prev, event) != stored_hash:
            return int(event_id)
        prev = stored_hash
    return None


def events_for(db: sqlite_utils.Database, entity: str, entity_id: int) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query(
            "SELECT * FROM audit_event WHERE entity = ? AND entity_id = ? ORDER BY id", [entity, entity_id]
        )
    ]


def last_written_states(db: sqlite_utils.Database) -> dict[tuple[str, int], dict[str, Any] | None]:
    """What the program last wrote for every (entity, id), replayed from the trail; None once deleted.

    Deleting a plan or target also deletes what hangs under it; their snapshots list those, so they are
    marked deleted too.
    """
    states: dict[tuple[str, int], dict[str, Any] | None] = {}

    def mark_deleted(entity: str, snapshot: dict[str, Any]) -> None:
        states[(entity, int(snapshot["id"]))] = None
        for target in snapshot.get("targets", []):
            mark_deleted("target", target)
        for entry in snapshot.get("entries", []):
            mark_deleted("entry", entry)

    for action, entity, entity_id, before, after in db.execute(
        "SELECT action, entity, entity_id, before, after FROM audit_event WHERE entity_id IS NOT NULL ORDER BY id"
    ):
        try:
            if action == "delete":
                mark_deleted(entity, _json_object(before) or {"id": entity_id})
            else:
                states[(entity, int(entity_id))] = _json_object(after) if after else None
        except (KeyError, TypeError, ValueError):
            continue  # an event not written by the program: the chain check names it, `check` goes on
    return states


def last_lock_states(db: sqlite_utils.Database) -> dict[tuple[str, str], dict[str, Any]]:
    """The locked ranges the trail says are locked now, by (period_start, period_end), with their snapshots."""
    states: dict[tuple[str, str], dict[str, Any]] = {}
    for action, before, after in db.execute(
        "SELECT action, before, after FROM audit_event WHERE entity = 'period_lock' ORDER BY id"
    ):
        snapshot = _json_object(after if action == "lock" else before)
        if not isinstance(snapshot.get("period_start"), str) or not isinstance(
            snapshot.get("period_end"), str
        ):
            continue  # not written by the program: the chain check names the event, `check` must not crash
        key = (snapshot["period_start"], snapshot["period_end"])
        if action == "lock":
            states[key] = snapshot
        else:
            states.pop(key, None)
    return states


def _json_object(text: str | None) -> dict[str, Any]:
    """A snapshot as written, or {} for one that is missing or not a JSON object (an event forged by hand)."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


EVENT_COLUMNS = "id, at, who, machine, action, entity, entity_id, before, after, prev_hash, hash"


def all_events(db: sqlite_utils.Database) -> Iterator[dict[str, Any]]:
    """Every event, oldest first, read as it goes (a long trail is exported without holding it all)."""
    yield from db.query(f"SELECT {EVENT_COLUMNS} FROM audit_event ORDER BY id")


def target_events(db: sqlite_utils.Database, target_id: int) -> list[dict[str, Any]]:
    """A target's own events and those of its figures (found by the target in their before or after), newest
    first — including figures deleted since."""
    return list(
        db.query(
            f"SELECT {EVENT_COLUMNS} FROM audit_event"
            " WHERE (entity = 'target' AND entity_id = :id)"
            " OR (entity = 'entry' AND (json_extract(after, '$.target_id') = :id"
            " OR json_extract(before, '$.target_id') = :id))"
            " ORDER BY id DESC",
            {"id": target_id},
        )
    )
