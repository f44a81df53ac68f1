"""Packaging: one resolver for the three layouts (checkout, installed wheel, PyInstaller bundle), a wheel that
carries the data the program reads, and the application icon.

The wheel is built from a copy of the sources with ``pip wheel --no-deps --no-build-isolation --no-index``: no
network, and nothing written into the checkout (setuptools would leave build/ and egg-info there).
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import app
from app import resources
from app.resources import RUNTIME_FILES, data_root, resource_path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ["pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "app", "db", "resources", "scripts"]


def expected_data_files() -> set[str]:
    """Every file RUNTIME_FILES names in the checkout, as the wheel should hold it (under app/_data)."""
    return {
        f"app/_data/{folder}/{path.name}"
        for folder, pattern in RUNTIME_FILES
        for path in (ROOT / folder).glob(pattern)
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in SOURCES:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(
                item, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data", "*.pyc")
            )
        else:
            shutil.copy2(item, source / name)
    out = tmp_path_factory.mktemp("wheels")
    pip_wheel = ["pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "--quiet"]
    result = subprocess.run(
        [sys.executable, "-m", *pip_wheel, "--wheel-dir", str(out), str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = out.glob("*.whl")
    return built


def test_a_checkout_reads_the_folders_beside_app() -> None:
    assert not hasattr(sys, "_MEIPASS")
    assert data_root() == ROOT
    assert resource_path("db", "migrations") == ROOT / "db" / "migrations"


def test_a_frozen_program_reads_only_its_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "db" / "migrations").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)

    assert data_root() == tmp_path
    assert resource_path("db", "migrations") == tmp_path / "db" / "migrations"
    # The checkout has the demo data, but a bundle without it is an incomplete installation, not a fallback.
    with pytest.raises(FileNotFoundError, match=r"db/demo/demo\.json.*重新安装"):
        resource_path("db", "demo", "demo.json")


def test_an_installed_package_reads_app_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "site-packages" / "app"
    (package / "_data" / "resources" / "translations").mkdir(parents=True)
    monkeypatch.setattr(resources, "_PACKAGE_DIR", package)

    assert data_root() == package / "_data"
    assert resource_path("resources", "translations") == package / "_data" / "resources" / "translations"


def test_the_wheel_carries_migrations_demo_data_translations_and_icons(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())

    data = {name for name in names if name.startswith("app/_data/")}
    assert data == expected_data_files()
    for required in (
        "app/_data/db/migrations/0001_initial.sql",
        "app/_data/db/demo/demo.json",
        "app/_data/resources/translations/ptt_zh_CN.qm",
        "app/_data/resources/translations/ptt_en.qm",
        "app/_data/resources/icons/ptt.ico",
    ):
        assert required in names
    assert not [n for n in names if n.endswith(".ts") or n.startswith(("tests/", "scripts/", "db/"))]
    assert wheel.name.startswith(f"policy_target_tracker-{app.__version__}-py3-none-any")


def test_the_installed_wheel_runs_on_its_own_data(wheel: Path, tmp_path: Path) -> None:
    """Unpacked as pip would install it, the package finds its data under app/_data, away from the checkout."""
    site = tmp_path / "site-packages"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "import app, app.resources as r; print(app.__file__); print(r.data_root())"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        check=True,
    ).stdout.splitlines()
    assert where == [str(site / "app" / "__init__.py"), str(site / "app" / "_data")]

    status = subprocess.run(
        [sys.executable, "-m", "app.cli", "status", "--demo", "--as-of", "2025-07-31", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        check=False,
    )
    assert status.returncode == 0, status.stderr
    demo = json.loads((ROOT / "db" / "demo" / "demo.json").read_text(encoding="utf-8"))
    assert len(json.loads(status.stdout)["targets"]) == sum(len(p["targets"]) for p in demo["plans"]) == 20


def test_the_icon_has_the_sizes_windows_uses() -> None:
    """16/32/48 for lists and title bars, 256 for large icons; PNGs beside it for Linux and the window."""
    data = (ROOT / "resources" / "icons" / "ptt.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    sizes = []
    for i in range(count):
        width, _height, _colours, _reserved, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert bits == 32 and offset + length <= len(data)
        sizes.append(width or 256)
    assert (reserved, kind) == (0, 1)
    assert sorted(sizes) == [16, 32, 48, 256]
    for size in (16, 32, 48, 256):
        png = (ROOT / "resources" / "icons" / f"ptt-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
