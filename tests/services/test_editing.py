"""Edits go through one service: validated, saved in one transaction with their audit events, announced."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.errors import ValidationError
from app.domain.periods import parse_period
from app.services.editing import Editor
from app.services.workspace import Change, ReadOnlyError, Workspace
from app.storage.audit import first_broken_link
from tests.conftest import TEST_ACTOR, fixed_clock

PLAN = Plan(
    title="医疗器械产业提质升级行动计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31)
)


def make_target(plan_id: int, **kw: object) -> Target:
    fields: dict[str, object] = {
        "plan_id": plan_id,
        "name": "总体规模",
        "kind": TargetKind.LEVEL,
        "unit": "亿元",
        "comparator": Comparator.GT,
        "target_value": Decimal(500),
        "deadline": date(2026, 12, 31),
        "baseline_value": Decimal(352),
    }
    fields.update(kw)
    return Target(**fields)  # type: ignore[arg-type]


def make_entry(target_id: int, period: str, value: str, unit: str = "亿元") -> ProgressEntry:
    return ProgressEntry(
        target_id=target_id,
        period=parse_period(period),
        value=Decimal(value),
        unit=unit,
        value_type=ValueType.PERIOD,
    )


@pytest.fixture
def seeded(workspace: Workspace) -> tuple[Editor, Plan, Target]:
    editor = Editor(workspace)
    plan = editor.add_plan(PLAN)
    assert plan.id is not None
    return editor, plan, editor.add_target(make_target(plan.id))


def audit_rows(ws: Workspace) -> list[dict[str, object]]:
    return [dict(r) for r in ws.db.query("SELECT * FROM audit_event ORDER BY id")]


def test_create_records_who_when_and_what(seeded: tuple[Editor, Plan, Target], workspace: Workspace) -> None:
    rows = audit_rows(workspace)
    assert [(r["action"], r["entity"]) for r in rows] == [("create", "plan"), ("create", "target")]
    assert rows[1]["who"] == "测试员" and rows[1]["machine"] == "test-host"
    assert rows[1]["at"] == "2025-07-31T09:30:00"
    after = json.loads(str(rows[1]["after"]))
    assert after["name"] == "总体规模" and after["target_value"] == "500"


def test_update_keeps_before_and_after(seeded: tuple[Editor, Plan, Target], workspace: Workspace) -> None:
    editor, _, target = seeded
    editor.update_target(replace(target, target_value=Decimal("520.5")))
    last = audit_rows(workspace)[-1]
    assert last["action"] == "update"
    assert json.loads(str(last["before"]))["target_value"] == "500"
    assert json.loads(str(last["after"]))["target_value"] == "520.5"
    assert workspace.targets.get(target.id or 0).target_value == Decimal("520.5")


def test_decimal_values_survive_the_round_trip_exactly(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    editor, _, target = seeded
    saved = editor.add_entry(make_entry(target.id or 0, "2024年前三季度", "0.1"))
    editor.add_entry(make_entry(target.id or 0, "2024年全年", "0.2"))
    values = [e.value for e in workspace.entries.for_target(target.id or 0)]
    assert sum(values) == Decimal("0.3")
    assert saved.entered_at is not None and saved.period.label == "2024年前三季度"


def test_a_bad_row_in_a_block_saves_nothing(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    editor, _, target = seeded
    events_before = len(audit_rows(workspace))
    block = [
        make_entry(target.id or 0, "2024年1-3月", "80"),
        make_entry(target.id or 0, "2024年1-6月", "160", unit="家"),  # 家 against 亿元
        make_entry(target.id or 0, "2024年前三季度", "257"),
    ]
    with pytest.raises(ValidationError) as err:
        editor.add_entries(block)
    assert err.value.problems[0][0] == "第2行 单位"
    assert "家" in err.value.problems[0][1] and "亿元" in err.value.problems[0][1]
    assert workspace.entries.for_target(target.id or 0) == []
    assert len(audit_rows(workspace)) == events_before


def test_a_failure_inside_the_transaction_rolls_everything_back(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor, _, target = seeded
    calls = {"n": 0}
    original = workspace.entries._insert

    def flaky_insert(row: dict[str, object]) -> int:
        calls["n"] += 1
        if calls["n"] == 2:
            raise sqlite3.OperationalError("disk I/O error")
        return original(row)

    monkeypatch.setattr(workspace.entries, "_insert", flaky_insert)
    with pytest.raises(sqlite3.OperationalError):
        editor.add_entries(
            [make_entry(target.id or 0, "2024年全年", "340"), make_entry(target.id or 0, "2025年全年", "400")]
        )
    assert workspace.entries.count() == 0


def test_invalid_target_names_every_field(seeded: tuple[Editor, Plan, Target]) -> None:
    editor, plan, _ = seeded
    bad = make_target(plan.id or 0, name=" ", unit="亿美圆", deadline=date(2023, 6, 30), target_value=None)
    with pytest.raises(ValidationError) as err:
        editor.add_target(bad)
    fields = [f for f, _ in err.value.problems]
    assert fields == ["指标名称", "单位", "目标值", "截止时间"]
    assert "亿美圆" in err.value.problems[1][1]
    assert "2023-06-30" in err.value.problems[3][1]


def test_changing_a_unit_that_strands_entries_is_refused(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    editor, _, target = seeded
    editor.add_entry(make_entry(target.id or 0, "2024年全年", "340"))
    with pytest.raises(ValidationError, match="家"):
        editor.update_target(replace(target, unit="家"))
    assert workspace.targets.get(target.id or 0).unit == "亿元"


def test_listeners_hear_each_change(seeded: tuple[Editor, Plan, Target], workspace: Workspace) -> None:
    editor, _, target = seeded
    heard: list[Change] = []
    workspace.subscribe(heard.append)
    saved = editor.add_entries(
        [make_entry(target.id or 0, "2024年全年", "340"), make_entry(target.id or 0, "2025年全年", "380")]
    )
    editor.delete_entries([saved[0].id or 0])
    assert heard == [
        Change("entry", "create", (saved[0].id or 0, saved[1].id or 0)),
        Change("entry", "delete", (saved[0].id or 0,)),
    ]


def test_deleting_a_plan_removes_its_targets_and_keeps_them_in_the_audit(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    editor, plan, target = seeded
    editor.add_entry(make_entry(target.id or 0, "2024年全年", "340"))
    editor.delete_plan(plan.id or 0)
    assert workspace.targets.count() == 0 and workspace.entries.count() == 0
    before = json.loads(str(audit_rows(workspace)[-1]["before"]))
    assert before["title"] == PLAN.title and before["targets"][0]["name"] == "总体规模"


def test_read_only_workspace_refuses_edits(db_path: Path) -> None:
    with Workspace.open(db_path, create=True, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        Editor(ws).add_plan(PLAN)
    with Workspace.open(db_path, read_only=True) as ws:
        with pytest.raises(ReadOnlyError, match="只读"):
            Editor(ws).add_plan(PLAN)
        assert ws.plans.count() == 1


def test_audit_chain_verifies_and_detects_a_quiet_edit(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    editor, _, target = seeded
    editor.add_entry(make_entry(target.id or 0, "2024年全年", "340"))
    assert first_broken_link(workspace.db) is None
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        workspace.db.execute("UPDATE audit_event SET who = 'x' WHERE id = 2")
    # Someone outside the program drops the trigger and rewrites history:
    workspace.db.execute("DROP TRIGGER audit_event_no_update")
    workspace.db.execute("UPDATE audit_event SET after = replace(after, '500', '5000') WHERE id = 2")
    workspace.db.conn.commit()
    assert first_broken_link(workspace.db) == 2


def test_a_failed_demo_load_leaves_no_file_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.services.demo as demo

    def broken(ws: Workspace) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "load_demo", broken)
    path = tmp_path / "demo.sqlite"
    with pytest.raises(RuntimeError):
        demo.create_demo_workspace(path)
    assert list(tmp_path.iterdir()) == []


def test_added_entries_are_returned_exactly_as_the_file_holds_them(
    seeded: tuple[Editor, Plan, Target], workspace: Workspace
) -> None:
    """Returned without re-reading each row: still equal, field for field, to what a query reads back —
    340.50 normalised to 340.5, the clock's time to the second, version 1 — and each audited in order."""
    editor, _, target = seeded
    added = editor.add_entries(
        [
            make_entry(target.id or 0, "2024年全年", "340.50"),
            make_entry(target.id or 0, "2025年上半年", "1.2", "万亿元"),
        ]
    )
    for entry in added:
        read = workspace.entries.get(entry.id or 0)
        assert entry == read
        assert (entry.version, entry.entered_at) == (read.version, read.entered_at) == (1, fixed_clock())
    assert [str(e.value) for e in added] == ["340.5", "1.2"]
    events = audit_rows(workspace)[-2:]
    assert [(e["action"], e["entity_id"]) for e in events] == [
        ("create", added[0].id),
        ("create", added[1].id),
    ]
    assert '"value":"340.5"' in str(events[0]["after"])
    assert first_broken_link(workspace.db) is None
