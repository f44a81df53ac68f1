"""A workspace is one open data file: its repositories, who is working, what "now" is, and who listens.

The GUI subscribes to ``changes`` (adapting them to a Qt signal); the CLI ignores them. The clock and the actor
are injected so that tests fix "today" and never depend on the machine's user.
"""

from __future__ import annotations

import getpass
import platform
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.storage.audit import Actor
from app.storage.database import OpenedDatabase, StorageError, open_database, save_copy
from app.storage.repositories import EntryRepository, MetaRepository, PlanRepository, TargetRepository

Clock = Callable[[], datetime]


class ReadOnlyError(StorageError):
    pass


@dataclass(frozen=True, slots=True)
class Change:
    """What one user action changed, e.g. Change("entry", "create", (12, 13))."""

    entity: str
    action: str
    ids: tuple[int, ...] = ()


def current_actor() -> Actor:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):  # no login name, e.g. in some services
        user = "unknown"
    return Actor(user=user, machine=platform.node() or "unknown")


class Workspace:
    def __init__(self, opened: OpenedDatabase, *, clock: Clock = datetime.now, actor: Actor | None = None):
        self._opened = opened
        self.db = opened.db
        self.clock = clock
        self.actor = actor or current_actor()
        self.plans = PlanRepository(self.db)
        self.targets = TargetRepository(self.db)
        self.entries = EntryRepository(self.db)
        self.meta = MetaRepository(self.db)
        self._listeners: list[Callable[[Change], None]] = []
        self._held: list[list[Change]] = []

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        create: bool = False,
        read_only: bool = False,
        clock: Clock = datetime.now,
        actor: Actor | None = None,
    ) -> Workspace:
        return cls(
            open_database(path, create=create, read_only=read_only, now=clock), clock=clock, actor=actor
        )

    @property
    def path(self) -> Path:
        return self._opened.path

    @property
    def read_only(self) -> bool:
        return self._opened.read_only

    @property
    def schema_version(self) -> int:
        return self._opened.schema_version

    @property
    def backup_path(self) -> Path | None:
        return self._opened.backup_path

    @property
    def is_demo(self) -> bool:
        return self.meta.get("is_demo") == "1"

    @property
    def label(self) -> str:
        return self.meta.get("label")

    def require_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyError(f"{self.path.name} 以只读方式打开，不能修改；如需填报请另存为副本")

    def save_copy(self, dest: Path | str) -> None:
        """Write a complete copy of this file to ``dest`` (Save As); the original stays open and unchanged."""
        save_copy(self.db, Path(dest))

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def notify(self, change: Change) -> None:
        if self._held:
            self._held[-1].append(change)
            return
        for listener in list(self._listeners):
            listener(change)

    @contextmanager
    def held_notices(self) -> Iterator[None]:
        """Hold back the changes announced inside the block and send them when it ends without error: wrap it
        around a larger transaction, so that listeners (which may read the file from another connection) hear
        of a change only once it is committed. Dropped if the block fails: nothing changed."""
        self._held.append([])
        try:
            yield
        except BaseException:
            self._held.pop()
            raise
        for change in self._held.pop():
            self.notify(change)

    def close(self) -> None:
        self._opened.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
