"""One resolver for bundled files (migrations, demo data, translations, icons).

It knows three layouts: a source checkout (folders beside ``app/``), a PyInstaller bundle (``sys._MEIPASS``)
and an installed wheel (``app/_data``). Paths are never built from the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    roots = []
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.append(Path(frozen))
    roots.append(_PACKAGE_DIR / "_data")
    roots.append(_PACKAGE_DIR.parent)
    return roots


def resource_path(*parts: str) -> Path:
    """The first existing ``<root>/<parts>`` (e.g. ``resource_path("db", "migrations")``)."""
    for root in _roots():
        candidate = root.joinpath(*parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("/".join(parts) + " — the installation is incomplete; reinstall the program")
