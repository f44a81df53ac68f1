"""The dashboard's statuses from only the figures they need are the statuses from every figure.

``compute_statuses(recent_only=True)`` reads a target's latest few period ends (or a flow's current year, or the
whole history where the arithmetic needs it); these tests hold it to the full computation on real data files:
hand-computed cases, then arbitrary histories drawn by Hypothesis.
"""

from __future__ import annotations

import dataclasses
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.entities import Comparator, Plan, ProgressEntry, Target, TargetKind, ValueType
from app.domain.periods import Period, as_of, month, year_to_date
from app.domain.progress import ProgressSettings
from app.services.statuses import StatusRow, complete_rows, compute_statuses
from app.services.workspace import Workspace
from tests.strategies import periods

AS_OF = date(2025, 12, 31)
PLAN = Plan(title="行动计划", period_start=date(2024, 1, 1), period_end=date(2026, 12, 31))


def _target(ws: Workspace, plan_id: int, kind: TargetKind, unit: str = "家", **kw: object) -> Target:
    fields: dict[str, object] = {
        "plan_id": plan_id,
        "name": f"{kind.value} 指标",
        "kind": kind,
        "unit": unit,
        "comparator": Comparator.GE,
        "target_value": Decimal(600),
        "deadline": date(2026, 12, 31),
        **kw,
    }
    return ws.targets.add(Target(**fields))  # type: ignore[arg-type]


def _entry(
    target: Target, period: Period, value: object, vt: ValueType, unit: str | None = None
) -> ProgressEntry:
    return ProgressEntry(
        target.id or 0, period, Decimal(str(value)), target.unit if unit is None else unit, vt, source="测试"
    )


def _by_name(rows: list[StatusRow]) -> dict[str, StatusRow]:
    return {r.target.name: r for r in rows}


def test_running_total_of_monthly_counts_reads_every_month(tmp_path: Path) -> None:
    """24 monthly 新增 of 10 each: the running total is 240 (not the last six months' 60), 40 % of 600."""
    with Workspace.open(tmp_path / "d.sqlite", create=True) as ws:
        plan = ws.plans.add(PLAN)
        t = _target(ws, plan.id or 0, TargetKind.CUMULATIVE)
        for i in range(24):
            ws.entries.add(_entry(t, month(2024 + i // 12, i % 12 + 1), 10, ValueType.PERIOD))
        (row,) = compute_statuses(ws, AS_OF, recent_only=True)
    assert row.progress.actual == Decimal(240)
    assert row.progress.completion == 0.4
    assert len(row.entries) == 24 and not row.complete


def test_running_totals_read_only_the_latest_six_ends_and_complete_rows_brings_the_rest(
    tmp_path: Path,
) -> None:
    """累计值 for 24 months ending at 480 of 600: 80 %; the dashboard row holds 6 figures, the detail all 24."""
    with Workspace.open(tmp_path / "d.sqlite", create=True) as ws:
        plan = ws.plans.add(PLAN)
        t = _target(ws, plan.id or 0, TargetKind.CUMULATIVE)
        for i in range(24):
            end = month(2024 + i // 12, i % 12 + 1).end
            ws.entries.add(_entry(t, as_of(end), 20 * (i + 1), ValueType.CUMULATIVE))
        (quick,) = compute_statuses(ws, AS_OF, recent_only=True)
        (full,) = complete_rows(ws, [quick])
    assert quick.progress.actual == full.progress.actual == Decimal(480)
    assert quick.progress.completion == full.progress.completion == 0.8
    assert quick.progress.forecast == full.progress.forecast
    assert quick.progress.status is full.progress.status
    assert len(quick.entries) == 6 and not quick.complete
    assert len(full.entries) == 24 and full.complete
    assert len(full.progress.series) == 24
    assert full.progress.series[-6:] == quick.progress.series


def test_an_old_figure_in_a_unit_that_cannot_convert_is_still_noted(tmp_path: Path) -> None:
    """A 2024 figure in 个 for a 亿元 target is ignored with a note, also when only recent figures are read."""
    with Workspace.open(tmp_path / "d.sqlite", create=True) as ws:
        plan = ws.plans.add(PLAN)
        t = _target(ws, plan.id or 0, TargetKind.LEVEL, unit="亿元", baseline_value=Decimal(100))
        ws.entries.add(_entry(t, month(2024, 1), 3, ValueType.PERIOD, unit="个"))
        for m in range(1, 13):
            ws.entries.add(_entry(t, year_to_date(2025, m), 40 * m, ValueType.PERIOD))
        (quick,) = compute_statuses(ws, AS_OF, recent_only=True)
        (full,) = compute_statuses(ws, AS_OF)
    assert quick.progress.notes == full.progress.notes
    assert any("2024年1月" in n for n in quick.progress.notes)
    assert quick.progress.actual == Decimal(480)  # 1-12月 is a whole year: taken as it is


def test_a_yearly_flow_reads_its_current_year(tmp_path: Path) -> None:
    """新增 per year, from zero each January: 2025's eleven months of 100 = 1100 of 1500 (73.3 %); 2024's
    1-12月 is not counted, and no month of 2025 is left out."""
    with Workspace.open(tmp_path / "d.sqlite", create=True) as ws:
        plan = ws.plans.add(PLAN)
        t = _target(ws, plan.id or 0, TargetKind.FLOW, unit="P", target_value=Decimal(1500))
        for m in range(1, 13):
            ws.entries.add(_entry(t, year_to_date(2024, m), 100 * m, ValueType.PERIOD))
        for m in range(1, 12):
            ws.entries.add(_entry(t, month(2025, m), 100, ValueType.PERIOD))
        (quick,) = compute_statuses(ws, AS_OF, recent_only=True)
    assert quick.progress.actual == Decimal(1100)
    assert round(quick.progress.completion or 0, 4) == round(1100 / 1500, 4)
    assert {e.period.end.year for e in quick.entries} == {2025}


# Arbitrary histories ------------------------------------------------------------------------------------------

_PERIODS = periods(2023, 2026)
_ENTRY = st.tuples(
    _PERIODS,
    st.integers(0, 900),
    st.sampled_from(list(ValueType)),
    st.sampled_from(["", None, None, None, "万家", "个"]),  # None: the target's own unit
)
_TARGET = st.tuples(
    st.sampled_from(list(TargetKind)),
    st.sampled_from([None, Decimal(0), Decimal(50)]),
    st.sampled_from([Comparator.GE, Comparator.LE]),
    st.lists(_ENTRY, max_size=14),
)


@settings(
    max_examples=int(os.environ.get("PTT_HYPOTHESIS_STATUS_EXAMPLES", "60")),
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    targets=st.lists(_TARGET, min_size=1, max_size=6),
    as_of_date=st.dates(date(2023, 6, 1), date(2027, 3, 31)),
    basis=st.sampled_from(["data", "as_of"]),
    window=st.integers(1, 6),
)
def test_recent_only_gives_the_full_computations_statuses(
    tmp_path_factory: object, targets: list, as_of_date: date, basis: str, window: int
) -> None:
    path = tmp_path_factory.mktemp("recent") / "d.sqlite"  # type: ignore[attr-defined]
    config = ProgressSettings(time_basis=basis, pace_window=window)  # type: ignore[arg-type]
    with Workspace.open(path, create=True) as ws:
        plan = ws.plans.add(PLAN)
        for i, (kind, baseline, comparator, entries) in enumerate(targets):
            t = ws.targets.add(
                Target(
                    plan_id=plan.id or 0,
                    name=f"指标{i}",
                    kind=kind,
                    unit="家",
                    comparator=comparator,
                    target_value=Decimal(600),
                    deadline=date(2026, 12, 31),
                    baseline_value=baseline,
                )
            )
            for period, value, vt, unit in entries:
                ws.entries.add(_entry(t, period, value, vt, unit))
        quick = _by_name(compute_statuses(ws, as_of_date, config, recent_only=True))
        full = _by_name(compute_statuses(ws, as_of_date, config))
        completed = _by_name(complete_rows(ws, list(quick.values()), config))
    for name, f in full.items():
        q = quick[name]
        assert dataclasses.replace(q.progress, series=()) == dataclasses.replace(f.progress, series=()), name
        n = len(q.progress.series)
        assert q.progress.series == (f.progress.series[-n:] if n else ()), name
        assert set(q.entries) <= set(f.entries)
        assert completed[name].progress == f.progress and completed[name].entries == f.entries
