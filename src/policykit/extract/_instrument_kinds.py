"""Which figures are policy instruments: money handed out (subsidies, awards, loans, guarantees) and limits
imposed (caps on beneficiaries, quotas, eligibility thresholds, score weights). They never count as targets.

The words live in ``lexicon/data/instrument_words.tsv`` and ``selection_words.tsv``; what stays here is
where those words must stand relative to the figure.
"""
from __future__ import annotations

import re

from .. import lexicon
from ._numbers import Quantity

_KIND_OF = {row["word"]: row["kind"] for row in lexicon.table("instrument_words").rows}
_WORD = re.compile(lexicon.alternation("instrument_words"))
_QUOTA_WORDS = tuple(word for word, kind in _KIND_OF.items() if kind == "quota")
_PUNCTUATION = re.compile(r"[，,；;。：:、（）()\n]")
_SELECTION = re.compile(lexicon.alternation("selection_words"))
# Who receives it: 对…的企业给予, 为…提供, 向…发放 (the phrase between the preposition and the giving verb).
_BENEFICIARY = re.compile(next(r["pattern"] for r in lexicon.table("measure_patterns").rows if r["name"] == "beneficiary"))


def money_kind(text: str, q: Quantity) -> str:
    """subsidy, award, loan or guarantee: the instrument word nearest a payment figure (subsidy if none).

    >>> from policykit.extract import find_quantities
    >>> text = "对新认定的企业给予最高50万元奖励"
    >>> money_kind(text, find_quantities(text)[0])
    'award'
    """
    stop = _PUNCTUATION.search(text, q.end, q.end + 6)
    after = _WORD.search(text, q.end, stop.start() if stop else q.end + 6)  # 给予50万元一次性奖励
    if after:
        return _KIND_OF[after.group()]
    nearest = None
    for nearest in _WORD.finditer(text, max(0, q.start - 16), q.start):
        pass
    return _KIND_OF[nearest.group()] if nearest else "subsidy"


def limit_kind(text: str, q: Quantity, clause: str, sentence: str) -> str | None:
    """cap or quota when a ceiling or an allotment bounds how many benefit, else None.

    >>> from policykit.extract import find_quantities
    >>> text = "每年遴选优秀人才不超过20名"
    >>> limit_kind(text, find_quantities(text)[0], text, text)
    'cap'
    """
    if any(word in clause for word in _QUOTA_WORDS):
        return "quota"
    if q.comparator in ("<=", "<") and _SELECTION.search(sentence):
        return "cap"
    return None


def beneficiary(text: str, sentence_start: int, pos: int) -> str | None:
    """The phrase naming who receives an instrument, as written (对首次认定的高新技术企业给予… -> 首次认定的高新技术企业).

    >>> beneficiary("对首次认定的高新技术企业给予30万元奖励", 0, 14)
    '首次认定的高新技术企业'
    """
    found = None
    for found in _BENEFICIARY.finditer(text, sentence_start, pos):
        pass
    return found.group("who") if found else None
