"""Units: magnitude prefixes, base aliases and exact conversion between a progress figure and its target."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.errors import UnitError
from app.domain.units import MAGNITUDES, Unit, compatible, convert, parse_unit

D = Decimal
ROOT = Path(__file__).resolve().parents[2]


def test_magnitudes_are_exact_powers_of_ten() -> None:
    expected = {"千": 3, "万": 4, "十万": 5, "百万": 6, "千万": 7, "亿": 8, "十亿": 9, "百亿": 10, "千亿": 11}
    expected["万亿"] = 12
    assert set(MAGNITUDES) == set(expected)
    for prefix, exponent in expected.items():
        assert type(MAGNITUDES[prefix]) is Decimal
        assert MAGNITUDES[prefix] == D(10) ** exponent
        assert str(MAGNITUDES[prefix]) == "1" + "0" * exponent


@pytest.mark.parametrize(
    ("text", "magnitude", "base"),
    [
        ("亿元", D(10) ** 8, "元"),
        ("万亿元", D(10) ** 12, "元"),
        ("千亿元", D(10) ** 11, "元"),
        ("百亿元", D(10) ** 10, "元"),
        ("十亿元", D(10) ** 9, "元"),
        ("千万元", D(10) ** 7, "元"),
        ("万元", D(10) ** 4, "元"),
        ("元", D(1), "元"),
        ("亿美元", D(10) ** 8, "美元"),
        ("家", D(1), "家"),
        ("%", D(1), "%"),
        ("％", D(1), "%"),
        ("万", D(10) ** 4, ""),
        ("百万", D(10) ** 6, ""),
        ("十万", D(10) ** 5, ""),
        ("万亿", D(10) ** 12, ""),
        ("", D(1), ""),
        ("平方公里", D(1), "平方公里"),
        ("km²", D(1), "平方公里"),
        ("KM2", D(1), "平方公里"),
        ("平方千米", D(1), "平方公里"),
        ("P", D(1), "P"),
        ("p", D(1), "P"),
        ("万P", D(10) ** 4, "P"),
        ("PFlops", D(1), "P"),
        ("PFLOPS", D(1), "P"),
        ("pflops", D(1), "P"),
        ("PF", D(1), "P"),
        ("EFlops", D(1000), "P"),
        ("E", D(1000), "P"),
        ("万E", D(10) ** 7, "P"),
        ("千瓦", D(1000), "瓦"),
        ("万千瓦", D(10) ** 7, "瓦"),
        ("千瓦时", D(1000), "瓦时"),
        ("亿千瓦时", D(10) ** 11, "瓦时"),
        ("万吨标准煤", D(10) ** 4, "吨标准煤"),
        ("万吨", D(10) ** 4, "吨"),
        ("亿人次", D(10) ** 8, "人次"),
        ("人次", D(1), "人次"),
        ("个百分点", D(1), "个百分点"),
        ("百分点", D(1), "个百分点"),
        ("款", D(1), "款"),
        ("户", D(1), "户"),
        ("倍", D(1), "倍"),
        ("亩", D(1), "亩"),
    ],
)
def test_parse_unit(text: str, magnitude: Decimal, base: str) -> None:
    unit = parse_unit(text)
    assert unit == Unit(magnitude, base, unit.text)
    assert unit.is_dimensionless == (base == "")


def test_parse_unit_keeps_normalised_text() -> None:
    assert parse_unit("  亿元 ").text == "亿元"
    assert parse_unit("％").text == "%"
    assert parse_unit("ＰＦ").text == "PF"
    assert parse_unit("") == Unit(D(1), "", "")


@pytest.mark.parametrize("text", ["斤", "亿亿", "元元", "万万", "abc", "12", "亿元整", "千米元"])
def test_parse_unit_rejects_unknown(text: str) -> None:
    with pytest.raises(UnitError) as info:
        parse_unit(text)
    assert info.value.field == "单位"
    assert f"“{text}”" in info.value.message
    assert "亿元" in info.value.message  # lists some known units


def test_parse_unit_field_can_be_overridden() -> None:
    with pytest.raises(UnitError) as info:
        parse_unit("斤", field="目标单位")
    assert info.value.field == "目标单位"


@pytest.mark.parametrize(
    ("value", "from_unit", "to_unit", "expected"),
    [
        ("1.35", "万亿元", "亿元", "13500"),
        ("13500", "亿元", "万亿元", "1.35"),
        ("13500", "", "亿元", "13500"),
        ("1.35", "万亿", "亿元", "13500"),
        ("1350000000000", "", "元", "1350000000000"),
        ("257", "亿元", "万亿元", "0.0257"),
        ("500", "亿元", "亿元", "500"),
        ("5970", "P", "万P", "0.597"),
        ("2", "EFlops", "P", "2000"),
        ("3", "万", "家", "30000"),
        ("1590", "家", "家", "1590"),
        ("6.9", "%", "%", "6.9"),
        ("600", "km²", "平方公里", "600"),
        ("120", "万千瓦", "千瓦", "1200000"),
        ("0.1", "亿元", "元", "10000000"),
        ("3", "亿元", "", "300000000"),
        ("1234567890123456789012345678.91", "万亿元", "亿元", "12345678901234567890123456789100"),
    ],
)
def test_convert(value: str, from_unit: str, to_unit: str, expected: str) -> None:
    result = convert(D(value), from_unit, to_unit)
    assert result == D(expected)
    assert str(result) == expected  # exact and never in exponent notation


def test_convert_accepts_unit_objects() -> None:
    assert convert(D("1.35"), parse_unit("万亿元"), parse_unit("亿元")) == D(13500)
    assert convert(D("1.35"), Unit(D(10) ** 12, "元", "万亿元"), "亿元") == D(13500)


@pytest.mark.parametrize(
    ("from_unit", "to_unit"), [("家", "亿元"), ("亿元", "家"), ("美元", "元"), ("%", "个百分点")]
)
def test_convert_rejects_different_bases(from_unit: str, to_unit: str) -> None:
    with pytest.raises(UnitError) as info:
        convert(D(1), from_unit, to_unit)
    assert info.value.field == "单位"
    assert f"单位“{from_unit}”与目标单位“{to_unit}”不一致，无法换算" in info.value.message


def test_convert_unknown_unit_and_field_override() -> None:
    with pytest.raises(UnitError) as info:
        convert(D(1), "斤", "亿元", field="进展单位")
    assert info.value.field == "进展单位"
    assert "“斤”" in info.value.message
    with pytest.raises(UnitError) as info:
        convert(D(1), "家", "亿元", field="进展单位")
    assert info.value.field == "进展单位"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("亿元", "万亿元", True),
        ("亿元", "元", True),
        ("万", "亿元", True),
        ("", "家", True),
        ("家", "", True),
        ("P", "EFlops", True),
        ("家", "亿元", False),
        ("美元", "元", False),
        ("斤", "斤", False),
    ],
)
def test_compatible(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_units_can_be_imported_first() -> None:
    """numbers and units import each other; either may be imported first."""
    for module in ("app.domain.units", "app.domain.numbers"):
        subprocess.run([sys.executable, "-B", "-c", f"import {module}"], cwd=ROOT, check=True)


@settings(database=None, deadline=None)
@given(
    st.decimals(
        min_value=-(10**12 - 1), max_value=10**12 - 1, places=4, allow_nan=False, allow_infinity=False
    )
)
def test_convert_round_trip_is_exact(value: Decimal) -> None:
    there = convert(value, "万亿元", "亿元")
    assert there == value * 10**4
    assert convert(there, "亿元", "万亿元") == value
    assert "E" not in str(there)


@settings(database=None, deadline=None)
@given(st.text())
def test_parse_unit_never_raises_anything_else(text: str) -> None:
    try:
        unit = parse_unit(text)
    except UnitError as error:
        assert error.field == "单位"
    else:
        assert isinstance(unit, Unit)
