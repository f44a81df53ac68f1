"""The rules: walk paragraphs → sentences → clauses → list items and propose one candidate per figure.

Context flows left to right inside a paragraph: a deadline ("到2026年"), a period ("上半年"), a hedge
("力争", within its sentence) and the current topic (the last named subject) apply to the clauses after
them until something replaces them. Whether a figure is a target or progress is decided per clause from its
own words first (a deadline or a period in the clause), then the sentence's, then the paragraph's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from itertools import pairwise

from app.domain import units
from app.domain.errors import DomainError
from app.services.extraction import patterns as p
from app.services.extraction.model import Candidate, Kind
from app.services.extraction.naming import (
    LEFT_WINDOW,
    RIGHT_WINDOW,
    clean_subject,
    comparator_words,
    indicator,
    split_subjects,
    topic_of,
)
from app.services.extraction.numerals import Figure, figures
from app.services.extraction.sentences import (
    MASK,
    Piece,
    clauses,
    list_parts,
    mask,
    normalize,
    paragraphs,
    quote,
    sentences,
)
from app.services.extraction.timing import (
    Months,
    TimeMark,
    document_date,
    now_period,
    plan_start_in,
    time_marks,
)

# "由2023年的每万名工人260台提高到400台": a few words of measure may sit between the year and the figure.
_FROM_BEFORE = re.compile(rf"(?:从|由)(?:{p.YEAR}年(?:底|末)?的?)?[^,;从由的]{{0,8}}$")
_FROM_YEAR = re.compile(rf"({p.YEAR})年(底|末)?")
_FROM_TO = re.compile(r"(?:提高|提升|增加|增长|扩大|上升|下降|降低|减少|压减|缩小|增|降|提)?(?:到|至)")
_LIST_SEP = re.compile(r"(?:以上|以下|以内|左右)?(?:、|,|和|及|与|以及)")
_BARE_REST = re.compile(rf"(?:分别|以上|以下|以内|左右|和|及|与|以及|超过|超|达到|约|近|\s|{MASK})*")
_CONJUNCTION = re.compile(r"[和及与、,]")
_FLOW_NAMES = ("新增", "新建", "新设")
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章节条部分])"
)
MAX_QUOTE = 300
_NOUN_START = re.compile(r"^(?:同比|环比|增长|下降|提高|实现|占|较|比|其中|居|位居|累计|新增|达到|分别)")


@dataclass
class _Context:
    """What earlier clauses of the paragraph (or sentence) established."""

    mode: Kind | None = None
    deadline: str | None = None
    period: Months | None = None
    stock: bool = False
    topic: str = ""
    hedge: str = ""


def _copy(ctx: _Context) -> _Context:
    """The context a new sentence starts from: everything but the hedge, which ends with its sentence."""
    return _Context(ctx.mode, ctx.deadline, ctx.period, ctx.stock, ctx.topic)


class _Extractor:
    def __init__(self, original: str, document_date_: date | None, plan_start: date | None) -> None:
        self.original = original
        self.norm = normalize(original)
        self.text = mask(self.norm)
        self.named = mask(self.norm, names=True)  # same offsets; keeps “quoted” names for indicators
        self.ref = document_date_ or document_date(self.norm)
        self.plan_start = plan_start or plan_start_in(self.norm)
        self.found: list[Candidate] = []
        self.sentence_progress = False  # the sentence has 同比/已/位居…: a report
        self.sentence_target = False  # the sentence has 力争/将/目标…: a plan
        self.sentence_span = False  # the sentence names a span of months: "1-8月累计销售" is its total

    def run(self) -> list[Candidate]:
        carried: _Context | None = (
            None  # a lead-in ("到2026年，主要目标如下：") speaks for the lines after it
        )
        for paragraph in paragraphs(self.text):
            lead = paragraph.text.strip()
            if _HEADING.match(lead):
                carried = None
            para = _copy(carried) if carried is not None else _Context()
            for sentence in sentences(self.text, paragraph):
                ctx = _copy(para)
                sentence_mode: Kind | None = None
                self.sentence_span = False
                self.sentence_progress = bool(p.STRONG_PROGRESS.search(sentence.text))
                self.sentence_target = bool(p.TARGET_WORDS.search(sentence.text))
                for clause in clauses(self.text, sentence):
                    sentence_mode = self._clause(clause, ctx, sentence_mode)
                para = _copy(ctx)
            if lead.endswith((":", "：")):
                carried = _copy(para)
        return self.found

    # --- mode, deadline and period of a clause -----------------------------------------------------------------
    def _clause(self, clause: Piece, ctx: _Context, sentence_mode: Kind | None) -> Kind | None:
        """Propose the clause's figures; return the sentence's mode for the clauses after it."""
        text = clause.text
        marks = [m for m in time_marks(text, self.ref, self.plan_start) if m.kind != "baseline"]
        hedge = next((h for h in p.HEDGES_SENTENCE if h in text), None)
        if hedge is not None:
            ctx.hedge = hedge
        mode, explicit = self._mode(text, marks, ctx, sentence_mode)
        if any(m.kind == "period" and m.period and not m.period.stock for m in marks):
            self.sentence_span = True
        ctx.mode = mode
        for item in self._items(clause):
            self._item(item, ctx, mode)
        return mode if explicit else sentence_mode

    def _mode(
        self, text: str, marks: list[TimeMark], ctx: _Context, sentence_mode: Kind | None
    ) -> tuple[Kind, bool]:
        """(mode, whether the clause's own words decided it)."""
        deadline = next((m for m in marks if m.kind == "deadline"), None)
        if deadline is not None:
            ctx.deadline = deadline.deadline
            return "target", True
        period = next((m for m in marks if m.kind in ("period", "since")), None)
        if period is not None:
            ctx.period, ctx.stock = period.period, bool(period.period and period.period.stock)
            return "progress", True
        if any(m.kind == "now" for m in marks):
            ctx.period, ctx.stock = now_period(self.ref), True
            return "progress", True
        year = next((m for m in marks if m.kind == "year"), None)
        if year is not None:
            return self._year_mode(year, ctx), True
        if p.STRONG_PROGRESS.search(text):
            return "progress", True
        if p.TARGET_WORDS.search(text):
            return "target", True
        if sentence_mode is not None:
            return sentence_mode, False
        if p.WEAK_PROGRESS.search(text):
            return "progress", True
        if self.sentence_progress and not self.sentence_target:
            return "progress", False  # "收入合计1.2万亿元，较上年同期增长8.9%": the report's later words
        return ctx.mode or "target", False

    def _year_mode(self, mark: TimeMark, ctx: _Context) -> Kind:
        """A bare "2023年" / "2025年底": past → a period, future → a deadline, this year → by the words."""
        if mark.year is None:
            return ctx.mode or "target"
        if self.ref is not None and mark.year != self.ref.year:
            future = mark.year > self.ref.year
        else:  # this year (or no date): the sentence's words decide
            future = not self.sentence_progress and (self.sentence_target or ctx.mode != "progress")
        if future:
            ctx.deadline = mark.deadline
            return "target"
        ctx.period, ctx.stock = mark.period, bool(mark.period and mark.period.stock)
        return "progress"

    # --- list items -----------------------------------------------------------------------------------------------
    def _items(self, clause: Piece) -> list[Piece]:
        """Parts between 、 grouped: "A、B分别…90%、70%" is one item, "X突破500亿元、打造Y5个以上" two."""
        groups: list[list[int]] = []
        open_group = False  # the last group has no figure yet: a noun list waiting for its figures
        for part in list_parts(self.text, clause):
            found = figures(part.text)
            bounds = [0, *(x for f in found for x in (f.start, f.end)), len(part.text)]
            rest = "".join(part.text[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
            joins = open_group or (bool(found) and not _BARE_REST.sub("", rest))
            if groups and joins:
                groups[-1][1] = part.end
            else:
                groups.append([part.start, part.end])
            open_group = not found and (open_group or not joins)
        return [Piece(s, e, self.text[s:e]) for s, e in groups]

    def _item(self, item: Piece, ctx: _Context, mode: Kind) -> None:
        found = figures(item.text)
        if not found:
            return
        t = item.text
        done: set[int] = set()
        for i, (a, b) in enumerate(pairwise(found)):
            if _FROM_TO.fullmatch(t[a.end : b.start]) and _FROM_BEFORE.search(
                t[max(0, a.start - 24) : a.start]
            ):
                self._from_to(item, a, b, ctx, mode)
                done |= {i, i + 1}
        k = t.find("分别")
        listed = [i for i, f in enumerate(found) if f.start > k >= 0 and i not in done]
        if len(listed) >= 2 and all(
            _LIST_SEP.fullmatch(t[found[x].end : found[y].start]) for x, y in pairwise(listed)
        ):
            self._respectively(item, [found[i] for i in listed], k, ctx, mode)
            done |= set(listed)
        for i, (a, b) in enumerate(pairwise(found)):
            if i in done or i + 1 in done:
                continue
            between = t[a.end : b.start]
            if t[b.end : b.end + 1] == "的":
                done.add(i + 1)  # "10家营收超百亿元的企业": the second figure is a threshold
            elif between and not _CONJUNCTION.search(between) and not _NOUN_START.match(between):
                done.add(i)  # "4个E级公共智算中心新增算力5970P": the first describes the subject
        n = self.named[item.start : item.end]
        next_live = [len(t)] * len(found)  # where the next proposed figure starts: a name stops there
        for j in range(len(found) - 2, -1, -1):
            next_live[j] = found[j + 1].start if j + 1 not in done else next_live[j + 1]
        for i, f in enumerate(found):
            if i in done:
                continue
            start = found[i - 1].end if i > 0 else 0
            end = next_live[i]
            left = n[max(start, f.start - LEFT_WINDOW) : f.start]
            right = n[f.end : min(end, f.end + RIGHT_WINDOW)]
            if "双双" in left:  # "A和B固定资产投资双双实现30%以上的高速增长"
                self._both(item, f, left, right, ctx, mode)
                continue
            name = indicator(left, right, f, ctx.topic)
            self._emit(item, f, name, left, right, ctx, mode)

    # --- special shapes -------------------------------------------------------------------------------------------
    def _from_to(self, item: Piece, a: Figure, b: Figure, ctx: _Context, mode: Kind) -> None:
        """ "从2020年的7.8%提高到10%": the target is 10%, the baseline 7.8% at 2020."""
        t = item.text
        before = self.named[item.start : item.end][max(0, a.start - LEFT_WINDOW) : a.start]
        cut = max(before.rfind("从"), before.rfind("由"))
        subject = before[:cut] if cut >= 0 else before
        year = _FROM_YEAR.search(before[cut:]) if cut >= 0 else None
        baseline_date = None
        if year is not None:
            baseline_date = f"{year[1]}-12-31" if year[2] else year[1]
        try:
            baseline: Decimal | None = units.convert(a.value, a.unit, b.unit) if a.unit != b.unit else a.value
        except DomainError:
            baseline = None
        between = t[a.end : b.start]
        name = indicator(subject, "", b, ctx.topic)
        comparator, approx = comparator_words("", t[b.end : b.end + RIGHT_WINDOW], b, target=mode == "target")
        if mode == "target" and p.DECREASE_VERBS.search(between.rstrip("到至")) and comparator == ">=":
            comparator = "<="
        self._add(item, b, name, comparator, approx, ctx, mode, baseline, baseline_date)

    def _respectively(self, item: Piece, listed: list[Figure], k: int, ctx: _Context, mode: Kind) -> None:
        """ "A、B分别超过90%、70%" → A > 90 %, B > 70 %."""
        t = item.text
        n = self.named[item.start : item.end]
        subject = clean_subject(n[max(0, k - LEFT_WINDOW) : k])
        verb = clean_subject(t[k + 2 : listed[0].start])
        verb = verb if p.GROWTH_VERBS.search(verb) else ""
        names = split_subjects(subject, len(listed))
        for name, f in zip(names, listed, strict=True):
            left = t[k : f.start] if f is listed[0] else t[k : listed[0].start]
            right = t[f.end : f.end + RIGHT_WINDOW]
            comparator, approx = comparator_words(left, right, f, target=mode == "target")
            self._add(item, f, (name + verb) or ctx.topic, comparator, approx, ctx, mode, None, None)

    def _both(self, item: Piece, f: Figure, left: str, right: str, ctx: _Context, mode: Kind) -> None:
        subject = clean_subject(left[: left.rfind("双双")])
        verb = "增长" if "增长" in right else ""
        for name in split_subjects(subject, 2):
            self._emit(item, f, name + verb, left, right, ctx, mode)

    # --- output ---------------------------------------------------------------------------------------------------
    def _emit(
        self, item: Piece, f: Figure, name: str, left: str, right: str, ctx: _Context, mode: Kind
    ) -> None:
        comparator, approx = comparator_words(left, right, f, target=mode == "target")
        hedge = ctx.hedge if mode == "target" else ""
        if mode == "target" and not hedge and p.BASIC_HEDGE.search(left):
            hedge = "基本"
        self._add(item, f, name, comparator, approx, ctx, mode, None, None, hedge=hedge)

    def _add(
        self,
        item: Piece,
        f: Figure,
        name: str,
        comparator: str,
        approx: bool,
        ctx: _Context,
        mode: Kind,
        baseline: Decimal | None,
        baseline_date: str | None,
        *,
        hedge: str | None = None,
    ) -> None:
        if name and not p.VERB_ONLY.match(name):
            ctx.topic = topic_of(name)
        if hedge is None:
            hedge = ctx.hedge if mode == "target" else ""
        period = None
        if mode == "progress":
            period = self._period(item, f, name, ctx)
        self.found.append(
            Candidate(
                kind=mode,
                indicator=name,
                value=f.value,
                unit=f.unit,
                comparator=comparator,
                value_max=f.value_max,
                approx=approx,
                hedge=hedge,
                deadline=ctx.deadline if mode == "target" else None,
                period=period,
                quote=self._quote(item, f),
                baseline_value=baseline,
                baseline_date=baseline_date,
            )
        )

    def _quote(self, item: Piece, f: Figure) -> str:
        """The item as written; in a run-on clause only the words around the figure."""
        if item.end - item.start <= MAX_QUOTE:
            return quote(self.original, item.start, item.end)
        start = max(item.start, item.start + f.start - MAX_QUOTE // 2)
        return quote(self.original, start, min(item.end, start + MAX_QUOTE))

    def _period(self, item: Piece, f: Figure, name: str, ctx: _Context) -> str | None:
        """A flow over the context's months, or a stock at their end (累计, 截至, 目前, or no period at all)."""
        stock = ctx.stock
        left = item.text[max(0, f.start - 2 * LEFT_WINDOW) : f.start]
        if not f.is_percent_like and p.STOCK_WORDS.search(left):
            stock = not self.sentence_span or bool(p.STOCK_BUILD.search(left))
        months = ctx.period
        if months is None:
            months, stock = now_period(self.ref), True
        if months is None:
            return None
        if stock and ctx.stock and name.startswith(_FLOW_NAMES) and months == now_period(self.ref):
            return Months((months.last[0], 1), months.last).label()  # "目前…新增X": new this year so far
        return months.label(stock=stock)


def extract(
    text: str, *, document_date: date | None = None, plan_start: date | None = None
) -> list[Candidate]:
    """Candidate targets and progress values in ``text``, in reading order.

    ``document_date`` resolves 今年/去年 and periods without a year (default: the first full date in the text,
    else such periods stay None); ``plan_start`` anchors "用3年左右时间" (default: a plan period written in a
    title, "…方案(2024-2026年)", else the document date). Never raises on any text.
    """
    return _Extractor(text, document_date, plan_start).run()
