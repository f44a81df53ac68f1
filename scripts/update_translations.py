"""Rescan app/ui for user-visible strings and merge them into resources/translations/*.ts (keeps existing
translations). New strings come out "unfinished": translate them (Qt Linguist, or by hand), then commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILES = [ROOT / "resources" / "translations" / f"ptt_{lang}.ts" for lang in ("zh_CN", "en")]


def ui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def lupdate() -> str:
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lupdate", "pyside6-lupdate.exe"):
        if (scripts / name).exists():
            return str(scripts / name)
    return "pyside6-lupdate"


def main() -> int:
    cmd = [lupdate(), *ui_sources(), "-no-obsolete", "-ts", *(str(t) for t in TS_FILES)]
    return subprocess.run(cmd, cwd=ROOT, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
