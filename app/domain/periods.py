"""Reporting periods (报告期): read the way reports write them, label them one canonical way.

Reports say "2024年前三季度", "1-8月" or "截至2025年6月底"; progress arithmetic needs exact dates and to know
whether a figure is a year-to-date total (it resets each January) or a point-in-time stock.
``parse_period(format_period(p)) == p`` holds for every period this module produces.
"""

from __future__ import annotations

import calendar
import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.domain.errors import PeriodError


class PeriodKind(enum.StrEnum):
    MONTH = "month"  # 2024年3月
    QUARTER = "quarter"  # 2024年第三季度
    HALF = "half"  # 2024年上半年 / 下半年
    YTD = "ytd"  # 2024年1-8月, 2024年前三季度 (starts 1 January, ends before December)
    YEAR = "year"  # 2024年全年
    AS_OF = "as_of"  # 截至2025年6月底 — a point in time, start == end
    RANGE = "range"  # any other span, e.g. 2024年3-5月


@dataclass(frozen=True, slots=True, order=True)
class Period:
    start: date
    end: date
    kind: PeriodKind

    @property
    def label(self) -> str:
        """The canonical Chinese label, e.g. "2024年前三季度"."""
        return format_period(self)

    def __str__(self) -> str:
        return format_period(self)

    @property
    def months(self) -> int:
        """Calendar months touched (a YTD to August → 8), used to annualise; 0 for a point in time."""
        if self.kind is PeriodKind.AS_OF:
            return 0
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def is_year_to_date(self) -> bool:
        """True when a flow total may still grow this year: starts 1 January, ends before 31 December.

        Decided by dates, not kind, so 一季度, 上半年 and 1月 count as well as YTD; points in time never do.
        """
        return (
            self.kind is not PeriodKind.AS_OF
            and self.start == date(self.end.year, 1, 1)
            and self.end < date(self.end.year, 12, 31)
        )

    @property
    def year(self) -> int:
        """The year the period ends in — the year a figure is reported for."""
        return self.end.year

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


MIN_YEAR, MAX_YEAR = 1900, 2100
_CN_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_NUM |= {"十": 10, "十一": 11, "十二": 12}
_CN_DIGIT = "〇一二三四"
_N = r"[0-9]{1,2}|十[一二]?|[一二两三四五六七八九]"
_DASH = r"(?:[-‐‑‒–—―−~〜]+|至|到)"
_PREFIX = re.compile(r"^(?:截至|截止)(?:到|至)?")
_ISO_DATE = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})$")
_ISO_MONTH = re.compile(r"^([0-9]{4})[-/.]([0-9]{1,2})$")
_YEARS = re.compile(rf"^([0-9]{{4}})年?{_DASH}([0-9]{{4}})年?度?$")
_FULL_RANGE = re.compile(
    rf"^([0-9]{{4}})年({_N})月(?:([0-9]{{1,2}})日)?{_DASH}([0-9]{{4}})年({_N})月(?:([0-9]{{1,2}})日)?$"
)
_YEAR = re.compile(r"^([0-9]{4})(?![0-9])(?:年度|年)?")
_MONTH = re.compile(rf"^({_N})月份?$")
_DAY = re.compile(rf"^({_N})月([0-9]{{1,2}})[日号]$")
_MONTHS = re.compile(rf"^({_N})(?:月份?)?{_DASH}({_N})月份?$")
_FIRST_MONTHS = re.compile(rf"^前({_N})个?月$")
_QUARTER = re.compile(rf"^(?:第({_N})季度?|({_N})季度|[Qq]({_N}))$")
_QUARTERS = re.compile(rf"^(?:第?({_N})(?:季度)?{_DASH}第?({_N})季度|[Qq]({_N}){_DASH}[Qq]({_N}))$")
_FIRST_QUARTERS = re.compile(rf"^前({_N})个?季度$")
_HALF = re.compile(r"^([上下])半年$")
_HINT = "可写作“2024年3月”“2024年第三季度”“2024年前三季度”“2024年1-8月”“2024年全年”或“截至2025年6月底”"


def _fail(shown: str, reason: str, field: str, noun: str = "报告期") -> PeriodError:
    """One message shape everywhere: quote what was typed, say what is allowed."""
    return PeriodError(f"“{shown}”不是有效的{noun}：{reason}", field=field)


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _CN_NUM[token]


def _check(y: int, m: int, shown: str, field: str, noun: str = "报告期") -> None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        raise _fail(shown, f"年份应在{MIN_YEAR}-{MAX_YEAR}之间", field, noun)
    if not 1 <= m <= 12:
        raise _fail(shown, "月份应为1-12", field, noun)


def end_of_month(y: int, m: int) -> date:
    """Last day of the month; reports say "6月底" and mean the 30th."""
    return date(y, m, calendar.monthrange(y, m)[1])


def month(y: int, m: int, *, field: str = "报告期") -> Period:
    _check(y, m, f"{y}年{m}月", field)
    return Period(date(y, m, 1), end_of_month(y, m), PeriodKind.MONTH)


def quarter(y: int, q: int, *, field: str = "报告期") -> Period:
    _check(y, 1, f"{y}年第{q}季度", field)
    if not 1 <= q <= 4:
        raise _fail(f"{y}年第{q}季度", "季度应为1-4", field)
    return Period(date(y, 3 * q - 2, 1), end_of_month(y, 3 * q), PeriodKind.QUARTER)


def half(y: int, h: int, *, field: str = "报告期") -> Period:
    """h = 1 for 上半年, 2 for 下半年."""
    _check(y, 1, f"{y}年第{h}半年", field)
    if h not in (1, 2):
        raise _fail(f"{y}年第{h}半年", "半年应为1（上半年）或2（下半年）", field)
    return Period(date(y, 6 * h - 5, 1), end_of_month(y, 6 * h), PeriodKind.HALF)


def year_to_date(y: int, last_month: int, *, field: str = "报告期") -> Period:
    """January to ``last_month``; 1 gives a MONTH and 12 a YEAR, exactly as parsing "1-1月"/"1-12月" does."""
    return _span(y, 1, last_month, f"{y}年1-{last_month}月", field, "报告期")


def full_year(y: int, *, field: str = "报告期") -> Period:
    _check(y, 1, f"{y}年", field)
    return Period(date(y, 1, 1), date(y, 12, 31), PeriodKind.YEAR)


def as_of(d: date, *, field: str = "报告期") -> Period:
    """A point in time (累计值 "截至…"): start == end."""
    _check(d.year, d.month, d.isoformat(), field)
    return Period(d, d, PeriodKind.AS_OF)


def _span(y: int, first: int, last: int, shown: str, field: str, noun: str) -> Period:
    """Whole months ``first``..``last`` of one year, given the kind a reader would call it."""
    _check(y, first, shown, field, noun)
    _check(y, last, shown, field, noun)
    if last < first:
        raise _fail(shown, "结束月份早于开始月份", field, noun)
    if first == last:
        kind = PeriodKind.MONTH
    elif first == 1:
        kind = PeriodKind.YEAR if last == 12 else PeriodKind.YTD
    else:
        kind = PeriodKind.RANGE
    return Period(date(y, first, 1), end_of_month(y, last), kind)


def _day(y: int, m: int, d: int, shown: str, field: str, noun: str) -> date:
    _check(y, m, shown, field, noun)
    if not 1 <= d <= calendar.monthrange(y, m)[1]:
        raise _fail(shown, f"{y}年{m}月没有{d}日", field, noun)
    return date(y, m, d)


def _parse(text: str, default_year: int | None, field: str, noun: str, shown: str | None = None) -> Period:
    """Normalise, peel off 截至…/…底 (they make any period a point at its end), then read the core."""
    shown = (text if shown is None else shown).strip()
    shown = shown if len(shown) <= 40 else shown[:40] + "…"
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not s:
        raise PeriodError(f"{noun}不能为空，{_HINT}", field=field)
    lead = m[0] if (m := _PREFIX.match(s)) else ""
    s = s[len(lead) :]
    example = f"{lead}2024年{s.removeprefix('年')}"
    point = bool(lead)
    if s[-1:] in ("底", "末"):
        point, s = True, s[:-1]
    p = _parse_core(s, default_year, shown, field, noun, example)
    return Period(p.end, p.end, PeriodKind.AS_OF) if point else p


def _parse_core(s: str, default_year: int | None, shown: str, field: str, noun: str, example: str) -> Period:
    if m := _ISO_DATE.match(s):
        d = _day(int(m[1]), int(m[2]), int(m[3]), shown, field, noun)
        return Period(d, d, PeriodKind.AS_OF)
    if m := _ISO_MONTH.match(s):
        return _span(int(m[1]), int(m[2]), int(m[2]), shown, field, noun)
    if m := _YEARS.match(s):
        y1, y2 = int(m[1]), int(m[2])
        _check(y1, 1, shown, field, noun)
        _check(y2, 12, shown, field, noun)
        if y2 < y1:
            raise _fail(shown, "结束年份早于开始年份", field, noun)
        return Period(date(y1, 1, 1), date(y2, 12, 31), PeriodKind.YEAR if y1 == y2 else PeriodKind.RANGE)
    if m := _FULL_RANGE.match(s):
        y1, m1, y2, m2 = int(m[1]), _num(m[2]), int(m[4]), _num(m[5])
        start = _day(y1, m1, int(m[3]), shown, field, noun) if m[3] else _day(y1, m1, 1, shown, field, noun)
        _check(y2, m2, shown, field, noun)
        end = _day(y2, m2, int(m[6]), shown, field, noun) if m[6] else end_of_month(y2, m2)
        if end < start:
            raise _fail(shown, "结束时间早于开始时间", field, noun)
        if y1 == y2 and not m[3] and not m[6]:
            return _span(y1, m1, m2, shown, field, noun)
        return Period(start, end, PeriodKind.RANGE)

    ym = _YEAR.match(s)
    rest = s[ym.end() :] if ym else s
    if not ym and not rest:
        raise _fail(shown, f"无法识别，{_HINT}", field, noun)
    if ym:
        y = int(ym[1])
    elif default_year is not None:
        y = default_year
    else:  # only blame the year if the rest makes sense; "尽快" is not missing a year
        _parse_core(s, 2000, shown, field, noun, example)
        raise _fail(shown, f"缺少年份，请写明年份，如“{example}”", field, noun)
    _check(y, 1, shown, field, noun)

    if rest in ("", "年", "全年"):
        return _span(y, 1, 12, shown, field, noun)
    if m := _MONTH.match(rest):
        return _span(y, _num(m[1]), _num(m[1]), shown, field, noun)
    if m := _DAY.match(rest):
        d = _day(y, _num(m[1]), int(m[2]), shown, field, noun)
        return Period(d, d, PeriodKind.AS_OF)
    if m := _MONTHS.match(rest):
        return _span(y, _num(m[1]), _num(m[2]), shown, field, noun)
    if m := _FIRST_MONTHS.match(rest):
        return _span(y, 1, _num(m[1]), shown, field, noun)
    if m := _HALF.match(rest):
        return half(y, 1 if m[1] == "上" else 2, field=field)
    q_first = q_last = 0
    if m := _QUARTER.match(rest):
        q_first = q_last = _num(m[1] or m[2] or m[3])
    elif m := _QUARTERS.match(rest):
        q_first, q_last = _num(m[1] or m[3]), _num(m[2] or m[4])
    elif m := _FIRST_QUARTERS.match(rest):
        q_first, q_last = 1, _num(m[1])
        if q_last == 1:
            raise _fail(shown, "“前一季度”有歧义，请写“第一季度”", field, noun)
    else:
        raise _fail(shown, f"无法识别，{_HINT}", field, noun)
    if not (1 <= q_first <= 4 and 1 <= q_last <= 4):
        raise _fail(shown, "季度应为1-4", field, noun)
    if q_first == q_last:
        return quarter(y, q_first, field=field)
    return _span(y, 3 * q_first - 2, 3 * q_last, shown, field, noun)


def parse_period(text: str, *, default_year: int | None = None, field: str = "报告期") -> Period:
    """Read a period as reports write it; ``default_year`` fills in "前三季度" when the year is elsewhere."""
    return _parse_period_cached(text, default_year, field)


@lru_cache(maxsize=4096)
def _parse_period_cached(text: str, default_year: int | None, field: str) -> Period:
    # A sheet of 100,000 figures names a few dozen periods; periods are immutable. Errors are not cached.
    return _parse(text, default_year, field, "报告期")


def parse_deadline(text: str, *, field: str = "截止时间") -> date:
    """The last day a target allows: "到2026年" → 2026-12-31, "2025年6月底前" → 2025-06-30."""
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    s = re.sub(r"^(?:力争)?(?:到|至|在|于)", "", s)
    s = re.sub(r"(?:之前|以前|前)$", "", s)
    return _parse(s, None, field, "截止时间", shown=text).end


def _point_label(d: date, *, at_start: bool) -> str:
    whole = d.day == 1 if at_start else d == end_of_month(d.year, d.month)
    return f"{d.year}年{d.month}月" if whole else f"{d.year}年{d.month}月{d.day}日"


def format_period(period: Period) -> str:
    """The one label used in tables and reports; parsing it gives the same period back."""
    s, e, kind = period.start, period.end, period.kind
    if kind is PeriodKind.AS_OF:
        if e == end_of_month(e.year, e.month):
            return f"截至{e.year}年{e.month}月底"
        return f"截至{e.year}年{e.month}月{e.day}日"
    aligned = s.day == 1 and e == end_of_month(e.year, e.month) and s <= e
    if aligned and s.year == e.year:
        y, first, last = s.year, s.month, e.month
        if kind is PeriodKind.QUARTER and first % 3 == 1 and last == first + 2:
            return f"{y}年第{_CN_DIGIT[last // 3]}季度"
        if kind is PeriodKind.HALF and (first, last) in ((1, 6), (7, 12)):
            return f"{y}年{'上' if first == 1 else '下'}半年"
        if (first, last) == (1, 12):
            return f"{y}年全年"
        if first == last:
            return f"{y}年{first}月"
        if kind is PeriodKind.YTD and (first, last) == (1, 9):
            return f"{y}年前三季度"
        return f"{y}年{first}-{last}月"
    if aligned and (s.month, e.month) == (1, 12):
        return f"{s.year}-{e.year}年"
    return f"{_point_label(s, at_start=True)}-{_point_label(e, at_start=False)}"
