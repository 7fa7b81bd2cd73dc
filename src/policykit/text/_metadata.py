"""Document metadata from the header block, the title, the notice around a plan and body cues.

A field that cannot be read from the text stays ``None`` and a ``missing-<field>`` warning says so.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .. import lexicon
from ._places import Place, named_divisions, place_of, settle_in
from ._types import DocumentMetadata, TextWarning

_HAN = r"[\u4e00-\u9fff]"
_NUM_DATE = r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "Ｏ": 0, "O": 0}
_CN_DATE = r"([〇○零Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
_DATE = re.compile(f"{_NUM_DATE}|{_CN_DATE}")
_LABEL = {
    "issuer": re.compile(r"(?:发布机构|发文机关|发文单位)\s*[:：]\s*([^\s•|]+)"),
    "issued_on": re.compile(r"成文日期\s*[:：]\s*" + _NUM_DATE),
    # a government site's own publication labels only: a forum's 发表于 or an aggregator's 更新日期
    # dates the copy, not the document
    "published_on": re.compile(r"(?:发布日期|发布时间)\s*[:：]\s*" + _NUM_DATE),
    "doc_number": re.compile(r"(?:文\s*号|发文字号)\s*[:：]\s*(\S+号)"),
    # a scraper's or site's title line: 标题：…, 名称：…, 政策名：…
    "title": re.compile(r"^\s*(?:标\s*题|名\s*称|政策名)\s*[:：]\s*(\S[^\n]*?)\s*$", re.M),
}
# A 文号 alone on its line, bare or in parentheses (（皖开放办〔2022〕6号）).
_DOC_NUMBER = re.compile(rf"^\s*[（(]?\s*({_HAN}{{1,10}}\s*[〔\[［【(（]\s*\d{{4}}\s*[〕\]］】)）]\s*\d{{1,4}}\s*号)\s*[)）]?\s*$", re.M)
_ORG_SUFFIX = "(?:" + "|".join(map(re.escape, lexicon.words("issuer_suffixes"))) + ")"
_ORG_LINE = re.compile(rf"^((?:中共)?{_HAN}{{2,30}}?{_ORG_SUFFIX})$", re.M)
# A body's name may quote a programme (推进“三地一区”建设领导小组…办公室).
_ISSUER_IN_TITLE = re.compile(rf"^((?:中共)?(?:{_HAN}|[“”]){{2,40}}?{_ORG_SUFFIX})(?:关于|印发)")
_SPEAKS_FOR = re.compile(rf"我代表({_HAN}{{0,16}}?(?:国务院|人民政府|政府))[，,]?向")
_REPORT_DATE = re.compile(r"^[—\-－─（( ]{0,4}\s*" + f"(?:{_NUM_DATE}|{_CN_DATE})" + r"在", re.M)
_SELF_REFERENCE = {level: re.compile(f"[我全本]{level}") for level in "省市县区"}
_NAMED_IN_TEXT = re.compile(rf"(?:中共|《|“)({_HAN}{{2,5}}?[省市县区])(?=委|人民政府|政府|{_HAN})")
# The printing office's line that closes an official document: 山东省人民政府办公厅2020年12月10日印发
_FOOTER = re.compile(rf"^\s*((?:中共)?{_HAN}{{2,30}}?{_ORG_SUFFIX})\s*(?:{_NUM_DATE}|{_CN_DATE})\s*印发\s*$", re.M)
# 自治区人民政府, 市人民政府: the government of the document's own place, named by its level only
_OWN_GOVERNMENT = re.compile(r"^(自治区|自治州|省|市|县|区|旗)(人民政府|政府)$")
# Head lines that name the jurisdiction: "利津县县长 张晓彬", "在海拉尔区第十三届人民代表大会".
_PLACE_IN_HEAD = re.compile(
    rf"^(?:中共)?({_HAN}{{2,16}}?)(?:人民政府|政府|代?(?:县|市|区|旗|省|州|镇|乡)长)"
    rf"|在({_HAN}{{2,16}}?)第[一二三四五六七八九十]+届人民代表大会",
    re.M,
)
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_YEAR_PLAN = re.compile(r"((?:19|20)\d{2})年(?:政府)?工作(?:安排|任务|建议|部署)|((?:19|20)\d{2})年(?:经济社会发展的?)?主要预期目标")
_PERIOD = re.compile(
    r"(?:1|一)\s*[至\-—~到–]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月|截至\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月底"
    r"|(一季度|上半年|前三季度)"
)
_QUARTER_END = {"一季度": 3, "上半年": 6, "前三季度": 9}
_DOC_TYPES = tuple(
    (row["doc_type"], re.compile("(?:" + "|".join(map(re.escape, row["words"].split("|"))) + ")" + ("$" if row["anchor"] == "end" else "")))
    for row in lexicon.table("doc_types").rows
)
_TYPE_WORDS = {word: row["doc_type"] for row in lexicon.table("doc_types").rows if not row["anchor"] for word in row["words"].split("|")}
# The text naming itself where no title does: 特制定本行动计划, 提出以下意见, 制定以下政策措施
_SELF_NAMED = re.compile(f"(?:制定|提出|出台|印发)了?(?:本|以下|如下){_HAN}{{0,2}}?(" + "|".join(
    map(re.escape, sorted(_TYPE_WORDS, key=len, reverse=True))) + ")")
_PROGRESS_BODY = re.compile(r"今年以来|截至目前|[1一]\s*[至\-—~]\s*\d{1,2}\s*月")
# what a notice issues: 关于印发《X》的通知 (a scraper may cut 的通知 off)
_ISSUES = re.compile(r"(?:关于)?(?:印发|转发|下发)《?(.+?)》?(?:的通知)?$")
_LEVEL_MARKS = "省市县区"
_TERMINAL = set("。！？!?”’\"'）)】》…」")


@dataclass
class PageContext:
    """What the page tells about all of its documents: header labels, HTML meta, dropped lead text."""

    head: str = ""
    html_meta: dict[str, str] = field(default_factory=dict)


def _iso(m: re.Match[str]) -> str:
    groups = [g for g in m.groups() if g is not None][:3]
    if not groups[0].isdigit():
        year = "".join(str(_CN_DIGITS[c]) for c in groups[0])
        return f"{year}-{_cn_number(groups[1]):02d}-{_cn_number(groups[2]):02d}"
    return f"{groups[0]}-{int(groups[1]):02d}-{int(groups[2]):02d}"


def _cn_number(s: str) -> int:
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + (_CN_DIGITS.get(s[1:], 0) if len(s) > 1 else 0)
    if "十" in s:
        tens, _, units = s.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[units] if units else 0)
    return _CN_DIGITS[s]


def _page_title(page_title: str | None) -> str | None:
    """A page ``<title>`` without its site name ("…方案 - 某某县人民政府"): the longest part."""
    if not page_title:
        return None
    return max(re.split(r"\s+[-_|–—]+\s+|_", page_title), key=len).strip() or None


def _label(name: str, *texts: str) -> re.Match[str] | None:
    for text in texts:
        if text and (m := _LABEL[name].search(text)):
            return m
    return None


def _region_from_text(text: str) -> Place:
    """The jurisdiction a document speaks for when no title or issuer names it: the place it names
    in 中共…/《…/“… at the level it speaks as (我市 … 《东营市…》), or else the one division of that
    level it names at all (全省 … 山东省)."""
    counts = Counter(m.group(1) for m in _NAMED_IN_TEXT.finditer(text) if place_of(m.group(1)).region)
    spoken = Counter({level: len(pattern.findall(text)) for level, pattern in _SELF_REFERENCE.items()})
    self_level = spoken.most_common(1)[0][0] if spoken.most_common(1)[0][1] else None
    if self_level:
        if ranked := [name for name, _ in counts.most_common() if name.endswith(self_level)]:
            return place_of(ranked[0])
        # 我区 in an autonomous region's text is the region itself, not one of its districts
        named = {m.group() for m in named_divisions(self_level).finditer(text)} if not (self_level == "区" and "自治区" in text) else set()
        if len(named) == 1:
            return place_of(named.pop())
    return place_of(counts.most_common(1)[0][0]) if counts else Place()


def _issuer(text: str, title: str | None, notice_title: str | None, context: PageContext, lead: str, place: Place) -> tuple[str | None, str | None]:
    """``(issuer, note)``; the note explains an issuer that was inferred rather than read."""
    if m := _label("issuer", context.head):
        return m.group(1), None
    if context.html_meta.get("issuer"):
        return context.html_meta["issuer"], None
    unplaced = None  # 市工业和信息化局关于印发…: a signer named without its place, if nothing better
    for heading in (notice_title, title):
        m = _ISSUER_IN_TITLE.match(heading) if heading else None
        # a joint document names its signers one after another: the first signs for all
        signers = re.split(r"[\s、，,]+", heading.strip()) if heading else []
        first = signers[0] if len(signers) > 1 else ""
        if m is None and first and re.search(r"关于|印发", heading):
            m = _ORG_LINE.match(first)
        if m and m.group(1)[0] in _LEVEL_MARKS and place_of(m.group(1)).region is None:
            unplaced = unplaced or m.group(1)
        elif m:
            return m.group(1), None
    if title and lead and (m := re.search(rf"({_HAN}{{2,20}}?(?:等[\d一二三四五六七八九十]+个?部门)?)(?:联合)?印发《{re.escape(title)}》", lead)):
        return m.group(1), None
    if m := _SPEAKS_FOR.search(text[:3000]):
        speaker = m.group(1)
        if speaker == "国务院" or place_of(speaker).region:
            return speaker, None
        own = _OWN_GOVERNMENT.match(speaker)
        level = own.group(1) if own else speaker[0]
        head_org = re.search(rf"({_HAN}{{2,12}}?{level}人民政府)", text[:600])
        if head_org and place_of(head_org.group(1)).region:
            return head_org.group(1), None
        if place.region and place.region.endswith(level):
            return place.region + "人民政府", None
        return None, f"the report speaks for {speaker} without naming the place"
    for signature in (*_ORG_LINE.finditer(text[:1500]), *_ORG_LINE.finditer(text[-300:])):
        if place_of(signature.group(1)).region:  # an organisation line names its jurisdiction
            return signature.group(1), None
    if m := _FOOTER.search(text[-400:]):
        return m.group(1), None
    return unplaced, None


def _doc_type(title: str | None, text: str, annex: bool) -> str:
    if title and annex:  # an annex names its parent in 《》 (《政府工作报告》有关内容名词注释): not its own type
        title = re.sub(r"《[^》]*》", "", title)
    if title:
        for name, pattern in _DOC_TYPES:
            if pattern.search(title):
                return name
    if _SPEAKS_FOR.search(text[:1500]):
        return "work_report"
    if len(_PROGRESS_BODY.findall(text)) >= 3 and "牵头" in text:
        return "progress_report"
    if m := _SELF_NAMED.search(text[:3000]):
        return _TYPE_WORDS[m.group(1)]
    return "other"


def _period(text: str, year: int | None) -> str | None:
    ends = Counter()
    for m in _PERIOD.finditer(text):
        month = _QUARTER_END[m.group(3)] if m.group(3) else _cn_number(m.group(1) or m.group(2))
        if 1 <= month <= 12:
            ends[month] += 1
    if not ends or year is None:
        return None
    month = ends.most_common(1)[0][0]
    return f"{year}-01/{year}-{month:02d}"


def _year(title: str | None, doc_type: str, issued_on: str | None, text: str) -> tuple[int | None, str | None]:
    if title and (m := _YEAR.search(title)):
        return int(m.group(1)), None
    if doc_type == "work_report":
        if issued_on:
            return int(issued_on[:4]), None
        if m := _YEAR_PLAN.search(text):
            return int(m.group(1) or m.group(2)), None
        review = [int(y) for y in _YEAR.findall(text[: max(len(text) // 5, 1)])]
        if review:
            return max(review) + 1, "inferred as the year after the last year the review part reports on"
    if doc_type == "progress_report":
        years = Counter(int(y) for y in _YEAR.findall(text))
        if years:
            return years.most_common(1)[0][0], None
    if issued_on and doc_type in ("key_tasks", "action_plan", "notice"):
        return int(issued_on[:4]), None
    return None, None


def document_metadata(
    text: str, title: str | None, notice_title: str | None, context: PageContext, lead: str, source_path: str,
    parent: tuple[int, DocumentMetadata] | None = None,
) -> tuple[DocumentMetadata, list[TextWarning]]:
    """Metadata of one document and the warnings about what could not be found.

    ``parent`` is ``(part, metadata)`` of the document an annex belongs to: the annex keeps its own
    title and type, and takes the parent's issuer, date and place where it names none of its own.

    Examples
    --------
    >>> meta, _ = document_metadata("各位代表：\\n现在，我代表国务院，向大会报告政府工作。", None, None, PageContext(), "", "x.txt")
    >>> meta.issuer, meta.level, meta.doc_type
    ('国务院', 'national', 'work_report')
    """
    warnings: list[TextWarning] = []
    head = text[:800]
    if labelled := _label("title", context.head):  # the page's own title line, when the text has none
        value = labelled.group(1)
        issued = _ISSUES.search(value)
        notice_title = notice_title or (value if issued else None)
        title = title or (issued.group(1).strip("《》") if issued else value)
    title = title or context.html_meta.get("title") or _page_title(context.html_meta.get("page_title"))
    doc_type = _doc_type(title, text, parent is not None)
    place = Place()
    for name in (title, notice_title):
        if name and (place := place_of(name)).region:
            break
    if not place.region:
        # the head line names the place as the seat of a government or congress: read it as such
        place = next((p for m in _PLACE_IN_HEAD.finditer(head) if (p := place_of((m.group(1) or m.group(2)) + "人民政府")).region), Place())
    issuer, issuer_note = _issuer(text, title, notice_title, context, lead, place)
    if issuer and (issuer_place := place_of(issuer)).region:
        place = issuer_place if not place.region or issuer_place.level == "national" else place
    if not place.region and parent is not None:
        above = parent[1]
        place = Place(above.region, above.level, above.province, above.city, above.county, above.region_code, above.parent_region_code)
    if not place.region and (place := _region_from_text(text)).region:
        warnings.append(TextWarning("region-inferred", f"{source_path}: region {place.region} inferred from the places the text names (no title, issuer or heading names one)"))
    if issuer_note and issuer:
        warnings.append(TextWarning("issuer-inferred", f"{source_path}: issuer {issuer} {issuer_note}"))
    elif issuer_note:
        warnings.append(TextWarning("missing-issuer", f"{source_path}: {issuer_note}"))

    issued = _label("issued_on", context.head)
    issued_on = _iso(issued) if issued else None
    if issued_on is None and (m := _REPORT_DATE.search(head)):
        issued_on = _iso(m)
    if issued_on is None:
        tail_dates = list(re.finditer(rf"^\s*[（(]?(?:{_NUM_DATE}|{_CN_DATE})[）)]?\s*$", text[:1500] + "\n" + text[-200:], re.M))
        issued_on = _iso(tail_dates[0]) if tail_dates else None
    if issued_on is None and (m := _FOOTER.search(text[-400:])):
        issued_on = _iso(_DATE.search(m.group(0), m.end(1) - m.start()))
    published = _label("published_on", context.head)
    published_on = _iso(published) if published else None
    if published_on is None and (pub := context.html_meta.get("published_on")) and (m := _DATE.search(pub)):
        published_on = _iso(m)
    number = _label("doc_number", context.head)
    doc_number = number.group(1) if number else None
    if doc_number is None and (m := _DOC_NUMBER.search(text[:1500])):
        doc_number = re.sub(r"\s+", "", m.group(1))
    year, year_note = _year(title, doc_type, issued_on, text)
    if year_note:
        warnings.append(TextWarning("year-inferred", f"{source_path}: year {year} {year_note}"))
    meta = DocumentMetadata(
        title=title,
        issuer=issuer,
        doc_number=doc_number,
        issued_on=issued_on,
        published_on=published_on,
        level=place.level,
        region=place.region,
        province=place.province,
        city=place.city,
        county=place.county,
        region_code=place.region_code,
        parent_region_code=place.parent_region_code,
        doc_type=doc_type,
        period=_period(text, year) if doc_type == "progress_report" else None,
        year=year,
    )
    if parent is not None:
        part, above = parent
        meta = replace(meta, annex_of=part, issuer=above.issuer or meta.issuer, issued_on=meta.issued_on or above.issued_on,
                       year=meta.year or above.year)
    required = ["title", "issuer", "doc_number", "issued_on", "level", "region", "year"]
    if doc_type == "progress_report":
        required.append("period")
    if place.region and place.region_code is None and (settled := settle_in(place, text)).region_code:
        place = settled
        meta = replace(meta, region_code=place.region_code, parent_region_code=place.parent_region_code,
                       province=meta.province or place.province, city=meta.city or place.city)
    if place.region and place.region_code is None:
        warnings.append(TextWarning("missing-region_code", f"{source_path}: no GB/T 2260 code for {place.region}: {place.code_note}"))
    reported = {w.code for w in warnings}
    for name in required:
        if getattr(meta, name) is None and f"missing-{name}" not in reported:
            warnings.append(TextWarning(f"missing-{name}", f"{source_path}: no {name.replace('_', ' ')} found in the text"))
    if len(text) > 200 and text.rstrip()[-1:] not in _TERMINAL:
        warnings.append(TextWarning("suspected-truncation", f"{source_path}: the document ends mid-sentence: …{text.rstrip()[-20:]}"))
    return meta, warnings
