"""Figures in a clause: a number (1590, 1.35, 五千, 百亿, 百分之五) with its unit as written, and ranges.

The numbers themselves are read by the domain (``parse_number``) and units checked by ``parse_unit``; this
module only finds where a figure starts and ends, and refuses what is not one: 5G, IPv6, 2024年, 16个月,
十五部门, 千亿级, “第3批”.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from app.domain import units
from app.domain.errors import DomainError
from app.domain.numbers import normalize as normalize_decimal
from app.domain.numbers import parse_number
from app.services.extraction.patterns import DESCRIPTOR_AFTER, STRUCTURAL_NOUNS, UNIT_WORD_GUARDS

_NUMBER = re.compile(
    r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|百分之|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
)
_ARABIC_AFTER_PERCENT = re.compile(
    r"[0-9]+(?:\.[0-9]+)?|[零〇一二两三四五六七八九十百]+(?:点[零〇一二三四五六七八九]+)?"
)
_MAGNITUDE = re.compile(r"万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千")
_CN_MAGNITUDE = re.compile(r"(万亿|亿|万)$")
_MORE = ("余", "多")
_RANGE_DASH = re.compile(r"-|~|–|—|至|到")


def _unit_spellings() -> tuple[str, ...]:
    spellings = set(units.BASES) | set(units.ALIASES) | set(units.SCALED_ALIASES)
    return tuple(sorted(spellings, key=len, reverse=True))


_BASES = _unit_spellings()
_MAX_BASE = max(len(b) for b in _BASES)


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found at [start, end) of a clause's text; ``unit`` as written (magnitude + base)."""

    start: int
    end: int
    value: Decimal
    unit: str
    value_max: Decimal | None = None
    more: bool = False  # 70余万个, 100多家: more than the number

    @property
    def is_percent_like(self) -> bool:
        return self.unit in ("%", "个百分点", "百分点", "倍")


def _base_at(text: str, pos: int) -> str | None:
    """The longest base unit spelled at ``pos``; ASCII units must not run on into more letters (5G, 10Gbps)."""
    window = text[pos : pos + _MAX_BASE]
    folded = window.casefold()
    for base in _BASES:
        if folded.startswith(base.casefold()):
            after = text[pos + len(base) : pos + len(base) + 1]
            if base.isascii() and after.isascii() and after.isalnum():
                continue
            return window[: len(base)]
    return None


def _guarded(text: str, pos: int, base: str) -> bool:
    """True when the unit is really part of a word (十五部门, 16个月) or describes a class (千亿级)."""
    rest = text[pos : pos + 4]
    if any(rest.startswith(w) for w in UNIT_WORD_GUARDS.get(base, ())):
        return True
    return rest.startswith(DESCRIPTOR_AFTER)


def _chinese_value(token: str) -> tuple[Decimal, str] | None:
    """五千 → (5000, ""); 百亿 → (100, "亿"); 三万 → (3, "万"); a lone 一/万/千 is no figure (一批, 万家灯火)."""
    magnitude = ""
    if (m := _CN_MAGNITUDE.search(token)) and len(token) > len(m.group()):
        magnitude, token = m.group(), token[: -len(m.group())]
    if token in ("一", "千", "百", "万", "亿") and not magnitude:
        return None
    if token[0] in "百千":
        if not magnitude:
            return None  # 千家万户, 百家争鸣
        token = "一" + token
    try:
        return parse_number(token), magnitude
    except DomainError:
        return None


def _number_at(text: str, match: re.Match[str]) -> tuple[Decimal, str, int] | None:
    """(value, magnitude written after it, end) for the number token at ``match``."""
    token = match.group()
    if token == "百分之":
        m = _ARABIC_AFTER_PERCENT.match(text, match.end())
        if m is None:
            return None
        inner = _plain(m.group())
        return (inner, "%", m.end()) if inner is not None else None
    if token[0].isdigit():
        before = text[match.start() - 1 : match.start()]
        if before and before.isascii() and (before.isalpha() or before in "._/"):
            return None  # IPv6, C919, v2.0
        value = Decimal(token.replace(",", ""))
        end = match.end()
        magnitude = ""
        m = _MAGNITUDE.match(text, end)
        if m is not None:
            magnitude, end = m.group(), m.end()
        return value, magnitude, end
    parsed = _chinese_value(token)
    if parsed is None:
        return None
    return parsed[0], parsed[1], match.end()


def _plain(token: str) -> Decimal | None:
    if token[0].isdigit():
        return Decimal(token)
    try:
        return parse_number(token)
    except DomainError:
        return None


def _figure_at(text: str, match: re.Match[str]) -> Figure | None:
    """The figure starting at a number token, or None when it is a year, an ordinal, a code or a class."""
    if text[match.start() - 1 : match.start()] == "第":
        return None
    number = _number_at(text, match)
    if number is None:
        return None
    value, magnitude, end = number
    more = False
    if text[end : end + 1] in _MORE:
        more, end = True, end + 1
        if not magnitude and (m := _MAGNITUDE.match(text, end)):
            magnitude, end = m.group(), m.end()
    if magnitude == "%":
        return Figure(match.start(), end, normalize_decimal(value), "%", more=more)
    if text[end : end + 1] in _MORE:
        more, end = True, end + 1
    base = _base_at(text, end)
    if base is None:
        return None
    if _guarded(text, end + len(base), base) or STRUCTURAL_NOUNS.match(text, end + len(base)):
        return None
    unit_text = magnitude + base
    try:
        units.parse_unit(unit_text)
    except DomainError:
        return None
    return Figure(match.start(), end + len(base), normalize_decimal(value), unit_text, more=more)


def _bare_number(text: str, match: re.Match[str]) -> tuple[Decimal, int] | None:
    """A number with no unit that may open a range ("3到5个"): its value and end."""
    number = _number_at(text, match)
    if number is None or number[1]:
        return None
    return number[0], number[2]


# A number with no unit is a figure only right after a comparator at the end of a clause ("PUE值不高于1.25").
_BARE_BEFORE = re.compile(r"(?:不高于|不超过|不低于|低于|高于|降至|降到|控制在|达到|超过|小于|大于)$")
_BARE_AFTER = re.compile(r"(?:以下|以内|以上)?\s*(?:[.。,;!?]|$)")


def _unitless(text: str, match: re.Match[str]) -> Figure | None:
    token = match.group()
    if not token[0].isdigit() or not _BARE_BEFORE.search(text[max(0, match.start() - 3) : match.start()]):
        return None
    if not _BARE_AFTER.match(text, match.end()):
        return None
    return Figure(match.start(), match.end(), normalize_decimal(Decimal(token.replace(",", ""))), "")


def figures(text: str) -> list[Figure]:
    """Every figure in ``text`` left to right; "3到5个" and "4.5%-5%" become one figure with ``value_max``."""
    found: list[Figure] = []
    pos = 0
    while (match := _NUMBER.search(text, pos)) is not None:
        figure = _figure_at(text, match)
        if figure is None:
            bare = _bare_number(text, match)
            dash = _RANGE_DASH.match(text, bare[1]) if bare is not None else None
            nxt = _NUMBER.match(text, dash.end()) if dash is not None else None
            upper = _figure_at(text, nxt) if nxt is not None else None
            if bare is not None and upper is not None and bare[0] < upper.value:
                figure = Figure(match.start(), upper.end, bare[0], upper.unit, upper.value, upper.more)
            elif upper is None:
                figure = _unitless(text, match)
        else:
            dash = _RANGE_DASH.match(text, figure.end)
            nxt = _NUMBER.match(text, dash.end()) if dash is not None else None
            upper = _figure_at(text, nxt) if nxt is not None else None
            if upper is not None and upper.unit == figure.unit and figure.value < upper.value:
                figure = Figure(figure.start, upper.end, figure.value, figure.unit, upper.value)
        if figure is None:
            pos = match.end()
            continue
        found.append(figure)
        pos = figure.end
    return found
