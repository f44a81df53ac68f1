"""How numbers look in tables, reports and the CLI — one place, so every output agrees."""

from __future__ import annotations

from decimal import Decimal

from app.domain.numbers import format_decimal

DASH = "—"


def format_percent(ratio: float | None, places: int = 1) -> str:
    """0.25 → "25.0%"; None → "—"."""
    if ratio is None:
        return DASH
    return f"{ratio * 100:.{places}f}%"


def format_points(points: float | None, places: int = 1) -> str:
    """A lag in percentage points with its sign: "+3.2", "-18.4"."""
    if points is None:
        return DASH
    return f"{points:+.{places}f}"


def format_amount(value: Decimal | float | None, unit: str = "", places: int = 2) -> str:
    """A value in its unit with at most ``places`` decimals and no trailing zeros: "342.67亿元", "1590家"."""
    if value is None:
        return DASH
    number = value if isinstance(value, Decimal) else Decimal(repr(value))
    text = format_decimal(number, places)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"{text}{unit}"
