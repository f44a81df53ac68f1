"""The Open SDG / Statistics Canada progress ratio, a second opinion for SDG-style reporting.

R = d · CAGR_obs / |CAGR_req|, with d = +1 for targets that should rise and −1 for those that should fall.
Bands: R ≥ 0.95 on track, 0.60 ≤ R < 0.95 fair progress (预警), below 0.60 limited progress or deterioration (滞后).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.domain.status import Status

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True, slots=True)
class SdgBands:
    on_track: float = 0.95
    fair: float = 0.60


def cagr(start: Decimal, end: Decimal, years: float) -> float | None:
    """Compound annual growth rate; None where it does not exist (non-positive values, no elapsed time)."""
    if start <= 0 or end <= 0 or years <= 0:
        return None
    try:
        return math.pow(float(end / start), 1 / years) - 1
    except OverflowError:  # a large jump reported days after the baseline: no meaningful annual rate
        return None


def sdg_ratio(a: Decimal, b: Decimal, target: Decimal, t0: date, t: date, t1: date) -> float | None:
    observed = cagr(b, a, (t - t0).days / DAYS_PER_YEAR)
    required = cagr(b, target, (t1 - t0).days / DAYS_PER_YEAR)
    if observed is None or required is None or required == 0:
        return None
    direction = 1 if target > b else -1
    return direction * observed / abs(required)


def sdg_assessment(
    a: Decimal,
    b: Decimal,
    target: Decimal,
    t0: date,
    t: date,
    t1: date,
    achieved: bool,
    bands: SdgBands,
) -> tuple[float | None, Status | None]:
    """The ratio and its verdict; (None, None) when the method does not apply (a baseline of 0, say)."""
    ratio = sdg_ratio(a, b, target, t0, t, t1)
    if achieved:
        return ratio, Status.ACHIEVED
    if ratio is None:
        return None, None
    if ratio >= bands.on_track:
        return ratio, Status.ON_TRACK
    if ratio >= bands.fair:
        return ratio, Status.AT_RISK
    return ratio, Status.OFF_TRACK
