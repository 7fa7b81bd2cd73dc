"""Write a synthetic, seeded corpus of Chinese planning documents for the scale benchmarks.

Run: ``.venv/bin/python benchmarks/make_corpus.py --n 1000 --out /tmp/corpus-1k --seed 0``.

Each document is drawn from its own random stream (seeded by ``seed`` and its index), so the
corpus is the same whatever the number of worker processes, and a 10k corpus holds the 1k one as
its first thousand files. Documents are about 10 KB: site chrome, a title block, numbered tasks at
up to three levels (一、/（一）/1./1、), responsibility clauses in every style the kit reads, targets
and progress reports. A few files carry noise: full-width digits, Traditional characters, GBK
bytes. Write big corpora under /tmp, never inside the repository.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

FILES_PER_FOLDER = 1000

PROVINCES = [
    "山东省", "江苏省", "浙江省", "广东省", "河南省", "河北省", "四川省", "湖北省", "湖南省", "安徽省",
    "福建省", "江西省", "山西省", "陕西省", "辽宁省", "吉林省", "黑龙江省", "云南省", "贵州省", "甘肃省",
]
# Syllables from which a few hundred city and county names are drawn (deterministic, not random).
_FIRST = "东西南北安宁平泰昌丰兴华永长青清德嘉广福瑞金玉临成武利津滨河海山"
_SECOND = "营州阳城安平宁江山源丰川陵台沙林原"
CITIES = [a + b + "市" for a in _FIRST[:20] for b in _SECOND[:6]]  # 120 cities
COUNTIES = [a + b + "县" for a in _FIRST for b in _SECOND[6:]][:300]  # 300 counties
PLACES = CITIES + COUNTIES

DEPARTMENTS = [
    "发展改革委", "发展和改革局", "教育局", "科技局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局",
    "人力资源社会保障局", "自然资源和规划局", "生态环境局", "住房城乡建设局", "交通运输局", "水利局", "农业农村局",
    "商务局", "文化和旅游局", "卫生健康委", "退役军人事务局", "应急管理局", "审计局", "市场监管局", "统计局",
    "医保局", "林业局", "体育局", "行政审批服务局", "综合行政执法局", "地方金融监督管理局", "投资促进局",
    "大数据局", "供销社", "税务局", "人民银行", "团委", "妇联", "总工会", "科协", "政府办公室", "宣传部",
    "组织部", "政法委", "编办", "城投集团",
]

TOPICS = [
    ("科技创新", ["建设省级以上创新平台", "培育高新技术企业", "推进产学研合作", "引进高层次人才团队"]),
    ("工业转型", ["实施技术改造项目", "培育规模以上工业企业", "推进智能工厂建设", "发展新能源汽车产业"]),
    ("乡村振兴", ["建设高标准农田", "发展特色农业产业", "改善农村人居环境", "推进农村集体经济发展"]),
    ("生态环保", ["开展大气污染防治", "推进河湖长制落实", "实施清洁取暖改造", "加强固体废物治理"]),
    ("民生保障", ["新建改扩建中小学校", "提升基层医疗服务能力", "建设养老服务设施", "扩大城镇就业"]),
    ("营商环境", ["深化一网通办改革", "压减审批时限", "开展惠企政策直达", "加强社会信用体系建设"]),
    ("城市建设", ["实施老旧小区改造", "建设城市道路管网", "推进海绵城市建设", "提升城市绿化水平"]),
    ("招商引资", ["开展产业链精准招商", "引进世界500强项目", "举办投资洽谈活动", "推动签约项目落地"]),
]
FILLER = [
    "坚持问题导向，强化统筹协调，层层压实责任，确保各项任务落到实处。",
    "建立月调度、季通报工作机制，及时研究解决工作推进中的困难和问题。",
    "加强政策宣传解读，引导社会各方面力量积极参与，营造良好氛围。",
    "完善考核评价办法，将工作完成情况纳入年度综合考核。",
    "加大资金投入，积极争取上级专项资金和政策支持。",
    "健全常态长效机制，推动工作制度化、规范化、标准化。",
]
METRICS = [
    ("地区生产总值", "%"), ("一般公共预算收入", "%"), ("固定资产投资", "%"), ("社会消费品零售总额", "%"),
    ("规模以上工业增加值", "%"), ("城镇居民人均可支配收入", "%"), ("进出口总额", "%"),
]
COUNTS = [("高新技术企业", "家"), ("规模以上工业企业", "家"), ("省级以上创新平台", "个"), ("城镇新增就业", "万人"),
          ("高标准农田", "万亩"), ("老旧小区改造", "个"), ("新建学校", "所"), ("重点项目", "个")]
CHROME = ["首页 > 政务公开 > 正文内容", "字号：大 中 小", "打印本页 关闭窗口", "【我要纠错】 【打印】 【关闭】",
          "浏览量：", "扫一扫在手机打开当前页", "主办单位：人民政府办公室 网站标识码"]
CN_NUM = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    """Chinese numeral for 1..99 as written in section numbers."""
    if n <= 10:
        return CN_NUM[n - 1]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_NUM[tens - 1]) + "十" + (CN_NUM[ones - 1] if ones else "")


def unit_registry() -> list[str]:
    """Every full unit name the corpus can use: place × department (about 19 000).

    Documents also write the short form (县财政局 for 玉沙县财政局), as real plans do.
    """
    return [p + d for p in PLACES for d in DEPARTMENTS]


def _units(rng: random.Random, place: str, k: int) -> list[str]:
    # Zipf-like: a few departments (发改、财政) sit on many tasks, most on few.
    picks: list[str] = []
    while len(picks) < k:
        d = DEPARTMENTS[min(int(rng.paretovariate(1.1)) - 1, len(DEPARTMENTS) - 1)] if rng.random() < 0.6 \
            else rng.choice(DEPARTMENTS)
        name = (place[-1] if rng.random() < 0.7 else place) + d
        if name not in picks:
            picks.append(name)
    return picks


def _clause(rng: random.Random, place: str) -> str:
    lead, *others = _units(rng, place, rng.randint(1, 5))
    joined = "、".join(others)
    style = rng.randrange(8)
    if style == 0:
        return f"（牵头单位：{lead}{'  参与单位：' + joined if others else ''}）"
    if style == 1:
        return f"(牵头单位:{lead}\n参与单位:{joined})" if others else f"(牵头单位:{lead})"
    if style == 2:
        return f"（{lead}牵头，{joined}配合）" if others else f"（{lead}牵头）"
    if style == 3:
        return f"（责任单位：{lead}（牵头）{'、' + joined if others else ''}）"
    if style == 4:
        return f"（{lead}负责）"
    if style == 5:
        return f"由{lead}牵头负责{'，' + joined + '配合' if others else ''}。"
    if style == 6:
        return f"\n责任单位：{'、'.join([lead, *others])}"
    return f"牵头单位：{lead}；参与单位：{joined or lead}。"


def _target(rng: random.Random, year: int) -> str:
    if rng.random() < 0.5:
        metric, unit = rng.choice(METRICS)
        return rng.choice([
            f"{year}年{metric}增长{rng.randint(3, 12)}{unit}左右。",
            f"力争{metric}增长{rng.randint(3, 12)}.{rng.randint(0, 9)}{unit}以上。",
            f"确保{metric}增速不低于{rng.randint(4, 9)}{unit}。",
        ])
    item, unit = rng.choice(COUNTS)
    return rng.choice([
        f"力争到{year}年底{item}达到{rng.randint(10, 900)}{unit}以上。",
        f"全年新增{item}{rng.randint(5, 300)}{unit}。",
        f"{item}总数突破{rng.randint(100, 5000)}{unit}，比上年增长{rng.randint(2, 30)}%。",
    ])


def _progress(rng: random.Random) -> str:
    metric, unit = rng.choice(METRICS)
    item, count_unit = rng.choice(COUNTS)
    return rng.choice([
        f"1至{rng.randint(2, 11)}月份，全市{metric}增长{rng.randint(1, 15)}.{rng.randint(0, 9)}{unit}，居全省第{rng.randint(1, 16)}位。",
        f"截至{rng.randint(1, 12)}月底，已完成{item}{rng.randint(1, 200)}{count_unit}，完成年度计划的{rng.randint(30, 120)}%。",
        f"今年以来，累计完成投资{rng.randint(1, 900)}.{rng.randint(1, 99)}亿元，同比增长{rng.randint(1, 40)}%。",
    ])


def _task_body(rng: random.Random, action: str, year: int, progress: bool) -> str:
    parts = [action + "，" + rng.choice(FILLER)]
    if rng.random() < 0.45:
        parts.append(_progress(rng) if progress else _target(rng, year))
    parts.append(rng.choice(FILLER))
    return "".join(parts)


def _subnumber(style: int, i: int) -> str:
    return [f"（{cn_number(i)}）", f"{i}.", f"{i}、", f"({cn_number(i)})"][style]


def document(index: int, seed: int) -> tuple[str, str]:
    """(file name, text) of document ``index``: the same for the same ``seed``, whatever else runs."""
    rng = random.Random(f"{seed}:{index}")
    year = rng.randint(2016, 2025)
    province = rng.choice(PROVINCES)
    place = rng.choice(PLACES)
    progress = rng.random() < 0.3
    kind = "工作进展情况" if progress else rng.choice(["重点工作任务", "实施方案", "行动计划", "任务分工方案"])
    topic_order = rng.sample(range(len(TOPICS)), k=rng.randint(4, 7))
    title = f"{place}人民政府办公室关于印发{place}{year}年{TOPICS[topic_order[0]][0]}{kind}的通知"
    lines = rng.sample(CHROME, k=rng.randint(1, 4))
    lines += [title, f"{place[0]}政办字〔{year}〕{rng.randint(1, 99)}号",
              f"发布日期：{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
              f"各{'乡镇人民政府、街道办事处' if place.endswith('县') else '区县人民政府'}，{place[-1]}政府各部门：",
              f"现将《{place}{year}年{kind}》印发给你们，请结合实际，认真抓好落实。", f"{province}{place}人民政府办公室", ""]
    sub_style = rng.randrange(4)
    for s, t in enumerate(topic_order, start=1):
        name, actions = TOPICS[t]
        lines.append(f"{cn_number(s)}、{name}")
        for i in range(1, rng.randint(3, 6) + 1):
            action = rng.choice(actions)
            body = _task_body(rng, action, year, progress)
            if rng.random() < 0.3:  # a third level under the second
                body += "".join(f"（{j}）{_task_body(rng, rng.choice(actions), year, progress)}" for j in range(1, 3))
            lines.append(f"{_subnumber(sub_style, i)}{action}。{body}{_clause(rng, place)}")
        if progress and rng.random() < 0.5:
            lines.append(f"(牵头单位:{_units(rng, place, 1)[0]})")
    lines.append(rng.choice(CHROME))
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.05:
        text = text.translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"})  # full-width digits
    noise = rng.random()
    suffix = ".txt"
    if noise < 0.03:
        suffix = ".hant.txt"  # Traditional characters, converted below
    elif noise < 0.06:
        suffix = ".gbk.txt"
    return f"{index // FILES_PER_FOLDER:04d}/doc-{index:06d}{suffix}", text


def _to_traditional():
    from opencc import OpenCC
    return OpenCC("s2t").convert


def write_range(out: str, seed: int, start: int, stop: int) -> int:
    """Write documents ``start``..``stop - 1`` under ``out``; return the bytes written."""
    convert = None
    total = 0
    for index in range(start, stop):
        name, text = document(index, seed)
        if name.endswith(".hant.txt"):
            convert = convert or _to_traditional()
            text = convert(text)
        data = text.encode("gbk", errors="replace") if name.endswith(".gbk.txt") else text.encode("utf-8")
        path = Path(out) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
    return total


def make_corpus(n: int, out: str | Path, seed: int = 0, workers: int = 1) -> int:
    """Write ``n`` documents under ``out`` (in parallel with ``workers`` processes); return bytes written.

    Examples
    --------
    >>> import tempfile
    >>> make_corpus(3, tempfile.mkdtemp()) > 3000
    True
    """
    out = str(out)
    chunk = 500
    spans = [(s, min(s + chunk, n)) for s in range(0, n, chunk)]
    if workers <= 1:
        return sum(write_range(out, seed, a, b) for a, b in spans)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(write_range, [out] * len(spans), [seed] * len(spans), *zip(*spans)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of documents")
    parser.add_argument("--out", required=True, help="folder to write (e.g. /tmp/corpus-1k)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args(argv)
    if Path(args.out).resolve().is_relative_to(Path(__file__).resolve().parents[1]):
        print("make_corpus: write corpora outside the repository (e.g. under /tmp)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    total = make_corpus(args.n, args.out, args.seed, args.workers)
    print(f"make_corpus: {args.n} documents, {total / 1e6:.1f} MB in {args.out} "
          f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
