"""Draw the application icon with Qt and write resources/icons/ptt-{16,32,48,256}.png and ptt.ico.

Run it again only when the design changes; the files it writes are committed. Each size is drawn at that size (not
scaled down), so the 16-pixel icon stays sharp. Qt's ICO plugin writes one image per file, so the multi-size .ico
is put together here: 16, 32 and 48 as 32-bit bitmaps (what every Windows shell reads), 256 as PNG (as Windows
itself stores it). Qt's ICO plugin then reads the file back as a check.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QImageReader,
    QLinearGradient,
    QPainter,
    QPen,
)

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "icons"
SIZES = (16, 32, 48, 256)
PNG_FROM = 256  # sizes from here up are stored as PNG inside the .ico


def draw(size: int) -> QImage:
    """A progress ring three-quarters full around a target dot, on a blue tile: 'how far along is the target'."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    inset = 0.0 if size <= 16 else s * 0.03  # at 16 px every pixel counts
    tile = QRectF(inset, inset, s - 2 * inset, s - 2 * inset)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, s))
    gradient.setColorAt(0.0, QColor("#2F80D8"))
    gradient.setColorAt(1.0, QColor("#1B4F9C"))
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(gradient))
    p.drawRoundedRect(tile, s * 0.2, s * 0.2)

    centre = QPointF(s / 2, s / 2)
    radius = s * 0.29
    ring = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    width = max(2.0, s * 0.12)
    track = QPen(QColor(255, 255, 255, 90), width)
    p.setPen(track)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(ring)
    progress = QPen(QColor("#FFC533"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    p.setPen(progress)
    p.drawArc(ring, 90 * 16, -270 * 16)  # from twelve o'clock, clockwise, three quarters

    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    dot = max(1.5, s * 0.09)
    p.drawEllipse(centre, dot, dot)
    p.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def dib_bytes(image: QImage) -> bytes:
    """An ICO bitmap entry: BITMAPINFOHEADER (height doubled), BGRA rows bottom-up, then the 1-bit AND mask."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)  # little-endian memory order: B, G, R, A
    w, h = image.width(), image.height()
    rows = [bytes(image.constScanLine(y))[: w * 4] for y in range(h)]
    mask_stride = ((w + 31) // 32) * 4
    mask_rows = []
    for y in range(h):
        bits = bytearray(mask_stride)
        for x in range(w):
            if image.pixelColor(x, y).alpha() == 0:  # fully transparent: masked out for old renderers too
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    pixels = b"".join(reversed(rows))
    mask = b"".join(reversed(mask_rows))
    header = struct.pack("<IiiHHIIiiII", 40, w, 2 * h, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def ico_bytes(images: dict[int, QImage]) -> bytes:
    entries = [(size, png_bytes(img) if size >= PNG_FROM else dib_bytes(img)) for size, img in images.items()]
    out = struct.pack("<HHH", 0, 1, len(entries))
    offset = 6 + 16 * len(entries)
    for size, data in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        out += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return out + b"".join(data for _, data in entries)


def check_ico(path: Path) -> list[int]:
    """Sizes Qt's own ICO plugin reads from the file (empty when the plugin is missing)."""
    reader = QImageReader(str(path), b"ico")
    sizes = []
    for i in range(reader.imageCount()):
        reader.jumpToImage(i)
        image = reader.read()
        if not image.isNull():
            sizes.append(image.width())
    return sorted(sizes)


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    FOLDER.mkdir(parents=True, exist_ok=True)
    images = {size: draw(size) for size in SIZES}
    for size, image in images.items():
        (FOLDER / f"ptt-{size}.png").write_bytes(png_bytes(image))
    ico = FOLDER / "ptt.ico"
    ico.write_bytes(ico_bytes(images))
    if b"ico" in [bytes(f.data()) for f in QImageReader.supportedImageFormats()]:
        read_back = check_ico(ico)
        if read_back != sorted(SIZES):
            print(f"{ico}: Qt reads sizes {read_back}, expected {sorted(SIZES)}", file=sys.stderr)
            return 1
    print(
        f"wrote {', '.join(f'ptt-{s}.png' for s in SIZES)} and ptt.ico ({ico.stat().st_size} bytes) to {FOLDER}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
