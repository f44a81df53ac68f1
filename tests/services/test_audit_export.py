"""The audit log exported to Excel and CSV and read back, and one target's change history in readable words."""

from __future__ import annotations

import csv
import sqlite3
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import parse_period
from app.services.atomic_write import OutputError
from app.services.audit_export import COLUMNS, EXCEL_CELL_LIMIT, export_audit, target_history
from app.services.editing import Editor
from app.services.workspace import Workspace
from app.storage.audit import Actor
from tests.conftest import TEST_ACTOR, fixed_clock


def build(ws: Workspace) -> tuple[int, int]:
    """A plan, two targets and the edits of a working week; returns the two targets' ids."""
    editor = Editor(ws)
    plan = editor.add_plan(
        Plan(
            title="医疗器械产业提质升级行动计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)
        )
    )
    target = editor.add_target(
        Target(
            plan_id=plan.id or 0,
            name="总体规模",
            kind=TargetKind.LEVEL,
            unit="亿元",
            comparator=Comparator.GT,
            target_value=Decimal(500),
            deadline=date(2026, 12, 31),
            baseline_value=Decimal(352),
        )
    )
    other = editor.add_target(
        Target(
            plan_id=plan.id or 0,
            name="创新品种",
            kind=TargetKind.CUMULATIVE,
            unit="个",
            target_value=Decimal(100),
            deadline=date(2026, 12, 31),
        )
    )
    first, second = editor.add_entries(
        [
            ProgressEntry(
                target_id=target.id or 0,
                period=parse_period(period),
                value=Decimal(value),
                unit="亿元",
                value_type=ValueType.PERIOD,
            )
            for period, value in (("2024年前三季度", "257"), ("2024年上半年", "170"))
        ]
    )
    editor.add_entry(
        ProgressEntry(
            target_id=other.id or 0,
            period=parse_period("2024年全年"),
            value=Decimal(70),
            unit="个",
            value_type=ValueType.CUMULATIVE,
        )
    )
    editor.update_entry(replace(ws.entries.get(first.id or 0), value=Decimal(260), note="区里更正"))
    editor.update_target(replace(ws.targets.get(target.id or 0), target_value=Decimal(520)))
    editor.delete_entries([second.id or 0])
    return target.id or 0, other.id or 0


def event_count(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])


def test_the_excel_export_reads_back_event_for_event(workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    out = tmp_path / "审计 记录.xlsx"
    result = export_audit(workspace, out)
    assert result.count == event_count(workspace) == 9
    assert result.broken_at is None
    assert result.message == f"已导出审计记录 9 条：{out}（审计记录链完整）"

    sheet = load_workbook(out)["审计记录"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 9
    first = rows[1]
    assert first[:6] == (datetime(2025, 7, 31, 9, 30), "测试员", "test-host", "新增", "政策文件", 1)
    assert first[6] is None and '"title":"医疗器械产业提质升级行动计划"' in first[7]
    update = rows[7]
    assert update[3:6] == ("修改", "填报", 1)
    assert '"value":"257"' in update[6] and '"value":"260"' in update[7] and '"note":"区里更正"' in update[7]
    hashes = [r[0] for r in workspace.db.execute("SELECT hash FROM audit_event ORDER BY id")]
    assert [r[8] for r in rows[1:]] == hashes
    assert rows[9][3:6] == ("删除", "填报", 2) and rows[9][7] is None
    notes = dict(load_workbook(out)["说明"].iter_rows(values_only=True))
    assert notes["记录条数"] == 9 and notes["审计记录链"] == "完整"
    assert not list(tmp_path.glob(".*partial*"))


def test_the_csv_export_reads_back_with_every_character(workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    out = tmp_path / "审计记录.csv"
    export_audit(workspace, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel then reads it as UTF-8
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == list(COLUMNS)
    assert len(rows) == 10
    assert rows[1][:6] == ["2025-07-31 09:30:00", "测试员", "test-host", "新增", "政策文件", "1"]
    stored = [
        tuple(r) for r in workspace.db.execute("SELECT before, after, hash FROM audit_event ORDER BY id")
    ]
    assert [(r[6] or None, r[7] or None, r[8]) for r in rows[1:]] == stored


def test_text_that_looks_like_a_formula_stays_text(db_path: Path, tmp_path: Path) -> None:
    actor = Actor(user='=HYPERLINK("http://x")', machine="+cmd")
    with Workspace.open(db_path, create=True, clock=fixed_clock, actor=actor) as ws:
        build(ws)
        export_audit(ws, tmp_path / "a.xlsx")
    cell = load_workbook(tmp_path / "a.xlsx")["审计记录"]["B2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_a_cell_too_long_for_excel_is_cut_with_a_note_and_the_csv_keeps_it_all(
    workspace: Workspace, tmp_path: Path
) -> None:
    long_text = "原文" * 20000  # 40,000 characters: more than an Excel cell holds
    Editor(workspace).add_plan(
        Plan(
            title="长文件",
            period_start=date(2024, 1, 1),
            period_end=date(2026, 12, 31),
            source_text=long_text,
        )
    )
    export_audit(workspace, tmp_path / "a.xlsx")
    export_audit(workspace, tmp_path / "a.csv")
    after = load_workbook(tmp_path / "a.xlsx")["审计记录"]["H2"].value
    assert len(after) == EXCEL_CELL_LIMIT and after.endswith("完整内容见 CSV 导出）")
    with (tmp_path / "a.csv").open(encoding="utf-8-sig", newline="") as f:
        assert long_text in list(csv.reader(f))[1][7]


def test_a_broken_chain_is_said_in_the_export(workspace: Workspace, tmp_path: Path) -> None:
    build(workspace)
    conn = sqlite3.connect(workspace.path)  # an edit behind the program's back
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("UPDATE audit_event SET who = '别人' WHERE id = 4")
    conn.commit()
    conn.close()
    result = export_audit(workspace, tmp_path / "a.xlsx")
    assert result.broken_at == 4
    assert "第 4 条断开" in result.message
    notes = dict(load_workbook(tmp_path / "a.xlsx")["说明"].iter_rows(values_only=True))
    assert str(notes["审计记录链"]).startswith("在第 4 条断开")


def test_only_xlsx_and_csv(workspace: Workspace, tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=r"\.xlsx 或 \.csv"):
        export_audit(workspace, tmp_path / "a.pdf")
    assert not (tmp_path / "a.pdf").exists()


def test_an_empty_log_exports_its_header(workspace: Workspace, tmp_path: Path) -> None:
    assert export_audit(workspace, tmp_path / "a.xlsx").count == 0
    assert list(load_workbook(tmp_path / "a.xlsx")["审计记录"].iter_rows(values_only=True)) == [COLUMNS]


# one target's history ----------------------------------------------------------------------------------


def test_a_targets_history_is_newest_first_in_readable_changes(workspace: Workspace) -> None:
    target_id, _ = build(workspace)
    items = target_history(workspace, target_id)
    assert [(i.action, i.record, i.record_id) for i in items] == [
        ("删除", "填报 2024年上半年", 2),
        ("修改", "指标", target_id),
        ("修改", "填报 2024年前三季度", 1),
        ("新增", "填报 2024年上半年", 2),  # saved together: the later of the two events first
        ("新增", "填报 2024年前三季度", 1),
        ("新增", "指标", target_id),
    ]
    deleted, target_edit, entry_edit, created = items[0], items[1], items[2], items[4]
    assert target_edit.summary == "目标值：500 → 520"
    assert entry_edit.summary == "数值：257 → 260；备注：（空） → 区里更正"
    assert (entry_edit.at, entry_edit.at_text) == (datetime(2025, 7, 31, 9, 30), "2025-07-31 09:30:00")
    assert (entry_edit.who, entry_edit.machine) == ("测试员", "test-host")
    assert "报告期：2024年前三季度" in created.summary and "数值：257" in created.summary
    assert "数值类型：期间值" in created.summary and "录入时间：2025-07-31 09:30:00" in created.summary
    assert "数值：170（已删除）" in deleted.summary
    target_created = items[-1]
    assert "指标名称：总体规模" in target_created.summary and "类型：规模" in target_created.summary
    assert "比较方式：>" in target_created.summary


def test_another_targets_figures_are_not_in_the_history(workspace: Workspace) -> None:
    _, other_id = build(workspace)
    other = target_history(workspace, other_id)
    assert [(i.action, i.record) for i in other] == [("新增", "填报 2024年全年"), ("新增", "指标")]
    assert target_history(workspace, 999) == []


def test_deleting_a_target_lists_its_figures_count(workspace: Workspace) -> None:
    target_id, _ = build(workspace)
    Editor(workspace).delete_target(target_id)
    newest = target_history(workspace, target_id)[0]
    assert (newest.action, newest.record) == ("删除", "指标")
    assert "指标名称：总体规模（已删除）" in newest.summary
    assert newest.summary.endswith("连同删除的填报：1 条")


def test_history_of_a_demo_target(demo_workspace: Workspace) -> None:
    items = target_history(demo_workspace, 1)
    assert items and all(i.who == "演示数据" for i in items)
    assert items[-1].action == "新增" and items[-1].record == "指标"
    assert TEST_ACTOR.user not in {i.who for i in items}
