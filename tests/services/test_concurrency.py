"""Two copies of the program on one file: an edit based on stale data is refused with the newer value, nothing is
lost and nothing is half-saved; then two real processes edit the same figures at once and no update is lost."""

from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from app.services.concurrency import ConflictError
from app.services.demo import create_demo_workspace
from app.services.editing import Editor, Restorer
from app.services.integrity import audit_mismatches
from app.services.presence import ChangeWatch, PresenceBeacon
from app.services.workspace import Workspace
from app.storage.audit import Actor, first_broken_link
from app.storage.database import integrity_problems
from app.storage.repositories import RecordNotFoundError, StaleRecordError
from tests.conftest import fixed_clock

ZHANG = Actor(user="张三", machine="PC-01")
LI = Actor(user="李四", machine="PC-02")
SCALE_2024Q3 = 2  # 医疗器械产业总体规模 2024年前三季度 257亿元 (demo entry ids)
SCALE_2023 = 1  # 医疗器械产业总体规模 2023年全年 352亿元
SCALE_TARGET = 1


def li_clock() -> datetime:
    return datetime(2025, 8, 1, 10, 20, 5)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "共享 盘" / "数据.ptt.sqlite"
    p.parent.mkdir()
    create_demo_workspace(p, clock=fixed_clock).close()
    return p


@pytest.fixture
def zhang(path: Path) -> Iterator[Workspace]:
    with Workspace.open(path, clock=fixed_clock, actor=ZHANG) as ws:
        yield ws


@pytest.fixture
def li(path: Path) -> Iterator[Workspace]:
    with Workspace.open(path, clock=li_clock, actor=LI) as ws:
        yield ws


def audit_count(ws: Workspace) -> int:
    return int(ws.db.execute("SELECT count(*) FROM audit_event").fetchone()[0])


def assert_file_sound(ws: Workspace) -> None:
    assert integrity_problems(ws.db) == []
    assert first_broken_link(ws.db) is None
    assert audit_mismatches(ws) == []


def test_a_stale_figure_is_refused_with_the_newer_value_and_nothing_is_lost(
    zhang: Workspace, li: Workspace
) -> None:
    seen_by_zhang = zhang.entries.get(SCALE_2024Q3)  # 257亿元, version 1
    Editor(li).update_entry(replace(li.entries.get(SCALE_2024Q3), value=Decimal(372)))
    events = audit_count(zhang)
    with pytest.raises(ConflictError) as refused:
        Editor(zhang).update_entry(replace(seen_by_zhang, value=Decimal(360), note="张三的更正"))
    assert str(refused.value) == (
        "“医疗器械产业总体规模”2024年前三季度的数值已被 李四（PC-02）于 2025-08-01 10:20 改为 372亿元，您的修改未保存"
    )
    now = zhang.entries.get(SCALE_2024Q3)
    assert (now.value, now.note, now.version) == (Decimal(372), seen_by_zhang.note, 2)  # 李四's, whole
    assert audit_count(zhang) == events  # nothing of the refused edit, not even its audit event
    # Based on what the file holds now, 张三's edit goes through.
    saved = Editor(zhang).update_entry(replace(now, value=Decimal(360)))
    assert (saved.value, saved.version) == (Decimal(360), 3)
    assert_file_sound(zhang)


def test_other_fields_changed_meanwhile_are_named(zhang: Workspace, li: Workspace) -> None:
    seen = zhang.entries.get(SCALE_2023)
    Editor(li).update_entry(replace(li.entries.get(SCALE_2023), note="以统计公报为准", source="市统计局"))
    with pytest.raises(ConflictError) as refused:
        Editor(zhang).update_entry(replace(seen, value=Decimal(353)))
    assert str(refused.value) == (
        "“医疗器械产业总体规模”2023年全年的填报已被 李四（PC-02）于 2025-08-01 10:20 修改"
        "（来源改为 “市统计局”；备注改为 “以统计公报为准”），现为 352亿元，您的修改未保存"
    )


def test_a_stale_target_edit_is_refused_naming_what_changed(zhang: Workspace, li: Workspace) -> None:
    seen = zhang.targets.get(SCALE_TARGET)
    Editor(li).update_target(replace(li.targets.get(SCALE_TARGET), target_value=Decimal(520)))
    with pytest.raises(ConflictError) as refused:
        Editor(zhang).update_target(replace(seen, responsible_unit="市经信局"))
    assert str(refused.value) == (
        "指标“医疗器械产业总体规模”已被 李四（PC-02）于 2025-08-01 10:20 修改（目标值改为 520亿元），您的修改未保存"
    )
    now = zhang.targets.get(SCALE_TARGET)
    assert (now.target_value, now.responsible_unit) == (Decimal(520), seen.responsible_unit)


def test_a_changed_figure_is_not_deleted_and_a_batch_is_all_or_nothing(
    zhang: Workspace, li: Workspace
) -> None:
    shown = {e.id or 0: e.version for e in zhang.entries.for_target(SCALE_TARGET)}  # what 张三's grid shows
    Editor(li).update_entry(replace(li.entries.get(SCALE_2024Q3), value=Decimal(372)))
    with pytest.raises(ConflictError) as refused:
        Editor(zhang).delete_entries([SCALE_2023, SCALE_2024Q3], shown)
    assert str(refused.value) == (
        "“医疗器械产业总体规模”2024年前三季度的数值已被 李四（PC-02）于 2025-08-01 10:20 改为 372亿元，未删除"
    )
    assert [e.id for e in zhang.entries.for_target(SCALE_TARGET)] == [SCALE_2023, SCALE_2024Q3]  # both kept
    assert_file_sound(zhang)


def test_a_figure_deleted_meanwhile_cannot_be_edited(zhang: Workspace, li: Workspace) -> None:
    seen = zhang.entries.get(SCALE_2024Q3)
    Editor(li).delete_entries([SCALE_2024Q3])
    with pytest.raises(ConflictError) as refused:
        Editor(zhang).update_entry(replace(seen, value=Decimal(360)))
    assert str(refused.value) == (
        "“医疗器械产业总体规模”2024年前三季度的填报已被 李四（PC-02）于 2025-08-01 10:20 删除，您的修改未保存"
    )
    with pytest.raises(RecordNotFoundError):
        zhang.entries.get(SCALE_2024Q3)  # not put back by the refused edit


def test_a_stale_target_or_plan_is_not_deleted(zhang: Workspace, li: Workspace) -> None:
    target, plan = zhang.targets.get(SCALE_TARGET), zhang.plans.get(1)
    Editor(li).update_target(replace(li.targets.get(SCALE_TARGET), notes="李四补充"))
    Editor(li).update_plan(replace(li.plans.get(1), issuer="北京市人民政府办公厅"))
    with pytest.raises(
        ConflictError,
        match=r"指标“医疗器械产业总体规模”已被 李四（PC-02）于 .* 修改（备注改为 “李四补充”），未删除",
    ):
        Editor(zhang).delete_target(SCALE_TARGET, target.version)
    with pytest.raises(ConflictError, match="发文单位改为 “北京市人民政府办公厅”"):
        Editor(zhang).delete_plan(1, plan.version)
    assert zhang.targets.get(SCALE_TARGET).notes == "李四补充"
    assert len(zhang.entries.for_target(SCALE_TARGET)) == 2


def test_a_deleted_and_restored_row_refuses_versions_from_before(zhang: Workspace, li: Workspace) -> None:
    seen = zhang.entries.get(SCALE_2024Q3)  # version 1
    deleted = Editor(li).delete_entries([SCALE_2024Q3])
    (restored,) = Restorer(Editor(li)).restore_entries(deleted)  # 李四 undid the deletion
    assert restored.version == 2  # one past the version it was deleted at
    with pytest.raises(ConflictError, match="已被 李四（PC-02）于 2025-08-01 10:20 恢复，现为 257亿元"):
        Editor(zhang).update_entry(replace(seen, value=Decimal(1)))
    assert_file_sound(zhang)


def test_an_edit_that_was_never_read_is_not_checked(zhang: Workspace, li: Workspace) -> None:
    """Version 0 means "not read from the file" (a script building a record): last writer wins, as before."""
    Editor(li).update_entry(replace(li.entries.get(SCALE_2024Q3), value=Decimal(372)))
    unread = replace(zhang.entries.get(SCALE_2024Q3), value=Decimal(360), version=0)
    assert Editor(zhang).update_entry(unread).value == Decimal(360)


def test_the_storage_guards_versions_on_its_own(zhang: Workspace) -> None:
    entry = zhang.entries.get(SCALE_2024Q3)
    zhang.entries.update(replace(entry, value=Decimal(1)))
    with pytest.raises(StaleRecordError):
        zhang.entries.update(replace(entry, value=Decimal(2)))  # still based on version 1
    with pytest.raises(StaleRecordError):
        zhang.entries.delete(SCALE_2024Q3, entry.version)
    zhang.db.conn.rollback()


def test_another_copy_and_its_changes_are_noticed(path: Path, zhang: Workspace, li: Workspace) -> None:
    mine, theirs = PresenceBeacon(zhang, pid=101), PresenceBeacon(li, pid=202)
    assert mine.join() and theirs.join()
    # 李四 opened the file after 张三: a newcomer, seen at once; 张三 answers with a beat, so 李四 sees him too.
    assert [(p.who, p.machine, p.pid) for p in mine.others()] == [("李四", "PC-02", 202)]
    assert [(p.who, p.machine, p.pid) for p in theirs.others()] == [("张三", "PC-01", 101)]
    watch = ChangeWatch(zhang)
    assert watch.poll() == (False, False)
    theirs.beat()  # a heartbeat changes the file, not the data
    assert watch.poll() == (True, False)
    Editor(li).update_entry(replace(li.entries.get(SCALE_2024Q3), value=Decimal(372)))
    assert watch.poll() == (True, True)
    assert watch.poll() == (False, False)
    Editor(zhang).update_entry(replace(zhang.entries.get(SCALE_2023), value=Decimal(353)))
    watch.own_change()
    assert watch.poll() == (False, False)  # our own commit is no news
    theirs.leave()
    assert mine.others() == []
    with Workspace.open(path, read_only=True, clock=fixed_clock) as reader:
        seen_from_share = PresenceBeacon(reader)
        assert not seen_from_share.join()  # a read-only copy cannot say it is there…
        assert seen_from_share.others() == []  # …and counts 张三 from his next beat
        mine.beat()
        assert [p.pid for p in seen_from_share.others()] == [101]


def test_a_copy_that_stopped_beating_no_longer_counts(zhang: Workspace, li: Workspace) -> None:
    now = [0.0]
    watcher = PresenceBeacon(zhang, monotonic=lambda: now[0])
    watcher.join()
    crashed = PresenceBeacon(li, pid=202)
    crashed.join()
    assert [p.pid for p in watcher.others()] == [202]
    now[0] = 180.0  # three minutes without a beat: still counted…
    assert [p.pid for p in watcher.others()] == [202]
    now[0] = 181.0  # …and then not
    assert watcher.others() == []
    crashed.beat()  # it was only slow
    assert [p.pid for p in watcher.others()] == [202]


def test_a_copy_of_the_file_carries_no_ghosts(path: Path, zhang: Workspace, tmp_path: Path) -> None:
    PresenceBeacon(zhang, pid=101).join()
    copy = tmp_path / "副本.ptt.sqlite"
    zhang.save_copy(copy)  # the presence row goes into the copy, as into any backup
    with Workspace.open(copy, clock=li_clock, actor=LI) as ws:
        beacon = PresenceBeacon(ws)
        assert beacon.join()
        assert [p.pid for p in beacon.repo.all() if p.pid == 101] == [101]  # the row is there…
        assert beacon.others() == []  # …but it never beats in this file: nobody has the copy open


# Two processes ------------------------------------------------------------------------------------

HAMMERED = (SCALE_2023, SCALE_2024Q3, 3)  # three figures both processes keep adding 1 to
HAMMER_SECONDS = 1.5


def _hammer(path: str, name: str, barrier: Any, log: str) -> None:
    """A second program: read a figure, add 1, save it based on the version read; log every outcome."""
    ws = Workspace.open(path, actor=Actor(user=name, machine=f"host-{name}"))
    editor = Editor(ws)
    with Path(log).open("w", encoding="utf-8") as out:

        def attempt(entry_id: int, seen: Any) -> None:
            try:
                saved = editor.update_entry(replace(seen, value=seen.value + 1))
            except ConflictError as exc:
                out.write(json.dumps({"id": entry_id, "conflict": str(exc)}, ensure_ascii=False) + "\n")
            else:  # logged only once committed: the file must hold every change logged here
                out.write(json.dumps({"id": entry_id, "from": seen.version, "to": saved.version}) + "\n")
            out.flush()

        # Both read the same version, then both save: one of the two must be refused.
        first = ws.entries.get(HAMMERED[0])
        barrier.wait()
        attempt(HAMMERED[0], first)
        deadline = time.monotonic() + HAMMER_SECONDS
        n = 0
        while time.monotonic() < deadline:
            entry_id = HAMMERED[n % len(HAMMERED)]
            attempt(entry_id, ws.entries.get(entry_id))
            n += 1
    ws.close()


def test_two_processes_editing_the_same_figures_lose_no_update(path: Path, tmp_path: Path) -> None:
    with Workspace.open(path) as ws:
        before = {i: ws.entries.get(i) for i in HAMMERED}
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    logs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    workers = [
        context.Process(target=_hammer, args=(str(path), name, barrier, str(log)))
        for name, log in zip(("甲", "乙"), logs, strict=True)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    assert [w.exitcode for w in workers] == [0, 0]

    records = [json.loads(line) for log in logs for line in log.read_text(encoding="utf-8").splitlines()]
    committed = [r for r in records if "to" in r]
    conflicts = [r for r in records if "conflict" in r]
    assert conflicts, "two saves based on the same version: one must have been refused"
    assert all("的数值已被 " in r["conflict"] and "您的修改未保存" in r["conflict"] for r in conflicts)
    with Workspace.open(path, read_only=True) as ws:
        for entry_id, was in before.items():
            mine = sorted((r["from"], r["to"]) for r in committed if r["id"] == entry_id)
            # Every committed save moved the row one version on from the one before: none was based on a
            # version another save had already replaced, so none overwrote another unseen.
            assert mine == [(v, v + 1) for v in range(was.version, was.version + len(mine))]
            now = ws.entries.get(entry_id)
            assert now.version == was.version + len(mine)
            assert now.value == was.value + len(mine)  # every +1 that was reported saved is in the file
            updates = ws.db.execute(
                "SELECT count(*) FROM audit_event WHERE entity = 'entry' AND entity_id = ? AND action = 'update'",
                [entry_id],
            ).fetchone()[0]
            assert updates == len(mine)
        assert_file_sound(ws)
    print(f"two processes: {len(committed)} saves committed, {len(conflicts)} refused as conflicts")
