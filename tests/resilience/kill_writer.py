"""The writer that tests/resilience/test_kill.py kills with SIGKILL: random edits and imports, forever.

    python tests/resilience/kill_writer.py DATA_FILE SEED TRIAL WORKDIR      (PYTHONPATH = the repository)

It imports everything first, prints ``ready`` and waits for a line on stdin, so that the parent can verify the
previous kill while this process starts. Then, for every action, one JSON line before it starts
(``{"begin": …}``: what it is about to write) and one after its transaction is committed (``{"done": …}``: what
was written, with the ids the file gave it); each line is flushed at once. Whatever a ``done`` line names must
be in the file after any kill; a ``begin`` without its ``done`` may or may not have been committed.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]

from app.domain.entities import ProgressEntry, Target, TargetKind
from app.domain.periods import as_of, month
from app.services.editing import Editor
from app.services.sheet_import import commit_import, preview_import
from app.services.workspace import Workspace
from app.storage.audit import Actor
from app.storage.repositories import entry_to_row, target_to_row

NOW = datetime(2025, 7, 31, 9, 30, 0)  # periods up to July 2025 are in the past: imports accept them
ACTOR = Actor(user="写入进程", machine="kill-test")
OPS = ("add_target", "add_entry", "update_entry", "update_target", "delete_entry", "import", "delete_target")
KEEP_TARGETS = 3  # never delete below this, so that entries and imports always have somewhere to go


def clock() -> datetime:
    return NOW


def say(**line: Any) -> None:
    sys.stdout.write(json.dumps(line) + "\n")  # ASCII: the pipe's encoding does not matter
    sys.stdout.flush()


def stamped(e: ProgressEntry) -> dict[str, Any]:
    """An entry as the file will hold it (the Editor stamps entered_at with the clock)."""
    return entry_to_row(e if e.entered_at else replace(e, entered_at=NOW))


def random_period(rng: random.Random) -> Any:
    y = rng.choice((2024, 2025))
    m = rng.randint(1, 12 if y == 2024 else 7)
    return month(y, m) if rng.random() < 0.5 else as_of(date(y, m, 28))


def random_value(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(0, 10**7)).scaleb(-rng.randint(0, 3))


def write_sheet(path: Path, rows: list[list[Any]]) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "填报"
    sheet.append(["指标", "报告期", "数值", "备注"])
    for row in rows:
        sheet.append(row)
    wb.save(path)


def run(path: Path, seed: int, trial: int, workdir: Path) -> None:
    rng = random.Random(seed)
    say(ready=True)
    if (
        sys.stdin.readline().strip() != "go"
    ):  # "go": the parent has checked the previous kill; EOF: it gave up
        return
    ws = Workspace.open(path, clock=clock, actor=ACTOR)
    editor = Editor(ws)
    # A slow disk: pauses between SQLite's own steps, so that a kill lands inside transactions (between their
    # statements, and during COMMIT's writes) as often as between them.
    pauses = random.Random(seed + 1)
    ws.db.conn.set_progress_handler(lambda: time.sleep(0.0005) if pauses.random() < 0.2 else None, 2000)
    say(opened=True)
    plan = ws.plans.all()[0]
    step = 0
    while True:
        step += 1
        targets = ws.targets.all()
        entries = ws.entries.all()
        op = OPS[(trial + step - 1) % len(OPS)]  # a fixed rotation: every trial starts on another action
        if op == "delete_target" and len(targets) <= KEEP_TARGETS:
            op = "add_target"
        if op in ("update_entry", "delete_entry") and not entries:
            op = "add_entry"
        if op == "add_target":
            t = Target(
                plan.id or 0,
                f"指标 T{trial:02d}-{step}",
                TargetKind.CUMULATIVE,
                "家",
                target_value=Decimal(rng.randint(100, 10**6)),
                deadline=date(2026, 12, 31),
                notes=rng.choice(("", "重点", "备注：含 emoji 🚀 与换行\n第二行")),
            )
            say(begin={"op": op, "rows": [target_to_row(t)]})
            saved = editor.add_target(t)
            say(done={"op": op, "targets": {saved.id: target_to_row(saved)}})
        elif op == "update_target":
            t = rng.choice(targets)
            new = replace(t, target_value=Decimal(rng.randint(100, 10**6)), notes=f"改 {trial}-{step}")
            say(begin={"op": op, "id": t.id, "row": target_to_row(new)})
            saved = editor.update_target(new)
            say(done={"op": op, "targets": {saved.id: target_to_row(saved)}})
        elif op == "delete_target":
            t = rng.choice(targets)
            say(begin={"op": op, "id": t.id})
            editor.delete_target(t.id or 0, t.version)
            say(done={"op": op, "id": t.id})
        elif op == "add_entry":
            count = rng.randint(1, 30)  # a block, as pasted into the grid
            block = [
                ProgressEntry(rng.choice(targets).id or 0, random_period(rng), random_value(rng), "家")
                for _ in range(count)
            ]
            say(begin={"op": op, "rows": [stamped(e) for e in block]})
            saved_entries = editor.add_entries(block)
            say(done={"op": op, "entries": {e.id: entry_to_row(e) for e in saved_entries}})
        elif op == "update_entry":
            e = rng.choice(entries)
            new_entry = replace(e, value=random_value(rng), note=f"改 {trial}-{step}")
            say(begin={"op": op, "id": e.id, "row": entry_to_row(new_entry)})
            saved_entry = editor.update_entry(new_entry)
            say(done={"op": op, "entries": {saved_entry.id: entry_to_row(saved_entry)}})
        elif op == "delete_entry":
            chosen = rng.sample(entries, min(len(entries), rng.randint(1, 3)))
            ids = [e.id or 0 for e in chosen]
            say(begin={"op": op, "ids": ids})
            editor.delete_entries(ids, {e.id or 0: e.version for e in chosen})
            say(done={"op": op, "ids": ids})
        else:  # import a small generated workbook
            sheet = workdir / f"回报 {trial:02d}-{step}.xlsx"
            rows = [
                [
                    rng.choice(targets).name,
                    random_period(rng).label,
                    str(random_value(rng)),
                    f"{seed}-{step}-{i}",
                ]
                for i in range(rng.randint(1, 30))
            ]
            write_sheet(sheet, rows)
            preview = preview_import(ws, [sheet])
            chosen_rows = preview.rows_to_commit(True)
            say(begin={"op": op, "rows": [stamped(r.entry) for r in chosen_rows if r.entry is not None]})
            result = commit_import(ws, preview, accept_warnings=True)
            say(done={"op": op, "entries": {e.id: entry_to_row(e) for e in result.added}})


def main() -> None:
    path, seed, trial, workdir = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    run(path, seed, trial, workdir)


if __name__ == "__main__":
    main()
