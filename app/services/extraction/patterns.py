"""The words the rules look for, in one place so that a missed phrase is a one-line fix.

Every regex here is anchored or a plain alternation of literals with bounded repeats: no nested quantifiers,
so scanning stays linear however long or strange the input is. Texts are NFKC-normalised before matching
(full-width "，％１" are already ",%1").
"""

from __future__ import annotations

import re

# Chinese digits as the period and deadline regexes accept them (months, quarters, "用三年").
CN_SMALL = "一二两三四五六七八九十"
MONTH = rf"(?:1[0-2]|0?[1-9]|十[一二]?|[{CN_SMALL[:-1]}])"
YEAR = r"(?:19|20)[0-9][0-9]"

# --- comparators, read next to a figure -------------------------------------------------------------------
# Longest first: 不超过 must win over 超过, 超过 over 超.
PREFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="), ("不少于", ">="), ("不小于", ">="), ("至少", ">="),
    ("不超过", "<="), ("不高于", "<="), ("不多于", "<="), ("不大于", "<="), ("控制在", "<="), ("最多", "<="),
    ("超过", ">"), ("超出", ">"), ("突破", ">"), ("高于", ">"), ("多于", ">"), ("大于", ">"), ("超", ">"),
    ("逾", ">"),
    ("低于", "<"), ("少于", "<"), ("小于", "<"), ("不足", "<"), ("不到", "<"),
    ("降至", "<="), ("降到", "<="), ("下降到", "<="), ("下降至", "<="), ("降低到", "<="), ("降低至", "<="),
    ("减少到", "<="), ("减少至", "<="), ("压减到", "<="), ("压减至", "<="),
)  # fmt: skip
APPROX_PREFIXES: tuple[str, ...] = ("大约", "将近", "接近", "约为", "约", "近")
SUFFIX_COMPARATORS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="), ("以上", ">="), ("及以下", "<="), ("以下", "<="), ("以内", "<="),
)  # fmt: skip
APPROX_SUFFIX = re.compile(r"(?:左右|上下)(?![\u4e00-\u9fff])")  # not 上下游
# Words between the subject and a figure that say nothing about the comparison ("比重达到36.2%").
NEUTRAL_BEFORE: tuple[str, ...] = (
    "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至",
    "增至", "达到", "达", "为", "是", "有", "共计", "总计", "合计", "分别", "保持在", "稳定在", "稳定",
    "累计", "共", "均", "已", "已经", "还", "将", "都", "再", "新",
)  # fmt: skip
HEDGES_SENTENCE: tuple[str, ...] = ("力争", "争取")  # they govern everything after them in the sentence
BASIC_HEDGE = re.compile(r"基本(?=建成|实现|完成|形成|覆盖|达到|具备|普及|满足|消除|构建|建立)")

# --- telling targets from progress ----------------------------------------------------------------------------
TARGET_WORDS = re.compile(r"力争|争取|确保|目标|预计|力求|努力|将(?!近)|拟|届时")
# 同比, 已, 位居: a report of what happened; 累计/现有 weigh less (plans also say "累计培育1000家").
STRONG_PROGRESS = re.compile(r"已|同比|环比|比上年|较上年|比去年|较去年|位居|居全国|排名|首位")
WEAK_PROGRESS = re.compile(r"累计|现有|共有|已有")
STOCK_WORDS = re.compile(r"累计|现有|已有|总数|保有量|存量|已突破|已超|已达|建成")
# With a span of months in the sentence, 累计 is that span's total ("1-8月累计销售") unless it builds a stock.
STOCK_BUILD = re.compile(r"建成|认定|获批|备案|规模|总量|保有|存量|拥有|现有|已有")

# --- document structure: counts of the plan's own parts are never targets ("26条措施", "四个维度") ----------
STRUCTURAL_NOUNS = re.compile(
    r"(?:重大|重点|主要|具体|专项|细分|方面的?|大)?"
    r"(?:措施|举措|政策|任务|工程|行动|方面|领域|方向|维度|板块|批次|条款|意见|文件|方案|部门|环节|阶段|"
    r"章节|部分|原则|目标|要求|步骤|机制|体系|路径|抓手)"
)
# A unit that is really the first character of a longer word: 十五部门, 16个月, 项目, 条例.
UNIT_WORD_GUARDS: dict[str, tuple[str, ...]] = {
    "个": ("月", "季度", "小时", "工作日", "年头", "星期", "多月"),
    "部": ("门", "署", "分", "委", "级", "位", "长"),
    "条": ("例", "件", "线"),
    "项": ("目",),
    "人": ("员", "才", "口", "民", "群", "士", "们"),
    "批": ("次", "准", "复"),
    "名": ("单", "称", "列", "义", "额"),
    "所": ("有", "在", "属", "以", "得"),
    "台": ("阶",),
    "次": ("序",),
    "户": ("籍", "外"),
    "种": ("类", "子"),
    "度": ("过",),
    "元": ("素", "器", "宇宙"),
    "家": ("庭", "长", "居", "乡"),
    "套": ("餐",),
    "座": ("谈",),
    "件": ("事",),
    "张": ("家口",),
}
# Figures that describe rather than count: 千亿级, 10P级, 百强.
DESCRIPTOR_AFTER = ("级", "强", "/", "量级", "档")

# --- words trimmed off an indicator name ----------------------------------------------------------------------
LEADING_NOISE = re.compile(
    r"^(?:其中|同时|此外|另外|另一方面|与此同时|并且|并|且|以及|和|及|与|而|还|也|均|共有|共|总共|都|"
    r"全市|本市|我市|全省|本省|我省|全区|本区|我区|全县|全国|全球|北京市|北京|天津市|上海市|重庆市|"
    r"力争|争取|确保|预计|计划|要|将|拟|进一步|持续|稳步|加快|大力|着力|全力|积极|不断|努力|力求|"
    r"推动|推进|促进|带动|打造|建设|培育|支持|实施|引进|形成|实现|创建|组建|布局|认定|扶持|发展|构建|"
    r"提出|明确|发布|完成|建成|拥有|现有|每年|累计达到|到|于|为|使|让|已经|已|截至|截止|数据显示|据统计|"
    r"统计显示|记者了解到|基本|合计|总计|共计|全年|年内|当年|届时|此|这|该)"
)
TRAILING_NOISE = re.compile(
    r"(?:已经|已|均|将|都|还|共|共计|合计|总计|分别|达到|达|为|是|有|要|力争|争取|前|的|约|大约|近|接近|"
    r"将近|同比|再|新|稳定在|保持在|控制在|增至|基本|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|"
    r"扩大到|扩大至|扩区至|扩区到|扩展至|扩展到|双双)$"
)
FILLER_INSIDE = re.compile(r"合计实现|累计实现|共实现|实现")
# The figure is followed by its noun ("推动1590家有制造环节的规上企业…") unless the next words are these.
NOT_A_NOUN_AFTER = re.compile(
    r"^(?:等|的|同比|环比|比|较|占|居|位居|排名|以上|以下|以内|左右|上下(?!游)|和|及|与|、|或|在|于|为|[,;:.。]|"
    r"$|增长|下降|提高|提升|实现|分别|均|已|人次)"
)
# A name made only of these is a verb without its subject: "累计获批70个" borrows "三类创新医疗器械".
VERB_ONLY = re.compile(
    r"^(?:同比|环比|比上年同期|较上年同期|比上年|较上年|比去年|较去年|年均|累计|分别|共|新增|增长|下降|提高|提升|降低|减少|获批|上市|建成|达到|实现|增加|"
    r"扩大|入选|完成|培育|引进|新建|上线|备案|开放|带动|拉动|增速|增幅|占比|共计|合计|总计|其中|达)+$"
)
# Verbs that open a name but not its topic: "新增国家级绿色工厂" is about 国家级绿色工厂.
TOPIC_LEAD = re.compile(r"^(?:新增|新建|新设|累计|建成|认定|引进|培育)+")
# Where a subject's noun ends and its verb phrase begins ("三类创新医疗器械|获批上市").
TOPIC_CUT = re.compile(
    r"同比|环比|年均|增长|下降|累计|获批|新增|实现|建成|入选|参与|达到|提高|提升|上市|开展|完成|在"
)
# The noun at the end of a list's last item, shared by the items before it ("A和B增加值分别增长…").
LIST_HEADS: tuple[str, ...] = tuple(
    sorted(
        (
            "增加值", "产值", "总产值", "营业收入", "营收", "收入", "利润", "利润总额", "规模", "产业规模",
            "数量", "总量", "投资", "产量", "销量", "出口额", "出口", "进口", "能耗", "排放", "比重", "占比",
            "比例", "覆盖率", "固定资产投资", "普及率", "渗透率", "达标率", "合格率", "利用率", "使用率", "率", "强度",
            "面积", "人数", "企业数", "家数",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
LIST_SPLIT = re.compile(r"、|以及|和|及|与")
LIST_LEAD = re.compile(r"^(?:累计|新增|共)?(?:培育|引进|认定|建成|建设|打造|创建|获批)")
GROWTH_VERBS = re.compile(r"(?:增长|下降|提高|提升|降低|减少|上升|回落|增加)$")
DECREASE_VERBS = re.compile(r"(?:下降|降低|减少|压减|缩小|回落)$")
