"""Build step for wheels: put the files the program reads at run time into the wheel as ``app/_data``.

Everything else about the package is declared in pyproject.toml. ``app/resources.py`` finds ``db/`` and
``resources/`` under ``app/_data`` in an installed program, beside ``app/`` in a checkout, and under
``sys._MEIPASS`` when frozen. Translations (.qm) are compiled from the .ts sources when they are missing or older.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))  # the list of run-time files lives beside the resolver that reads them

from app.resources import RUNTIME_FILES  # noqa: E402 - needs the path above


def _stale_translations() -> list[Path]:
    folder = ROOT / "resources" / "translations"
    return [
        ts
        for ts in sorted(folder.glob("*.ts"))
        if not ts.with_suffix(".qm").exists() or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]


def _compile_translations() -> None:
    if not _stale_translations():
        return
    script = ROOT / "scripts" / "build_translations.py"
    done = subprocess.run([sys.executable, str(script)], check=False).returncode == 0
    if not done or _stale_translations():
        raise SystemExit(
            "resources/translations: the .qm files are missing or older than the .ts files, and "
            "pyside6-lrelease is not in this build environment. Run `python scripts/build_translations.py` "
            "in the project's .venv first, or build with --no-build-isolation from an environment with PySide6."
        )


class BuildPyWithData(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads db/ and resources/ from the checkout itself
            return
        _compile_translations()
        target = Path(self.build_lib) / "app" / "_data"
        for folder, pattern in RUNTIME_FILES:
            files = sorted((ROOT / folder).glob(pattern))
            if not files:
                raise SystemExit(f"{folder}/{pattern}: nothing to package (the wheel would not work)")
            for source in files:
                destination = target / folder / source.name
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, destination)


setup(cmdclass={"build_py": BuildPyWithData})
