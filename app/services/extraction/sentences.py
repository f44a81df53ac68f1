"""Split a document into paragraphs, sentences, clauses and list items, keeping offsets into the original.

Normalisation is character by character (NFKC where it yields one character), so position i of the
normalised text is position i of the input and every quote is an exact slice of what the user pasted.
Parenthesised asides, 《titles》, 〔document numbers〕 and short “quoted names” are masked: their numbers
("《…(2024-2026年)》", "“新智造100”") are never figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

MASK = "\u25a1"  # □: keeps offsets, matches no pattern, and is dropped from names
_SINGLE = {"\u3000": " ", "\u00a0": " ", "\u2212": "-", "\u2014": "—", "\uff5e": "~", "\u301c": "~"}
_PAIRS = {"(": ")", "《": "》", "〔": "〕", "[": "]", "【": "】", "<": ">"}
_QUOTES = {"“": "”", '"': '"', "「": "」", "‘": "’"}
_MAX_MASKED = 200  # an unclosed bracket masks at most this much, never the rest of the document
_MAX_QUOTE = 24  # a quotation this short without a comma is a name (“新智造100”), not a speech
_KEEP_IN_QUOTES = re.compile(r"十[一二三四五六七八九]五")  # “十五五”末 is a deadline, keep it readable
# Phone numbers, ISO dates, clock times and web-page counters ("浏览次数：1523次") are never figures.
_PHONE_DATE_TIME = re.compile(
    r"[0-9]{3,4}-[0-9]{3,4}-[0-9]{3,4}|[0-9]{3,4}-[0-9]{7,8}|(?:19|20)[0-9][0-9][-/.][0-9]{1,2}[-/.][0-9]{1,2}|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
    r"|(?:浏览|点击|阅读|访问)(?:次数|量|数)?[:\s]*[0-9]+次?"
)
_SENTENCE_END = frozenset("。!?！？\n\r")
_CLAUSE_END = frozenset(",;:，；：…")  # "……" closes a list the way a comma does


def normalize(text: str) -> str:
    """NFKC per character, so that the result has exactly the input's length."""
    out = []
    for ch in text:
        if ch in _SINGLE:
            out.append(_SINGLE[ch])
            continue
        n = unicodedata.normalize("NFKC", ch) if ord(ch) > 0x7F else ch
        out.append(n if len(n) == 1 else ch)
    return "".join(out)


def mask(text: str, *, names: bool = False) -> str:
    """Blank out asides, titles, document numbers, short quoted names, phone numbers, dates and times.

    ``names``: the text indicators are named from, where quoted names stay (国家级专精特新“小巨人”企业).
    """
    chars = list(text)
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        close = _PAIRS.get(ch) or _QUOTES.get(ch)
        if close is not None:
            j = text.find(close, i + 1, min(n, i + 1 + _MAX_MASKED))
            if j != -1:
                inner = text[i + 1 : j]
                is_quote = ch in _QUOTES
                if not is_quote or (len(inner) <= _MAX_QUOTE and not any(c in inner for c in ",。;")):
                    if not (is_quote and (names or _KEEP_IN_QUOTES.fullmatch(inner))):
                        chars[i : j + 1] = MASK * (j + 1 - i)
                    i = j + 1
                    continue
        i += 1
    masked = "".join(chars)
    return _PHONE_DATE_TIME.sub(lambda m: MASK * len(m.group()), masked)


@dataclass(frozen=True, slots=True)
class Piece:
    """A slice of the document: ``text`` is the normalised, masked slice of [start, end)."""

    start: int
    end: int
    text: str


def _split(text: str, start: int, end: int, stops: frozenset[str]) -> Iterator[Piece]:
    """Pieces of text[start:end] between stop characters; a comma between digits (1,590) is no stop."""
    begin = start
    for i in range(start, end):
        ch = text[i]
        if ch in stops:
            if ch in ",:" and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                continue
            if i > begin:
                yield Piece(begin, i, text[begin:i])
            begin = i + 1
    if end > begin:
        yield Piece(begin, end, text[begin:end])


def paragraphs(text: str) -> Iterator[Piece]:
    return _split(text, 0, len(text), frozenset("\n\r"))


def sentences(text: str, paragraph: Piece) -> Iterator[Piece]:
    return _split(text, paragraph.start, paragraph.end, _SENTENCE_END)


def clauses(text: str, sentence: Piece) -> Iterator[Piece]:
    return _split(text, sentence.start, sentence.end, _CLAUSE_END)


def list_parts(text: str, clause: Piece) -> list[Piece]:
    """The parts of a clause between 、 (merged later, once we know which parts hold figures)."""
    return list(_split(text, clause.start, clause.end, frozenset("、")))


def quote(original: str, start: int, end: int) -> str:
    """The exact source words, without surrounding blanks."""
    return original[start:end].strip()
