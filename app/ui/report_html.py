"""The progress report as one HTML document for QTextDocument: cover, summary, summary table and one block per
target. The text is Chinese and comes from ReportContent as it is; nothing here is translated. Charts are
``<img src="chart://report/<key>">``; ``report_pdf`` adds the images as the document's resources.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from html import escape as _escape

from PySide6.QtCore import QBuffer, QByteArray
from PySide6.QtGui import QImage, QImageReader

from app.domain.status import STATUS_BY_LABEL, Status
from app.services.report_content import (
    BEHIND_LEAD,
    EMPTY_ADVICE,
    OTHERS_LEAD,
    ReportContent,
    TargetBlock,
    basis_note,
    clean_text,
)
from app.ui.fonts import CJK_FAMILIES
from app.ui.report_charts import ChartDrawer, ChartKey, Picture
from app.ui.status_style import STATUS_COLORS

# The A4 body is 167 mm wide: 631 px at the 96 px/inch of QTextDocument's CSS lengths (Qt scales them to the
# printer). Charts take a little less, so they also fit a Letter page chosen in the print dialog.
CHART_WIDTH_PX = 620
GRID_COLOR, MUTED = "#9e9e9e", "#555555"
# Counts table order: the judged statuses worst first, then those without a verdict.
COUNT_ORDER: tuple[Status, ...] = (Status.OVERDUE, Status.OFF_TRACK, Status.AT_RISK, Status.ON_TRACK)
COUNT_ORDER += (Status.ACHIEVED, Status.NO_DATA, Status.MONITORING)
# Summary-table widths (percent of the body): names and units get the room, the numbers need little.
SUMMARY_WIDTHS = {"target": 13, "responsible_unit": 11, "goal": 14, "latest": 9, "period": 8.5}
SUMMARY_WIDTHS |= {"completion": 7, "time_progress": 6.5, "lag": 6, "gap": 8, "forecast": 9, "status": 7.5}
NUMERIC_COLUMNS = frozenset({"latest", "completion", "time_progress", "lag", "gap", "forecast"})
ENTRY_COLUMNS = (("报告期", 15), ("数值", 12), ("类型", 9), ("来源", 36), ("备注", 28))
# A section starts a new page. Its heading sits in a borderless table that carries the break, with a top
# margin: a heading (or a table without the margin) that carries it is also painted, clipped but present in
# the PDF's text, at the foot of the page before, so a search for the heading would find that page first.
SECTION = '<table width="100%" border="0" cellspacing="0" cellpadding="0"'
SECTION += ' style="page-break-before: always; margin-top: 14px;">'
SECTION += "<tr><td><h1>{}</h1></td></tr></table>"

Sizes = dict[ChartKey, tuple[int, int]]  # the charts there are, with their pixel sizes

BODY_POINT_SIZE = 10.0

CSS = f"""
body {{ font-family: {", ".join(f"'{f}'" for f in CJK_FAMILIES)}, sans-serif; font-size: {BODY_POINT_SIZE}pt; }}
h1 {{ font-size: 16pt; font-weight: bold; margin-top: 0px; margin-bottom: 10px; }}
h2 {{ font-size: 13pt; font-weight: bold; margin-top: 14px; margin-bottom: 6px; }}
h3 {{ font-size: 11.5pt; font-weight: bold; margin-top: 0px; margin-bottom: 6px; }}
p {{ margin-top: 0px; margin-bottom: 6px; line-height: 140%; }}
ul {{ margin-top: 0px; margin-bottom: 4px; }}
th {{ background-color: #e8e8e8; font-weight: bold; }}
.title {{ font-size: 26pt; font-weight: bold; }}
.big {{ font-size: 13pt; }}
.muted {{ color: {MUTED}; }}
.s85 {{ font-size: 8.5pt; }}
.s8 {{ font-size: 8pt; }}
.s75 {{ font-size: 7.5pt; }}
.quote {{ color: #333333; margin-left: 14px; margin-right: 14px; }}
td.num {{ text-align: right; }}
td.label {{ color: {MUTED}; background-color: #f5f5f5; }}
td.plan {{ background-color: #f0f0f0; font-weight: bold; }}
"""


# --- parts -------------------------------------------------------------------------------------------------------


def escape(text: str) -> str:
    return _escape(clean_text(text))


def cn_date(d: date) -> str:
    return f"{d:%Y年%m月%d日}"


def chart_url(key: ChartKey) -> str:
    return f"chart://report/{key}"


def _grid(width: int, size_class: str = "", padding: int = 3) -> str:
    """A table with thin solid rules. Qt honours the rules only inline (its default border is 3-D) and the font
    size only through a class (an inline size on the table does not reach the cells)."""
    css_class = f' class="{size_class}"' if size_class else ""
    return (
        f'<table{css_class} border="1" cellspacing="0" cellpadding="{padding}" width="{width}%"'
        f' style="border-collapse:collapse; border-style:solid; border-color:{GRID_COLOR};">'
    )


def _status_style(status: Status) -> str:
    background, foreground = STATUS_COLORS[status]
    return f"background-color:{background}; color:{foreground}; font-weight:bold;"


def _image(key: ChartKey, sizes: Sizes) -> str:
    if key not in sizes:
        return ""
    width, height = sizes[key]
    shown = round(CHART_WIDTH_PX * height / max(width, 1))
    # line-height 100 %: the body's 140 % would leave 40 % of the picture's height blank below it
    return (
        '<p align="center" style="line-height:100%; margin-top:4px; margin-bottom:4px;">'
        f'<img src="{chart_url(key)}" width="{CHART_WIDTH_PX}" height="{shown}"></p>'
    )


def _cover(content: ReportContent) -> str:
    issuer = f'<p align="center" class="big" style="margin-top:150px;">{escape(content.issuer)}</p>'
    return (
        '<p style="margin-bottom:160px;">&nbsp;</p>'  # Qt drops the top margin of a document's first block
        f'<p align="center" class="title">《{escape(content.title)}》</p>'
        f'<p align="center" class="big" style="margin-top:40px;">截至{cn_date(content.as_of)}</p>'
        + (issuer if content.issuer else '<p style="margin-top:150px;"></p>')
        + f'<p align="center" class="big">生成日期：{cn_date(content.generated_on)}</p>'
        f'<p align="center" class="muted" style="margin-top:30px;">报告范围：{escape(content.scope)}</p>'
    )


def _summary(content: ReportContent, sizes: Sizes) -> str:
    """Counts by status (the word and its colour, so black-and-white paper still reads), headline, charts."""
    counts = "".join(
        f'<tr><td style="{_status_style(s)}">{s.label}</td><td class="num">{content.counts[s]}</td></tr>'
        for s in COUNT_ORDER
        if content.counts.get(s)
    )
    total = sum(content.counts.values())
    html = (
        SECTION.format("一、总体情况")
        + f"<p>{escape(content.headline)}</p>"
        + _grid(45)
        + f"<thead><tr><th>状态</th><th>指标数</th></tr></thead>{counts}"
        + f'<tr><td><b>合计</b></td><td class="num"><b>{total}</b></td></tr></table>'
    )
    if "overview" in sizes:
        html += "<h2>各政策文件指标状态</h2>" + _image("overview", sizes)
    if "bullet" in sizes:
        html += "<h2>完成率与时序进度</h2>" + _image("bullet", sizes)
    return html


def _summary_table(content: ReportContent) -> str:
    """Every target in one table; its header row repeats on each page. The plan heads its group of rows."""
    columns = [(k, h) for k, h in content.columns if k != "plan"]
    head = "".join(f'<th width="{SUMMARY_WIDTHS.get(k, "")}%">{escape(h)}</th>' for k, h in columns)
    rows, plan = [], None
    for record in content.summary:
        if record.get("plan") != plan:
            plan = record.get("plan")
            rows.append(f'<tr><td class="plan" colspan="{len(columns)}">{escape(plan or "")}</td></tr>')
        cells = []
        for key, _ in columns:
            text = record.get(key, "")
            if key == "status":
                cells.append(
                    f'<td style="{_status_style(STATUS_BY_LABEL.get(text, Status.NO_DATA))}">{text}</td>'
                )
            else:
                cells.append(f"<td{' class=num' if key in NUMERIC_COLUMNS else ''}>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        SECTION.format("二、指标汇总")
        + f'<p class="muted s85">{escape(basis_note(content))}</p>'
        + _grid(100, "s8")
        + f"<thead><tr>{head}</tr></thead>{''.join(rows)}</table>"
    )


def _block(block: TargetBlock, sizes: Sizes) -> str:
    """One target: its heading in a borderless one-cell table (``report_pagination`` finds the block by it and
    sets a page break on it), then its facts, quote, notes, chart and recent figures. Only the heading is in
    the small table: Qt lays a table's cells out twice (once to measure their widths), so a block held in one
    table would have its own tables laid out four times — twice the time for the whole report."""
    facts = []
    for i in range(0, len(block.facts), 2):
        pair = "".join(
            f'<td class="label" width="13%">{escape(k)}</td><td width="37%">{escape(v)}</td>'
            for k, v in block.facts[i : i + 2]
        )
        facts.append(f"<tr>{pair}</tr>")
    html = (
        '<table width="100%" border="0" cellspacing="0" cellpadding="0" style="margin-top:22px;"><tr><td>'
        f'<h3>{escape(block.name)}　<span style="{_status_style(block.status)}">&nbsp;{block.status.label}'
        f"&nbsp;</span></h3></td></tr></table>" + _grid(100, "s85") + "".join(facts) + "</table>"
    )
    if block.source_quote:
        html += f'<p class="quote" style="margin-top:8px;"><b>原文：</b>“{escape(block.source_quote)}”</p>'
    if block.notes:
        html += '<p class="s85" style="margin-top:6px; margin-bottom:2px;"><b>说明</b></p><ul class="s85">'
        html += "".join(f"<li>{escape(n)}</li>" for n in block.notes) + "</ul>"
    html += _image(block.target_id, sizes)
    if block.entries:
        head = "".join(f'<th width="{w}%">{h}</th>' for h, w in ENTRY_COLUMNS)
        lines = "".join(
            f"<tr><td>{escape(e.period)}</td><td class=num>{escape(e.value)}</td><td>{escape(e.value_type)}</td>"
            f"<td>{escape(e.source)}</td><td>{escape(e.note)}</td></tr>"
            for e in block.entries
        )
        html += (
            f'<p class="s85" style="margin-top:6px; margin-bottom:2px;"><b>最近填报（{len(block.entries)}条，'
            "最新在前）</b></p>"
            + _grid(100, "s75", padding=2)
            + f"<thead><tr>{head}</tr></thead>{lines}</table>"
        )
    else:
        html += '<p class="muted s85">尚无填报数据。</p>'
    return html


def _section(heading: str, lead: str, blocks: tuple[TargetBlock, ...], sizes: Sizes) -> str:
    body = "".join(_block(b, sizes) for b in blocks) or '<p class="muted">无。</p>'
    return SECTION.format(heading) + f'<p class="muted s85">{lead}</p>{body}'


def report_html(content: ReportContent, images: Mapping[ChartKey, Picture] | ChartDrawer) -> str:
    """The whole report as one HTML document for QTextDocument; charts are ``<img src="chart://report/<key>">``
    (``paint_report`` adds them as resources). Keys missing from ``images`` simply have no picture."""
    sizes = image_sizes(images)
    html = f"<html><head><style>{CSS}</style></head><body>{_cover(content)}"
    if content.empty:
        html += (
            SECTION.format("没有可报告的指标") + f"<p>{escape(content.headline)}</p>"
            f'<p class="muted">报告范围：{escape(content.scope)}。{EMPTY_ADVICE}</p>'
        )
    else:
        html += _summary(content, sizes) + _summary_table(content)
        behind = BEHIND_LEAD
        html += _section("三、滞后与逾期指标", behind, content.behind_blocks, sizes)
        html += _section("四、其他指标", OTHERS_LEAD, content.other_blocks, sizes)
    return html + "</body></html>"


def image_sizes(images: Mapping[ChartKey, Picture] | ChartDrawer) -> Sizes:
    """Pixel sizes, of PNG bytes from their headers (nothing decoded); unreadable images are left out. A
    ChartDrawer knows the sizes of the charts it has yet to draw."""
    if isinstance(images, ChartDrawer):
        return images.sizes
    sizes: Sizes = {}
    for key, data in images.items():
        if isinstance(data, QImage):
            if not data.isNull():
                sizes[key] = (data.width(), data.height())
            continue
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        size = QImageReader(buffer).size()
        if size.isValid() and not size.isEmpty():
            sizes[key] = (size.width(), size.height())
    return sizes
