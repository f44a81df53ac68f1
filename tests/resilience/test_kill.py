"""Power cut, simulated: a writer process (kill_writer.py) edits and imports at random and is killed with SIGKILL
at random moments, trial after trial on the same file. After every kill the file must open, pass SQLite's
integrity check and ``ptt check``, and hold every change the writer reported committed — plus, at most, the one
action it had begun when it died, whole or not at all.

PTT_KILL_TRIALS sets the number of kills (40 by default, about 30 s on two cores); PTT_KILL_SEED the seed.
"""

from __future__ import annotations

import collections
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

import pytest

from app.domain.entities import Plan, ProgressEntry, Target, TargetKind
from app.domain.periods import as_of
from app.services.editing import Editor
from app.services.workspace import Workspace
from app.storage.repositories import entry_to_row, target_to_row
from tests.conftest import TEST_ACTOR, fixed_clock

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("kill_writer.py")
TRIALS = int(os.environ.get("PTT_KILL_TRIALS", "40"))
SEED = int(os.environ.get("PTT_KILL_SEED", "20250731"))
WAIT = 60.0  # seconds: only a hung writer ever gets near this

State = dict[str, dict[int, dict[str, Any]]]  # {"targets": {id: row}, "entries": {id: row}}


def kill(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL where there is one (no handler, no flush, no atexit); TerminateProcess on Windows."""
    if hasattr(signal, "SIGKILL"):
        os.kill(proc.pid, signal.SIGKILL)
    else:
        proc.kill()


class Writer:
    """One writer process and the lines it has printed (read by a thread, so its pipe never fills)."""

    def __init__(self, path: Path, trial: int, workdir: Path) -> None:
        self.stderr_path = workdir / f"writer-{trial:02d}.stderr"
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        with self.stderr_path.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, str(WRITER), str(path), str(SEED * 1000 + trial), str(trial), str(workdir)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                cwd=ROOT,
                env=env,
            )
        self.lines: list[dict[str, Any]] = []
        self.tail = b""  # a line cut off by the kill: never counted
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(self.proc.stdout,), daemon=True)
        self.reader.start()

    def _read(self, stream: BinaryIO) -> None:
        buffer = b""
        while chunk := stream.read1(65536):
            buffer += chunk
            *complete, buffer = buffer.split(b"\n")
            with self.changed:
                self.lines += [json.loads(line) for line in complete]
                self.changed.notify_all()
        self.tail = buffer
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, count: int, key: str) -> bool:
        """Until ``count`` lines with ``key`` were printed; False if the writer ended (or hung) first."""
        deadline = time.monotonic() + WAIT
        with self.changed:
            while sum(key in line for line in self.lines) < count:
                if not self.reader.is_alive() or time.monotonic() > deadline:
                    return False
                self.changed.wait(0.5)
        return True

    def go(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"go\n")
        self.proc.stdin.flush()

    def finish(self) -> int:
        code = self.proc.wait(WAIT)
        self.reader.join(WAIT)
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.close()
        self.proc.stdout.close()
        return code

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")


def _json(row: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = json.loads(json.dumps(row))
    return result


def read_state(path: Path) -> State:
    """What the program reads from the file, opened read-only before anything else touched it after the kill."""
    with Workspace.open(path, read_only=True, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        return {
            "targets": {t.id or 0: _json(target_to_row(t)) for t in ws.targets.all()},
            "entries": {e.id or 0: _json(entry_to_row(e)) for e in ws.entries.all()},
        }


def apply_done(state: State, done: dict[str, Any]) -> None:
    op = done["op"]
    if op in ("add_target", "update_target"):
        state["targets"].update({int(k): v for k, v in done["targets"].items()})
    elif op == "delete_target":
        state["targets"].pop(done["id"])
        for entry_id in [i for i, e in state["entries"].items() if e["target_id"] == done["id"]]:
            del state["entries"][entry_id]  # ON DELETE CASCADE
    elif op in ("add_entry", "update_entry", "import"):
        state["entries"].update({int(k): v for k, v in done["entries"].items()})
    elif op == "delete_entry":
        for entry_id in done["ids"]:
            state["entries"].pop(entry_id)
    else:
        raise AssertionError(f"unknown op {op}")


def _same_except_new(
    model: dict[int, dict[str, Any]], actual: dict[int, dict[str, Any]], added: list[dict[str, Any]]
) -> bool:
    """``actual`` is ``model`` plus rows under new ids whose contents are exactly ``added``."""
    new = set(actual) - set(model)
    if not set(model) <= set(actual) or any(actual[i] != model[i] for i in model):
        return False
    return sorted(_key(actual[i]) for i in new) == sorted(map(_key, added))


def _key(row: dict[str, Any]) -> str:
    return json.dumps(row, sort_keys=True)


def committed_pending(model: State, pending: dict[str, Any], actual: State) -> bool:
    """Does ``actual`` equal ``model`` with the begun action applied whole?"""
    op = pending["op"]
    if op == "add_target":
        return actual["entries"] == model["entries"] and _same_except_new(
            model["targets"], actual["targets"], pending["rows"]
        )
    if op in ("add_entry", "import"):
        return actual["targets"] == model["targets"] and _same_except_new(
            model["entries"], actual["entries"], pending["rows"]
        )
    expected: State = {"targets": dict(model["targets"]), "entries": dict(model["entries"])}
    if op == "update_target":
        apply_done(expected, {"op": op, "targets": {pending["id"]: pending["row"]}})
    elif op == "update_entry":
        apply_done(expected, {"op": op, "entries": {pending["id"]: pending["row"]}})
    else:  # the deletes
        apply_done(expected, pending)
    return actual == expected


@dataclass
class Tally:
    trials: int = 0
    committed: collections.Counter[str] = field(default_factory=collections.Counter)
    begun_and_saved: int = 0  # killed between COMMIT and its "done" line
    begun_not_saved: int = 0  # killed before COMMIT: rolled back on the next open
    killed_opening: int = 0  # before the file was open: during recovery, quick_check
    killed_between: int = 0  # between two actions (preparing the next: reading, writing an .xlsx, preview)
    failures: list[str] = field(default_factory=list)


def check_cli(path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "app.cli", "check", str(path)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def verify(path: Path, model: State, lines: list[dict[str, Any]], tally: Tally, trial: int) -> State:
    """Check the file after a kill against what the writer said; returns the file's state (the next model)."""
    checking = check_cli(path)  # in parallel with the checks below: both only read
    pending: dict[str, Any] | None = None
    for line in lines:
        if "begin" in line:
            pending = line["begin"]
        elif "done" in line:
            assert pending is not None and pending["op"] == line["done"]["op"]
            apply_done(model, line["done"])
            tally.committed[line["done"]["op"]] += 1
            pending = None
    actual = read_state(path)
    if actual == model:
        if not any("opened" in line for line in lines):
            tally.killed_opening += 1
        elif pending is None:
            tally.killed_between += 1
        else:
            tally.begun_not_saved += 1
    elif pending is not None and committed_pending(model, pending, actual):
        tally.begun_and_saved += 1
    else:
        lost = {k: sorted(set(model[k]) - set(actual[k])) for k in model}
        extra = {k: sorted(set(actual[k]) - set(model[k])) for k in model}
        changed = {
            k: sorted(i for i in set(model[k]) & set(actual[k]) if model[k][i] != actual[k][i]) for k in model
        }
        tally.failures.append(f"trial {trial}: pending={pending} lost={lost} extra={extra} changed={changed}")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()
    if integrity != ["ok"]:
        tally.failures.append(f"trial {trial}: integrity_check {integrity[:5]}")
    out, _ = checking.communicate(timeout=WAIT)
    text = out.decode("utf-8", errors="replace")
    if checking.returncode != 0 or "检查通过" not in text:
        tally.failures.append(f"trial {trial}: check exited {checking.returncode}: {text}")
    return actual


def make_file(path: Path) -> None:
    with Workspace.open(path, create=True, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        editor = Editor(ws)
        plan = editor.add_plan(Plan("断电测试行动计划（2024-2026年）", date(2024, 1, 1), date(2026, 12, 31)))
        for name in ("企业数量", "产品数量", "专利数量", "平台数量"):
            t = editor.add_target(
                Target(
                    plan.id or 0,
                    name,
                    TargetKind.CUMULATIVE,
                    "家",
                    target_value=Decimal(1000),
                    deadline=date(2026, 12, 31),
                )
            )
            editor.add_entry(ProgressEntry(t.id or 0, as_of(date(2024, 12, 31)), Decimal(10), "家"))


def run_trials(
    path: Path, folder: Path, model: State, rng: random.Random, tally: Tally, writers: list[Writer]
) -> tuple[State, float]:
    """Start, kill and verify ``TRIALS`` writers; the next one is always started (importing) before the check."""
    started = time.monotonic()
    for trial in range(TRIALS):
        writer = writers[-1]
        assert writer.wait_for(1, "ready"), writer.stderr()
        writer.go()
        if rng.random() < 0.25:  # anywhere: while opening (recovery, quick_check), or between actions
            time.sleep(rng.uniform(0.0, 0.3))
        else:  # in the thick of it: as the n-th action begins, or a few milliseconds into it
            assert writer.wait_for(rng.randint(1, 8), "begin"), writer.stderr()
            time.sleep(rng.uniform(0.0, 0.008))
        kill(writer.proc)
        if trial + 1 < TRIALS:  # it opens the file only on "go", after the check below
            writers.append(Writer(path, trial + 1, folder))
        code = writer.finish()
        assert code == (-signal.SIGKILL if hasattr(signal, "SIGKILL") else 1), writer.stderr()
        model = verify(path, model, writer.lines, tally, trial)
        tally.trials += 1
    return model, time.monotonic() - started


@pytest.mark.timeout(max(120, TRIALS * 6))
def test_killed_writers_never_lose_a_reported_change_or_damage_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "断电 测试"
    folder.mkdir()
    path = folder / "数据 文件.ptt.sqlite"
    make_file(path)
    rng = random.Random(SEED)
    tally = Tally()
    writers = [Writer(path, 0, folder)]
    try:
        model, elapsed = run_trials(path, folder, read_state(path), rng, tally, writers)
    finally:  # a failed assertion must not leave a writer behind
        for w in writers:
            if w.proc.poll() is None:
                kill(w.proc)
                w.finish()
    # Last, the ordinary way in: opened for writing (quick_check), closed, and checked once more.
    with Workspace.open(path, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        assert ws.entries.count() == len(model["entries"])
    final = subprocess.run(
        [sys.executable, "-m", "app.cli", "check", str(path)], cwd=ROOT, capture_output=True
    )
    print(
        f"\n[kill] {tally.trials} trials in {elapsed:.1f} s, failures {len(tally.failures)}; committed actions "
        f"{sum(tally.committed.values())} {dict(sorted(tally.committed.items()))}; killed mid-action: "
        f"{tally.begun_and_saved} after COMMIT, {tally.begun_not_saved} before; while opening "
        f"{tally.killed_opening}, between actions {tally.killed_between}; "
        f"final file: {len(model['targets'])} targets, {len(model['entries'])} entries"
    )
    assert tally.failures == []
    assert tally.trials == TRIALS
    assert final.returncode == 0, final.stdout.decode()
    if (
        TRIALS >= 20
    ):  # kill_writer.py rotates through every action: imports and figures were saved and survived
        assert tally.committed["import"] >= 1 and tally.committed["add_entry"] >= 1
