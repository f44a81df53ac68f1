"""What the extractor proposes: one candidate target or progress value, as the review table shows it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from app.domain.numbers import format_decimal

Kind = Literal["target", "progress"]
COMPARATORS = (">=", ">", "<=", "<", "=")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A figure read out of policy text.

    ``deadline`` is "YYYY" (到2026年), or a last day "YYYY-MM-DD" (2025年底 → "2025-12-31"); ``period`` is
    "YYYY-MM..YYYY-MM" for a flow (前三季度) or "..YYYY-MM" for a stock at a date (截至5月底, 累计…).
    ``baseline_value`` / ``baseline_date`` come from "从2020年的X提高到Y" (value in ``unit``).
    """

    kind: Kind
    indicator: str
    value: Decimal
    unit: str
    comparator: str = ">="
    value_max: Decimal | None = None
    approx: bool = False
    hedge: str = ""
    deadline: str | None = None
    period: str | None = None
    quote: str = ""
    baseline_value: Decimal | None = None
    baseline_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Plain JSON types; numbers as exact decimal strings ("1.35"), never floats."""
        return {
            "kind": self.kind,
            "indicator": self.indicator,
            "value": format_decimal(self.value),
            "value_max": None if self.value_max is None else format_decimal(self.value_max),
            "unit": self.unit,
            "comparator": self.comparator,
            "approx": self.approx,
            "hedge": self.hedge,
            "deadline": self.deadline,
            "period": self.period,
            "quote": self.quote,
            "baseline_value": None if self.baseline_value is None else format_decimal(self.baseline_value),
            "baseline_date": self.baseline_date,
        }
