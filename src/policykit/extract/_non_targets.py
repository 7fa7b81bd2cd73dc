"""Figures a plan states that are not aims: the scope of work on things that exist, the basis of a rate,
a grade label, a rule applied, a bound on another figure's metric, the condition of a payment, a threshold,
an occasion named rather than counted, a count that names a set; the payments of a list that names
its payment at the end, and the cap of a payment.

Each function answers for one figure in its text; the words are data (``lexicon/data/target_frames.tsv``,
with ``hardness.tsv``, ``instrument_words.tsv`` and 的 and 到…年 from ``measure_words.tsv`` and
``measure_patterns.tsv``), what stays here is where they must stand. A figure
framed as an aim (a hardness word, 到2025年, 达到, a comparator word such as 以上 or 左右) stays a target.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from .. import lexicon
from ._numbers import UNIT_ROLES, Quantity, find_quantities
from ._sieve import end_gate, last_chars, opened, places, start_gate
from ._spans import CLAUSE_END, FULL_STOP, LINE_END, MAX_REACH, SENTENCE_END, boundary_after, boundary_before

if TYPE_CHECKING:  # the parsed document holds this module's per-document indexes: imported for the annotations only
    from ._parsed import ParsedDocument

_ROWS = lexicon.table("target_frames").rows
_AIM_YEAR = next(r["pattern"] for r in lexicon.table("measure_patterns").rows if r["name"] == "aim_year")
_DE = next(r["word"] for r in lexicon.table("measure_words").rows if r["role"] == "attributive")


def _role(role: str) -> str:
    return lexicon.alternation_of(r["word"] for r in _ROWS if r["role"] == role)


_WORKING_VERB = re.compile(_role("working_verb"))
_OUTCOME_TAIL = re.compile(_role("outcome_noun") + _role("list_tail") + "?$")  # 40项专项、80项研发和…: a list item
# A frame: its words, the hardness words, or a year the figure is for (到2025年).
# Searched over the clause or sentence of each figure; their branches give the regex engine no first character
# to scan for, so they are led by the class of their first characters (see _sieve.opened).
_FRAME = opened(re.compile(_role("frame") + "|" + lexicon.alternation("hardness") + "|" + _AIM_YEAR))
_AIM = opened(re.compile(lexicon.alternation("hardness") + "|" + _AIM_YEAR))
_BASIS = re.compile(_role("per_word") + _role("basis_verb") + r"?[ \t\u3000]*$")

_BASIS_ENDS = end_gate(_BASIS)
_LABEL_UNITS = frozenset(r["word"] for r in _ROWS if r["role"] == "label_unit")
_RULE_BEFORE = re.compile(_role("rule_before"))
_RULE_AFTER = re.compile(_role("rule_after"))
_WITHIN = re.compile(_role("within") + r"(?=[\u4e00-\u9fff])")
# What the character after a figure must be for the words after it to match there: one look spares the anchored
# try for most figures (the shared corpus: 1 in 40 passes the rule's, 1 in 150 the bound's).
_RULE_AFTER_STARTS, _WITHIN_STARTS = start_gate(_RULE_AFTER), start_gate(_WITHIN)
_LEAD_SPACES, _LEAD_COLONS = " \t\u3000", "：:"
_LEAD = re.compile(_role("threshold_lead") + "(?:" + _role("lead_link") + "|" + _role("copula") + ")?"
                   + f"[{_LEAD_SPACES}]*[{_LEAD_COLONS}]")
# What a lead's words before its spaces and colon end with: a lead word, with a link or a copula after it or not.
_LEAD_ENDINGS = tuple(lead + link for lead in (r["word"] for r in _ROWS if r["role"] == "threshold_lead")
                      for link in ("", *(r["word"] for r in _ROWS if r["role"] in ("lead_link", "copula"))))
_DEFINITION_WORDS = tuple(r["word"] for r in _ROWS if r["role"] == "definition")
_DEFINITION = re.compile(lexicon.alternation_of(_DEFINITION_WORDS))
# A character every definition word holds (指), and where it stands in each: a text is searched for it alone.
_DEFINITION_KEY = min(set.intersection(*map(set, _DEFINITION_WORDS)))
_DEFINITION_AT = tuple((word, word.index(_DEFINITION_KEY)) for word in _DEFINITION_WORDS)
_COPULA = re.compile(_role("copula"))
_A_CLAUSE_END = re.compile("[" + re.escape(CLAUSE_END) + "]")
_A_SENTENCE_END = re.compile("[" + re.escape(SENTENCE_END) + "]")
# The first 的 or stop after a figure, in one scan that ends at whichever comes first (most figures: a stop).
_DE_OR_SENTENCE_END = re.compile("[" + re.escape(_DE + SENTENCE_END) + "]")
_DE_OR_CLAUSE_END = re.compile("[" + re.escape(_DE + CLAUSE_END) + "]")
_LEAD_LINE = re.compile(_LEAD.pattern + r"[ \t\u3000]*$", re.M)  # 应符合下列条件： closing its line
_LIST_REACH = 3000  # characters: how far above its item a list's lead line may stand
_RUN = re.compile(_role("run_word") + "$")
_RUN_ENDS = end_gate(_RUN)
_ORDINALS = frozenset(r["word"] for r in _ROWS if r["role"] == "ordinal_numeral")
_COUNT_UNITS = frozenset(unit for unit, role in UNIT_ROLES.items() if role == "count")
_PATTERNS = {r["name"]: r["pattern"] for r in lexicon.table("measure_patterns").rows}
_LIST_ITEM = re.compile(_PATTERNS["list_item"])  # 、 or 、省级 between the figures of a list
_LIST_ITEM_STARTS = start_gate(_LIST_ITEM)  # one look at the character after a figure (most: 。, no list)
_PAID_AFTER = re.compile(_PATTERNS["subsidy_after"])
# A payment word ends every match of _PAID_AFTER: a clause holding none of their last characters closes no paid list.
_PAYMENT_LAST_CHAR = re.compile("[" + re.escape("".join(sorted(last_chars(_PAID_AFTER)))) + "]")
_MONEY = frozenset(r["word"] for r in _ROWS if r["role"] == "money_unit")
_CAPPING = ("<=", "<")  # the comparators of a cap
_QUOTES = ("“”", "「」", "『』", '""')  # the pairs a name is quoted in
_NAME_REACH = 20  # how far a quoted name reaches past its opening mark
_OPENING_MARKS = "".join(opening for opening, _ in _QUOTES)
_SUPPORT = re.compile(lexicon.alternation_of(
    [r["word"] for r in _ROWS if r["role"] == "support_verb"]
    + [r["word"] for r in lexicon.table("instrument_words").rows if r["kind"] in ("subsidy", "award", "loan", "guarantee")]))


def works_on_existing(text: str, q: Quantity, clause_start: int, next_start: int | None) -> bool:
    """A plain count a working verb governs, with no frame: 抓好550个省重大项目, 推进40项专项、80项….

    The count stays a target when its phrase names a result (推进20个重点区域环境整治) or a frame sets it
    (力争推进40项…); the counted phrase ends at the clause end or at ``next_start``, where the next figure of
    the clause begins (None when none follows).

    >>> from policykit.extract import find_quantities
    >>> text = "抓好550个省重大项目"
    >>> works_on_existing(text, find_quantities(text)[0], 0, None)
    True
    >>> text = "推进20个重点区域环境整治"
    >>> works_on_existing(text, find_quantities(text)[0], 0, None)
    False
    """
    if q.cue is not None or not _WORKING_VERB.search(text, clause_start, q.start):
        return False
    if _FRAME.search(text, clause_start, q.start):
        return False
    # The clause end is read only now, for the few counts a working verb governs.
    clause_end = boundary_after(text, q.end, CLAUSE_END)
    counted = text[q.end:min(clause_end, next_start or clause_end)].rstrip()
    return not _OUTCOME_TAIL.search(counted)


def is_basis(text: str, q: Quantity) -> bool:
    """The figure after 每 is what a rate is per (每5所幼儿园配备…, 每认定1家给予…), not an aim.

    >>> from policykit.extract import find_quantities
    >>> text = "每认定1家给予10万元"
    >>> is_basis(text, find_quantities(text)[0])
    True
    """
    if text[q.start - 1:q.start] not in _BASIS_ENDS:
        return False  # (most figures: one look at the character before the figure)
    return bool(_BASIS.search(text, max(0, q.start - 8), q.start))


def per_basis(text: str, q: Quantity, clause_start: int, earlier: Quantity | None) -> bool:
    """A plain figure after a 每-basis of its clause states a ratio (每5所幼儿园配备1名督学), unless a
    frame sets it as an aim (每千人口执业医师达到3人).

    >>> from policykit.extract import find_quantities
    >>> text = "每5所幼儿园配备1名责任督学"
    >>> basis, q = find_quantities(text)
    >>> per_basis(text, q, 0, basis)
    True
    """
    return (earlier is not None and earlier.start >= clause_start and q.cue is None and is_basis(text, earlier)
            and not _FRAME.search(text, earlier.end, q.start))


def is_label(q: Quantity) -> bool:
    """一类、二类、三类: a figure in a classifier of kinds names a grade, unless a comparator bounds it.

    >>> from policykit.extract import find_quantities
    >>> [is_label(q) for q in find_quantities("修订二类、三类幼儿园建设标准")]
    [True, True]
    """
    return q.cue is None and (q.unit or "") in _LABEL_UNITS


def is_applied_rule(text: str, q: Quantity, clause_start: int) -> bool:
    """A rate a rule applies (可按照不低于50%的比例用于…, 研发费用税前100%加计扣除), not an aim.

    >>> from policykit.extract import find_quantities
    >>> text = "研发费用税前100%加计扣除"
    >>> is_applied_rule(text, find_quantities(text)[0], 0)
    True
    """
    # The words after the figure first: one anchored try, where the words before are searched for in the clause.
    return bool(text[q.end:q.end + 1] in _RULE_AFTER_STARTS and _RULE_AFTER.match(text, q.end)
                and _RULE_BEFORE.search(text, clause_start, q.start))


def bounds_later_metric(text: str, q: Quantity, next_start: int | None) -> bool:
    """A figure bounding the metric of a later figure of its clause (公交与轨道50米内换乘比例达91%).

    >>> from policykit.extract import find_quantities
    >>> text = "公交与轨道50米内换乘比例达91%"
    >>> [bounds_later_metric(text, q, n) for q, n in zip(find_quantities(text), (15, None))]
    [True, False]
    """
    if next_start is None or text[q.end:q.end + 1] not in _WITHIN_STARTS or not _WITHIN.match(text, q.end):
        return False
    return boundary_after(text, q.end, CLAUSE_END) > next_start


def de_follows(text: str, q: Quantity, found: list[int] | None = None) -> bool:
    """Whether a 的 stands after the figure before any stop of its sentence (within ``MAX_REACH``): a figure with none
    is neither the condition of a payment (:func:`is_support_condition`) nor in a clause closing with 的 (``de`` of
    :func:`is_threshold`), so that the reader asks this once for both (most figures: a stop comes first).

    ``found``, kept by a reader for the figures of one text: where the last search began and the 的 or stop it found
    (``[start, at]``), so that a figure ending between them, whose first 的 or stop that is (the next figure of a list:
    2130 of 5084 asked on the shared corpus), is answered without a search.

    >>> from policykit.extract import find_quantities
    >>> [de_follows(t, find_quantities(t)[0]) for t in ("达到2000万元的，给予", "达到2000万元。的")]
    [True, False]
    """
    if text[q.end:q.end + 1] in SENTENCE_END:  # (also the text's end: "" is in every string)
        return False  # a stop right after the figure (most figures): no search
    if found is not None and found[0] <= q.end <= found[1]:
        return text[found[1]] == _DE
    first = _DE_OR_SENTENCE_END.search(text, q.end, q.end + MAX_REACH)
    if first is None:
        return False
    if found is not None:
        found[0], found[1] = q.end, first.start()
    return first.group() == _DE


def is_support_condition(text: str, q: Quantity, sentence_start: int) -> bool:
    """A figure a later payment of its sentence depends on (年销售收入首次达到2000万元的，给予…):
    a threshold, unless the sentence sets an aim before it.

    >>> from policykit.extract import find_quantities
    >>> text = "企业年销售收入首次达到2000万元的，给予最高50万元扶持"
    >>> [is_support_condition(text, q, 0) for q in find_quantities(text)]
    [True, False]
    """
    # The condition's 的 stands before the sentence ends, and most sentences hold none after their figure: the
    # first 的 or stop after it tells, without reading the sentence's end or its payment words.
    first = _DE_OR_SENTENCE_END.search(text, q.end, q.end + MAX_REACH)
    if first is None or first.group() != _DE:
        return False
    # The condition's clause closes after its 的 (the 的 is the first after the figure): a 的 whose clause ends the
    # sentence (or reaches past the reach) closes no condition, whatever pays.
    closing = _A_CLAUSE_END.search(text, first.end(), q.end + MAX_REACH)
    if closing is None or closing.group() in SENTENCE_END:
        return False
    end = boundary_after(text, q.end, SENTENCE_END)
    support = _SUPPORT.search(text, q.end, end)
    if support is None:
        return False
    # The condition closes (…的，) before the clause that pays: 给予不超过投资额30%的补助 is the payment.
    closed = max(text.rfind(stop, q.end, support.start()) for stop in CLAUSE_END)
    if closed == -1 or _DE not in text[q.end:closed]:
        return False
    return not _AIM.search(text, sentence_start, q.start)


def is_threshold(doc: ParsedDocument, q: Quantity, sentence_start: int, de: bool = True) -> bool:
    """A figure that draws the line of who qualifies, not an aim: in a sentence a threshold word leads
    (认定条件如下：年营业收入3000万元以上，…) or in an item of a list such a line leads (应符合下列条件：⏎（一）…),
    in a sentence that defines a term (…是指年营业收入500万元以下的企业), or in a
    clause that closes with 的 before a comma, the condition of what follows (连续三次检查不合格的，取消…),
    unless the 的 ends a judgement on the figure (增长7%左右是必要的，).
    A hardness word or a year the figure is for (到2025年) before it keeps it an aim. ``doc`` is the parsed text
    (its lead lines, outline marks and threshold cues are read once for every figure); ``sentence_start`` is
    where the figure's sentence begins (after the last of ``SENTENCE_END``); ``de`` false tells that no 的 follows the
    figure in its sentence (:func:`de_follows`), so that no clause after it closes with one.

    >>> from policykit.extract import parse
    >>> doc = parse("认定条件如下：年营业收入3000万元以上，研发人员10人以上")
    >>> [is_threshold(doc, q, 0) for q in doc.quantities]
    [True, True]
    >>> doc = parse("营业收入3000万元以上的企业达到10家")
    >>> [is_threshold(doc, q, 0) for q in doc.quantities]
    [False, False]
    """
    # The aim before the figure is searched last, for the few figures a threshold's words stand around.
    return _draws_a_line(doc, q, sentence_start, de) and not _AIM.search(doc.text, sentence_start, q.start)


def _draws_a_line(doc: ParsedDocument, q: Quantity, sentence_start: int, de: bool) -> bool:
    """is_threshold but for the aim before the figure: a definition, a threshold lead, a list under a lead line,
    or a clause closing with 的."""
    text = doc.text
    defines, leads = doc.threshold_cues
    if defines and _DEFINITION.search(text, sentence_start, q.start):
        return True
    # A list of thresholds may run across ；: the lead stands anywhere in the whole sentence. A text with no lead
    # has no lead line either (a lead line is a lead closing its line), so nothing in it is listed under one.
    lead = _LEAD.search(text, boundary_before(text, q.start, FULL_STOP), q.start) if leads else None
    if lead and not _AIM.search(text, lead.end(), q.start) or leads and _listed_under_lead(doc, q.start):
        return True
    return de and _closes_with_de(text, q)


def _closes_with_de(text: str, q: Quantity) -> bool:
    """Whether the clause after the figure closes with 的 before a comma (连续三次检查不合格的，) and no copula
    judges the figure (增长7%左右是必要的，)."""
    # Most clauses after a figure hold no 的: the first 的 or stop after it (within the reach of a clause) tells,
    # without reading the clause's end.
    first = _DE_OR_CLAUSE_END.search(text, q.end, q.end + MAX_REACH)
    if first is None or first.group() != _DE:
        return False
    end = boundary_after(text, q.end, CLAUSE_END)
    closing = text[q.end:end].rstrip()
    return (end < len(text) and text[end] not in SENTENCE_END and closing.endswith(_DE)
            and not _COPULA.search(closing))


def threshold_cues(text: str) -> tuple[bool, bool]:
    """Whether a definition word and a threshold lead stand anywhere in the text (``ParsedDocument.threshold_cues``),
    so that a text holding neither (most) is not searched again for them before every figure. A match inside a window
    of the text is a match in the whole text (neither pattern looks around or anchors).

    >>> threshold_cues("认定条件如下：年营业收入3000万元以上"), threshold_cues("建成实验室20家")
    ((False, True), (False, False))
    """
    return _holds_definition(text), _holds_lead(text)


def _holds_definition(text: str) -> bool:
    """Whether a definition word stands in ``text``: looked for where the one character they all hold stands. A
    search for a word of two or three characters reads the whole text at several times the cost of a search for
    one character (str.find), and 指 is rare (0 in the generated texts, 7 a text in the shared corpus).

    >>> _holds_definition("指导意见"), _holds_definition("本办法所称企业是指"), _holds_definition("指的是")
    (False, True, True)
    """
    for at in places(text, _DEFINITION_KEY):
        for word, offset in _DEFINITION_AT:  # (a start before the text's counts from its end: too few characters left)
            if text.startswith(word, at - offset):
                return True
    return False


def _holds_lead(text: str) -> bool:
    """Whether a threshold lead (``_LEAD``) stands in ``text``: looked for at each colon, by whether the words before
    it (and the spaces right before it) end with a lead word, its link or copula or none. A colon is one character,
    found by str.find at a fraction of the cost of a search for the lead words (in most texts, none: each search
    then reads the whole text), and a text holds few (27 in a generated one).

    >>> _holds_lead("目标：认定标准为："), _holds_lead("目标：标准，条件"), _holds_lead("条件是\u3000 :")
    (True, False, True)
    """
    for colon in _LEAD_COLONS:
        for end in places(text, colon):
            while end and text[end - 1] in _LEAD_SPACES:  # (no lead word ends with a space)
                end -= 1
            if text.endswith(_LEAD_ENDINGS, 0, end):
                return True
    return False


def _listed_under_lead(doc: ParsedDocument, pos: int) -> bool:
    """Whether ``pos`` stands in an outline item of a list whose lead line closes with a threshold word and a
    colon (应符合下列条件：), only items and blank lines between; an item in the style of the lead line's own
    mark (the next 第N条 after 第五条 …条件：) closes the list."""
    # A lead line above the figure's line ends within MAX_REACH + _LIST_REACH before it, where a lead line of
    # the whole text ends (a lead line holds no line end, so a search of any stretch finds the same lines);
    # one the line's reach cuts at ``line`` has no line end before the figure and leads no item.
    text, leads = doc.text, doc.lead_lines
    i = bisect_right(leads.ends, pos - MAX_REACH - _LIST_REACH)
    if i == len(leads.ends) or leads.ends[i] >= pos:
        return False
    line = boundary_before(text, pos, LINE_END)
    lead = leads.nearest(text, max(0, line - _LIST_REACH), line)  # the nearest lead line above
    if lead is None:
        return False
    items = doc.item_styles
    closing = items.get(boundary_before(text, lead.start(), LINE_END))
    first = boundary_after(text, lead.end(), LINE_END) + 1
    if line < first or items.get(line, closing) == closing:
        return False
    return leads.list_end(text, lead, first, closing, items) >= line


class LeadLines:
    """The lead lines of one text (found by one search of the whole text; ``ParsedDocument.lead_lines``) and,
    per lead line, where its list ends: the line end of the first line below it that is neither blank nor an
    item of another style.

    The words of a lead line (条件, 标准, 门槛 …, a colon, spaces) never hold the first character of another
    lead line, so no two overlap: the lead lines inside a stretch are the lead lines of the whole text that
    lie in it, but for one that closes right at a stretch that ends inside a line (where ``$`` matches).

    >>> LeadLines("应符合下列条件：\\n（一）营业收入3000万元以上").ends
    [8]
    """

    def __init__(self, text: str):
        self.matches = list(_LEAD_LINE.finditer(text))
        self.starts = [m.start() for m in self.matches]
        self.ends = [m.end() for m in self.matches]
        self._list_ends: dict[int, float] = {}

    def nearest(self, text: str, start: int, end: int) -> re.Match | None:
        """The last match of ``_LEAD_LINE.finditer(text, start, end)``."""
        if end and text[end - 1] != LINE_END:  # a stretch ending inside a line: search it
            found = None
            for found in _LEAD_LINE.finditer(text, start, end):
                pass
            return found
        i = bisect_right(self.ends, end) - 1
        return self.matches[i] if i >= 0 and self.starts[i] >= start else None

    def list_end(self, text: str, lead: re.Match, first: int, closing: str | None, items: dict[int, str]) -> float:
        """The line end of the first line from ``first`` on that holds words and is no item of a style other than
        ``closing`` (inf if none): a line at or before it lies in the lead's list, one after it does not."""
        found = self._list_ends.get(lead.start())
        if found is None:
            found, at = float("inf"), first
            while (end := text.find(LINE_END, at)) >= 0:
                if text[at:end].strip() and items.get(at, closing) == closing:
                    found = end
                    break
                at = end + 1
            self._list_ends[lead.start()] = found
        return found


def names_occasions(text: str, q: Quantity) -> bool:
    """Occasions a figure names rather than counts: the length of a run (连续两次评估较差, 连续3个记分周期),
    a condition; or 二 alone before a classifier and a word (二次污染, 二次开发), a compound — a count of two
    writes 两 (减少两次转运 stays).

    >>> from policykit.extract import find_quantities
    >>> [names_occasions(t, find_quantities(t)[0]) for t in ("防止二次污染", "连续三次抽检", "减少两次转运")]
    [True, True, False]
    """
    if q.cue is not None:
        return False
    if text[q.start - 1:q.start] in _RUN_ENDS and _RUN.search(text, max(0, q.start - 4), q.start):
        return True
    if q.unit not in _COUNT_UNITS:
        return False
    # The figure is written as an ordinal numeral and its unit: the numeral is what precedes the unit.
    written = text[q.number_start:q.end]
    return (written.endswith(q.unit) and written[:len(written) - len(q.unit)] in _ORDINALS
            and re.match(r"[\u4e00-\u9fff]", text[q.end:q.end + 1]) is not None)


def names_quoted_set(doc: ParsedDocument, q: Quantity) -> bool:
    """A count that is the name of a set the document quotes elsewhere (落实三张清单 after “三张清单”):
    a name, not an amount to reach. ``doc`` is the parsed text (its quote marks are found once for every figure).

    >>> from policykit.extract import parse
    >>> doc = parse("发布“两张清单”。落实两张清单制度，建设两张网络")
    >>> [names_quoted_set(doc, q) for q in doc.quantities]
    [False, True, False]
    """
    if q.cue is not None or q.unit not in _COUNT_UNITS:
        return False
    text = doc.text
    head = text[q.number_start:q.end]
    for at in doc.quote_openings.get(head[0], ()):
        if not text.startswith(head, at + 1):
            continue
        close = text.find(_CLOSING[text[at]], at + 1 + len(head), at + 1 + _NAME_REACH)
        elsewhere = at + 1 != q.number_start
        if elsewhere and close > at + 1 + len(head) and text.startswith(text[at + 1:close], q.number_start):
            return True
    return False


_CLOSING = {opening: closing for opening, closing in _QUOTES}


def quote_openings(text: str) -> dict[str, list[int]]:
    """Where the opening quote marks stand, by the character after the mark (``ParsedDocument.quote_openings``):
    one pass over the text instead of a search of the whole text per counted figure, and one look-up per figure
    for all the marks.

    >>> quote_openings("发布“两张清单”和「三个」")
    {'两': [2], '三': [9]}
    """
    # The marks found by str.find, not by the engine's test of every character; a mark is one character, so where it
    # stands is all there is to know (no match object is made for it).
    found: dict[str, list[int]] = {}
    for at in sorted(at for mark in _OPENING_MARKS for at in places(text, mark)):
        found.setdefault(text[at + 1:at + 2], []).append(at)
    return found


def heads_a_paid_list(text: str, q: Quantity) -> bool:
    """A figure that opens a list whose last figure the payment word follows (国家级300万元、省级80万元的奖励,
    每名初级工500元、中级工800元的标准给予补贴): every figure of the list is paid.

    >>> from policykit.extract import find_quantities
    >>> text = "分别给予国家级300万元、省级80万元的奖励"
    >>> [heads_a_paid_list(text, q) for q in find_quantities(text)]
    [True, False]
    >>> text = "给予一等奖20万元和二等奖10万元的奖励"
    >>> [heads_a_paid_list(text, q) for q in find_quantities(text)]
    [True, False]
    """
    if text[q.end:q.end + 1] not in _LIST_ITEM_STARTS or not _LIST_ITEM.match(text, q.end):
        return False  # no list follows (and no need to read the rest of the clause)
    end = boundary_after(text, q.end, CLAUSE_END)
    if not _PAYMENT_LAST_CHAR.search(text, q.end, end):
        return False  # no payment word after the figure (most lists: their figures are not read)
    rest = text[q.end:end]
    at, last = 0, None
    for figure in find_quantities(rest):
        if not _LIST_ITEM.fullmatch(rest, at, figure.start):
            break
        at, last = figure.end, figure
    return last is not None and _PAID_AFTER.match(rest[last.end:]) is not None  # its ^ anchors at 0 only


def caps_a_payment(text: str, q: Quantity) -> bool:
    """A ceiling on money after a payment of its sentence (按投资额的20%给予补助，每家企业不超过50万元): the
    payment's cap, not an aim — unless a hardness word or an aim year stands before it.

    >>> from policykit.extract import find_quantities
    >>> text = "按投资额的20%给予补助，每家企业不超过50万元"
    >>> [caps_a_payment(text, q) for q in find_quantities(text)]
    [False, True]
    """
    if q.comparator not in _CAPPING or q.base_unit not in _MONEY:
        return False
    sentence_start = boundary_before(text, q.start, SENTENCE_END)
    return bool(_SUPPORT.search(text, sentence_start, q.start)) and not _AIM.search(text, sentence_start, q.start)



def is_no_aim(doc: ParsedDocument, q: Quantity, clause_start: int, sentence_start: int, next_start: int | None,
              earlier: Quantity | None, pays, found: list[int] | None = None) -> bool:
    """Whether a rule of this module but :func:`works_on_existing` reads the figure as no aim: a basis after 每 and,
    for a figure no comparator word bounds, a ratio after one, a label, an occasion or a quoted set; a rule applied,
    a bound on a later figure's metric, the condition of a payment (unless ``pays(text, q)``: the figure is itself
    paid), a threshold or the cap of a payment. ``earlier`` is the figure before it, ``next_start`` where the next
    one begins (None: none); ``found``, the last 的 or stop after a figure of the text (see :func:`de_follows`).

    One call for the rules a reader asks of every figure: each rule is called only when the first look it takes
    itself (at the characters beside the figure, at its unit and comparator, at the text's cues) leaves it a yes
    to give. Most figures pass none of those looks, and a call costs more than a look.

    >>> from policykit.extract import parse
    >>> doc = parse("每认定1家给予10万元")
    >>> [is_no_aim(doc, q, 0, 0, None, None, lambda text, q: False) for q in doc.quantities]
    [True, False]
    """
    text, unit, cue = doc.text, q.unit, q.cue
    before, after = text[q.start - 1:q.start], text[q.end:q.end + 1]
    # de: whether a 的 follows before the sentence's stop, asked once for the two rules that need one (a stop right
    # after the figure, as after most, tells no).
    defines, leads = doc.threshold_cues
    return (before in _BASIS_ENDS and is_basis(text, q)
            or cue is None and (earlier is not None and earlier.start >= clause_start
                                and text[earlier.start - 1:earlier.start] in _BASIS_ENDS and per_basis(text, q, clause_start, earlier)
                                or unit in _LABEL_UNITS and is_label(q)
                                or (before in _RUN_ENDS or unit in _COUNT_UNITS) and names_occasions(text, q)
                                or unit in _COUNT_UNITS and names_quoted_set(doc, q))
            or after in _RULE_AFTER_STARTS and is_applied_rule(text, q, clause_start)
            or next_start is not None and after in _WITHIN_STARTS and bounds_later_metric(text, q, next_start)
            or (de := after not in SENTENCE_END and de_follows(text, q, found)) and is_support_condition(text, q, sentence_start)
            and not pays(text, q)
            or (de or defines or leads) and is_threshold(doc, q, sentence_start, de)
            or q.comparator in _CAPPING and q.base_unit in _MONEY and caps_a_payment(text, q))
