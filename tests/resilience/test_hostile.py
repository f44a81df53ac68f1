"""Hostile environments, each on a real file: read-only file and folder, a file locked by another program, a full
disk, a truncated or overwritten file, a file from a newer version, a path with Chinese characters and spaces, a
"network" path, and a row edited with the sqlite3 tool behind the program's back.

Read-only as root: chmod does not stop root, so as root the file or folder is made immutable (``chattr +i``),
which does; as another user chmod does. Only if neither is possible (root on a file system without chattr) is the
check made through the operating-system seam (``os.access``), and the test says so.

Disk full is simulated with ``PRAGMA max_page_count`` on the program's own connection: SQLite then fails exactly
as on a full disk (SQLITE_FULL), when a change needs one page more.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

import app.storage.database as database
from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.periods import as_of, month
from app.services.demo import create_demo_workspace
from app.services.editing import Editor
from app.services.integrity import audit_mismatches
from app.services.sheet_import import RowStatus, commit_import, preview_import
from app.services.statuses import compute_statuses
from app.services.workspace import ReadOnlyError, Workspace
from app.storage.audit import first_broken_link
from app.storage.database import (
    CorruptFileError,
    DiskFullError,
    FileBusyError,
    NewerVersionError,
    NotOurFileError,
    ReadOnlyLocationError,
    integrity_problems,
)
from app.storage.file_records import ImportRepository
from app.storage.migrations import LATEST_VERSION
from tests.conftest import FIXED_NOW, TEST_ACTOR, fixed_clock

ROOT = Path(__file__).resolve().parents[2]
AS_OF = FIXED_NOW.date()


# helpers ---------------------------------------------------------------------------------------------------------


def cli(*args: str | Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """``python -m app.cli …`` as a user runs it, in its own process."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )


def dump(path: Path) -> str:
    """Everything in the file, as SQL (read through a read-only connection of its own)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sound(ws: Workspace) -> None:
    """Everything ``check`` looks at is in order."""
    assert integrity_problems(ws.db) == []
    assert first_broken_link(ws.db) is None
    assert audit_mismatches(ws) == []


def open_ws(path: Path, **kwargs: bool) -> Workspace:
    return Workspace.open(path, clock=fixed_clock, actor=TEST_ACTOR, **kwargs)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    folder = tmp_path / "共享 盘"
    folder.mkdir()
    path = folder / "演示 数据.ptt.sqlite"
    create_demo_workspace(path, clock=fixed_clock).close()
    return path


def returned_sheet(path: Path, rows: list[list[object]]) -> Path:
    """A returned fill-in sheet as another program would write it: name, period, value (and a note)."""
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["指标", "报告期", "数值", "备注"])
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def many_entries(ws: Workspace, count: int, note: str = "") -> list[ProgressEntry]:
    target = next(t for t in ws.targets.all() if t.unit == "家" and t.kind is TargetKind.CUMULATIVE)
    return [
        ProgressEntry(target.id or 0, as_of(date(2025, 1 + i % 6, 1 + i % 28)), Decimal(i), "家", note=note)
        for i in range(count)
    ]


# read-only file and folder ---------------------------------------------------------------------------------------


def _immutable(path: Path, on: bool) -> bool:
    if shutil.which("chattr") is None:
        return False
    result = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True)
    return result.returncode == 0


@contextlib.contextmanager
def read_only(path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Make ``path`` (a file or a folder) read-only for this process; yields how it was done."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    if root and _immutable(path, True):
        try:
            yield "chattr +i (immutable: refused even to root)"
        finally:
            _immutable(path, False)
    elif not root:
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
        try:
            yield "chmod (not running as root)"
        finally:
            path.chmod(mode)
    else:
        real_access = os.access
        monkeypatch.setattr(
            database.os, "access", lambda p, m: False if Path(p) == path else real_access(p, m)
        )
        yield "os.access seam (root without chattr: the operating system would not refuse)"


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_opens_read_only_and_says_so(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str
) -> None:
    sheet = returned_sheet(tmp_path / "回报.xlsx", [["医疗器械产业总体规模", "2024年全年", 360, ""]])
    before = digest(demo)
    protected = demo if what == "file" else demo.parent
    with read_only(protected, monkeypatch) as how:
        if how.startswith("chattr"):  # the operating system really refuses: no write gets through
            with pytest.raises(PermissionError):
                (demo.parent / "probe.txt" if what == "folder" else demo).open("ab").close()
        # Opened for editing: refused, saying why and what to do instead.
        with pytest.raises(ReadOnlyLocationError) as refused:
            open_ws(demo)
        assert str(refused.value) == (
            f"{demo} 所在位置只读（或没有写入权限），不能修改；可以只读方式查看，或复制到可写的文件夹后再填报"
        )
        # Opened read-only (what the window does next, with that message): everything can be read …
        with open_ws(demo, read_only=True) as ws:
            assert ws.read_only
            assert (ws.plans.count(), ws.targets.count(), ws.entries.count()) == (7, 20, 24)
            assert len(compute_statuses(ws, AS_OF)) == 20
            preview = preview_import(ws, [sheet])
            assert [r.status for r in preview.rows] == [RowStatus.OK]
            # … and every change is refused with a plain message, nothing written.
            message = f"{demo.name} 以只读方式打开，不能修改；如需填报请另存为副本"
            plan = ws.plans.all()[0]
            for attempt in (
                lambda: Editor(ws).add_plan(Plan("新文件", date(2025, 1, 1), date(2025, 12, 31))),
                lambda: Editor(ws).update_plan(replace(plan, title="改名")),
                lambda: Editor(ws).delete_entries([1]),
                lambda: commit_import(ws, preview),
            ):
                with pytest.raises(ReadOnlyError) as error:
                    attempt()
                assert str(error.value) == message
        result = cli("check", demo)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "检查通过" in result.stdout
    assert digest(demo) == before
    assert sorted(p.name for p in demo.parent.iterdir()) == [demo.name]  # no -wal, -shm or journal left
    print(f"\n[read-only {what}] made read-only by {how}")


# a file locked by another program ------------------------------------------------------------------------------------


def test_a_file_another_program_holds_locked_is_busy_not_corrupt(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another program (here: a second connection in rollback-journal mode, as the sqlite3 tool leaves a closed
    file) holds an exclusive lock while the file is opened. Calling that "damaged" would send the user to restore
    an old backup over good data: it is busy, and nothing is written."""
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)  # the real wait is 5 s
    before = digest(demo)
    other = sqlite3.connect(demo, isolation_level=None)
    try:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        other.execute("BEGIN EXCLUSIVE")
        for read_only_open in (False, True):
            with pytest.raises(FileBusyError) as busy:
                open_ws(demo, read_only=read_only_open)
            assert not isinstance(busy.value, CorruptFileError)
            assert str(busy.value) == (
                f"数据文件正被另一个程序锁定（或同事正在保存）：{demo}；请稍后再打开，文件未做任何修改"
            )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert digest(demo) == before
    with open_ws(demo) as ws:  # once the other program lets go, it opens as usual
        sound(ws)


def test_an_edit_while_another_copy_holds_the_write_lock_is_refused_whole(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    sheet = returned_sheet(
        tmp_path / "回报.xlsx",
        [["医疗器械产业总体规模", "2024年全年", 360, ""], ["累计算力规模", "截至2025年6月底", "2.5万", ""]],
    )
    with open_ws(demo) as ws:
        editor = Editor(ws)
        preview = preview_import(ws, [sheet])
        assert len(preview.rows_to_commit(True)) == 2
        target = ws.targets.all()[0]
        before = dump(demo)
        other = sqlite3.connect(demo, isolation_level=None)
        other.execute("BEGIN EXCLUSIVE")  # in WAL mode: holds the write lock; readers still read
        try:
            for attempt in (
                lambda: editor.add_entries(many_entries(ws, 5)),
                lambda: editor.update_target(replace(target, target_value=Decimal(999))),
                lambda: editor.delete_target(target.id or 0, target.version),
                lambda: commit_import(ws, preview),
            ):
                with pytest.raises(FileBusyError) as busy:
                    attempt()
                assert str(busy.value) == "数据文件正被另一个程序（或同事）写入，请稍后再试；本次修改未保存"
                assert not ws.db.conn.in_transaction
            assert ws.entries.count() == 24  # this copy still reads while the other one writes
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert dump(demo) == before  # nothing half-saved
        assert len(commit_import(ws, preview).added) == 2  # and once free, the same import goes through
        sound(ws)


# a full disk -----------------------------------------------------------------------------------------------------


def test_a_full_disk_refuses_the_action_whole_with_a_clear_message(demo: Path, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["医疗器械产业总体规模", f"{y}年{m}月", 10 + m, "说明" * 200]
        for y in (2024, 2025)
        for m in range(1, 13)
    ]
    sheet = returned_sheet(tmp_path / "大回报.xlsx", rows)
    with open_ws(demo) as ws:
        editor = Editor(ws)
        preview = preview_import(ws, [sheet])
        assert len(preview.rows_to_commit(True)) > 10
        before = dump(demo)
        pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
        assert ws.db.execute(f"PRAGMA max_page_count = {pages}").fetchone()[0] == pages  # not one page more
        block = many_entries(ws, 300, note="长备注" * 300)
        for attempt in (lambda: editor.add_entries(block), lambda: commit_import(ws, preview)):
            with pytest.raises(DiskFullError) as full:
                attempt()
            assert str(full.value) == (
                "磁盘空间不足（或已达到文件大小上限），本次修改未保存；请清理磁盘空间后重试，数据文件未受影响"
            )
            assert not ws.db.conn.in_transaction
        assert dump(demo) == before and ImportRepository(ws.db).count() == 0
        sound(ws)
        ws.db.execute(f"PRAGMA max_page_count = {pages * 100}")  # space freed: the same actions now succeed
        assert len(editor.add_entries(block)) == 300
        assert len(commit_import(ws, preview).added) == len(preview.rows_to_commit(True))
        sound(ws)
    result = cli("check", demo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_commit_that_fails_is_rolled_back_and_the_next_action_is_saved(demo: Path) -> None:
    """On a real full disk SQLite fails at COMMIT, writing the log (max_page_count fails earlier, at the insert).
    A COMMIT that fails must not leave the action pending: the next action would nest inside it as a savepoint
    and never be saved. Here COMMIT fails on a deferred foreign key that a temporary trigger breaks."""
    with open_ws(demo) as ws:
        editor = Editor(ws)
        before = dump(demo)
        ws.db.execute("CREATE TEMP TABLE parent (id INTEGER PRIMARY KEY)")
        ws.db.execute(
            "CREATE TEMP TABLE child (parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)"
        )
        ws.db.execute(
            "CREATE TEMP TRIGGER break_commit AFTER INSERT ON main.progress_entry"
            " BEGIN INSERT INTO child VALUES (42); END"
        )
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            editor.add_entries(many_entries(ws, 3))
        assert not ws.db.conn.in_transaction
        assert dump(demo) == before
        ws.db.execute("DROP TRIGGER temp.break_commit")
        saved = editor.add_entries(many_entries(ws, 2))
        assert not ws.db.conn.in_transaction
    with open_ws(demo, read_only=True) as again:  # saved for real: seen by a new connection
        assert again.entries.count() == 24 + 2
        assert {e.id for e in saved} <= {e.id for e in again.entries.all()}
        sound(again)


# truncated and overwritten files -------------------------------------------------------------------------------------


def _truncate(path: Path, keep: int) -> None:
    with path.open("r+b") as f:
        f.truncate(keep)


def _overwrite_page(path: Path, page: int) -> None:
    size = 4096
    with path.open("r+b") as f:
        f.seek((page - 1) * size + (100 if page == 1 else 0))
        f.write(bytes((i * 37 + 11) % 256 for i in range(size - (100 if page == 1 else 0))))


def _root_page(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 4096
        return int(conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0])
    finally:
        conn.close()


DAMAGE = {
    "truncated to half": lambda p: _truncate(p, p.stat().st_size // 2),
    "truncated after the first page": lambda p: _truncate(p, 4096 + 100),
    "the figures' pages overwritten": lambda p: _overwrite_page(p, _root_page(p, "progress_entry")),
    "the audit trail's pages overwritten": lambda p: _overwrite_page(p, _root_page(p, "audit_event")),
    "the schema page overwritten": lambda p: _overwrite_page(p, 1),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_damaged_file_is_found_on_opening_and_left_as_it_is(demo: Path, damage: str) -> None:
    DAMAGE[damage](demo)
    before = digest(demo)
    with pytest.raises(CorruptFileError) as corrupt:
        open_ws(demo)
    message = str(corrupt.value)
    assert message.startswith("数据文件已损坏")
    assert str(demo) in message and "从备份恢复" in message and "ptt restore" in message
    assert len(message) < 500  # a message box, not SQLite's whole report
    assert digest(demo) == before  # not switched to WAL, not migrated: the damaged file is as it was
    result = cli("check", demo)
    assert result.returncode == 1
    assert "损坏" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


# files that are not ours to change ----------------------------------------------------------------------------


def test_another_programs_database_is_refused_and_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "别的程序.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE 账目 (日期 TEXT, 金额 TEXT)")
    conn.execute("INSERT INTO 账目 VALUES ('2025-07-01', '100')")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotOurFileError, match="不是本程序的数据文件，未做任何修改"):
        open_ws(path)
    assert digest(path) == before  # not even switched to WAL
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]


# a file from a newer version ---------------------------------------------------------------------------------------


def test_a_file_from_a_newer_version_is_refused_naming_the_version(demo: Path) -> None:
    newer = LATEST_VERSION + 1
    conn = sqlite3.connect(demo)
    conn.execute(f"PRAGMA user_version = {newer}")
    conn.close()
    before = digest(demo)
    expected = (
        f"{demo.name} 由更新版本的程序创建（数据库版本 {newer}），本程序只支持到版本 {LATEST_VERSION}；"
        "请升级程序后再打开，文件未做任何修改"
    )
    for read_only_open in (False, True):
        with pytest.raises(NewerVersionError) as refused:
            open_ws(demo, read_only=read_only_open)
        assert str(refused.value) == expected
    result = cli("check", demo)
    assert (result.returncode, result.stderr.strip()) == (1, f"错误：{expected}")
    assert digest(demo) == before


# awkward paths -----------------------------------------------------------------------------------------------------


def _work_in(path: Path, sheet_folder: Path) -> None:
    """A day's work: a plan, a target, a figure typed in, a sheet imported."""
    with open_ws(path, create=True) as ws:
        editor = Editor(ws)
        plan = editor.add_plan(Plan("人工智能行动计划（2024—2026年）", date(2024, 1, 1), date(2026, 12, 31)))
        target = editor.add_target(
            Target(
                plan.id or 0,
                "算力 规模",
                TargetKind.CUMULATIVE,
                "P",
                target_value=Decimal(45000),
                deadline=date(2026, 12, 31),
            )
        )
        editor.add_entry(ProgressEntry(target.id or 0, month(2025, 1), Decimal(100), "P"))
        sheet = returned_sheet(
            sheet_folder / "回报 表 #1.xlsx", [["算力 规模", "截至2025年6月底", "1.2万", "快报"]]
        )
        assert len(commit_import(ws, preview_import(ws, [sheet])).added) == 1


def test_a_path_with_chinese_characters_spaces_and_symbols(tmp_path: Path) -> None:
    folder = tmp_path / "市经信局 共享盘" / "二〇二五 年报表 #1 (最终版) 100% 的"
    folder.mkdir(parents=True)
    path = folder / "数据 文件 v2.ptt.sqlite"
    _work_in(path, folder)
    with open_ws(path, read_only=True) as ws:  # read-only goes through a file: URI, percent-encoded
        assert (ws.plans.count(), ws.targets.count(), ws.entries.count()) == (1, 1, 2)
        sound(ws)
    result = cli("check", path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"文件：{path}" in result.stdout and "检查通过" in result.stdout
    relative = cli("check", path.name, cwd=folder)  # typed in the folder itself
    assert relative.returncode == 0, relative.stdout + relative.stderr


def test_a_network_path_reached_through_a_symlink(tmp_path: Path) -> None:
    """Linux has no UNC paths; the honest stand-in for a mapped drive is a path through a symlink, both to the
    share's folder and to the file itself. Whatever name a copy uses, all copies must share one log and one
    lock: a -wal created beside the link instead of the file would split the file in two."""
    share = tmp_path / "服务器" / "共享 文件夹"
    share.mkdir(parents=True)
    mapped = tmp_path / "映射盘 Z"
    mapped.symlink_to(share, target_is_directory=True)
    shortcut_folder = tmp_path / "桌面"
    shortcut_folder.mkdir()
    shortcut = shortcut_folder / "数据 的快捷方式.ptt.sqlite"
    real = share / "数据.ptt.sqlite"
    _work_in(mapped / "数据.ptt.sqlite", mapped)
    shortcut.symlink_to(real)
    with open_ws(shortcut) as by_link, open_ws(real) as by_name:
        Editor(by_link).add_entries(many_entries_for(by_link, 1))
        assert by_name.entries.count() == 3  # one file, one log: seen at once under the other name
        assert (share / "数据.ptt.sqlite-wal").exists()
        assert sorted(p.name for p in shortcut_folder.iterdir()) == [shortcut.name]  # no log beside the link
        by_name.db.execute(f"PRAGMA busy_timeout = {100}")
        by_link.db.conn.execute("BEGIN IMMEDIATE")  # one lock, too: a writer under one name blocks the other
        try:
            with pytest.raises(FileBusyError):
                Editor(by_name).add_entries(many_entries_for(by_name, 1))
        finally:
            by_link.db.conn.rollback()
        sound(by_name)
    for path in (mapped / "数据.ptt.sqlite", shortcut):
        result = cli("check", path)
        assert result.returncode == 0, result.stdout + result.stderr


def many_entries_for(ws: Workspace, count: int) -> list[ProgressEntry]:
    target = ws.targets.all()[0]
    return [ProgressEntry(target.id or 0, month(2025, 2 + i), Decimal(200 + i), "P") for i in range(count)]


# edits behind the program's back ---------------------------------------------------------------------------------


def outside(path: Path, sql: str) -> str:
    """Run SQL with the sqlite3 command-line tool, as a curious colleague would; a plain connection if the
    tool is not installed. Returns which was used."""
    tool = shutil.which("sqlite3")
    if tool is not None:
        subprocess.run([tool, str(path), sql], check=True, capture_output=True)
        return "sqlite3 command-line tool"
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.close()
    return "sqlite3 module (no command-line tool installed)"


EDITS = {
    "a figure changed": (
        "UPDATE progress_entry SET value = '999' WHERE id = 2;",
        "与审计记录不符：填报 2 的数值在程序之外被改动：审计记录为 '257'，文件中为 '999'",
    ),
    "a figure added": (
        "INSERT INTO progress_entry (id, target_id, period_start, period_end, period_kind, value, entered_at)"
        " VALUES (99, 1, '2025-01-01', '2025-06-30', 'half', '1', '2025-07-01T00:00:00');",
        "与审计记录不符：填报 99 在程序之外被添加（没有审计记录）",
    ),
    "a target renamed": (
        "UPDATE target SET name = '改过的名字' WHERE id = 3;",
        "与审计记录不符：指标 3 的指标名称在程序之外被改动：审计记录为 '创新医疗器械品种'，文件中为 '改过的名字'",
    ),
    "a figure deleted": (
        "DELETE FROM progress_entry WHERE id = 5;",
        "与审计记录不符：填报 5 在程序之外被删除（审计记录中仍存在）",
    ),
    "the audit trail rewritten": (
        "DROP TRIGGER audit_event_no_update; UPDATE audit_event SET who = '别人' WHERE id = 4;",
        "审计记录链在第 4 条断开：该条或其之前的记录在程序之外被改动过",
    ),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_an_edit_behind_the_programs_back_is_named_by_check(demo: Path, edit: str) -> None:
    assert cli("check", demo).returncode == 0
    sql, expected = EDITS[edit]
    how = outside(demo, sql)
    result = cli("check", demo)
    assert result.returncode == 1, result.stdout + result.stderr
    assert expected in result.stdout.splitlines(), result.stdout
    assert "检查通过" not in result.stdout
    print(f"\n[outside edit: {edit}] made with the {how}")
