"""Deadlines ("到2026年", "2025年底前", "用3年左右时间") and reporting periods ("前三季度", "1-8月",
"截至5月底", "上半年", "今年以来") found in a clause, resolved against the document date and plan start.

A period without a year is the latest one that has ended by the document date, as ``text_input`` reads a
typed period: in a release of 2024-10-23 "前三季度" is 2024's. Without a document date such a period stays
unresolved (None) rather than guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from app.services.extraction.patterns import MONTH, YEAR

_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_Q = r"[一二三四1-4]"
_N_YEARS = r"[0-9]{1,2}|[一二两三四五六七八九十]"
_TIME = re.compile(
    rf"(?P<asof>(?:截至|截止)(?:到|至)?(?:(?P<a_y>{YEAR})年|(?P<a_rel>今年|去年|上年))?"
    rf"(?:(?P<a_m>{MONTH})月份?(?:(?P<a_d>[0-9]{{1,2}})[日号])?)?(?:底|末)?(?P<a_now>目前|当前|今|现在)?)"
    r"|(?P<ytd>今年以来|年初以来|今年初以来)"
    r"|(?P<now>目前|当前|至今|现阶段)"
    r"|(?P<plan>(?:到|至|在)?[“\"]?十(?P<fyp>[一二三四五六七八九])五[”\"]?(?:时期|期)?(?:末|期末|期间))"
    rf"|(?P<date>(?:{YEAR}年)?{MONTH}月[0-9]{{1,2}}[日号])"
    rf"|(?P<cmp>(?:较|比|相比|与)(?:{YEAR}年)(?:底|末)?(?:同期)?)"
    rf"|(?P<span>(?:用|利用|通过|花)(?P<n1>{_N_YEARS})年(?:左右|多)?(?:的)?时间|(?P<n2>{_N_YEARS})年(?:内|之内))"
    rf"|(?P<base>(?:从|由)(?P<b_y>{YEAR})年(?P<b_end>底|末)?的?)"
    rf"|(?P<per>(?:(?P<p_y>{YEAR})年|(?P<p_rel>今年|去年|上年|当年))?"
    rf"(?:前(?P<p_qn>{_Q})个?季度|(?P<p_q1>{_Q})(?:季度)?(?:-|~|–|—|至|到)(?P<p_q2>{_Q})季度"
    rf"|第?(?P<p_q>{_Q})季度|(?P<p_h>[上下])半年"
    rf"|(?P<p_m1>{MONTH})月?份?(?:-|~|–|—|至|到)(?P<p_m2>{MONTH})月份?|前(?P<p_mn>{MONTH})个?月"
    rf"|(?P<p_m>{MONTH})月份?(?![0-9日号底末])|(?P<p_all>全年)))"
    rf"|(?P<dl>(?P<dl_pre>力争到|争取到|到|至|于|在)?(?:(?P<d_y>{YEAR})年|(?P<d_rel>今年|明年|去年))"
    rf"(?:(?P<d_m>{MONTH})月份?)?(?P<d_end>底|末)?(?P<dl_post>前|之前|以前)?)"
)
DOCUMENT_DATE = re.compile(rf"({YEAR})(?:[-/.]|年)([0-9]{{1,2}})(?:[-/.]|月)([0-9]{{1,2}})(?![0-9])")


@dataclass(frozen=True, slots=True)
class Months:
    """A span of whole months; ``stock`` means a point in time at the end of ``last`` ("截至6月底")."""

    first: tuple[int, int]
    last: tuple[int, int]
    stock: bool = False

    def label(self, *, stock: bool | None = None) -> str:
        y2, m2 = self.last
        if self.stock if stock is None else stock:
            return f"..{y2:04d}-{m2:02d}"
        y1, m1 = self.first
        return f"{y1:04d}-{m1:02d}..{y2:04d}-{m2:02d}"


@dataclass(frozen=True, slots=True)
class TimeMark:
    """One time expression at [start, end) of a clause.

    kind: deadline (a target's), period (a progress figure's), since (今年以来: a period whose 累计 is
    all-time), year (a bare "2023年": either, by context), baseline (the "从2020年的" of a from→to sentence,
    or a date or comparison that is neither), now (目前, a stock at the document date).
    """

    start: int
    end: int
    kind: str
    deadline: str | None = None
    period: Months | None = None
    year: int | None = None


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _CN[token]


def _month(token: str) -> int:
    if token.isdigit():
        return int(token)
    return _CN[token] if len(token) == 1 else 10 + _CN[token[1]]


def _last_day(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def _rel_year(word: str | None, ref: date | None) -> int | None:
    if not word or ref is None:
        return None
    return ref.year + {"今年": 0, "当年": 0, "本年": 0, "明年": 1, "去年": -1, "上年": -1}.get(word, 0)


def _latest(first_m: int, last_m: int, ref: date | None) -> Months | None:
    """The latest occurrence of months first..last (of one year) that has ended by ``ref``."""
    if ref is None:
        return None
    ended = date(ref.year, last_m, calendar.monthrange(ref.year, last_m)[1]) <= ref
    y = ref.year if ended else ref.year - 1
    return Months((y, first_m), (y, last_m))


def _period(m: re.Match[str], ref: date | None) -> TimeMark:
    year = int(m["p_y"]) if m["p_y"] else _rel_year(m["p_rel"], ref)
    if m["p_all"]:
        first, last = 1, 12
    elif m["p_qn"]:
        first, last = 1, 3 * _num(m["p_qn"])
    elif m["p_q1"]:
        first, last = 3 * _num(m["p_q1"]) - 2, 3 * _num(m["p_q2"])
    elif m["p_q"]:
        first = 3 * _num(m["p_q"]) - 2
        last = first + 2
    elif m["p_h"]:
        first, last = (1, 6) if m["p_h"] == "上" else (7, 12)
    elif m["p_m1"]:
        first, last = _month(m["p_m1"]), _month(m["p_m2"])
    elif m["p_mn"]:
        first, last = 1, _month(m["p_mn"])
    else:
        first = last = _month(m["p_m"])
    if not (1 <= first <= last <= 12):
        return TimeMark(m.start(), m.end(), "period")
    if year is not None:
        return TimeMark(m.start(), m.end(), "period", period=Months((year, first), (year, last)), year=year)
    if m["p_all"]:
        return TimeMark(m.start(), m.end(), "year")  # 全年 of the year in context
    return TimeMark(m.start(), m.end(), "period", period=_latest(first, last, ref))


def _as_of(m: re.Match[str], ref: date | None) -> TimeMark:
    year = int(m["a_y"]) if m["a_y"] else _rel_year(m["a_rel"], ref)
    if m["a_m"]:
        month = _month(m["a_m"])
        if not 1 <= month <= 12:
            return TimeMark(m.start(), m.end(), "now")
        if year is None and ref is not None:
            year = ref.year if month <= ref.month else ref.year - 1
        if year is None:
            return TimeMark(m.start(), m.end(), "now")
        return TimeMark(m.start(), m.end(), "period", period=Months((year, month), (year, month), stock=True))
    if year is not None:
        return TimeMark(m.start(), m.end(), "period", period=Months((year, 12), (year, 12), stock=True))
    return TimeMark(m.start(), m.end(), "now")


def _deadline(m: re.Match[str], ref: date | None) -> TimeMark:
    year = int(m["d_y"]) if m["d_y"] else _rel_year(m["d_rel"], ref)
    month = _month(m["d_m"]) if m["d_m"] else None
    if month is not None and not 1 <= month <= 12:
        return TimeMark(m.start(), m.end(), "year")
    explicit = bool(m["dl_pre"] or m["dl_post"])
    if year is None:
        return TimeMark(m.start(), m.end(), "deadline" if explicit else "year")
    if month is not None:
        text = _last_day(year, month)
        period = Months((year, month), (year, month), stock=True)
    elif m["d_end"]:
        text, period = f"{year:04d}-12-31", Months((year, 12), (year, 12), stock=True)
    else:
        text, period = f"{year:04d}", Months((year, 1), (year, 12))
    if explicit:
        return TimeMark(m.start(), m.end(), "deadline", deadline=text, year=year)
    # "2025年底" / "2023年": a deadline in a plan, a period in a report; the caller decides by context.
    return TimeMark(m.start(), m.end(), "year", deadline=text, period=period, year=year)


def time_marks(text: str, ref: date | None, plan_start: date | None) -> list[TimeMark]:
    """Every time expression in ``text``, left to right, without overlaps."""
    marks: list[TimeMark] = []
    for m in _TIME.finditer(text):
        if m["asof"]:
            marks.append(_as_of(m, ref))
        elif m["ytd"]:
            period = Months((ref.year, 1), (ref.year, ref.month)) if ref is not None else None
            marks.append(TimeMark(m.start(), m.end(), "since", period=period))
        elif m["now"]:
            marks.append(TimeMark(m.start(), m.end(), "now"))
        elif m["plan"]:
            year = 1955 + 5 * (10 + _num(m["fyp"]))  # 十四五 (2021-2025) ends 2025, 十五五 ends 2030
            marks.append(TimeMark(m.start(), m.end(), "deadline", deadline=f"{year:04d}", year=year))
        elif m["span"]:
            start = plan_start or ref
            n = _num(m["n1"] or m["n2"])
            if start is None:
                marks.append(TimeMark(m.start(), m.end(), "deadline"))
            else:
                year = start.year + n - 1  # 用3年时间 from 2024 means 2024, 2025 and 2026
                marks.append(TimeMark(m.start(), m.end(), "deadline", deadline=f"{year:04d}", year=year))
        elif m["date"] or m["cmp"]:
            marks.append(TimeMark(m.start(), m.end(), "baseline"))  # a day or a comparison: neither
        elif m["base"]:
            year = int(m["b_y"])
            label = f"{year:04d}-12-31" if m["b_end"] else f"{year:04d}"
            marks.append(TimeMark(m.start(), m.end(), "baseline", deadline=label, year=year))
        elif m["per"]:
            marks.append(_period(m, ref))
        elif m["dl"]:
            marks.append(_deadline(m, ref))
    return marks


def document_date(text: str) -> date | None:
    """The first full date in the text ("2024-10-23", "2025年7月28日"): the date of a release."""
    for m in DOCUMENT_DATE.finditer(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    return None


_PLAN_YEARS = re.compile(rf"[(（]({YEAR})\s*[-–—~至]\s*{YEAR}\s*年?[)）]")


def plan_start_in(text: str) -> date | None:
    """The start of the first plan period written in a title, "…方案(2024-2026年)" → 2024-01-01."""
    m = _PLAN_YEARS.search(text)
    return date(int(m[1]), 1, 1) if m is not None else None


def now_period(ref: date | None) -> Months | None:
    """目前/累计 with no period: a stock at the document's month."""
    return Months((ref.year, ref.month), (ref.year, ref.month), stock=True) if ref is not None else None


def strip_time(text: str) -> str:
    """``text`` without its time expressions, for naming: "2024年前三季度实现产值" → "实现产值"."""
    return _TIME.sub("", text)
