"""The built-in demo data set (db/demo/demo.json), built from two public reports, loaded through the same
service layer as any user edit — so the demo also proves that path works end to end."""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.numbers import parse_quantity
from app.domain.periods import parse_period
from app.resources import resource_path
from app.services.editing import Editor
from app.services.workspace import Clock, Workspace
from app.storage.audit import Actor

DEMO_ACTOR = Actor(user="演示数据", machine="demo")


def demo_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("db", "demo", "demo.json").read_text(encoding="utf-8"))
    return data


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _dec(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def create_demo_workspace(path: Path | str, *, clock: Clock | None = None) -> Workspace:
    """Create a new data file at ``path`` holding the demo data; refuses to touch an existing file."""
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} 已存在；演示数据只写入新文件")
    ws = Workspace.open(path, create=True, actor=DEMO_ACTOR, clock=clock or datetime.now)
    try:
        load_demo(ws)
    except BaseException:
        ws.close()  # no half-made demo file left behind to block the next attempt
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            leftover.unlink(missing_ok=True)
        raise
    return ws


def load_demo(ws: Workspace) -> None:
    data = demo_data()
    sources: dict[str, str] = data["sources"]
    editor = Editor(ws)
    with ws.db.atomic():  # the whole demo, or nothing
        ws.meta.set("is_demo", "1")
        ws.meta.set("label", data["label"])
        for p in data["plans"]:
            plan = editor.add_plan(
                Plan(
                    title=p["title"],
                    issuer=p.get("issuer", ""),
                    period_start=date.fromisoformat(p["period_start"]),
                    period_end=date.fromisoformat(p["period_end"]),
                    source_text=p.get("source_text", ""),
                    notes=p.get("notes", ""),
                )
            )
            assert plan.id is not None
            for t in p["targets"]:
                _add_target(editor, plan.id, t, sources)


def _add_target(editor: Editor, plan_id: int, t: dict[str, Any], sources: dict[str, str]) -> None:
    target = editor.add_target(
        Target(
            plan_id=plan_id,
            name=t["name"],
            category=t.get("category", ""),
            kind=TargetKind(t["kind"]),
            unit=t["unit"],
            comparator=Comparator(t.get("comparator", ">=")),
            target_value=_dec(t.get("target_value")),
            deadline=_date(t.get("deadline")),
            baseline_value=_dec(t.get("baseline_value")),
            baseline_date=_date(t.get("baseline_date")),
            responsible_unit=t.get("responsible_unit", ""),
            source_quote=t.get("source_quote", ""),
            notes=t.get("notes", ""),
        )
    )
    assert target.id is not None
    entries = []
    for e in t["entries"]:
        quantity = parse_quantity(e["value"] + e["unit"])
        entries.append(
            ProgressEntry(
                target_id=target.id,
                period=parse_period(e["period"]),
                value=quantity.value,
                unit=quantity.unit,
                value_type=ValueType(e["value_type"]),
                source=sources.get(e["source"], e["source"]),
                note=e.get("note", ""),
                reporter="演示数据",
            )
        )
    if entries:
        editor.add_entries(entries)
