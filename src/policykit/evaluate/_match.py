"""Pure matching helpers: order-preserving alignment of keyed sequences and multiset pairing."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from typing import TypeVar

G = TypeVar("G")
E = TypeVar("E")


def align(gold_keys: Sequence[Hashable], extracted_keys: Sequence[Hashable]) -> list[tuple[int, int]]:
    """Index pairs (gold, extracted) of equal keys, in order, longest agreeing runs first.

    Runs are what make repeated numbers (1. 2. … under several sections) pair with the right occurrence.

    >>> align(["1", "2", "1", "2", "3"], ["1", "2", "3"])
    [(2, 0), (3, 1), (4, 2)]
    """
    matcher = SequenceMatcher(None, list(gold_keys), list(extracted_keys), autojunk=False)
    return [(block.a + k, block.b + k) for block in matcher.get_matching_blocks() for k in range(block.size)]


def pair_multisets(gold: Sequence[G], extracted: Sequence[E], gold_key: Callable[[G], Hashable],
                   extracted_key: Callable[[E], Hashable], prefer: Callable[[G, E], float] | None = None,
                   ) -> tuple[list[tuple[G, E]], list[G], list[E]]:
    """Pair items with equal keys; return (pairs, unpaired gold, unpaired extracted).

    The counts depend on the keys alone (multiset intersection). ``prefer`` only chooses which of several
    equal-keyed extracted items a gold item takes (highest first, else the earliest), so that the listed
    errors point at the right sentences.

    >>> pair_multisets(["a", "a", "b"], ["a", "c"], str, str)
    ([('a', 'a')], ['a', 'b'], ['c'])
    """
    waiting: dict[Hashable, list[int]] = defaultdict(list)
    for index, item in enumerate(extracted):
        waiting[extracted_key(item)].append(index)
    pairs, lone_gold, used = [], [], set()
    for item in gold:
        queue = waiting.get(gold_key(item))
        if queue:
            best = max(range(len(queue)), key=lambda k: prefer(item, extracted[queue[k]])) if prefer else 0
            index = queue.pop(best)
            used.add(index)
            pairs.append((item, extracted[index]))
        else:
            lone_gold.append(item)
    return pairs, lone_gold, [item for index, item in enumerate(extracted) if index not in used]
