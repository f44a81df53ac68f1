"""SQLite storage through sqlite-utils: opening, migrations, repositories, audit trail."""

import sys

# sqlite-utils imports numpy and pandas, when installed, only to pick column types for their scalars; we store
# Decimal text, str and int. numpy (about 60 ms) is there for the charts, which load it when first drawn, so it
# is kept out of start-up: for this one import, "import numpy" fails as if numpy were not installed.
_HIDDEN = [name for name in ("numpy", "pandas") if name not in sys.modules]
if "sqlite_utils" not in sys.modules:
    for _name in _HIDDEN:
        sys.modules[_name] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for _name in _HIDDEN:
            del sys.modules[_name]
