"""Shared by the backup tests: a clock the test moves, and damage done to a file's bytes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


class Clock:
    """An injected clock the test moves forward."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def damage(path: Path) -> None:
    """Overwrite bytes all through the file past its first pages, as a failing disk or a bad copy would."""
    data = bytearray(path.read_bytes())
    for page in range(3, len(data) // 4096):
        start = page * 4096
        positions = range(start + 8, start + 4096, 7)
        data[start + 8 : start + 4096 : 7] = b"\xab" * len(positions)
    path.write_bytes(bytes(data))
