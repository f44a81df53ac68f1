"""Pure-Python domain: entities, units, periods and progress arithmetic. No Qt, no SQL."""
