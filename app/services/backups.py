"""Automatic backups of a data file, and putting one back.

Where: ``<user data>/backups/<file name>-<8 hex of the file's absolute path>/`` (platformdirs'
``user_data_dir("PolicyTargetTracker")``), so two files with the same name in different folders never mix, and a
file on a USB stick or a share is still backed up on the local disk. A ``source.txt`` in the folder names the file.

When: on opening a file for writing (the window), and at most once a calendar day while it is in use
(``maybe_backup``: the window calls it on a timer and after edits; the CLI's write commands call it before they
write). Read-only files are never backed up: they cannot change.

How: SQLite's online backup API (a consistent copy even while the file is open), written under a temporary name,
checked with ``PRAGMA integrity_check``, synced, then renamed — a backup that exists is a whole, sound file.

Rotation (automatic backups only): keep the newest backup of each of the 7 most recent days that have one
(daily), and the newest backup of each of the 4 calendar weeks (Monday–Sunday) before those that have one
(weekly); everything older is deleted. A week whose newest backup is already kept as a daily one does not count
as one of the 4. Copies taken before a restore, and byte copies of damaged files, are never deleted automatically.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from app.services.workspace import Workspace
from app.storage import audit
from app.storage.audit import Actor
from app.storage.backup_files import (
    Counts,
    FileInUseError,
    copy_counts,
    copy_problems,
    exclusive_connection,
    fsync_file,
    fsync_folder,
    write_copy,
)
from app.storage.database import (
    ReadOnlyLocationError,
    StorageError,
    first_problems,
    writable,
    write_transaction,
)

__all__ = ["FileInUseError"]

KEEP_DAILY = 7
KEEP_WEEKLY = 4
APP_NAME = "PolicyTargetTracker"
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^(?P<stem>.*)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?(?:-(?P<kind>[a-z-]+))?\.sqlite$")


class BackupError(StorageError):
    """A backup could not be taken or used; ``str(e)`` says why in Chinese."""


class BackupKind(StrEnum):
    AUTO = "auto"  # on open and daily; rotated
    BEFORE_RESTORE = "before-restore"  # the file as it was just before a restore replaced it; kept
    DAMAGED = "damaged"  # a byte copy of a file SQLite could not read, kept for whoever investigates

    @property
    def label(self) -> str:
        return {"auto": "自动备份", "before-restore": "恢复前的文件", "damaged": "损坏文件的原样副本"}[
            self.value
        ]


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    kind: BackupKind
    size: int  # bytes
    counts: Counts | None  # None: the copy cannot be read (a damaged file's copy)

    @property
    def summary(self) -> str:
        if self.counts is None:
            return "无法读取"
        c = self.counts
        return f"政策文件 {c.plans} 个，指标 {c.targets} 个，填报 {c.entries} 条"


@dataclass(frozen=True, slots=True)
class RestoreResult:
    restored_from: Path
    safety_backup: Path | None  # the replaced file, kept in the backups folder (None: there was no file)


def default_root() -> Path:
    import platformdirs  # only once a backup is taken or listed: not needed to show the window

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "backups"


def backup_folder(path: Path | str, root: Path | None = None) -> Path:
    """The folder holding ``path``'s backups: its name and a short hash of its absolute path."""
    absolute = os.path.normcase(str(Path(path).resolve()))  # one folder per file, however it is spelled
    digest = hashlib.sha256(absolute.encode("utf-8")).hexdigest()[:8]
    return (root or default_root()) / f"{_stem(Path(path))}-{digest}"


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".sqlite3", ".sqlite", ".db", ".ptt"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
    return name


# taking ------------------------------------------------------------------------------------------------


def take_backup(
    ws: Workspace,
    *,
    root: Path | None = None,
    now: datetime | None = None,
    kind: BackupKind = BackupKind.AUTO,
) -> Path:
    """Back up the open file now, check the copy, then rotate; returns the new backup."""
    when = now or ws.clock()
    folder = _prepare_folder(ws.path, root)
    final = _free_name(folder, ws.path, when, kind)
    partial = folder / f".{final.name}.partial"
    try:
        partial.unlink(missing_ok=True)
        write_copy(ws.db.conn, partial)
        _install(partial, final)
    except (OSError, StorageError) as exc:
        partial.unlink(missing_ok=True)
        raise _failed(exc, folder) from exc
    except Exception:
        partial.unlink(missing_ok=True)
        raise
    if kind is BackupKind.AUTO:
        rotate(folder)
    return final


def maybe_backup(ws: Workspace, *, root: Path | None = None, now: datetime | None = None) -> Path | None:
    """Back up unless an automatic backup was already taken today (or the file is read-only); returns the new
    backup or None."""
    if ws.read_only:
        return None
    when = now or ws.clock()
    newest = _newest_auto(backup_folder(ws.path, root))
    if newest is not None and newest.date() >= when.date():
        return None
    return take_backup(ws, root=root, now=when)


def _newest_auto(folder: Path) -> datetime | None:
    stamps = [taken for _, taken, kind in _scan(folder) if kind is BackupKind.AUTO]
    return max(stamps, default=None)


def _prepare_folder(path: Path, root: Path | None) -> Path:
    folder = backup_folder(path, root)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        note = folder / "source.txt"
        if not note.exists():
            note.write_text(f"{Path(path).resolve()}\n", encoding="utf-8")
    except OSError as exc:
        raise _failed(exc, folder) from exc
    return folder


def _free_name(folder: Path, path: Path, when: datetime, kind: BackupKind) -> Path:
    tail = "" if kind is BackupKind.AUTO else f"-{kind.value}"
    base = f"{_stem(path)}-{when.strftime(_STAMP)}"
    candidate = folder / f"{base}{tail}.sqlite"
    n = 1
    while candidate.exists():  # two in the same second (a fixed test clock, a quick reopen)
        n += 1
        candidate = folder / f"{base}-{n}{tail}.sqlite"
    return candidate


def _install(partial: Path, final: Path) -> None:
    _check_and_sync(partial)
    partial.replace(final)
    fsync_folder(final.parent)


def _check_and_sync(partial: Path) -> None:
    problems = copy_problems(partial)
    if problems:
        raise BackupError(f"副本未通过完整性检查（{first_problems(problems)}），未保存")
    fsync_file(partial)


def _failed(exc: Exception, folder: Path) -> BackupError:
    if isinstance(exc, BackupError):
        return exc
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return BackupError(f"无法在 {folder} 中保存备份：{reason}；请检查磁盘空间和写入权限")


# rotation ----------------------------------------------------------------------------------------------


def backups_to_keep(
    stamps: list[datetime], keep_daily: int = KEEP_DAILY, keep_weekly: int = KEEP_WEEKLY
) -> set[datetime]:
    """The rotation rule (see the module note) on the times of the automatic backups."""
    newest_first = sorted(stamps, reverse=True)
    keep: set[datetime] = set()
    for count, period in ((keep_daily, _day), (keep_weekly, _week)):
        kept, last = 0, None
        for stamp in newest_first:
            if kept == count:
                break
            if period(stamp) == last:
                continue
            last = period(stamp)  # this is the newest backup of its day (or week)
            if stamp not in keep:
                keep.add(stamp)
                kept += 1
    return keep


def _day(stamp: datetime) -> tuple[int, int, int]:
    return (stamp.year, stamp.month, stamp.day)


def _week(stamp: datetime) -> tuple[int, int, int]:
    year, week, _ = stamp.isocalendar()
    return (year, week, 0)


def rotate(folder: Path) -> list[Path]:
    """Delete the automatic backups the rule does not keep; returns what was deleted."""
    autos = [(path, taken) for path, taken, kind in _scan(folder) if kind is BackupKind.AUTO]
    keep = backups_to_keep([taken for _, taken in autos])
    deleted = []
    for path, taken in autos:
        if taken not in keep:
            path.unlink(missing_ok=True)
            deleted.append(path)
    return deleted


# listing -----------------------------------------------------------------------------------------------


def _scan(folder: Path) -> list[tuple[Path, datetime, BackupKind]]:
    """Backups in ``folder`` by their names (no file is opened), newest first. Two taken in the same second
    are told apart by their number, so each has its own time here."""
    found = []
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            taken = datetime.strptime(match["stamp"], _STAMP)
            kind = BackupKind(match["kind"] or "auto")
        except ValueError:
            continue
        found.append((path, taken.replace(microsecond=int(match["n"] or 1) - 1), kind))
    return sorted(found, key=lambda item: item[1], reverse=True)


def list_backups(path: Path | str, *, root: Path | None = None) -> list[BackupInfo]:
    """Every backup of ``path``, newest first, with its size and what it holds (read from the copy)."""
    return [
        BackupInfo(backup, taken.replace(microsecond=0), kind, backup.stat().st_size, copy_counts(backup))
        for backup, taken, kind in _scan(backup_folder(path, root))
    ]


def latest_good_backup(path: Path | str, *, root: Path | None = None) -> BackupInfo | None:
    """The newest backup that passes the integrity check: what to offer when the file itself is damaged."""
    for info in list_backups(path, root=root):
        if info.kind is not BackupKind.DAMAGED and not copy_problems(info.path):
            return info
    return None


# restoring ---------------------------------------------------------------------------------------------


def restore_backup(
    backup: Path | str,
    path: Path | str,
    *,
    root: Path | None = None,
    clock: Callable[[], datetime] = datetime.now,
    actor: Actor | None = None,
) -> RestoreResult:
    """Replace the data file at ``path`` with ``backup``, after keeping the file as it is now in the backups
    folder. The file must not be open — here or anywhere else: if it is, FileInUseError and nothing changes.

    The current file is kept with the online backup API when SQLite can read it, else (a damaged file) byte
    for byte. The backup is copied beside the file, checked and synced, then renamed over it in one step.
    """
    backup, path = Path(backup), Path(path)
    problems = copy_problems(backup)
    if problems:
        raise BackupError(f"备份 {backup.name} 不能用于恢复：{first_problems(problems)}；文件未做任何修改")
    if not (writable(path) if path.exists() else os.access(path.parent, os.W_OK)):
        raise ReadOnlyLocationError(f"{path} 所在位置只读（或没有写入权限），不能恢复；文件未做任何修改")
    partial = path.with_name(f".{path.name}.restoring")
    try:
        # The slow part first, so that the moment between making sure nobody has the file open and
        # replacing it is as short as a rename.
        partial.unlink(missing_ok=True)
        shutil.copyfile(backup, partial)
        _check_and_sync(partial)
        safety = _keep_current(path, root, clock()) if path.exists() else None
        # A -wal or -shm left beside the old file would be replayed onto the restored one.
        for leftover in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        partial.replace(path)
        fsync_folder(path.parent)
    except StorageError:
        partial.unlink(missing_ok=True)
        raise
    except PermissionError as exc:
        partial.unlink(missing_ok=True)
        raise FileInUseError(
            f"无法替换 {path.name}：文件可能正被其他程序打开，或没有写入权限（{exc.strerror or exc}）；"
            "文件未做任何修改"
        ) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"无法恢复到 {path}：{exc.strerror or exc}；文件未做任何修改") from exc
    _record_restore(path, backup, safety, clock, actor)
    return RestoreResult(backup, safety)


def _record_restore(
    path: Path, backup: Path, safety: Path | None, clock: Callable[[], datetime], actor: Actor | None
) -> None:
    """The restore itself goes into the restored file's audit trail: who rolled the file back, when, to which
    backup, and where the replaced file is. Best effort: the file is restored even if this cannot be written."""
    try:
        with Workspace.open(path, clock=clock, actor=actor) as ws, write_transaction(ws.db):
            audit.record(
                ws.db,
                at=ws.clock().isoformat(timespec="seconds"),
                actor=ws.actor,
                action="restore-backup",
                entity="file",
                entity_id=None,
                before={"kept_as": safety.name if safety else None},
                after={"backup": backup.name},
            )
    except StorageError:
        pass


def _keep_current(path: Path, root: Path | None, when: datetime) -> Path:
    folder = _prepare_folder(path, root)
    with exclusive_connection(path) as conn:  # FileInUseError if open anywhere, before anything is copied
        if conn is not None:
            final = _free_name(folder, path, when, BackupKind.BEFORE_RESTORE)
            partial = folder / f".{final.name}.partial"
            try:
                write_copy(conn, partial)
                _install(partial, final)
                return final
            except OSError as exc:
                partial.unlink(missing_ok=True)
                raise _failed(exc, folder) from exc
            except StorageError:  # unreadable or damaged pages: keep the file's bytes instead
                partial.unlink(missing_ok=True)
    return _keep_bytes(path, folder, when)


def _keep_bytes(path: Path, folder: Path, when: datetime) -> Path:
    final = _free_name(folder, path, when, BackupKind.DAMAGED)
    try:
        shutil.copyfile(path, final)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, final.with_name(final.name + "-wal"))
    except OSError as exc:
        raise _failed(exc, folder) from exc
    return final
