"""Unit mentions: split a list of department names as written into single names with exact spans.

Scraped lists use every separator (、，, ；; spaces, 和/及/与) and sometimes lose them altogether, so
names run together (工业和信息化局化工产业园管理服务中心). Names are split where one name ends with a
unit head (局, 委, 中心, 政府 …) and a plausible name starts; the lexicon below also keeps real names
whole (发展和改革委员会, 县委宣传部, 市生态环境局成武分局, 人行成武分行, 国务院国资委, 驻委纪检监察组),
with a second name in parentheses (市委编办（市委机构编制委员会办公室）, 省发展改革委〔省营商办〕).
Collectives (各县（市、区）人民政府, 国务院各有关部门) are one placeholder mention each.

Names of known bodies (``government_bodies.tsv``: 市文化广电旅游局, 河北银保监局 …) are never cut inside.
A shared head is recorded, not written in: in 黄埔区、天河区人民政府 the first mention is 黄埔区 with its
exact span (mentions are always the text as written) and ``shared_head`` 人民政府, so ``name`` reads
黄埔区人民政府; the unit registry reads a bare place in a list as that place's government. A parenthesis
naming a person after a unit (县财政局（局长张三）) is left out of the mention; persons (副县长张三) are
no units.
"""
from __future__ import annotations

import re
from bisect import insort
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from . import _sieve as sieve
from ._lexicon import BODY_NAMES, CONJUNCTIONS, FUNCTION_STEMS, alternation, lexicon_words, of_kind


# Endings that close a unit name (unit_heads.tsv). Strong heads end a name wherever they stand; weak
# ones (乡, 部, 站 …) also occur inside names (住房城乡建设局), so a cut after them needs a clear next name.
_STRONG_HEADS = of_kind("unit_heads", "strong", "strength")
_WEAK_HEADS = of_kind("unit_heads", "weak", "strength")
UNIT_HEADS = tuple(sorted(_STRONG_HEADS + _WEAK_HEADS, key=len, reverse=True))
# The heads by their last character: where a list split tries every offset, it tests the few heads that
# can end there, not all of them.
_HEADS_BY_LAST = lexicon.by_char(UNIT_HEADS, -1)
_HEAD_END = re.compile("[" + re.escape("".join(_HEADS_BY_LAST)) + "]")  # "" (no head ends there) adds nothing
_STRONG_BY_LAST, _WEAK_BY_LAST = lexicon.by_char(_STRONG_HEADS, -1), lexicon.by_char(_WEAK_HEADS, -1)


def _ends_with(name: str, by_last: dict[str, tuple[str, ...]]) -> bool:
    """``name.endswith(words)`` for the words ``by_last`` groups by their last character (lexicon.by_char at -1):
    only those ending with the name's last character are tried (endswith over all 86 heads costs ~7.6 k
    instructions)."""
    return name.endswith(by_last.get(name[-1:], ()))


# A name may not start with these: they continue the name before them (县委|宣传部, 政府|办公室).
_CONTINUATIONS = of_kind("unit_name_words", "continuation")
# A branch named after its place belongs to the name before it (市生态环境局|成武分局).
_BRANCH = re.compile(r"^[\u4e00-\u9fff]{1,4}" + alternation(of_kind("unit_name_words", "branch")))
_SQUAD = re.compile(alternation(of_kind("unit_name_words", "squad")) + "$")
_SEPARATORS = "、，,；;/ \u3000\t"
# Function words (function_words.tsv): 和/及/与 join two names, 以及 as 及 does; 等 closes a list.
_LONG_CONJUNCTIONS = of_kind("function_words", "long_conjunction")
_LONG_BY_LAST = lexicon.by_char(_LONG_CONJUNCTIONS, -1)
ETC = "".join(of_kind("function_words", "etc"))  # the word closing a list (等), one character; _clauses reads it too
_ATTRIBUTIVE = of_kind("function_words", "attributive")
# Level marks that open a unit name (县财政局; level_marks.tsv) and the grammar words of collectives
# (各, 各级, 直, 全: unit_collectives.tsv).
_MARKS = "".join(row["mark"] for row in lexicon.table("level_marks").rows if "unit_mark" in row["kinds"].split("|"))
_EACH = "".join(of_kind("unit_collectives", "each"))
_ALL_LEVELS = alternation(of_kind("unit_collectives", "all_levels"))
_DIRECT = "".join(of_kind("unit_collectives", "direct"))
_WHOLE = "".join(of_kind("unit_collectives", "whole"))
_GENERIC_BODIES = of_kind("unit_collectives", "generic")
_DEPARTMENT = "".join(of_kind("unit_collectives", "department"))
# Collective mentions (unit_collectives.tsv): 各…, optionally after the body or area they belong to
# (国务院各有关部门, 市直各部门, 沿线各乡镇人民政府, 地方各级人民政府). The branches anchored at the start
# of a name are tried there only (a search tries each branch at every character), those anchored at its end
# only when its last character can end one.
_PLACEHOLDER_START = re.compile(
    rf"^(?:{alternation(of_kind('unit_collectives', 'owner'))}"
    rf"|[{_MARKS}{''.join(of_kind('unit_collectives', 'collective_mark'))}]{{1,2}}{alternation(of_kind('unit_collectives', 'mark_owner'))}?"
    rf"|{_WHOLE}[{_MARKS}])?{_DIRECT}?{_EACH}"
    rf"|^{alternation(of_kind('unit_collectives', 'level_owner'))}?{_ALL_LEVELS}"
    rf"|^(?:{alternation(of_kind('unit_collectives', 'owner'))}|[{_MARKS}])?{_DIRECT}?{alternation(of_kind('unit_collectives', 'qualifier'))}"
    rf"|^[{_MARKS}]?{_DIRECT}?{alternation(of_kind('unit_collectives', 'bare'))}$"
)
_PLACEHOLDER_END = re.compile(
    rf"{alternation(of_kind('unit_collectives', 'ending'))}$"
    rf"|{alternation(of_kind('unit_collectives', 'task_force'))}{alternation(of_kind('unit_collectives', 'force_role'))}$"
)
_PLACEHOLDER_ENDS = sieve.end_gate(_PLACEHOLDER_END)
# What a start branch's match holds: 各 (or 各级), a qualifier (有关 …), or a bare body ending the name (部门$). Most
# names hold none, and one search of the words, or a test of the last character, spares the costlier match.
_PLACEHOLDER_WORD = re.compile(alternation((_EACH, *of_kind("unit_collectives", "all_levels"),
                                            *of_kind("unit_collectives", "qualifier"))))
_BARE_ENDS = sieve.end_gate(re.compile(alternation(of_kind("unit_collectives", "bare")) + "$"))
# Words that end like a unit but name none (全部, 西部, 干部 …).
_NOT_UNITS = of_kind("unit_name_words", "not_unit")
_COLLECTIVE_BODY = re.compile(alternation(of_kind("unit_collectives", "body")))
_COLLECTIVE_END = re.compile(alternation(of_kind("unit_collectives", "body")) + "$")
# After the first body word of a collective only more bodies may follow (各有关部门和单位, 各县区政府),
# not a predicate (有关部门制定实施方案).
_COLLECTIVE_TAIL = re.compile(rf"(?:[{CONJUNCTIONS}、]?{alternation(of_kind('unit_collectives', 'body'))}|[（(][^（()）]*[)）])*$")
# Verbs that open a clause, not a name (鼓励科研院所牵头, 推动有效市场和有为政府协同).
_VERB_STARTS = of_kind("unit_name_words", "verb_start")
_VERBS_INSIDE = of_kind("unit_name_words", "verb_inside")
# A bare jurisdiction type before 、 is half of one collective name: 各区、市政府, 各县、市、区人民政府.
_JURISDICTION_STUB = re.compile(
    rf"^(?:{_EACH}{alternation(of_kind('unit_collectives', 'qualifier'))}?)?{alternation(of_kind('unit_collectives', 'stub'))}$"
)
# What completes such a stub: the next jurisdiction type and its body (区人民政府), not 市直各部门.
_STUB_END = re.compile(rf"^{alternation(of_kind('unit_collectives', 'stub_end'))}(?![{_DIRECT}{_EACH}])")
# Parentheses around a second name or a note (市委编办（…）, 省发展改革委〔…〕); the clause reader shares them.
OPENING, CLOSING = "（(〔", "）)〕"
# The shortest function stem read as a name whose head the scrape lost.
_LOST_HEAD_STEM = 4
# Jurisdiction prefixes that open a unit name (县财政局, 镇财政所, 街道综治中心).
_JURISDICTIONS = of_kind("unit_name_words", "jurisdiction")
# Words whose second character opens names too (区, 市, 镇, 乡): no cut inside them (社区建设科, 城市管理科).
_WORDS_ACROSS = frozenset(of_kind("unit_name_words", "word_across"))
# Words that make a 部门 a kind of department (行业主管部门, 市场监管部门 …) rather than a verb's object.
_SECTOR_ROLES = of_kind("unit_name_words", "sector_role")
# Words of _organ_of and looks_like_unit (unit_name_words.tsv: see the kinds there).
_MINISTRY_ENDS = of_kind("unit_name_words", "ministry_end")
_ORGAN_HEADS = of_kind("unit_name_words", "organ_head")
_COMMITTEE = "".join(of_kind("unit_name_words", "committee"))
_COMMITTEE_OWNERS = "".join(of_kind("unit_name_words", "committee_owner"))
_GOVERNMENT = "".join(of_kind("unit_name_words", "government"))
_STATIONED = of_kind("unit_name_words", "stationed")
_ORGAN_OWNERS = of_kind("unit_name_words", "organ_owner")
_BANK_BRANCHES = of_kind("unit_name_words", "bank_branch")
_BANK_OFFICES = of_kind("unit_name_words", "bank_office")
_NATIONAL_PREFIXES = of_kind("unit_name_words", "national_prefix")
_UNFINISHED = of_kind("unit_name_words", "unfinished")
_OPENINGS = of_kind("unit_name_words", "opening")
# Chinese numerals of a count (等五家单位, 等两家): the digits and 十 of chinese_numerals.tsv.
_COUNT_NUMERALS = "".join(row["char"] for row in lexicon.table("chinese_numerals").rows
                          if row["value"] != "0" and int(row["value"]) <= 10)
# 等, 等部门, 等10个部门, 等五家单位: words that close a list without naming a unit. 等有关部门, 等相关单位
# close it with a collective of their own, the relevant others: a placeholder mention (有关部门).
_ETC_QUALIFIED = (rf"(?P<others>{alternation(of_kind('unit_collectives', 'etc_qualifier'))}"
                  rf"{alternation(of_kind('unit_collectives', 'etc_noun'))}+)")
_ETC_TAIL = re.compile(
    rf"{ETC}(?:[0-9０-９{_COUNT_NUMERALS}]+[{''.join(of_kind('unit_collectives', 'etc_count'))}])?"
    rf"(?:{_ETC_QUALIFIED}|{alternation(of_kind('unit_collectives', 'etc_qualifier'))}?"
    rf"{alternation(of_kind('unit_collectives', 'etc_noun'))}*)$"
)


_ETC_INSIDE = re.compile(_ETC_TAIL.pattern.removesuffix("$") + f"(?:[{CONJUNCTIONS}]|(?=[、，,])|$)")


@dataclass(frozen=True, slots=True)  # slots: a mention is made several times per name read, and slots make it faster
class UnitMention:
    """One unit name as written, with its span in the text."""

    mention: str
    start: int
    end: int
    placeholder: bool
    # A bare place before a name of the same kind of place shares that name's head: in 黄埔区、天河区人民政府
    # the mention 黄埔区 (as written, span of 黄埔区) has shared_head 人民政府 and stands for 黄埔区人民政府.
    shared_head: str = ""

    @property
    def name(self) -> str:
        """The unit the mention stands for: the mention, with the head it shares when it has none."""
        return self.mention + self.shared_head


# A frozen dataclass's __init__ sets each field by object.__setattr__, which looks the slot up through the type each
# time (9.2 k instructions a mention). A mention is filled in as an instance of a class with the same slots and no
# frozen __setattr__ (plain attribute stores), then made a UnitMention: the layouts are the same, so Python allows
# the class to be assigned (4.9 k against 7.2 k for setting the slots through their descriptors).
class _Unfrozen:
    __slots__ = UnitMention.__slots__


_NEW = object.__new__


def _mention(mention: str, start: int, end: int, placeholder: bool, shared_head: str) -> UnitMention:
    """``UnitMention(mention, start, end, placeholder, shared_head)``, filled in unfrozen."""
    unit = _NEW(_Unfrozen)
    unit.mention = mention
    unit.start = start
    unit.end = end
    unit.placeholder = placeholder
    unit.shared_head = shared_head
    unit.__class__ = UnitMention
    return unit


# The memos are module state, cleared per document by find_clauses, not a value passed down with the document.
# Why: what they memoise are the questions other packages ask with no document in hand (is_placeholder,
# ends_with_head, looks_like_unit through extract.units, for the unit registry), asked again inside each other up
# to six calls deep (_split_list -> _split_piece -> _next_cut -> looks_like_unit -> ends_with_head ->
# is_placeholder). Passing a memo would put a parameter on each of them and their callers outside this
# package; it would buy no speed (a hit of a dict memo passed down costs what an lru_cache hit does: 163 vs
# 173 ns measured; 15.5 k memoised calls over the shared corpus). The price of module state: one reader at a
# time per process (extraction runs in worker processes, not threads).
_MEMOS: list = []


def _per_document(function):
    """``function`` memoised while one document is read: its names and lists recur across its tasks and
    clauses. :func:`start_document` forgets them, so no value outlives its document (the bench corpus repeats
    documents, and a memo kept across them would measure the repetition). Over the shared corpus, find_clauses
    costs 1277 M instructions without memos, 930 M with them per document, 891 M kept across documents."""
    memo = lru_cache(maxsize=65536)(function)
    _MEMOS.append(memo)
    return memo


def start_document() -> None:
    """Forget the memos of the document read before (:func:`_per_document`)."""
    for memo in _MEMOS:
        memo.cache_clear()


@_per_document
def is_placeholder(name: str) -> bool:
    """Whether a name is a collective mention naming no single body (各镇街, 县直各单位 …).

    Examples
    --------
    >>> is_placeholder("各区、市政府"), is_placeholder("县科技局")
    (True, False)
    """
    core = _strip_parenthetical(name)
    last = core[-1:]
    return bool((last in _BARE_ENDS or _PLACEHOLDER_WORD.search(core)) and _PLACEHOLDER_START.match(core)
                or last in _PLACEHOLDER_ENDS and _PLACEHOLDER_END.search(core))


# Not memoised: over 300 generated documents 11.5 k of its 13.7 k calls asked a name not asked before in its document,
# and the memo's misses cost more than its hits saved (a test of the last character and a memoised is_placeholder).
def ends_with_head(name: str) -> bool:
    """Whether ``name`` ends with a unit head (局, 委员会, 中心 …) or is a collective mention."""
    core = _strip_parenthetical(name)
    return _ends_with(core, _HEADS_BY_LAST) or is_placeholder(name)


# Characters no unit name holds: a name with one is none (punctuation and the marks of a title).
NAME_BREAKS = "。，,；;：:\"《》"
_NAME_BREAK = re.compile("[" + re.escape(NAME_BREAKS) + "]")
# A break or a quote: a name with neither (most) is tested for both at one search, not two and a call.
_BREAK_OR_QUOTE = re.compile("[" + re.escape(NAME_BREAKS) + "“”]")
# Words that make a stretch a clause wherever they stand in it (的, 会同): one search, not one per word.
_CLAUSE_WORD = re.compile(alternation((*_ATTRIBUTIVE, *_VERBS_INSIDE)))


@_per_document
def looks_like_unit(name: str, strict: bool = False) -> bool:
    """Whether ``name`` reads as a department name: a unit head, a collective, or a bare function stem.

    ``strict`` (for prose subjects) also wants a collective to name bodies (各部门, not 各方) and a
    name ending in a weak head (乡, 站 …) to be long or start with a jurisdiction or a function.

    Examples
    --------
    >>> looks_like_unit("编制部门"), looks_like_unit("发展改革"), looks_like_unit("分管领导")
    (True, True, False)
    """
    if len(name) < 2 or _BREAK_OR_QUOTE.search(name) and (_NAME_BREAK.search(name) or not _quotes_paired(name)):
        return False
    if strict:  # prose: 各方 or 实现城乡 must not read as units
        core = _strip_parenthetical(name)
        # 开展先行先试的…主管部门, 鼓励科研院所: a clause, not a name
        if _CLAUSE_WORD.search(core) or core.startswith(_VERB_STARTS):
            return False
        if is_placeholder(name):  # 各有关部门, 各区县; not 有关部门制定实施方案
            first = _COLLECTIVE_BODY.search(core)
            if not first:
                return False
            if first.group() in _GENERIC_BODIES:
                return bool(_COLLECTIVE_TAIL.match(core, first.end()))
            return bool(_COLLECTIVE_END.search(core)) or _ends_with(core, _HEADS_BY_LAST) or core.endswith(_DEPARTMENT)
        if core.endswith(_NOT_UNITS):
            return False
        if core.endswith(_MINISTRY_ENDS) and len(core) >= 3:  # ministries and party departments: 外交部, 中宣部
            return True
        # 市纪委监委机关, 市直机关; not 实施数字机关. Most names end with no organ head: one endswith tells, not a
        # generator over them.
        if core.endswith(_ORGAN_HEADS):
            organs = next(w for w in _ORGAN_HEADS if core.endswith(w))
            return ends_with_head(core[:-len(organs)]) or core.startswith(_JURISDICTIONS)
        if _ends_with(core, _WEAK_BY_LAST) and not _ends_with(core, _STRONG_BY_LAST):
            return len(core) >= 5 or core.startswith(_JURISDICTIONS) or _stem_prefix(core) > 0
        if core.endswith(_DEPARTMENT) and not _ends_with(core, _HEADS_BY_LAST):  # 财政部门, 行业主管部门; not 健全部门
            sector = core[:-len(_DEPARTMENT)]
            return _stem_prefix(sector) > 0 or sector.startswith(_JURISDICTIONS) or sector.endswith(_SECTOR_ROLES)
    core = name.lstrip(_MARKS)  # 市区, 县市区 alone name no unit
    return ends_with_head(name) or name.endswith(_DEPARTMENT) or bool(core) and _stem_prefix(name) == len(core)


def no_strict_units(text: str, start: int, end: int, glue: str) -> bool:
    """Whether ``text[start:end]`` can be no list of names that all read as units (``strict``), whatever its
    split, when each of its characters must fall in a name or in ``glue``: a test made before the split.

    The last character outside ``glue`` must end the last name (or the words of a 等 closing part of the list):
    a stretch of prose mostly ends with none of the characters a unit name ends with, and is rejected on that
    one look. A character of NAME_BREAKS outside
    ``glue`` spoils the name it falls in, or stands outside every name; so does a one-character attributive (的)
    where no parenthesis could hold it, and a verb of two characters opening the stretch (鼓励, 推动) opens the
    first name (a name has two characters at least).

    >>> no_strict_units("《规划》", 0, 4, "、"), no_strict_units("市科技局、市财政局", 0, 9, "、")
    (True, False)
    >>> no_strict_units("各部门要切实", 0, 6, "、")
    True
    """
    return bool(text[start:end].rstrip(glue)[-1:] not in _STRICT_NAME_ENDS
                or _breaks_in(glue).search(text, start, end) or text.startswith(_SHORT_VERB_STARTS, start, end)
                or _SHORT_ATTRIBUTIVE.search(text, start, end) and not parenthesis_marks().search(text, start, end))


# The characters a name that reads as a unit (``strict``) ends with: the last of a unit head, 部门, a bare
# function stem (its head lost in the scrape), a ministry's or an organ's end, a collective's body, or a
# closing bracket (a trailing parenthetical). None of them is glue (a name could not end its stretch before
# glue otherwise). And the last of the words of a 等 that closes part of a list before a conjunction (X等10个及Y
# ends 市科技局等10个及 too): they name no unit but count as covered (etc_inside).
_STRICT_NAME_ENDS = frozenset(word[-1] for word in (
    *UNIT_HEADS, _DEPARTMENT, *FUNCTION_STEMS, *_MINISTRY_ENDS, *_ORGAN_HEADS, *of_kind("unit_collectives", "body"),
    *of_kind("unit_collectives", "etc_qualifier"), *of_kind("unit_collectives", "etc_noun"),
    *of_kind("unit_collectives", "etc_count"),
)) | frozenset(CLOSING)
_SHORT_VERB_STARTS = tuple(verb for verb in _VERB_STARTS if len(verb) <= 2)
_SHORT_ATTRIBUTIVE = re.compile("[" + re.escape("".join(word for word in _ATTRIBUTIVE if len(word) == 1)) + "]")


@lru_cache(maxsize=8)
def _breaks_in(glue: str) -> re.Pattern:
    """Pattern of the characters of NAME_BREAKS that ``glue`` does not hold."""
    return re.compile("[" + re.escape("".join(c for c in NAME_BREAKS if c not in glue)) + "]")


def _quotes_paired(name: str) -> bool:
    """Quotes inside a name come in pairs (省“十强产业”协调推进机制牵头部门); a lone one cuts a sentence."""
    return name.count("“") == name.count("”") and not name.startswith("”") and not name.endswith("“")


_TRAILING_PARENTHETICAL = re.compile(r"[（(〔][^（()）〔〕]*[)）〕]$")
_CLOSE_MARKS = sieve.end_gate(_TRAILING_PARENTHETICAL)  # what a name must end with for it: a closing bracket


def _strip_parenthetical(name: str) -> str:
    """市发展改革委（市粮食和物资储备局） reads as the name before the parenthesis."""
    # Most names end with no parenthesis: a test of the last character, not a search of every opening one.
    return _TRAILING_PARENTHETICAL.sub("", name) if name[-1:] in _CLOSE_MARKS else name


def _by_opening(words) -> dict[str, tuple[str, ...]]:
    """``words`` (none shorter than two characters) by their first two characters, longest first: most
    offsets of a name open none of them, and one dictionary miss tells it."""
    grouped: dict[str, tuple[str, ...]] = {}
    for word in sorted(words, key=len, reverse=True):
        grouped[word[:2]] = (*grouped.get(word[:2], ()), word)
    return grouped


# The stems a name may open with: one look-up of its first two characters, not a slice and a set look-up for
# each stem length (a slice of Chinese text and its hash cost about 1000 instructions).
_STEMS_BY_OPENING = _by_opening(FUNCTION_STEMS)


# Not memoised: 11.4 k of 12.6 k calls over 300 generated documents asked a name not asked before in its
# document, and the memo's miss cost more than the hits saved (one dict look-up and a few startswith).
def _stem_prefix(name: str) -> int:
    """Length of the longest function stem (发展改革, 财政 …) ``name`` starts with, after 县/市 prefixes."""
    core = name.lstrip(_MARKS)
    for stem in _STEMS_BY_OPENING.get(core[:2], ()):
        if core.startswith(stem):
            return len(stem)
    return 0


def split_outside_parentheses(text: str, start: int, end: int, separators: str = _SEPARATORS) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at ``separators`` outside parentheses; spans of the non-blank pieces."""
    separator = _SEPARATOR_CLASSES.get(separators) or _separator(separators)
    if not separator.search(text, start, end):  # no separator (most values and names): one piece, unless blank
        return [(start, end)] if text[start:end].strip() else []
    segment = text[start:end]
    if not _PARENTHESIS.search(segment):  # most lists hold none: one split, no count kept at each separator
        return _pieces_of(separator.split(segment), start)
    pieces, depth, piece_start = [], 0, start
    for mark in parenthesis_marks(separators).finditer(text, start, end):  # only the characters that matter
        ch, i = mark.group(), mark.start()
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth = max(depth - 1, 0)
        elif depth == 0 and ch in separators:
            pieces.append((piece_start, i))
            piece_start = i + 1
    pieces.append((piece_start, end))
    return [(s, e) for s, e in pieces if text[s:e].strip()]


@lru_cache(maxsize=8)
def parenthesis_marks(others: str = "") -> re.Pattern:
    """Pattern of the parentheses and the characters ``others`` (a list's separators, a value's ends): the
    characters a reader that keeps count of parentheses looks at.

    >>> parenthesis_marks("、").findall("市科技局（牵头）、市财政局")
    ['（', '）', '、']
    """
    return re.compile("[" + re.escape(OPENING + CLOSING + others) + "]")


_PARENTHESIS = parenthesis_marks()


_SEPARATOR_CLASSES: dict[str, re.Pattern] = {}  # looked up for every list and value: a dict, not a call


def _separator(separators: str) -> re.Pattern:
    """Pattern of one of ``separators``, kept in ``_SEPARATOR_CLASSES``."""
    pattern = _SEPARATOR_CLASSES[separators] = re.compile("[" + re.escape(separators) + "]")
    return pattern


def _pieces_of(pieces: list[str], start: int) -> list[tuple[int, int]]:
    """Spans of the non-blank ``pieces`` of a text split at single characters, the text starting at ``start``."""
    spans, pos = [], start
    for piece in pieces:
        if piece.strip():
            spans.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return spans


def _merge_stubs(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join 各区 + 市政府 (one collective written with 、 inside) back together, and a bare level before
    the next one (州、县（市）数据资源主管部门); 各区、市直各部门 stay two."""
    # The first stub of a run opens with 各 or has one character: a list with neither (most) is not walked.
    if _EACH not in text and all(e - s > 1 for s, e in pieces):
        return pieces
    merged: list[tuple[int, int]] = []
    carry: int | None = None
    for k, (s, e) in enumerate(pieces):
        first = s if carry is None else carry
        # A one-character level (州、县…) shares the rest of the name as 各区、市政府 does.
        if ((text[s] == _EACH or carry is not None or e - s == 1) and _JURISDICTION_STUB.match(text[s:e])
                and _STUB_END.match(text[pieces[k + 1][0]:pieces[k + 1][1]].strip() if k + 1 < len(pieces) else "")):
            carry = first
            continue
        carry = None
        merged.append((first, e))
    return merged


def _valid_start(rest: str) -> bool:
    """``rest`` may open a second name: not a continuation, a branch of the name before or a bare head (支行)."""
    # 人行成武支行 opens with its own body: a name, not a branch of the name before it (as 成武分局 is).
    # A name opening with a level mark (县银保监分局) is no place-named branch either.
    branch = bool(_BRANCH.match(rest)) and _stem_prefix(rest) == 0 and not (rest[0] in _MARKS and len(rest) > 3)
    # A continuation (人, 会 …) does not block a rest that opens with a longer function stem (人社局, 人行…),
    # unless the stem is a whole body written out (人民政府, 人民法院 after 浯溪镇 continue the town's name).
    continuation = next((c for c in _CONTINUATIONS if rest.startswith(c)), "")
    stem = _stem_prefix(rest)
    continues = bool(continuation) and (
        stem <= len(continuation) or stem > 2 and _ends_with(rest[:stem], _HEADS_BY_LAST))
    return not continues and not branch and len(rest) >= 2 and rest not in UNIT_HEADS


def _organ_of(left: str, rest: str) -> bool:
    """``rest`` names a body inside ``left``, not a second unit: 县委|党史研究中心, 市政府|国资委,
    县委|县政府信访局 (a joint office), 国家税务总局|成武县税务局, 市公安局|交通警察支队."""
    placeholder_or_place = is_placeholder(rest) or rest.startswith((*_MARKS, _EACH))
    if len(left) == 2 and left.endswith(_COMMITTEE) and left[0] in _MARKS + _COMMITTEE_OWNERS:
        return not placeholder_or_place or rest.startswith(left[0] + _GOVERNMENT)
    if left.startswith(_STATIONED):  # 驻委纪检监察组: the team stationed at a body is one unit
        return True
    if left.endswith(_ORGAN_OWNERS):  # 市政府|国资委, 国务院|国资委, 机关|党委
        return not placeholder_or_place
    if left.endswith(_BANK_BRANCHES) and rest.endswith(_BANK_OFFICES):  # 人民银行济南分行|营业管理部
        return not placeholder_or_place
    if left.startswith(_NATIONAL_PREFIXES):
        return _stem_prefix(rest) == 0
    return left.endswith(_UNFINISHED) or (bool(_SQUAD.search(rest)) and not placeholder_or_place)


def _across(words) -> dict[str, tuple[tuple[str, int], ...]]:
    """``words`` by each pair of characters a cut strictly inside them falls between, with that cut's offset in the
    word: (word, k) under ``word[k - 1:k + 1]``."""
    grouped: dict[str, list[tuple[str, int]]] = {}
    for word in words:
        for k in range(1, len(word)):
            grouped.setdefault(word[k - 1:k + 1], []).append((word, k))
    return {pair: tuple(spanning) for pair, spanning in grouped.items()}


# Body names by the pairs of characters inside them. A long function stem is never cut inside either:
# 银行保险监督管理委员会 holds the head 银行 in its stem.
_BODIES_ACROSS = _across(BODY_NAMES | {stem for stem in FUNCTION_STEMS if len(stem) >= 4})


def _inside_body_name(name: str, cut: int) -> bool:
    """Whether offset ``cut`` (``0 < cut < len(name)``) falls strictly inside the name of a known body (文化广电旅游局,
    银保监局) or a long function stem (银行保险监督管理) in ``name``: no cut is taken there. One look-up of the two
    characters around the cut, not a scan of the name at every offset (most cuts fall inside none). A word that would
    start before the name (``k > cut``) fits in none of the ``len(name) - (k - cut)`` characters a negative start
    leaves (``len(word) > k``): no test of ``k`` is needed."""
    spanning = _BODIES_ACROSS.get(name[cut - 1:cut + 1])
    return bool(spanning) and any(name.startswith(word, cut - k) for word, k in spanning)


def _split_run_together(name: str, stem_end: int | None = None, offsets: list[int] | None = None) -> list[int]:
    """Offsets inside ``name`` where one unit name ends and the next begins; ``stem_end`` and ``offsets``, when
    given, are ``name``'s :func:`_stem_end` and :func:`_cut_offsets` at 0, found already."""
    cuts: list[int] = []
    pos = 0
    while True:
        cut = _next_cut(name, pos, stem_end, offsets)
        if cut is None:
            return cuts
        cuts.append(cut)
        pos, offsets = cut, None


def _cut_offsets(name: str, pos: int, stem_end: int) -> list[int]:
    """The offsets from ``pos + 2`` to ``len(name) - 2`` where ``name[pos:cut]`` ends with a strong unit head or
    a weak one closing more than two characters, and ``stem_end`` among them: _next_cut takes no other (a weak
    head closing two characters is a place), so the others are not tried. Found from the heads' last
    characters, not by testing every offset. Nor the offset where a parenthetical ending ``name`` opens
    (县发展改革委|（牵头）): what follows is no unit and opens none (no name word starts with a bracket), so
    _next_cut never takes it (786 pieces over 300 generated documents offered that one offset alone)."""
    cuts = [m.end() for m in _HEAD_END.finditer(name, pos + 1, len(name) - 2)
            if name.endswith(_STRONG_BY_LAST.get(m.group(), ()), pos, m.end())
            or m.end() - pos > 2 and name.endswith(_WEAK_BY_LAST.get(m.group(), ()), pos, m.end())]
    if pos + 2 <= stem_end < len(name) - 1 and stem_end not in cuts:
        insort(cuts, stem_end)
    # (A name ending with a closing bracket: the pattern's $ matches at its end, not before a final line break.)
    if cuts and name[-1] in CLOSING and (note := _TRAILING_PARENTHETICAL.search(name, pos)) and note.start() in cuts:
        cuts.remove(note.start())
    return cuts


# The stems long enough to stand for a name whose head the scrape lost, by their opening: the longest stem a name
# opens with is one of them exactly when it is long enough, and most names (县科技局) open with none.
_LONG_STEMS_BY_OPENING = _by_opening(stem for stem in FUNCTION_STEMS if len(stem) >= _LOST_HEAD_STEM)


def _stem_end(name: str, pos: int) -> int:
    """Where a head-less stem opening ``name[pos:]`` would end (after its 县/市 prefixes): the one cut not after a
    unit head; -1 when the stem is too short to stand for a name."""
    core = name[pos:].lstrip(_MARKS)
    for stem in _LONG_STEMS_BY_OPENING.get(core[:2], ()):
        if core.startswith(stem):
            return len(name) - len(core) + len(stem)
    return -1


def _next_cut(name: str, pos: int, stem_end: int | None = None, cuts: list[int] | None = None) -> int | None:
    """First offset after ``pos`` where ``name[pos:cut]`` is a whole unit and ``name[cut:]`` starts one (``cuts``,
    when given, the :func:`_cut_offsets` at ``pos`` found with its ``stem_end``)."""
    if cuts is None:
        stem_end = _stem_end(name, pos)
        cuts = _cut_offsets(name, pos, stem_end)
    for cut in cuts:
        if _inside_body_name(name, cut):
            continue  # no cut can be taken here, whatever follows: skip the costly tests of ``rest``
        left, rest = name[pos:cut], name[cut:]
        if left in _JURISDICTIONS or left[-1] + rest[0] in _WORDS_ACROSS:  # 街道|综合执法队, 街道社|区建设科
            continue
        if not _valid_start(rest) or not (looks_like_unit(rest) or starts_unit_name(rest)) or _organ_of(left, rest):
            continue
        # A weak head closing two characters is a place (烟台|市…, 邢台|市…), not a unit.
        if _ends_with(left, _STRONG_BY_LAST) or (
                _ends_with(left, _WEAK_BY_LAST) and len(left) > 2 and starts_unit_name(rest)):
            return cut
        # A bare function stem with its head lost in the scrape: 发展改革|工业和信息化局. A short stem
        # before another is one compound name (卫生应急办公室, 科技教育科).
        if cut == stem_end and starts_unit_name(rest):
            return cut
    return None


@_per_document
def starts_unit_name(rest: str) -> bool:
    """``rest`` begins a unit name: a function stem, a jurisdiction or a collective, and ends as a unit does.

    Examples
    --------
    >>> starts_unit_name("交通警察支队"), starts_unit_name("制定管理办")
    (True, False)
    """
    return (_stem_prefix(rest) > 0 or is_placeholder(rest) or rest.startswith((*_OPENINGS, *_JURISDICTIONS))) and (
        ends_with_head(rest) or _stem_prefix(rest) == len(rest.lstrip(_MARKS)) or rest.endswith(_DEPARTMENT))


_CONJUNCTION = re.compile("[" + re.escape(CONJUNCTIONS) + "]")
# What the name before a conjunction cut must end with for ends_with_head or 部门 (the last character of a unit head,
# of a collective that is_placeholder reads at its end, of 部门, or a closing bracket or line end, after which the
# name is read without its parenthetical), unless it holds a word opening a collective (各, 有关 …): most names before
# a 和 (县发展|和改革局) do neither, and are not asked whether they end with a head or are collectives.
_CONJOINED_ENDS = frozenset(_HEADS_BY_LAST).union(_BARE_ENDS, _PLACEHOLDER_ENDS, _CLOSE_MARKS, _DEPARTMENT[-1:])


def _conjunction_cuts(name: str) -> list[tuple[int, int]]:
    """Spans of 和/及/与/以及 that join two whole units (财政局和税务局), never inside one name."""
    out = []
    for conjunction in _CONJUNCTION.finditer(name, 1, len(name) - 1):  # neither first nor last
        i, ch = conjunction.start(), conjunction.group()
        # 以及 joins as 及 does; no long conjunction ends with 和 or 与: no generator for them
        longs = _LONG_BY_LAST.get(ch)
        long = next((w for w in longs if name.startswith(w, i + 1 - len(w))), "") if longs else ""
        start = i + 1 - len(long) if long and i + 1 - len(long) > 0 else i
        left = name[:start]
        if left[-1] not in _CONJOINED_ENDS and not _PLACEHOLDER_WORD.search(name, 0, start):
            continue
        if (ends_with_head(left) or left.endswith(_DEPARTMENT)) and looks_like_unit(name[i + 1:]):
            out.append((start, i + 1))
    return out


def etc_inside(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of 等(相关)部门 closing part of a list inside it (X、Y等部门及各地区): words that name no unit;
    of ``text[start:end]`` read as a whole (the pattern looks at nothing before ``start``, and its ``$`` ends at ``end``)."""
    return [m.span() for m in _ETC_INSIDE.finditer(text, start, len(text) if end is None else end)]


def split_unit_list(text: str, start: int, end: int) -> list[UnitMention]:
    """Split the unit list ``text[start:end]`` into single unit mentions with exact spans.

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        Span of the list (e.g. the value after 牵头单位:).

    Returns
    -------
    list of UnitMention
        ``text[m.start:m.end] == m.mention`` for every mention.

    Examples
    --------
    >>> s = "工业和信息化局化工产业园管理服务中心、各区、市政府"
    >>> [m.mention for m in split_unit_list(s, 0, len(s))]
    ['工业和信息化局', '化工产业园管理服务中心', '各区、市政府']
    """
    # The memo holds plain fields: a UnitMention costs four times a tuple to build (frozen, each field is set by
    # object.__setattr__), and each is built once, here (by _mention), with its offsets into the text.
    return [_mention(mention, s + start, e + start, placeholder, head)
            for mention, s, e, placeholder, head in _split_list(text[start:end])]


def _etc_as_separators(m: re.Match) -> str:
    """The words of a list-closing 等 as separators, but the relevant others it names (相关部门)."""
    if not m.group("others"):
        return "、" * len(m.group())
    before, after = m.start("others") - m.start(), m.end() - m.end("others")
    return "、" * before + m.group("others") + "、" * after


def shifted(mention: UnitMention, offset: int) -> UnitMention:
    """``mention`` found in a piece of text that starts at ``offset``, with offsets into the whole."""
    return _mention(mention.mention, mention.start + offset, mention.end + offset, mention.placeholder,
                    mention.shared_head)


def cut_to(mention: UnitMention, length: int) -> UnitMention:
    """``mention`` without what follows its first ``length`` characters (a role mark after the name)."""
    return _mention(mention.mention[:length], mention.start, mention.start + length, mention.placeholder,
                    mention.shared_head)


# The fields of a UnitMention (mention, start, end, placeholder, shared_head), offsets into the list read.
_Written = tuple[str, int, int, bool, str]


# What makes a list more than one piece as written: a separator, or a 等 (its words read as separators, a piece is
# trimmed). Most lists (half of those split over 300 generated documents) hold neither and are one piece, whatever
# parentheses they hold, with no stub to merge (a stub merges with a piece after it): one search, not the split.
_LIST_MARKS = _SEPARATORS + ETC  # trim_list's test of each character: joined once, not at each
_LIST_MARK = re.compile("[" + re.escape(_LIST_MARKS) + "]")


@_per_document  # the split reads nothing outside the list, and lists recur across tasks
def _split_list(written: str) -> tuple[_Written, ...]:
    """The units of the list ``written``, offsets relative to it."""
    # 等(10个)部门 inside or at the end of a list (X、Y等部门及各地区) closes its part of the list: its words
    # name no unit, so they read as separators (offsets unchanged); of 等相关部门 only 等 does.
    # A piece starts and ends at a separator, so only a 等 can trim it (see trim_list): a list without one has
    # no piece to trim. Most lists hold none (等 is one character: one look tells), and no pattern is run for them.
    if _LIST_MARK.search(written):
        etc = ETC in written
        segment = _ETC_INSIDE.sub(_etc_as_separators, written) if etc else written
        etc = etc and ETC in segment
        pieces = _merge_stubs(segment, split_outside_parentheses(segment, 0, len(segment)))
    else:  # one piece, kept unless it is blank
        segment, etc = written, False
        pieces = [] if written.isspace() else [(0, len(written))]
    out = []
    persons = bool(_PERSON_TITLE.search(segment))  # a list without a title names no person: one search of it
    for s, e in pieces:
        if etc:
            s, e = trim_list(segment, s, e)
        if e - s < 2:
            continue
        piece = segment[s:e]  # most pieces are one name: piece[0:len(piece)] is the piece itself, no copy
        for cs, ce in _split_piece(piece):
            if persons:
                ce = _without_person(piece[cs:ce], ce)
            name = piece[cs:ce]
            if len(name) >= 2:
                out.append((name, s + cs, s + ce, is_placeholder(name), ""))
    if len(out) > 1:  # a head is shared with a name after: none follows one
        _share_heads(out)
    return tuple(out)


_PLACE_SUFFIXES = of_kind("unit_name_words", "place_suffix")
# A place written bare (黄埔区, 历城区, 章丘市): a name ending in a place suffix, with something before it.
_BARE_PLACE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,6}?(?P<suffix>" + alternation(_PLACE_SUFFIXES) + r"))$")


_DIVISION_NAMES = frozenset(row["name"] for row in lexicon.table("divisions").rows)
_PLACE_OPENING = re.compile(r"[\u4e00-\u9fff]{2,6}?(?P<suffix>" + alternation(_PLACE_SUFFIXES) + ")")
# What a name must be to share a head: end with a place suffix (_BARE_PLACE), or be a division that, with one,
# is in the table (_short_division_head: 济南). (The suffixes read from the lexicon once, not once per division:
# read in the loop, they cost 64 ms of every process's import.)
_PLACE_ENDS = frozenset(suffix[-1] for suffix in _PLACE_SUFFIXES)
_DIVISION_STEMS = frozenset(name[:-len(suffix)] for name in _DIVISION_NAMES
                            for suffix in _PLACE_SUFFIXES if name.endswith(suffix))


def _short_division_head(short: str, following: str) -> str:
    """What a division written without its suffix shares with the next name of its list: 济南 before
    烟台市政府 is 济南 + 市政府 (both 济南市 and 烟台市 in the GB/T 2260 table); "" when nothing."""
    m = _PLACE_OPENING.match(following)
    if not m or m.group() not in _DIVISION_NAMES or short + m.group("suffix") not in _DIVISION_NAMES:
        return ""
    head = m.group("suffix") + following[m.end():]
    return head if ends_with_head(head) and not is_placeholder(head) else ""


def _share_heads(out: list[_Written]) -> None:
    """Give each bare place before a headed name of the same kind of place that name's head, right to left, in
    ``out`` (越秀区、黄埔区、天河区人民政府: all three are district governments; 济南、青岛、烟台市政府: a division
    named without its suffix shares it too)."""
    for k in range(len(out) - 2, -1, -1):
        mention, start, end, placeholder, _ = out[k]
        # Only a name ending as a place does (黄埔区) or a division without its suffix (济南) can share a head: most
        # (县科技局) do neither, and are not asked whether they look like a unit, nor matched as a place.
        if mention[-1] not in _PLACE_ENDS and mention not in _DIVISION_STEMS:
            continue
        following, _, _, following_placeholder, following_head = out[k + 1]
        if placeholder or following_placeholder or looks_like_unit(mention):
            continue
        if shared := _place_head(mention, following, following_head):
            out[k] = (mention, start, end, placeholder, shared)


def _place_head(mention: str, following: str, following_head: str) -> str:
    """The head the bare place ``mention`` shares with the next name of its list (``following``, sharing
    ``following_head`` itself); "" when none."""
    bare = _BARE_PLACE.match(mention)
    if not bare:
        return _short_division_head(mention, following + following_head)
    place = re.match(r"[\u4e00-\u9fff]{2,6}?" + re.escape(bare.group("suffix")), following)
    head = following_head or (following[place.end():] if place else "")
    return head if head and ends_with_head(head) and not is_placeholder(head) else ""


# Titles of persons (局长, 副县长; person_titles.tsv), built once for the three patterns: a list in which
# _PERSON_TITLE finds none holds no note or name that the two after it read.
_PERSON_TITLES = alternation(lexicon_words("person_titles"))
_PERSON_TITLE = re.compile(_PERSON_TITLES)
_PERSON_NOTE = re.compile(rf"[（(][^（()）]*{_PERSON_TITLES}[^（()）]*[)）]$")
_PERSON_AFTER = re.compile(rf"{_PERSON_TITLES}[\u4e00-\u9fff]{{0,4}}$")


def _without_person(name: str, end: int) -> int:
    """End of a mention without the person named after the unit: 县财政局（局长张三） and 县财政局局长张三 are
    县财政局; 县委书记 (a unit of two characters before the title) stays whole and reads as no unit."""
    note = _PERSON_NOTE.search(name) or _PERSON_AFTER.search(name)
    if note and note.start() >= 3 and (note.group()[0] in "（(" or ends_with_head(name[:note.start()])):
        return end - len(note.group())
    return end


def trim_list(text: str, s: int, e: int) -> tuple[int, int]:
    """Span of a unit list without surrounding separators and a closing 等(有关部门)."""
    while s < e and text[s] in _LIST_MARKS:
        s += 1
    while e > s and text[e - 1] in _SEPARATORS:
        e -= 1
    tail = _ETC_TAIL.search(text, s, e)
    # "X、Y等(10个部门)" lists end with words that are not part of Y; 等有关部门 names the others (kept).
    if tail and tail.start() - s >= 2 and not tail.group("others"):
        e = tail.start()
    return s, e


# Where a piece can be cut: at a conjunction (财政局和税务局) or after a unit head (财政局|税务局), the last
# character of which stands before the cut.
_CUT_MARK = re.compile("[" + re.escape(CONJUNCTIONS + "".join(_HEADS_BY_LAST)) + "]")


@_per_document  # the same pieces recur across the tasks of a document
def _split_piece(name: str) -> tuple[tuple[int, int], ...]:
    """Relative spans of the units in one separator-free piece."""
    # Most pieces (县教育局, 德源县发展改革委) offer no cut at all: no conjunction and no unit head's end inside
    # them (one search), and no head-less stem ending inside. They are not tried at each conjunction and offset.
    stem_end = _stem_end(name, 0)
    if not _CUT_MARK.search(name, 1, len(name) - 1) and not 2 <= stem_end < len(name) - 1:
        return ((0, len(name)),)
    # Nor do most of the others (德源县司法局: 司 ends 公司; 县发展和改革局: 和 joins no two units): the offsets a
    # cut could take after a head, found once here and handed to the walk, and a conjunction's.
    offsets = _cut_offsets(name, 0, stem_end)
    if not offsets and not _CONJUNCTION.search(name, 1, len(name) - 1):
        return ((0, len(name)),)
    if is_placeholder(name):
        # 省直有关部门和各设区市人民政府 is two collectives; 各有关部门和单位, 各级党委和政府 are one.
        # A named body after the collective (…直辖市和新疆生产建设兵团) is a mention of its own too.
        cuts = [c for c in _conjunction_cuts(name) if name[c[1]:].startswith((_EACH, *_JURISDICTIONS))
                or len(name) - c[1] >= 4 and ends_with_head(name[c[1]:]) and bool(_COLLECTIVE_END.search(name[:c[0]]))]
        return ((0, cuts[0][0]), (cuts[0][1], len(name))) if cuts else ((0, len(name)),)
    conjunction_cuts = _conjunction_cuts(name)
    if not conjunction_cuts:  # one run, the name itself (no placeholder): its offsets are known
        cuts = _split_run_together(name, stem_end, offsets) if offsets else None
        return _spans_at(name, cuts) if cuts else ((0, len(name)),)  # most take no cut: no bounds zipped
    spans: list[tuple[int, int]] = []
    pos = 0
    for cs, ce in conjunction_cuts:
        spans.append((pos, cs))
        pos = ce
    spans.append((pos, len(name)))
    out = []
    for s, e in spans:
        prev = s
        # A collective after 和/及 (县疾控中心及各乡镇卫生院) is one mention, as it is after a separator.
        for cut in [] if is_placeholder(name[s:e]) else _split_run_together(name[s:e]):
            out.append((prev, s + cut))
            prev = s + cut
        out.append((prev, e))
    return tuple(out)


def _spans_at(name: str, cuts: list[int]) -> tuple[tuple[int, int], ...]:
    """Spans of ``name`` cut at ``cuts`` (ascending)."""
    bounds = [0, *cuts, len(name)]
    return tuple(zip(bounds, bounds[1:]))


def strict_list_ends(glue: str) -> frozenset[str]:
    """The characters a stretch ``text[start:end]`` can end with when, trimmed by :func:`trim_list`, it may hold a
    list of strict unit names (``no_strict_units(text, *trim_list(text, start, end), glue)`` false): the last
    characters of the names and words no_strict_units lets end a list, and what trim_list (separators, a closing
    等, and a line break after that 等: its pattern's ``$`` matches before a final one) or ``glue`` takes off its
    end. A reader may reject a stretch on its last character alone, before it looks for where the stretch starts.

    >>> "局" in strict_list_ends("、"), "要" in strict_list_ends("、")
    (True, False)
    """
    return _STRICT_NAME_ENDS | frozenset(_SEPARATORS + ETC + "\n" + glue)
