"""`check` finds rows changed, added or deleted outside the program, and stays quiet about the program's own edits."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

import pytest

from app.services.editing import Editor
from app.services.integrity import audit_mismatches
from app.services.workspace import Workspace


def raw(ws: Workspace, sql: str) -> None:
    """An edit made with another SQLite tool, bypassing the program."""
    conn = sqlite3.connect(ws.path)
    conn.execute(sql)
    conn.commit()
    conn.close()


def test_the_demo_and_the_programs_own_edits_agree_with_the_trail(demo_workspace: Workspace) -> None:
    editor = Editor(demo_workspace)
    assert audit_mismatches(demo_workspace) == []
    target = demo_workspace.targets.all()[0]
    editor.update_target(replace(target, target_value=Decimal(520)))
    entry = demo_workspace.entries.all()[0]
    editor.update_entry(replace(entry, value=Decimal("353.5")))
    editor.delete_entries([demo_workspace.entries.all()[-1].id or 0])
    editor.delete_plan(demo_workspace.plans.all()[0].id or 0)  # cascades to its targets and entries
    assert audit_mismatches(demo_workspace) == []


def test_a_value_changed_outside_is_named(demo_workspace: Workspace) -> None:
    raw(demo_workspace, "UPDATE progress_entry SET value = '300' WHERE id = 2")
    assert audit_mismatches(demo_workspace) == [
        "填报 2 的数值在程序之外被改动：审计记录为 '257'，文件中为 '300'"
    ]


def test_rows_added_or_deleted_outside_are_named(demo_workspace: Workspace) -> None:
    raw(demo_workspace, "DELETE FROM progress_entry WHERE id = 1")
    raw(
        demo_workspace,
        "INSERT INTO progress_entry (id, target_id, period_start, period_end, period_kind, value, entered_at)"
        " VALUES (99, 1, '2025-01-01', '2025-06-30', 'half', '999', '2025-07-01T00:00:00')",
    )
    assert audit_mismatches(demo_workspace) == [
        "填报 1 在程序之外被删除（审计记录中仍存在）",
        "填报 99 在程序之外被添加（没有审计记录）",
    ]


def test_locks_removed_added_or_changed_outside_are_named(demo_workspace: Workspace) -> None:
    """June 2025 is locked. Deleting that row with a SQLite tool would let June's figures be changed: `check`
    says so, as it does for a lock added or re-dated outside; the program's own lock and unlock stay quiet."""
    from app.services.period_locks import parse_lock_period
    from app.storage.file_records import LockRepository

    editor = Editor(demo_workspace)
    june = editor.lock_period(parse_lock_period("2025年6月"))
    assert LockRepository(demo_workspace.db).all() == [june]
    editor.lock_period(parse_lock_period("2025年第一季度"))
    editor.unlock_period(parse_lock_period("2025年第一季度"))
    assert audit_mismatches(demo_workspace) == []
    raw(demo_workspace, f"DELETE FROM period_lock WHERE id = {june.id}")
    raw(
        demo_workspace,
        "INSERT INTO period_lock (period_start, period_end, period_kind, locked_by, machine, locked_at)"
        " VALUES ('2025-04-01', '2025-04-30', 'month', '某人', 'PC', '2025-05-01T09:00:00')",
    )
    assert audit_mismatches(demo_workspace) == [
        "锁定的报告期 2025年4月 在程序之外被锁定（没有审计记录）",
        "锁定的报告期 2025年6月 在程序之外被解锁（审计记录中仍锁定）",
    ]
    editor.lock_period(parse_lock_period("2025年6月"))  # locked again through the program: in the trail
    raw(
        demo_workspace,
        "UPDATE period_lock SET locked_at = '2020-01-01T00:00:00' WHERE period_end = '2025-06-30'",
    )
    assert "锁定的报告期 2025年6月 的锁定记录在程序之外被改动" in audit_mismatches(demo_workspace)


def test_events_forged_by_hand_are_named_by_the_chain_and_do_not_stop_the_check(
    demo_workspace: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unlock with no snapshot and an entry event whose snapshot is not JSON, added with a SQLite tool:
    `check` reports the broken chain (and any row that differs) instead of stopping with a traceback."""
    from app.cli import EXIT_DATA, main

    for action, entity, entity_id, after in (
        ("unlock", "period_lock", None, None),
        ("lock", "period_lock", None, '{"note": "没有报告期"}'),
        ("update", "entry", 1, "not json"),
    ):
        raw(
            demo_workspace,
            "INSERT INTO audit_event (at, who, machine, action, entity, entity_id, before, after, prev_hash, hash)"
            f" VALUES ('2025-01-01', 'x', 'y', '{action}', '{entity}', {entity_id or 'NULL'}, NULL,"
            f" {repr(after) if after else 'NULL'}, '0', '0')",
        )
    assert audit_mismatches(demo_workspace) == []  # the forged events name nothing it can compare
    assert main(["check", str(demo_workspace.path)]) == EXIT_DATA
    out = capsys.readouterr().out
    assert "审计记录链在第" in out and "断开" in out


def test_a_locks_machine_changed_outside_is_named(demo_workspace: Workspace) -> None:
    from app.services.period_locks import parse_lock_period

    Editor(demo_workspace).lock_period(parse_lock_period("2025年6月"))
    raw(demo_workspace, "UPDATE period_lock SET machine = 'OTHER-PC'")
    assert audit_mismatches(demo_workspace) == ["锁定的报告期 2025年6月 的锁定记录在程序之外被改动"]
