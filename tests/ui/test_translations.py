"""Every string the window shows has a translation in both languages; a new untranslated string fails here."""

from __future__ import annotations

import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from scripts.update_translations import ROOT, TS_FILES, lupdate, ui_sources


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


@pytest.fixture(scope="module")
def current_strings(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str]]:
    """What the code asks to translate today, scanned fresh with pyside6-lupdate."""
    fresh = tmp_path_factory.mktemp("ts") / "fresh.ts"
    subprocess.run([lupdate(), *ui_sources(), "-ts", str(fresh)], cwd=ROOT, check=True, capture_output=True)
    return set(messages(fresh))


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda p: p.name)
def test_every_visible_string_is_translated(ts: Path, current_strings: set[tuple[str, str]]) -> None:
    committed = messages(ts)
    missing = sorted(s for s in current_strings if s not in committed)
    assert missing == [], f"run scripts/update_translations.py and translate: {missing[:10]}"
    unfinished = []
    for key in current_strings:
        translation = committed[key].find("translation")
        numerus = translation.findall("numerusform") if translation is not None else []
        texts = (
            [n.text for n in numerus] if numerus else [translation.text if translation is not None else None]
        )
        if (
            translation is None
            or translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(texts)
        ):
            unfinished.append(key)
    assert sorted(unfinished) == [], f"untranslated in {ts.name}: {sorted(unfinished)[:10]}"


def test_chinese_translation_really_is_chinese() -> None:
    zh = messages(TS_FILES[0])
    same = [
        src
        for (_, src), m in zh.items()
        if (m.findtext("translation") or "") == src and any(c.isalpha() for c in src)
    ]
    assert same == [], f"zh_CN entries left in English: {same[:10]}"
