"""Units of measure for targets: a magnitude prefix (万, 亿 …) on a base unit (元, 家, P …).

Action plans write the same indicator as "亿元" in one place and "万亿元" in another. Splitting the
magnitude from the base lets progress be converted exactly into the target's unit, and lets us refuse to
compare 家 with 亿元 instead of silently producing a meaningless percentage.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, Decimal, localcontext
from functools import lru_cache

from app.domain import numbers
from app.domain.errors import UnitError


def _pow10(exponent: int) -> Decimal:
    """Exact powers of ten: a float such as 1e12 must never enter a money figure."""
    return Decimal(10) ** exponent


MAGNITUDES: dict[str, Decimal] = {
    "千": _pow10(3),
    "万": _pow10(4),
    "十万": _pow10(5),
    "百万": _pow10(6),
    "千万": _pow10(7),
    "亿": _pow10(8),
    "十亿": _pow10(9),
    "百亿": _pow10(10),
    "千亿": _pow10(11),
    "万亿": _pow10(12),
}

# Canonical base units. 千瓦 is not one: it is 千 × 瓦, so 千瓦 and 万千瓦 convert into each other.
BASES: tuple[str, ...] = (
    "元", "美元", "辆", "家", "个", "款", "张", "条", "项", "件", "人", "人次", "次", "台", "套", "座",
    "所", "户", "名", "种", "例", "批", "部", "平方公里", "公里", "平方米", "亩", "吨", "吨标准煤",
    "瓦", "瓦时", "度", "P", "%", "个百分点", "倍",
)  # fmt: skip

# Other spellings of a base unit → the canonical base. Extend freely; keys are matched case-insensitively
# after NFKC, so "km²" and "KM2" are the same key.
ALIASES: dict[str, str] = {
    "PFlops": "P",
    "PFLOPS": "P",
    "PF": "P",
    "km²": "平方公里",
    "km2": "平方公里",
    "平方千米": "平方公里",
    "千米": "公里",
    "km": "公里",
    "m²": "平方米",
    "％": "%",
    "百分点": "个百分点",
    "W": "瓦",
    "Wh": "瓦时",
}

# Spellings that carry their own magnitude: 1 EFlops = 1000 PFlops.
SCALED_ALIASES: dict[str, tuple[Decimal, str]] = {
    "EFlops": (_pow10(3), "P"),
    "EFLOPS": (_pow10(3), "P"),
    "EF": (_pow10(3), "P"),
    "E": (_pow10(3), "P"),
    "千瓦": (_pow10(3), "瓦"),  # so that 万千瓦 reads as 万 × 千瓦
    "千瓦时": (_pow10(3), "瓦时"),
    "kW": (_pow10(3), "瓦"),
    "MW": (_pow10(6), "瓦"),
    "GW": (_pow10(9), "瓦"),
    "kWh": (_pow10(3), "瓦时"),
}

KNOWN_UNITS_HINT = (
    "可用的单位如 元、亿元、万亿元、美元、家、个、项、人次、%、个百分点、P、平方公里、吨标准煤、千瓦时，"
    "也可只写 万、亿 等数量级或留空"
)


def _key(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _build_lookup() -> dict[str, tuple[Decimal, str]]:
    """One case-insensitive table of every spelling, so parse_unit needs a single lookup per candidate."""
    table: dict[str, tuple[Decimal, str]] = {}
    for base in BASES:
        table[_key(base)] = (Decimal(1), base)
    for alias, base in ALIASES.items():
        table[_key(alias)] = (Decimal(1), base)
    for alias, scaled in SCALED_ALIASES.items():
        table[_key(alias)] = scaled
    return table


_LOOKUP = _build_lookup()
_PREFIXES: tuple[str, ...] = tuple(sorted(MAGNITUDES, key=len, reverse=True))  # 万亿 before 万


@dataclass(frozen=True, slots=True)
class Unit:
    """A parsed unit: ``magnitude`` × ``base``; ``text`` is what the user wrote (NFKC, stripped)."""

    magnitude: Decimal
    base: str
    text: str

    @property
    def is_dimensionless(self) -> bool:
        """True for "", "万", "亿" …: a pure count that takes on the base of whatever it is compared with."""
        return self.base == ""


def parse_unit(text: str, *, field: str = "单位") -> Unit:
    """Split "万亿元" into 1e12 × 元; raise UnitError for anything not in the tables above."""
    unit = _parse_cached(text)
    if unit is None:
        clean = unicodedata.normalize("NFKC", text).strip()
        raise UnitError(f"“{clean}”不是可识别的单位：{KNOWN_UNITS_HINT}", field=field)
    return unit


def known_unit(text: str) -> Unit | None:
    """``parse_unit`` without the error: None for a unit nobody can read."""
    return _parse_cached(text)


@lru_cache(maxsize=4096)
def _parse_cached(text: str) -> Unit | None:
    """Cached because a data file holds a handful of distinct unit strings, read once per entry."""
    clean = unicodedata.normalize("NFKC", text).strip()
    key = clean.casefold()
    if not key:
        return Unit(Decimal(1), "", "")
    for prefix in _PREFIXES:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix) :]
        if not rest:
            return Unit(MAGNITUDES[prefix], "", clean)
        if rest in _LOOKUP:
            factor, base = _LOOKUP[rest]
            return Unit(MAGNITUDES[prefix] * factor, base, clean)
    if key in _LOOKUP:
        factor, base = _LOOKUP[key]
        return Unit(factor, base, clean)
    return None


def _as_unit(unit: str | Unit, field: str) -> Unit:
    return unit if isinstance(unit, Unit) else parse_unit(unit, field=field)


def _bases_match(a: Unit, b: Unit) -> bool:
    return a.is_dimensionless or b.is_dimensionless or a.base == b.base


def compatible(a: str | Unit, b: str | Unit) -> bool:
    """Whether a value in ``a`` can be converted to ``b``; an unreadable unit is simply not compatible."""
    try:
        return _bases_match(_as_unit(a, "单位"), _as_unit(b, "单位"))
    except UnitError:
        return False


def convert(value: Decimal, from_unit: str | Unit, to_unit: str | Unit, *, field: str = "单位") -> Decimal:
    """Exact ``value`` × from.magnitude / to.magnitude, e.g. 1.35 万亿元 → 13500 亿元.

    A from-unit of exactly "" means the figure was typed in the target's unit already, so it is returned
    unchanged; a magnitude-only unit ("万亿") is an absolute count and takes the target's base.
    """
    if from_unit == to_unit and isinstance(from_unit, str):  # the common case: already in the target's unit
        _as_unit(from_unit, field)  # still refuse a unit nobody can read
        return numbers.normalize(value)
    source = _as_unit(from_unit, field)
    target = _as_unit(to_unit, field)
    if source.text == "":
        return numbers.normalize(value)
    if not _bases_match(source, target):
        raise UnitError(
            f"单位“{source.text}”与目标单位“{target.text}”不一致，无法换算："
            f"请填写以“{target.base}”计的数值（可带 万、亿 等数量级）",
            field=field,
        )
    digits = sum(len(d.as_tuple().digits) for d in (value, source.magnitude, target.magnitude))
    with localcontext() as ctx:
        ctx.prec = digits + 2  # enough for the exact product; dividing by a power of ten adds no digits
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        return numbers.normalize(value * source.magnitude / target.magnitude)
