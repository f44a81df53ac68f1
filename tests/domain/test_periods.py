"""Reporting periods: every written form staff meet in reports, the rejections, and the round trip."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import PeriodError
from app.domain.periods import (
    Period,
    PeriodKind,
    as_of,
    end_of_month,
    format_period,
    full_year,
    half,
    month,
    parse_deadline,
    parse_period,
    quarter,
    year_to_date,
)

K = PeriodKind
D = date

PARSED: list[tuple[str, date, date, PeriodKind]] = [
    *[(t, D(2024, 3, 1), D(2024, 3, 31), K.MONTH) for t in ("2024年3月", "2024-03", "2024/3", "2024.3")],
    ("2024年03月", D(2024, 3, 1), D(2024, 3, 31), K.MONTH),
    ("２０２４年３月", D(2024, 3, 1), D(2024, 3, 31), K.MONTH),
    ("2024年3月份", D(2024, 3, 1), D(2024, 3, 31), K.MONTH),
    ("2024年十二月", D(2024, 12, 1), D(2024, 12, 31), K.MONTH),
    *[
        (t, D(2024, 7, 1), D(2024, 9, 30), K.QUARTER)
        for t in ("2024年第三季度", "2024年三季度", "2024年第3季度", "2024Q3", "2024年Q3", "2024 Q3")
    ],
    ("2024年3季度", D(2024, 7, 1), D(2024, 9, 30), K.QUARTER),
    ("2024q3", D(2024, 7, 1), D(2024, 9, 30), K.QUARTER),
    ("2024年一季度", D(2024, 1, 1), D(2024, 3, 31), K.QUARTER),
    ("2024年第一季度", D(2024, 1, 1), D(2024, 3, 31), K.QUARTER),
    ("2024年第四季度", D(2024, 10, 1), D(2024, 12, 31), K.QUARTER),
    ("2024年上半年", D(2024, 1, 1), D(2024, 6, 30), K.HALF),
    ("2024年下半年", D(2024, 7, 1), D(2024, 12, 31), K.HALF),
    *[
        (t, D(2024, 1, 1), D(2024, 9, 30), K.YTD)
        for t in ("2024年前三季度", "2024年1-3季度", "2024年1—3季度", "2024年前三个季度", "2024年Q1-Q3")
    ],
    ("2024年前两季度", D(2024, 1, 1), D(2024, 6, 30), K.YTD),
    ("2024年前四季度", D(2024, 1, 1), D(2024, 12, 31), K.YEAR),
    ("2024年1-1季度", D(2024, 1, 1), D(2024, 3, 31), K.QUARTER),
    ("2024年2-3季度", D(2024, 4, 1), D(2024, 9, 30), K.RANGE),
    *[
        (t, D(2024, 1, 1), D(2024, 8, 31), K.YTD)
        for t in (
            "2024年1-8月",
            "2024年1至8月",
            "2024年1月-8月",
            "2024年1～8月",
            "2024年1–8月",
            "2024年前8个月",
        )
    ],
    ("2024年1月-2024年8月", D(2024, 1, 1), D(2024, 8, 31), K.YTD),
    ("2024年1-3月", D(2024, 1, 1), D(2024, 3, 31), K.YTD),
    ("2024年1-12月", D(2024, 1, 1), D(2024, 12, 31), K.YEAR),
    ("2024年1-1月", D(2024, 1, 1), D(2024, 1, 31), K.MONTH),
    ("2024年3-5月", D(2024, 3, 1), D(2024, 5, 31), K.RANGE),
    ("2023年11月-2024年6月", D(2023, 11, 1), D(2024, 6, 30), K.RANGE),
    ("2024年3月5日-2024年6月7日", D(2024, 3, 5), D(2024, 6, 7), K.RANGE),
    ("2023-2025年", D(2023, 1, 1), D(2025, 12, 31), K.RANGE),
    *[(t, D(2024, 1, 1), D(2024, 12, 31), K.YEAR) for t in ("2024年全年", "2024年", "2024年度", "2024")],
    *[
        (t, D(2025, 6, 30), D(2025, 6, 30), K.AS_OF)
        for t in (
            "截至2025年6月底",
            "截至2025年6月末",
            "截止2025年6月底",
            "截至2025年6月",
            "2025年6月底",
            "截至2025年6月30日",
            "截至2025-06-30",
            "2025-06-30",
            "2025年6月30日",
            "截至2025年上半年",
            "2025年二季度末",
        )
    ],
    ("截至2025年6月15日", D(2025, 6, 15), D(2025, 6, 15), K.AS_OF),
    ("2024/2/29", D(2024, 2, 29), D(2024, 2, 29), K.AS_OF),
    *[(t, D(2024, 12, 31), D(2024, 12, 31), K.AS_OF) for t in ("截至2024年底", "2024年末", "截至2024年末")],
]


@pytest.mark.parametrize(("text", "start", "end", "kind"), PARSED)
def test_parse_period(text: str, start: date, end: date, kind: PeriodKind) -> None:
    assert parse_period(text) == Period(start, end, kind)


DEFAULTED: list[tuple[str, Period]] = [
    ("前三季度", year_to_date(2024, 9)),
    ("上半年", half(2024, 1)),
    ("1-8月", year_to_date(2024, 8)),
    ("3月", month(2024, 3)),
    ("第三季度", quarter(2024, 3)),
    ("全年", full_year(2024)),
    ("截至6月底", as_of(D(2024, 6, 30))),
    ("年底", as_of(D(2024, 12, 31))),
]


@pytest.mark.parametrize(("text", "expected"), DEFAULTED)
def test_default_year_fills_in_a_missing_year(text: str, expected: Period) -> None:
    assert parse_period(text, default_year=2024) == expected


@pytest.mark.parametrize("text", [t for t, _ in DEFAULTED])
def test_missing_year_without_default_is_rejected(text: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text, field="B3")
    assert info.value.field == "B3"
    assert f"“{text}”" in info.value.message
    assert "请写明年份" in info.value.message


REJECTED: list[tuple[str, str]] = [
    ("2024年13月", "月份应为1-12"),
    ("2024年0月", "月份应为1-12"),
    ("2024-13", "月份应为1-12"),
    ("2024年第五季度", "季度应为1-4"),
    ("2024年1-5季度", "季度应为1-4"),
    ("2024年8-3月", "早于"),
    ("2024年3-1季度", "早于"),
    ("2025-2023年", "早于"),
    ("2024年6月-2023年1月", "早于"),
    ("2024年2月30日", "没有30日"),
    ("2023-02-29", "没有29日"),
    ("abc", "无法识别"),
    ("2024年3", "无法识别"),
    ("20243月", "无法识别"),
    ("截至", "无法识别"),
    ("2024年前一季度", "歧义"),
    ("1899年", "1900-2100"),
    ("2101年3月", "1900-2100"),
    ("截至2200-01-01", "1900-2100"),
]


@pytest.mark.parametrize(("text", "reason"), REJECTED)
def test_parse_period_rejects(text: str, reason: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_period(text, default_year=2024)
    assert info.value.field == "报告期"
    assert info.value.message.startswith(f"“{text}”不是有效的报告期：")
    assert reason in info.value.message


@pytest.mark.parametrize("text", ["", "   ", "\u3000"])
def test_empty_period_is_rejected(text: str) -> None:
    with pytest.raises(PeriodError, match="报告期不能为空") as info:
        parse_period(text, field="统计期")
    assert info.value.field == "统计期"


@pytest.mark.parametrize(
    ("text", "reason"), [("abc", "无法识别"), ("13月", "月份应为1-12"), ("尽快", "无法识别")]
)
def test_without_default_year_junk_is_not_blamed_on_the_year(text: str, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason) as info:
        parse_period(text)
    assert "年份" not in info.value.message


def test_default_year_out_of_range_is_rejected() -> None:
    with pytest.raises(PeriodError, match="1900-2100"):
        parse_period("3月", default_year=1800)


FORMATTED: list[tuple[Period, str]] = [
    (month(2024, 3), "2024年3月"),
    (quarter(2024, 3), "2024年第三季度"),
    (quarter(2024, 1), "2024年第一季度"),
    (half(2024, 1), "2024年上半年"),
    (half(2024, 2), "2024年下半年"),
    (year_to_date(2024, 9), "2024年前三季度"),
    (year_to_date(2024, 8), "2024年1-8月"),
    (year_to_date(2024, 6), "2024年1-6月"),
    (full_year(2024), "2024年全年"),
    (parse_period("2024年3-5月"), "2024年3-5月"),
    (as_of(D(2025, 6, 30)), "截至2025年6月底"),
    (as_of(D(2025, 6, 15)), "截至2025年6月15日"),
    (as_of(D(2024, 12, 31)), "截至2024年12月底"),
    (Period(D(2023, 1, 1), D(2024, 6, 30), K.RANGE), "2023年1月-2024年6月"),
    (Period(D(2023, 1, 1), D(2025, 12, 31), K.RANGE), "2023-2025年"),
    (Period(D(2024, 3, 5), D(2024, 6, 30), K.RANGE), "2024年3月5日-2024年6月"),
]


@pytest.mark.parametrize(("period", "label"), FORMATTED)
def test_format_period(period: Period, label: str) -> None:
    assert format_period(period) == label
    assert period.label == label
    assert str(period) == label
    assert parse_period(label) == period


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2026年", D(2026, 12, 31)),
        ("2026年", D(2026, 12, 31)),
        ("2026年底", D(2026, 12, 31)),
        ("2026年末", D(2026, 12, 31)),
        ("2025年6月底", D(2025, 6, 30)),
        ("2025-06-30", D(2025, 6, 30)),
        ("到2025年6月底前", D(2025, 6, 30)),
        ("力争到2027年", D(2027, 12, 31)),
        ("截至2025年上半年", D(2025, 6, 30)),
    ],
)
def test_parse_deadline(text: str, expected: date) -> None:
    assert parse_deadline(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"), [("到2026年13月", "月份应为1-12"), ("尽快", "无法识别"), ("6月底", "年份")]
)
def test_parse_deadline_rejects(text: str, reason: str) -> None:
    with pytest.raises(PeriodError) as info:
        parse_deadline(text)
    assert info.value.field == "截止时间"
    assert info.value.message.startswith(f"“{text}”不是有效的截止时间：")
    assert reason in info.value.message


@pytest.mark.parametrize(
    ("build", "reason"),
    [
        (lambda: month(2024, 13), "月份应为1-12"),
        (lambda: quarter(2024, 5), "季度应为1-4"),
        (lambda: half(2024, 3), "半年"),
        (lambda: year_to_date(2024, 0), "月份应为1-12"),
        (lambda: full_year(1800), "1900-2100"),
        (lambda: as_of(D(2200, 1, 1)), "1900-2100"),
    ],
)
def test_constructors_reject_impossible_periods(build: object, reason: str) -> None:
    with pytest.raises(PeriodError, match=reason):
        build()  # type: ignore[operator]


def test_year_to_date_edges_match_parsing() -> None:
    assert year_to_date(2024, 1) == month(2024, 1) == parse_period("2024年1-1月")
    assert year_to_date(2024, 12) == full_year(2024) == parse_period("2024年1-12月")


def test_end_of_month() -> None:
    assert end_of_month(2024, 2) == D(2024, 2, 29)
    assert end_of_month(2023, 2) == D(2023, 2, 28)
    assert end_of_month(2024, 12) == D(2024, 12, 31)


def test_months_year_and_year_to_date() -> None:
    assert year_to_date(2024, 9).months == 9
    assert quarter(2024, 3).months == 3
    assert full_year(2024).months == 12
    assert Period(D(2023, 11, 1), D(2024, 6, 30), K.RANGE).months == 8
    assert as_of(D(2025, 6, 30)).months == 0
    assert Period(D(2023, 11, 1), D(2024, 6, 30), K.RANGE).year == 2024
    ytd = [year_to_date(2024, 8), quarter(2024, 1), half(2024, 1), month(2024, 1)]
    assert all(p.is_year_to_date for p in ytd)
    not_ytd = [full_year(2024), quarter(2024, 2), half(2024, 2), month(2024, 3), as_of(D(2024, 1, 1))]
    assert not any(p.is_year_to_date for p in not_ytd)


def test_contains_and_overlaps() -> None:
    q3 = quarter(2024, 3)
    assert q3.contains(D(2024, 7, 1)) and q3.contains(D(2024, 9, 30))
    assert not q3.contains(D(2024, 6, 30)) and not q3.contains(D(2024, 10, 1))
    assert q3.overlaps(month(2024, 9)) and month(2024, 9).overlaps(q3)
    assert not q3.overlaps(month(2024, 10)) and not q3.overlaps(quarter(2024, 2))
    assert year_to_date(2024, 3).overlaps(year_to_date(2024, 8))
    assert year_to_date(2024, 8).overlaps(year_to_date(2024, 3))
    assert not year_to_date(2024, 8).overlaps(year_to_date(2023, 8))
    assert as_of(D(2024, 9, 30)).overlaps(q3) and not as_of(D(2024, 10, 1)).overlaps(q3)
    assert full_year(2024).overlaps(half(2024, 2))


years = st.integers(1990, 2100)
produced = st.one_of(
    st.builds(month, years, st.integers(1, 12)),
    st.builds(quarter, years, st.integers(1, 4)),
    st.builds(half, years, st.integers(1, 2)),
    st.builds(year_to_date, years, st.integers(2, 11)),
    st.builds(full_year, years),
    st.builds(as_of, st.dates(D(1900, 1, 1), D(2100, 12, 31))),
)


@given(produced)
def test_round_trip(period: Period) -> None:
    assert parse_period(format_period(period)) == period


@given(st.text(), st.none() | st.integers(1800, 2200))
def test_parse_never_raises_anything_but_period_error(text: str, default_year: int | None) -> None:
    try:
        result = parse_period(text, default_year=default_year)
    except PeriodError as exc:
        assert exc.field == "报告期"
    else:
        assert isinstance(result, Period)
        assert result.start <= result.end


@given(st.text(alphabet="0123456789年月日季度第前上下半全底末截至Q-—～到 一二三四十", max_size=14))
def test_parse_period_like_text_never_crashes(text: str) -> None:
    try:
        result = parse_period(text, default_year=2024)
    except PeriodError:
        return
    assert result.start <= result.end
    assert parse_period(format_period(result)) == result
