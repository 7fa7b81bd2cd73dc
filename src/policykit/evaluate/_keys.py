"""Comparison keys: the normal forms under which gold and extracted items count as the same."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .. import lexicon
from ..extract import read_number

# Section numbers (十三, 一百零二) are Chinese numerals of the digits and the units up to 百 of lexicon
# ``chinese_numerals``, read as the extractor reads numbers.
_SECTION_NUMERAL_CHARS = "".join(r["char"] for r in lexicon.table("chinese_numerals").rows
                                 if r["kind"] == "digit" or r["kind"] == "small_unit" and int(r["value"]) <= 100)
_NUMBER_PUNCTUATION = re.compile(r"[\s、.．,，:：()（）〔〕\[\]【】]")
_CHINESE_NUMBER = re.compile("^[" + _SECTION_NUMERAL_CHARS + "]+$")
# The measure word that may lead a unit (个学时 and 学时 compare equal): lexicon ``numeral_words``.
_CLASSIFIER = next(r["word"] for r in lexicon.table("numeral_words").rows if r["role"] == "general_classifier")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def text_key(text: str | None) -> str:
    """Simplified script, NFKC (full-width → ASCII) and no whitespace.

    Gold keeps Traditional text as written while the kit's clean text is Simplified, and the two may differ
    in full-width punctuation.

    >>> text_key("東營市 發展改革委（牽頭）")
    '东营市发展改革委(牵头)'
    """
    if not text:
        return ""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", _t2s().convert(text)))


def number_key(number: str | None) -> str:
    """A task or section number as an integer string when it is one ("01" → "1", "（十三）" → "13").

    >>> [number_key(n) for n in ["01", "（三）", "十三", "3.", "A"]]
    ['1', '3', '13', '3', 'A']
    """
    bare = _NUMBER_PUNCTUATION.sub("", unicodedata.normalize("NFKC", number or ""))
    if bare.isdigit():
        return str(int(bare))
    value = read_number(bare) if _CHINESE_NUMBER.match(bare) else None
    return bare if value is None else str(value)


def path_key(path) -> tuple[str, ...]:
    """The enclosing section numbers as number keys."""
    return tuple(number_key(str(p)) for p in (path or ()))


def decimal_key(value) -> Decimal | None:
    """An exact decimal without trailing zeros ("74.80" and 74.8 compare equal); None when not a number."""
    if value is None:
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite():
        return None
    return number.normalize() if number != 0 else Decimal(0)


def unit_key(unit: str | None) -> str:
    """A unit as written, Simplified, without a leading 个 classifier ("个学时" and "学时" compare equal).

    >>> unit_key("個學時"), unit_key("个"), unit_key(None)
    ('学时', '个', '')
    """
    key = text_key(unit)
    return key[len(_CLASSIFIER):] if key.startswith(_CLASSIFIER) and len(key) > 1 else key


def comparator_key(comparator: str | None) -> str:
    """Scoring treats ">" as ">=" and "<" as "<=" (GOLD_FORMAT.md)."""
    return {">": ">=", "<": "<="}.get(comparator or "", comparator or "")
