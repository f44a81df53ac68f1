"""How a spreadsheet cell reads as text before parsing: numbers exactly as Excel shows them."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.numbers import format_decimal
from app.services.import_rows import cell_text


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        (7.199999999999999, "7.2"),  # a formula's 7.1+0.1, shown by Excel as 7.2
        (31.5, "31.5"),
        (100.0, "100"),
        (-0.0, "0"),
        (1e16, "10000000000000000"),
        (1.5e-7, "0.00000015"),
        (1590, "1590"),
        (True, "True"),
        (None, ""),
        ("  257亿元 ", "257亿元"),
    ],
)
def test_cells_read_as_excel_shows_them(cell: object, text: str) -> None:
    assert cell_text(cell) == text  # type: ignore[arg-type]


@settings(max_examples=500, derandomize=True, database=None)
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_float_reads_as_its_15_significant_digits(value: float) -> None:
    assert cell_text(value) == format_decimal(Decimal(f"{value:.15g}"))
