"""Checks on what the frozen program produced, shared by build.sh and build_windows.ps1.

    python packaging/smoke_check.py pdf REPORT.pdf      a PDF with pages and an embedded Chinese font
    python packaging/smoke_check.py png WINDOW.png      the main window: 1600x860 and not blank
    python packaging/smoke_check.py png-native WIN.png  the same on a real screen: Windows keeps a window within
                                                        the screen (a CI runner's may be 1024x768), and scales it
    python packaging/smoke_check.py bundle DIST/ptt     the data app/resources.py looks up is in the folder

Runs with the project's .venv (pypdf, PySide6); prints one line per check and exits 1 on the first failure.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from pypdf import PdfReader

WINDOW_SIZE = (1600, 860)  # app/ui/application.py save_screenshot()
NATIVE_MINIMUM = (800, 500)  # smaller than any screen the window is shown on, larger than a failed start
CJK_FONT = re.compile(r"CJK|YaHei|SimSun|SimHei|WenQuanYi|DengXian|Han ?Sans", re.IGNORECASE)


class SmokeCheckError(Exception):
    pass


def embedded_fonts(reader: PdfReader) -> set[str]:
    """Names of the fonts whose program is inside the PDF (a font that is only named may print as boxes)."""
    found = set()
    for page in reader.pages:
        # pypdf resolves indirect objects on [] but not on .get()
        resources = page["/Resources"] if "/Resources" in page else {}  # noqa: SIM401
        fonts = resources["/Font"] if "/Font" in resources else {}  # noqa: SIM401
        for key in fonts:
            font = fonts[key].get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object() if "/FontDescriptor" in described else {}
            if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                found.add(str(font["/BaseFont"]).lstrip("/").split("+")[-1])
    return found


def check_pdf(path: Path) -> str:
    if not path.is_file() or path.read_bytes()[:5] != b"%PDF-":
        raise SmokeCheckError(f"{path} is not a PDF")
    reader = PdfReader(path)
    pages = len(reader.pages)
    if pages < 1:
        raise SmokeCheckError(f"{path} has no pages")
    fonts = embedded_fonts(reader)
    chinese = sorted(name for name in fonts if CJK_FONT.search(name))
    if not chinese:
        raise SmokeCheckError(
            f"{path}: no Chinese font embedded (Chinese would print as boxes); fonts: {fonts}"
        )
    return f"{path.name}: PDF, {pages} pages, {path.stat().st_size // 1024} KB, Chinese font embedded ({chinese[0]})"


def check_png(path: Path, native: bool = False) -> str:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    if image.isNull():
        raise SmokeCheckError(f"{path} is not a readable PNG")
    size = (image.width(), image.height())
    if native and (size[0] < NATIVE_MINIMUM[0] or size[1] < NATIVE_MINIMUM[1]):
        raise SmokeCheckError(f"{path} is {size[0]}x{size[1]}, expected at least {NATIVE_MINIMUM}")
    if not native and size != WINDOW_SIZE:
        raise SmokeCheckError(f"{path} is {size[0]}x{size[1]}, expected {WINDOW_SIZE[0]}x{WINDOW_SIZE[1]}")
    colours = {image.pixel(x, y) for x in range(0, image.width(), 8) for y in range(0, image.height(), 8)}
    if len(colours) < 50:  # an empty or unpainted window has a handful of colours
        raise SmokeCheckError(f"{path} looks blank ({len(colours)} colours)")
    return f"{path.name}: {image.width()}x{image.height()} PNG, {len(colours)} colours sampled"


def check_bundle(folder: Path) -> str:
    internal = folder / "_internal"
    wanted = [
        "db/migrations/0001_initial.sql",
        "db/demo/demo.json",
        "resources/translations/ptt_zh_CN.qm",
        "resources/translations/ptt_en.qm",
        "resources/icons/ptt-256.png",
    ]
    missing = [name for name in wanted if not (internal / name).is_file()]
    if not list(internal.glob("PySide6/**/translations/qtbase_zh_CN.qm")):  # Qt's own buttons in Chinese
        missing.append("PySide6/.../translations/qtbase_zh_CN.qm")
    if missing:
        raise SmokeCheckError(f"{folder}: missing {', '.join(missing)}")
    exe = ".exe" if sys.platform == "win32" else ""
    programs = [f"ptt{exe}", f"ptt-gui{exe}"]
    absent = [name for name in programs if not (folder / name).is_file()]
    if absent:
        raise SmokeCheckError(f"{folder}: missing {', '.join(absent)}")
    migrations = len(list((internal / "db" / "migrations").glob("*.sql")))
    return f"{folder.name}/: {' and '.join(programs)}, {migrations} migrations, demo data, translations"


def main(argv: list[str]) -> int:
    checks = {
        "pdf": check_pdf,
        "png": check_png,
        "png-native": lambda path: check_png(path, native=True),
        "bundle": check_bundle,
    }
    if len(argv) != 2 or argv[0] not in checks:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        print(f"  ok  {checks[argv[0]](Path(argv[1]))}")
    except SmokeCheckError as exc:
        print(f"  FAILED  {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
