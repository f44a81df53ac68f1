"""Hypothesis strategies shared by the property tests."""

from __future__ import annotations

from hypothesis import strategies as st

from app.domain.periods import Period, as_of, full_year, half, month, quarter, year_to_date


def periods(first_year: int, last_year: int) -> st.SearchStrategy[Period]:
    """Every kind of reporting period a unit sends: months, quarters, halves, 1-N月, years and 截至 dates."""
    years = st.integers(first_year, last_year)
    return st.one_of(
        st.builds(month, years, st.integers(1, 12)),
        st.builds(quarter, years, st.integers(1, 4)),
        st.builds(half, years, st.integers(1, 2)),
        st.builds(year_to_date, years, st.integers(1, 12)),
        st.builds(full_year, years),
        st.builds(lambda y, m: as_of(month(y, m).end), years, st.integers(1, 12)),
    )
