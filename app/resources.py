"""One resolver for bundled files (migrations, demo data, translations, icons).

Every caller asks ``resource_path("db", "migrations")`` and gets the same relative layout (``db/``,
``resources/``) under one root, decided by how the program was installed:

- frozen by PyInstaller: ``sys._MEIPASS`` (packaging/ptt.spec puts ``db/`` and ``resources/`` there);
- installed from a wheel: ``app/_data`` (setup.py copies them in when the wheel is built);
- a source checkout or an editable install: the folders beside ``app/``.

Only that one root is searched, so an installed program never picks up stray files from wherever it happens to
sit. Paths are never built from the current directory.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent

# What the program reads at run time, as (folder under the data root, file pattern). Packaging copies exactly
# these: setup.py into the wheel (app/_data), packaging/ptt.spec into the frozen build (sys._MEIPASS).
RUNTIME_FILES: tuple[tuple[str, str], ...] = (
    ("db/migrations", "*.sql"),
    ("db/demo", "*.json"),
    ("resources/translations", "*.qm"),
    ("resources/icons", "*.png"),
    ("resources/icons", "*.ico"),
)


def data_root() -> Path:
    """The folder that holds ``db/`` and ``resources/`` in this installation."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    installed = _PACKAGE_DIR / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    """``<data root>/<parts>`` (e.g. ``resource_path("db", "migrations")``); it must exist."""
    root = data_root()
    candidate = root.joinpath(*parts)
    if not candidate.exists():
        raise FileNotFoundError(
            f"程序文件缺失：{'/'.join(parts)}（应在 {root}）；安装不完整，请重新安装本程序"
        )
    return candidate
