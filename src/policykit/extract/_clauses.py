"""Responsibility clauses: who leads, who is responsible, who takes part, with exact spans.

Four shapes are read, each clause kept separately:

* labelled lists, in or out of parentheses: ``(牵头单位:X 参与单位:Y)``, ``（牵头单位：X；责任单位：Y）``,
  ``（责任单位：X（牵头）、Y）``, ``【责任科室】X``, ``（牵头：X；配合：Y）`` — also when the scrape ran label and
  names together (``科技局参与单位:``); a role in parentheses after a name (``X、Y（按职责分工牵头）``) sets it;
* role verbs after unit lists inside parentheses: ``（X牵头，Y配合）``, ``（X负责）``;
* prose: ``由X牵头负责``, ``X会同Y…``, ``X部门负责…；Y部门配合…`` (only when every subject is a unit
  name, so 专班发挥牵头作用 or 对…负领导责任 never fire);
* table rows whose header names 牵头单位 / 配合单位 … columns (TAB-separated cells; the header holds over
  section rows, and a second header row may split 责任单位 into 牵头单位 | 配合单位).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from operator import attrgetter

from .. import lexicon
from . import _sieve as sieve
from ._lexicon import CONJUNCTIONS, alternation, of_kind, role_words
from ._parsed import ParsedDocument, parse
from ._records import AssignmentRecord, TaskRecord, built_at_once
from ._spans import LINE_END, boundary_before
from ._units import (
    CLOSING,
    ETC,
    OPENING,
    UnitMention,
    cut_to,
    etc_inside,
    looks_like_unit,
    no_strict_units,
    parenthesis_marks,
    shifted,
    split_outside_parentheses,
    split_unit_list,
    start_document,
    starts_unit_name,
    strict_list_ends,
    trim_list,
)

# Role words (role_words.tsv): list labels (牵头单位, 【责任科室】), bare verbs as labels with their colon
# (牵头：X；配合：Y), table column headers, and role verbs after the units they assign.
_LABEL_ROLES = role_words("label")
_SHORT_LABEL_ROLES = role_words("short_label")
# A label may stand in brackets (【责任科室】, 〔牵头单位〕); a bracketed label needs no colon. Every branch opens
# with an opening bracket or a label word, whose first characters the scan for labels and verbs (_LABEL_OR_VERB)
# stops at; a short label (牵头, 责任, common in prose) must have its colon. Each label word
# is tried in the order of one alternation of them, longest first. No group: the word is the match without its
# brackets, spaces and colon (_label_role).
_LABEL_BRACKETS = "【〔["
_LABELS_LONGEST_FIRST = sorted(_LABEL_ROLES, key=len, reverse=True)
_LABEL_WORDS = "|".join(map(re.escape, _LABELS_LONGEST_FIRST))


def _by_first_char(branches) -> str:
    """The alternation of ``branches``, (first character, the rest as a pattern) pairs, written grouped by their
    first character in their order: ``a(?:x|y)|b(?:z)`` for ``ax|bz|ay``. At a position only the branches opening
    with the character there can match, and they are tried in the same order: it matches as the flat alternation
    does, but the engine tries one branch for each character it stops at (its test of a branch's first literal,
    ~10 instructions, for every branch: 40 of _LABEL at each 实, 主, 责 … of a text)."""
    grouped: dict[str, list[str]] = {}
    for first, rest in branches:
        grouped.setdefault(first, []).append(rest)
    return "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in grouped.items())


_BRACKETED_LABEL = f"(?:{_LABEL_WORDS})" + r"[】〕\]][ \u3000]*[:：]?"  # after its opening bracket
_WORD_LABELS = [
    *((word[0], re.escape(word[1:]) + r"[ \u3000]*[:：]?") for word in _LABELS_LONGEST_FIRST),
    *((word[0], re.escape(word[1:]) + r"[ \u3000]*[:：]") for word in _SHORT_LABEL_ROLES),
]
# A label: its pattern, as _LABEL_OR_VERB (below) reads it; only that one is compiled.
_LABEL = f"[{re.escape(_LABEL_BRACKETS)}]{_BRACKETED_LABEL}|{_by_first_char(_WORD_LABELS)}"
_LABEL_MARKS = "【〔[]】〕 \u3000:："  # what a match of _LABEL holds besides its word
_LABEL_WORD_ROLES = {**_SHORT_LABEL_ROLES, **_LABEL_ROLES}  # no word is both


def _label_role(found: str) -> str:
    """The role of the text of a match of _LABEL: that of its word."""
    return _LABEL_WORD_ROLES[found.strip(_LABEL_MARKS)]


# Column headers of a responsibility table: every label, and the bare verbs (牵头 / 配合).
_COLUMN_ROLES = {**_LABEL_ROLES, **role_words("column")}
_LABEL_JOINERS = of_kind("role_context_words", "label_joiner")
_VERB_ROLES = role_words("verb")
# The role verbs, longest first, grouped by their last character (a segment can end only with those).
_VERBS_BY_LAST_CHAR = {
    last: tuple(verb for verb in sorted(_VERB_ROLES, key=len, reverse=True) if verb[-1] == last)
    for last in {verb[-1] for verb in _VERB_ROLES}
}
# A role verb that ends a subject (not 负责人, 牵头作用, 参与度, 配合单位 …).
_VERB = (
    "(?:" + _by_first_char((verb[0], re.escape(verb[1:])) for verb in sorted(_VERB_ROLES, key=len, reverse=True)) + ")"
    rf"(?!{alternation(of_kind('role_context_words', 'not_after_verb'))}"
    rf"|(?!{alternation(of_kind('role_context_words', 'system_verb'))}){alternation(of_kind('role_context_words', 'system_word'))})"
)
# Where a label or a role verb starts, found by one scan: the engine tests each character of a text against the
# class of the characters either opens with (~60 instructions a character, the most of each scan), once instead of
# twice. At such a character it steps back to it (a lookbehind of one character) and looks ahead for a label and for
# a verb there, each captured, and fails when neither is; the match itself is that character, so the scan goes on
# from the next one and finds every place where one starts, also inside another (【牵头单位】 at 【 and at 牵).
# _labels_and_verbs keeps of each the matches its own scan would find: a label's or verb's own pattern is never
# compiled (one compile at import, not three).
_OPENERS = "".join(sorted({*_LABEL_BRACKETS, *(word[0] for word in (*_LABEL_ROLES, *_SHORT_LABEL_ROLES, *_VERB_ROLES))}))
_LABEL_OR_VERB = re.compile(
    f"[{re.escape(_OPENERS)}]"
    f"(?<=(?:(?=({_LABEL}))|)(?:(?=({_VERB}))|).)"
    "(?(1)|(?(2)|(?!)))"
)


def _labels_and_verbs(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The spans of the matches of _LABEL and of _VERB a ``finditer`` of each would find in ``text``, by one scan: of
    the places where each matches, those its own scan reaches (a match at or after the end of the one before)."""
    labels: list[tuple[int, int]] = []
    verbs: list[tuple[int, int]] = []
    label_from = verb_from = 0
    for m in _LABEL_OR_VERB.finditer(text):
        (start, _), (_, label_end), (_, verb_end) = m.regs  # a group that did not match: (-1, -1)
        if label_end >= 0 and start >= label_from:
            labels.append((start, label_end))
            label_from = label_end
        if verb_end >= 0 and start >= verb_from:
            verbs.append((start, verb_end))
            verb_from = verb_end
    return labels, verbs


_VALUE_END = "。\n\t】"  # 】 closes a bracketed clause: 【牵头：街道平安办】推进…
_PART_SEPARATORS = "，,；;"
_SUBJECT_BOUNDARY = "。；;，,：:\n\t（(）)"
_SENTENCE_BOUNDARY = "。；;，,：:\n\t"
# Function words (function_words.tsv): conjunctions, 等, 由 (by), 会同 (jointly with), 的, 为/是.
_AGENT = of_kind("function_words", "agent")
_JOINTLY = of_kind("function_words", "jointly")
_ATTRIBUTIVE = of_kind("function_words", "attributive")
_GLUE = "、，,；;" + CONJUNCTIONS + ETC + " \u3000"
_LIST_GLUE = "、 \u3000"
# What a subject (a stretch of unit names and glue, see _subject_units) can end with: one that ends otherwise is
# rejected on that one look, before its start is looked for or it is trimmed.
_SUBJECT_ENDS = strict_list_ends(_GLUE)
# A role written in parentheses after a name in a list: X（牵头）for X alone; （按职责分工牵头）, （分别负责）
# for every name of the list up to it.
_ROLE_MARK = re.compile(
    rf"[（(](?P<shared>{alternation(of_kind('role_context_words', 'shared_mark'))})?(?P<verb>{alternation(role_words('mark'))})[)）]$"
)

_MARK_CLOSES = sieve.end_gate(_ROLE_MARK)  # what a name _ROLE_MARK ends must end with: a closing parenthesis


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    units: tuple[tuple[UnitMention, str], ...]  # (mention, role)


def _clause(start: int, end: int, units: tuple[tuple[UnitMention, str], ...]) -> _Clause:
    """``_Clause(start, end, units)``, its fields written at once (see built_at_once: 4.9 k instructions against
    6.7 k for the frozen ``__init__``; one is built for every clause read)."""
    return built_at_once(_Clause, {"start": start, "end": end, "units": units})


# 列第一位者为牵头部门，下同: from this note on, the first unit of a clause that names no lead leads.
_FIRST_LEADS = re.compile(rf"{alternation(of_kind('role_context_words', 'first_leads'))}"
                          rf"{alternation(of_kind('role_context_words', 'first_leads_filler'))}*"
                          rf"{alternation(of_kind('function_words', 'copula'))}"
                          rf"{alternation(role_words('label'))}")


def _first_leads(clauses: tuple[_Clause, ...], text: str) -> tuple[_Clause, ...]:
    """``clauses`` with the first unit of each that names no lead leading, from a _FIRST_LEADS note on."""
    # The note changes only a clause naming no lead: a text without one (most have no clause at all) is not
    # searched for it. Over the shared corpus the search cost 72 M instructions, most of them in such texts.
    if not any(map(_names_no_lead, clauses)):
        return clauses
    return _led_from_note(clauses, text)


def _names_no_lead(clause: _Clause) -> bool:
    return bool(clause.units) and "lead" not in [role for _, role in clause.units]


def _led_from_note(clauses: tuple[_Clause, ...], text: str) -> tuple[_Clause, ...]:
    """:func:`_first_leads`, searching the text for the note whatever the clauses."""
    note = sieve.search(_FIRST_LEADS, text)  # most texts lack a character the note needs: no search of them
    if note is None:
        return clauses
    since = text.rfind("\n", 0, note.start()) + 1  # the note closes the first clause it covers
    out = []
    for clause in clauses:
        if clause.end > since and _names_no_lead(clause):
            first, *rest = clause.units
            clause = _clause(clause.start, clause.end, ((first[0], "lead"), *rest))
        out.append(clause)
    return tuple(out)


def find_assignments(text: str | ParsedDocument, tasks: tuple[TaskRecord, ...]) -> tuple[AssignmentRecord, ...]:
    """Find responsibility clauses and the units they name, attached to the task they sit in.

    Parameters
    ----------
    text : str or ParsedDocument
        Clean document text, or its parsed value.
    tasks : tuple of TaskRecord
        Tasks from :func:`find_tasks`; a clause belongs to the task whose span holds its start
        (``task_key`` None outside every task). ``clause`` counts clauses within the task.

    Returns
    -------
    tuple of AssignmentRecord
        One record per unit mention, in text order.

    Examples
    --------
    >>> text = "1.建设平台。（市科技局牵头，市财政局、各县区配合）"
    >>> [(a.mention, a.role, a.placeholder) for a in find_assignments(text, ())]
    [('市科技局', 'lead', False), ('市财政局', 'participant', False), ('各县区', 'participant', True)]
    """
    doc = parse(text)
    text = doc.text
    clauses = _first_leads(doc.clauses, text)
    owners = sorted(tasks, key=lambda t: (t.start, -t.end))
    starts = [t.start for t in owners]
    out: list[AssignmentRecord] = []
    counters: dict[str | None, int] = {}
    for clause in clauses:
        owner = _owner(owners, starts, clause.start)
        index = counters.get(owner, 0)
        counters[owner] = index + 1
        for mention, role in clause.units:
            # Built at once (see built_at_once), fields in declared order: one record for every unit named.
            out.append(built_at_once(AssignmentRecord, {
                "task_key": owner, "clause": index, "mention": mention.mention, "role": role,
                "placeholder": mention.placeholder, "start": mention.start, "end": mention.end,
                "clause_start": clause.start, "clause_end": clause.end,
            }))
    return tuple(out)


def _owner(owners: list[TaskRecord], starts: list[int], pos: int) -> str | None:
    """Key of the last of ``owners`` (sorted by start, then by end descending; ``starts`` their starts) whose
    span holds ``pos``: only those starting at or before it are tried, last first (a loop: no generator per clause)."""
    for i in range(bisect_right(starts, pos) - 1, -1, -1):
        if pos < owners[i].end:
            return owners[i].key
    return None


def find_clauses(text: str) -> tuple[_Clause, ...]:
    """All responsibility clauses of a text, without overlaps, in text order; none in a site's record header
    (``ParsedDocument.clauses``: the section tree and the assignments both read them)."""
    start_document()  # the unit memos of the document before serve no other
    header = _record_header(text)
    kept = _Kept()
    labels, verbs = _labels_and_verbs(text)
    for clauses in (_table_clauses(text), _label_clauses(text, labels)):
        kept.add_all(clauses, header)
    # A parenthesis inside a clause kept (（牵头单位：X（牵头）、Y）) adds no clause: whatever it held would overlap
    # that one, and so would a prose clause starting inside it. It is not read.
    kept.add_all(_verb_clauses(text, kept.holds, verbs), header)
    return tuple(sorted(kept.clauses, key=_START))  # a key read in C: no Python call per clause


_START = attrgetter("start")


class _Kept:
    """The clauses kept, none overlapping another, in the order found; a clause overlapping one kept is not kept."""

    def __init__(self) -> None:
        self.clauses: list[_Clause] = []
        # The spans kept overlap none of each other, so sorted by start their ends are sorted too: the one kept
        # span a new one can overlap is the first that ends after its start (a bisection, not a test of each).
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add_all(self, clauses: list[_Clause], header: tuple[int, int]) -> None:
        """Keep each of ``clauses`` that names units, starts outside the ``header`` span and overlaps none kept."""
        for clause in clauses:
            if header[0] <= clause.start < header[1] or not clause.units:
                continue
            i = bisect_right(self.ends, clause.start)
            if i < len(self.starts) and self.starts[i] < clause.end:
                continue
            self.starts.insert(i, clause.start)
            self.ends.insert(i, clause.end)
            self.clauses.append(clause)

    def holds(self, start: int, end: int) -> bool:
        """Whether a clause kept spans ``start`` to ``end``: the last kept to start at or before it would."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end


_FIELD_LINE = re.compile(r"([\u4e00-\u9fff]{2,8})[ \u3000]*[:：][ \u3000]*\S[^\n]*\n?")
# A record header: so many field lines in a row within the first lines of a text.
_HEADER_FIELDS, _HEADER_WITHIN = 3, 3


def _record_header(text: str) -> tuple[int, int]:
    """Span of the record header a policy site puts before a text (文号：…\n实施日期：…\n牵头单位：…\n失效日期：…):
    a run of field lines starting within the first lines, most of whose fields are no role labels. Its
    牵头单位 names the office that filed the record, it assigns no task; (0, 0) when the text has no such header.
    What comes before the run (a task line) is no part of it."""
    pos = 0
    for _ in range(_HEADER_WITHIN):
        fields, end = [], pos
        while m := _FIELD_LINE.match(text, end):
            fields.append(m.group(1))
            end = m.end()
        others = [f for f in fields if f not in _COLUMN_ROLES]
        if len(fields) >= _HEADER_FIELDS and len(others) * 2 > len(fields):
            return pos, end
        following = text.find("\n", pos)
        if following == -1:
            return 0, 0
        pos = following + 1
    return 0, 0


# --- labelled lists -------------------------------------------------------------------------

def _label_clauses(text: str, labels: list[tuple[int, int]] | None = None) -> list[_Clause]:
    """Clauses of labelled lists; ``labels``: the spans of the matches of _LABEL in ``text``, when found already."""
    if labels is None:
        labels = _labels_and_verbs(text)[0]
    # Each label's value stops at the next label.
    stops = [start for start, _ in labels[1:]]
    stops.append(len(text))
    clauses: list[_Clause] = []
    group: list[tuple[str, int, int]] = []  # (role, value start, value end)
    group_start = 0
    for (label_start, label_end), stop in zip(labels, stops):
        found = text[label_start:label_end]
        value = (_label_role(found), label_end, _value_end(text, label_end, stop))
        if group and text[group[-1][2]:label_start].strip(" \u3000;；,，、\n") == "":
            group.append(value)
            continue
        if group:
            clauses.append(_close_label_group(text, group_start, group))
            group = []
        # Without its colon a label only counts where it opens a parenthesis (作为牵头单位 is prose).
        if found.endswith((":", "：")) or found[0] in _LABEL_BRACKETS or _opens_parenthesis(text, label_start):
            group, group_start = [value], label_start
    if group:
        clauses.append(_close_label_group(text, group_start, group))
    return clauses


def _opens_parenthesis(text: str, pos: int) -> bool:
    """Whether an opening parenthesis stands before ``pos``, spaces aside (scanned back, not sliced)."""
    while pos > 0 and text[pos - 1] in " \u3000":
        pos -= 1
    return pos > 0 and text[pos - 1] in OPENING


_VALUE_MARK = parenthesis_marks(_VALUE_END)


def _value_end(text: str, start: int, stop: int) -> int:
    """End of a label's value: the next label, a line end, 。, or a parenthesis closing outside it."""
    # Only the characters that matter are looked at, one search for each: most values hold no parenthesis and end
    # at the first found (no iterator built, no match's text read).
    depth = 0
    while mark := _VALUE_MARK.search(text, start, stop):
        start = mark.start()
        ch = text[start]
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING and depth:
            depth -= 1
        else:  # a parenthesis closing outside the value, or an end
            return start
        start += 1
    return stop


def _close_label_group(text: str, start: int, group: list[tuple[str, int, int]]) -> _Clause:
    end = group[-1][2]
    before = start - 1
    while before >= 0 and text[before] in " \u3000":
        before -= 1
    if before >= 0 and text[before] in OPENING and end < len(text) and text[end] in CLOSING:
        start, end = before, end + 1
    units: list[tuple[UnitMention, str]] = []
    for role, s, e in group:
        units.extend(_role_parts(text, s, e, role))
    return _clause(start, end, tuple(units))


def _role_parts(text: str, start: int, end: int, default_role: str) -> list[tuple[UnitMention, str]]:
    """Mentions of a labelled value; a part ending in a role verb (X牵头，Y配合) takes that role."""
    out: list[tuple[UnitMention, str]] = []
    for s, e in split_outside_parentheses(text, start, end, _PART_SEPARATORS):
        # Most values end with a name (局, 委), which ends no role verb: one look at their last character, no call.
        last = text[e - 1]
        verb = _trailing_verb(text, s, e) if last in _VERBS_BY_LAST_CHAR or last.isspace() else None
        role = _VERB_ROLES[verb] if verb else default_role
        if default_role == "lead" and role == "responsible":  # 牵头单位：X按职责分工负责 — still leads
            role = "lead"
        if verb:
            e -= len(verb)
        elif text[e - 1] in _SPACES and text.find(ETC, s, e) == -1:
            # 牵头单位：X  参与单位：Y: X's list is split without its spaces, to the same units (a split reads them as
            # separators and drops the blank piece after them), as one piece (no separator left) and as the same
            # list written as X elsewhere (the split's memo). Not after a 等: its words close a list only at the end.
            while text[e - 1] in _SPACES:
                e -= 1
        out.extend(_with_marks(split_unit_list(text, s, e), role, units_only=True))
    return out


_SPACES = " \u3000"  # list separators (_units) a labelled value may end with before the next label


def _with_marks(mentions: tuple[UnitMention, ...] | list[UnitMention], role: str, units_only: bool = False
                ) -> list[tuple[UnitMention, str]]:
    """Each mention with ``role``, but a name marked with a role of its own (X（牵头）) takes that one, its
    mark left out of the mention; a shared mark (X、Y（按职责分工牵头）) covers the names since the last mark.
    ``units_only``: a mention with no mark that does not look like a unit is left out (the mark, looked for
    here anyway, is not looked for a second time by a filter before)."""
    part: list[tuple[UnitMention, str]] = []
    unmarked = 0  # the names since the last role mark
    for mention in mentions:
        # Most names end with no parenthesis, so with no role mark: one look at their last character, no search
        # and no call (21.1 k mentions over 300 generated documents).
        name = mention.mention
        mark = _ROLE_MARK.search(name) if name[-1:] in _MARK_CLOSES else None
        if not mark:
            if units_only and not looks_like_unit(mention.name):
                continue
            part.append((mention, role))
            unmarked += 1
            continue
        marked = _VERB_ROLES[mark.group("verb")]
        if mark.group("shared"):
            part[len(part) - unmarked:] = [(m, marked) for m, _ in part[len(part) - unmarked:]]
        part.append((cut_to(mention, mark.start()), marked))
        unmarked = 0
    return part


def _trailing_verb(text: str, start: int, end: int) -> str | None:
    segment = text[start:end].rstrip()
    for verb in _VERBS_BY_LAST_CHAR.get(segment[-1:], ()):
        if segment.endswith(verb) and len(segment) > len(verb):
            return verb
    return None


# --- role verbs after unit lists (in parentheses and in prose) -------------------------------

def _verb_clauses(text: str, kept=lambda start, end: False, verbs: list[tuple[int, int]] | None = None
                  ) -> list[_Clause]:
    """Clauses of role verbs: in parentheses (none of a parenthesis that ``kept(open, close + 1)``), then in prose
    (none starting in a parenthesis read as a clause). ``verbs``: the spans of the matches of _VERB in ``text``, when
    found already."""
    if verbs is None:
        verbs = _labels_and_verbs(text)[1]
    # A group that assigns holds a role verb (its parts end in one, or its mark is one), and so does a group
    # holding a subject (see below): only the groups on the lines of the verbs are read.
    clauses, held = _paren_verb_clauses(text, kept, _lines_of(text, verbs), verbs)
    taken = [(c.start, c.end) for c in clauses]
    # A subject starting in a parenthesis ends in it (a subject crosses a closing parenthesis only from before
    # its opening one), so its clause lies in that group: in one read as a clause it is not taken, in one held
    # by a clause kept it is dropped, and what it would block lies in the group too. It is not read.
    in_taken = _within(taken)
    unread = (*taken, *held)
    # From a verb inside such a group opened by a parenthesis that bounds a subject, the walk back to the subject's
    # start stops inside the group (see _WALLS): the verb is not walked back from.
    walled = _within(group for group in unread if text[group[0]] in _WALLS)
    clauses.extend(clause for clause in _prose_clauses(text, _within(unread), verbs, walled)
                   if not in_taken(clause.start))
    return clauses


# The opening parentheses that end a subject's walk back (_SUBJECT_BOUNDARY): a subject whose verb stands after one,
# in its group, starts in that group. (A parenthesis closing inside the group closes a group opened after its
# opening one, and a name's short parenthesis is searched back from its closing one: the walk goes back over it
# only to an opening one inside the group.) 〔 is no such wall: a subject may run back over it.
_WALLS = "".join(ch for ch in OPENING if ch in _SUBJECT_BOUNDARY)


def _lines_of(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the lines holding the spans ``found`` (in text order, none spanning a line break), each line
    once, in order."""
    lines: list[tuple[int, int]] = []
    end = -1
    for start, stop in found:
        if start > end:  # not on the line before
            end = text.find("\n", stop)
            lines.append((text.rfind("\n", 0, start) + 1, len(text) if end == -1 else end))
            if end == -1:
                break
    return lines


def _paren_marks(text: str) -> list[int]:
    """Positions of the parentheses of ``text``, in order: each found by ``str.find`` (memchr speed), not by the regex
    engine's test of every character of the verbs' lines (83 M instructions over 300 generated documents)."""
    marks: list[int] = []
    for ch in OPENING + CLOSING:
        marks.extend(sieve.places(text, ch))  # no generator of ours around each position found
    marks.sort()
    return marks


def _paren_groups(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans (open, close) of parenthesised groups in ``text[start:end]``, innermost groups included, in the order of
    their closing parentheses; a group never spans a line break (a line break between two parentheses closes every
    group open): the groups of each line."""
    end = len(text) if end is None else end
    lines = []
    while (line_end := text.find("\n", start, end)) != -1:
        lines.append((start, line_end))
        start = line_end + 1
    lines.append((start, end))
    return _line_groups(text, _paren_marks(text), lines)


def _line_groups(text: str, marks: list[int], lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """:func:`_paren_groups` of each of ``lines``, spans in order holding no line break (no group open is closed by
    one); ``marks``: the :func:`_paren_marks` of ``text``. One walk for all the lines, not a call for each (5580 verb
    lines on 300 generated documents)."""
    groups = []
    for start, end in lines:
        stack: list[int] = []
        for i in marks[bisect_left(marks, start):bisect_left(marks, end)]:
            if text[i] in OPENING:
                stack.append(i)
            elif stack:
                groups.append((stack.pop(), i))
    return groups


def _paren_verb_clauses(text: str, kept=lambda start, end: False, lines: list[tuple[int, int]] | None = None,
                        verbs: list[tuple[int, int]] | None = None) -> tuple[list[_Clause], list[tuple[int, int]]]:
    """（X牵头，Y配合，各有关部门分工负责）: every part of the group is units + role verb.

    A part without a verb takes the role of the next part that has one (``X、Y，Z按职责分工负责``: the
    role word comes last for the whole list); a role verb followed by 、 or a space also ends a part
    (``X牵头、Y配合``). A group that ``kept(open, close + 1)`` is not read: its span is returned with the
    clauses, among the groups held. Only the groups within ``lines`` (spans of whole lines) are read; all
    when None. ``verbs``: the spans of the matches of _VERB in ``text``, when found already."""
    clauses, held = [], []
    # The lines of the verbs hold no line break: the groups of each are read without looking for one.
    if lines is None:
        groups = _paren_groups(text)
    else:
        groups = _line_groups(text, _paren_marks(text), lines)
    verbs = _labels_and_verbs(text)[1] if verbs is None else verbs
    verb_starts = [start for start, _ in verbs]
    verb_starts.append(len(text))  # no verb starts there: the walk below stops at it
    after = 0  # the groups come in the order of their closing parentheses: each verb is passed once
    for open_, close in groups:
        while verb_starts[after] < close:
            after += 1
        # A group in which _VERB matches nowhere has no part ending in a role verb (a verb ending a part is
        # followed by a separator, a space or the closing parenthesis, so _VERB matches there or at an overlapping
        # place inside the group), and no role mark (each holds a verb before its closing parenthesis): no clause.
        # The matches are those of the whole text, walked along with the groups, not a search of each group.
        first = after
        while first and verb_starts[first - 1] > open_:
            first -= 1
        if first == after:
            # Nor need it be among the groups held (see _verb_clauses): no verb in it is to be skipped, and a
            # subject starting in it would start in the clause kept holding it (dropped by that one, and the walk
            # back of a later verb reaching it would start there too). Asked first, this spares the question to
            # the clauses kept for most groups (（1）, （一）: 7.4 k of 10.6 k over 300 generated documents).
            continue
        if kept(open_, close + 1):
            held.append((open_, close + 1))
            continue
        units = _verb_units(text, open_ + 1, close, verbs[first:after])
        if units:
            clauses.append(_clause(open_, close + 1, units))
        elif _MARK_INSIDE.search(text, open_ + 1, close):
            marked = _marked_list(text, open_ + 1, close)
            if marked:
                clauses.append(_clause(open_, close + 1, marked))
    return clauses, held


def _verb_units(text: str, start: int, end: int, verbs: list[tuple[int, int]]) -> tuple[tuple[UnitMention, str], ...]:
    """The units of ``text[start:end]`` when every part of it is units and each run of parts ends in a role
    verb, else (). ``verbs``: the spans of the matches of _VERB in ``text`` starting in the stretch."""
    units: list[tuple[UnitMention, str]] = []
    pending: list[UnitMention] = []
    for s, e in _role_parts_of(text, start, end, verbs):
        if s == start and text.startswith(_AGENT, s):  # （由X负责）
            s += 1
        verb = _trailing_verb(text, s, e)
        subject = _subject_units(text, s, e - len(verb or ""))
        if not subject:
            return ()
        if not verb:
            pending.extend(subject)
            continue
        units.extend(_with_marks((*pending, *subject), _VERB_ROLES[verb]))
        pending = []
    return () if pending else tuple(units)


_MARK_INSIDE = re.compile(_ROLE_MARK.pattern.removesuffix("$"))


def _marked_list(text: str, start: int, end: int) -> tuple[tuple[UnitMention, str], ...]:
    """（X（牵头）、Y、Z）: a bare list of units in which one is marked; the others are responsible.
    Every piece of the list must read as a unit (a list of examples or a note is no clause)."""
    pieces = split_unit_list(text, start, end)
    parts = _role_parts(text, start, end, "responsible")
    if len(parts) != len(pieces) or not all(looks_like_unit(m.name, True) for m, _ in parts):
        return ()
    return tuple(parts)


def _role_parts_of(text: str, start: int, end: int, verbs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Parts of a group: split at ，；, and after a role verb that a list separator follows (X牵头、Y配合).
    ``verbs``: the spans of the matches of _VERB in ``text`` starting in the group (none crosses a separator, a parenthesis or
    the group's end, so those of each part are those a search of the part finds)."""
    parts = []
    k = 0
    for s, e in split_outside_parentheses(text, start, end, _PART_SEPARATORS):
        while k < len(verbs) and verbs[k][0] < e:  # between two parts stand only separators and spaces
            verb_end = verbs[k][1]
            k += 1
            if verb_end < e and text[verb_end] in _LIST_GLUE and _trailing_verb(text, s, verb_end):
                parts.append((s, verb_end))
                s = verb_end + 1
        parts.append((s, e))
    return [(s, e) for s, e in parts if text[s:e].strip()]


def _subject_units(text: str, start: int, end: int) -> tuple[UnitMention, ...] | None:
    """The unit mentions of ``text[start:end]`` when every one of them reads as a unit name."""
    trimmed_start, trimmed_end = trim_list(text, start, end)
    if no_strict_units(text, trimmed_start, trimmed_end, _GLUE):  # most prose stretches: no split of them
        return None
    return _split_subject(text, trimmed_start, trimmed_end, start, end)


def _split_subject(text: str, start: int, end: int, stretch_start: int, stretch_end: int
                   ) -> tuple[UnitMention, ...] | None:
    """:func:`_subject_units` of the stretch ``text[stretch_start:stretch_end]``, trimmed to ``text[start:end]``."""
    mentions = split_unit_list(text, start, end)
    if not mentions:
        return None
    # Each name must read as a unit, and one split off a run without separator must open like one (交通警察支队,
    # not 制定管理办). (``strict`` passed by position, as everywhere here: the memo keys a call by how it is made.)
    for m in mentions:
        if not looks_like_unit(m.name, True) or (
                m.start > start and text[m.start - 1] not in _GLUE and not starts_unit_name(m.mention)):
            return None
    # Every character of the span must belong to a mention or a separator: the stretches no mention covers
    # hold separators only. One mention spanning it all covers it (most subjects: 县水利局负责), whatever a 等 holds.
    # Else the mentions come in text order, none overlapping; the words of a 等 closing part of the list
    # (etc_inside) only where the stretch holds a 等.
    if len(mentions) == 1 and mentions[0].start == start and mentions[0].end == end:
        return tuple(mentions)
    spans = [(m.start, m.end) for m in mentions]
    if ETC in text[stretch_start:stretch_end]:
        spans = sorted((*spans, *etc_inside(text, stretch_start, stretch_end)))
    at = start
    for m_start, m_end in spans:
        if m_start > at and text[at:min(m_start, end)].strip(_GLUE):
            return None
        at = max(at, m_end)
    if text[at:end].strip(_GLUE):
        return None
    return tuple(mentions)


_PROSE_BY = re.compile(
    rf"{alternation(_AGENT)}(?P<units>(?:(?!{alternation(_AGENT)})[^。；;，,：:\n]){{2,80}}?)(?P<verb>{alternation(role_words('by_verb'))})"
    rf"(?!{alternation(of_kind('role_context_words', 'not_after_by_verb'))})"
)
# X会同Y, also with a modal between (X要会同Y, X负责会同Y); a report's X将会同Y tells, it assigns nothing.
_WITH_MODALS = of_kind("role_context_words", "with_modal")
_WITH_UNITS_MAX = 40
_PROSE_WITH = re.compile(
    rf"(?P<units>[^。；;，,：:\n（(）)]{{2,{_WITH_UNITS_MAX}}}?)(?:{'|'.join(_WITH_MODALS)})?{alternation(_JOINTLY)}(?P<others>[^。；;，,：:\n]{{2,60}})"
)
# 建立教育、编办、人社…等有关单位部门密切协同的机制: the listed sectors take part.
# The farthest a match of _PROSE_WITH starts before its 会同: 40 characters of units and a modal.
_WITH_REACH = _WITH_UNITS_MAX + max(len(modal) for modal in _WITH_MODALS)
_PROSE_ETC = re.compile(
    rf"{alternation(of_kind('function_words', 'etc'))}{alternation(of_kind('unit_collectives', 'etc_qualifier'))}?"
    rf"{alternation(of_kind('unit_collectives', 'etc_noun'))}{{1,2}}"
    rf"{alternation(of_kind('role_context_words', 'etc_manner'))}?(?P<verb>{alternation(role_words('etc_verb'))})"
    rf"(?!{alternation(of_kind('role_context_words', 'not_after_etc_verb'))})"
)
_ADVERBS = of_kind("role_context_words", "adverb")
_ADVERBS_BY_LAST = lexicon.by_char(_ADVERBS, -1)
# Verbs that make a sentence describe a way of working (建立…机制, 形成…格局) instead of assigning a task.
_DESCRIBING = of_kind("role_context_words", "describing_verb")


def _prose_clauses(text: str, unread=lambda pos: False, verbs: list[tuple[int, int]] | None = None,
                   walled=lambda pos: False) -> list[_Clause]:
    """Clauses of role verbs in prose; no subject that starts where ``unread`` is read for a role verb after it.
    ``verbs``: the spans of the matches of _VERB in ``text``, when found already; none starting where ``walled`` is read
    (its subject would start where ``unread``)."""
    clauses = []
    for m in _PROSE_BY.finditer(text):
        subject = _subject_units(text, m.start("units"), m.end("units"))
        if subject:
            clauses.append(_clause(m.start(), m.end(), tuple(_with_marks(subject, _VERB_ROLES[m.group("verb")]))))
    for m in _PROSE_ETC.finditer(text):
        clause = _etc_clause(text, m)
        if clause:
            clauses.append(clause)
    for m in _with_matches(text):
        clause = _with_clause(text, m)
        if clause:
            clauses.append(clause)
    for verb in _labels_and_verbs(text)[1] if verbs is None else verbs:
        if walled(verb[0]):
            continue
        clause = _subject_verb_clause(text, verb, unread)
        if clause and not any(c.start <= clause.start < c.end for c in clauses):
            clauses.append(clause)
    return [c for c in clauses if not _describes(text, c.start, c.end)]


def _within(groups) -> Callable[[int], bool]:
    """Whether a position lies in one of ``groups``, spans of parenthesised groups: two are nested or apart, never
    crossing, so the outermost ones, in order, hold every position any holds (bisected)."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(groups):
        if not ends or start >= ends[-1]:  # not inside the outermost one before it
            starts.append(start)
            ends.append(end)

    def within(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and pos < ends[i]
    return within


_CLAUSE_END = re.compile("[，,。；;\n]")
_SENTENCE_ENDS = "。；;"  # and a line end


def _describes(text: str, start: int, end: int) -> bool:
    """建立由X牵头、Y配合的工作机制: a clause between a describing verb and the 的 of the thing built
    describes a way of working; it assigns nothing. (由X牵头，建立联席会议制度 still assigns.)"""
    # The sentence starts after the last 。；; or line end, however far back (a reach as long as the text so far).
    sentence_start = boundary_before(text, start, _SENTENCE_ENDS + LINE_END, reach=start)
    sentence = text[sentence_start:start]  # sliced once, not once per verb in a generator
    for verb in _DESCRIBING:
        if verb in sentence:
            break
    else:
        return False
    stop = _CLAUSE_END.search(text, end)
    return any(word in text[end:stop.start() if stop else len(text)] for word in _ATTRIBUTIVE)


def _with_matches(text: str):
    """The matches of _PROSE_WITH, as ``finditer`` gives them. A match holds its 会同 2 to _WITH_REACH
    characters after its start, so each is tried only at the starts within that reach before the next 会同:
    a search from there would try every character up to the next 会同 (or the text's end) when this one
    opens no match."""
    pos = 0
    while True:
        anchor = min((i for word in _JOINTLY if (i := text.find(word, pos + 2)) >= 0), default=-1)
        if anchor < 0:
            return
        for start in range(max(pos, anchor - _WITH_REACH), anchor - 1):
            m = _PROSE_WITH.match(text, start)
            if m:
                yield m
                pos = m.end()
                break
        else:
            pos = anchor - 1  # no match starts before here: a later one holds a later 会同


def _etc_clause(text: str, m: re.Match) -> _Clause | None:
    """The list before 等…协同: the longest run of unit names ending at 等 (a verb before it stays out)."""
    list_end = m.start()
    start = _subject_start(text, list_end, _SENTENCE_BOUNDARY)
    # 建立X、Y等部门密切配合的工作机制 describes cooperation: it assigns nothing.
    if text.startswith(_ATTRIBUTIVE, m.end()) or any(verb in text[start:list_end] for verb in _DESCRIBING):
        return None
    mentions = split_unit_list(text, start, list_end)
    units: list[UnitMention] = []
    for mention in reversed(mentions):
        if not looks_like_unit(mention.mention, True):
            # The first name may follow a verb (建立教育): keep the longest unit-like tail.
            tail = next((mention.mention[i:] for i in range(1, len(mention.mention) - 1)
                         if looks_like_unit(mention.mention[i:], True)), None)
            if tail:
                units.append(UnitMention(tail, mention.end - len(tail), mention.end, mention.placeholder))
            break
        units.append(mention)
    if len(units) < 2:
        return None
    units.reverse()
    role = _VERB_ROLES[m.group("verb")]
    return _clause(units[0].start, m.end(), tuple((u, role) for u in units))


_NAME_PARENTHETICAL = 12  # the longest parenthesis read as part of a name: 各乡镇（街道）, 县委编办（县委机构编制委员会办公室）
# The characters that stop _subject_start's walk back: the boundaries, and with the subject's boundary the
# closing parentheses too.
_STOPS_BEFORE = {boundary: boundary + (CLOSING if boundary is _SUBJECT_BOUNDARY else "")
                 for boundary in (_SUBJECT_BOUNDARY, _SENTENCE_BOUNDARY)}


def _subject_start(text: str, end: int, boundary: str = _SUBJECT_BOUNDARY) -> int:
    """Start of the subject ending at ``end``: back to the last boundary, over a short parenthesis that
    closes a name (各乡镇（街道）配合)."""
    # Only a boundary, and a closing parenthesis where one may be passed, stops the walk back: it goes from one
    # to the next by a search, not character by character.
    stops = _STOPS_BEFORE[boundary]
    start = end
    while start > 0:
        start = boundary_before(text, start, stops, start)  # the last stop before it, however far back
        if start == 0:
            break
        ch = text[start - 1]
        if ch in CLOSING and boundary is _SUBJECT_BOUNDARY and (open_ := _name_parenthesis(text, start)):
            start = open_
            continue
        if ch in boundary:
            break
        start -= 1
    return start


def _name_parenthesis(text: str, close_end: int) -> int:
    """Where the short parenthesis closing at ``close_end`` opens when it closes a name (各乡镇（街道）): it holds
    no boundary or parenthesis and a name stands before it; 0 when it does not."""
    open_ = max(text.rfind(o, max(0, close_end - 2 - _NAME_PARENTHETICAL), close_end - 1) for o in OPENING)
    inner = text[open_ + 1:close_end - 1] if open_ > 0 else ""
    if inner and not any(c in _SENTENCE_BOUNDARY + OPENING + CLOSING for c in inner) \
            and text[open_ - 1] not in _SUBJECT_BOUNDARY:
        return open_
    return 0


def _adverb_start(text: str, end: int) -> int:
    """Start of the first of _ADVERBS that ``text[:end]`` ends with (``end`` when none)."""
    # It is among those ending with the text's last character: a loop over those, no generator over all (3959 of
    # the 9495 verbs of 300 generated documents follow one: 积极参与).
    for adverb in _ADVERBS_BY_LAST.get(text[end - 1:end], _ADVERBS_BY_LAST[""]):
        if text.endswith(adverb, 0, end):
            return end - len(adverb)
    return end


def _subject_verb_clause(text: str, verb: tuple[int, int], unread=lambda pos: False) -> _Clause | None:
    """X部门负责…：the subject runs from the last boundary to the verb (the span of a match of _VERB) and is all unit
    names (None when it starts where ``unread``)."""
    end, verb_end = verb
    if text.endswith(_ADVERBS, 0, end):  # most verbs follow no adverb: one test, not one per adverb
        end = _adverb_start(text, end)
    if text[end - 1:end] not in _SUBJECT_ENDS:  # most verbs of prose: no subject could end there
        return None
    start = _subject_start(text, end)
    if end - start < 2 or text[start:end].startswith(_AGENT) or unread(start):
        return None
    subject = _subject_units(text, start, end)
    if not subject:
        return None
    return _clause(start, verb_end, tuple(_with_marks(subject, _VERB_ROLES[text[verb[0]:verb_end]])))


def _with_clause(text: str, m: re.Match) -> _Clause | None:
    """X会同Y…: X leads, Y takes part; Y is the longest run of unit names after 会同."""
    start = m.start("units")
    if start > 0 and text[start - 1] not in _SUBJECT_BOUNDARY:
        return None
    if text.startswith(_AGENT, start):  # 由X会同Y…
        start += 1
    leads = _subject_units(text, start, m.end("units"))
    if not leads:
        return None
    others_start = m.start("others")
    for end in range(m.end("others"), others_start + 1, -1):
        if text[end - 1] in "、" + CONJUNCTIONS:  # the others end with a name, not with what joins them
            continue
        others = _subject_units(text, others_start, end)
        if others:
            units = [(u, "lead") for u in leads] + [(u, "participant") for u in others]
            return _clause(start, end, tuple(units))
    return None


# --- tables ----------------------------------------------------------------------------------

def _table_clauses(text: str) -> list[_Clause]:
    """Rows under a TAB-separated header naming responsibility columns (牵头单位, 配合单位 …)."""
    # Lines without a TAB only reset the header (to none): the rows start at the line of the first TAB.
    first = text.find("\t")
    if first == -1:
        return []
    return _table_clauses_from(text, text.rfind("\n", 0, first) + 1)


def _table_clauses_from(text: str, pos: int) -> list[_Clause]:
    """:func:`_table_clauses` of the lines from ``pos``, a line start."""
    clauses: list[_Clause] = []
    columns: dict[int, str] = {}
    after_header = False
    for line in text[pos:].split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if "\t" not in line:
            if not _section_row(line):
                columns = {}
            after_header = False
            continue
        cells = _cells(line, line_start)
        # A header row is short: only there does a cell ending in a label (市卫健委内牵头处室) name a column.
        short = all(len(c.strip()) <= _LONGEST_HEADER_CELL for c, _, _ in cells)
        header = {i: role for i, (c, _, _) in enumerate(cells) if (role := _column_role(c, relaxed=short))}
        if header and after_header and columns and len(header) == len(cells):
            # A second header row splits the spanning cell above it (责任单位 -> 牵头单位 | 配合单位).
            first = min(columns)
            columns = {**{i: r for i, r in columns.items() if i < first}, **{first + i: r for i, r in header.items()}}
            continue
        after_header = bool(header)
        if header:
            columns = header
            continue
        units: list[tuple[UnitMention, str]] = []
        spans = []
        for i, role in columns.items():
            if i < len(cells):
                _, s, e = cells[i]
                units.extend(_cell_units(text, s, e, role))
                spans.append((s, e))
        if units:
            clauses.append(_clause(min(s for s, _ in spans), max(e for _, e in spans), tuple(units)))
    return clauses


_LONGEST_HEADER_PREFIX = 8  # 市卫健委内牵头处室: the body whose offices the column names
_LONGEST_HEADER_CELL = 12
_HEADER_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


def _column_role(cell: str, relaxed: bool = True) -> str | None:
    """Role of a header cell: a label (牵头单位, 配合), also with a note (牵头单位（部门）), after the body it
    belongs to (市卫健委内牵头处室) or before a second column name (责任单位及责任人)."""
    name = _HEADER_NOTE.sub("", cell.strip())
    if name in _COLUMN_ROLES or not relaxed:
        return _COLUMN_ROLES.get(name)
    for label in _LABELS_LONGEST_FIRST:
        if name.endswith(label) and len(name) - len(label) <= _LONGEST_HEADER_PREFIX:
            return _LABEL_ROLES[label]
        if name.startswith(label) and name[len(label):len(label) + 1] in (*_LABEL_JOINERS, "、", "/"):
            return _LABEL_ROLES[label]
    return None


def _cell_units(text: str, start: int, end: int, role: str) -> list[tuple[UnitMention, str]]:
    """Units of a responsibility cell; a cell holding its own labels (牵头：X；配合：Y) is read by them."""
    cell = text[start:end]
    labels = _labels_and_verbs(cell)[0]
    if labels:
        return [(shifted(m, start), r) for clause in _label_clauses(cell, labels) for m, r in clause.units]
    return _role_parts(text, start, end, role)


def _section_row(line: str) -> bool:
    """A full-width row of a table (一、夯实数字基础设施) that groups the rows below: the header still holds."""
    line = line.strip()
    return 0 < len(line) <= 40 and "。" not in line


def _cells(line: str, line_start: int) -> list[tuple[str, int, int]]:
    cells, pos = [], line_start
    for cell in line.split("\t"):
        cells.append((cell, pos, pos + len(cell)))
        pos += len(cell) + 1
    return cells
