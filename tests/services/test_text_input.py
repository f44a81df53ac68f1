"""Typed text to entries: what a period without a year means, and what a count's figure measures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.entities import Target, TargetKind, ValueType
from app.services.text_input import entry_from_text

PARKS = Target(
    id=2,
    plan_id=1,
    name="专业化产业园区",
    kind=TargetKind.CUMULATIVE,
    unit="个",
    target_value=Decimal(5),
    deadline=date(2026, 12, 31),
)


@pytest.mark.parametrize(
    ("typed", "reference", "label"),
    [
        ("前三季度", date(2025, 11, 22), "2025年前三季度"),  # already over this year
        ("前三季度", date(2025, 8, 15), "2024年前三季度"),  # this year's is not over yet: last year's
        ("第四季度", date(2026, 1, 20), "2025年第四季度"),  # January: the quarter just reported
        ("2024年3月", date(2026, 1, 20), "2024年3月"),  # a year written is a year meant
    ],
)
def test_a_period_without_a_year_is_the_latest_one_ended(typed: str, reference: date, label: str) -> None:
    assert entry_from_text(PARKS, typed, "3个", reference=reference).period.label == label


def test_a_count_over_a_span_is_new_in_that_span_and_at_a_date_a_running_total() -> None:
    assert entry_from_text(PARKS, "2025年1-9月", "2个").value_type is ValueType.PERIOD
    assert entry_from_text(PARKS, "截至2025年9月底", "4个").value_type is ValueType.CUMULATIVE
    assert (
        entry_from_text(PARKS, "2025年1-9月", "2个", value_type="累计值").value_type is ValueType.CUMULATIVE
    )
