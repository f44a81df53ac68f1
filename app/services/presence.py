"""Who else has this file open: a heartbeat row per running copy of the program (who, machine, process, number
of beats), written when the window opens the file and every minute after, removed when it closes.

The window shows the others ("同事 李四（PC-02）也打开了此文件"); their edits reach this window through the file
itself (``ChangeWatch``), and an edit based on data they changed is refused (``concurrency``).

A copy counts as there while its beat count keeps changing, as seen on *this* machine's monotonic clock: so two
machines whose clocks disagree still see each other, and a row that never changes again — left by a crash, or
carried into a copy or a backup of the file (Save a copy as…, restore) — does not count. Rows already there when
this copy opens the file count from their next beat; a copy that sees a newcomer beats at once (``refresh``), so
both see each other within seconds. Rows not seen for a week (by the wall clock) are removed. A read-only copy
writes no heartbeat (it cannot) but still sees the others.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from app.services.workspace import Workspace
from app.storage.database import StorageError, write_transaction
from app.storage.file_records import FileWatch, Presence, PresenceRepository, patience

BEAT_SECONDS = 60
ALIVE_SECONDS = 3 * BEAT_SECONDS  # three missed beats: gone
FORGET_AFTER = timedelta(days=7)  # generous: a machine whose clock runs ahead must not sweep away live rows
BEAT_WAIT_MS = 250  # a heartbeat never keeps the window waiting behind another copy's long import


@dataclass
class _Seen:
    beats: int
    since: float  # monotonic seconds when this beat count was first seen
    confirmed: bool  # it has beaten while we watched (or arrived after us)


class PresenceBeacon:
    """This copy's heartbeat in one open workspace, and what it has seen of the others'."""

    def __init__(
        self, ws: Workspace, *, pid: int | None = None, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        self.ws = ws
        self.repo = PresenceRepository(ws.db)
        self.session_id = uuid.uuid4().hex
        self.pid = os.getpid() if pid is None else pid
        self.opened_at = ws.clock().replace(microsecond=0)
        self.monotonic = monotonic
        self._seen: dict[str, _Seen] = {}
        self._rows: list[Presence] = []
        self._watching = False  # after the first look, rows are newcomers

    def join(self) -> bool:
        """Note who is there already (unconfirmed until they beat), write the first beat, and forget copies not
        seen for a week. False when the beat could not be written (read-only, busy, failing)."""
        self._observe()
        return self._write(prune=True)

    def beat(self) -> bool:
        """Say "still here"; False when the file is read-only, busy for longer than a moment, or failing."""
        return self._write(prune=False)

    def leave(self) -> None:
        if self.ws.read_only:
            return
        with (
            contextlib.suppress(StorageError, sqlite3.Error),
            patience(self.ws.db, BEAT_WAIT_MS),  # closing the window never waits on another copy's import
            write_transaction(self.ws.db),
        ):
            self.repo.remove(self.session_id)

    def others(self) -> list[Presence]:
        """The other copies running now, oldest first (this copy excluded)."""
        return self.refresh()[0]

    def refresh(self) -> tuple[list[Presence], bool]:
        """(the other copies running now, whether one arrived since the last look). When one did, this copy
        beats at once, so that the newcomer sees it too without waiting for the next minute."""
        arrived = self._observe()
        if arrived:
            self.beat()
        now = self.monotonic()
        alive = [
            p
            for p in self._rows
            if (seen := self._seen.get(p.session_id)) is not None
            and seen.confirmed
            and now - seen.since <= ALIVE_SECONDS
        ]
        return alive, arrived

    def _observe(self) -> bool:
        """Read the rows and note every change of beat count; True when a copy arrived that we did not know."""
        try:
            rows = [p for p in self.repo.all() if p.session_id != self.session_id]
        except sqlite3.Error:
            return False
        now, arrived, first_look = self.monotonic(), False, not self._watching
        self._watching = True
        for p in rows:
            seen = self._seen.get(p.session_id)
            if seen is None:  # there before our first look: it counts once it beats
                self._seen[p.session_id] = _Seen(p.beats, now, confirmed=not first_look)
                arrived = arrived or not first_look
            elif seen.beats != p.beats:
                seen.beats, seen.since, seen.confirmed = p.beats, now, True
        present = {p.session_id for p in rows}
        self._seen = {sid: s for sid, s in self._seen.items() if sid in present}
        self._rows = rows
        return arrived

    def _write(self, *, prune: bool) -> bool:
        if self.ws.read_only:
            return False
        now = self.ws.clock().replace(microsecond=0)
        me = Presence(
            self.session_id, self.ws.actor.user, self.ws.actor.machine, self.pid, self.opened_at, now
        )
        try:
            with patience(self.ws.db, BEAT_WAIT_MS), write_transaction(self.ws.db):
                if prune:
                    self.repo.prune(now - FORGET_AFTER)
                self.repo.beat(me)
        except (StorageError, sqlite3.Error):  # busy, disk full, a share gone read-only: skip this beat
            return False
        return True


class ChangeWatch:
    """Notices commits by other connections (another copy of the program, a colleague, the CLI) cheaply enough
    to ask every few seconds: ``PRAGMA data_version`` first, then whether the audit trail grew (a heartbeat
    changes the file but not the data)."""

    def __init__(self, ws: Workspace) -> None:
        self.watch = FileWatch(ws.db)
        self._version = self._read(self.watch.data_version)
        self._mark = self._read(self.watch.last_audit_id)

    @staticmethod
    def _read(question: Callable[[], int]) -> int:
        try:
            return question()
        except sqlite3.Error:  # a share gone away, a file being replaced: ask again next time
            return -1

    def poll(self) -> tuple[bool, bool]:
        """(the file changed, the data changed) since the last poll or own change."""
        version = self._read(self.watch.data_version)
        if version == self._version:
            return False, False
        self._version = version
        mark = self._read(self.watch.last_audit_id)
        data_changed = mark != self._mark
        self._mark = mark
        return True, data_changed

    def own_change(self) -> None:
        """This connection changed the data: its own events are not news (its commits never move data_version)."""
        self._mark = self._read(self.watch.last_audit_id)
