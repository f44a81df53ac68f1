"""Naming a figure (the indicator) and reading its comparator from the words around it.

"到2026年总体规模突破500亿元" names itself from the left ("总体规模"); "推动1590家有制造环节的规上企业…"
from the right; "累计获批70个" has no subject and borrows the sentence's topic ("三类创新医疗器械").
All work is on short windows next to the figure, so long clauses cost nothing extra.
"""

from __future__ import annotations

import re

from app.services.extraction import patterns as p
from app.services.extraction.numerals import Figure
from app.services.extraction.sentences import MASK
from app.services.extraction.timing import strip_time

LEFT_WINDOW = 40
RIGHT_WINDOW = 30
MAX_NAME = 40
_PREFIX_COMPARATORS = tuple(sorted(p.PREFIX_COMPARATORS, key=lambda wc: len(wc[0]), reverse=True))
_NEUTRAL = tuple(sorted(p.NEUTRAL_BEFORE, key=len, reverse=True))
_NOISE_WORDS = re.compile(r"日前|近日|近期|近年来|近年|此前|期间|以来|数据显示|据统计|据介绍|介绍")
_BLANKS = re.compile(rf"[\s{MASK}\"“”'‘’]+")


def _blank(text: str) -> str:
    return _BLANKS.sub("", text)


def comparator_words(left: str, right: str, figure: Figure, *, target: bool) -> tuple[str, bool]:
    """(comparator, approx) from the words touching the figure: 不低于/超/以上/以内/左右/约 …"""
    comparator: str | None = None
    approx = False
    rest = _blank(left)
    for _ in range(5):  # a few stacked words: "已累计突破", "分别超过", "达到约"
        word = next((w for w in p.APPROX_PREFIXES if rest.endswith(w)), None)
        if word is not None:
            approx = True
        else:
            pair = next(((w, c) for w, c in _PREFIX_COMPARATORS if rest.endswith(w)), None)
            if pair is not None:
                word, comparator = pair[0], comparator or pair[1]
            else:
                word = next((w for w in _NEUTRAL if rest.endswith(w)), None)
        if word is None:
            break
        rest = rest[: -len(word)]
    after = _blank(right)
    for word, comp in p.SUFFIX_COMPARATORS:
        if after.startswith(word):
            comparator = comparator or comp
            after = after[len(word) :]
            break
    if p.APPROX_SUFFIX.match(after):
        approx = True
    if comparator is None and figure.more:
        comparator = ">"
    if comparator is None:
        comparator = "=" if approx or not target else ">="
    return comparator, approx


def _peel_right(text: str) -> str:
    """Drop the comparator, approx and filler words that end a subject: "总体规模突破" → "总体规模"."""
    for _ in range(8):
        before = text
        for w, _c in _PREFIX_COMPARATORS:
            if text.endswith(w) and len(text) > len(w):
                text = text[: -len(w)]
                break
        for w in p.APPROX_PREFIXES:
            if text.endswith(w) and len(text) > len(w):
                text = text[: -len(w)]
                break
        if (m := p.TRAILING_NOISE.search(text)) is not None and m.start() > 0:
            text = text[: m.start()]
        if text == before:
            break
    return text


def _peel_left(text: str) -> str:
    for _ in range(8):
        m = p.LEADING_NOISE.match(text)
        if m is None or not m.group():
            break
        text = text[m.end() :]
    return text


def clean_subject(text: str) -> str:
    """A subject as a name: no time words, places, connectives, hedges or comparators at its ends."""
    text = _NOISE_WORDS.sub("", strip_time(_blank(text)))
    text = _peel_left(_peel_right(text))
    text = _peel_right(text)
    if (inner := p.FILLER_INSIDE.sub("", text)) and inner != text and not p.VERB_ONLY.match(inner):
        text = inner
    return text[-MAX_NAME:]


def _right_noun(right: str, figure: Figure) -> str:
    """The noun a count figure stands before ("1590家|有制造环节的规上企业…"), or "" if none follows."""
    if not figure.unit or figure.is_percent_like or figure.unit.endswith(("元", "%")):
        return ""
    text = _blank(right)
    for word, _c in p.SUFFIX_COMPARATORS:
        if text.startswith(word):
            text = text[len(word) :]  # "打造5个以上应用示范场景"
            break
    if p.APPROX_SUFFIX.match(text) or p.NOT_A_NOUN_AFTER.match(text):
        return ""
    text = _NOISE_WORDS.sub("", text)
    if (inner := p.FILLER_INSIDE.sub("", text)) and not p.VERB_ONLY.match(inner):
        text = inner
    return text[:MAX_NAME]


def indicator(left: str, right: str, figure: Figure, topic: str) -> str:
    """The indicator's name for a figure, filled from ``topic`` when the clause leaves the subject out."""
    subject = clean_subject(left)
    noun = _right_noun(right, figure)
    if noun:
        if subject.endswith("前"):
            subject = subject[:-1]
        name = subject + noun
    else:
        name = subject
    if topic and (not name or p.VERB_ONLY.match(name) or name.startswith("占")):
        if name.startswith("累计"):  # "新增绿色工厂50家，累计达到200家": the total is of 绿色工厂
            topic = p.TOPIC_LEAD.sub("", topic) or topic
        name = topic + name
    elif topic:
        name = _same_entity(name, topic)
    return name[:MAX_NAME]


def _same_entity(name: str, topic: str) -> str:
    """ "增加值同比增长" after "规模以上工业产值" is about 规模以上工业: "规模以上工业增加值同比增长"."""
    head = next((h for h in p.LIST_HEADS if name.startswith(h) and h not in ("规模", "率")), None)
    topic_head = next((h for h in p.LIST_HEADS if topic.endswith(h) and len(topic) > len(h)), None)
    if head is None or topic_head is None or head.endswith(topic_head) or topic_head.endswith(head):
        return name  # same kind of figure (固定资产投资 … 投资增长): the entity may have changed, keep as written
    return topic[: -len(topic_head)] + name


def topic_of(name: str) -> str:
    """The noun part of a name, for the clauses after it: "三类创新医疗器械获批上市" → "三类创新医疗器械"."""
    m = p.TOPIC_CUT.search(name)
    return name[: m.start()] if m is not None and m.start() > 1 else name


def split_subjects(subject: str, count: int) -> list[str]:
    """ "A和B增加值" → ["A增加值", "B增加值"] when there are ``count`` items; else the whole subject each time."""
    parts = [s for s in p.LIST_SPLIT.split(subject)]
    if len(parts) != count or not all(parts):
        return [subject] * count
    parts[0] = p.LIST_LEAD.sub("", parts[0]) or parts[0]  # the verb governs every item, not just the first
    head = next((h for h in p.LIST_HEADS if parts[-1].endswith(h) and len(parts[-1]) > len(h)), "")
    if head:
        parts = [s if s.endswith(p.LIST_HEADS) else s + head for s in parts[:-1]] + [parts[-1]]
    return parts
