"""Reading the numbers people copy out of action plans: "1,590", "1.35万亿", "一千五百九十", "超100个".

Everything is exact ``Decimal`` — never float — so 1.35万亿元 is 13500亿元 to the last digit. Errors are
``NumberError`` / ``UnitError`` with a Chinese message quoting what was typed and what would be accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import MAX_EMAX, MIN_EMIN, ROUND_HALF_UP, Decimal, localcontext

from app.domain import units
from app.domain.errors import NumberError, UnitError

EXAMPLES = "请填写如 1590、1,590、1.35万亿、一千五百九十、6.9% 这样的数值"

# Hedge words in front of a target figure ("超100个", "近2万亿元"), longest first so 超过 wins over 超.
QUALIFIERS: tuple[str, ...] = ("超过", "突破", "接近", "达到", "累计", "超", "近", "约", "逾", "达")

_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_ZEROS = frozenset("零〇")
_PLAIN_DIGITS = frozenset(_DIGITS) - {"两"}  # 两 is only ever a count ("两千"), never read digit by digit
_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_LEVELS: tuple[tuple[str, int], ...] = (("亿", 10**8), ("万", 10**4))
_CHINESE_CHARS = frozenset(_DIGITS) | frozenset(_SMALL_UNITS) | {"万", "亿", "点"}
_ARABIC = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?", re.ASCII)
_ARABIC_PREFIX = re.compile(r"[0-9][0-9,.]*", re.ASCII)
# An ASCII number, then perhaps a unit that starts with no digit, sign, point or space (the general parser
# reads the same text the same way; anything else goes to it).
_PLAIN_QUANTITY = re.compile(r"([+-]?[0-9]+(?:\.[0-9]+)?)([^\s0-9.,+\-][^\s]*)?")
_TRANSLATE = str.maketrans({"\u2212": "-"})  # NFKC leaves the mathematical minus sign alone


class _MalformedError(Exception):
    """Internal: not a well-formed number; the public functions turn it into a NumberError."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as written: "近2万亿元" → value 2, unit "万亿元", qualifier "近"."""

    value: Decimal
    unit: str
    qualifier: str = ""

    def in_unit(self, unit: str | units.Unit, *, field: str = "单位") -> Decimal:
        """The value expressed in ``unit`` (what a target kept in 亿元 needs from "1.35万亿元")."""
        return units.convert(self.value, self.unit, unit, field=field)


def normalize(d: Decimal) -> Decimal:
    """Strip trailing zeros without ever producing exponent notation (13500.00 → 13500, not 1.35E+4)."""
    if not d.is_finite():
        return d
    if d.is_zero():
        return Decimal(0)  # also turns -0 into 0
    text = str(d)  # the common case, already plain ("31.5", "1590"), is told from its text cheaply
    if "E" not in text and not ("." in text and text.endswith("0")):
        return d
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # finite
    kept = list(digits)
    while exponent < 0 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent > 0:
        kept.extend([0] * exponent)
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))


def format_decimal(value: Decimal, places: int | None = None, *, grouping: bool = False) -> str:
    """Plain positional text for display and export; ``places`` rounds half-up as people expect."""
    if not value.is_finite():
        raise ValueError(f"cannot format {value!r}")
    if places is None:
        shown = normalize(value)
    else:
        if places < 0:
            raise ValueError(f"places must be >= 0, got {places}")
        with localcontext() as ctx:
            ctx.prec = max(value.adjusted() + 1, 1) + places + 2
            ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
            shown = value.quantize(Decimal((0, (1,), -places)), rounding=ROUND_HALF_UP)
        if shown.is_zero():
            shown = shown.copy_abs()  # "-0.00" would look like a loss
    return format(shown, ",f" if grouping else "f")


def _exact_mul(a: Decimal, b: Decimal) -> Decimal:
    """a × b with enough precision that nothing is rounded, however long the input."""
    with localcontext() as ctx:
        ctx.prec = len(a.as_tuple().digits) + len(b.as_tuple().digits) + 2
        ctx.Emax, ctx.Emin = MAX_EMAX, MIN_EMIN
        return a * b


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_TRANSLATE).strip()


def _chinese_section(s: str) -> int:
    """0–9999 from e.g. 一千零五十; 十 may open without 一; 一千五 / 三百五 mean 1500 / 350."""
    total, digit, last, after_zero = 0, None, 10_000, False
    for i, ch in enumerate(s):
        if ch in _SMALL_UNITS:
            unit = _SMALL_UNITS[ch]
            if unit >= last or (after_zero and unit * 10 >= last):
                raise _MalformedError  # 十十, 五十百, 一千零九百
            if digit is None:
                if i != 0 or unit != 10:
                    raise _MalformedError  # 百, 一千百
                digit = 1
            total, digit, last, after_zero = total + digit * unit, None, unit, False
        elif ch in _ZEROS:
            if digit is not None or after_zero or i == 0:
                raise _MalformedError  # 五零, 一千零零五, 零五
            after_zero = True
        elif ch in _DIGITS:
            if digit is not None:
                raise _MalformedError  # 五五百
            digit = _DIGITS[ch]
        else:
            raise _MalformedError
    if digit is None:
        if after_zero:
            raise _MalformedError  # 一千零
        return total
    if after_zero or last in (10, 10_000):  # ones digit (10_000: no unit seen at all)
        return total + digit
    return total + digit * last // 10


def _chinese_low(low: str, level: int, scale: int) -> int:
    """The part after 万/亿: 一万零五百 needs the 零, 三万五 means 35000."""
    if not low:
        return 0
    lead_zero = low[0] in _ZEROS
    if lead_zero:
        low = low[1:]
        if not low or low[0] in _ZEROS:
            raise _MalformedError
    elif len(low) == 1 and low in _DIGITS:
        return _DIGITS[low] * scale // 10
    value = _chinese_positional(low, level + 1)
    if lead_zero and value * 10 >= scale:
        raise _MalformedError  # 一万零五千
    return value


def _chinese_positional(s: str, level: int = 0) -> int:
    """Split by 亿, then 万, then read each section of up to 9999."""
    if level == len(_LEVELS):
        return _chinese_section(s)
    char, scale = _LEVELS[level]
    if char not in s:
        return _chinese_positional(s, level + 1)
    high, _, low = s.partition(char)
    if not high or char in low:
        raise _MalformedError  # 万, 一亿亿
    return _chinese_positional(high, level + 1) * scale + _chinese_low(low, level, scale)


def _chinese_integer(s: str) -> str:
    """Digits of a Chinese integer; 二〇二四 is read digit by digit, 两千零五 positionally."""
    if len(s) == 1 and s in _DIGITS:
        return str(_DIGITS[s])
    if len(s) >= 2 and s[0] not in _ZEROS and all(ch in _PLAIN_DIGITS for ch in s):
        return "".join(str(_DIGITS[ch]) for ch in s)
    return str(_chinese_positional(s))


def _plain_number(s: str) -> Decimal:
    """An unsigned number without magnitude or unit: 1,590.5 or 一千五百九十 or 三点五."""
    if _ARABIC.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if not s or not set(s) <= _CHINESE_CHARS:
        raise _MalformedError
    whole, dot, fraction = s.partition("点")
    if not dot:
        return Decimal(_chinese_integer(whole))
    if not whole or not fraction or not all(ch in _PLAIN_DIGITS for ch in fraction):
        raise _MalformedError  # 点五, 三点, 三点两
    return Decimal(_chinese_integer(whole) + "." + "".join(str(_DIGITS[ch]) for ch in fraction))


def _splits(body: str) -> Iterator[tuple[str, str]]:
    """Candidate (number, unit) splits, longest number first; 五百分点 falls back to 五 + 百分点."""
    if body[:1].isascii() and body[:1].isdigit():
        match = _ARABIC_PREFIX.match(body)
        assert match is not None
        yield match.group(), body[match.end() :]
        return
    end = 0
    while end < len(body) and body[end] in _CHINESE_CHARS:
        end += 1
    yield body[:end], body[end:]
    magnitudes = tuple(units.MAGNITUDES)  # looked up here: units imports this module, too
    for k in range(end - 1, 0, -1):
        # A Chinese integer absorbs its own 万/亿, so 一万零五千 must not become 一万零五 × 千.
        if "点" in body[:k] or not body[k:].startswith(magnitudes):
            yield body[:k], body[k:]


def parse_quantity(text: str, *, field: str = "数值") -> Quantity:
    """Read a figure with its unit as written ("257亿元" → 257, "亿元").

    Chinese integers absorb their own 万/亿: "三万家" is (30000, "家"), "三万亿元" is (3000000000000, "元").
    Arabic numerals and Chinese decimals leave the magnitude in the unit: "1.35万亿元" is (1.35, "万亿元"),
    "三点五亿元" is (3.5, "亿元").
    """
    if plain := _PLAIN_QUANTITY.fullmatch(text):  # most cells of an imported sheet: "31.5", "-2", "257亿元"
        number, unit_text = plain.groups()
        unit = units.known_unit(unit_text) if unit_text else None
        if unit_text is None or unit is not None:
            return Quantity(normalize(Decimal(number)), unit.text if unit else "", "")
    return _parse_quantity(text, field)


def _parse_quantity(text: str, field: str) -> Quantity:
    raw = _clean(text)
    if not raw:
        raise NumberError(f"数值不能为空：{EXAMPLES}", field=field)
    qualifier, rest = "", raw
    while found := next((q for q in QUALIFIERS if rest.startswith(q)), None):
        qualifier, rest = qualifier + found, rest[len(found) :].lstrip()
    negative = rest[:1] in ("-", "负")
    body = rest[1:] if negative or rest[:1] == "+" else rest
    bad_unit: str | None = None
    for number_text, unit_text in _splits(body):
        try:
            value = _plain_number(number_text)
        except _MalformedError:
            continue
        try:
            unit = units.parse_unit(unit_text, field=field)
        except UnitError:
            bad_unit = unit_text.strip() if bad_unit is None else bad_unit
            continue
        return Quantity(normalize(value.copy_negate() if negative else value), unit.text, qualifier)
    if bad_unit is not None:
        raise UnitError(f"“{raw}”中的单位“{bad_unit}”无法识别：{units.KNOWN_UNITS_HINT}", field=field)
    raise NumberError(f"“{raw}”不是有效的数字：{EXAMPLES}", field=field)


def parse_number(text: str, *, field: str = "数值") -> Decimal:
    """Read a bare number, applying 万/亿 and dropping a trailing %: "1.35万亿" → 1350000000000."""
    raw = _clean(text)
    try:
        quantity = parse_quantity(text, field=field)
        unit = units.parse_unit(quantity.unit, field=field)
    except UnitError:
        raise NumberError(f"“{raw}”不是有效的数字：{EXAMPLES}", field=field) from None
    if quantity.qualifier:
        raise NumberError(
            f"“{raw}”带有修饰词“{quantity.qualifier}”：此处只填写数字本身，{EXAMPLES}", field=field
        )
    if unit.base == "%" and unit.magnitude == 1:
        return quantity.value
    if unit.base:
        raise NumberError(
            f"“{raw}”带有单位“{unit.text}”：此处只能填写数字（可带 万、亿 等数量级或 %），"
            "请去掉单位，或改用“数值+单位”的写法填写",
            field=field,
        )
    return normalize(_exact_mul(quantity.value, unit.magnitude))
