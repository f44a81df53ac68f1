"""Every edit is one undoable step; undo and redo go through the same services and keep the audit consistent."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.domain.entities import ProgressEntry, ValueType
from app.domain.periods import parse_period
from app.domain.status import Status
from app.services.integrity import audit_mismatches
from app.services.statuses import StatusRow
from app.services.workspace import Workspace
from app.ui.session import Session

AS_OF = date(2025, 7, 31)


@pytest.fixture
def session(demo_workspace: Workspace) -> Iterator[Session]:
    s = Session(demo_workspace, AS_OF)
    yield s
    s.pool.waitForDone()


def row(rows: list[StatusRow], name: str) -> StatusRow:
    return next(r for r in rows if r.target.name == name)


def target_id(ws: Workspace, name: str) -> int:
    return next(t.id or 0 for t in ws.targets.all() if t.name == name)


def parks_entry(ws: Workspace, value: str) -> ProgressEntry:
    return ProgressEntry(
        target_id=target_id(ws, "专业化产业园区"),
        period=parse_period("截至2025年6月底"),
        value=Decimal(value),
        unit="个",
        value_type=ValueType.CUMULATIVE,
    )


def test_statuses_are_computed_in_the_background(qtbot: QtBot, session: Session) -> None:
    with qtbot.waitSignal(session.statusesReady) as ready:
        session.recompute()
    rows = ready.args[0]
    assert len(rows) == 20
    assert row(rows, "医疗器械产业总体规模").progress.status is Status.OFF_TRACK


def test_a_pasted_block_is_one_step_to_undo_and_redo(
    qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    before = demo_workspace.entries.count()
    block = [
        parks_entry(demo_workspace, "2"),
        replace(parks_entry(demo_workspace, "3"), period=parse_period("截至2025年12月底")),
    ]
    with qtbot.waitSignal(session.statusesReady) as ready:
        saved = session.add_entries(block)
    assert row(ready.args[0], "专业化产业园区").progress.actual == Decimal(2)  # as of 2025-07-31
    assert session.undo_stack.count() == 1
    assert session.undo_stack.undoText() == "Enter 2 figures"
    with qtbot.waitSignal(session.statusesReady) as ready:
        session.undo_stack.undo()
    assert demo_workspace.entries.count() == before
    assert row(ready.args[0], "专业化产业园区").progress.status is Status.NO_DATA
    session.undo_stack.redo()
    assert [e.id for e in demo_workspace.entries.for_target(saved[0].target_id)] == [e.id for e in saved]
    assert audit_mismatches(demo_workspace) == []


def test_edit_and_delete_undo(qtbot: QtBot, session: Session, demo_workspace: Workspace) -> None:
    entry = next(e for e in demo_workspace.entries.all() if e.value == Decimal(257))
    session.update_entry(replace(entry, value=Decimal(270)))
    assert demo_workspace.entries.get(entry.id or 0).value == Decimal(270)
    session.delete_entries([entry.id or 0])
    session.undo_stack.undo()  # the deletion
    assert demo_workspace.entries.get(entry.id or 0).value == Decimal(270)
    session.undo_stack.undo()  # the edit
    assert demo_workspace.entries.get(entry.id or 0).value == Decimal(257)
    assert audit_mismatches(demo_workspace) == []


def test_deleting_a_plan_and_undoing_brings_back_its_targets_and_entries(
    qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    plan = demo_workspace.plans.all()[0]
    targets_before = demo_workspace.targets.for_plan(plan.id or 0)
    entries_before = demo_workspace.entries.all()
    session.delete_plan(plan.id or 0)
    assert demo_workspace.targets.for_plan(plan.id or 0) == []
    session.undo_stack.undo()
    assert demo_workspace.plans.get(plan.id or 0) == plan
    assert {t.id for t in demo_workspace.targets.for_plan(plan.id or 0)} == {t.id for t in targets_before}
    assert demo_workspace.entries.all() == entries_before
    assert audit_mismatches(demo_workspace) == []
    session.undo_stack.redo()
    assert demo_workspace.targets.for_plan(plan.id or 0) == []


def test_target_edit_and_delete_undo(session: Session, demo_workspace: Workspace) -> None:
    target = demo_workspace.targets.get(target_id(demo_workspace, "专业化产业园区"))
    session.update_target(replace(target, target_value=Decimal(6)))
    session.delete_target(target.id or 0)
    session.undo_stack.undo()
    session.undo_stack.undo()
    assert demo_workspace.targets.get(target.id or 0) == target
    assert session.undo_stack.undoText() == ""


def test_a_failing_undo_is_reported_not_raised(
    qtbot: QtBot, session: Session, demo_workspace: Workspace
) -> None:
    saved = session.add_entries([parks_entry(demo_workspace, "2")])
    session.editor.delete_entries([saved[0].id or 0])  # someone else deleted it meanwhile
    with qtbot.waitSignal(session.errorOccurred) as error:
        session.undo_stack.undo()
    # Named, with who deleted it and when (the trail knows).
    assert (
        "“专业化产业园区”截至2025年6月底的填报已被 演示数据（demo）于 2025-07-31 09:30 删除" in error.args[0]
    )


def test_changing_the_as_of_date_recomputes(qtbot: QtBot, session: Session) -> None:
    with qtbot.waitSignal(session.statusesReady) as ready:
        session.set_as_of(date(2024, 12, 31))
    assert row(ready.args[0], "备案上线大模型").progress.actual == Decimal(94)


def test_a_history_read_while_a_write_is_open_is_not_kept(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A view refreshed between the steps of a long save reads the figures being written; when the save then
    fails and rolls back, the next look at the target shows the file as it is, not what was read meanwhile."""
    import app.storage.repositories as repositories
    from app.storage.database import DISK_FULL, DiskFullError

    monkeypatch.setattr(repositories, "PROGRESS_EVERY", 1)
    ws = session.workspace
    with qtbot.waitSignal(session.statusesReady):
        session.recompute()
    parks = row(session.rows, "专业化产业园区")
    before = len(session.complete_row(parks).entries)  # type: ignore[union-attr]
    seen: list[int] = []

    def step(done: int, total: int) -> None:
        seen.append(len(session.complete_row(parks).entries))  # type: ignore[union-attr]
        if done == 2:
            raise DiskFullError(DISK_FULL)

    with pytest.raises(DiskFullError):
        session.editor.add_entries([parks_entry(ws, "3"), replace(parks_entry(ws, "4"), note="再报")], step)
    assert seen == [before + 1, before + 2]  # the open transaction's own rows, read but not kept
    assert len(session.complete_row(parks).entries) == before


def test_a_closed_session_answers_from_what_it_has(qtbot: QtBot, demo_workspace: Workspace) -> None:
    """A window still redrawing while it closes asks for the selected target: no read of the closed file."""
    s = Session(demo_workspace, AS_OF)
    with qtbot.waitSignal(s.statusesReady):
        s.recompute()
    parks = row(s.rows, "专业化产业园区")
    s.close()
    assert s.complete_row(parks) is parks and not s.busy_writing()
