"""`check` finds rows changed, added or deleted outside the program, and stays quiet about the program's own edits."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal

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
