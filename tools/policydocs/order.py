"""Which items of a sequence kept their relative order: the longest increasing subsequence.

The checker (a translation's clauses in the source's order?) and the redline (which clauses
stayed in place between versions, which moved) ask the same question; everything outside the
longest in-order run counts as moved.
"""

from __future__ import annotations

from bisect import bisect_left


def in_order(positions: list[int]) -> set[int]:
    """Indexes into ``positions`` of one longest strictly increasing subsequence (O(n log n))."""
    tails: list[int] = []
    tails_idx: list[int] = []
    prev = [-1] * len(positions)
    for i, p in enumerate(positions):
        j = bisect_left(tails, p)
        if j == len(tails):
            tails.append(p)
            tails_idx.append(i)
        else:
            tails[j] = p
            tails_idx[j] = i
        prev[i] = tails_idx[j - 1] if j else -1
    keep: set[int] = set()
    i = tails_idx[-1] if tails_idx else -1
    while i != -1:
        keep.add(i)
        i = prev[i]
    return keep
