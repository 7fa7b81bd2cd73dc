"""Document metadata from the header block, the title, the notice around a plan and body cues.

A field that cannot be read from the text stays ``None`` and a ``missing-<field>`` warning says so.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from .. import lexicon
from ._cues import (CN_DATE, COUNT_CLASS, DATE, HAN, HAO, ISSUES, LABELS, M, NUM_DATE, ONE, ORDINAL, STATE_COUNCIL, Y, alt,
                    cn_number, iso, line_matches, line_pattern, line_search, words)
from ._places import NATIONAL, Place, brand_place, named_divisions, place_of, settle_in
from ._types import DocumentMetadata, TextWarning

_COLON = r"\s*[:：]\s*"
_LABEL = {
    "issuer": re.compile(LABELS["issuer"] + _COLON + r"([^\s•|]+)"),
    "issued_on": re.compile(LABELS["issued_on"] + _COLON + NUM_DATE),
    # a government site's own publication labels only: a forum's 发表于 or an aggregator's 更新日期
    # dates the copy, not the document
    "published_on": re.compile(LABELS["published_on"] + _COLON + NUM_DATE),
    "effective_on": re.compile(LABELS["effective_on"] + _COLON + NUM_DATE),
    "doc_number": re.compile(LABELS["doc_number"] + _COLON + rf"(\S+{HAO})"),
}
# A scraper's or site's title line: 标题：…, 名称：…, 政策名：…
_TITLE_LABEL = line_pattern(r"\s*" + LABELS["title"] + _COLON + r"(\S[^\n]*?)\s*$")
# A 文号 alone on its line, bare or in parentheses (（皖开放办〔2022〕6号）).
_DOC_NUMBER = line_pattern(rf"\s*[（(]?\s*({HAN}{{1,10}}\s*[〔\[［【(（]\s*\d{{4}}\s*[〕\]］】)）]\s*\d{{1,4}}\s*{HAO})\s*[)）]?\s*$")
_ORG_SUFFIX = lexicon.alternation("issuer_suffixes")
_PARTY = lexicon.alternation("name_prefixes")
_ORG_LINE = line_pattern(rf"({_PARTY}?{HAN}{{2,30}}?{_ORG_SUFFIX})$")
_ABOUT, _NOTICE_VERB = alt("document_words", "about"), alt("document_words", "notice")
# Patterns asked per document or per line, compiled once: re's module functions build and look each one up per call.
_ABOUT_OR_NOTICE = re.compile(f"{_ABOUT}|{_NOTICE_VERB}")
_SIGNER_BREAK = re.compile(r"[\s、，,]+")
_WIDE_GAP = re.compile(r"\s{2,}")
_SPACES = re.compile(r"\s+")
_SENTENCE_BREAK = re.compile(r"[。；;\n]")
# 某某局等5部门 (等五个单位): a joint issuer counted after its first signer
_AND_OTHERS = (rf"{alt('document_words', 'et_al')}[\d{COUNT_CLASS[1:-1]}]+{alt('document_words', 'classifier')}?"
               rf"{alt('document_words', 'bodies')}")
# A body's name may quote a programme (推进“三地一区”建设领导小组…办公室); of 某某厅等5部门关于…, the first signs.
_ISSUER_IN_TITLE = re.compile(rf"^({_PARTY}?(?:{HAN}|[“”]){{2,40}}?{_ORG_SUFFIX})(?:{_AND_OTHERS})?(?:{_ABOUT}|{_NOTICE_VERB})")
_LOCAL_GOVERNMENT = alt("report_cues", "government")
_SPEAKS_FOR = re.compile(rf"{alt('report_cues', 'speaker')}({HAN}{{0,16}}?(?:{STATE_COUNCIL}|{_LOCAL_GOVERNMENT}))[，,]?"
                         rf"{alt('report_cues', 'addressed_to')}")
_REPORT_DATE = line_pattern(r"[—\-－─（( ]{0,4}\s*" + f"(?:{NUM_DATE}|{CN_DATE})" + alt("report_cues", "delivered_at"))
_SPOKEN = {row["level"]: row["words"].split("|") for row in lexicon.table("self_reference").rows}
_NATION = next(level for level, row in ((r["level"], r) for r in lexicon.table("self_reference").rows) if not row["divisions"])
_LEVEL_MARKS = "".join(level for level in _SPOKEN if level != _NATION)  # 省市县区: a division name's last character
_LEVEL_SPOKEN = {word: level for level, words in _SPOKEN.items() for word in words}
# All levels' words in one alternation: no word of one level overlaps a word of another (checked by a test), so one
# scan of the text counts each level's words as a scan for that level alone would, at a fifth of the cost.
_SELF_REFERENCE = re.compile(lexicon.alternation_of(_LEVEL_SPOKEN))
_NAMED_IN_TEXT = re.compile(rf"(?:{_PARTY}|《|“)({HAN}{{2,5}}?[{_LEVEL_MARKS}])(?={HAN})")
_PRINTED = alt("document_words", "printed")
# The printing office's line that closes an official document: 山东省人民政府办公厅2020年12月10日印发
_FOOTER = line_pattern(rf"\s*({_PARTY}?{HAN}{{2,30}}?{_ORG_SUFFIX})\s*(?:{NUM_DATE}|{CN_DATE})\s*{_PRINTED}\s*$")
# 自治区人民政府, 市人民政府: the government of the document's own place, named by its level only
_OWN_GOVERNMENT = re.compile(rf"^({lexicon.alternation('place_suffixes', 'suffixes')})({_LOCAL_GOVERNMENT})$")
# Head lines that name the jurisdiction: "利津县县长 张晓彬", "在海拉尔区第十三届人民代表大会".
_HEAD_OF_PLACE = rf"{_PARTY}?({HAN}{{2,16}}?)(?:{_LOCAL_GOVERNMENT}|{alt('report_cues', 'acting_head')}?{alt('report_cues', 'head')})"
_SEAT_OF_CONGRESS = (rf"{alt('report_cues', 'delivered_at')}({HAN}{{2,16}}?){ORDINAL}{COUNT_CLASS}+{alt('report_cues', 'session')}"
                     rf"{alt('report_cues', 'congress')}")
_PLACE_IN_HEAD = re.compile(rf"^{_HEAD_OF_PLACE}|{_SEAT_OF_CONGRESS}", re.M)
# Its matches after the text's start, led by the line break before a head line: a pattern opening with ^ under re.M is
# tried at every character, one whose branches open with a literal is scanned for (neither branch matches a break).
_PLACE_AFTER_BREAK = re.compile(rf"\n{_HEAD_OF_PLACE}|{_SEAT_OF_CONGRESS}")


def _places_in_head(head: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PLACE_IN_HEAD.finditer(head)`` (a match after a line break spans that break too)."""
    first = _PLACE_IN_HEAD.match(head)
    if first:
        yield first
    yield from _PLACE_AFTER_BREAK.finditer(head, first.end() if first else 0)
_YEAR = re.compile(rf"((?:19|20)\d{{2}})\s*{Y}")
_YEAR_PLAN = re.compile(rf"((?:19|20)\d{{2}}){Y}{alt('report_cues', 'year_plan')}")
_RANGE = r"\s*[\-—~–]\s*|\s*" + alt("document_words", "range") + r"\s*"
_FIRST_MONTHS = ("1", ONE)
_QUARTER_END = {row["word"]: int(row["month"]) for row in lexicon.table("report_periods").rows}
_MONTH = rf"(\d{{1,2}}|{COUNT_CLASS}{{1,2}})"
# Month spans (1至4月), 截至4月底 and quarters (上半年): each month branch holds one group, the month (its lastindex).
_PERIOD = re.compile("|".join([*(rf"{first}(?:{_RANGE}){_MONTH}\s*{M}" for first in _FIRST_MONTHS),
                               *(rf"{up_to}\s*{_MONTH}\s*{alt('report_cues', 'month_end')}"
                                 for up_to in lexicon.branches_of(words("report_cues", "up_to"))),
                               *lexicon.branches_of(_QUARTER_END)]))
_DOC_TYPES = tuple(
    (row["doc_type"], row["with_support"] or None,
     re.compile(lexicon.alternation_of(row["words"].split("|")) + ("$" if row["anchor"] == "end" else "")))
    for row in lexicon.table("doc_types").rows
)
_TYPE_WORDS = {word: (row["doc_type"], row["with_support"] or None)
               for row in lexicon.table("doc_types").rows if not row["anchor"] for word in row["words"].split("|")}
_PERFECTIVE = "了"  # 制定了本方案: the aspect particle a self-naming verb may take
# The text naming itself where no title does: 特制定本行动计划, 提出以下意见, 制定以下政策措施
_SELF_NAMED = re.compile(f"{alt('document_words', 'self_naming')}{_PERFECTIVE}?{alt('document_words', 'self_pointer')}"
                         f"{HAN}{{0,2}}?({lexicon.alternation_of(_TYPE_WORDS)})")
_PROGRESS_BODY = re.compile("|".join([*lexicon.branches_of(words("report_cues", "progress")),
                                      *(rf"{first}(?:{_RANGE})\d{{1,2}}\s*{M}" for first in _FIRST_MONTHS)]))
_LEAD = words("report_cues", "lead")[0]
_GOVERNMENT_NAME = words("report_cues", "government")[0]  # 人民政府: how a place's government is named in full
# A lead paragraph naming who issued the title: 某某局等10个部门联合印发《X》 (the title follows); the first signs
_JOINT_ACT = rf"({HAN}{{2,20}}?)(?:{_AND_OTHERS})?(?:{alt('document_words', 'joint')})?{_NOTICE_VERB}《"
# A measure that takes effect on issue (本办法自印发之日起施行): its effective date is its issue date.
_IN_FORCE_ON = {
    kind: re.compile(rf"{alt('document_words', 'since')}{alt('document_words', kind)}{alt('document_words', 'day_of')}"
                     rf"{alt('document_words', 'in_force')}")
    for kind in ("on_issue", "on_publication")
}
# A text grants money where a sentence names a subsidy or an award and an amount (给予最高50万元奖励).
_SUPPORT_WORD = re.compile(lexicon.alternation_of(
    row["word"] for row in lexicon.table("instrument_words").rows if row["kind"] in ("subsidy", "award")))
_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*" + lexicon.alternation_of(words("document_words", "money")))
MIN_SUPPORT = 3  # sentences granting money that make an opinion a set of policy measures
_TERMINAL = set("。！？!?”’\"'）)】》…」")


@dataclass
class PageContext:
    """What the page tells about all of its documents: header labels, HTML meta, dropped lead text."""

    head: str = ""
    html_meta: dict[str, str] = field(default_factory=dict)


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


def _region_from_text(text: str, title: str | None) -> tuple[Place, str | None]:
    """The jurisdiction a document speaks for when no title or issuer names it, and why none when none.

    The text speaks as a level (我市, 全省; 各地区 for the nation). At that level: the place it names in
    中共…/《…/“… (我市 … 《东营市…》), else the one division of that level it names at all (全省 …
    山东省), else the one it names in a brand (“科创济南”, 工赋山东). Failing those, as with no level
    spoken, the place named most in 中共…/《…/“…."""
    named_in_text = _NAMED_IN_TEXT.findall(text)
    places = {name for name in set(named_in_text) if place_of(name).region}  # each name read once
    counts = Counter(name for name in named_in_text if name in places)
    spoken = _spoken(text)
    # the nation only where no division's own words are spoken (a province's text may hand work to 各地区 too)
    if any(n for level, n in spoken.items() if level != _NATION):
        spoken[_NATION] = 0
    self_level = max(spoken, key=spoken.__getitem__)
    if not spoken[self_level]:
        return (place_of(counts.most_common(1)[0][0]), None) if counts else (Place(), None)
    if self_level == _NATION:
        return NATIONAL, None
    if ranked := [name for name, _ in counts.most_common() if name.endswith(self_level)]:
        return place_of(ranked[0]), None
    # 我区 in an autonomous region's text is the region itself, not one of its districts
    regional = any(suffix != self_level and suffix.endswith(self_level) and suffix in text for suffix in words("place_suffixes", "province", "suffixes"))
    named = named_divisions(text, self_level) if not regional else set()
    if len(named) == 1:
        return place_of(named.pop()), None
    if (brand := brand_place(title, text, self_level)).region:
        return brand, None
    if counts:  # a place of another level the text names in 中共…/《…/“…
        return place_of(counts.most_common(1)[0][0]), None
    said = "/".join(w for w in _SPOKEN[self_level] if w in text)
    return Place(), f"the text speaks as {said} but names no {self_level} of its own ({len(named)} named)"


def _spoken(text: str) -> dict[str, int]:
    """How often ``text`` speaks as each level (我省, 全市 …; levels in table order)."""
    spoken = dict.fromkeys(_SPOKEN, 0)
    for word, n in Counter(_SELF_REFERENCE.findall(text)).items():
        spoken[_LEVEL_SPOKEN[word]] += n
    return spoken


_DATE_LINE = line_pattern(rf"\s*[（(]?(?:{NUM_DATE}|{CN_DATE})[）)]?\s*$")
MAX_SIGNERS = 12  # lines of a signature block read upwards from its date


def _signers(text: str) -> list[str]:
    """The bodies that sign a document, first signer first: the name lines right above its closing date
    (国家发展改革委 / 中央网信办 / 工业和信息化部 / 国家能源局 / 2020年12月23日). Spaces inside a name
    (国 家 能 源 局) are a signature's spacing."""
    tail = text[-600:]
    dates = list(_DATE_LINE.at_start.finditer(tail))  # their starts cut the tail: where ^ finds them
    if not dates:
        return []
    signers: list[str] = []
    for line in reversed(tail[:dates[-1].start()].split("\n")[-MAX_SIGNERS:]):
        # several signers on one line stand apart by a wide gap; one spaced name has single spaces
        names = [_SPACES.sub("", part) for part in _WIDE_GAP.split(line.strip()) if part]
        if not names:
            continue
        if len(names) > 1 and not all(map(_signs, names)):
            names = ["".join(names)]
        if not all(map(_signs, names)):
            break
        signers.extend(reversed(names))
    return signers[::-1]


def _signs(name: str) -> bool:
    """True when ``name`` can sign a document: a body's name (issuer suffix) or a national body."""
    return len(name) <= 30 and bool(_ORG_LINE.at_start.fullmatch(name) or place_of(name).level == "national")


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
        signers = _SIGNER_BREAK.split(heading.strip()) if heading else []
        first = signers[0] if len(signers) > 1 else ""
        if m is None and first and _ABOUT_OR_NOTICE.search(heading):
            m = _ORG_LINE.at_start.match(first)
        if m and m.group(1)[0] in _LEVEL_MARKS and place_of(m.group(1)).region is None:
            unplaced = unplaced or m.group(1)
        elif m:
            return m.group(1), None
    if title and lead and (m := re.search(f"{_JOINT_ACT}{re.escape(title)}》", lead)):
        return m.group(1), None
    if m := _SPEAKS_FOR.search(text[:3000]):
        speaker = m.group(1)
        if speaker == STATE_COUNCIL or place_of(speaker).region:
            return speaker, None
        own = _OWN_GOVERNMENT.match(speaker)
        level = own.group(1) if own else speaker[0]
        head_org = re.search(rf"({HAN}{{2,12}}?{level}{_GOVERNMENT_NAME})", text[:600])
        if head_org and place_of(head_org.group(1)).region:
            return head_org.group(1), None
        if place.region and place.region.endswith(level):
            return place.region + _GOVERNMENT_NAME, None
        return None, f"the report speaks for {speaker} without naming the place"
    # an organisation line names its jurisdiction; of a joint signature block, the first signer signs for all
    for name in (*(m.group(1) for m in line_matches(_ORG_LINE, text[:1500])), *_signers(text),
                 *(m.group(1) for m in line_matches(_ORG_LINE, text[-300:]))):
        if place_of(name).region:
            return name, None
    if m := line_search(_FOOTER, text[-400:]):
        return m.group(1), None
    return unplaced, None


def _doc_type(title: str | None, text: str, annex: bool) -> str:
    if title and annex:  # an annex names its parent in 《》 (《政府工作报告》有关内容名词注释): not its own type
        title = re.sub(r"《[^》]*》", "", title)
    if title:
        for name, with_support, pattern in _DOC_TYPES:
            if pattern.search(title):
                return _by_content(name, with_support, text)
    if _SPEAKS_FOR.search(text[:1500]):
        return "work_report"
    if _LEAD in text and len(_PROGRESS_BODY.findall(text)) >= 3:  # the substring test first: it is cheaper
        return "progress_report"
    if m := _SELF_NAMED.search(text[:3000]):
        return _by_content(*_TYPE_WORDS[m.group(1)], text)
    return "other"


def _by_content(doc_type: str, with_support: str | None, text: str) -> str:
    """``with_support`` for a text whose articles grant money (an 意见 of support measures), else ``doc_type``."""
    return with_support if with_support and grants_support(text) else doc_type


def grants_support(text: str) -> bool:
    """True when at least :data:`MIN_SUPPORT` sentences of ``text`` grant money: a subsidy or award word
    and an amount in one sentence (给予最高50万元奖励). Tasks that merely fund (给予财政奖补) do not.

    >>> grants_support("对新认定的企业给予50万元奖励。" * 3), grants_support("择优给予财政奖补。" * 3)
    (True, False)
    """
    sentences = _SENTENCE_BREAK.split(text)
    return sum(1 for s in sentences if _SUPPORT_WORD.search(s) and _AMOUNT.search(s)) >= MIN_SUPPORT


def _period(text: str, year: int | None) -> str | None:
    ends = Counter()
    for m in _PERIOD.finditer(text):
        month = _QUARTER_END[m.group()] if m.lastindex is None else cn_number(m.group(m.lastindex))
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
            return int(m.group(1)), None
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
    if labelled := line_search(_TITLE_LABEL, context.head):  # the page's own title line, when the text has none
        value = labelled.group(1)
        issued = ISSUES.search(value)
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
        place = next((p for m in _places_in_head(head) if (p := place_of((m.group(1) or m.group(2)) + _GOVERNMENT_NAME)).region), Place())
    issuer, issuer_note = _issuer(text, title, notice_title, context, lead, place)
    if issuer and (issuer_place := place_of(issuer)).region:
        place = issuer_place if not place.region or issuer_place.level == "national" else place
    if not place.region and parent is not None:
        above = parent[1]
        place = Place(above.region, above.level, above.province, above.city, above.county, above.region_code, above.parent_region_code)
    if not place.region:
        place, why_not = _region_from_text(text, title)
        if place.region:
            warnings.append(TextWarning("region-inferred", f"{source_path}: region {place.region} inferred from the way the text speaks of its place (no title, issuer or heading names one)"))
        elif why_not:
            warnings += [TextWarning(f"missing-{name}", f"{source_path}: no {name} found: {why_not}") for name in ("region", "level")]
    if issuer_note and issuer:
        warnings.append(TextWarning("issuer-inferred", f"{source_path}: issuer {issuer} {issuer_note}"))
    elif issuer_note:
        warnings.append(TextWarning("missing-issuer", f"{source_path}: {issuer_note}"))

    issued = _label("issued_on", context.head)
    issued_on = iso(issued) if issued else None
    if issued_on is None and (m := line_search(_REPORT_DATE, head)):
        issued_on = iso(m)
    if issued_on is None:
        first_date = line_search(_DATE_LINE, text[:1500] + "\n" + text[-200:])
        issued_on = iso(first_date) if first_date else None
    if issued_on is None and (m := line_search(_FOOTER, text[-400:])):
        issued_on = iso(DATE.search(m.group(0), m.end(1) - m.start()))  # a match may open with its line break
    published = _label("published_on", context.head)
    published_on = iso(published) if published else None
    # 实施日期 on the page and 自印发之日起施行 in the text: the date it took effect is the date it was issued. The label
    # is looked for only when a date is missing (most pages give both): its search led by a class of three scans the head.
    if (issued_on is None or published_on is None) and (effective := _label("effective_on", context.head)):
        for kind, name in (("on_issue", "issued_on"), ("on_publication", "published_on")):
            if (issued_on if name == "issued_on" else published_on) is None and (m := _IN_FORCE_ON[kind].search(text)):
                value = iso(effective)
                issued_on, published_on = (value, published_on) if name == "issued_on" else (issued_on, value)
                warnings.append(TextWarning(f"{name}-inferred", f"{source_path}: {name.replace('_', ' ')} {value} is the page's "
                                                             f"{effective.group().split()[0]} date: the text takes effect {m.group()}"))
    if published_on is None and (pub := context.html_meta.get("published_on")) and (m := DATE.search(pub)):
        published_on = iso(m)
    number = _label("doc_number", context.head)
    doc_number = number.group(1) if number else None
    if doc_number is None and (m := line_search(_DOC_NUMBER, text[:1500])):
        doc_number = _SPACES.sub("", m.group(1))
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
