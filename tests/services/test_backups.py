"""Automatic backups on real files: where they go, that each is a whole and sound copy, the 7 daily + 4 weekly
rotation over weeks of simulated use, and restoring — including a file whose bytes were overwritten."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.entities import ProgressEntry, ValueType
from app.domain.periods import parse_period
from app.services.audit_export import audit_records
from app.services.backups import (
    BackupError,
    BackupKind,
    FileInUseError,
    backup_folder,
    backups_to_keep,
    latest_good_backup,
    list_backups,
    maybe_backup,
    restore_backup,
    take_backup,
)
from app.services.demo import create_demo_workspace
from app.services.editing import Editor
from app.services.integrity import audit_mismatches
from app.services.workspace import Workspace
from app.storage.audit import first_broken_link
from app.storage.database import CorruptFileError, ReadOnlyLocationError, integrity_problems
from tests.conftest import TEST_ACTOR
from tests.services.backup_helpers import Clock, damage


def add_figure(ws: Workspace, value: str) -> None:
    target = ws.targets.all()[0]
    Editor(ws).add_entry(
        ProgressEntry(
            target_id=target.id or 0,
            period=parse_period("2025年上半年"),
            value=Decimal(value),
            unit=target.unit,
            value_type=ValueType.PERIOD,
        )
    )


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "备份 根目录"


@pytest.fixture
def data_file(tmp_path: Path) -> Path:
    path = tmp_path / "进度 数据.ptt.sqlite"  # Chinese and a space on purpose
    create_demo_workspace(path).close()
    return path


# where and what --------------------------------------------------------------------------------------


def test_each_file_has_its_own_folder_named_after_it(tmp_path: Path, root: Path) -> None:
    a = tmp_path / "甲" / "数据.ptt.sqlite"
    b = tmp_path / "乙" / "数据.ptt.sqlite"
    folder = backup_folder(a, root)
    assert folder.parent == root
    assert folder.name.startswith("数据-") and len(folder.name) == len("数据-") + 8
    assert backup_folder(b, root) != folder  # same name, another folder: never mixed
    assert backup_folder(tmp_path / "甲" / ".." / "甲" / "数据.ptt.sqlite", root) == folder


def test_the_default_folder_is_beside_the_user_data(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME (and the Windows equivalents) into a temporary profile
    folder = backup_folder(tmp_path / "x.ptt.sqlite")
    assert folder.parent.name == "backups"
    assert folder.parent.parent.name == "PolicyTargetTracker"


def test_a_backup_is_a_sound_copy_with_the_same_data(data_file: Path, root: Path) -> None:
    with Workspace.open(data_file, clock=Clock(datetime(2025, 7, 31, 9, 0))) as ws:
        backup = take_backup(ws, root=root)
        entries = ws.entries.count()
    assert backup.name == "进度 数据-20250731-090000.sqlite"
    assert [p.name for p in backup.parent.iterdir() if p.name.startswith(".")] == []  # no partial left
    assert (backup.parent / "source.txt").read_text(encoding="utf-8").strip() == str(data_file.resolve())
    with Workspace.open(backup, read_only=True) as copy:
        assert integrity_problems(copy.db) == []
        assert copy.entries.count() == entries == 24
        assert first_broken_link(copy.db) is None
    assert not backup.with_name(backup.name + "-wal").exists()  # one self-contained file


def test_a_backup_taken_while_another_program_is_writing_has_only_committed_data(
    data_file: Path, root: Path
) -> None:
    with Workspace.open(data_file) as ws:
        other = sqlite3.connect(data_file)  # e.g. a second copy of the program, half-way through an import
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM progress_entry")
        backup = take_backup(ws, root=root)
        other.rollback()
        other.close()
    with Workspace.open(backup, read_only=True) as copy:
        assert copy.entries.count() == 24


def test_maybe_backup_takes_at_most_one_a_day(data_file: Path, root: Path) -> None:
    clock = Clock(datetime(2025, 7, 31, 9, 0))
    with Workspace.open(data_file, clock=clock, actor=TEST_ACTOR) as ws:
        first = maybe_backup(ws, root=root)
        assert first is not None
        clock.now = datetime(2025, 7, 31, 23, 59)
        add_figure(ws, "300")
        assert maybe_backup(ws, root=root) is None  # one today already
        clock.now = datetime(2025, 8, 1, 0, 1)
        second = maybe_backup(ws, root=root)
    assert second is not None and second.name == "进度 数据-20250801-000100.sqlite"
    assert [b.counts.entries for b in list_backups(data_file, root=root) if b.counts] == [25, 24]


def test_a_read_only_file_is_not_backed_up(data_file: Path, root: Path) -> None:
    with Workspace.open(data_file, read_only=True) as ws:
        assert maybe_backup(ws, root=root) is None
    assert not backup_folder(data_file, root).exists()


def test_a_backup_that_cannot_be_written_says_where_and_why(data_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("x", encoding="utf-8")
    with Workspace.open(data_file) as ws, pytest.raises(BackupError, match=r"无法在 .* 中保存备份"):
        take_backup(ws, root=blocker)


def test_two_backups_in_the_same_second_are_both_kept(data_file: Path, root: Path) -> None:
    clock = Clock(datetime(2025, 7, 31, 9, 0))
    with Workspace.open(data_file, clock=clock) as ws:
        a = take_backup(ws, root=root, kind=BackupKind.BEFORE_RESTORE)
        b = take_backup(ws, root=root, kind=BackupKind.BEFORE_RESTORE)
    assert a != b and a.exists() and b.exists()
    assert b.name == "进度 数据-20250731-090000-2-before-restore.sqlite"
    assert [x.path for x in list_backups(data_file, root=root)] == [b, a]


# rotation ------------------------------------------------------------------------------------------------


def kept_days(data_file: Path, root: Path) -> list[str]:
    return sorted(
        b.taken_at.strftime("%m-%d %H:%M")
        for b in list_backups(data_file, root=root)
        if b.kind is BackupKind.AUTO
    )


def test_forty_days_of_daily_use_keep_seven_daily_and_four_weekly(data_file: Path, root: Path) -> None:
    """Opened twice a day from Sunday 1 June to Thursday 10 July 2025. Daily: the newest backup of 4–10 July.
    Weekly: the weeks of 7 July and 30 June have their newest backup kept as a daily one already, so the four
    weeks are those ending 29, 22, 15 and 8 June (each week's Sunday). 1 June (the week ending 1 June) goes."""
    clock = Clock(datetime(2025, 6, 1, 9, 0))
    for day in range(40):
        for hour in (9, 17):
            clock.now = datetime(2025, 6, 1, hour) + timedelta(days=day)
            with Workspace.open(data_file, clock=clock) as ws:
                take_backup(ws, root=root)
    assert clock.now == datetime(2025, 7, 10, 17, 0)
    assert kept_days(data_file, root) == [
        "06-08 17:00", "06-15 17:00", "06-22 17:00", "06-29 17:00",
        "07-04 17:00", "07-05 17:00", "07-06 17:00", "07-07 17:00", "07-08 17:00", "07-09 17:00", "07-10 17:00",
    ]  # fmt: skip
    assert len(list(backup_folder(data_file, root).glob("*.sqlite"))) == 11


def test_weekdays_only_keep_the_last_seven_working_days_and_four_fridays(data_file: Path, root: Path) -> None:
    """Monday 2 June to Friday 11 July 2025 (40 days), used on weekdays only through maybe_backup. The seven
    most recent days with a backup are 3–4 and 7–11 July; the weeks ending 13 July and 6 July are covered by
    them, so the weekly ones are the Fridays 27, 20, 13 and 6 June."""
    clock = Clock(datetime(2025, 6, 2, 9, 0))
    with Workspace.open(data_file, clock=clock) as ws:
        for day in range(40):
            today = date(2025, 6, 2) + timedelta(days=day)
            if today.weekday() >= 5:
                continue
            clock.now = datetime(today.year, today.month, today.day, 9, 0)
            assert maybe_backup(ws, root=root) is not None
            clock.now = clock.now.replace(hour=15)
            assert maybe_backup(ws, root=root) is None
    assert kept_days(data_file, root) == [
        "06-06 09:00", "06-13 09:00", "06-20 09:00", "06-27 09:00",
        "07-03 09:00", "07-04 09:00", "07-07 09:00", "07-08 09:00", "07-09 09:00", "07-10 09:00", "07-11 09:00",
    ]  # fmt: skip


def test_copies_taken_before_a_restore_are_never_rotated(data_file: Path, root: Path) -> None:
    clock = Clock(datetime(2025, 5, 1, 9, 0))
    with Workspace.open(data_file, clock=clock) as ws:
        safety = take_backup(ws, root=root, kind=BackupKind.BEFORE_RESTORE)
        for day in range(1, 60):
            clock.now = datetime(2025, 5, 1, 9, 0) + timedelta(days=day)
            maybe_backup(ws, root=root)
    assert safety.exists()
    kinds = [b.kind for b in list_backups(data_file, root=root)]
    assert kinds.count(BackupKind.AUTO) == 11 and kinds.count(BackupKind.BEFORE_RESTORE) == 1


def test_the_rule_on_its_own() -> None:
    stamps = [datetime(2025, 7, d, h) for d in range(1, 4) for h in (8, 18)]
    assert backups_to_keep(stamps, keep_daily=2, keep_weekly=0) == {
        datetime(2025, 7, 3, 18),
        datetime(2025, 7, 2, 18),
    }
    assert backups_to_keep(stamps, keep_daily=7, keep_weekly=4) == {
        datetime(2025, 7, d, 18) for d in (1, 2, 3)
    }
    assert backups_to_keep([], keep_daily=7, keep_weekly=4) == set()


# listing and restoring ---------------------------------------------------------------------------------


def test_the_list_shows_date_size_and_what_each_backup_holds(data_file: Path, root: Path) -> None:
    clock = Clock(datetime(2025, 7, 30, 9, 0))
    with Workspace.open(data_file, clock=clock, actor=TEST_ACTOR) as ws:
        take_backup(ws, root=root)
        add_figure(ws, "300")
        clock.now = datetime(2025, 7, 31, 9, 0)
        take_backup(ws, root=root)
    newest, older = list_backups(data_file, root=root)
    assert newest.taken_at == datetime(2025, 7, 31, 9, 0) and older.taken_at == datetime(2025, 7, 30, 9, 0)
    assert (newest.counts.plans, newest.counts.targets, newest.counts.entries) == (7, 20, 25)  # type: ignore[union-attr]
    assert older.counts is not None and older.counts.entries == 24
    assert newest.size == newest.path.stat().st_size > 0
    assert older.summary == "政策文件 7 个，指标 20 个，填报 24 条"
    assert older.kind.label == "自动备份"


def test_a_restored_file_has_the_old_data_and_the_replaced_one_is_kept(data_file: Path, root: Path) -> None:
    clock = Clock(datetime(2025, 7, 30, 9, 0))
    with Workspace.open(data_file, clock=clock, actor=TEST_ACTOR) as ws:
        old = take_backup(ws, root=root)
        add_figure(ws, "300")
        target = ws.targets.all()[0]
        Editor(ws).update_target(replace(target, notes="改过的备注"))
    clock.now = datetime(2025, 7, 31, 10, 0)
    result = restore_backup(old, data_file, root=root, clock=clock, actor=TEST_ACTOR)
    assert result.restored_from == old
    assert result.safety_backup is not None
    assert result.safety_backup.name == "进度 数据-20250731-100000-before-restore.sqlite"
    with Workspace.open(data_file) as ws:
        assert ws.entries.count() == 24
        assert ws.targets.all()[0].notes != "改过的备注"
        assert integrity_problems(ws.db) == [] and first_broken_link(ws.db) is None
        assert audit_mismatches(ws) == []
        last = list(audit_records(ws))[-1]  # the restore itself is in the trail
        assert (last.at, last.who, last.action, last.entity) == (
            "2025-07-31T10:00:00", "测试员", "restore-backup", "file",
        )  # fmt: skip
        assert last.before == '{"kept_as":"进度 数据-20250731-100000-before-restore.sqlite"}'
        assert last.after == f'{{"backup":"{old.name}"}}'
    with Workspace.open(result.safety_backup, read_only=True) as before:
        assert before.entries.count() == 25
        assert before.targets.all()[0].notes == "改过的备注"
    assert not list(data_file.parent.glob(".*restoring*"))


def test_restore_is_refused_while_the_file_is_open(data_file: Path, root: Path) -> None:
    with Workspace.open(data_file) as ws:
        backup = take_backup(ws, root=root)
        add_figure(ws, "300")
        with pytest.raises(FileInUseError, match=r"正被打开.*文件未做任何修改"):
            restore_backup(backup, data_file, root=root)
        assert ws.entries.count() == 25  # still open, still whole
    assert [b.kind for b in list_backups(data_file, root=root)] == [BackupKind.AUTO]  # nothing half-done
    assert not list(data_file.parent.glob(".*restoring"))
    with Workspace.open(data_file, read_only=True) as ws:
        assert ws.entries.count() == 25


def test_a_damaged_backup_is_never_restored(data_file: Path, root: Path, tmp_path: Path) -> None:
    with Workspace.open(data_file) as ws:
        backup = take_backup(ws, root=root)
    damage(backup)
    before = data_file.read_bytes()
    with pytest.raises(BackupError, match="不能用于恢复"):
        restore_backup(backup, data_file, root=root)
    assert data_file.read_bytes() == before
    assert latest_good_backup(data_file, root=root) is None


def test_a_deleted_file_can_be_restored(data_file: Path, root: Path) -> None:
    with Workspace.open(data_file) as ws:
        backup = take_backup(ws, root=root)
    data_file.unlink()
    result = restore_backup(backup, data_file, root=root)
    assert result.safety_backup is None
    with Workspace.open(data_file) as ws:
        assert ws.entries.count() == 24


def test_a_corrupt_file_is_refused_on_opening_and_the_latest_good_backup_restores_it(
    data_file: Path, root: Path
) -> None:
    clock = Clock(datetime(2025, 7, 29, 9, 0))
    with Workspace.open(data_file, clock=clock, actor=TEST_ACTOR) as ws:
        take_backup(ws, root=root)
        add_figure(ws, "300")
        clock.now = datetime(2025, 7, 30, 9, 0)
        good = take_backup(ws, root=root)
        clock.now = datetime(2025, 7, 31, 9, 0)
        bad = take_backup(ws, root=root)
    damage(bad)  # the newest backup is damaged too: it must be passed over
    damage(data_file)
    with pytest.raises(CorruptFileError, match="数据文件已损坏"):
        Workspace.open(data_file)

    offered = latest_good_backup(data_file, root=root)
    assert offered is not None and offered.path == good
    assert offered.counts is not None and offered.counts.entries == 25
    damaged = data_file.read_bytes()
    result = restore_backup(offered.path, data_file, root=root, clock=clock)

    # SQLite cannot copy a damaged file page by page, so it is kept byte for byte for whoever investigates
    assert result.safety_backup is not None and result.safety_backup.name.endswith("-damaged.sqlite")
    assert result.safety_backup.read_bytes() == damaged
    with Workspace.open(data_file) as ws:
        assert ws.entries.count() == 25
        assert integrity_problems(ws.db) == []
    kinds = {b.path.name: b.kind for b in list_backups(data_file, root=root)}
    assert kinds[result.safety_backup.name] is BackupKind.DAMAGED


def test_a_file_in_a_read_only_place_is_not_restored(
    data_file: Path, root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Workspace.open(data_file) as ws:
        backup = take_backup(ws, root=root)
    import app.storage.database as database

    monkeypatch.setattr(database.os, "access", lambda p, mode: False)  # a read-only share (tests run as root)
    with pytest.raises(ReadOnlyLocationError, match=r"只读.*不能恢复"):
        restore_backup(backup, data_file, root=root)
    monkeypatch.undo()
    assert [b.kind for b in list_backups(data_file, root=root)] == [BackupKind.AUTO]
