"""How numbers look in tables, reports and the CLI — one place, so every output agrees."""

from __future__ import annotations

import unicodedata
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


ELLIPSIS = "…"


def display_width(text: str) -> int:
    """Columns the text takes: wide (Chinese) characters count 2, so mixed text is measured as it looks."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


def abbreviate(text: str, max_width: int, tail: int = 0) -> str:
    """Cut ``text`` to ``max_width`` columns with a "…", keeping ``tail`` columns of its end (a unit's 处/科
    tells sibling units apart). Runs of white space fold to one space; short text stays as it is."""
    text = " ".join(text.split())
    if display_width(text) <= max_width:
        return text
    tail = max(0, min(tail, max_width - 4))
    end = _fit(text[::-1], tail)[::-1] if tail else ""
    head = _fit(text, max_width - 2 - display_width(end))  # 2: the wide "…"
    return head.rstrip() + ELLIPSIS + end.lstrip()


def _fit(text: str, width: int) -> str:
    kept, used = [], 0
    for char in text:
        w = display_width(char)
        if used + w > width:
            break
        kept.append(char)
        used += w
    return "".join(kept)
