"""Locked reporting periods (锁定报告期): figures whose period ends inside a locked range stay as approved — no
add, edit, delete, import or undo — until the range is unlocked; both acts are audited and ``check`` stays clean."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from app.domain.entities import ProgressEntry, ValueType
from app.domain.errors import DomainError
from app.domain.periods import parse_period
from app.services.demo import create_demo_workspace
from app.services.editing import Editor, Restorer
from app.services.fill_template import write_template
from app.services.integrity import audit_mismatches
from app.services.period_locks import PeriodLockedError, parse_lock_period
from app.services.sheet_import import RowStatus, commit_import, preview_import
from app.services.workspace import ReadOnlyError, Workspace
from app.storage.audit import first_broken_link
from app.storage.file_records import ImportRepository
from tests.conftest import TEST_ACTOR, fixed_clock

PARKS = "专业化产业园区"  # a target of the demo without figures: counted in 个
GREEN = 7  # 绿色工厂累计建成 截至2025年6月底 212家
PRODUCTS_H1 = 4  # 创新医疗器械品种 2025年上半年 7个
BY = "测试员（test-host）于 2025-07-31 09:30"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    path = tmp_path / "数据.ptt.sqlite"
    create_demo_workspace(path, clock=fixed_clock).close()
    with Workspace.open(path, clock=fixed_clock, actor=TEST_ACTOR) as opened:
        yield opened


def parks(ws: Workspace, period: str, value: str = "2") -> ProgressEntry:
    target = next(t for t in ws.targets.all() if t.name == PARKS)
    return ProgressEntry(target.id or 0, parse_period(period), Decimal(value), "个", ValueType.CUMULATIVE)


def lock(ws: Workspace, period: str, note: str = "") -> None:
    Editor(ws).lock_period(parse_lock_period(period), note)


def counts(ws: Workspace) -> tuple[int, int]:
    events = int(ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])
    return ws.entries.count(), events


def test_a_month_lock_holds_every_figure_that_ends_in_that_month(ws: Workspace) -> None:
    lock(ws, "2025年6月", "6月月报已审定")
    before = counts(ws)
    editor = Editor(ws)
    for period in (
        "2025年6月",
        "2025年1-6月",
        "截至2025年6月底",
        "截至2025年6月29日",
        "2025年第二季度",
        "2025年上半年",
    ):
        with pytest.raises(PeriodLockedError) as refused:
            editor.add_entry(parks(ws, period))
        assert refused.value.problems[0][0] == "报告期"
    assert str(refused.value) == (
        f"报告期：2025年上半年属于已锁定的报告期 2025年6月（{BY} 锁定），不能添加；如需更正，请先解锁 2025年6月"
    )
    with pytest.raises(PeriodLockedError) as refused:
        editor.add_entry(parks(ws, "2025年6月"))
    assert (
        str(refused.value) == f"报告期：2025年6月已由 {BY} 锁定，不能添加该报告期的填报；如需更正，请先解锁"
    )
    assert counts(ws) == before  # nothing saved, no audit event
    # A month before or after is not June's report.
    for period in ("2025年5月", "2025年7月", "2025年1-5月", "截至2025年7月1日"):
        editor.add_entry(parks(ws, period))
    assert ws.entries.count() == before[0] + 4


def test_a_block_names_each_locked_row_and_saves_none(ws: Workspace) -> None:
    lock(ws, "2025年上半年")
    before = counts(ws)
    block = [parks(ws, "2024年12月"), parks(ws, "2025年3月"), parks(ws, "截至2025年6月底")]
    with pytest.raises(PeriodLockedError) as refused:
        Editor(ws).add_entries(block)
    held = f"属于已锁定的报告期 2025年上半年（{BY} 锁定），不能添加；如需更正，请先解锁 2025年上半年"
    assert refused.value.problems == [
        ("第2行 报告期", f"2025年3月{held}"),
        ("第3行 报告期", f"截至2025年6月底{held}"),
    ]
    assert counts(ws) == before


def test_locked_figures_cannot_be_edited_moved_in_or_deleted(ws: Workspace) -> None:
    lock(ws, "2025年6月")
    editor = Editor(ws)
    green = ws.entries.get(GREEN)
    before = counts(ws)
    with pytest.raises(PeriodLockedError, match=r"截至2025年6月底属于已锁定的报告期 2025年6月.*不能修改"):
        editor.update_entry(replace(green, value=Decimal(213)))
    with pytest.raises(PeriodLockedError, match="不能修改"):
        editor.update_entry(replace(green, period=parse_period("截至2025年5月底")))  # moving it out
    may = editor.add_entry(parks(ws, "2025年5月"))
    with pytest.raises(PeriodLockedError, match="不能修改"):
        editor.update_entry(replace(may, period=parse_period("2025年6月")))  # moving one in
    with pytest.raises(PeriodLockedError, match="不能删除；"):
        editor.delete_entries([GREEN])
    with pytest.raises(PeriodLockedError) as refused:
        editor.delete_target(green.target_id)
    assert str(refused.value) == (
        f"报告期：指标“绿色工厂累计建成”有 1 条填报在已锁定的报告期 2025年6月（{BY} 锁定）内，"
        "不能删除；如需删除，请先解锁"
    )
    plan_id = ws.targets.get(green.target_id).plan_id
    with pytest.raises(PeriodLockedError, match="政策文件“制造业绿色化转型"):
        editor.delete_plan(plan_id)
    assert ws.entries.get(GREEN) == green
    assert counts(ws)[0] == before[0] + 1  # only the May figure was added
    # Changing the target itself (its target value) is not changing approved figures.
    target = ws.targets.get(green.target_id)
    assert editor.update_target(replace(target, notes="已审定")).notes == "已审定"


def test_undo_is_refused_the_same_way(ws: Workspace) -> None:
    editor, restorer = Editor(ws), Restorer(Editor(ws))
    deleted = editor.delete_entries([GREEN])  # before the lock
    lock(ws, "2025年第二季度")
    with pytest.raises(PeriodLockedError, match="不能恢复"):
        restorer.restore_entries(deleted)  # the undo of that deletion
    target, plan = ws.targets.get(PRODUCTS_H1 - 1), ws.plans.get(1)
    assert target.name == "创新医疗器械品种"
    entries = ws.entries.for_target(target.id or 0)
    with pytest.raises(PeriodLockedError, match="不能删除"):
        editor.delete_target(target.id or 0)
    Editor(ws).unlock_period(parse_lock_period("2025年第二季度"))
    gone_target, gone_entries = editor.delete_target(target.id or 0)
    lock(ws, "2025年上半年")
    with pytest.raises(PeriodLockedError, match="不能恢复"):
        restorer.restore_target(gone_target, gone_entries)
    assert [e.id for e in entries] == [e.id for e in gone_entries]
    assert plan.id == gone_target.plan_id


def test_lock_and_unlock_are_audited_and_check_stays_clean(ws: Workspace) -> None:
    editor = Editor(ws)
    saved = editor.lock_period(parse_lock_period("2025年6月"), "  6月月报已审定 ")
    assert (saved.period.label, saved.locked_by, saved.machine, saved.note) == (
        "2025年6月",
        "测试员",
        "test-host",
        "6月月报已审定",
    )
    assert [lk.period.label for lk in editor.locks()] == ["2025年6月"]
    with pytest.raises(ReadOnlyError), Workspace.open(ws.path, read_only=True) as reader:
        Editor(reader).unlock_period(parse_lock_period("2025年6月"))
    editor.unlock_period(parse_lock_period("2025年6月"))
    assert editor.locks() == []
    editor.update_entry(replace(ws.entries.get(GREEN), value=Decimal(213)))  # correctable again
    events = [
        (r[0], r[1], r[2], json.loads(r[3] or r[4]))
        for r in ws.db.execute(
            "SELECT action, entity, who, before, after FROM audit_event WHERE entity = 'period_lock' ORDER BY id"
        )
    ]
    assert [(a, e, w, s["period"], s["note"]) for a, e, w, s in events] == [
        ("lock", "period_lock", "测试员", "2025年6月", "6月月报已审定"),
        ("unlock", "period_lock", "测试员", "2025年6月", "6月月报已审定"),
    ]
    assert first_broken_link(ws.db) is None
    assert audit_mismatches(ws) == []


def test_locking_twice_and_unlocking_what_is_not_locked_are_refused(ws: Workspace) -> None:
    editor = Editor(ws)
    lock(ws, "2025年上半年")
    with pytest.raises(DomainError) as twice:
        lock(ws, "2025年1-6月")  # the same range, written another way
    assert str(twice.value) == f"报告期：2025年上半年已由 {BY} 锁定，无需再次锁定"
    with pytest.raises(DomainError) as inside:
        editor.unlock_period(parse_lock_period("2025年6月"))
    assert str(inside.value) == (
        f"报告期：2025年6月不是单独锁定的报告期；它在 2025年上半年（{BY} 锁定） 之中，请解锁该报告期"
    )
    with pytest.raises(DomainError, match="2024年全年没有锁定，无需解锁"):
        editor.unlock_period(parse_lock_period("2024年"))
    with pytest.raises(DomainError, match="“2025年13月”不是有效的报告期"):
        parse_lock_period("2025年13月")
    assert len(editor.locks()) == 1


def test_an_import_preview_marks_rows_in_a_locked_period_as_errors(ws: Workspace, tmp_path: Path) -> None:
    day = fixed_clock().date()
    template = write_template(
        ws, tmp_path / "模板.xlsx", unit="市经济和信息化局经济运行处", as_of_date=day
    ).path
    wb = openpyxl.load_workbook(template)
    sheet = wb["填报"]
    sheet["K4"] = 360  # 医疗器械产业总体规模 2024年全年
    sheet["K11"] = "7.2"  # 规上工业增加值增速 2025年上半年 (a correction of 7%)
    wb.save(returned := tmp_path / "回报.xlsx")
    entries_before = ws.entries.count()
    early = preview_import(ws, [returned], as_of_date=day)  # made before the lock
    assert {r.value_cell: r.status for r in early.rows if r.status is not RowStatus.SKIPPED} == {
        "填报!K4": RowStatus.OK,
        "填报!K11": RowStatus.WARNING,
    }
    lock(ws, "2024年")
    with pytest.raises(PeriodLockedError, match=r"填报!K4 报告期：2024年全年已由 .*不能导入"):
        commit_import(ws, early)  # locked meanwhile: refused at the commit, and nothing of the file is saved
    assert (ws.entries.count(), ImportRepository(ws.db).count()) == (entries_before, 0)

    preview = preview_import(ws, [returned], as_of_date=day)
    rows = {r.value_cell: r for r in preview.rows if r.status is not RowStatus.SKIPPED}
    assert (rows["填报!K4"].status, rows["填报!K4"].cell, rows["填报!K4"].reason) == (
        RowStatus.ERROR,
        "填报!J4",
        f"报告期：2024年全年已由 {BY} 锁定，不能导入该报告期的填报；如需更正，请先解锁",
    )
    assert rows["填报!K11"].status is RowStatus.WARNING
    result = commit_import(ws, preview)
    assert [e.period.label for e in result.added] == ["2025年上半年"]
    assert ws.entries.count() == entries_before + 1
